// Editing text as a readline user expects, in the analysis editor and the form fields: the key
// names the terminal's bytes become, the pure editor model, and both modes driven by raw input
// on the bundled store (no Ink, no file).
import {describe, expect, test} from 'vitest';
import {indexStore} from '../source/domain/bedomning.js';
import type {Op} from '../source/domain/ops.js';
import type {StoreData} from '../source/domain/types.js';
import {type EditorState, editorRader, editorTangent, editorText, markera, nyEditor} from '../source/ui/editor.js';
import {KOMMANDON, parseTangenter, tipsFor} from '../source/ui/keys.js';
import {EditorMode} from '../source/ui/modes/editor.js';
import {FormMode, oppnaAndra, oppnaUppfoljning} from '../source/ui/modes/form.js';
import type {Ctx, Mode} from '../source/ui/modes/mode.js';
import {TreeMode} from '../source/ui/modes/tree.js';
import type {Rad} from '../source/ui/text.js';
import {loadStore} from '../source/store/index.js';
import {BUNDLED} from './helpers.js';

type Fake = Ctx & {mode?: Mode; saves: Op[][]; writes: Op[][]; data: StoreData};

async function ctx(): Promise<Fake> {
	const data = await loadStore(BUNDLED);
	const c = {
		data,
		idx: indexStore(data),
		period: data.period,
		cols: 80,
		kroppHojd: 20,
		saves: [] as Op[][],
		writes: [] as Op[][],
		save(ops: Op[]) {
			c.saves.push(ops);
		},
		write(ops: Op[]) {
			c.writes.push(ops);
		},
		unlessInlamnad: (_: unknown, gor: (force: boolean) => void) => gor(false),
		open(m?: Mode) {
			c.mode = m;
		},
		say(text: string, fel = false) {
			c.meddelande = {text, fel};
		},
		draftChanged() {},
		sparaUtkastNu() {},
		dropDraft() {},
	} as unknown as Fake;
	Object.assign(c, {tree: new TreeMode(c)});
	return c;
}

/** Raw terminal input, one read each, as Ink hands it over. */
function tryck(m: Mode, ...raw: string[]): void {
	for (const r of raw) for (const t of parseTangenter(r)) m.key(t);
}

function tangenter(s: EditorState, raw: string[], yta?: {w: number; h: number}): EditorState {
	for (const r of raw) for (const t of parseTangenter(r)) s = editorTangent(s, t, yta);
	return s;
}

const text = (rader: Rad[]) => rader.map(r => r.map(s => s.t).join('')).join('\n');
/** Where the cursor is: the text before it. */
const fore = (s: EditorState) => [...s.lines.slice(0, s.row), [...s.lines[s.row]!].slice(0, s.col).join('')].join('\n');

const C = {a: '\x01', e: '\x05', k: '\x0b', u: '\x15', w: '\x17', x: '\x18', y: '\x19', z: '\x1a', _: '\x1f'};
const ALT = {b: '\x1bb', f: '\x1bf', d: '\x1bd', bs: '\x1b\x7f'};
const CTRL_VANSTER = '\x1b[1;5D';
const CTRL_HOGER = '\x1b[1;5C';

describe('the terminal bytes of the editing keys', () => {
	test.each([
		['\x1bb', ['alt-b']],
		['\x1bf', ['alt-f']],
		['\x1bd', ['alt-d']],
		['\x1b\x7f', ['alt-backspace']],
		['\x1b[1;5D', ['ctrl-left']],
		['\x1b[1;5C', ['ctrl-right']],
		['\x1bOd', ['ctrl-left']],
		['\x1b[1;3D', ['alt-left']],
		['\x1b[H', ['home']],
		['\x1b[1~', ['home']],
		['\x1bOH', ['home']],
		['\x1b[F', ['end']],
		['\x1b[4~', ['end']],
		['\x1bOF', ['end']],
		['\x1b[5~', ['pageup']],
		['\x1b[6~', ['pagedown']],
		['\x1b[3;5~', ['ctrl-delete']],
		['\x1f', ['ctrl-_']],
		['\x1a', ['ctrl-z']],
		['\x18', ['ctrl-x']],
		['\x15\x17\x0b', ['ctrl-u', 'ctrl-w', 'ctrl-k']],
		// Esc and another key in one read are still Esc, then the key.
		['\x1bq', ['esc', 'q']],
		['a\r\nb', ['a', 'enter', 'b']],
	])('%j → %j', (raw, keys) => {
		expect(parseTangenter(raw)).toEqual(keys);
	});

	test('every editing key in the table is a name the parser produces from some bytes', () => {
		const tangenter = new Set(KOMMANDON.filter(k => k.lagen.includes('editor')).flatMap(k => k.tangenter));
		const fran = [...'\x03\x01\x05\x0b\x15\x17\x18\x19\x1a\x1f\x13\r', '\x1b', '\x1bb', '\x1bf', '\x1bd', '\x1b\x7f', '\x1b[1;5D', '\x1b[1;5C', '\x1b[1;3D', '\x1b[1;3C', '\x1b[H', '\x1b[F', '\x1b[1;5H', '\x1b[1;5F', '\x1b[5~', '\x1b[6~', '\x1b[A', '\x1b[B', '\x1b[3;5~'];
		const gjorda = new Set(fran.flatMap(r => parseTangenter(r)));
		expect([...tangenter].filter(t => !gjorda.has(t))).toEqual([]);
	});
});

describe('the editor model', () => {
	const ANALYS = 'Sjukfrånvaron 8,2 % mot årsmålet 7,2 %.\nPunkt 2: friskvård';

	test('Ctrl-A/E and Home/End go to the line start and end; Ctrl-U and Ctrl-K delete to them, in the paragraph only', () => {
		const s = nyEditor(ANALYS);
		expect(fore(tangenter(s, [C.a]))).toBe('Sjukfrånvaron 8,2 % mot årsmålet 7,2 %.\n');
		expect(fore(tangenter(s, ['\x1b[1~']))).toBe('Sjukfrånvaron 8,2 % mot årsmålet 7,2 %.\n');
		expect(fore(tangenter(s, ['\x1bOH', C.e]))).toBe(ANALYS);
		expect(fore(tangenter(s, [C.a, '\x1b[4~']))).toBe(ANALYS);
		const u = tangenter(s, [...Array<string>(9).fill('\x1b[D'), C.u]);
		expect(editorText(u)).toBe('Sjukfrånvaron 8,2 % mot årsmålet 7,2 %.\nfriskvård');
		// Nothing before the cursor on its line: Ctrl-U leaves the paragraph above alone.
		expect(editorText(tangenter(u, [C.u]))).toBe(editorText(u));
		const k = tangenter(s, ['\x1b[A', C.a, ...Array<string>(13).fill('\x1b[C'), C.k]);
		expect(editorText(k)).toBe('Sjukfrånvaron\nPunkt 2: friskvård');
		// At the end of a line Ctrl-K joins the next.
		expect(editorText(tangenter(k, [C.k]))).toBe('SjukfrånvaronPunkt 2: friskvård');
	});

	test('Ctrl-W deletes back to a space, Alt-Backspace one word; Alt-D a word forward; Ctrl-Y puts the last back', () => {
		const s = nyEditor('utfall 8,2 %');
		expect(editorText(tangenter(s, [C.w]))).toBe('utfall 8,2 ');
		expect(editorText(tangenter(s, [C.w, C.w]))).toBe('utfall ');
		expect(editorText(tangenter(s, [ALT.bs]))).toBe('utfall 8,');
		expect(editorText(tangenter(nyEditor('årsmålet nås'), [ALT.bs, ALT.bs]))).toBe('');
		const d = tangenter(nyEditor('Sjukfrånvaron ökade kraftigt'), [C.a, ALT.f, ALT.d]);
		expect(editorText(d)).toBe('Sjukfrånvaron kraftigt');
		expect(editorText(tangenter(d, [C.e, ' ', C.y]))).toBe('Sjukfrånvaron kraftigt  ökade');
		expect(editorText(tangenter(nyEditor('ab'), [C.y]))).toBe('ab');
		// At a line's edge the word is looked for across the paragraph break, as readline does in a multi-line buffer.
		expect(editorText(tangenter(nyEditor('Punkt 1\n'), [C.w]))).toBe('Punkt ');
		expect(editorText(tangenter(nyEditor('Punkt 1\nklart'), [C.a, ALT.bs]))).toBe('Punkt klart');
		expect(editorText(tangenter(nyEditor('ab\ncd ef'), ['\x1b[A', C.e, ALT.d]))).toBe('ab ef');
	});

	test('Alt-B/F and Ctrl-←/→ jump by words, across a paragraph break', () => {
		const s = nyEditor('Punkt 1: klart.\nPunkt 2: pågår');
		expect(fore(tangenter(s, [ALT.b]))).toBe('Punkt 1: klart.\nPunkt 2: ');
		expect(fore(tangenter(s, [CTRL_VANSTER, CTRL_VANSTER, CTRL_VANSTER]))).toBe('Punkt 1: klart.\n');
		expect(fore(tangenter(s, [ALT.b, ALT.b, ALT.b, ALT.b]))).toBe('Punkt 1: ');
		const start = tangenter(s, ['\x1b[1;5H']);
		expect(fore(tangenter(start, [ALT.f]))).toBe('Punkt');
		expect(fore(tangenter(start, [CTRL_HOGER, CTRL_HOGER, CTRL_HOGER, CTRL_HOGER]))).toBe('Punkt 1: klart.\nPunkt');
	});

	test('Up and Down move by screen row, keeping the column across a short row; PgUp/PgDn by a screen', () => {
		// At 20 columns the first paragraph is two screen rows, the second one short row.
		const s = nyEditor('Sjukfrånvaron 8,2 % mot årsmålet 7,2 %\nKort\nTredje stycket är långt nog att brytas');
		const yta = {w: 20, h: 2};
		const rad = (t: EditorState) => editorRader(t, 20);
		expect(rad(s).rader).toEqual(['Sjukfrånvaron 8,2 % ', 'mot årsmålet 7,2 %', 'Kort', 'Tredje stycket är ', 'långt nog att brytas']);
		expect([rad(s).cursorRad, rad(s).cursorKol]).toEqual([4, 20]);
		let t = tangenter(s, ['\x1b[A'], yta);
		// From the end of the last row, up: the row above is shorter, so its end.
		expect([rad(t).cursorRad, rad(t).cursorKol]).toEqual([3, 17]);
		t = tangenter(s, [...'Sjuk'.split('').map(() => '\x1b[D'), '\x1b[A'], yta);
		expect([rad(t).cursorRad, rad(t).cursorKol]).toEqual([3, 16]);
		t = tangenter(t, ['\x1b[A'], yta);
		expect([rad(t).cursorRad, rad(t).cursorKol, t.row]).toEqual([2, 4, 1]);
		// The column is kept through the short row.
		t = tangenter(t, ['\x1b[A'], yta);
		expect([rad(t).cursorRad, rad(t).cursorKol, t.row]).toEqual([1, 16, 0]);
		t = tangenter(t, ['\x1b[A'], yta);
		expect([rad(t).cursorRad, rad(t).cursorKol]).toEqual([0, 16]);
		expect(fore(t)).toBe('Sjukfrånvaron 8,');
		t = tangenter(t, ['\x1b[B', '\x1b[B', '\x1b[B'], yta);
		expect([rad(t).cursorRad, rad(t).cursorKol]).toEqual([3, 16]);
		t = tangenter(t, ['\x1b[5~'], yta);
		expect([rad(t).cursorRad, rad(t).cursorKol]).toEqual([1, 16]);
		t = tangenter(t, ['\x1b[6~', '\x1b[6~'], yta);
		expect(rad(t).cursorRad).toBe(4);
		// Typing where the cursor landed puts the text there.
		// From the end (column 20), three rows up is the end of the first paragraph, its row being shorter.
		expect(editorText(tangenter(s, ['\x1b[A', '\x1b[A', '\x1b[A', 'X'], yta))).toBe('Sjukfrånvaron 8,2 % mot årsmålet 7,2 %X\nKort\nTredje stycket är långt nog att brytas');
	});

	test('Ctrl-X clears the whole text in one step; Ctrl-Z, Ctrl-_ and Ctrl-Y each bring it back exactly', () => {
		const s = nyEditor(ANALYS);
		const tom = tangenter(s, [C.x]);
		expect(editorText(tom)).toBe('');
		expect(editorText(tangenter(tom, [C.z]))).toBe(ANALYS);
		expect(editorText(tangenter(tom, [C._]))).toBe(ANALYS);
		expect(editorText(tangenter(tom, [C.y]))).toBe(ANALYS);
		// A word typed after clearing is one undo step, then the clearing is the next.
		const ny = tangenter(tom, ['Ny analys']);
		expect(editorText(tangenter(ny, [C.z]))).toBe('');
		expect(editorText(tangenter(ny, [C.z, C.z]))).toBe(ANALYS);
		expect(tangenter(ny, [C.z, C.z, C.z])).toMatchObject({lines: s.lines});
	});

	test('undo steps back through kills and runs of typing, one at a time', () => {
		let s = nyEditor('Bedömningen grundas på');
		s = tangenter(s, [' mätningen', C.w, C.w, '\x7f\x7f', 'x']);
		expect(editorText(s)).toBe('Bedömningen grundax');
		const steg: string[] = [];
		for (let i = 0; i < 5; i++) steg.push(editorText((s = tangenter(s, [C.z]))));
		expect(steg).toEqual(['Bedömningen grunda', 'Bedömningen grundas ', 'Bedömningen grundas på ', 'Bedömningen grundas på mätningen', 'Bedömningen grundas på']);
		// A move ends a run of typing: what is typed after it is undone on its own.
		expect(editorText(tangenter(nyEditor(''), ['8,2', '\x1b[D', '\x1b[D', '\x1b[D', '~', C.z]))).toBe('8,2');
		expect(editorText(tangenter(nyEditor('a\nb'), ['c', '\x1b[A', 'd', C.z], {w: 20, h: 1}))).toBe('a\nbc');
	});

	test('a selected value goes at the first character typed; a move keeps it; undo brings it back', () => {
		const s = markera(nyEditor('8,2 %'));
		expect(editorText(tangenter(s, ['7']))).toBe('7');
		expect(editorText(tangenter(s, ['7', ',', '9', C.z]))).toBe('8,2 %');
		expect(editorText(tangenter(s, ['\x1b[C', ' ', 'ca']))).toBe('8,2 % ca');
		expect(editorText(tangenter(s, ['\x1b[F', 'x']))).toBe('8,2 %x');
		expect(editorText(tangenter(s, ['\x7f']))).toBe('');
		expect(editorText(tangenter(s, ['\x7f', C.z]))).toBe('8,2 %');
		expect(tangenter(markera(nyEditor('')), ['7']).lines).toEqual(['7']);
	});
});

describe('the analysis editor', () => {
	test('replacing the 1,555-character analysis of 3.4.1.1: Ctrl-X, type, Ctrl-S; Ctrl-Z before it brings the old back', async () => {
		const c = await ctx();
		const original = c.data.followUp.VB!.goals['3.4.1.1']!.analys!;
		expect(original.length).toBe(1555);
		const e = new EditorMode(c, '3.4.1.1', 'VB', original, nyEditor(original), false);
		tryck(e, C.x);
		expect(e.utkast()?.text).toBe('');
		expect(c.meddelande?.text).toBe('Texten tömdes: C-z ångrar, C-y sätter tillbaka den');
		expect(text(e.view(80, 10)).split('\n').slice(2)).toEqual([' ']);
		tryck(e, C.z);
		expect(e.utkast()).toBeUndefined();
		expect(c.meddelande?.text).toBe('Ångrat i texten');
		tryck(e, C.x, 'Målet nås: 7,9 % mot 7,2 %.', '\x13');
		expect(c.saves).toEqual([[{op: 'set', period: 'VB', entity: 'goal', id: '3.4.1.1', field: 'analys', value: 'Målet nås: 7,9 % mot 7,2 %.', expect: original}]]);
	});

	test('Ctrl-U and Ctrl-W in the editor, and the undo of them, on screen', async () => {
		const c = await ctx();
		const e = new EditorMode(c, '1.4.1.1', 'VB', 'Före', nyEditor('Före'), false);
		tryck(e, '\r', 'Punkt 1: klart', C.w);
		expect(text(e.view(80, 10)).split('\n').slice(2)).toEqual(['Före', 'Punkt 1:  ']);
		tryck(e, C.u);
		expect(e.utkast()?.text).toBe('Före\n');
		tryck(e, C._, C._);
		expect(e.utkast()?.text).toBe('Före\nPunkt 1: klart');
	});

	test('three pasted paragraphs stay three paragraphs, stored exactly (CR, LF or CRLF, with or without paste brackets)', async () => {
		const stycken = ['Enheten har haft resultatdialoger varje månad.', 'Sjukfrånvaron 8,2 % mot årsmålet 7,2 %: inte nått.', 'Bedömningen grundas på – Stratsys-utfallet.'];
		for (const brytning of ['\r\r', '\n\n', '\r\n\r\n']) {
			const c = await ctx();
			const e = new EditorMode(c, '1.4.1.1', 'VB', 'Före', nyEditor('Före'), false);
			// Ink hands a paste over as the bracket sequences and the text between them.
			tryck(e, C.x, '\x1b[200~', stycken.join(brytning), '\x1b[201~', '\x13');
			expect(c.saves[0]![0]).toMatchObject({field: 'analys', value: stycken.join('\n\n')});
		}
	});

	test('the hint row names the clearing and the undo', () => {
		const tips = tipsFor('editor').map(t => `${t.visas} ${t.text}`);
		expect(tips).toEqual(expect.arrayContaining(['C-x töm texten', 'C-z/C-_ ångra']));
		expect(tipsFor('form').map(t => t.visas)).toEqual(expect.arrayContaining(['C-x', 'C-z/C-_']));
		// A one-line field opens selected: the hint row says typing replaces it.
		expect(tipsFor('form').map(t => `${t.visas} ${t.text}`)).toContain('skriv ersätter markerat');
	});
});

describe('the form fields', () => {
	async function utfallForm() {
		const c = await ctx();
		while (c.tree.markerad !== '3.4.1.1') tryck(c.tree, 'j');
		tryck(c.tree, '\t', 'j');
		oppnaUppfoljning(c);
		return {c, form: c.mode as FormMode};
	}

	test('a field opens with its old value selected: the hint says typing replaces, the first key does', async () => {
		const {c, form} = await utfallForm();
		const vy = form.view(47);
		expect(text(vy)).toContain('Markerat: skriv ersätter, →/End lägger till');
		expect(vy.flat().find(s => s.inv)?.t).toBe('8,2 %');
		tryck(form, '7,9 %', '\r');
		expect(c.saves).toEqual([[{op: 'set', period: 'VB', entity: 'indicator', id: '3.4:i2', field: 'utfall', value: {raw: '7,9 %', value: 7.9, unit: '%'}, expect: {raw: '8,2 %', value: 8.2, unit: '%'}}]]);
	});

	test('End keeps the value and appends; the hint then says typing adds at the cursor', async () => {
		const {form} = await utfallForm();
		tryck(form, '\x1b[F', 'x');
		expect(form.falt[form.aktiv]!.ed.lines).toEqual(['8,2 %x']);
		expect(text(form.view(47))).toContain('Skriv lägger till vid markören');
	});

	test('Tab into the next field selects it; Ctrl-A, Ctrl-K, Ctrl-W, Ctrl-X and Ctrl-Z work in a field', async () => {
		const {c, form} = await utfallForm();
		tryck(form, '\t');
		const man = form.falt[form.aktiv]!;
		expect([man.etikett, man.ed.markerad]).toEqual(['Utfall män', true]);
		tryck(form, C.a, '\x1b[C', C.k);
		expect(man.ed.lines).toEqual(['5']);
		tryck(form, C.e, ',0 %', C.w);
		expect(form.falt[form.aktiv]!.ed.lines).toEqual(['5,0 ']);
		tryck(form, C.x);
		expect(form.falt[form.aktiv]!.ed.lines).toEqual(['']);
		expect(c.meddelande?.text).toBe('Utfall män tömdes: C-z ångrar');
		tryck(form, C.z, C.z, C.z);
		expect(form.falt[form.aktiv]!.ed.lines).toEqual(['5']);
		tryck(form, '\x1b[Z');
		expect(form.falt[form.aktiv]!.ed.markerad).toBe(true);
	});

	test('a text field (a title) opens with the cursor at its end: typing appends, and the form says so', async () => {
		const c = await ctx();
		oppnaAndra(c);
		const form = c.mode as FormMode;
		const titel = form.falt[form.aktiv]!;
		expect([titel.etikett, titel.ed.markerad]).toEqual(['Titel', undefined]);
		expect(text(form.view(47))).toContain('Skriv lägger till vid markören · C-x tömmer');
		tryck(form, ' (reviderat)', ALT.b, ALT.b, C.w);
		// Two words back is before "kvalitet"; Ctrl-W then takes the "god " before it.
		expect(titel.start).toMatch(/ av god kvalitet\.$/);
		expect(editorText(form.falt[form.aktiv]!.ed)).toBe(`${titel.start.replace(/ god kvalitet\.$/, ' kvalitet.')} (reviderat)`);
	});

	test('a multi-line field is not selected: Enter is a new line, Up and Down move by screen row', async () => {
		const c = await ctx();
		oppnaAndra(c);
		const form = c.mode as FormMode;
		while (form.falt[form.aktiv]!.etikett !== 'Förväntat resultat') tryck(form, '\t');
		const f = form.falt[form.aktiv]!;
		expect(f.ed.markerad).toBeUndefined();
		expect(f.ed.lines).toHaveLength(3);
		// The third result wraps in the 44 columns the pane gives the text at 80: Up stays in it, at the same column.
		const fore44 = editorRader(f.ed, 44);
		expect(fore44.rader.slice(-2)).toEqual(['med hemtjänstinsatser. En ökning ska ske ', 'med 25 %.']);
		tryck(form, '\x1b[A');
		expect(fore(form.falt[form.aktiv]!.ed).split('\n')[2]).toBe('Under 2025 avser enheten att öka antalet inkomna genomförandeplaner gällande ärenden med hemtj');
		tryck(form, '\x1b[B', '\r', 'Fyra.');
		expect(editorText(form.falt[form.aktiv]!.ed).split('\n').slice(2)).toEqual([f.start.split('\n')[2], 'Fyra.']);
	});
});
