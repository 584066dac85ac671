// Bundles source/cli.ts into dist/: one small entry for the commands, the TUI (Ink, React)
// in a chunk of its own that only `malkoll` without a subcommand loads.
import {build} from 'esbuild';
import {chmodSync, readFileSync, rmSync} from 'node:fs';
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

// `node scripts/build.mjs DIR` builds into DIR instead (tests use a private build).
const outdir = process.argv[2] ?? new URL('../dist', import.meta.url).pathname;
rmSync(outdir, {recursive: true, force: true});
await build({
	entryPoints: {cli: 'source/cli.ts'},
	outdir,
	bundle: true,
	splitting: true,
	format: 'esm',
	platform: 'node',
	target: 'node20',
	jsx: 'automatic',
	minify: false,
	sourcemap: false,
	legalComments: 'none',
	define: {'process.env.NODE_ENV': '"production"', 'process.env.DEV': '"false"', MALKOLL_VERSION: JSON.stringify(pkg.version)},
	banner: {
		js: "import {createRequire as __malkollRequire} from 'node:module'; const require = __malkollRequire(import.meta.url);",
	},
	external: ['react-devtools-core'],
	logLevel: 'warning',
	plugins: [lazyMeow, inkOutputFast],
});
chmodSync(`${outdir}/cli.js`, 0o755);
