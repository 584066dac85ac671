// Regenerates the bundled example stores in data/ from the seed texts in test/fixtures/seeds:
// bundles source/import with esbuild into a temp file and runs the importer on each seed.
import {build} from 'esbuild';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {pathToFileURL} from 'node:url';

const root = new URL('..', import.meta.url);
const dir = mkdtempSync(join(tmpdir(), 'malkoll-data-'));
const EXEMPEL = [
	{seed: 'test/fixtures/seeds/003_f3a4a286e93c5bae.txt', ut: 'data/bestallarenhet-2-2025.json'},
	{seed: 'test/fixtures/seeds/000_d93415d658a6d1e8.txt', ut: 'data/aldrenamnden-2025.json'},
];
try {
	const outfile = join(dir, 'import.mjs');
	await build({
		stdin: {
			contents: "export {importReport} from './source/import/index.ts'; export {serializeStore} from './source/store/serialize.ts';",
			resolveDir: new URL('.', root).pathname,
			loader: 'ts',
		},
		outfile,
		bundle: true,
		format: 'esm',
		platform: 'node',
		target: 'node20',
		logLevel: 'warning',
	});
	const {importReport, serializeStore} = await import(pathToFileURL(outfile).href);
	const only = process.argv.slice(2);
	for (const {seed, ut} of EXEMPEL) {
		if (only.length > 0 && !only.some(o => ut.includes(o))) continue;
		const fil = seed.split('/').pop();
		const {data, warnings} = importReport(readFileSync(new URL(seed, root), 'utf8'), fil);
		for (const w of warnings) console.error(`${fil}:${w.line}: ${w.message}`);
		writeFileSync(new URL(ut, root), serializeStore(data));
		console.log(`${ut}: ${data.goals.length} mål, ${data.indicators.length} indikatorer, ${data.activities.length} aktiviteter`);
	}
} finally {
	rmSync(dir, {recursive: true, force: true});
}
