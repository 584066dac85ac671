// Import of the largest seed (000, 184 KB, layout A) against the 0.3 s target; PASS/FAIL, exit 1 on FAIL.
import {build} from 'esbuild';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {pathToFileURL} from 'node:url';

const root = new URL('..', import.meta.url);
const dir = mkdtempSync(join(tmpdir(), 'malkoll-bench-import-'));
const LIMIT = 300;
try {
	const outfile = join(dir, 'import.mjs');
	await build({entryPoints: [new URL('source/import/index.ts', root).pathname], outfile, bundle: true, format: 'esm', platform: 'node', target: 'node20', logLevel: 'warning'});
	const {importReport} = await import(pathToFileURL(outfile).href);
	const seed = new URL('test/fixtures/seeds/000_d93415d658a6d1e8.txt', root);
	const t0 = performance.now();
	const text = readFileSync(seed, 'utf8');
	const {data} = importReport(text, '000_d93415d658a6d1e8.txt');
	const cold = performance.now() - t0;
	const warm = [];
	for (let i = 0; i < 5; i++) {
		const t = performance.now();
		importReport(text, '000_d93415d658a6d1e8.txt');
		warm.push(performance.now() - t);
	}
	warm.sort((a, b) => a - b);
	const ok = cold < LIMIT;
	console.log(`${ok ? 'PASS' : 'FAIL'}  ${'import 000 (184 KB, första körningen)'.padEnd(46)} ${cold.toFixed(0).padStart(5)} ms  (mål < ${LIMIT} ms, varm median ${warm[2].toFixed(0)} ms, ${data.goals.length} mål)`);
	if (!ok) process.exitCode = 1;
} finally {
	rmSync(dir, {recursive: true, force: true});
}
