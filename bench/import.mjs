// `malkoll import` of the largest seed (000, 184 KB) as a whole process, the store printed on stdout,
// against 2× `node -e 0` measured in the same run (medians); PASS/FAIL, exit 1 on FAIL. Writing the
// store with --out (lock, schema check, fsync, receipt) is printed beside it without a target.
import {spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const cli = join(root, 'dist', 'cli.js');
if (!existsSync(cli)) spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], {stdio: 'inherit'});
const work = mkdtempSync(join(tmpdir(), 'malkoll-bench-import-'));
const env = {...process.env, NO_COLOR: '1', MALKOLL_DATA: '', MALKOLL_CACHE: join(work, 'cache')};
const seed = join(root, 'test', 'fixtures', 'seeds', '000_d93415d658a6d1e8.txt');
const RUNS = 11;

/** Wall time of one run of `argv`, in ms; a failed run ends the bench. */
function once(argv) {
	const t0 = process.hrtime.bigint();
	const r = spawnSync(process.execPath, argv, {env, stdio: ['ignore', 'ignore', 'pipe']});
	const ms = Number(process.hrtime.bigint() - t0) / 1e6;
	if (r.status !== 0) throw new Error(`${argv.join(' ')} avslutades med ${r.status}: ${r.stderr}`);
	return ms;
}

try {
	// The first import fills the code cache (as after installing); the median is over the runs after it.
	once([cli, 'import', seed, '--out', join(work, 'warm.json')]);
	const [node, imp, out] = [[], [], []];
	// Interleaved, so that a change in the machine's load falls on all alike.
	for (let i = 0; i < RUNS; i++) {
		node.push(once(['-e', '0']));
		imp.push(once([cli, 'import', seed]));
		out.push(once([cli, 'import', seed, '--out', join(work, `ut-${i}.json`)]));
	}
	const median = xs => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
	const [nodeMs, importMs, outMs] = [median(node), median(imp), median(out)];
	const limit = 2 * nodeMs;
	const ok = importMs < limit;
	console.log(`      ${'node -e 0'.padEnd(46)} ${nodeMs.toFixed(0).padStart(5)} ms  (median av ${RUNS})`);
	console.log(`${ok ? 'PASS' : 'FAIL'}  ${'import 000 (184 KB), hel process'.padEnd(46)} ${importMs.toFixed(0).padStart(5)} ms  (mål < ${limit.toFixed(0)} ms, 2× node -e 0, median av ${RUNS})`);
	console.log(`      ${'import 000 --out (skriver lagret)'.padEnd(46)} ${outMs.toFixed(0).padStart(5)} ms  (inget mål; median av ${RUNS})`);
	if (!ok) process.exitCode = 1;
} finally {
	rmSync(work, {recursive: true, force: true});
}
