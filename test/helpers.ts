import {execFileSync, spawn, spawnSync} from 'node:child_process';
import {copyFileSync, mkdtempSync, readFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {PassThrough} from 'node:stream';
import {build} from 'esbuild';
import {fileURLToPath} from 'node:url';
import {expect} from 'vitest';
import {main} from '../source/main.js';

export const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
export const CLI = join(ROOT, 'dist', 'cli.js');
export const BUNDLED = join(ROOT, 'data', 'bestallarenhet-2-2025.json');

/** A private copy of the bundled example store in a fresh temp folder. */
export function tmpStore(source = BUNDLED): string {
	const dir = mkdtempSync(join(tmpdir(), 'malkoll-test-'));
	const file = join(dir, 'store.json');
	copyFileSync(source, file);
	return file;
}

export function tmpDir(): string {
	return mkdtempSync(join(tmpdir(), 'malkoll-test-'));
}

export interface Run {
	code: number;
	stdout: string;
	stderr: string;
}

/** Two streams whose output is collected, for commands run in this process. */
export function captured() {
	const stdout = new PassThrough();
	const stderr = new PassThrough();
	const text = {out: '', err: ''};
	stdout.on('data', d => (text.out += d));
	stderr.on('data', d => (text.err += d));
	return {stdout, stderr, text};
}

/** Runs the CLI in this process with captured streams and no terminal. */
export async function run(args: string[], env: NodeJS.ProcessEnv = {}, stdinText = ''): Promise<Run> {
	const {stdout, stderr, text} = captured();
	const stdin = new PassThrough();
	stdin.end(stdinText);
	const code = await main(args, {stdout, stderr, stdin, env: {HOME: tmpdir(), ...env}});
	return {code, stdout: text.out, stderr: text.err};
}

/** Runs the CLI in this process, expects success with nothing on stderr, returns stdout. */
export async function runOk(args: string[]): Promise<string> {
	const r = await run(args);
	expect([r.code, r.stderr], args.join(' ')).toEqual([0, '']);
	return r.stdout;
}

let storeBundle: Promise<string> | undefined;

/** A temp folder holding source/store bundled as store.mjs, for helper scripts that write a
 * store from processes of their own (`import {applyChanges} from './store.mjs'`). */
export function storeModuleDir(): Promise<string> {
	storeBundle ??= (async () => {
		const dir = mkdtempSync(join(tmpdir(), 'malkoll-store-'));
		await build({entryPoints: [join(ROOT, 'source/store/index.ts')], outfile: join(dir, 'store.mjs'), bundle: true, format: 'esm', platform: 'node', logLevel: 'warning'});
		return dir;
	})();
	return storeBundle;
}

let privateBuild: string | undefined;

/** The CLI built from the current source into a temp folder of this test process: dist/ may be
 * rebuilt by someone else while the suite runs. */
export function privateCli(): string {
	if (!privateBuild) {
		const dir = mkdtempSync(join(tmpdir(), 'malkoll-build-'));
		execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs'), dir], {stdio: 'inherit'});
		privateBuild = join(dir, 'cli.js');
	}
	return privateBuild;
}

/** Runs the built CLI as a real process. */
export function runCli(args: string[], env: NodeJS.ProcessEnv = {}): Run {
	const r = spawnSync(process.execPath, [privateCli(), ...args], {encoding: 'utf8', env: {...process.env, NO_COLOR: '1', MALKOLL_DATA: '', ...env}, stdio: ['ignore', 'pipe', 'pipe']});
	return {code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr};
}

export function runCliAsync(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
	return new Promise(resolve => {
		const child = spawn(process.execPath, [privateCli(), ...args], {env: {...process.env, NO_COLOR: '1', MALKOLL_DATA: '', ...env}, stdio: ['ignore', 'pipe', 'pipe']});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', d => (stdout += d));
		child.stderr.on('data', d => (stderr += d));
		child.on('close', code => resolve({code: code ?? -1, stdout, stderr}));
	});
}

export function bytes(file: string): Buffer {
	return readFileSync(file);
}
