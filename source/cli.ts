#!/usr/bin/env node
import {main} from './main.js';

// `malkoll export --json | head`: the reader has gone. Stop quietly, as other Unix tools do; every
// command writes to the store before it prints, so nothing is left half done.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
	if (error.code === 'EPIPE') process.exit(0);
	throw error;
});

void main(process.argv.slice(2), {stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env}).then(code => {
	process.exitCode = code;
});
