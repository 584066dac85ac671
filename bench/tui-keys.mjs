// Keypress to frame while moving down the fully opened tree of a large store, in a 200×60
// pseudo-terminal (and 80×24). Target: median ≤ 8 ms; prints PASS/FAIL and exits 1 on FAIL.
// The store: MALKOLL_BENCH_STORE (bench/run.mjs passes its own), else the issue's ~6 MB headroom
// store (500 goals, 1,500 indicators, 1,500 activities), generated once into bench/out/.
import {spawnSync} from 'node:child_process';
import {copyFileSync, existsSync, mkdirSync, mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {cpuMs, median, now, p95, report, root, settle, startTui, stopPty, waitText} from './tui-lib.mjs';

let store = process.env.MALKOLL_BENCH_STORE;
if (!store || !existsSync(store)) {
	mkdirSync(join(root, 'bench', 'out'), {recursive: true});
	store = join(root, 'bench', 'out', 'mellan.json');
	if (!existsSync(store)) spawnSync(process.execPath, [join(root, 'bench', 'generate.mjs'), store, '--goals', '500', '--indicators', '1500', '--activities', '1500'], {stdio: 'inherit'});
}
const file = join(mkdtempSync(join(tmpdir(), 'malkoll-bench-tui-')), 'store.json');
copyFileSync(store, file);

/** Keypress-to-frame times of 150 presses of j on a cols×rows terminal. */
async function mat(cols, rows) {
	const t = startTui(file, cols, rows);
	await waitText(t, 'a analys', 0, 10_000);
	await settle(t, 300);
	// O opens the whole tree: every j then moves through all its rows.
	t.child.stdin.write('O');
	await settle(t, 100);
	const times = [];
	const cpu0 = cpuMs(t);
	for (let i = 0; i < 150; i++) {
		const from = t.length;
		const t0 = now();
		t.child.stdin.write('j');
		// The hint row is the last row of a frame.
		times.push((await waitText(t, 'a analys', from)) - t0);
		// Past Ink's frame throttle (maxFps) and any later frame, so each key starts from a quiet screen.
		await settle(t);
	}
	const cpu = (cpuMs(t) - cpu0) / 150;
	await stopPty(t);
	return {times, cpu};
}

let ok = true;
for (const [cols, rows] of [
	[80, 24],
	[200, 60],
]) {
	const {times, cpu} = await mat(cols, rows);
	ok = report(`TUI: tangent till bild, j ${cols}×${rows}`, median(times), 8, `median av 150, p95 ${p95(times).toFixed(1)} ms, CPU ${cpu.toFixed(1)} ms per tangent`) && ok;
}
process.exitCode = ok ? 0 : 1;
