// Issue 14 on a real terminal: the built malkoll in tmux on a server of its own (tmux -L tui), at
// 80×24 and 160×50: search from a pane, the checklist filter, colour off, the hint row, closing the
// summary with q, y as a tmux buffer (set-clipboard on), and o opening a second store.
import {execFileSync, spawnSync} from 'node:child_process';
import {copyFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {BUNDLED, ROOT, privateCli, tmpDir, tmpStore} from '../helpers.js';
import {exportera, harTmux, vantaPa} from './tmux.js';

const SOCKET = 'tui';
const sessioner: string[] = [];

function tmux(...args: string[]): string {
	return execFileSync('tmux', ['-L', SOCKET, ...args], {encoding: 'utf8'});
}

/** The screen as text; `farg`: with the escape codes of colour and style. */
function skarm(s: string, farg = false): string {
	return tmux('capture-pane', '-p', ...(farg ? ['-e'] : []), '-t', s);
}

function vanta(s: string, ok: (f: string) => boolean, vad: string, ms = 8000): Promise<string> {
	return vantaPa(() => skarm(s), ok, vad, ms);
}

/** `env` goes before node: NO_COLOR=1, or `env -u NO_COLOR -u FORCE_COLOR` for colour (the test run sets both). */
function starta(namn: string, cols: number, rows: number, file: string, env = '', args = ''): string {
	const s = `daglig-${process.pid}-${namn}`;
	sessioner.push(s);
	const cmd = `cd ${ROOT} && XDG_STATE_HOME=${tmpDir()} ${env} TERM=xterm-256color node ${privateCli()} --data ${file} --author e2e ${args}; echo "SLUT=$?"; sleep 30`;
	tmux('new-session', '-d', '-s', s, '-x', String(cols), '-y', String(rows), cmd);
	return s;
}

const skriv = (s: string, text: string) => tmux('send-keys', '-t', s, '-l', text);
const tangent = (s: string, ...keys: string[]) => {
	for (const k of keys) tmux('send-keys', '-t', s, k);
};
const sistaRaden = (f: string) => f.trimEnd().split('\n').at(-1) ?? '';
/** SGR colour parameters (30–38, 40–48, 90–97, 100–107); 39/49 (default colour) are no colour. */
const INVERS = /\x1b\[(?:[0-9;]*;)?7(?:;[0-9;]*)?m/;
const FARG = /\x1b\[(?:[0-9;]*;)?(?:3[0-8]|4[0-8]|9[0-7]|10[0-7])(?:;[0-9;]*)?m/;

describe.skipIf(!harTmux)('issue 14 i tmux (-L tui)', () => {
	beforeAll(() => void privateCli());
	afterAll(() => {
		for (const s of sessioner) spawnSync('tmux', ['-L', SOCKET, 'kill-session', '-t', s]);
	});

	test('80×24: the hint row keeps Tab and /; a search from the indicator pane hands the keys to the tree; f is the checklist; q closes the summary', async () => {
		const s = starta('80', 80, 24, tmpStore());
		const start = await vanta(s, f => f.includes('Beställarenhet 2 · 2025 · VB'), 'första bilden');
		expect(sistaRaden(start)).toMatch(/^Tab indikatorer\/aktiviteter {2}\/ sök {2}\? hjälp/);

		skriv(s, '/3.4.1.1');
		tangent(s, 'Enter');
		await vanta(s, f => /› +H! 3\.4\.1\.1/.test(f), 'markören på 3.4.1.1');
		tangent(s, 'Tab');
		await vanta(s, f => sistaRaden(f).startsWith('Enter redigera'), 'fokus i indikatorerna');
		skriv(s, '/beredskap');
		tangent(s, 'Enter');
		const traff = await vanta(s, f => /› +▾ -  3\.5 Hög beredskap/.test(f), 'träffen 3.5');
		expect(sistaRaden(traff)).toMatch(/^Tab indikatorer\/aktiviteter/);
		expect(traff).not.toContain('Enter redigera');
		tangent(s, 'j');
		await vanta(s, f => /› +▾ -  3\.5\.1 /.test(f), 'j flyttar till 3.5.1');

		skriv(s, 'f');
		const filter = await vanta(s, f => f.includes('FILTER'), 'filtret');
		expect(filter).toMatch(/Filter: \d+ mål med något checklistan saknar/);
		// The enhetsmål marked ! and the nämndmål whose activities have no state, not only the VO-mål.
		expect(filter).toMatch(/H! 3\.4\.1\.1/);
		expect(filter).toMatch(/1\.4\.1 /);
		skriv(s, 'f');
		await vanta(s, f => !f.includes('FILTER'), 'alla mål igen');

		skriv(s, 's');
		const sum = await vanta(s, f => /rad 1–20 av \d+/.test(f), 'summeringen med position');
		expect(sum).toContain('Bedömda mål');
		skriv(s, ' ');
		await vanta(s, f => /rad 21–40 av \d+/.test(f), 'Space bläddrar');
		skriv(s, 'q');
		const tillbaka = await vanta(s, f => sistaRaden(f).startsWith('Tab indikatorer'), 'trädet igen');
		expect(tillbaka).not.toContain('SLUT=');
		skriv(s, 'q');
		expect(await vanta(s, f => f.includes('SLUT='), 'avslut')).toContain('SLUT=0');
	});

	test('160×50: NO_COLOR=1, FORCE_COLOR=0 and --no-color draw no colour; the cursor row stays inverse', async () => {
		const fil = tmpStore();
		// Started together: four TUIs on one store only read it.
		const farg = starta('farg', 160, 50, fil, 'env -u NO_COLOR -u FORCE_COLOR');
		const utan = (
			[
				['nocolor', 'env -u FORCE_COLOR NO_COLOR=1', ''],
				['force0', 'env -u NO_COLOR FORCE_COLOR=0', ''],
				['flagga', 'env -u NO_COLOR FORCE_COLOR=1', '--no-color'],
			] as const
		).map(([namn, env, args]) => [namn, starta(namn, 160, 50, fil, env, args)] as const);
		await vanta(farg, f => f.includes('Beställarenhet 2 · 2025 · VB'), 'första bilden i färg');
		expect(skarm(farg, true)).toMatch(FARG);
		for (const [namn, s] of utan) {
			await vanta(s, f => f.includes('Beställarenhet 2 · 2025 · VB'), `första bilden (${namn})`);
			const f = skarm(s, true);
			expect(f, namn).not.toMatch(FARG);
			expect(f, namn).toMatch(INVERS);
		}
	});

	test('y puts the analysis, and on the summary the brief, in a tmux buffer (set-clipboard on)', async () => {
		const fil = tmpStore();
		const s = starta('y', 160, 50, fil, 'PATH=/usr/bin:/bin:' + process.env.PATH!.split(':').filter(d => d.includes('node')).join(':'));
		await vanta(s, f => f.includes('Beställarenhet 2 · 2025 · VB'), 'första bilden');
		tmux('set-option', '-g', 'set-clipboard', 'on');
		spawnSync('tmux', ['-L', SOCKET, 'delete-buffer']);
		skriv(s, 'y');
		await vanta(s, f => f.includes('Kopierat analysen för 1.4.1.1 (VB) (OSC 52'), 'meddelandet');
		expect(tmux('show-buffer')).toBe(exportera(fil).followUp.VB.goals['1.4.1.1'].analys);
		skriv(s, 's');
		await vanta(s, f => f.includes('rad 1–'), 'summeringen');
		skriv(s, 'y');
		await vanta(s, f => f.includes('Kopierat briefen (OSC 52'), 'briefen kopierad');
		const brief = tmux('show-buffer');
		expect(brief).toContain('Klart för inlämning?');
		expect(brief).toContain('Indikatorer som inte nås (4)');
	});

	test('o opens a second store from the same folder; the header names it', async () => {
		const dir = tmpDir();
		const a = join(dir, 'bestallarenhet.json');
		const b = join(dir, 'aldrenamnden.json');
		copyFileSync(BUNDLED, a);
		copyFileSync(join(ROOT, 'data', 'aldrenamnden-2025.json'), b);
		const s = starta('o', 160, 50, a);
		const start = await vanta(s, f => f.includes('Beställarenhet 2 · 2025 · VB'), 'första bilden');
		expect(start.split('\n')[0]).toContain('bestallarenhet.json ·');
		skriv(s, 'o');
		const lista = await vanta(s, f => f.includes('Öppna en annan store'), 'listan');
		expect(lista).toMatch(/▶ aldrenamnden\.json/);
		tangent(s, 'Enter');
		const andra = await vanta(s, f => f.split('\n')[0]!.includes('aldrenamnden.json'), 'den andra storen');
		expect(andra.split('\n')[0]).toContain('Äldrenämnden · 2025');
		skriv(s, 'q');
		expect(await vanta(s, f => f.includes('SLUT='), 'avslut')).toContain('SLUT=0');
	});
});
