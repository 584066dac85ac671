#!/usr/bin/env node
// malkoll's entry (dist/cli.js): runs the commands' bundle, dist/app-HASH.cjs, from the code cache
// (skript.ts), written when the first command ends.
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import type {main} from './main.js';
import {laddaSkript} from './skript.js';

/** The commands' bundle in dist/, set by scripts/build.mjs. */
declare const MALKOLL_APP: string;

// `malkoll export --json | head`: the reader has gone. Stop quietly, as other Unix tools do; every
// command writes to the store before it prints, so nothing is left half done.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
	if (error.code === 'EPIPE') process.exit(0);
	throw error;
});

const app = laddaSkript<{main: typeof main}>(path.join(path.dirname(fileURLToPath(import.meta.url)), MALKOLL_APP));
process.on('exit', app.sparaCache);
// process.stdin is made on first use (~6 ms): only the commands that read it pay.
const io = {stdout: process.stdout, stderr: process.stderr, env: process.env, get stdin() {
	return process.stdin;
}};
void app.exports.main(process.argv.slice(2), io).then(code => {
	process.exitCode = code;
});
