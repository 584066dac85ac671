// Issue 7 in the TUI: the chef adds, changes and removes enhetsmål, activities and indicators,
// starts a period from the previous one and marks it inlämnad; real keys on the bundled store,
// checked on screen and in `malkoll export --json`.
import {existsSync, readFileSync} from 'node:fs';
import {describe, expect, test} from 'vitest';
import {applyChanges, loadStore} from '../source/store/index.js';
import type {StoreData} from '../source/domain/types.js';
import {bredd} from '../source/ui/text.js';
import {utkastPath} from '../source/ui/utkast.js';
import {run} from './helpers.js';
import {KEY, startUi} from './ui-helpers.js';

function passar(frame: string, cols: number, rows: number): void {
	const rader = frame.split('\n');
	expect(rader.length).toBeLessThanOrEqual(rows - 1);
	for (const r of rader) expect(bredd(r), r).toBeLessThanOrEqual(cols);
}

async function exportera(file: string): Promise<StoreData> {
	const r = await run(['export', '--json', '--data', file]);
	expect(r.code, r.stderr).toBe(0);
	return JSON.parse(r.stdout) as StoreData;
}

function historik(file: string): Array<Record<string, unknown>> {
	return readFileSync(`${file}.history.jsonl`, 'utf8')
		.trim()
		.split('\n')
		.map(l => JSON.parse(l) as Record<string, unknown>);
}

/** Moves the cursor down until it is on `id`. */
async function ga(t: Awaited<ReturnType<typeof startUi>>, id: string): Promise<void> {
	if (t.ui.tree.markerad !== id) await t.press('g');
	for (let i = 0; i < 40 && t.ui.tree.markerad !== id; i++) await t.press('j');
	expect(t.ui.tree.markerad).toBe(id);
}

/** Picks a period in the period list by its row (VP 0, T1 1, T2 2, VB 3). */
const period = (n: number) => ['p', 'g', ...Array<string>(n).fill('j'), KEY.enter];

describe('+ adds, with ids from the plan', () => {
	test('an enhetsmål with two Förväntat resultat under the nämndmål, then an activity under it', async () => {
		const t = await startUi({rows: 30});
		await t.press('k');
		expect(t.ui.tree.markerad).toBe('1.4.1');
		await t.press('+');
		expect(t.frame()).toContain('Nytt enhetsmål under 1.4.1');
		expect(t.frame()).toMatch(/Typ +‹ Enhetsmål ›/);
		// Typed letters are text in the form, never commands (q, d, u, +).
		await t.press(...'Trygg hemgång q d u +', KEY.tab, KEY.tab, ...'Alla får en plan', KEY.enter, ...'Uppföljning inom 14 dagar');
		expect(t.frame()).toContain('Enter ny rad');
		await t.press(KEY.ctrlS);
		const f = t.frame();
		expect(f).toContain('Lade till 1.4.1.2 under 1.4.1');
		expect(f).toMatch(/› +· {2}1\.4\.1\.2 Trygg hemg/);
		expect(f).toMatch(/│Trygg hemgång q d u \+ *\n/);
		expect(f).toContain('2. Uppföljning inom 14 dagar');
		let data = await exportera(t.file);
		expect(data.goals.find(g => g.id === '1.4.1.2')).toEqual({
			id: '1.4.1.2',
			niva: 'enhetsmal',
			titel: 'Trygg hemgång q d u +',
			parentId: '1.4.1',
			forvantatResultat: [
				{nr: 1, text: 'Alla får en plan'},
				{nr: 2, text: 'Uppföljning inom 14 dagar'},
			],
		});
		// Under an enhetsmål: an activity (or an indicator), never another goal.
		await t.press('+');
		expect(t.frame()).toMatch(/Typ +‹ Aktivitet ›/);
		await t.press(...'Samverkan med hemtjänsten', KEY.tab, ...'2025-03-01', KEY.tab, ...'2025-11-30', KEY.enter);
		expect(t.frame()).toContain('Lade till 1.4.1.2:a1 under 1.4.1.2');
		expect(t.frame()).toContain('▶ Samverkan med hemtjänsten');
		expect(t.frame()).toContain('ej rapporterad · Slut 2025-11-30');
		data = await exportera(t.file);
		expect(data.activities.find(a => a.id === '1.4.1.2:a1')).toEqual({id: '1.4.1.2:a1', malId: '1.4.1.2', text: 'Samverkan med hemtjänsten', start: '2025-03-01', slut: '2025-11-30'});
		t.r.unmount();
	});

	test('an indicator with unit, direction and target; a bad date is refused in the form', async () => {
		const t = await startUi({rows: 30});
		await t.press('+', ...'Nöjdhet med bemötande', KEY.up, KEY.right);
		// Another kind keeps the title typed so far.
		expect(t.frame()).toMatch(/Typ +‹ Indikator ›/);
		expect(t.frame()).toMatch(/Namn +Nöjdhet med bemötande/);
		// The form is the field table's: Periodicitet (å picks årsvis) and KF:s årsmål beside Årsmål.
		await t.press(KEY.tab, KEY.tab, KEY.right, KEY.tab, KEY.tab, 'å', KEY.tab, ...'90 %');
		expect(t.frame()).toMatch(/Periodicitet +‹ årsvis ›/);
		expect(t.frame()).toContain('KF:s årsmål');
		await t.press(KEY.enter);
		expect(t.frame()).toContain('Lade till 1.4.1.1:i1 under 1.4.1.1');
		const ind = (await exportera(t.file)).indicators.find(i => i.id === '1.4.1.1:i1');
		expect(ind).toEqual({id: '1.4.1.1:i1', malId: '1.4.1.1', namn: 'Nöjdhet med bemötande', enhet: '%', riktning: 'hogre', periodicitet: 'år', arsmal: {raw: '90 %', value: 90, unit: '%'}});
		expect(t.frame()).toContain('Prognos helår – · Årsmål 90\u00a0%');

		await t.press(KEY.esc, '+', ...'Utbildning', KEY.tab, ...'2025-02-30', KEY.enter);
		expect(t.frame()).toContain('Ny aktivitet Startdatum: "2025-02-30" är inget');
		expect(t.ui.mode.lage).toBe('form');
		t.r.unmount();
	});
});

describe('r changes the plan, d removes, u undoes', () => {
	test('a new title and a fourth Förväntat resultat; the unchanged results keep their paragraphs; u undoes', async () => {
		const t = await startUi({rows: 30});
		const fore = (await exportera(t.file)).goals.find(g => g.id === '3.4.1.1')!;
		await ga(t, '3.4.1.1');
		await t.press('r');
		expect(t.frame()).toContain('Ändra Mål 3.4.1.1');
		// The cursor starts at the end of each field: the title grows, the results get a fourth line.
		await t.press(...' (reviderat)', KEY.tab, KEY.tab, KEY.enter, ...'Sjukfrånvaron under 7 %', KEY.ctrlS);
		const g = (await exportera(t.file)).goals.find(x => x.id === '3.4.1.1')!;
		expect(g.titel).toBe(`${fore.titel} (reviderat)`);
		expect(g.forvantatResultat).toEqual([...fore.forvantatResultat, {nr: 4, text: 'Sjukfrånvaron under 7 %'}]);
		expect(g.forvantatResultat[2]!.text).toContain('hälsoaktiviteter.\n\nEnligt en mätning');
		expect(t.frame()).toContain('3.4.1.1: ändrat (u ångrar)');
		expect(t.ui.tree.valtMal!.forvantatResultat).toHaveLength(4);
		await t.press('u');
		expect(t.frame()).toContain('Ångrade 3.4.1.1 titel');
		expect((await exportera(t.file)).goals.find(x => x.id === '3.4.1.1')).toEqual(fore);
		t.r.unmount();
	});

	test('an activity gets new dates with r in the list', async () => {
		const t = await startUi();
		await t.press(KEY.tab, 'r');
		expect(t.frame()).toContain('Ändra Aktivitet 1.4.1:a1');
		passar(t.frame(), 80, 24);
		const bort = Array<string>(10).fill(KEY.backspace);
		await t.press(KEY.tab, ...bort, ...'2025-02-01', KEY.tab, ...bort, ...'2026-06-30', KEY.enter);
		const a = (await exportera(t.file)).activities.find(x => x.id === '1.4.1:a1')!;
		expect([a.start, a.slut]).toEqual(['2025-02-01', '2026-06-30']);
		expect(t.frame()).toContain('Slut 2026-06-30');
		t.r.unmount();
	});

	test('a goal with undermål is refused; a removed enhetsmål takes its follow-up, u brings both back, its id is not reused', async () => {
		const t = await startUi();
		await t.press('k', 'd');
		expect(t.frame()).toContain('1.4.1: målet har undermål; ta bort dem först');
		await t.press('j', 'd');
		expect(t.frame()).toContain('Ta bort enhetsmål 1.4.1.1');
		passar(t.frame(), 80, 24);
		await t.press('n');
		expect((await exportera(t.file)).goals.some(g => g.id === '1.4.1.1')).toBe(true);
		await t.press('d', 'j');
		expect(t.frame()).toContain('Tog bort 1.4.1.1');
		expect(t.ui.tree.markerad).toBe('1.4.1');
		expect(t.frame()).not.toContain('1.4.1.1 Den enskild');
		let data = await exportera(t.file);
		expect(data.goals.some(g => g.id === '1.4.1.1')).toBe(false);
		expect(data.followUp.VB!.goals['1.4.1.1']).toBeUndefined();
		expect(data.borttagna).toContain('1.4.1.1');

		await t.press('u');
		expect(t.frame()).toContain('Ångrade borttagningen av 1.4.1.1');
		data = await exportera(t.file);
		expect(data.followUp.VB!.goals['1.4.1.1']!.status).toBe('helt');
		await t.press('j', 'd', 'j', '+', ...'Nytt mål', KEY.ctrlS);
		expect(t.frame()).toContain('Lade till 1.4.1.2 under 1.4.1');
		t.r.unmount();
	});

	test('an activity row is removed from the list after a yes, and u brings it back with its analysis', async () => {
		const t = await startUi();
		const analys = (await exportera(t.file)).followUp.VB!.activities['1.4.1:a2']!.analys;
		expect(analys).toContain('FREDA-kortfrågor');
		await t.press(KEY.tab, 'j', 'd');
		expect(t.frame()).toContain('Ta bort aktiviteten 1.4.1:a2');
		await t.press('j');
		let data = await exportera(t.file);
		expect(data.activities.map(a => a.id)).not.toContain('1.4.1:a2');
		expect(t.frame()).toContain('Aktiviteter (3)');
		await t.press('u');
		data = await exportera(t.file);
		expect(data.activities.map(a => a.id)).toContain('1.4.1:a2');
		expect(data.followUp.VB!.activities['1.4.1:a2']!.analys).toBe(analys);
		expect(t.frame()).toContain('Aktiviteter (4)');
		t.r.unmount();
	});
});

describe('periods: carry forward, ej granskad, inlämnad', () => {
	test('T2 starts from T1: carried items marked * until c confirms or the chef changes them; u undoes a start whole', async () => {
		const t = await startUi({rows: 30});
		await t.press(...period(1));
		// VP has no follow-up: T1 opens without a question.
		expect(t.frame()).toMatch(/T1 (Tertialrapport 1 )?\(prognos\)/);
		await t.press('2', 'a', ...'prognosen från T1', KEY.ctrlS);
		await ga(t, '2.1.1.1');
		await t.press('1');
		await t.press(...period(2));
		expect(t.frame()).toContain('T2 är inte påbörjad. Starta T2 från T1?');
		passar(t.frame(), 80, 30);
		await t.press('j');
		let f = t.frame();
		expect(f).toMatch(/T2 (Tertialrapport 2 )?\(prognos\)/);
		expect(f).toContain('T2 startad från T1: 2 bedömningar och texter överförda');
		expect(f).toMatch(/› +\*H! 2\.1\.1\.1/);
		expect(f).toMatch(/ +\*D  1\.4\.1\.1/);
		expect(f).toContain('* Ej granskad: överförd från T1, c bekräftar');
		let data = await exportera(t.file);
		expect(data.period).toBe('T2');
		const t1 = data.followUp.T1!.goals['1.4.1.1']!;
		expect(t1.analys).toContain('prognosen från T1');
		expect(data.followUp.T2!.goals['1.4.1.1']).toEqual({status: 'delvis', analys: t1.analys, ejGranskad: true});

		// Changing a carried status is reading it: the mark goes with the change, and comes back with u.
		await t.press('3');
		expect(t.frame()).toMatch(/› + I. 2\.1\.1\.1/);
		expect((await exportera(t.file)).followUp.T2!.goals['2.1.1.1']).toEqual({status: 'inte'});
		await t.press('u');
		expect((await exportera(t.file)).followUp.T2!.goals['2.1.1.1']).toEqual({status: 'helt', ejGranskad: true});

		await ga(t, '1.4.1.1');
		await t.press('c');
		f = t.frame();
		expect(f).toContain('1.4.1.1: granskad (T2)');
		expect(f).toMatch(/› + D  1\.4\.1\.1/);
		expect(f).not.toContain('Ej granskad: överförd');
		data = await exportera(t.file);
		expect(data.followUp.T2!.goals['1.4.1.1']!.ejGranskad).toBeUndefined();
		expect(data.followUp.T2!.goals['2.1.1.1']!.ejGranskad).toBe(true);

		// The summary's checklist names what is still unread.
		await t.press('s', 'G');
		expect(t.frame()).toContain('Allt som förts över från förra perioden är granskat (0/1)');
		expect(t.frame()).toMatch(/saknas: 2\.1\.1\.1\n/);
		t.r.unmount();
	});

	test('n starts T2 empty; u takes the start back to VB', async () => {
		const t = await startUi();
		await t.press(...period(1), '2', ...period(2), 'n');
		expect(t.frame()).toContain('T2 startad tom');
		let data = await exportera(t.file);
		expect(data.period).toBe('T2');
		expect(data.followUp.T2).toBeUndefined();
		await t.press('u');
		expect(t.frame()).toContain('Ångrade periodbytet till T2');
		expect(t.frame()).toMatch(/VB (Verksamhetsberättelse )?\(utfall\)/);
		data = await exportera(t.file);
		expect(data.period).toBe('VB');
		t.r.unmount();
	});

	test('i marks VB inlämnad; a later change asks first, goes in with force and stands out in the history', async () => {
		const t = await startUi();
		await t.press('i');
		expect(t.frame()).toContain('Markera VB som inlämnad?');
		await t.press('j');
		expect(t.frame()).toContain('INLÄMNAD');
		expect((await exportera(t.file)).inlamnad!.VB!.av).toBe('test');

		await t.press('2');
		expect(t.frame()).toMatch(/VB är inlämnad \(\d{4}-\d\d-\d\d av test\) – ändra/);
		expect(t.frame()).toContain('ändå? (j/n)');
		await t.press('n');
		expect(t.frame()).toContain('Inget ändrat: VB är inlämnad');
		expect((await exportera(t.file)).followUp.VB!.goals['1.4.1.1']!.status).toBe('helt');
		await t.press('2', 'j');
		expect((await exportera(t.file)).followUp.VB!.goals['1.4.1.1']!.status).toBe('delvis');
		expect(historik(t.file).at(-1)).toMatchObject({id: '1.4.1.1', field: 'status', new: 'delvis', efterInlamning: true});

		// The analysis asks before the editor opens, so a no never throws away typed text.
		await t.press('a');
		expect(t.frame()).toContain('VB är inlämnad (');
		await t.press('j', ...' Tillägg.', KEY.ctrlS);
		expect((await exportera(t.file)).followUp.VB!.goals['1.4.1.1']!.analys).toMatch(/ Tillägg\.$/);

		await t.press('i');
		expect(t.frame()).toContain('Öppna VB');
		await t.press('j');
		expect(t.frame()).not.toContain('INLÄMNAD');
		expect((await exportera(t.file)).inlamnad).toBeUndefined();
		t.r.unmount();
	});
});

describe('drafts of forms', () => {
	test('a new enhetsmål typed into the form survives Ctrl-C and is offered back at the next start', async () => {
		const t = await startUi();
		await t.press('k', '+', ...'Utkast till mål', KEY.tab, KEY.tab, ...'Första', KEY.enter, ...'Andra');
		await t.press(KEY.ctrlC);
		expect(t.quit()).toBe(true);
		const utkast = JSON.parse(readFileSync(utkastPath(t.file), 'utf8')) as {goalId: string; form: {slag: string; id: string}};
		expect(utkast).toMatchObject({goalId: '1.4.1', form: {slag: 'ny', id: '1.4.1'}});
		t.r.unmount();

		const u = await startUi({file: t.file});
		expect(u.frame()).toContain('Ett osparat utkast till formuläret nytt mål');
		expect(u.frame()).toContain('Titel: Utkast till mål');
		await u.press(KEY.enter);
		expect(u.frame()).toContain('Nytt enhetsmål under 1.4.1');
		await u.press(KEY.ctrlS);
		expect(u.frame()).toContain('Lade till 1.4.1.2 under 1.4.1');
		const g = (await exportera(u.file)).goals.find(x => x.id === '1.4.1.2')!;
		expect([g.titel, g.forvantatResultat.map(r => r.text)]).toEqual(['Utkast till mål', ['Första', 'Andra']]);
		expect(existsSync(utkastPath(u.file))).toBe(false);
		u.r.unmount();
	});
});

describe('reloads and saves in one queue', () => {
	test('a reload read before a save lands never replaces the saved data on screen', async () => {
		const t = await startUi({
			store: file => ({
				apply: (ops, opts) => applyChanges(file, ops, {author: 'test', force: opts?.force}),
				// Reads the file at once and answers late, as a slow disk would.
				reload: async () => {
					const data = await loadStore(file);
					await new Promise(r => setTimeout(r, 150));
					return data;
				},
			}),
		});
		await applyChanges(t.file, [{op: 'set', period: 'VB', entity: 'goal', id: '2.1.1.1', field: 'status', value: 'inte'}], {author: 'skript'});
		const reload = t.ui.externAndring();
		await t.press('2');
		await reload;
		await t.ui.idle();
		expect(t.ui.data.followUp.VB!.goals['1.4.1.1']!.status).toBe('delvis');
		expect(t.ui.data.followUp.VB!.goals['2.1.1.1']!.status).toBe('inte');
		await t.waitFor(f => /› +D. 1\.4\.1\.1/.test(f) && /I. 2\.1\.1\.1/.test(f));
		t.r.unmount();
	});
});
