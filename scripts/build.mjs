// Bundles source/cli.ts into dist/cli.js, a CommonJS script with every command, and the TUI (Ink,
// React) into a bundle of its own that only `malkoll` without a subcommand loads.
import {build} from 'esbuild';
import {chmodSync, existsSync, readFileSync, rmSync, symlinkSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const source = file => JSON.stringify(path.join(root, 'source', file));
// string-width, slice-ansi and ansi-tokenize make their Unicode tables through source/ui/ink/unicode.ts.
const lazyUnicode = {prefix: `import * as malkollUnicode from ${source('ui/ink/unicode.ts')};\n`, edits: [['new Intl.Segmenter(', 'malkollUnicode.segmenter(', 'all']]};

/** Every change malkoll makes to a dependency's text, and why: each `from` must be in the file as
 * installed, or the build fails (the dependency is pinned to an exact version in package.json, and
 * test/build-patches.test.ts checks this table against node_modules). `all`: every occurrence. */
export const PATCHES = [
	{
		// meow normalizes package.json data when it loads (spdx tables, ~20 ms of every command's CPU);
		// malkoll passes `pkg` itself, so that work is done on first use instead. Its dead
		// `promisify(execFile)` loads node:child_process (~8 ms) for nothing.
		file: 'meow/build/dependencies.js',
		edits: [
			['var normalizeExports = requireNormalize();\nconst normalizePackageData = getDefaultExportFromCjs(normalizeExports);', 'const normalizePackageData = (...a) => getDefaultExportFromCjs(requireNormalize())(...a);'],
			["import { execFile } from 'node:child_process';", ''],
			['\npromisify(execFile);\n', '\n'],
		],
	},
	{
		// Ink builds each frame as a grid of one object per cell: at 120×40 three quarters of a
		// keypress (~13 ms → ~4 ms). Output.get() asks source/ui/ink/output.ts first, which makes the
		// same string per row from its runs of one style, and runs as before when that declines.
		file: 'ink/build/output.js',
		edits: [
			[
				"import { styledCharsFromTokens, styledCharsToString, tokenize, } from '@alcalzone/ansi-tokenize';",
				`import * as malkollAnsiLib from '@alcalzone/ansi-tokenize';\nimport {snabbUtdata as malkollSnabbUtdata} from ${source('ui/ink/output.ts')};\nconst {styledCharsFromTokens, styledCharsToString, tokenize} = malkollAnsiLib;`,
			],
			['    get() {\n', '    get() {\n        const malkollSnabb = malkollSnabbUtdata(this.operations, this.width, this.height, malkollAnsiLib);\n        if (malkollSnabb) return malkollSnabb;\n'],
		],
	},
	{
		// A script (the code cache needs one on Node 20) cannot await at the top; Ink's two awaits,
		// both only under DEV=true (React devtools), become the require and readFileSync they stand for.
		file: 'ink/build/reconciler.js',
		edits: [
			["await import('./devtools.js');", "require('./devtools.js');"],
			["error.code === 'ERR_MODULE_NOT_FOUND'", "(error.code === 'ERR_MODULE_NOT_FOUND' || error.code === 'MODULE_NOT_FOUND')"],
			['? await loadPackageJson()', "? JSON.parse(require('node:fs').readFileSync(new URL('../package.json', import.meta.url), 'utf8'))"],
		],
	},
	// An Intl.Segmenter each when they load (ICU's break rules, ~15–30 ms for the first) and
	// /^\p{RGI_Emoji}$/v (~20–40 ms), for tables the TUI's first frame needs none of: ~30 ms of CPU
	// to the first frame. They are made on first use, the segmenters right after the first frame.
	{file: 'string-width/index.js', prefix: lazyUnicode.prefix, edits: [...lazyUnicode.edits, ['const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;', "const rgiEmojiRegex = malkollUnicode.regExp('^\\\\p{RGI_Emoji}$', 'v');"]]},
	{file: 'wrap-ansi/node_modules/string-width/index.js', ...lazyUnicode},
	{file: 'slice-ansi/tokenize-ansi.js', ...lazyUnicode},
	{file: '@alcalzone/ansi-tokenize/build/tokenize.js', ...lazyUnicode},
];

/** `text` with the patch's edits made; throws naming the file and the text when one is missing. */
export function patch(p, text) {
	for (const [from, to, all] of p.edits) {
		if (!text.includes(from)) throw new Error(`build: node_modules/${p.file} har ändrats (${JSON.stringify(from.slice(0, 60))} saknas); se PATCHES i scripts/build.mjs och versionen i package.json`);
		text = all ? text.replaceAll(from, () => to) : text.replace(from, () => to);
	}
	return (p.prefix ?? '') + text;
}

/** The esbuild plugin that makes the PATCHES, and the set of those it made. */
function patchPlugin() {
	const patched = new Set();
	const patches = {
		name: 'patches',
		setup(b) {
			const byPath = new Map(PATCHES.map(p => [path.join(root, 'node_modules', p.file), p]));
			const escape = s => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
			b.onLoad({filter: new RegExp(`^(${[...byPath.keys()].map(escape).join('|')})$`)}, args => {
				const p = byPath.get(args.path);
				patched.add(p);
				return {contents: patch(p, readFileSync(args.path, 'utf8')), loader: 'js'};
			});
			// yoga-layout's entry awaits its WebAssembly at the top; in the bundle Ink's `import Yoga
			// from 'yoga-layout'` is source/ui/ink/yoga.ts, the same Yoga loaded before the first layout.
			b.onResolve({filter: /^yoga-layout$/}, () => ({path: path.join(root, 'source', 'ui', 'ink', 'yoga.ts')}));
		},
	};
	return {patches, patched};
}

/** Builds into `outdir` (tests build a private copy). */
async function bygg(outdir) {
	rmSync(outdir, {recursive: true, force: true});
	const {patches, patched} = patchPlugin();
	const define = {'process.env.NODE_ENV': '"production"', 'process.env.DEV': '"false"', MALKOLL_VERSION: JSON.stringify(pkg.version), 'import.meta': '__malkollImportMeta'};
	// Every bundle is one strict CommonJS script (the directive before the banner's line), named
	// NAME-HASH.cjs but dist/cli.js; the hash is esbuild's of the content, and keys the code cache.
	const common = {
		absWorkingDir: root,
		bundle: true,
		format: 'cjs',
		platform: 'node',
		target: 'node20',
		jsx: 'automatic',
		legalComments: 'none',
		// Whitespace only (names stay, for stack traces): a third less to read at each start, ~10 ms of the TUI's ~150 ms after Node's own start-up.
		minifyWhitespace: true,
		external: ['react-devtools-core'],
		logLevel: 'warning',
		banner: {js: "'use strict';\nconst __malkollImportMeta = {url: require('node:url').pathToFileURL(__filename).href};"},
		plugins: [patches],
	};
	const hashed = {entryNames: '[name]-[hash]', outExtension: {'.js': '.cjs'}, outdir, metafile: true};
	const fileOf = result => Object.keys(result.metafile.outputs).map(f => path.basename(f)).find(f => f.endsWith('.cjs'));
	// The TUI (source/ui/start.ts: Ink, React, the app, the store layer), loaded only by `malkoll`.
	const tui = fileOf(await build({...common, ...hashed, entryPoints: {tui: 'source/ui/start.ts'}, define}));
	// The commands, which dist/cli.js runs through the code cache (source/skript.ts): Node starts a
	// script ~30 ms sooner than ES modules, and the cache saves compiling it.
	const app = fileOf(await build({...common, ...hashed, entryPoints: {app: 'source/main.ts'}, define: {...define, MALKOLL_TUI: JSON.stringify(tui)}}));
	await build({...common, entryPoints: {cli: 'source/cli.ts'}, outdir, define: {...define, MALKOLL_APP: JSON.stringify(app), MALKOLL_TUI: JSON.stringify(tui)}});
	const missing = PATCHES.filter(p => !patched.has(p));
	if (missing.length) throw new Error(`build: ${missing.map(p => `node_modules/${p.file}`).join(', ')} ingår inte längre i bunten; se PATCHES i scripts/build.mjs`);
	writeFileSync(path.join(outdir, 'package.json'), '{"type": "commonjs"}\n');
	// The packages the commands require when first needed (mammoth, pdfjs-dist) are found from a build elsewhere too.
	if (!existsSync(path.join(outdir, '..', 'node_modules'))) symlinkSync(path.join(root, 'node_modules'), path.join(outdir, 'node_modules'), 'junction');
	chmodSync(path.join(outdir, 'cli.js'), 0o755);
}

// `node scripts/build.mjs [DIR]`: into dist/, or DIR.
if (import.meta.url === pathToFileURL(process.argv[1]).href) {
	try {
		await bygg(process.argv[2] ?? path.join(root, 'dist'));
	} catch (error) {
		// esbuild has printed its own errors (a failed patch among them).
		if (!error?.errors) console.error(error instanceof Error ? error.message : error);
		process.exit(1);
	}
}
