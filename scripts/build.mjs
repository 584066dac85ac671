// Bundles source/cli.ts into dist/cli.js, a CommonJS script with every command, and the TUI (Ink,
// React) into a bundle of its own that only `malkoll` without a subcommand loads (tuiBundle below).
import {build} from 'esbuild';
import {chmodSync, existsSync, readFileSync, rmSync, symlinkSync, writeFileSync} from 'node:fs';
import {readFile} from 'node:fs/promises';
import {fileURLToPath} from 'node:url';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

// meow normalizes package.json data eagerly at import (spdx tables, ~60 ms); we pass `pkg` ourselves,
// so make that work lazy. If meow changes, the bundle still works, only slower.
const lazyMeow = {
	name: 'lazy-meow-normalize',
	setup(b) {
		b.onLoad({filter: /meow[\\/]build[\\/]dependencies\.js$/}, async args => {
			const source = await readFile(args.path, 'utf8');
			const eager = 'var normalizeExports = requireNormalize();\nconst normalizePackageData = getDefaultExportFromCjs(normalizeExports);';
			if (!source.includes(eager)) console.warn('build: meow har ändrats; normalize-package-data laddas direkt');
			return {contents: source.replace(eager, 'const normalizePackageData = (...a) => getDefaultExportFromCjs(requireNormalize())(...a);'), loader: 'js'};
		});
	},
};

// Ink builds each frame as a grid of one object per cell and tokenizes every line character by
// character: at 120×40 three quarters of a keypress. malkoll's rows all start at column 0, so
// source/ui/ink-output.ts makes the same string per row from its runs of one style; Output.get()
// asks it first and runs as before when it declines (clipping, Box rows, odd escape codes).
// test/ui-ink-output.test.tsx checks that the strings are the same as Ink's and that the bundle is
// patched. If Ink changes, the bundle still works, only slower.
const inkOutputFast = {
	name: 'ink-output-fast',
	setup(b) {
		b.onLoad({filter: /[\\/]ink[\\/]build[\\/]output\.js$/}, async args => {
			const source = await readFile(args.path, 'utf8');
			const imp = "import { styledCharsFromTokens, styledCharsToString, tokenize, } from '@alcalzone/ansi-tokenize';";
			const get = '    get() {\n';
			if (!source.includes(imp) || !source.includes(get)) {
				console.warn('build: ink/build/output.js har ändrats; Inks långsamma Output.get() används');
				return undefined;
			}
			const fast = JSON.stringify(fileURLToPath(new URL('../source/ui/ink-output.ts', import.meta.url)));
			const lib = '{styledCharsFromTokens, styledCharsToString, tokenize, reduceAnsiCodesIncremental, diffAnsiCodes, ansiCodesToString}';
			const contents = source
				.replace(imp, `import ${lib} from '@alcalzone/ansi-tokenize';\nimport {snabbUtdata as malkollSnabbUtdata} from ${fast};\nconst malkollAnsiLib = ${lib};`)
				.replace(get, `${get}        const malkollSnabb = malkollSnabbUtdata(this.operations, this.width, this.height, malkollAnsiLib);\n        if (malkollSnabb) return malkollSnabb;\n`);
			return {contents, loader: 'js'};
		});
	},
};

// string-width, slice-ansi and @alcalzone/ansi-tokenize build Unicode tables when Ink loads: an
// Intl.Segmenter each (ICU's break rules, ~15 ms for the first) and /^\p{RGI_Emoji}$/v (~40 ms),
// a third of the TUI's start, though its first frame needs none of them. source/ui/lat.ts makes
// them on first use (and segments plain Latin text without ICU); run.tsx makes the segmenters once
// the first frame is drawn. If these modules change, the bundle still works, only slower to start.
const lazyUnicode = {
	name: 'lazy-unicode',
	setup(b) {
		const lat = JSON.stringify(fileURLToPath(new URL('../source/ui/lat.ts', import.meta.url)));
		b.onLoad({filter: /[\\/](string-width[\\/]index|slice-ansi[\\/]tokenize-ansi|@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]tokenize)\.js$/}, async args => {
			let source = await readFile(args.path, 'utf8');
			const segmenters = source.split('new Intl.Segmenter(').length - 1;
			source = source.replaceAll('new Intl.Segmenter(', 'malkollLat.segmenter(');
			// Only where the pattern is used for test() alone (string-width).
			const emoji = 'const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;';
			let emojis = 0;
			if (source.includes(emoji) && source.split('rgiEmojiRegex').length === source.split('rgiEmojiRegex.test(').length + 1) {
				source = source.replace(emoji, () => "const rgiEmojiRegex = malkollLat.regExp('^\\\\p{RGI_Emoji}$', 'v');");
				emojis = 1;
			}
			if (segmenters === 0 && emojis === 0) {
				console.warn(`build: ${args.path} har ändrats; dess Unicode-tabeller byggs direkt`);
				return undefined;
			}
			return {contents: `import * as malkollLat from ${lat};\n${source}`, loader: 'js'};
		});
	},
};

// yoga-layout turns its inline wasm into bytes with atob() and a loop over the characters (~4 ms
// of the TUI's start); Buffer decodes the same base64 to the same bytes at once.
const yogaBase64 = {
	name: 'yoga-base64',
	setup(b) {
		b.onLoad({filter: /[\\/]yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/}, async args => {
			const source = await readFile(args.path, 'utf8');
			const slow = 'var b=xa(a.slice(37)),c=new Uint8Array(b.length);for(a=0;a<b.length;++a)c[a]=b.charCodeAt(a);var d=c';
			if (!source.includes(slow)) {
				console.warn('build: yoga-layout har ändrats; dess wasm avkodas med atob()');
				return undefined;
			}
			return {contents: source.replace(slow, () => 'var d=new Uint8Array(Buffer.from(a.slice(37),"base64"))'), loader: 'js'};
		});
	},
};

// The TUI (source/ui/start.ts: Ink, React, the app, the store layer) as one CommonJS script,
// dist/tui-HASH.cjs, which source/ui/ladda.ts runs through V8's code cache (Node 20 caches no ES
// module). A script cannot await at the top: yoga-layout's entry, which does, is source/ui/yoga.ts
// there (the same Yoga, loaded before the first layout), and Ink's two awaits, both only under
// DEV=true (React devtools), become the require and readFileSync they stand for.
const tuiBundle = {
	name: 'tui-bundle',
	setup(b) {
		const yoga = fileURLToPath(new URL('../source/ui/yoga.ts', import.meta.url));
		b.onResolve({filter: /^yoga-layout$/}, () => ({path: yoga}));
		b.onLoad({filter: /[\\/]ink[\\/]build[\\/]reconciler\.js$/}, async args => {
			const source = await readFile(args.path, 'utf8');
			const awaits = [
				["await import('./devtools.js');", "require('./devtools.js');"],
				["error.code === 'ERR_MODULE_NOT_FOUND'", "(error.code === 'ERR_MODULE_NOT_FOUND' || error.code === 'MODULE_NOT_FOUND')"],
				['? await loadPackageJson()', "? JSON.parse(require('node:fs').readFileSync(new URL('../package.json', import.meta.url), 'utf8'))"],
			];
			// A change here fails the build (top-level await in a script) rather than load slower.
			let contents = source;
			for (const [from, to] of awaits) contents = contents.replace(from, () => to);
			return {contents, loader: 'js'};
		});
	},
};

// `node scripts/build.mjs DIR` builds into DIR instead (tests use a private build).
const outdir = process.argv[2] ?? fileURLToPath(new URL('../dist', import.meta.url));
rmSync(outdir, {recursive: true, force: true});
const define = {'process.env.NODE_ENV': '"production"', 'process.env.DEV': '"false"', MALKOLL_VERSION: JSON.stringify(pkg.version)};
// Every bundle is one CommonJS script (see below for why), named NAME-HASH.cjs except dist/cli.js.
const common = {
	bundle: true,
	format: 'cjs',
	platform: 'node',
	target: 'node20',
	jsx: 'automatic',
	minify: false,
	sourcemap: false,
	legalComments: 'none',
	external: ['react-devtools-core'],
	logLevel: 'warning',
};
const hashed = {entryNames: '[name]-[hash]', outExtension: {'.js': '.cjs'}, outdir, metafile: true};
const fileOf = result => Object.keys(result.metafile.outputs).map(f => f.split(/[\\/]/).pop()).find(f => f.endsWith('.cjs'));
const tuiFil = fileOf(
	await build({
		...common,
		...hashed,
		entryPoints: {tui: 'source/ui/start.ts'},
		define: {...define, 'import.meta.url': '__malkollUrl'},
		plugins: [inkOutputFast, lazyUnicode, yogaBase64, tuiBundle],
	}),
);
// The commands: one CommonJS script, dist/app-HASH.cjs, which dist/cli.js runs through V8's code
// cache (source/skript.ts). Node starts a script ~30 ms sooner than ES modules (no module loader,
// no ES facades for its built-in modules), and the cache saves compiling it; every command pays
// both. dist/package.json says the .js files are scripts; import.meta is the script's own URL.
const script = {
	...common,
	// Strict as the ES modules it was written as: the directive must come before the banner's line.
	banner: {js: "'use strict';\nconst __malkollImportMeta = {url: require('node:url').pathToFileURL(__filename).href};"},
};
const appFil = fileOf(
	await build({
		...script,
		...hashed,
		entryPoints: {app: 'source/main.ts'},
		define: {...define, MALKOLL_TUI: JSON.stringify(tuiFil), 'import.meta': '__malkollImportMeta'},
		plugins: [lazyMeow],
	}),
);
await build({...script, entryPoints: {cli: 'source/cli.ts'}, outdir, define: {...define, MALKOLL_APP: JSON.stringify(appFil), 'import.meta': '__malkollImportMeta'}});
writeFileSync(`${outdir}/package.json`, '{"type": "commonjs"}\n');
// The packages the commands require when first needed (mammoth, pdfjs-dist) are found from a build elsewhere too.
if (!existsSync(`${outdir}/../node_modules`)) symlinkSync(fileURLToPath(new URL('../node_modules', import.meta.url)), `${outdir}/node_modules`, 'junction');
chmodSync(`${outdir}/cli.js`, 0o755);
