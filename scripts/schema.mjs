// Writes schema/malkoll.schema.json from the zod schema in source/store/schema.ts; with --check,
// only fails (exit 1) when the committed file is out of date.
import {build} from 'esbuild';
import {readFileSync, writeFileSync} from 'node:fs';

const out = new URL('../schema/malkoll.schema.json', import.meta.url);
const bundle = await build({
	entryPoints: [new URL('../source/store/schema.ts', import.meta.url).pathname],
	bundle: true,
	write: false,
	format: 'esm',
	platform: 'node',
	logLevel: 'warning',
});
const code = bundle.outputFiles[0].text;
const {storeJsonSchema} = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
const text = `${JSON.stringify(storeJsonSchema(), null, 2)}\n`;
if (process.argv.includes('--check')) {
	let current = '';
	try {
		current = readFileSync(out, 'utf8');
	} catch {}
	if (current !== text) {
		console.error('schema/malkoll.schema.json är inaktuell: kör node scripts/schema.mjs');
		process.exit(1);
	}
} else {
	writeFileSync(out, text);
	console.log(`skrev ${out.pathname}`);
}
