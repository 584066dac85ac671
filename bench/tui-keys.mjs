// Keypress to frame while moving down the fully opened tree of the generated store (2,000 goals),
// in a 120×40 pseudo-terminal. Target: median < 16 ms; prints PASS/FAIL and exits 1 on FAIL.
import {spawnSync} from 'node:child_process';
import {copyFileSync, existsSync, mkdirSync, mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {cli, median, p95, report, root, startTui, stopTui, waitText} from './tui-lib.mjs';

if (!existsSync(cli)) spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], {stdio: 'inherit'});
let big = process.env.MALKOLL_BENCH_STORE;
if (!big || !existsSync(big)) {
	mkdirSync(join(root, 'bench', 'out'), {recursive: true});
	big = join(root, 'bench', 'out', 'stor.json');
	if (!existsSync(big)) spawnSync(process.execPath, [join(root, 'bench', 'generate.mjs'), big], {stdio: 'inherit'});
}
const file = join(mkdtempSync(join(tmpdir(), 'malkoll-bench-tui-')), 'store.json');
copyFileSync(big, file);

const sleep = ms => new Promise(r => setTimeout(r, ms));

/** Median and p95 of keypress-to-frame for 150 presses of j on a cols×rows terminal. */
async function mat(cols, rows) {
	const t = startTui(file, cols, rows);
	await waitText(t, 'a analys', 0, 10_000);
	await sleep(300);
	// O opens the whole tree: every j then moves through 2,000 visible rows.
	let from = t.out.length;
	t.child.stdin.write('O');
	await waitText(t, 'a analys', from);
	await sleep(100);
	const times = [];
	for (let i = 0; i < 150; i++) {
		from = t.out.length;
		const t0 = Number(process.hrtime.bigint()) / 1e6;
		t.child.stdin.write('j');
		times.push((await waitText(t, 'a analys', from)) - t0);
		// Past Ink's frame throttle (maxFps), so each key starts from a quiet screen.
		await sleep(25);
	}
	await stopTui(t);
	return times;
}

let ok = true;
for (const [cols, rows] of [
	[80, 24],
	[120, 40],
]) {
	const times = await mat(cols, rows);
	ok = report(`TUI: tangent till bild, j i genererad store ${cols}×${rows}`, median(times), 16, `median av 150, p95 ${p95(times).toFixed(1)} ms`) && ok;
}
process.exitCode = ok ? 0 : 1;
