// Editing text in the built malkoll in a real terminal (tmux, its own server `-L edit`): Ctrl-U and
// Ctrl-W, word jumps and Home/End, clearing a whole analysis and undoing it, three pasted
// paragraphs, a form field opened selected; each seen on the screen and read back from the store file.
import {execFileSync, spawnSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {ROOT, privateCli, tmpStore} from '../helpers.js';
import {harTmux} from './tmux.js';

const SOCKET = 'edit';
const S = `malkoll-edit-${process.pid}`;

function tmux(...args: string[]): string {
	return execFileSync('tmux', ['-L', SOCKET, ...args], {encoding: 'utf8'});
}

const skarm = () => tmux('capture-pane', '-p', '-t', S);

async function vanta(ok: (f: string) => boolean, vad: string, ms = 20_000): Promise<string> {
	const slut = Date.now() + ms;
	for (;;) {
		const f = skarm();
		if (ok(f)) return f;
		if (Date.now() > slut) throw new Error(`väntade på ${vad}; skärmen var:\n${f}`);
		await new Promise(r => setTimeout(r, 25));
	}
}

/** The screen with its attributes: the cursor (inverse, so colour is left on) moving is a change too. */
const medAttribut = () => tmux('capture-pane', '-p', '-e', '-t', S);

/** One key, then the frame it changes: no key is sent before the last one is drawn. */
async function tangent(key: string, literal = false): Promise<string> {
	const fore = medAttribut();
	tmux('send-keys', '-t', S, ...(literal ? ['-l', key] : [key]));
	await vanta(() => medAttribut() !== fore, `en ny bild efter ${key}`);
	return skarm();
}

/** The text area of the analysis editor: below its heading and hint, above the message and hint rows. */
const textRader = (f: string) =>
	f
		.split('\n')
		.slice(3, -4)
		.map(r => r.trimEnd());

const analys = (file: string, id: string) => JSON.parse(readFileSync(file, 'utf8')).followUp.VB.goals[id].analys as string | undefined;

describe.skipIf(!harTmux)('redigera text i tmux', () => {
	beforeAll(() => privateCli());
	afterAll(() => spawnSync('tmux', ['-L', SOCKET, 'kill-session', '-t', S]));

	// Some forty keys, each waited for on screen: a loaded machine needs more than the default minute.
	test('80×24: C-x and C-z on the 1,555-character analysis, C-w and C-u, three pasted paragraphs, a selected field', async () => {
		const file = tmpStore();
		const original = analys(file, '3.4.1.1')!;
		expect(original.length).toBe(1555);
		tmux('new-session', '-d', '-s', S, '-x', '80', '-y', '24', `cd ${ROOT} && env -u NO_COLOR -u FORCE_COLOR TERM=xterm-256color node ${privateCli()} --data ${file} --author e2e; echo "SLUT=$?"; sleep 30`);
		await vanta(f => f.includes('Beställarenhet 2 · 2025 · VB'), 'första bilden');
		// The tree is not under test here: eleven rows down in one go.
		tmux('send-keys', '-t', S, ...Array<string>(11).fill('j'));
		await vanta(f => /› +H! 3\.4\.1\.1/.test(f), 'markören på 3.4.1.1');

		// Clearing the whole analysis is one key, and undoing it brings back every character.
		await tangent('a');
		let f = await vanta(f => f.includes('Analys 3.4.1.1 (VB)') && f.includes('C-x töm'), 'analysen med C-x i tipsraden');
		expect(textRader(f).join(' ')).toContain('fick ett resultat på att 86.5 %.');
		f = await tangent('C-x');
		expect(f).toContain('Texten tömdes: C-z ångrar');
		expect(textRader(f).join('')).toBe('');
		f = await tangent('C-z');
		expect(textRader(f).join(' ')).toContain('fick ett resultat på att 86.5 %.');
		expect(f).toContain('Ångrat i texten');
		await tangent(' Tillägg.', true);
		await tangent('C-s');
		await vanta(f => f.includes('3.4.1.1: analysen sparad (VB)'), 'analysen sparad');
		expect(analys(file, '3.4.1.1')).toBe(`${original} Tillägg.`);

		// Ctrl-W takes the word before the cursor, Ctrl-U the rest of the line; the line above stays.
		await tangent('a');
		await vanta(f => f.includes('Analys 3.4.1.1 (VB)'), 'analysen');
		await tangent('C-x');
		await tangent('Första raden', true);
		await tangent('Enter');
		await tangent('Andra raden med ord', true);
		f = await tangent('C-w');
		expect(textRader(f).slice(0, 2)).toEqual(['Första raden', 'Andra raden med']);
		f = await tangent('C-u');
		expect(textRader(f).slice(0, 2)).toEqual(['Första raden', '']);
		// Word jumps and Home/End as the terminal sends them (tmux: ESC b, CSI 1;5D, ESC DEL, CSI 1~).
		await tangent('Punkt två klar.', true);
		await tangent('M-b');
		await tangent('C-Left');
		f = await tangent('M-BSpace');
		expect(textRader(f)[1]).toBe('två klar.');
		await tangent('End');
		await tangent(' Ja', true);
		await tangent('Home');
		f = await tangent('1. ', true);
		expect(textRader(f).slice(0, 2)).toEqual(['Första raden', '1. två klar. Ja']);
		await tangent('C-s');
		await vanta(f => f.includes('3.4.1.1: analysen sparad (VB)') && !f.includes('Analys 3.4.1.1'), 'analysen sparad igen');
		await vanta(() => analys(file, '3.4.1.1') === 'Första raden\n1. två klar. Ja', 'den sparade texten');

		// Three paragraphs pasted stay three paragraphs.
		const stycken = ['Enheten har haft resultatdialoger varje månad.', 'Sjukfrånvaron 8,2 % mot årsmålet 7,2 %: inte nått.', 'Bedömningen grundas på utfallet i Stratsys.'];
		await tangent('a');
		await vanta(f => f.includes('Analys 3.4.1.1 (VB)'), 'analysen');
		await tangent('C-x');
		tmux('set-buffer', '-b', 'stycken', stycken.join('\n\n'));
		tmux('paste-buffer', '-p', '-b', 'stycken', '-t', S);
		f = await vanta(f => f.includes(stycken[2]!), 'det inklistrade');
		expect(textRader(f).slice(0, 5)).toEqual([stycken[0], '', stycken[1], '', stycken[2]]);
		await tangent('C-s');
		await vanta(() => analys(file, '3.4.1.1') === stycken.join('\n\n'), 'de tre styckena sparade');

		// A form field opens selected: the hint says so, and typing replaces the old value.
		await tangent('Tab');
		await tangent('j');
		await tangent('Enter');
		f = await vanta(f => f.includes('Indikator 3.4:i2 (VB)'), 'indikatorformuläret');
		expect(f).toContain('Markerat: skriv ersätter');
		// The hint row at 80 columns says it too.
		expect(f.trimEnd().split('\n').at(-1)).toContain('skriv ersätter markerat');
		await tangent('7,9 % ca', true);
		f = await tangent('C-w');
		expect(f).toMatch(/Periodens utfall 7,9 % *│?$/m);
		await tangent('BSpace');
		await tangent('Enter');
		await vanta(f => f.includes('3.4:i2: sparat (VB)'), 'utfallet sparat');
		expect(JSON.parse(readFileSync(file, 'utf8')).followUp.VB.indicators['3.4:i2'].utfall).toEqual({raw: '7,9 %', value: 7.9, unit: '%'});

		// Pasted on the tree, text runs no command (q would quit): it is refused on the message row.
		tmux('set-buffer', '-b', 'trad', 'q\nkq');
		tmux('paste-buffer', '-p', '-b', 'trad', '-t', S);
		f = await vanta(f => f.includes('Inklistrat hör hemma i en text: a analys, Tab+Enter formulär'), 'att klistret vägras i trädet');
		expect(f).not.toContain('SLUT=');

		tmux('send-keys', '-t', S, 'Escape');
		await new Promise(r => setTimeout(r, 100));
		tmux('send-keys', '-t', S, 'q');
		expect(await vanta(f => f.includes('SLUT='), 'att malkoll avslutas')).toContain('SLUT=0');
	}, 180_000);
});
