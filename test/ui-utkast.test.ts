// Issue 13, item 3: each TUI session has its own draft; a live session's draft is never offered or
// touched, a dead session's is offered once. First the draft files of sessions given by host and
// pid, then two real TUIs in tmux panes, one killed with SIGKILL.
import {execFileSync, spawn, spawnSync} from 'node:child_process';
import {chmodSync, existsSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync} from 'node:fs';
import {hostname} from 'node:os';
import {basename, dirname} from 'node:path';
import {afterAll, describe, expect, test} from 'vitest';
import {ANNAN_VARD_MS, avslutaUtkast, skrivUtkast, startaUtkast, tabortUtkast, tagUtkast, utkastPath, type Utkast} from '../source/ui/utkast.js';
import {privateCli, tmpStore} from './helpers.js';

const HOST = hostname().replace(/[^A-Za-z0-9_-]/g, '_');
const draft = (text: string): Utkast => ({goalId: '1.4.1.1', period: 'VB', original: '', text, at: '2026-01-01T10:00:00Z'});

function drafts(store: string): string[] {
	return readdirSync(dirname(store)).filter(n => n.startsWith(`${basename(store)}.utkast.`)).sort();
}

/** A process that lives until killed: a session's pid. */
function levandePid(): {pid: number; kill(): Promise<void>} {
	const p = spawn('sleep', ['60']);
	return {pid: p.pid!, kill: () => new Promise(r => (p.once('exit', () => r()), p.kill('SIGKILL')))};
}

describe('the drafts of sessions', () => {
	test('a draft is no wider readable than its store (issue 13, item 7)', () => {
		const store = tmpStore();
		chmodSync(store, 0o600);
		skrivUtkast(store, {goalId: '3.4.1.1', period: 'VB', text: 'hemlig analys'} as Utkast);
		expect(statSync(utkastPath(store)).mode & 0o777).toBe(0o600);
		chmodSync(store, 0o640);
		skrivUtkast(store, {goalId: '3.4.1.1', period: 'VB', text: 'hemlig analys'} as Utkast);
		expect(statSync(utkastPath(store)).mode & 0o777).toBe(0o640);
	});

	test('a live session\'s draft is not offered nor touched; once its session is dead it is offered once', async () => {
		const store = tmpStore();
		const a = levandePid();
		const aFile = `${store}.utkast.${HOST}.${a.pid}.json`;
		writeFileSync(aFile, JSON.stringify(draft('A skriver')));
		expect(startaUtkast(store)).toBeUndefined();
		expect(readFileSync(aFile, 'utf8')).toContain('A skriver');
		avslutaUtkast(store);

		await a.kill();
		const b = startaUtkast(store)!;
		expect(b.utkast.text).toBe('A skriver');
		// Claimed under this session's name: a third session starting now is not offered it too.
		expect(existsSync(aFile)).toBe(false);
		expect(drafts(store)).toEqual([basename(b.fil)]);
		expect(startaUtkast(store)).toBeUndefined();
		tabortUtkast(store, b.fil);
		avslutaUtkast(store);
		expect(drafts(store)).toEqual([]);
		expect(startaUtkast(store)).toBeUndefined();
		avslutaUtkast(store);
	});

	test('taken, the draft becomes the session\'s own; Esc leaves it for a later start', () => {
		const store = tmpStore();
		writeFileSync(`${store}.utkast.${HOST}.999999999.json`, JSON.stringify(draft('Lämnad')));
		const b = startaUtkast(store)!;
		avslutaUtkast(store);
		// Esc: the session ends with the draft still claimed by it; the next start is offered it.
		const c = startaUtkast(store)!;
		expect(c.utkast.text).toBe('Lämnad');
		tagUtkast(store, c.fil);
		expect(drafts(store)).toEqual([basename(utkastPath(store))]);
		expect(b.fil).toBe(c.fil);
		avslutaUtkast(store);
	});

	test(`another host's draft is left alone for ${ANNAN_VARD_MS / 3600_000} hours after its last write; the old single draft is offered`, () => {
		const store = tmpStore();
		const other = `${store}.utkast.annan-dator.123.json`;
		writeFileSync(other, JSON.stringify(draft('På en annan dator')));
		expect(startaUtkast(store)).toBeUndefined();
		avslutaUtkast(store);
		const old = (Date.now() - ANNAN_VARD_MS - 60_000) / 1000;
		utimesSync(other, old, old);
		expect(startaUtkast(store)?.utkast.text).toBe('På en annan dator');
		avslutaUtkast(store);

		const legacy = tmpStore();
		writeFileSync(`${legacy}.utkast.json`, JSON.stringify(draft('Före sessionerna')));
		expect(startaUtkast(legacy)?.utkast.text).toBe('Före sessionerna');
		avslutaUtkast(legacy);
	});
});

const harTmux = spawnSync('tmux', ['-V']).status === 0;
const tmux = (...args: string[]) => execFileSync('tmux', ['-L', 'faults', ...args], {encoding: 'utf8'});
const S = `utkast-${process.pid}`;

async function vanta(pane: string, ok: (f: string) => boolean, vad: string, ms = 15_000): Promise<string> {
	const slut = Date.now() + ms;
	for (;;) {
		const f = tmux('capture-pane', '-p', '-t', pane);
		if (ok(f)) return f;
		if (Date.now() > slut) throw new Error(`väntade på ${vad}; skärmen var:\n${f}`);
		await new Promise(r => setTimeout(r, 50));
	}
}

describe.skipIf(!harTmux)('two TUIs on one store, in tmux', () => {
	afterAll(() => spawnSync('tmux', ['-L', 'faults', 'kill-session', '-t', S]));

	test('B is not offered A\'s live draft; after kill -9 of A, C is offered it and saves it', async () => {
		const store = tmpStore();
		const cmd = `exec env TERM=xterm-256color NO_COLOR=1 node ${privateCli()} --data ${store} --author e2e`;
		const ny = (first: boolean) => (first ? tmux('new-session', '-d', '-P', '-F', '#{pane_id} #{pane_pid}', '-s', S, '-x', '100', '-y', '60', cmd) : tmux('split-window', '-P', '-F', '#{pane_id} #{pane_pid}', '-t', S, '-v', cmd)).trim().split(' ');
		const trad = (f: string) => f.includes('Beställarenhet 2 · 2025');
		const [a, aPid] = ny(true);
		tmux('set-option', '-t', S, 'remain-on-exit', 'on');
		await vanta(a!, trad, 'A:s träd');
		tmux('send-keys', '-t', a!, 'a');
		await vanta(a!, f => f.includes('Analys 1.4.1.1 (VB)'), 'A:s analysfält');
		tmux('send-keys', '-t', a!, '-l', ' Text från A');
		const aFile = `${store}.utkast.${HOST}.${aPid}.json`;
		for (let i = 0; i < 100 && !(existsSync(aFile) && readFileSync(aFile, 'utf8').includes('Text från A')); i++) await new Promise(r => setTimeout(r, 50));
		const aDraft = readFileSync(aFile, 'utf8');
		expect(aDraft).toContain('Text från A');

		const [b] = ny(false);
		const bFrame = await vanta(b!, trad, 'B:s träd');
		expect(bFrame).not.toContain('osparat utkast');
		tmux('send-keys', '-t', b!, 'a');
		await vanta(b!, f => f.includes('Analys 1.4.1.1 (VB)'), 'B:s analysfält');
		tmux('send-keys', '-t', b!, '-l', ' Text från B');
		await new Promise(r => setTimeout(r, 600));
		expect(readFileSync(aFile, 'utf8')).toBe(aDraft);
		tmux('send-keys', '-t', b!, 'Escape');
		tmux('send-keys', '-t', b!, 'q');

		process.kill(Number(aPid), 'SIGKILL');
		const [c] = ny(false);
		await vanta(c!, f => f.includes('Ett osparat utkast till analysen för 1.4.1.1'), 'erbjudandet till C');
		tmux('send-keys', '-t', c!, 'Enter');
		await vanta(c!, f => f.includes('Analys 1.4.1.1 (VB)'), 'C i A:s utkast');
		tmux('send-keys', '-t', c!, 'C-s');
		await vanta(c!, f => f.includes('analysen sparad'), 'C sparar');
		expect(JSON.parse(readFileSync(store, 'utf8')).followUp.VB.goals['1.4.1.1'].analys).toMatch(/ Text från A$/);
		// Offered once: a fourth session finds no draft of A's.
		expect(drafts(store).filter(n => n.includes(`.${aPid}.`))).toEqual([]);
	}, 60_000);
});
