// Each mode of the TUI on its own: given a context (the bundled store, and a record of what the
// mode asks of it) and keys, checked on its pure view and on the context's calls; no Ink, no file.
import {describe, expect, test} from 'vitest';
import {indexStore} from '../source/domain/bedomning.js';
import {periodSlut} from '../source/domain/datum.js';
import type {Op} from '../source/domain/ops.js';
import type {StoreData} from '../source/domain/types.js';
import {nyEditor} from '../source/ui/editor.js';
import {TECKEN, parseTangenter, tipsFor} from '../source/ui/keys.js';
import {buildSummary} from '../source/domain/summary.js';
import {EditorMode} from '../source/ui/modes/editor.js';
import {oppnaAndra, oppnaUppfoljning} from '../source/ui/modes/form.js';
import {HelpMode} from '../source/ui/modes/help.js';
import type {Ctx, Mode, Ops} from '../source/ui/modes/mode.js';
import {PeriodMode} from '../source/ui/modes/period.js';
import {fraga, fragaKonflikt} from '../source/ui/modes/question.js';
import {SearchMode} from '../source/ui/modes/search.js';
import {StoresMode} from '../source/ui/modes/stores.js';
import {SummaryMode} from '../source/ui/modes/summary.js';
import {TreeMode} from '../source/ui/modes/tree.js';
import type {Rad} from '../source/ui/text.js';
import {loadStore} from '../source/store/index.js';
import {BUNDLED} from './helpers.js';

type Fake = Ctx & {mode?: Mode; writes: Op[][]; saves: Op[][]; asks: string[]; data: StoreData; period: Ctx['period']};

async function ctx(): Promise<Fake> {
	const data = await loadStore(BUNDLED);
	const c = {
		data,
		idx: indexStore(data),
		period: data.period,
		get asOf() {
			return periodSlut(c.data, c.period);
		},
		cols: 80,
		kroppHojd: 20,
		author: 'test',
		writes: [] as Op[][],
		saves: [] as Op[][],
		asks: [] as string[],
		write(ops: Ops) {
			c.writes.push(typeof ops === 'function' ? ops(c.data) : ops);
		},
		save(ops: Op[]) {
			c.saves.push(ops);
		},
		ask(text: string, ja: () => void) {
			c.asks.push(text);
			c.mode = fraga(c, text, ja);
		},
		unlessInlamnad: (_: unknown, gor: (force: boolean) => void) => gor(false),
		open(m?: Mode) {
			c.mode = m;
		},
		say(text: string, fel = false) {
			c.meddelande = {text, fel};
		},
		setPeriod(p: Ctx['period']) {
			c.period = p;
		},
		draftChanged() {},
		sparaUtkastNu() {},
		dropDraft() {},
		undo() {},
		quit() {},
		notify() {},
	} as unknown as Fake;
	Object.assign(c, {tree: new TreeMode(c)});
	return c;
}

function tryck(m: Mode, ...raw: string[]): void {
	for (const r of raw) for (const t of parseTangenter(r)) m.key(t);
}

const text = (rader: Rad[]) => rader.map(r => r.map(s => s.t).join('')).join('\n');

describe('tree', () => {
	test('j moves, 2 saves delvis with the status it replaces as expected, the view only reads', async () => {
		const c = await ctx();
		expect(c.tree.markerad).toBe('1.4.1.1');
		expect(text(c.tree.view(47, 20))).toContain('Status VB (utfall): H Uppfylls helt');
		tryck(c.tree, '2');
		expect(c.saves).toEqual([[{op: 'set', period: 'VB', entity: 'goal', id: '1.4.1.1', field: 'status', value: 'delvis', expect: 'helt'}]]);
		tryck(c.tree, 'j', 'j');
		expect(c.tree.markerad).toBe('2.1');
		// Drawing an offset past the end clamps only what is drawn, never the mode's state.
		c.tree.detaljTopp = 999;
		expect(text(c.tree.view(47, 3))).toMatch(/Status VB: Inga data$/);
		expect(c.tree.detaljTopp).toBe(999);
	});

	test('Tab goes to the indicators, d asks before removing one, a opens the analysis', async () => {
		const c = await ctx();
		tryck(c.tree, 'G', 'k');
		while (c.tree.markerad !== '3.4.1.1') tryck(c.tree, 'k');
		tryck(c.tree, '\t', 'j');
		expect(c.tree.valdRad()).toEqual({entity: 'indicator', id: '3.4:i2'});
		expect(text(c.tree.view(47, 200))).toContain('▶ Sjukfrånvaro (mål 3.4)');
		tryck(c.tree, 'd');
		expect(c.asks[0]).toMatch(/^Ta bort indikatoren 3\.4:i2 "Sjukfrånvaro"\?/);
		tryck(c.mode!, 'j');
		expect(c.writes).toEqual([[{op: 'remove', entity: 'indicator', id: '3.4:i2'}]]);
		tryck(c.tree, '\x1b', 'a');
		expect(c.mode).toBeInstanceOf(EditorMode);
	});
});

describe('besvara (w)', () => {
	test('w on 3.4.1.1: one rule with its three unmet indicators; an empty reason is refused, Enter writes the merged answers', async () => {
		const c = await ctx();
		c.data.followUp.VB!.goals['3.4.1.1']!.besvarat = {'analys-sager-annat': 'Äldre text.'};
		while (c.tree.markerad !== '3.4.1.1') tryck(c.tree, 'j');
		tryck(c.tree, 'w');
		const m = c.mode!;
		expect(m.lage).toBe('form');
		const vy = text(m.view(60, 30));
		expect(vy).toContain('Besvara varning på 3.4.1.1 (VB)');
		expect(vy.match(/^! Enhetsmål 3\.4\.1\.1 uppfylls helt, men/gm)).toHaveLength(3);
		tryck(m, '\r');
		expect(text(m.view(120, 30))).toContain('motiveringen får inte vara tom');
		expect(c.writes).toEqual([]);
		tryck(m, 'Egna mål nås.', '\r');
		expect(c.mode).toBeUndefined();
		expect(c.writes).toEqual([[{op: 'set', period: 'VB', entity: 'goal', id: '3.4.1.1', field: 'besvarat', value: {'analys-sager-annat': 'Äldre text.', 'helt-men-indikator': 'Egna mål nås.'}}]]);
	});

	test('w on a goal with nothing a reason answers says so and opens nothing', async () => {
		const c = await ctx();
		tryck(c.tree, 'w');
		expect(c.mode).toBeUndefined();
		expect(c.meddelande?.text).toBe('1.4.1.1: ingen obesvarad varning som besvaras med en motivering');
	});
});

describe('form', () => {
	test('an outcome typed with a decimal comma becomes one set op; a word is refused in the view', async () => {
		const c = await ctx();
		while (c.tree.markerad !== '3.4.1.1') tryck(c.tree, 'j');
		tryck(c.tree, '\t', 'j', '\r');
		const form = c.mode!;
		expect(form.lage).toBe('form');
		tryck(form, ...Array<string>(5).fill('\x7f'), '7,9 %', '\t', '\t', '\t', 'mycket', '\r');
		expect(text(form.view(47, 20))).toContain('3.4:i2 Prognos helår: "mycket" är inget tal');
		expect(c.saves).toEqual([]);
		tryck(form, ...Array<string>(6).fill('\x7f'), '\r');
		expect(c.saves).toEqual([[{op: 'set', period: 'VB', entity: 'indicator', id: '3.4:i2', field: 'utfall', value: {raw: '7,9 %', value: 7.9, unit: '%'}, expect: {raw: '8,2 %', value: 8.2, unit: '%'}}]]);
	});

	test('r on an indicator shows the field table: periodicitet and KF:s årsmål beside årsmålet', async () => {
		const c = await ctx();
		while (c.tree.markerad !== '3.4.1.1') tryck(c.tree, 'j');
		tryck(c.tree, '\t', 'j');
		oppnaAndra(c);
		const vy = text(c.mode!.view(60, 20));
		expect(vy).toContain('Ändra Indikator 3.4:i2');
		expect(vy).toMatch(/Periodicitet +‹ ingen ›/);
		expect(vy).toMatch(/KF:s årsmål/);
		tryck(c.mode!, '\r');
		expect(c.writes).toEqual([]);
		expect(c.meddelande?.text).toBe('Inget ändrat');
	});

	test('an activity with no row focused opens no form', async () => {
		const c = await ctx();
		oppnaUppfoljning(c);
		expect(c.mode).toBeUndefined();
	});
});

describe('editor', () => {
	test('typed text is saved with the stored analysis as expected; Esc with changes asks first', async () => {
		const c = await ctx();
		const e = new EditorMode(c, '1.4.1.1', 'VB', 'Före', nyEditor('Före'), false);
		tryck(e, ' och efter');
		expect(e.utkast()?.text).toBe('Före och efter');
		tryck(e, '\x1b');
		expect(e.lage).toBe('slang');
		expect(text(e.view(80, 10))).toContain('Släng ändringarna? j = släng');
		tryck(e, 'n', '\x13');
		expect(c.saves).toEqual([[{op: 'set', period: 'VB', entity: 'goal', id: '1.4.1.1', field: 'analys', value: 'Före och efter', expect: 'Före'}]]);
	});
});

describe('question', () => {
	test('a conflict shows both values; 2 writes mine over theirs', async () => {
		const c = await ctx();
		const op: Op = {op: 'set', period: 'VB', entity: 'goal', id: '1.4.1.1', field: 'status', value: 'inte', expect: 'delvis'};
		fragaKonflikt(c, [op]);
		const vy = text(c.mode!.view(60, 20));
		expect(vy).toContain('Konflikt: 1.4.1.1 status ändrades av någon annan');
		expect(vy).toContain('1  Behåll deras: Uppfylls helt');
		tryck(c.mode!, '2');
		expect(c.writes).toEqual([[{...op, expect: 'helt'}]]);
	});

	test('n answers no, Esc only closes', async () => {
		const c = await ctx();
		const svar: string[] = [];
		const q = fraga(c, 'Säker? (j/n)', () => svar.push('ja'), () => svar.push('nej'));
		expect(text(q.view(40))).toBe('Säker? (j/n)\n\nj = ja, n = nej, Esc = avbryt');
		tryck(q, 'x', 'n', '\x1b', 'j');
		expect(svar).toEqual(['nej', 'ja']);
	});
});

describe('search, period, summary, help', () => {
	test('/ counts hits as typed; Enter goes to the next one', async () => {
		const c = await ctx();
		const s = new SearchMode(c);
		tryck(s, 'enheten');
		expect(text([s.rad(80)])).toContain('/enheten   6 träffar');
		tryck(s, '\r');
		expect(c.tree.markerad).toBe('2.1.1.1');
		expect(c.meddelande?.text).toBe('Träff 2 av 6 på "enheten" (n/N)');
	});

	test('p lists the periods; Enter on VP switches without a write', async () => {
		const c = await ctx();
		const p = new PeriodMode(c);
		expect(text(p.view(60))).toContain('▶ VB  Verksamhetsberättelse · påbörjad (filens)');
		tryck(p, 'g', '\r');
		expect(c.period).toBe('VP');
		expect(c.writes).toEqual([]);
	});

	test('the summary is built once per change of the data, not per frame', async () => {
		const c = await ctx();
		const s = new SummaryMode(c);
		const forsta = s.view(80, 20);
		expect(text(forsta)).toContain('Indikatorer som inte nås (4)');
		expect(s.view(80, 20)[0]).toBe(forsta[0]);
		c.data = structuredClone(c.data);
		expect(s.view(80, 20)[0]).not.toBe(forsta[0]);
	});

	test('? scrolls within the key table; Esc goes back', async () => {
		const c = await ctx();
		const h = new HelpMode(c);
		expect(text(h.view(80, 20))).toContain('Tangenter · Esc/q stänger');
		tryck(h, 'G');
		expect(text(h.view(80, 20))).toContain('inte nu');
		c.mode = h;
		tryck(h, '\x1b');
		expect(c.mode).toBeUndefined();
	});
});

describe('issue 14: finding your way', () => {
	test('a search hit takes the keys to the tree: from the indicator pane of 3.4.1.1, /beredskap Enter, then j moves', async () => {
		const c = await ctx();
		c.tree.ga('3.4.1.1');
		tryck(c.tree, '\t');
		expect(c.tree.lage).toBe('lista');
		const s = new SearchMode(c);
		tryck(s, 'beredskap', '\r');
		expect(c.tree.markerad).toBe('3.5');
		expect(c.tree.lage).toBe('tree');
		expect(tipsFor(c.tree.lage).map(t => t.text)).not.toContain('redigera');
		tryck(c.tree, 'j');
		expect(c.tree.markerad).toBe('3.5.1');
	});

	test('f shows exactly the goals "Klart för inlämning?" lists, with the goals above them', async () => {
		const c = await ctx();
		const s = buildSummary(c.data, {period: c.period, asOf: c.asOf});
		const malFor = new Map([...c.data.indicators, ...c.data.activities].map(x => [x.id, x.malId]));
		const listade = new Set(s.checklist.punkter.flatMap(p => p.saknas).map(id => (c.idx.goals.has(id.split('/')[0]!) ? id.split('/')[0]! : malFor.get(id)!)));
		tryck(c.tree, 'f');
		const synliga = new Set(c.tree.synliga.map(r => r.goal.id));
		for (const id of listade) expect(synliga, id).toContain(id);
		for (const id of synliga) expect([...listade].some(l => l === id || l.startsWith(`${id}.`)), id).toBe(true);
		// The enhetsmål marked ! (a warning) and the goal of an activity without a state are there, not only the VO-mål.
		expect(synliga).toContain('3.4.1.1');
		const utanTillstand = s.checklist.punkter.find(p => p.kod === 'tillstand')!.saknas;
		expect(utanTillstand.length).toBeGreaterThan(0);
		for (const a of utanTillstand) expect(synliga).toContain(malFor.get(a));
		expect(c.meddelande?.text).toBe(`Filter: ${listade.size} mål med något checklistan saknar, och målen ovanför (f visar alla)`);
		// Acted on from there: Tab reaches the goal's rows, 2 sets its status.
		c.tree.ga('3.4.1.1');
		tryck(c.tree, '2');
		expect(c.saves.at(-1)?.[0]).toMatchObject({id: '3.4.1.1', field: 'status', value: 'delvis'});
	});

	test('the hint row leads with what matters in the mode; Tab and / come first in the tree', () => {
		expect(tipsFor('tree').slice(0, 3).map(t => t.visas)).toEqual(['Tab', '/', '?']);
		expect(tipsFor('lista').slice(0, 2).map(t => t.visas)).toEqual(['Enter', 'Tab']);
		expect(tipsFor('summary').map(t => t.visas)).toEqual(['Esc/q', 'Space', '?', 'y']);
	});

	test('? starts with the legend of the tree marks, lists C-c once, and at 160 columns has two columns', async () => {
		const c = await ctx();
		const h = new HelpMode(c);
		const forsta = text(h.view(80, 20).slice(0, 5));
		for (const [tecken] of TECKEN) expect(forsta).toContain(tecken);
		const allt = text(h.view(80, 500));
		expect(allt.match(/C-c/g)).toHaveLength(1);
		expect(allt).toMatch(/Trädet och listorna \(Tab\)/);
		const bred = h.view(160, 500);
		expect(bred.length).toBeLessThan(h.view(60, 500).length * 0.6);
		expect(text(bred)).toMatch(/ {2}↑\/k {5}upp {2,}.*\S/);
		// Opened from the summary, the summary's group comes first.
		const fran = text(new HelpMode(c, 'summary').view(80, 500));
		expect(fran.indexOf('Hjälp, summering, period, store')).toBeLessThan(fran.indexOf('Trädet och listorna'));
	});

	test('the summary shows where it is, Space pages down and b up, q closes it without quitting', async () => {
		const c = await ctx();
		let slut = false;
		c.quit = () => (slut = true);
		const s = new SummaryMode(c);
		c.mode = s;
		const antal = Number(/av (\d+)/.exec(text([s.rad(80)]))![1]);
		expect(text([s.rad(80)])).toBe(`rad 1–20 av ${antal} · Space sida ner`);
		tryck(s, ' ');
		expect(text([s.rad(80)])).toContain(`rad 21–40 av ${antal}`);
		tryck(s, 'b');
		expect(text([s.rad(80)])).toContain('rad 1–20');
		tryck(s, 'q');
		expect(c.mode).toBeUndefined();
		expect(slut).toBe(false);
		c.mode = c.tree;
		tryck(c.tree, 'q');
		expect(slut).toBe(true);
	});

	test('y copies the analysis under the cursor in the tree, and the brief in the summary', async () => {
		const c = await ctx();
		const kopior: Array<[string, string]> = [];
		c.kopiera = (t: string, vad: string) => void kopior.push([t, vad]);
		c.tree.ga('1.4.1.1');
		tryck(c.tree, 'y');
		expect(kopior[0]).toEqual([c.data.followUp.VB!.goals['1.4.1.1']!.analys, 'analysen för 1.4.1.1 (VB)']);
		tryck(new SummaryMode(c), 'y');
		expect(kopior[1]![1]).toBe('briefen');
		expect(kopior[1]![0]).toContain('Klart för inlämning?');
		expect(kopior[1]![0]).not.toContain('\x1b');
	});
});

describe('overlays close with Esc and q', () => {
	test('period and the store list close with q; neither quits', async () => {
		const c = await ctx();
		let slut = false;
		c.quit = () => (slut = true);
		c.storeVal = () => ({aktuell: BUNDLED, senaste: [], bredvid: []});
		for (const m of [new PeriodMode(c), new StoresMode(c)]) {
			c.mode = m;
			tryck(m, 'q');
			expect(c.mode, m.lage).toBeUndefined();
		}
		c.mode = new PeriodMode(c);
		tryck(c.mode, '\x1b');
		expect(c.mode).toBeUndefined();
		expect(slut).toBe(false);
	});
});
