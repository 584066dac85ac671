// `npm run bench`: each command as a whole process on realistic stores, as a ratio to `node -e 0`
// measured in the same run; PASS/FAIL per target, exit 1 on a FAIL. Then every other bench/*.mjs.
// Each command runs right after a `node -e 0`; the fastest of its runs is divided by theirs (the
// machine is shared: the fastest run is the one least held up by others, for both alike).
// Stores: the bundled unit store (34 KB); a nämnd's with four periods of text (~1 MB, no target:
// printed to watch); and as headroom a unit store of 500 goals, 1,500 indicators and 1,500
// activities (~6 MB). They are generated into a temp folder once per run.
import {spawnSync} from 'node:child_process';
import {copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const cli = join(root, 'dist', 'cli.js');
if (!existsSync(cli)) spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], {stdio: 'inherit'});
const work = mkdtempSync(join(tmpdir(), 'malkoll-bench-'));
// The compiled code (source/skript.ts) goes to a cache folder of the bench's own.
const env = {...process.env, NO_COLOR: '1', MALKOLL_DATA: '', MALKOLL_CACHE: join(work, 'cache')};
const RUNS = 7;

function once(argv) {
	const t0 = process.hrtime.bigint();
	const r = spawnSync(process.execPath, argv, {env, stdio: ['ignore', 'ignore', 'pipe']});
	if (r.status !== 0) throw new Error(`${argv.join(' ')} avslutades med ${r.status}: ${r.stderr}`);
	return Number(process.hrtime.bigint() - t0) / 1e6;
}

/** Fastest wall time of RUNS runs after one not counted (it writes the code cache), each run right
 * after one of `node -e 0`, so that both see the same load; `args` may be a function giving each
 * run's arguments. */
function time(args) {
	const ms = [];
	const node = [];
	for (let i = 0; i <= RUNS; i++) {
		const n = once(['-e', '0']);
		const t = once(typeof args === 'function' ? args() : args);
		if (i > 0) (ms.push(t), node.push(n));
	}
	return {ms: Math.min(...ms), node: Math.min(...node)};
}

function generate(name, flags) {
	const file = join(work, name);
	const r = spawnSync(process.execPath, [join(root, 'bench', 'generate.mjs'), file, ...flags], {stdio: ['ignore', 'ignore', 'inherit']});
	if (r.status !== 0) throw new Error(`bench/generate.mjs ${flags.join(' ')} misslyckades`);
	return file;
}

const bundled = join(work, 'enhet.json');
copyFileSync(join(root, 'data', 'bestallarenhet-2-2025.json'), bundled);
const stores = [
	{name: 'bundlad', file: bundled, id: '3.4.1.1', limits: {summary: 2, show: 2, set: 2, export: 2, report: 2, validate: 2}},
	{name: 'nämnd', file: generate('namnd.json', ['--namnd', '--goals', '100', '--indicators', '50', '--activities', '50', '--periods', 'VP,T1,T2,VB']), id: '1.1.1', limits: {}},
	{name: '6 MB', file: generate('sex.json', ['--goals', '500', '--indicators', '1500', '--activities', '1500']), id: '1.1.1.1', limits: {summary: 4, set: 4, show: 3.5}},
];

let failed = false;
for (const s of stores) {
	const kb = statSync(s.file).size / 1024;
	console.log(`\n# ${s.name} store (${kb < 1024 ? `${kb.toFixed(0)} KB` : `${(kb / 1024).toFixed(1)} MB`}), snabbast av ${RUNS}`);
	let n = 0;
	const commands = {
		summary: [cli, 'summary', '--json', '--data', s.file],
		show: [cli, 'show', s.id, '--data', s.file],
		set: () => [cli, 'set', s.id, '--analys', `Bänkad analys ${n++}`, '--data', s.file],
		export: [cli, 'export', '--json', '--data', s.file],
		report: [cli, 'report', '--data', s.file],
		validate: [cli, 'validate', s.file],
		'completion --ids': [cli, 'completion', '--ids', '--data', s.file],
	};
	for (const [name, args] of Object.entries(commands)) {
		const {ms, node} = time(args);
		const ratio = ms / node;
		const limit = s.limits[name];
		const verdict = limit === undefined ? '    ' : ratio <= limit ? 'PASS' : 'FAIL';
		failed ||= verdict === 'FAIL';
		console.log(`${verdict}  ${`${name}, ${s.name}`.padEnd(34)} ${ms.toFixed(0).padStart(5)} ms  ${ratio.toFixed(2).padStart(5)}× node -e 0 (${node.toFixed(0)} ms)${limit === undefined ? '' : `  (mål ≤ ${limit}×)`}`);
	}
}

for (const file of readdirSync(join(root, 'bench')).sort()) {
	if (!file.endsWith('.mjs') || ['run.mjs', 'generate.mjs', 'tui-lib.mjs'].includes(file)) continue;
	console.log(`\n# bench/${file}`);
	const r = spawnSync(process.execPath, [join(root, 'bench', file)], {stdio: 'inherit', env: {...process.env, MALKOLL_BENCH_STORE: stores[2].file}});
	if (r.status !== 0) failed = true;
}
rmSync(work, {recursive: true, force: true});
process.exitCode = failed ? 1 : 0;
