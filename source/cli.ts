#!/usr/bin/env node
// malkoll's entry (dist/cli.js): runs the commands' bundle, dist/app-HASH.cjs, from the code cache
// (skript.ts), written when the first command ends; a plain `malkoll` at a terminal goes straight
// to the TUI's bundle, so its first frame waits for one bundle, not two.
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import type {main} from './main.js';
import {laddaSkript} from './skript.js';
import type {tuiDirekt} from './ui/start.js';

/** The bundles in dist/, set by scripts/build.mjs. */
declare const MALKOLL_APP: string;
declare const MALKOLL_TUI: string;

// `malkoll export --json | head`: the reader has gone. Stop quietly, as other Unix tools do; every
// command writes to the store before it prints, so nothing is left half done.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
	if (error.code === 'EPIPE') process.exit(0);
	throw error;
});

const dist = path.dirname(fileURLToPath(import.meta.url));
// process.stdin is made on first use (~6 ms): only the commands that read it pay.
const io = {stdout: process.stdout, stderr: process.stderr, env: process.env, get stdin() {
	return process.stdin;
}};

/** --data and --author, each once with a value, when that is all `argv` holds; else undefined
 * (anything else, --help or a mistake included, is for the commands' parser to answer). */
function baraTuiFlaggor(argv: string[]): Record<string, string> | undefined {
	const flags: Record<string, string> = {};
	for (let i = 0; i < argv.length; i++) {
		const m = /^--(data|author)(?:=(.*))?$/s.exec(argv[i]!);
		if (!m || flags[m[1]!] !== undefined) return undefined;
		const value = m[2] ?? argv[++i];
		if (value === undefined || value === '' || (m[2] === undefined && value.startsWith('-'))) return undefined;
		flags[m[1]!] = value;
	}
	return flags;
}

async function run(): Promise<number> {
	const flags = baraTuiFlaggor(process.argv.slice(2));
	if (flags && process.stdout.isTTY && process.stdin.isTTY) {
		const tui = laddaSkript<{tuiDirekt: typeof tuiDirekt}>(path.join(dist, MALKOLL_TUI));
		const code = await tui.exports.tuiDirekt(flags, io, tui.sparaCache);
		if (code !== undefined) return code;
	}
	const app = laddaSkript<{main: typeof main}>(path.join(dist, MALKOLL_APP));
	process.on('exit', app.sparaCache);
	return app.exports.main(process.argv.slice(2), io);
}

void run().then(code => {
	process.exitCode = code;
});
