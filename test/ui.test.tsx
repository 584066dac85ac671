import {existsSync, readFileSync} from 'node:fs';
import {describe, expect, test} from 'vitest';
import {applyChanges, loadStore} from '../source/store/index.js';
import {utkastPath} from '../source/ui/utkast.js';
import {bredd} from '../source/ui/text.js';
import {KEY, startUi} from './ui-helpers.js';

type Store = Awaited<ReturnType<typeof loadStore>>;
const disk = (file: string): Store => JSON.parse(readFileSync(file, 'utf8')) as Store;

function passar(frame: string, cols: number, rows: number): void {
	const rader = frame.split('\n');
	expect(rader.length).toBeLessThanOrEqual(rows - 1);
	for (const r of rader) expect(bredd(r), r).toBeLessThanOrEqual(cols);
}

/** Moves the cursor down until the selected row (marked ›) holds `id`. */
async function ga(t: Awaited<ReturnType<typeof startUi>>, id: string): Promise<string> {
	for (let i = 0; i < 40 && t.ui.tree.markerad !== id; i++) await t.press('j');
	expect(t.ui.tree.markerad).toBe(id);
	return t.frame();
}

describe('tree and detail pane at 80×24', () => {
	test('the bundled store opens on the first enhetsmål with header, tree, detail and hints', async () => {
		const t = await startUi();
		const f = t.frame();
		passar(f, 80, 24);
		expect(f).toMatch(/Beställarenhet 2 · 2025 · VB \(utfall\) +store\.json · Ingen ändring/);
		expect(f).toMatch(/› +H {2}1\.4\.1\.1 Den enskild/);
		expect(f).toContain('Status VB (utfall): H Uppfylls helt');
		expect(f).toContain('1. Den enskilde upplever att hen får ett gott');
		expect(f).toContain('Tab indikatorer/aktiviteter  / sök  ? hjälp  1 helt  2 delvis  3 inte  a analys');
		t.r.unmount();
	});

	test('the arbetsgivare enhetsmål shows the VO indicators with verdicts and a warning mark', async () => {
		// ink-testing-library's stdout is 100 columns wide.
		const t = await startUi({rows: 40, cols: 100});
		const f = await ga(t, '3.4.1.1');
		passar(f, 100, 40);
		// helt while sjukfrånvaro 8,2 % misses årsmål 7,2 %: the tree hints, the pane says why.
		expect(f).toMatch(/› +H! 3\.4\.1\.1/);
		expect(f).toContain('! Förslag: Uppfylls delvis');
		await t.press(KEY.tab, 'j');
		const g = t.frame();
		expect(g).toContain('▶ Sjukfrånvaro (mål 3.4)');
		expect(g).toContain('Utfall 8,2\u00a0% · Män 5,2\u00a0% · Kv 8,6\u00a0%');
		expect(g).toContain('Prognos helår – · Årsmål 7,2\u00a0%');
		expect(g).toMatch(/→ (Delvis uppfyllt|Ej uppfyllt)/);
		t.r.unmount();
	});

	test('h goes to the parent and closes it, l opens it again; g/G jump', async () => {
		const t = await startUi();
		await t.press('h');
		expect(t.ui.tree.markerad).toBe('1.4.1');
		await t.press('h');
		expect(t.frame()).toMatch(/› +▸ -  1\.4\.1 /);
		await t.press('l');
		expect(t.frame()).toMatch(/› +▾ -  1\.4\.1 /);
		await t.press('G');
		expect(t.ui.tree.markerad).toBe('3.6.1.1');
		await t.press('g');
		expect(t.ui.tree.markerad).toBe('1');
		t.r.unmount();
	});

	test('text from the store is shown inert: escape sequences become visible symbols', async () => {
		const t0 = await startUi();
		await applyChanges(t0.file, [{op: 'def', entity: 'goal', id: '1.4.1.1', field: 'titel', value: 'Rött\x1b[31m\x07 och \u202Evänt'}]);
		t0.r.unmount();
		const t = await startUi({file: t0.file});
		const f = t.frame();
		expect(f).toContain('Rött␛[31m␇ och ⟨U+202E⟩vänt');
		expect(f).not.toContain('\x1b');
		t.r.unmount();
	});
});

describe('status keys', () => {
	test('2 sets delvis on the enhetsmål, on screen and on disk; u undoes it', async () => {
		const t = await startUi();
		await t.press('2');
		expect(t.frame()).toMatch(/› +D. 1\.4\.1\.1/);
		expect(t.frame()).toContain('Uppfylls delvis');
		expect(disk(t.file).followUp.VB!.goals['1.4.1.1']!.status).toBe('delvis');
		await t.press('u');
		expect(disk(t.file).followUp.VB!.goals['1.4.1.1']!.status).toBe('helt');
		expect(t.frame()).toContain('Ångrade 1.4.1.1 status');
		t.r.unmount();
	});

	test('a level the store does not assess and the VP are refused with the reason', async () => {
		const t = await startUi();
		await t.press('k');
		expect(t.ui.tree.markerad).toBe('1.4.1');
		await t.press('1');
		expect(t.frame()).toContain('1.4.1: den här nivån bedöms inte av Beställarenhet 2');
		expect(disk(t.file).followUp.VB!.goals['1.4.1']!.status).toBe('inga-data');
		await t.press('j', 'p', 'g', KEY.enter);
		expect(t.frame()).toContain('VP Verksamhetsplan (plan)');
		await t.press('3');
		expect(t.frame()).toContain('VP är en plan och får ingen status');
		t.r.unmount();
	});
});

describe('analysis editor', () => {
	test('Enter makes new lines, Ctrl-S saves; Esc with changes asks before discarding', async () => {
		const t = await startUi();
		const fore = disk(t.file).followUp.VB!.goals['1.4.1.1']!.analys!;
		await t.press('a');
		expect(t.frame()).toContain('Analys 1.4.1.1 (VB)');
		await t.press(KEY.enter, 'S', 'l', 'u', 't', KEY.enter, 'q');
		await t.press(KEY.ctrlS);
		expect(disk(t.file).followUp.VB!.goals['1.4.1.1']!.analys).toBe(`${fore}\nSlut\nq`);
		expect(t.frame()).toContain('1.4.1.1: analysen sparad (VB)');
		await t.press('a', 'x', KEY.esc);
		expect(t.frame()).toContain('Släng ändringarna? j = släng');
		await t.press('n', 'y', KEY.esc, 'j');
		expect(t.ui.mode).toBe(t.ui.tree);
		expect(disk(t.file).followUp.VB!.goals['1.4.1.1']!.analys).toBe(`${fore}\nSlut\nq`);
		t.r.unmount();
	});

	test('an empty analysis offers the report shape: Bedömningen grundas på and one Punkt per result', async () => {
		const t0 = await startUi();
		await applyChanges(t0.file, [{op: 'set', period: 'VB', entity: 'goal', id: '1.4.1.1', field: 'analys', value: undefined}]);
		t0.r.unmount();
		const t = await startUi({file: t0.file});
		await t.press('a');
		const f = t.frame();
		expect(f).toContain('Bedömningen grundas på');
		expect(f).toContain('Punkt 1:');
		expect(f).toContain('Punkt 3:');
		t.r.unmount();
	});

	test('300 keys written one at a time with no pause arrive complete and in order', async () => {
		const t = await startUi();
		const fore = disk(t.file).followUp.VB!.goals['2.1.1.1']!.analys!;
		await ga(t, '2.1.1.1');
		await t.press('a');
		const bit = 'q u d n 0 1 2 3 4 ? / å ä ö Å Ä Ö j k g G s p f a e ';
		const text = bit.repeat(20).slice(0, 300);
		for (const ch of text) t.r.stdin.write(ch);
		t.r.stdin.write(KEY.ctrlS);
		await t.waitFor(f => f.includes('analysen sparad'));
		expect(disk(t.file).followUp.VB!.goals['2.1.1.1']!.analys).toBe(fore + text);
		t.r.unmount();
	});

	test('a draft survives Ctrl-C and is offered back at the next start', async () => {
		const t = await startUi();
		await t.press('a', ...'Utkast åäö');
		await t.press(KEY.ctrlC);
		expect(t.quit()).toBe(true);
		expect(existsSync(utkastPath(t.file))).toBe(true);
		t.r.unmount();
		const u = await startUi({file: t.file});
		expect(u.frame()).toContain('Ett osparat utkast till analysen för 1.4.1.1');
		await u.press(KEY.enter, KEY.ctrlS);
		expect(disk(u.file).followUp.VB!.goals['1.4.1.1']!.analys).toMatch(/Utkast åäö$/);
		expect(existsSync(utkastPath(u.file))).toBe(false);
		u.r.unmount();
	});
});

describe('indicator and activity forms', () => {
	test('an indicator outcome typed with a Swedish decimal is saved; a bad value is refused', async () => {
		const t = await startUi();
		await ga(t, '3.4.1.1');
		await t.press(KEY.tab, 'j', KEY.enter);
		expect(t.frame()).toContain('Indikator 3.4:i2 (VB)');
		await t.press(...Array(5).fill(KEY.backspace), ...'7,9 %', KEY.enter);
		expect(disk(t.file).followUp.VB!.indicators['3.4:i2']!.utfall).toEqual({raw: '7,9 %', value: 7.9, unit: '%'});
		expect(t.frame()).toContain('Utfall 7,9\u00a0%');
		await t.press(KEY.enter, KEY.tab, KEY.tab, KEY.tab, ...'mycket', KEY.enter);
		expect(t.frame()).toContain('3.4:i2 Prognos helår: "mycket" är inget tal');
		await t.press(KEY.esc);
		expect(disk(t.file).followUp.VB!.indicators['3.4:i2']!.prognos).toBeUndefined();
		t.r.unmount();
	});

	test('an activity gets a state, an avvikelse and a moved Slutdatum', async () => {
		const t = await startUi();
		await t.press(KEY.tab, KEY.enter);
		expect(t.frame()).toContain('Aktivitet 1.4.1:a1 (VB)');
		await t.press(KEY.right, KEY.right, KEY.tab, ...'Försenad av omorganisation', KEY.tab, KEY.tab, ...'2026-06-30', KEY.enter);
		const fu = disk(t.file).followUp.VB!.activities['1.4.1:a1']!;
		expect(fu.tillstand).toBe('pagar');
		expect(fu.avvikelse).toBe('Försenad av omorganisation');
		expect(fu.nyttSlut).toBe('2026-06-30');
		expect(t.frame()).toContain('Pågår · Slut 2026-06-30 (flyttat)');
		t.r.unmount();
	});
});

describe('search, filter, period, summary, help', () => {
	test('/ finds by title, n goes to the next hit', async () => {
		const t = await startUi();
		await t.press('/', ...'enheten', KEY.enter);
		expect(t.ui.tree.markerad).toBe('2.1.1.1');
		await t.press('n');
		expect(t.ui.tree.markerad).toBe('2.2.1.1');
		expect(t.frame()).toContain('Träff 3 av 6 på "enheten"');
		t.r.unmount();
	});

	test('f filters to goals with something to act on', async () => {
		const t = await startUi();
		await t.press('f');
		const ids = t.ui.tree.synliga.map(r => r.goal.id);
		// The unmet VO indicators (ekologiska livsmedel 2.2, AMI and sjukfrånvaro 3.4) keep their branches.
		expect(ids).toEqual(expect.arrayContaining(['2.2', '3.4']));
		expect(ids).not.toContain('1.4.1.1');
		expect(t.frame()).toContain('FILTER');
		t.r.unmount();
	});

	test('s shows the summary with the unmet indicators, ? lists the keys', async () => {
		const t = await startUi();
		await t.press('s');
		expect(t.frame()).toContain('Indikatorer som inte nås (4)');
		passar(t.frame(), 80, 24);
		await t.press(KEY.esc, '?');
		expect(t.frame()).toContain('Tangenter');
		expect(t.frame()).toContain('  1       helt');
		t.r.unmount();
	});
});

describe('another process changing the store', () => {
	test('shows without a keypress; a conflicting analysis asks which to keep', async () => {
		const t = await startUi();
		await applyChanges(t.file, [{op: 'set', period: 'VB', entity: 'goal', id: '1.4.1.1', field: 'status', value: 'inte'}], {author: 'skript'});
		await t.waitFor(f => /› +I. 1\.4\.1\.1/.test(f), 2000);
		await t.press('a', ...' mitt');
		const deras = `${disk(t.file).followUp.VB!.goals['1.4.1.1']!.analys} deras`;
		await applyChanges(t.file, [{op: 'set', period: 'VB', entity: 'goal', id: '1.4.1.1', field: 'analys', value: deras}], {author: 'skript'});
		await t.press(KEY.ctrlS);
		await t.waitFor(f => f.includes('Konflikt: 1.4.1.1 analys'));
		await t.press('2');
		await t.waitFor(f => f.includes('analysen sparad'));
		const analys = disk(t.file).followUp.VB!.goals['1.4.1.1']!.analys!;
		expect(analys.endsWith(' mitt')).toBe(true);
		expect(disk(t.file).followUp.VB!.goals['1.4.1.1']!.status).toBe('inte');
		t.r.unmount();
	});
});

describe('a large store', () => {
	test('2,000 goals: only the rows on screen are rendered, moving stays within the frame', async () => {
		const t0 = await startUi();
		const data = disk(t0.file);
		t0.r.unmount();
		// 3 IM → 6 VO each → 10 nämndmål each → 10 enhetsmål each, 2,000+ goals in all.
		const goals: Store['goals'] = [];
		for (let a = 1; a <= 3; a++) {
			goals.push({id: `${a}`, niva: 'im', titel: `Inriktningsmål ${a}`, forvantatResultat: []});
			for (let b = 1; b <= 6; b++) {
				goals.push({id: `${a}.${b}`, niva: 'vo', titel: `VO-mål ${a}.${b}`, parentId: `${a}`, forvantatResultat: []});
				for (let c = 1; c <= 10; c++) {
					goals.push({id: `${a}.${b}.${c}`, niva: 'namndmal', titel: `Nämndmål ${a}.${b}.${c}`, parentId: `${a}.${b}`, forvantatResultat: []});
					for (let d = 1; d <= 10; d++) {
						goals.push({id: `${a}.${b}.${c}.${d}`, niva: 'enhetsmal', titel: `Enhetsmål ${a}.${b}.${c}.${d}`, parentId: `${a}.${b}.${c}`, forvantatResultat: [{nr: 1, text: 'Resultat'}]});
					}
				}
			}
		}
		const {writeFileSync} = await import('node:fs');
		writeFileSync(t0.file, JSON.stringify({...data, goals, indicators: [], activities: [], followUp: {}}));
		const t = await startUi({file: t0.file});
		await t.press('O');
		expect(t.ui.tree.synliga.length).toBe(goals.length);
		await t.press('G');
		const f = t.frame();
		expect(f).toMatch(/› +· {2}3\.6\.10\.10 Enhetsmål/);
		expect(f).toContain('│Enhetsmål 3.6.10.10');
		passar(f, 80, 24);
		// 20 body rows: the tree window is all that was built.
		expect(f.split('\n').filter(r => /Enhetsmål \d/.test(r)).length).toBeLessThanOrEqual(20);
		t.r.unmount();
	});
});

describe('conflicts, chosen by the chef', () => {
	test('an indicator outcome changed by a script meanwhile: 1 keeps theirs, nothing else is written', async () => {
		const t = await startUi();
		await ga(t, '3.4.1.1');
		await t.press(KEY.tab, 'j', KEY.enter, ...Array(5).fill(KEY.backspace), ...'7,9 %');
		await applyChanges(t.file, [{op: 'set', period: 'VB', entity: 'indicator', id: '3.4:i2', field: 'utfall', value: {raw: '8,0 %', value: 8, unit: '%'}}], {author: 'skript'});
		await t.press(KEY.enter);
		await t.waitFor(f => f.includes('Konflikt: 3.4:i2 periodens utfall'));
		expect(t.frame()).toContain('1  Behåll deras: "8,0 %"');
		expect(t.frame()).toContain('2  Använd ditt: "7,9 %"');
		await t.press('1');
		expect(disk(t.file).followUp.VB!.indicators['3.4:i2']!.utfall!.raw).toBe('8,0 %');
		expect(t.frame()).toContain('behöll den andra ändringen');
		t.r.unmount();
	});

	test('Esc on an analysis conflict goes back to writing with the text kept', async () => {
		const t = await startUi();
		await t.press('a', ...' min text');
		await applyChanges(t.file, [{op: 'set', period: 'VB', entity: 'goal', id: '1.4.1.1', field: 'analys', value: 'Deras text'}], {author: 'skript'});
		await t.press(KEY.ctrlS);
		await t.waitFor(f => f.includes('Konflikt: 1.4.1.1 analys'));
		await t.press(KEY.esc);
		expect(t.ui.mode.lage).toBe('editor');
		expect(t.frame()).toContain('min text');
		await t.press(KEY.ctrlS);
		expect(disk(t.file).followUp.VB!.goals['1.4.1.1']!.analys).toMatch(/ min text$/);
		t.r.unmount();
	});
});
