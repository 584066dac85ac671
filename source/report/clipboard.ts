// Copying to the clipboard, for `y` in the TUI and `summary --copy`: OSC 52 to the terminal (it
// reaches the local clipboard over ssh; tmux keeps it as a buffer with set-clipboard on), and the
// first clipboard tool of the desktop that is installed.
import {spawn} from 'node:child_process';
import {existsSync} from 'node:fs';
import path from 'node:path';

/** The OSC 52 sequence that sets the clipboard to `text`. */
export function osc52(text: string): string {
	return `\x1b]52;c;${Buffer.from(text, 'utf8').toString('base64')}\x07`;
}

interface Verktyg {
	namn: string;
	args: string[];
	/** The tool needs this session (Wayland, X) to work. */
	kraver?: string;
}

const VERKTYG: Verktyg[] = [
	{namn: 'wl-copy', args: [], kraver: 'WAYLAND_DISPLAY'},
	{namn: 'xclip', args: ['-selection', 'clipboard'], kraver: 'DISPLAY'},
	{namn: 'xsel', args: ['--clipboard', '--input'], kraver: 'DISPLAY'},
	{namn: 'pbcopy', args: []},
	{namn: 'clip.exe', args: []},
];

/** The clipboard tool this session can use, if one is on PATH. */
export function clipboardVerktyg(env: NodeJS.ProcessEnv = process.env): Verktyg | undefined {
	const dirs = (env.PATH ?? '').split(path.delimiter).filter(Boolean);
	return VERKTYG.find(v => (!v.kraver || env[v.kraver]) && dirs.some(d => existsSync(path.join(d, v.namn))));
}

function kor(v: Verktyg, text: string, env: NodeJS.ProcessEnv): Promise<boolean> {
	return new Promise(resolve => {
		// Output ignored: xclip stays behind to own the selection and would hold a pipe open.
		const child = spawn(v.namn, v.args, {stdio: ['pipe', 'ignore', 'ignore'], env, detached: false});
		const timer = setTimeout(() => resolve(false), 3000);
		child.on('error', () => resolve(false));
		child.on('exit', code => {
			clearTimeout(timer);
			resolve(code === 0);
		});
		child.stdin.on('error', () => undefined);
		child.stdin.end(text);
	});
}

/** Copies `text`: `terminal` writes OSC 52 to the terminal (absent: no terminal to write to).
 * Returns the ways it went, e.g. ['OSC 52', 'xclip']. */
export async function kopiera(text: string, o: {terminal?: (s: string) => void; env?: NodeJS.ProcessEnv} = {}): Promise<string[]> {
	const env = o.env ?? process.env;
	const vagar: string[] = [];
	if (o.terminal) {
		o.terminal(osc52(text));
		vagar.push('OSC 52');
	}
	const v = clipboardVerktyg(env);
	if (v && (await kor(v, text, env))) vagar.push(v.namn);
	return vagar;
}

/** "Kopierat (OSC 52 och xclip)", or why nothing was. */
export function kopieratMeddelande(vad: string, vagar: string[]): string {
	if (vagar.length === 0) return `Kunde inte kopiera ${vad}: ingen terminal och inget urklippsverktyg (wl-copy, xclip, pbcopy, clip.exe)`;
	return `Kopierat ${vad} (${vagar.join(' och ')})`;
}
