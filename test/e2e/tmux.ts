// Shared by the tmux tests: start the built malkoll in a detached tmux session, read its screen,
// wait for what it should show, and read the store back with `malkoll export --json`.
import {execFileSync, spawnSync} from 'node:child_process';
import {ROOT, privateCli} from '../helpers.js';

export const harTmux = spawnSync('tmux', ['-V']).status === 0;
const sessioner: string[] = [];

export function tmux(...args: string[]): string {
	return execFileSync('tmux', args, {encoding: 'utf8'});
}

export function skarm(s: string): string {
	return tmux('capture-pane', '-p', '-t', s);
}

/** Reads the screen with `las` until `ok` holds; after `ms`, fails showing the last screen. Tests
 * on a tmux server of their own (-L) pass their own reader. */
export async function vantaPa(las: () => string, ok: (skarm: string) => boolean, vad: string, ms = 5000): Promise<string> {
	const slut = Date.now() + ms;
	for (;;) {
		const f = las();
		if (ok(f)) return f;
		if (Date.now() > slut) throw new Error(`väntade på ${vad}; skärmen var:\n${f}`);
		await new Promise(r => setTimeout(r, 25));
	}
}

export function vanta(s: string, ok: (skarm: string) => boolean, vad: string, ms = 5000): Promise<string> {
	return vantaPa(() => skarm(s), ok, vad, ms);
}

export function starta(namn: string, cols: number, rows: number, file: string, env = ''): string {
	const s = `malkoll-e2e-${process.pid}-${namn}`;
	sessioner.push(s);
	// The shell prints the exit code after malkoll has given the terminal back.
	// A tmux server started before this run does not pass on its environment: the recent stores go to the run's folder.
	const cmd = `cd ${ROOT} && XDG_STATE_HOME=${process.env.XDG_STATE_HOME ?? ''} ${env} TERM=xterm-256color node ${privateCli()} --data ${file} --author e2e; echo "SLUT=$?"; sleep 30`;
	tmux('new-session', '-d', '-s', s, '-x', String(cols), '-y', String(rows), cmd);
	return s;
}

/** Types text literally (no key names), so "+" or "q" are characters. */
export function skriv(s: string, text: string): void {
	tmux('send-keys', '-t', s, '-l', text);
}

export function tangent(s: string, ...keys: string[]): void {
	for (const k of keys) tmux('send-keys', '-t', s, k);
}

export function malkoll(...args: string[]): string {
	return execFileSync(process.execPath, [privateCli(), ...args], {encoding: 'utf8', env: {...process.env, NO_COLOR: '1'}});
}

export function exportera(file: string) {
	return JSON.parse(malkoll('export', '--json', '--data', file));
}

/** Builds the private CLI before the first test, so no test's time limit pays for it. */
export function bygg(): void {
	privateCli();
}

export function stangAlla(): void {
	for (const s of sessioner) spawnSync('tmux', ['kill-session', '-t', s]);
}
