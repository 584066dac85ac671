// `malkoll import` of a 40-page PDF as a whole process, against the 1 s target; PASS/FAIL, exit 1 on FAIL.
// The pages: seed 000 (a PDF's text, one line per line) at 50 lines a page, laid out by test/fixtures/dokument.ts.
import {spawnSync} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {build} from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = join(root, 'dist', 'cli.js');
if (!existsSync(cli)) spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], {stdio: 'inherit'});
const dir = mkdtempSync(join(tmpdir(), 'malkoll-bench-pdf-'));
const LIMIT = 1000;
const PAGES = 40;
try {
	// Beside the project's node_modules, which the generator's packages are found in.
	mkdirSync(join(root, 'bench', 'out'), {recursive: true});
	const gen = join(root, 'bench', 'out', 'dokument.mjs');
	await build({entryPoints: [join(root, 'test/fixtures/dokument.ts')], outfile: gen, bundle: true, format: 'esm', platform: 'node', packages: 'external', logLevel: 'warning'});
	const {pdf} = await import(pathToFileURL(gen).href);
	const text = readFileSync(join(root, 'test/fixtures/seeds/000_d93415d658a6d1e8.txt'), 'utf8').split('\n').slice(0, PAGES * 48).join('\n');
	const file = join(dir, 'rapport.pdf');
	writeFileSync(file, await pdf(text, {perPage: 50, header: 'Äldrenämnden', size: 9}));
	const env = {...process.env, MALKOLL_CACHE: join(dir, 'cache')};
	const times = [];
	for (let i = 0; i < 6; i++) {
		const t0 = process.hrtime.bigint();
		const r = spawnSync(process.execPath, [cli, 'import', file, '--out', join(dir, `store-${i}.json`)], {env, stdio: ['ignore', 'ignore', 'pipe']});
		times.push(Number(process.hrtime.bigint() - t0) / 1e6);
		if (r.status !== 0) throw new Error(`import avslutades med ${r.status}: ${r.stderr}`);
	}
	const first = times[0];
	const median = [...times.slice(1)].sort((a, b) => a - b)[2];
	const ok = median < LIMIT;
	console.log(`${ok ? 'PASS' : 'FAIL'}  ${`import av PDF (${PAGES} sidor), hel process`.padEnd(46)} ${median.toFixed(0).padStart(5)} ms  (mål < ${LIMIT} ms, median av 5; första körningen ${first.toFixed(0)} ms)`);
	if (!ok) process.exitCode = 1;
} finally {
	rmSync(dir, {recursive: true, force: true});
}
