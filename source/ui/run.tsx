// Starts the TUI on one store: alternate screen in, terminal given back clean on quit, Ctrl-C,
// signals and crashes, with the analysis draft written first so nothing typed is lost.
import {spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, writeSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {colorFor} from '../report/color.js';
import {applyChanges, defaultAuthor, fileSignature, loadStore, watchStore} from '../store/index.js';
import {visible, visibleLine} from '../report/visible.js';
import {forbered} from './ink/unicode.js';
import {Controller, type UiStore} from './controller.js';
import {laddaYoga} from './ink/yoga.js';
import {kommIhag} from './senaste.js';

// The alternate screen, and bracketed paste on (controller.ts types a paste as text, never as keys).
const ALT_IN = '\x1b[?1049h\x1b[H\x1b[2J\x1b[?2004h';
// Bracketed paste off, cursor back on, then the main screen as it was before malkoll started.
const ALT_UT = '\x1b[?2004l\x1b[?25h\x1b[?1049l';

/** $VISUAL, $EDITOR, else the first of nano and vi on PATH (notepad on Windows). */
export function valjEditor(env: NodeJS.ProcessEnv = process.env): string {
	const satt = env.VISUAL?.trim() || env.EDITOR?.trim();
	if (satt) return satt;
	if (process.platform === 'win32') return 'notepad';
	const dirs = (env.PATH ?? '').split(path.delimiter).filter(Boolean);
	return ['nano', 'vi'].find(e => dirs.some(d => existsSync(path.join(d, e)))) ?? 'vi';
}

/** Ink and the app, loaded beside the store, and Ink's layout engine ready (yoga.ts). */
async function loadInk() {
	const [ink, app] = await Promise.all([import('ink'), import('./app.js'), laddaYoga()]);
	return {render: ink.render, App: app.App};
}

/** The TUI's binding to one store file (o binds it to another): a warning that the change is saved
 * but its history is not yet complete comes back with it, for the message row. */
export function bindStore(fil: string, author: string): UiStore {
	// The file as our own last save left it: the watcher's call for that write needs no reload.
	let egen = '';
	return {
		apply: async (ops, opts) => {
			let varning: string | undefined;
			const r = await applyChanges(fil, ops, {author, force: opts?.force, warn: m => (varning = m)});
			egen = fileSignature(fil);
			return {...r, varning};
		},
		reload: () => loadStore(fil),
		watch: f => watchStore(fil, () => fileSignature(fil) !== egen && f(), 300),
	};
}

export async function runTui(o: {path: string; author?: string; env?: NodeJS.ProcessEnv; efterForstaBilden?: () => void}): Promise<number> {
	const [data, {render, App}] = await Promise.all([loadStore(o.path), loadInk()]);
	const stdout = process.stdout;
	const env = o.env ?? process.env;
	kommIhag(o.path, env);
	const author = o.author ?? defaultAuthor();
	let aterstalld = false;
	const aterstall = () => {
		if (aterstalld) return;
		aterstalld = true;
		// Synchronous: also runs from 'exit', where async writes never happen.
		writeSync(1, ALT_UT);
	};
	let avsluta!: () => void;
	const klar = new Promise<void>(resolve => (avsluta = resolve));
	let instance: ReturnType<typeof render> | undefined;

	const externEditor = async (text: string): Promise<string | undefined> => {
		const dir = mkdtempSync(path.join(tmpdir(), 'malkoll-'));
		const fil = path.join(dir, 'analys.txt');
		writeFileSync(fil, text);
		try {
			process.stdin.setRawMode?.(false);
			writeSync(1, ALT_UT);
			// spawnSync blocks the event loop, so Ink reads no keys while the editor owns the terminal.
			const r = spawnSync(`${valjEditor()} "${fil}"`, {stdio: 'inherit', shell: true});
			if (r.status !== 0) return undefined;
			return readFileSync(fil, 'utf8');
		} finally {
			writeSync(1, ALT_IN);
			process.stdin.setRawMode?.(true);
			instance?.clear();
			rmSync(dir, {recursive: true, force: true});
		}
	};

	const ui = new Controller({
		store: bindStore(o.path, author),
		data,
		path: o.path,
		env,
		stil: true,
		farg: colorFor({isTTY: true}, env).level > 0,
		// OSC 52 between Ink's frames: a sequence of no width that leaves the frame as drawn.
		terminal: s => void stdout.write(s),
		oppnaStore: async fil => {
			const ny = await loadStore(fil);
			kommIhag(fil, env);
			return {store: bindStore(fil, author), data: ny};
		},
		cols: stdout.columns || 80,
		rows: stdout.rows || 24,
		externEditor,
		author,
		onQuit: () => avsluta(),
	});

	// Every way out but a quit: the draft on disk first, then the terminal given back.
	const nodstopp = () => {
		ui.sparaUtkastNu();
		instance?.unmount();
		aterstall();
	};
	const nodsparning = (kod: number) => () => {
		nodstopp();
		process.exit(kod);
	};
	const signaler: Array<[NodeJS.Signals, () => void]> = [
		['SIGINT', nodsparning(130)],
		['SIGTERM', nodsparning(143)],
		['SIGHUP', nodsparning(129)],
	];
	const krasch = (error: unknown) => {
		nodstopp();
		process.stderr.write(`malkoll: oväntat fel (ditt utkast är sparat): ${visible(error instanceof Error ? (error.stack ?? error.message) : String(error))}\n`);
		process.exit(1);
	};
	for (const [s, f] of signaler) process.on(s, f);
	process.on('uncaughtException', krasch);
	process.on('unhandledRejection', krasch);
	process.on('exit', aterstall);

	stdout.write(ALT_IN);
	try {
		instance = render(<App ui={ui} />, {exitOnCtrlC: false, patchConsole: false, maxFps: 60});
		// The first frame is on the screen (render draws it at once, the terminal is written to
		// synchronously): now the code cache (ladda.ts) and the Unicode tables that frame did
		// without, so that no keypress waits for them.
		setTimeout(() => {
			o.efterForstaBilden?.();
			forbered();
		}, 0).unref();
		await Promise.race([klar, instance.waitUntilExit()]);
		await ui.idle();
		instance.unmount();
		await instance.waitUntilExit();
		return 0;
	} catch (error) {
		nodstopp();
		process.stderr.write(`malkoll: ${visibleLine(error instanceof Error ? error.message : String(error))} (ditt utkast är sparat)\n`);
		return 1;
	} finally {
		aterstall();
		for (const [s, f] of signaler) process.off(s, f);
		process.off('uncaughtException', krasch);
		process.off('unhandledRejection', krasch);
		process.off('exit', aterstall);
	}
}
