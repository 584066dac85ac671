import {describe, expect, it} from 'vitest';
import {analysMall} from '../source/domain/analys.js';
import {
	ancestors,
	goalWarnings,
	indexStore,
	motsagelse,
	relatedActivities,
	relatedIndicators,
	suggestStatus,
	type Varning,
} from '../source/domain/bedomning.js';
import {parseVarde} from '../source/domain/tal.js';
import type {Goal, StoreData} from '../source/domain/types.js';
import {store003} from './fixtures/domain-store-003.js';

const VB = '2025-12-31';
const ids = (xs: Array<{id: string}>) => xs.map(x => x.id);
const koder = (vs: Varning[]) => vs.map(v => [v.kod, v.ref ?? '']);

// Analyses of Äldrenämnden VB 2025 (000), line breaks as in the report.
const STANDARD = 'Nämnden gör bedömningen att nämndmålet har uppnåtts. Bedömningen grundas på att det \nförväntade resultatet har uppnåtts. Arbetet med att nå målet beskrivs under \nkommunfullmäktiges mål för verksamhetsområdet.'; // 000:423-425
const IM2 = 'Nämnden gör bedömningen att inriktningsmålet har uppnåtts. Bedömningen grundas på att tre \nav fyra verksamhetsområdesmål som är kopplade till inriktningsmålet har uppnåtts och ett har \ndelvis uppnåtts.'; // 000:901-904
const VO21 = 'Nämnden gör bedömningen att målet för verksamhetsområdet har uppnåtts. Bedömningen \ngrundas på att aktiviteten har genomförts, nämndmålet har uppnåtts samt att indikatorn inte \nhar uppnåtts.'; // 000:913-915
const VO31 = 'Nämnden gör bedömningen att målet för verksamhetsområdet har uppnåtts. Bedömningen \ngrundas på att samtliga aktiviteter, förutom en som är försenad, har genomförts, tre av två \nindikatorer har uppnåtts, en indikator har uppnåtts delvis och nämndmålen har uppnåtts.'; // 000:1132-1134
const VO32 = 'Nämnden gör bedömningen att målet för verksamhetsområdet har uppnåtts. Bedömningen \ngrundas på att två av indikatorerna uppfylls en uppfylls inte och nämndmålet har uppnåtts.'; // 000:1607-1608
const NM342 = 'Nämnden gör bedömningen att nämndmålet har uppnåtts. Bedömningen grundas på att det \nförväntade resultatet till stora delar har uppnåtts. Arbetet med att nå målet beskrivs under \nkommunfullmäktiges mål för verksamhetsområdet.'; // 000:2156-2158

function g(id: string, niva: Goal['niva'], extra: Partial<Goal> = {}): Goal {
	const parentId = id.includes('.') ? id.slice(0, id.lastIndexOf('.')) : undefined;
	return {id, niva, titel: `Mål ${id}`, ...(parentId ? {parentId} : {}), forvantatResultat: [], ...extra};
}

/** Part of Äldrenämnden VB 2025 (000): IM 2 and 3, the VO and nämndmål around 2.1, 3.1-3.4. */
function store000(): StoreData {
	const tfa = parseVarde('Tas fram av nämnd/styrelse');
	return {
		schemaVersion: 1,
		organisation: {namn: 'Äldrenämnden', niva: 'namnd'},
		year: 2025,
		bedomdaNivaer: ['im', 'vo', 'namndmal'],
		period: 'VB',
		goals: [
			g('2', 'im'), g('2.1', 'vo'), g('2.1.1', 'namndmal'),
			g('3', 'im'), g('3.1', 'vo'), g('3.1.1', 'namndmal'), g('3.1.2', 'namndmal', {bidrarTill: ['3.3']}), g('3.1.3', 'namndmal'),
			g('3.2', 'vo'), g('3.2.1', 'namndmal'), g('3.3', 'vo'), g('3.4', 'vo'), g('3.4.2', 'namndmal'),
		],
		indicators: [
			{id: '2.1:i1', malId: '2.1', namn: 'Andel upphandlingar som bidrar till cirkularitet', enhet: '%', riktning: 'hogre', arsmal: parseVarde('38 %'), kfArsmal: tfa},
			{id: '3.1:i1', malId: '3.1', namn: 'Nämndens budgetföljsamhet efter resultatöverföringar', enhet: '%', riktning: 'max', arsmal: parseVarde('100 %'), kfArsmal: parseVarde('100 %')},
			{id: '3.1:i2', malId: '3.1', namn: 'Nämndens budgetföljsamhet före resultatöverföringar', enhet: '%', riktning: 'max', arsmal: parseVarde('100 %'), kfArsmal: parseVarde('100 %')},
			{id: '3.1:i3', malId: '3.1', namn: 'Nämndens prognossäkerhet T2', enhet: '%', riktning: 'band', arsmal: parseVarde('+/-1 %'), kfArsmal: parseVarde('+/- 1 %')},
			{id: '3.2:i1', malId: '3.2', namn: 'Antal tillhandahållna platser för feriejobb', enhet: 'st', riktning: 'hogre', arsmal: parseVarde('4 st'), kfArsmal: tfa},
			{id: '3.2:i2', malId: '3.2', namn: 'Antal tillhandahållna platser för Stockholmsjobb', enhet: 'st', riktning: 'hogre', arsmal: parseVarde('2 st'), kfArsmal: tfa},
		],
		activities: [
			{id: '2.1:a1', malId: '2.1', text: 'Mat- och måltidspolicy', start: '2025-01-01', slut: '2025-12-31'},
			{id: '3.1:a4', malId: '3.1', text: 'Kommunstyrelsen ska i samarbete med fastighetsnämnden, idrottsnämnden, äldrenämnden och AB Stockholmshem utreda hur Svedmyrabadet kan renoveras', start: '2025-01-01', slut: '2025-12-31'},
			{id: '3.1:a7', malId: '3.1', text: 'Äldrenämnden ska i samarbete kommunstyrelsen och stadsdelsnämnderna utreda förutsättningarna för att äldrenämnden får ett utökat stadsövergripande ansvar för sammanhållen stadsövergripande statistik om stadens äldreomsorg', start: '2025-01-01', slut: '2025-06-30'},
		],
		followUp: {
			VB: {
				goals: {
					'2': {status: 'helt', analys: IM2},
					'2.1': {status: 'helt', analys: VO21},
					'2.1.1': {status: 'helt', analys: STANDARD},
					'3.1': {status: 'helt', analys: VO31},
					'3.1.1': {status: 'helt', analys: STANDARD},
					'3.1.2': {status: 'helt', analys: STANDARD},
					'3.1.3': {status: 'helt', analys: STANDARD},
					'3.2': {status: 'helt', analys: VO32},
					'3.2.1': {status: 'helt', analys: STANDARD},
					'3.4.2': {status: 'helt', analys: NM342},
				},
				indicators: {
					'2.1:i1': {utfall: parseVarde('0'), matperiod: '2025'},
					'3.1:i1': {utfall: parseVarde('95,1 %'), matperiod: 'VB 2025'},
					'3.1:i2': {utfall: parseVarde('95,1 %'), matperiod: 'VB 2025'},
					'3.1:i3': {utfall: parseVarde('-3 %'), matperiod: '2025'},
					'3.2:i1': {utfall: parseVarde('4 st'), matperiod: 'VB 2025'},
					'3.2:i2': {utfall: parseVarde('1 st'), matperiod: 'VB 2025'},
				},
				activities: {
					'2.1:a1': {tillstand: 'genomford'},
					'3.1:a4': {tillstand: 'pagar', nyttSlut: '2026-06-30', analys: 'Utredningen är nästan klar men några frågor återstår. Arbetet slutförs under 2026.'},
					// Had no status in the report (000:1510-1515); reported here as still running.
					'3.1:a7': {tillstand: 'pagar'},
				},
			},
		},
	};
}

describe('indexStore and the related parts', () => {
	const data = store003();
	const idx = indexStore(data);

	it('indexes the 003 tree', () => {
		expect(ids(idx.children.get('')!)).toEqual(['1', '2', '3']);
		expect(ids(idx.children.get('3')!)).toEqual(['3.4', '3.5', '3.6']);
		expect(ids(idx.children.get('3.4.1')!)).toEqual(['3.4.1.1']);
		expect(idx.children.get('3.4.1.1')).toBeUndefined();
		expect(ids(idx.indicatorsByGoal.get('3.4')!)).toEqual(['3.4:i1', '3.4:i2', '3.4:i3']);
		expect(ids(idx.activitiesByGoal.get('1.4.1')!)).toHaveLength(4);
	});

	it('lists ancestors parent first', () => {
		expect(ids(ancestors(idx, '3.4.1.1'))).toEqual(['3.4.1', '3.4', '3']);
		expect(ancestors(idx, '1')).toEqual([]);
		expect(ancestors(idx, 'saknas')).toEqual([]);
	});

	it('judges an enhetsmål by the indicators on its VO-mål and the activities on its nämndmål (003)', () => {
		expect(ids(relatedIndicators(idx, '3.4.1.1'))).toEqual(['3.4:i1', '3.4:i2', '3.4:i3']);
		expect(ids(relatedIndicators(idx, '2.2.1.1'))).toEqual(['2.2:i1']);
		expect(relatedIndicators(idx, '1.4.1.1')).toEqual([]);
		expect(ids(relatedActivities(idx, '1.4.1.1'))).toEqual(['1.4.1:a1', '1.4.1:a2', '1.4.1:a3', '1.4.1:a4']);
		expect(ids(relatedActivities(idx, '3.5.1.1'))).toEqual(['3.5.1:a1', '3.5.1:a2', '3.5.1:a3']);
	});

	it('follows bidrarTill both ways (000: nämndmål 3.1.2 → VO 3.3)', () => {
		const idx0 = indexStore(store000());
		expect(ids(idx0.bidrarFran.get('3.3')!)).toEqual(['3.1.2']);
		expect(ids(relatedIndicators(idx0, '3.1.2'))).toEqual(['3.1:i1', '3.1:i2', '3.1:i3']);
	});

	it('survives a parent cycle and a missing parent', () => {
		const trasig = store003();
		trasig.goals.push(g('9.1', 'vo', {parentId: '9.2'}), g('9.2', 'vo', {parentId: '9.1'}), g('8.1', 'vo', {parentId: '8'}));
		const t = indexStore(trasig);
		expect(ids(ancestors(t, '9.1'))).toEqual(['9.2']);
		expect(ids(t.children.get('')!)).toEqual(['1', '2', '3', '8.1']);
	});
});

describe('suggestStatus', () => {
	it('003 arbetsgivare: three indicators just missed → delvis, argued per indicator', () => {
		const data = store003();
		expect(suggestStatus(data, indexStore(data), '3.4.1.1', 'VB', VB)).toEqual({
			status: 'delvis',
			grund: [
				'Aktivt Medskapandeindex (3.4:i1): 80 mot årsmål 83 – delvis uppfyllt',
				'Sjukfrånvaro (3.4:i2): 8,2\u00a0% mot årsmål 7,2\u00a0% – delvis uppfyllt',
				'Sjukfrånvaro dag 1-14 (3.4:i3): 1,6\u00a0% mot årsmål 1,5\u00a0% – delvis uppfyllt',
			],
		});
	});

	it('003 bemötande: four activities done → helt', () => {
		const data = store003();
		const f = suggestStatus(data, indexStore(data), '1.4.1.1', 'VB', VB);
		expect(f.status).toBe('helt');
		expect(f.grund).toHaveLength(4);
		expect(f.grund[0]).toMatch(/^Aktiviteten "Stadsdelsnämnden ska fortsätta att utveckla den interna och…" \(1\.4\.1:a1\) är genomförd$/);
	});

	it('003 beredskap: the RSA work still running after the year → delvis on the report date', () => {
		const data = store003();
		const idx = indexStore(data);
		expect(suggestStatus(data, idx, '3.5.1.1', 'VB', VB).status).toBe('helt');
		const f = suggestStatus(data, idx, '3.5.1.1', 'VB', '2026-03-26');
		expect(f.status).toBe('delvis');
		expect(f.grund).toContain(
			'Aktiviteten "Stadsdelsnämndens samhällsviktiga verksamheter genomför…" (3.5.1:a3) är försenad: slutdatum 2025-12-31, 85 dagar sedan',
		);
	});

	it('has nothing to suggest without parts, in the VP, and refuses an unknown goal', () => {
		const data = store003();
		const idx = indexStore(data);
		expect(suggestStatus(data, idx, '3.6.1.1', 'VB', VB)).toEqual({grund: []});
		expect(suggestStatus(data, idx, '3.4.1.1', 'VP', '2025-01-01').status).toBeUndefined();
		expect(() => suggestStatus(data, idx, '4.1', 'VB', VB)).toThrow('okänt mål-id "4.1"');
	});

	it('000 VO 3.1: nämndmål helt, budget met, prognossäkerhet missed, one activity late → delvis', () => {
		const data = store000();
		const f = suggestStatus(data, indexStore(data), '3.1', 'VB', VB);
		expect(f.status).toBe('delvis');
		expect(f.grund).toEqual([
			'Nämndmål 3.1.1: uppfylls helt',
			'Nämndmål 3.1.2: uppfylls helt',
			'Nämndmål 3.1.3: uppfylls helt',
			'Nämndens budgetföljsamhet efter resultatöverföringar (3.1:i1): 95,1\u00a0% mot årsmål 100\u00a0% – uppfyllt',
			'Nämndens budgetföljsamhet före resultatöverföringar (3.1:i2): 95,1\u00a0% mot årsmål 100\u00a0% – uppfyllt',
			'Nämndens prognossäkerhet T2 (3.1:i3): -3\u00a0% mot årsmål ±1\u00a0% – ej uppfyllt',
			expect.stringMatching(/\(3\.1:a7\) är försenad: slutdatum 2025-06-30, 184 dagar sedan$/),
		]);
	});

	it('000 VO 3.3 rests on nämndmål 3.1.2 (000:1738-1740) → helt', () => {
		const data = store000();
		expect(suggestStatus(data, indexStore(data), '3.3', 'VB', VB)).toEqual({status: 'helt', grund: ['Nämndmål 3.1.2: uppfylls helt']});
	});

	it('all parts bad → inte (000 VO 2.1 with CIRK 0 vs 38 % and nothing else reported)', () => {
		const data = store000();
		delete data.followUp.VB!.goals['2.1.1'];
		delete data.followUp.VB!.activities['2.1:a1'];
		expect(suggestStatus(data, indexStore(data), '2.1', 'VB', VB)).toEqual({
			status: 'inte',
			grund: ['Andel upphandlingar som bidrar till cirkularitet (2.1:i1): 0 mot årsmål 38\u00a0% – ej uppfyllt'],
		});
	});

	it('reads KF:s årsmål and Prognos helår into the reasons', () => {
		const data = store000();
		data.indicators[4]!.arsmal = undefined;
		data.indicators[4]!.kfArsmal = parseVarde('4 st');
		data.followUp.T2 = {goals: {}, indicators: {'3.2:i1': {utfall: parseVarde('0'), prognos: parseVarde('4')}}, activities: {}};
		expect(suggestStatus(data, indexStore(data), '3.2', 'T2', '2025-08-31').grund).toEqual([
			'Antal tillhandahållna platser för feriejobb (3.2:i1): prognos helår 4 mot KF:s årsmål 4\u00a0st – uppfyllt',
		]);
	});
});

describe('goalWarnings', () => {
	it('003: the warnings domain.md §3.4 names', () => {
		const data = store003();
		const idx = indexStore(data);
		const alla = data.goals.flatMap(goal => goalWarnings(data, idx, goal.id, 'VB', VB));
		expect(alla.map(v => [v.goalId, v.kod, v.ref])).toEqual([
			['2.2.1.1', 'helt-men-indikator', '2.2:i1'],
			['3.4.1.1', 'helt-men-indikator', '3.4:i1'],
			['3.4.1.1', 'helt-men-indikator', '3.4:i2'],
			['3.4.1.1', 'helt-men-indikator', '3.4:i3'],
		]);
		expect(alla[0]!.text).toBe('Enhetsmål 2.2.1.1 uppfylls helt, men Andel inköpta ekologiska livsmedel i kronor (2.2:i1): 69,23\u00a0% mot årsmål 70\u00a0% – delvis uppfyllt');
	});

	it('003: helt while the RSA activity runs into 2026', () => {
		const data = store003();
		const v = goalWarnings(data, indexStore(data), '3.5.1.1', 'VB', '2026-03-26');
		expect(koder(v)).toEqual([['helt-men-forsenad', '3.5.1:a3']]);
		expect(v[0]!.text).toMatch(/^Enhetsmål 3\.5\.1\.1 uppfylls helt, men aktiviteten "Stadsdelsnämndens samhällsviktiga.*är försenad: slutdatum 2025-12-31, 85 dagar sedan$/);
	});

	it('000: helt with unmet indicators, a late activity and analyses that say otherwise', () => {
		const data = store000();
		const idx = indexStore(data);
		const w = (id: string) => koder(goalWarnings(data, idx, id, 'VB', VB));
		expect(w('2')).toEqual([['analys-sager-annat', '']]);
		expect(w('2.1')).toEqual([['helt-men-indikator', '2.1:i1'], ['analys-sager-annat', '']]);
		expect(w('3.1')).toEqual([['helt-men-indikator', '3.1:i3'], ['helt-men-forsenad', '3.1:a7'], ['analys-sager-annat', '']]);
		expect(w('3.2')).toEqual([['helt-men-indikator', '3.2:i2'], ['analys-sager-annat', '']]);
		expect(w('3.4.2')).toEqual([['analys-sager-annat', '']]);
		// A nämndmål answers for the indicators and activities of its VO too.
		expect(w('3.1.1')).toEqual([['helt-men-indikator', '3.1:i3'], ['helt-men-forsenad', '3.1:a7']]);
		expect(goalWarnings(data, idx, '3.2', 'VB', VB)[1]!.text).toBe('KF:s mål för verksamhetsområdet 3.2 uppfylls helt, men analysen säger "uppfylls inte"');
	});

	it('wants an analysis, and "Bedömningen grundas på" in it', () => {
		const data = store003();
		const idx = indexStore(data);
		const fu = data.followUp.VB!.goals;
		fu['3.6.1.1']!.analys = undefined;
		expect(goalWarnings(data, idx, '3.6.1.1', 'VB', VB)).toEqual([
			{kod: 'status-utan-analys', goalId: '3.6.1.1', text: 'Enhetsmål 3.6.1.1: uppfylls helt utan analys; motivera bedömningen'},
		]);
		fu['3.6.1.1']!.analys = analysMall(idx.goals.get('3.6.1.1')!);
		expect(koder(goalWarnings(data, idx, '3.6.1.1', 'VB', VB))).toEqual([['status-utan-analys', '']]);
		fu['3.6.1.1']!.analys = 'Punkt 1:\n\nOmrådet har flera medarbetare som deltagit i arbetsgruppen kring välfärdsbrott.';
		expect(koder(goalWarnings(data, idx, '3.6.1.1', 'VB', VB))).toEqual([['analys-utan-grund', '']]);
	});

	it('says nothing about a goal without status, on a level not assessed, or with a matching status', () => {
		const data = store003();
		const idx = indexStore(data);
		expect(goalWarnings(data, idx, '3.4', 'VB', VB)).toEqual([]);
		data.followUp.VB!.goals['3.4.1.1'] = {analys: 'Bedömningen grundas på att indikatorerna inte har uppnåtts.'};
		expect(goalWarnings(data, idx, '3.4.1.1', 'VB', VB)).toEqual([]);
		data.followUp.VB!.goals['3.4.1.1']!.status = 'delvis';
		expect(goalWarnings(data, idx, '3.4.1.1', 'VB', VB)).toEqual([]);
		expect(goalWarnings(data, idx, '3.4.1.1', 'T1', '2025-04-30')).toEqual([]);
	});
});

describe('motsagelse', () => {
	it.each([
		['000:903-904', 'tre av fyra … har uppnåtts och ett har \ndelvis uppnåtts.', 'delvis uppnåtts'],
		['000:435', 'att indikatorn delvis har genomförts och', 'delvis har genomförts'],
		['000:914-915', 'samt att indikatorn inte \nhar uppnåtts.', 'inte har uppnåtts'],
		['000:1134', 'en indikator har uppnåtts delvis och', 'uppnåtts delvis'],
		['000:1140', 'Den indikator som inte uppnås är prognossäkerheten', 'inte uppnås'],
		['000:1608', 'två av indikatorerna uppfylls en uppfylls inte och', 'uppfylls inte'],
		['000:2157', 'förväntade resultatet till stora delar har uppnåtts', 'till stora delar'],
		['002:874', 'endast uppnås delvis för årets första tertiäl', 'uppnås delvis'],
		['000:4-5', 'i huvudsak har uppnåtts och genomförts under året', 'i huvudsak har uppnåtts'],
		['prognosis', 'Målet kommer inte att uppnås under året.', 'inte att uppnås'],
		['badge word', 'Målet Uppfylls delvis.', 'Uppfylls delvis'],
	])('%s: finds "%s"', (_rad, text, fras) => {
		expect(motsagelse(text)).toBe(fras);
	});

	it.each([
		['003:161', 'Området bedömer att enhetsmålet har uppnåtts helt. Bedömningen grundar sig på att de tre förväntade resultaten har uppnåtts. Som stöd för bedömningen har området även vägt in att tillhörande indikatorerna och aktiviteter har uppfyllts och genomförts under året.'],
		['000:423', STANDARD],
		['002:224', 'Nämnden gör bedömningen att nämndmålet kommer att uppnås under året. Bedömningen grundas på att det förväntade resultatet prognostiseras att uppnås.'],
		['prose with inte', 'Området har inte haft några avvikelser och det finns inte någon kö.'],
		['003:406', 'Området har haft inledande workshops kring RSA arbetet. Arbetet kommer att fortlöpa under år 2026.'],
		['word inside a word', 'Uppföljningen visar att målen uppnåtts delvisningsmässigt.'],
	])('%s: no contradiction', (_rad, text) => {
		expect(motsagelse(text)).toBeUndefined();
	});
});
