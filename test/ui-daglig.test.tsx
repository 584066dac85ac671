// The TUI as drawn by Ink with real keys (issue 14): colour on and off, y writing OSC 52 beside
// the frame, o opening a second store in place of the first.
import {copyFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {render} from 'ink-testing-library';
import {describe, expect, test} from 'vitest';
import {osc52} from '../source/report/clipboard.js';
import {applyChanges, loadStore, watchStore} from '../source/store/index.js';
import {App} from '../source/ui/app.js';
import {Controller, type UiStore} from '../source/ui/controller.js';
import {kommIhag} from '../source/ui/senaste.js';
import {BUNDLED, ROOT, tmpDir} from './helpers.js';

const binda = (file: string): UiStore => ({
	apply: (ops, opts) => applyChanges(file, ops, {author: 'test', force: opts?.force}),
	reload: () => loadStore(file),
	watch: f => watchStore(file, f, 50),
});

async function starta(o: {farg?: boolean; env?: NodeJS.ProcessEnv; file?: string} = {}) {
	const dir = tmpDir();
	const file = o.file ?? join(dir, 'bestallarenhet.json');
	if (!o.file) copyFileSync(BUNDLED, file);
	const terminal: string[] = [];
	const ui = new Controller({
		store: binda(file),
		data: await loadStore(file),
		path: file,
		cols: 80,
		rows: 24,
		author: 'test',
		stil: true,
		farg: o.farg ?? true,
		terminal: s => void terminal.push(s),
		env: o.env ?? {PATH: '', XDG_STATE_HOME: tmpDir()},
		oppnaStore: async fil => ({store: binda(fil), data: await loadStore(fil)}),
	});
	const r = render(<App ui={ui} />);
	const stopp = ui.bevaka();
	const press = async (...keys: string[]) => {
		for (const k of keys) {
			const v = ui.version;
			r.stdin.write(k);
			await ui.idle();
			for (let i = 0; i < 500 && ui.version === v; i++) await new Promise(res => setTimeout(res, 2));
			await new Promise(res => setImmediate(res));
		}
		return r.lastFrame() ?? '';
	};
	return {ui, r, file, dir, terminal, press, stopp};
}

/** SGR colour parameters: 30–37, 38, 39 (default colour keeps no colour), 90–97, and the backgrounds. */
const FARG = /\x1b\[(?:[0-9;]*;)?(?:3[0-8]|9[0-7]|4[0-8]|10[0-7])(?:;[0-9;]*)?m/;

describe('colour', () => {
	test('with colour off (NO_COLOR, FORCE_COLOR=0, --no-color) no colour code is drawn; the cursor stays inverse and bold', async () => {
		const av = await starta({farg: false});
		const f = av.r.lastFrame()!;
		expect(f).not.toMatch(FARG);
		expect(f).toContain('\x1b[7m');
		expect(f).toContain('\x1b[1m');
		const pa = await starta();
		expect(pa.r.lastFrame()).toMatch(FARG);
		for (const t of [av, pa]) {
			t.stopp();
			t.r.unmount();
		}
	});
});

describe('y', () => {
	test('writes the analysis under the cursor as OSC 52 to the terminal and says so', async () => {
		const t = await starta();
		await t.press('y');
		await t.ui.idle();
		for (let i = 0; i < 200 && !t.ui.meddelande; i++) await new Promise(res => setTimeout(res, 5));
		const analys = t.ui.data.followUp.VB!.goals['1.4.1.1']!.analys!;
		expect(t.terminal).toEqual([osc52(analys)]);
		expect(t.ui.meddelande?.text).toBe('Kopierat analysen för 1.4.1.1 (VB) (OSC 52)');
		t.stopp();
		t.r.unmount();
	});
});

describe('o', () => {
	test('lists recent stores and those in the same folder; Enter opens the other unit, the header names it', async () => {
		const state = tmpDir();
		const t = await starta({env: {PATH: '', XDG_STATE_HOME: state}});
		const andra = join(t.dir, 'aldrenamnden.json');
		copyFileSync(join(ROOT, 'data', 'aldrenamnden-2025.json'), andra);
		const tredje = join(tmpDir(), 'enhet-3.json');
		copyFileSync(BUNDLED, tredje);
		kommIhag(tredje, {XDG_STATE_HOME: state});
		const lista = await t.press('o');
		expect(lista).toContain('Senast öppnade');
		expect(lista).toContain('▶ enhet-3.json');
		expect(lista).toMatch(/I samma mapp[^\n]*\n {2}aldrenamnden\.json/);
		expect(lista).toMatch(/bestallarenhet\.json · Ingen ändring/);
		await t.press('j', '\r');
		await t.ui.idle();
		const efter = t.r.lastFrame()!;
		expect(t.ui.path).toBe(andra);
		expect(efter).toContain('Äldrenämnden · 2025');
		expect(efter).toContain('aldrenamnden.json · Ingen ändring');
		// The TUI now follows the store it opened: a change made to it elsewhere shows.
		await applyChanges(andra, [{op: 'set', period: 'VB', entity: 'goal', id: '1', field: 'status', value: 'inte'}], {author: 'skript'});
		for (let i = 0; i < 400 && t.ui.data.followUp.VB?.goals['1']?.status !== 'inte'; i++) await new Promise(res => setTimeout(res, 10));
		expect(t.ui.data.followUp.VB!.goals['1']!.status).toBe('inte');
		t.stopp();
		t.r.unmount();
	});

	test('a file that is no store is refused with the reason; the open store stays', async () => {
		const t = await starta();
		writeFileSync(join(t.dir, 'anteckningar.json'), '{"inte": "en store"}');
		await t.press('o', '\r');
		await t.ui.idle();
		expect(t.ui.meddelande?.fel).toBe(true);
		expect(t.ui.meddelande?.text).toMatch(/^Kunde inte öppna .*anteckningar\.json: /);
		expect(t.ui.path).toBe(t.file);
		expect(t.r.lastFrame()).toContain('bestallarenhet.json · Ingen ändring');
		t.stopp();
		t.r.unmount();
	});

	test('Esc and q close the list without opening anything', async () => {
		const t = await starta();
		await t.press('o');
		expect(t.ui.mode.lage).toBe('stores');
		await t.press('q');
		expect(t.ui.mode).toBe(t.ui.tree);
		t.stopp();
		t.r.unmount();
	});
});
