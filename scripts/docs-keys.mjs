// npm run docs:keys: writes the README's key section from source/ui/keys.ts, the table the help
// screen and the hint row read; test/ui-keys.test.ts fails when the README differs from it.
import {build} from 'esbuild';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = mkdtempSync(path.join(tmpdir(), 'malkoll-keys-'));
try {
	const out = path.join(dir, 'keys.mjs');
	await build({entryPoints: [path.join(root, 'source/ui/keys.ts')], outfile: out, bundle: true, format: 'esm', platform: 'node', logLevel: 'warning'});
	const {tangentMarkdown, README_START, README_SLUT} = await import(pathToFileURL(out).href);
	const readme = path.join(root, 'README.md');
	const text = readFileSync(readme, 'utf8');
	const a = text.indexOf(README_START);
	const b = text.indexOf(README_SLUT);
	if (a < 0 || b < a) throw new Error(`README.md: markörerna ${README_START} och ${README_SLUT} saknas`);
	writeFileSync(readme, `${text.slice(0, a + README_START.length)}\n${tangentMarkdown()}\n${text.slice(b)}`);
} finally {
	rmSync(dir, {recursive: true, force: true});
}
