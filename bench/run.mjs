// `npm run bench`: wall time of the CLI against its targets, PASS/FAIL per target; exits 1 on a FAIL.
// Runs every other bench/*.mjs benchmark (import, TUI) after its own.
import {spawnSync} from 'node:child_process';
import {copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const cli = join(root, 'dist', 'cli.js');
if (!existsSync(cli)) spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], {stdio: 'inherit'});
const work = mkdtempSync(join(tmpdir(), 'malkoll-bench-'));
// Receipts of validated stores (source/store/kvitto.ts) in a folder of the bench's own.
const cache = join(work, 'cache');
const env = {...process.env, NO_COLOR: '1', MALKOLL_DATA: '', MALKOLL_CACHE: cache};

/** Median wall time of `runs` runs; `args` may be a function giving each run's arguments. */
function time(args, runs) {
	const times = [];
	for (let i = 0; i < runs; i++) {
		const argv = typeof args === 'function' ? args() : args;
		const t0 = process.hrtime.bigint();
		const r = spawnSync(process.execPath, argv, {env, stdio: ['ignore', 'ignore', 'pipe']});
		const ms = Number(process.hrtime.bigint() - t0) / 1e6;
		if (r.status !== 0) throw new Error(`${argv.join(' ')} avslutades med ${r.status}: ${r.stderr}`);
		times.push(ms);
	}
	times.sort((a, b) => a - b);
	return times[Math.floor(times.length / 2)];
}

let failed = false;
function report(name, ms, limit, note) {
	const ok = ms < limit;
	failed ||= !ok;
	console.log(`${ok ? 'PASS' : 'FAIL'}  ${name.padEnd(46)} ${ms.toFixed(0).padStart(5)} ms  (mål < ${limit.toFixed(0)} ms${note ? `, ${note}` : ''})`);
}

function info(name, ms, note) {
	console.log(`      ${name.padEnd(46)} ${ms.toFixed(0).padStart(5)} ms  (inget mål; ${note})`);
}

// The generated store first (when missing), so that it is not changed seconds before it is read.
mkdirSync(join(root, 'bench', 'out'), {recursive: true});
const big = join(root, 'bench', 'out', 'stor.json');
if (!existsSync(big)) spawnSync(process.execPath, [join(root, 'bench', 'generate.mjs'), big], {stdio: 'inherit'});

const nodeMs = time(['-e', '0'], 10);
console.log(`      ${'node -e 0'.padEnd(46)} ${nodeMs.toFixed(0).padStart(5)} ms`);

const bundled = join(work, 'bundled.json');
copyFileSync(join(root, 'data', 'bestallarenhet-2-2025.json'), bundled);
report('summary --json, bundlad store', time([cli, 'summary', '--json', '--data', bundled], 10), 3 * nodeMs, '3× node -e 0');
let m = 0;
info('set, bundlad store', time(() => [cli, 'set', '3.4.1.1', '--analys', `Bänkad analys ${m++}`, '--data', bundled], 10), 'median av 10');

// The first command to read a store after someone else changed it validates every byte and leaves
// a receipt; the commands after it (the usual case: malkoll itself made the last change) use it,
// and summary a shorter copy of a large store once it has not changed for two seconds (see
// source/store/vycache.ts). Both other cases are printed too, without a target.
const summaryArgs = [cli, 'summary', '--json', '--data', big];
rmSync(cache, {recursive: true, force: true});
info('summary --json, genererad store, första läsningen', time(summaryArgs, 1), 'validerar hela filen');
report('summary --json, genererad store (2 000 mål)', time(summaryArgs, 7), 500);

const bigCopy = join(work, 'stor.json');
copyFileSync(big, bigCopy);
let n = 0;
const setArgs = () => [cli, 'set', '1.1.1.1', '--period', 'T2', '--analys', `Bänkad analys ${n++}`, '--data', bigCopy];
info('set, genererad store, första läsningen', time(setArgs(), 1), 'validerar hela filen');
report('set, genererad store', time(setArgs, 7), 400);
const direkt = [];
for (let i = 0; i < 5; i++) {
	time(setArgs(), 1);
	direkt.push(time([cli, 'summary', '--json', '--data', bigCopy], 1));
}
info('summary --json direkt efter en set', direkt.sort((a, b) => a - b)[2], 'läser hela filen, median av 5');

for (const file of readdirSync(join(root, 'bench')).sort()) {
	if (!file.endsWith('.mjs') || ['run.mjs', 'generate.mjs', 'tui-lib.mjs'].includes(file)) continue;
	console.log(`\n# bench/${file}`);
	const r = spawnSync(process.execPath, [join(root, 'bench', file)], {stdio: 'inherit', env: {...process.env, MALKOLL_BENCH_STORE: big}});
	if (r.status !== 0) failed = true;
}
process.exitCode = failed ? 1 : 0;
