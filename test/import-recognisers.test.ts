// Each row of the recogniser table (source/import/recognisers.ts) with the lines it reads, from
// the seeds and from the report described in issue 11, and lines it must leave to other rows.
import {describe, expect, it} from 'vitest';
import {RECOGNISERS, prepare, recognise} from '../source/import/recognisers.js';

type Where = 'forsattsblad' | 'innehall' | 'kropp';
/** Per row: [line, where, the captures it yields] it must read, and lines it must not read. */
const EXAMPLES: Record<string, {reads: Array<[string, Where, string[]]>; not: string[]}> = {
	sidnummer: {reads: [['Sid 3 (18)', 'kropp', []], ['3 (18)', 'kropp', []], ['Sida 12 (40)', 'kropp', []]], not: ['Sid 3', '3 (18) st']},
	webbadress: {reads: [['start.stockholm', 'kropp', []]], not: ['start.stockholm/aldre']},
	dokumenttyp: {reads: [['Tjänsteutlåtande', 'kropp', []]], not: ['Tjänsteutlåtandet visar']},
	diarienummer: {reads: [['Dnr: XX 2021/853', 'kropp', []], ['Dnr HÅ 2025/815', 'kropp', []]], not: ['Dnr: ÄN 2023/1 gäller']},
	innehallsrubrik: {reads: [['Innehållsförteckning', 'kropp', []]], not: ['Innehållsförteckningen']},
	'innehall-tabb': {
		reads: [
			['Sammanfattande analys\t3', 'kropp', ['Sammanfattande analys', '3']],
			['Analys av resultaträkning - uppföljning av driftbudget.....\t35', 'kropp', ['Analys av resultaträkning - uppföljning av driftbudget', '35']],
		],
		not: ['  Aktivt Medskapandeindex\t80\t\t\t\t83\t83\t2025', 'Utebliven/försenad insats\t1\t\t\t1'],
	},
	'innehall-punkter': {
		reads: [
			['KF:s inriktningsmål: 1. En modern storstad med möjligheter och valfrihet för alla ..........6', 'kropp', ['KF:s inriktningsmål: 1. En modern storstad med möjligheter och valfrihet för alla', '6']],
			['Övrigt.....17', 'kropp', ['Övrigt', '17']],
		],
		not: ['Arbetet fortsätter...', 'Id 1.4.1.1 gäller'],
	},
	'innehall-sidnummer': {
		reads: [['Uppföljning av ekonomi 16', 'innehall', ['Uppföljning av ekonomi', '16']]],
		not: ['Sjukfrånvaron var 5', 'Uppföljning av ekonomi 2025'],
	},
	'etikett-utan-titel': {
		reads: [['KF:s mål för verksamhetsområdet:', 'kropp', []], ['KF:s mål för verksamhetsområdet: 1.5.', 'kropp', []], ['Nämndmål: 1.4.1', 'kropp', []]],
		not: ['Nämndmål: Äldre har ett tryggt liv'],
	},
	malrubrik: {
		reads: [
			['KF:s inriktningsmål: 1. Ett Stockholm som håller samman', 'kropp', ['KF:s inriktningsmål', '1', 'Ett Stockholm som håller samman']],
			['KF:s mål för verksamhetsområdet: 1.5. I Stockholm har äldre en tillvaro', 'kropp', ['KF:s mål för verksamhetsområdet', '1.5', 'I Stockholm har äldre en tillvaro']],
			['Nämndmål: Äldre har ett tryggt liv', 'kropp', ['Nämndmål', '', 'Äldre har ett tryggt liv']],
			['Enhetsmål: 1.4.1.1 Den enskilde får ett gott bemötande', 'kropp', ['Enhetsmål', '1.4.1.1', 'Den enskilde får ett gott bemötande']],
		],
		not: ['Nämndmålet har uppnåtts.', 'Enhetsmål och aktiviteter'],
	},
	'etikett-delad': {reads: [['KF:s mål för', 'kropp', []], ['KF:s', 'kropp', []]], not: ['KF:s budget']},
	status: {
		reads: [['Uppfylls helt', 'kropp', ['Uppfylls helt']], ['● Uppfylls delvis', 'kropp', ['Uppfylls delvis']], ['— Inga data', 'kropp', ['Inga data']], ['— Ingen', 'kropp', ['Ingen']]],
		not: ['Uppfylls helt enligt nämnden'],
	},
	nyckelord: {reads: [['Beskrivning', 'kropp', ['Beskrivning']], ['Förväntat resultat', 'kropp', ['Förväntat resultat']], ['Analys', 'kropp', ['Analys']]], not: ['Analys av resultaträkning']},
	indikatorhuvud: {reads: [['Indikator Periodens', 'kropp', []], ['Indikator\tPeriodens utfall\tÅrsmål', 'kropp', []]], not: ['Indikatorn visar']},
	aktivitetshuvud: {reads: [['Aktivitet Startdatum Slutdatum Avvikelse', 'kropp', []], ['Aktivitet\tStartdatum\tSlutdatum\tAvvikelse', 'kropp', []]], not: ['Aktivitet som pågår']},
	'liknar-malrubrik': {reads: [['Nämndmål 1.4.1 Äldre har ett tryggt liv', 'kropp', []], ['KF:s inriktningsmål 2 En klimatsmart stad', 'kropp', []]], not: ['Nämndmålet har uppnåtts', 'KF:s budget för 2025']},
	'liknar-tabellhuvud': {reads: [['Aktivitet  Slutdatum Startdatum', 'kropp', []]], not: ['Aktivitet som pågår']},
};

describe('the recogniser table', () => {
	it('has examples for every row, so that a new row comes with its test', () => {
		expect(Object.keys(EXAMPLES).sort()).toEqual(RECOGNISERS.map(r => r.name).sort());
	});

	for (const r of RECOGNISERS) {
		it(`${r.name}: ${r.yields}`, () => {
			for (const [line, where, captures] of EXAMPLES[r.name]!.reads) {
				const hit = recognise(line, where);
				expect(hit?.r.name, line).toBe(r.name);
				if (captures.length > 0) expect(hit!.m.slice(1).map(c => c ?? ''), line).toEqual(captures);
			}
			for (const line of EXAMPLES[r.name]!.not) expect(recognise(line, 'kropp')?.r.name, line).not.toBe(r.name);
		});
	}
});

describe('prepare: what the readers are given', () => {
	const text = [
		'Tjänsteutlåtande',
		'Dnr: XX 2021/853',
		'Verksamhetsberättelse 2021',
		'Beställarenhet Norr',
		'',
		'Innehållsförteckning',
		'Sammanfattande analys 3',
		'Uppföljning av ekonomi 9',
		'',
		'KF:s mål för verksamhetsområdet:',
		'1.5. I Stockholm har äldre en tillvaro',
		'som präglas av hög kvalitet',
		'',
		'Analysen fortsätter',
		'Sid 3 (18)',
		'Beställarenhet Norr',
		'start.stockholm',
		'Dnr: XX 2021/853',
		'på nästa sida.',
	];

	it('drops page furniture and the contents, keeps the title page, and joins the wrapped heading', () => {
		const p = prepare(text, false);
		expect(p.lines.map(l => [l.nr, l.raw, l.gap ?? false])).toEqual([
			[2, 'Dnr: XX 2021/853', true],
			[3, 'Verksamhetsberättelse 2021', false],
			[4, 'Beställarenhet Norr', false],
			[5, '', false],
			[9, '', true],
			[10, 'KF:s mål för verksamhetsområdet: 1.5. I Stockholm har äldre en tillvaro som präglas av hög kvalitet', false],
			[13, '', false],
			[14, 'Analysen fortsätter', false],
			[19, 'på nästa sida.', true],
		]);
		expect(p.toc).toEqual(['Sammanfattande analys', 'Uppföljning av ekonomi']);
		expect(p.headers).toEqual(['Beställarenhet Norr']);
	});
});

it('every row names the characters its lines start with, or reads only lines that end in a page number', () => {
	for (const r of RECOGNISERS) expect(Boolean(r.first) !== Boolean(r.sidnummer), r.name).toBe(true);
});
