// Start to the first full frame of the TUI on the bundled store, in an 80×24 pseudo-terminal,
// against a bare `node -e 'console.log(1)'` started the same way in the same run (turn about, so
// both see the same load). Target: median ≤ 2× node's; prints PASS/FAIL and exits 1 on FAIL.
import {copyFileSync, mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {median, now, report, root, startPty, startTui, stopPty, waitText} from './tui-lib.mjs';

const file = join(mkdtempSync(join(tmpdir(), 'malkoll-bench-tui-')), 'store.json');
copyFileSync(join(root, 'data', 'bestallarenhet-2-2025.json'), file);

/** Milliseconds from spawning `start()` until `text` is on its screen. */
async function tid(start, text, quit) {
	const t0 = now();
	const t = start();
	const t1 = await waitText(t, text, 0);
	await stopPty(t, quit);
	return t1 - t0;
}

// The cache folder is a fresh one of the bench's (tui-lib.mjs): the first start has no compiled
// code (source/skript.ts), as after an install or upgrade, and is shown apart.
const forsta = await tid(() => startTui(file, 80, 24), 'a analys', 'q');
const tui = [];
const node = [];
for (let i = 0; i < 10; i++) {
	node.push(await tid(() => startPty(['-e', 'console.log(1)'], 80, 24), '1', ''));
	// The hint row is the last row of a frame, written in the same write as the rest.
	tui.push(await tid(() => startTui(file, 80, 24), 'a analys', 'q'));
}
const nodeMs = median(node);
console.log(`      ${"node -e 'console.log(1)' i pty".padEnd(46)} ${nodeMs.toFixed(1).padStart(6)} ms  (median av 10)`);
const ok = report('TUI: start till första hela bilden (bundlad)', median(tui), 2 * nodeMs, `2× node, median av 10, min ${Math.min(...tui).toFixed(0)} ms, första (utan kodcache) ${forsta.toFixed(0)} ms`);
process.exitCode = ok ? 0 : 1;
