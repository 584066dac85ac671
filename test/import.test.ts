// The importer against the inventory of domain.md §8 and the indicator rows of §4 for the four seeds.
import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import type {StoreData} from '../source/domain/types.js';
import {importReport} from '../source/import/index.js';

const SEEDS = {
	'000': '000_d93415d658a6d1e8.txt',
	'001': '001_9ed3bdf3a5d824a6.txt',
	'002': '002_32659a80fef2e434.txt',
	'003': '003_f3a4a286e93c5bae.txt',
} as const;

export function seedText(id: keyof typeof SEEDS): string {
	return readFileSync(new URL(`fixtures/seeds/${SEEDS[id]}`, import.meta.url), 'utf8');
}

const imported = new Map<string, ReturnType<typeof importReport>>();
function seed(id: keyof typeof SEEDS) {
	if (!imported.has(id)) imported.set(id, importReport(seedText(id), SEEDS[id]));
	return imported.get(id)!;
}

function counts(d: StoreData) {
	const n = (niva: string) => d.goals.filter(g => g.niva === niva).length;
	return {im: n('im'), vo: n('vo'), namndmal: n('namndmal'), enhetsmal: n('enhetsmal'), ind: d.indicators.length, akt: d.activities.length};
}

function statusCount(d: StoreData): Record<string, number> {
	const out: Record<string, number> = {};
	for (const g of Object.values(d.followUp[d.period]?.goals ?? {})) if (g.status) out[g.status] = (out[g.status] ?? 0) + 1;
	return out;
}

/** Per VO: [status, indicators, activities, nämndmål ids with their FR counts]. */
function voTable(d: StoreData) {
	const fu = d.followUp[d.period]!;
	return Object.fromEntries(
		d.goals
			.filter(g => g.niva === 'vo')
			.map(vo => [
				vo.id,
				[
					fu.goals[vo.id]?.status ?? '-',
					d.indicators.filter(i => i.malId === vo.id).length,
					d.activities.filter(a => a.malId === vo.id).length,
					d.goals.filter(g => g.parentId === vo.id).map(g => `${g.id}:${g.forvantatResultat.length}`).join(' '),
				],
			]),
	);
}

/** Indicator rows as [utfall, män, kvinnor, VB förra året, prognos, årsmål, KF:s årsmål, period] raw texts. */
function rows(d: StoreData) {
	const fu = d.followUp[d.period]!;
	return d.indicators.map(i => {
		const f = fu.indicators[i.id] ?? {};
		return [i.id, f.utfall?.raw ?? '', f.man?.raw ?? '', f.kvinnor?.raw ?? '', f.foregaendeVB?.raw ?? '', f.prognos?.raw ?? '', i.arsmal?.raw ?? '', i.kfArsmal?.raw ?? '', f.matperiod ?? i.periodicitet ?? ''];
	});
}

const TFA = 'Tas fram av nämnd/styrelse';

describe('import 003: Beställarenhet 2, verksamhetsberättelse 2025 (layout B)', () => {
	it('reads the metadata from the text', () => {
		const {data, layout} = seed('003');
		expect(layout).toBe('B');
		expect(data.organisation).toEqual({namn: 'Beställarenhet 2', niva: 'enhet', namnd: 'Hägersten-Älvsjö stadsdelsnämnd', dnr: 'HÅ 2025/815'});
		expect([data.year, data.period, data.kalla?.datum]).toEqual([2025, 'VB', '2026-03-26']);
		expect(data.bedomdaNivaer).toEqual(['enhetsmal']);
	});

	it('matches the inventory of §8', () => {
		const {data, warnings} = seed('003');
		expect(warnings).toEqual([]);
		expect(counts(data)).toEqual({im: 3, vo: 6, namndmal: 6, enhetsmal: 6, ind: 4, akt: 8});
		expect(statusCount(data)).toEqual({helt: 6, 'inga-data': 15});
		const fu = data.followUp.VB!;
		for (const g of data.goals) expect(fu.goals[g.id]?.status).toBe(g.niva === 'enhetsmal' ? 'helt' : 'inga-data');
		expect(voTable(data)).toEqual({
			'1.4': ['inga-data', 0, 0, '1.4.1:4'],
			'2.1': ['inga-data', 0, 0, '2.1.1:5'],
			'2.2': ['inga-data', 1, 0, '2.2.1:2'],
			'3.4': ['inga-data', 3, 0, '3.4.1:6'],
			'3.5': ['inga-data', 0, 0, '3.5.1:3'],
			'3.6': ['inga-data', 0, 0, '3.6.1:3'],
		});
		const em = data.goals.filter(g => g.niva === 'enhetsmal').map(g => [g.id, g.forvantatResultat.length, g.titel.slice(0, 31)]);
		expect(em).toEqual([
			['1.4.1.1', 3, 'Den enskilde får ett gott bemöt'],
			['2.1.1.1', 2, 'Enheten är energieffektiv och r'],
			['2.2.1.1', 1, 'Enheten ska arbeta för att stöd'],
			['3.4.1.1', 3, 'Enheten är en god arbetsgivare '],
			['3.5.1.1', 1, 'Målet är att enhetens medarbeta'],
			['3.6.1.1', 2, 'Enheten ska öka kunskapen bland'],
		]);
		expect(data.activities.map(a => a.malId)).toEqual(['1.4.1', '1.4.1', '1.4.1', '1.4.1', '2.1.1', '3.5.1', '3.5.1', '3.5.1']);
		for (const a of data.activities) expect([a.start, a.slut, a.ursprung]).toEqual(['2025-01-01', '2025-12-31', 'sdn']);
	});

	it('keeps every indicator cell of §4.6, raw and parsed', () => {
		const {data} = seed('003');
		expect(rows(data)).toEqual([
			['2.2:i1', '69,23 %', '', '', '', '', '70 %', '70 %', '2025'],
			['3.4:i1', '80', '', '', '', '', '83', '83', '2025'],
			['3.4:i2', '8,2 %', '5,2 %', '8,6 %', '', '', '7,2 %', TFA, 'VB 2025'],
			['3.4:i3', '1,6 %', '1,2 %', '1,6 %', '', '', '1,5 %', TFA, 'VB 2025'],
		]);
		const [eko, ami, sjuk, sjuk14] = data.indicators;
		expect([eko!.enhet, eko!.riktning, ami!.enhet, ami!.riktning, sjuk!.riktning, sjuk14!.riktning]).toEqual(['%', 'hogre', 'index', 'hogre', 'lagre', 'lagre']);
		expect(data.followUp.VB!.indicators['2.2:i1']!.utfall).toEqual({raw: '69,23 %', value: 69.23, unit: '%'});
		expect(sjuk!.kfArsmal).toEqual({raw: TFA});
		expect(sjuk!.arsmal?.value).toBe(7.2);
	});

	it('keeps texts: bullets, numbered results, "Punkt n:" analyses, HTML lists as "• " lines', () => {
		const {data} = seed('003');
		const goal = (id: string) => data.goals.find(g => g.id === id)!;
		expect(goal('2.1.1').forvantatResultat[3]).toEqual({nr: 4, text: 'Nämndens chefer och andra relevanta funktioner känner till och jobbar mot målen i stadens nya miljöprogram.'});
		expect(goal('1.4.1.1').forvantatResultat[2]!.text).toBe('Under 2025 avser enheten att öka antalet inkomna genomförandeplaner gällande ärenden med hemtjänstinsatser. En ökning ska ske med 25 %.');
		expect(goal('3.4.1.1').forvantatResultat[2]!.text).toMatch(/Enheten vill höja resultatet till 87 %\.$/);
		expect(goal('1.4.1').beskrivning).toMatch(/^Målet nås genom att stadsdelsnämndens verksamheter/);
		const analys = data.followUp.VB!.goals['1.4.1.1']!.analys!;
		expect(analys.split('\n\n').filter(p => /^Punkt \d:$/.test(p))).toEqual(['Punkt 1:', 'Punkt 2:', 'Punkt 3:']);
		expect(analys).toContain('via KOMPASS - projektet som handlar om att lotsa personer');
		expect(data.followUp.VB!.goals['3.6.1.1']!.analys).not.toContain('Uppföljning av ekonomi');
		const a1 = data.followUp.VB!.activities['1.4.1:a1']!.analys!;
		expect(a1.split('\n')[0]).toBe('• Området har medverkat aktivt i samverkan med den geografiska samverkansgruppen.');
		expect(a1).not.toContain('<');
		expect(data.followUp.VB!.activities['3.5.1:a3']!.analys).toBe('Området har haft inledande workshops kring RSA arbetet. Arbetet kommer att fortlöpa under år 2026.');
	});
});

describe('import 002: Äldrenämnden, tertialrapport 1 2024 (layout B)', () => {
	it('matches the inventory of §8', () => {
		const {data, warnings, layout} = seed('002');
		expect(layout).toBe('B');
		expect(warnings).toEqual([]);
		expect(data.organisation).toEqual({namn: 'Äldrenämnden', niva: 'namnd'});
		expect([data.year, data.period, data.kalla?.datum]).toEqual([2024, 'T1', '2024-06-11']);
		expect(counts(data)).toEqual({im: 3, vo: 16, namndmal: 17, enhetsmal: 0, ind: 13, akt: 17});
		expect(statusCount(data)).toEqual({helt: 34, 'inga-data': 2});
		expect(voTable(data)).toEqual({
			'1.1': ['inga-data', 0, 0, ''],
			'1.2': ['inga-data', 0, 0, ''],
			'1.3': ['helt', 0, 3, '1.3.1:2'],
			'1.4': ['helt', 1, 3, '1.4.1:2'],
			'1.5': ['helt', 0, 0, '1.5.1:1'],
			'2.1': ['helt', 0, 1, '2.1.1:3'],
			'2.2': ['helt', 0, 0, '2.2.1:2'],
			'2.3': ['helt', 0, 0, '2.3.1:2'],
			'2.4': ['helt', 0, 0, '2.4.1:2'],
			'3.1': ['helt', 3, 1, '3.1.1:2'],
			'3.2': ['helt', 3, 1, '3.2.1:2'],
			'3.3': ['helt', 0, 1, '3.3.1:2'],
			'3.4': ['helt', 3, 1, '3.4.1:2 3.4.2:4 3.4.3:3'],
			'3.5': ['helt', 3, 3, '3.5.1:2 3.5.2:2'],
			'3.6': ['helt', 0, 1, '3.6.1:2'],
			'3.7': ['helt', 0, 2, '3.7.1:1'],
		});
		for (const a of data.activities) expect([a.start, a.slut, a.ursprung]).toEqual(['2024-01-01', '2024-12-31', 'kf-uppdrag']);
	});

	it('keeps every indicator cell of §4.5, including Prognos helår and the analyses', () => {
		const {data} = seed('002');
		const S = 'Tertial 1 2024';
		expect(rows(data)).toEqual([
			['1.4:i1', '', '', '', '60', '', '67 %', '67 %', '2024'],
			['3.1:i1', '100 %', '', '', '98,8 %', '', '100 %', '100 %', S],
			['3.1:i2', '100 %', '', '', '98,8 %', '', '100 %', '100 %', S],
			['3.1:i3', '', '', '', '0 %', '', '+/- 1 %', '+/- 1 %', '2024'],
			['3.2:i1', '0', '', '', '2', '4', '4 st', TFA, S],
			['3.2:i2', '1', '', '', '1', '1', '1 st', TFA, S],
			['3.2:i3', '2 st', '', '', '2 st', '2 st', '2 st', 'Tas fram av nämnd', S],
			['3.4:i1', '82', '', '', '76', '', '83', '83', '2024'],
			['3.4:i2', '5 %', '4,9 %', '5,1 %', '4,9 %', '5 %', '5 %', TFA, S],
			['3.4:i3', '2 %', '2,7 %', '1,8 %', '1,8 %', '1,8 %', '1,8 %', TFA, S],
			['3.5:i1', '67,5 %', '', '', '', '', '80 %', TFA, '2024'],
			['3.5:i2', '100 %', '', '', '', '', '81 %', '81 %', '2024'],
			['3.5:i3', '', '', '', '', '', '100 %', '100 %', '2024'],
		]);
		const fu = data.followUp.T1!.indicators;
		// "60" among "67 %" is a percentage: normalised by the indicator's unit.
		expect(fu['1.4:i1']!.foregaendeVB).toEqual({raw: '60', value: 60, unit: '%'});
		expect(data.indicators.find(i => i.id === '3.1:i3')!.arsmal).toEqual({raw: '+/- 1 %', value: 0, tolerance: 1, unit: '%'});
		expect(fu['3.4:i1']!.analys).toMatch(/^AMI har ökat successivt sedan år 2021/);
		expect(fu['3.5:i1']!.analys).toMatch(/^Att målet endast uppnås delvis för årets första tertiäl/);
	});
});

describe('import 000: Äldrenämnden, verksamhetsberättelse 2025 (layout A)', () => {
	it('matches the inventory of §8', () => {
		const {data, warnings, layout} = seed('000');
		expect(layout).toBe('A');
		expect(warnings).toEqual([]);
		expect(data.organisation.namn).toBe('Äldrenämnden');
		expect([data.year, data.period]).toEqual([2025, 'VB']);
		expect(counts(data)).toEqual({im: 3, vo: 16, namndmal: 18, enhetsmal: 0, ind: 13, akt: 25});
		expect(statusCount(data)).toEqual({helt: 35, 'inga-data': 2});
		expect(voTable(data)).toEqual({
			'1.1': ['inga-data', 0, 0, ''],
			'1.2': ['inga-data', 0, 0, ''],
			'1.3': ['helt', 0, 0, '1.3.1:2'],
			'1.4': ['helt', 1, 6, '1.4.1:2 1.4.2:2'],
			'1.5': ['helt', 0, 0, '1.5.1:1'],
			'2.1': ['helt', 1, 1, '2.1.1:2'],
			'2.2': ['helt', 0, 0, '2.2.1:2'],
			'2.3': ['helt', 0, 0, '2.3.1:2'],
			'2.4': ['helt', 0, 0, '2.4.1:1'],
			'3.1': ['helt', 3, 9, '3.1.1:2 3.1.2:5 3.1.3:3'],
			'3.2': ['helt', 3, 0, '3.2.1:2'],
			'3.3': ['helt', 0, 0, ''],
			'3.4': ['helt', 3, 1, '3.4.1:1 3.4.2:4'],
			'3.5': ['helt', 2, 2, '3.5.1:3 3.5.2:1'],
			'3.6': ['helt', 0, 2, '3.6.1:3'],
			'3.7': ['helt', 0, 4, '3.7.1:1'],
		});
		// VO 3.3 has no nämndmål of its own: it rests on 3.1.2.
		expect(data.goals.find(g => g.id === '3.1.2')!.bidrarTill).toEqual(['3.3']);
		expect(data.goals.find(g => g.id === '1')!.titel).toBe('Ett Stockholm som håller samman med en stark och jämlik välfärd i hela staden');
	});

	it('rebuilds every indicator row of §4.3 from the space-flattened table', () => {
		const {data} = seed('000');
		const V = 'VB 2025';
		expect(rows(data)).toEqual([
			['1.4:i1', '64', '53', '71', '64', '', '69 %', '69 %', '2025'],
			['2.1:i1', '0', '', '', '', '', '38 %', TFA, '2025'],
			['3.1:i1', '95,1 %', '', '', '98,8 %', '', '100 %', '100 %', V],
			['3.1:i2', '95,1 %', '', '', '98,8 %', '', '100 %', '100 %', V],
			['3.1:i3', '-3 %', '', '', '-1 %', '', '+/-1 %', '+/- 1 %', '2025'],
			['3.2:i1', '4 st', '', '', '4 st', '', '4 st', TFA, V],
			['3.2:i2', '1 st', '', '', '1 st', '', '2 st', TFA, V],
			['3.2:i3', '0 st', '', '', '0 st', '', '0 st', 'Tas fram av nämnd', V],
			['3.4:i1', '78', '74', '79', '82', '', '83', '83', '2025'],
			['3.4:i2', '4,5 %', '5,3 %', '4,3 %', '4,6 %', '', '4,5 %', TFA, V],
			['3.4:i3', '1,8 %', '2 %', '1,7 %', '2,1 %', '', '1,8 %', TFA, V],
			['3.5:i1', '95,4 %', '', '', '84,36 %', '', '80 %', '70 %', '2025'],
			['3.5:i2', '100 %', '', '', '100 %', '', '100 %', '82 %', '2025'],
		]);
		// Names broken mid-word in the narrow column are whole again.
		expect(data.indicators.map(i => i.namn)).toContain('Nämndens budgetföljsamhet efter resultatöverföringar');
		expect(data.indicators.map(i => i.namn)).toContain('Andel äldre personer som vet vart de ska vända sig för att ansöka om hjälpinsatser');
		expect(data.indicators.map(i => i.riktning)).toEqual(['hogre', 'hogre', 'max', 'max', 'band', 'hogre', 'hogre', 'hogre', 'hogre', 'lagre', 'lagre', 'hogre', 'hogre']);
		expect(data.followUp.VB!.indicators['3.1:i3']!.utfall).toEqual({raw: '-3 %', value: -3, unit: '%'});
		expect(data.followUp.VB!.indicators['1.4:i1']!.analys).toMatch(/^Utfallet om 64 procent/);
	});

	it('reads the activity dates, the split activity and the analyses', () => {
		const {data} = seed('000');
		const slut = data.activities.map(a => a.slut);
		expect(slut.filter(s => s === '2025-06-30')).toHaveLength(1);
		expect(slut.filter(s => s === '2025-12-31')).toHaveLength(24);
		for (const a of data.activities) expect(a.start).toBe('2025-01-01');
		// Split by a page break and a repeated header: the rest after the header belongs to it.
		expect(data.activities.find(a => a.text.startsWith('Äldrenämnden ska i samarbete med stadsdelsnämnderna utreda förutsättningarna'))!.text).toMatch(
			/riktvärden för bemanning inom vård- och omsorgsboenden som en vägledning för stadsdelsnämnder och upphandlad äldreomsorg$/,
		);
		const analyser = Object.entries(data.followUp.VB!.activities).filter(([, f]) => f.analys);
		expect(analyser).toHaveLength(2);
		const svedmyra = data.activities.find(a => a.text.includes('Svedmyrabadet'))!;
		expect(data.followUp.VB!.activities[svedmyra.id]!.analys).toBe('Utredningen är nästan klar men några frågor återstår. Arbetet slutförs under 2026.');
	});
});

describe('import 001: Äldrenämnden, verksamhetsplan 2023 (layout A)', () => {
	it('matches the inventory of §8, numbering nämndmål from the narrative subheadings', () => {
		const {data, layout} = seed('001');
		expect(layout).toBe('A');
		expect(data.organisation.namn).toBe('Äldrenämnden');
		expect([data.year, data.period]).toEqual([2023, 'VP']);
		expect(counts(data)).toEqual({im: 3, vo: 16, namndmal: 16, enhetsmal: 0, ind: 14, akt: 84});
		expect(statusCount(data)).toEqual({});
		const t = voTable(data);
		const akt = (id: string) => data.activities.filter(a => a.malId === id).length;
		expect(Object.fromEntries(Object.entries(t).map(([id, [, ind, kf, nm]]) => [id, [ind, kf, nm, String(nm).split(' ').filter(Boolean).map(x => akt(x.split(':')[0]!)).join(' ')]]))).toEqual({
			'1.1': [0, 0, '', ''],
			'1.2': [0, 0, '', ''],
			'1.3': [0, 2, '1.3.1:2', '13'],
			'1.4': [2, 9, '1.4.1:2', '18'],
			'1.5': [0, 0, '1.5.1:2', '2'],
			'2.1': [0, 0, '2.1.1:2', '0'],
			'2.2': [0, 0, '2.2.1:1', '0'],
			'2.3': [0, 1, '2.3.1:2', '0'],
			'2.4': [0, 0, '2.4.1:1', '0'],
			'3.1': [3, 0, '3.1.1:2', '0'],
			'3.2': [4, 0, '3.2.1:2', '0'],
			'3.3': [0, 1, '3.3.1:2', '3'],
			'3.4': [3, 3, '3.4.1:2 3.4.2:4', '9 5'],
			'3.5': [2, 4, '3.5.1:1 3.5.2:1', '1 1'],
			'3.6': [0, 0, '3.6.1:2', '9'],
			'3.7': [0, 0, '3.7.1:1', '3'],
		});
		expect(data.activities.filter(a => a.ursprung === 'kf-uppdrag')).toHaveLength(20);
		expect(data.activities.filter(a => a.ursprung === 'namnd')).toHaveLength(64);
	});

	it('keeps the targets of §4.4, the comment and the activity dates', () => {
		const {data} = seed('001');
		expect(data.indicators.map(i => [i.id, i.arsmal?.raw, i.kfArsmal?.raw, i.periodicitet])).toEqual([
			['1.4:i1', '60 %', 'Tas fram av nämnd', 'år'],
			['1.4:i2', '65 %', '65 %', 'år'],
			['3.1:i1', '100 %', '100 %', 'tertial'],
			['3.1:i2', '100 %', '100 %', 'tertial'],
			['3.1:i3', '+/-1 %', '+/- 1 %', 'år'],
			['3.2:i1', '2 st', TFA, 'tertial'],
			['3.2:i2', '1 st', TFA, 'tertial'],
			['3.2:i3', '1 st', 'Tas fram av nämnd', 'tertial'],
			['3.2:i4', '0 st', '11 000', 'tertial'],
			['3.4:i1', '80', '83', 'år'],
			['3.4:i2', '5,2 %', TFA, 'tertial'],
			['3.4:i3', '1,8 %', TFA, 'tertial'],
			['3.5:i1', '80 %', TFA, 'år'],
			['3.5:i2', '100 %', '80 %', 'år'],
		]);
		expect(data.indicators.find(i => i.id === '3.2:i4')!.kfArsmal?.value).toBe(11000);
		expect(data.indicators.find(i => i.id === '3.2:i4')!.kommentar).toMatch(/Med hänvisning till detta är nämndens årsmål 0\.$/);
		const slut = data.activities.map(a => a.slut);
		expect(slut.filter(s => s === '2023-06-30')).toHaveLength(5);
		expect(slut.filter(s => s === '2023-08-31')).toHaveLength(1);
		expect(slut.filter(s => s === '2023-12-31')).toHaveLength(78);
		expect(data.activities.filter(a => a.start === '2022-01-01')).toHaveLength(1);
		expect(data.activities.filter(a => a.start === '2023-01-01')).toHaveLength(83);
	});
});
