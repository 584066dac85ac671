// Drives the TUI in-process: real store file, real keys through Ink's stdin, and waits for the
// frame to change instead of sleeping (Shopify CLI's testing/ui.ts pattern).
import {copyFileSync, mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {render} from 'ink-testing-library';
import {applyChanges, loadStore, watchStore} from '../source/store/index.js';
import {App} from '../source/ui/app.js';
import {Controller, type UiStore} from '../source/ui/controller.js';
import {BUNDLED} from './helpers.js';

export const KEY = {
	up: '\x1b[A',
	down: '\x1b[B',
	right: '\x1b[C',
	left: '\x1b[D',
	enter: '\r',
	esc: '\x1b',
	tab: '\t',
	backspace: '\x7f',
	ctrlS: '\x13',
	ctrlC: '\x03',
	ctrlD: '\x04',
} as const;

/** `store` replaces the store binding (a test that delays a reload); default: the file itself.
 * `farg`: drawn as on a colour terminal (run.tsx), escape codes and all; else plain text. */
export async function startUi(o: {cols?: number; rows?: number; file?: string; asOf?: string; store?: (file: string) => UiStore; farg?: boolean} = {}) {
	const file = o.file ?? join(mkdtempSync(join(tmpdir(), 'malkoll-ui-')), 'store.json');
	if (!o.file) copyFileSync(BUNDLED, file);
	const data = await loadStore(file);
	let quit = false;
	const ui = new Controller({
		store: o.store?.(file) ?? {apply: (ops, opts) => applyChanges(file, ops, {author: 'test', force: opts?.force}), reload: () => loadStore(file), watch: f => watchStore(file, f, 100)},
		data,
		path: file,
		cols: o.cols ?? 80,
		rows: o.rows ?? 24,
		asOf: o.asOf,
		author: 'test',
		onQuit: () => (quit = true),
		stil: o.farg,
		farg: o.farg,
	});
	const r = render(<App ui={ui} />);
	const frame = () => r.lastFrame() ?? '';
	/** Waits until the frame satisfies `ok` (default: differs from before). */
	const waitFor = async (ok: (f: string) => boolean, timeoutMs = 3000): Promise<string> => {
		const start = Date.now();
		while (!ok(frame())) {
			if (Date.now() - start > timeoutMs) throw new Error(`timeout; frame was:\n${frame()}`);
			await new Promise(res => setTimeout(res, 2));
		}
		return frame();
	};
	/** Sends keys one event at a time, waiting for the store and a render after each. */
	const press = async (...keys: string[]): Promise<string> => {
		for (const k of keys) {
			const v = ui.version;
			r.stdin.write(k);
			await ui.idle();
			await waitFor(() => ui.version !== v);
			await new Promise(res => setImmediate(res));
		}
		return frame();
	};
	return {ui, r, file, frame, waitFor, press, quit: () => quit};
}
