// The tolerant reader: each variant of a real report, made here from the seed texts, imports to
// the same store as the seed itself (the whole serialised store, the source metadata aside).
import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import type {StoreData} from '../source/domain/types.js';
import {decodeText} from '../source/import/document.js';
import {importReport} from '../source/import/index.js';
import {serializeStore} from '../source/store/serialize.js';

const seed = (name: string) => readFileSync(new URL(`fixtures/seeds/${name}`, import.meta.url), 'utf8');
const S000 = seed('000_d93415d658a6d1e8.txt');
const S002 = seed('002_32659a80fef2e434.txt');
const S003 = seed('003_f3a4a286e93c5bae.txt');

/** The whole store as its file, without `kalla` (the file name and the report's date). */
export function serialised(d: StoreData): string {
	const {kalla: _, ...rest} = d;
	return serializeStore(rest as StoreData);
}

const base = {
	'000': serialised(importReport(S000, '000.txt').data),
	'002': serialised(importReport(S002, '002.txt').data),
	'003': serialised(importReport(S003, '003.txt').data),
};

/** Imports the variant, requires every part placed, and returns the serialised store. */
function variant(text: string, original: string): string {
	expect(text).not.toBe(original);
	const r = importReport(text, 'variant.txt');
	expect(r.warnings).toEqual([]);
	for (const {found, placed} of Object.values(r.accounting)) expect(placed).toBe(found);
	return serialised(r.data);
}

/** Replaces every match, requiring at least `min` of them. */
function each(text: string, re: RegExp, f: (...m: string[]) => string, min = 1): string {
	const n = [...text.matchAll(re)].length;
	expect(n, String(re)).toBeGreaterThanOrEqual(min);
	return text.replace(re, f as (s: string, ...a: unknown[]) => string);
}

const lines = (t: string) => t.split('\n');
const HEADING = /^(KF:s inriktningsmål|KF:s mål för verksamhetsområdet|Nämndmål|Enhetsmål): /;

describe('a table of contents with dot leaders and no tabs', () => {
	it('003 and 002: every tab before a page number becomes a dot leader', () => {
		for (const [id, s] of [['003', S003], ['002', S002]] as const) {
			const text = each(s, /^(.+?)\.*\t(\d{1,3})$/gm, (_, t, n) => `${t} ..........${n}`, 15);
			expect(variant(text, s)).toBe(base[id]);
		}
	});

	it('000: a contents list of every goal heading put before the report', () => {
		const toc = lines(S000)
			.filter(l => HEADING.test(l))
			.map((l, i) => `${l.trim()} ${'.'.repeat(12)}${i + 3}`);
		expect(toc.length).toBeGreaterThan(30);
		expect(variant(['Innehållsförteckning', '', ...toc, '', S000].join('\n'), S000)).toBe(base['000']);
	});
});

describe('page furniture mid-paragraph and mid-table', () => {
	const furniture = (n: number, unit?: string) => [`Sid ${n} (18)`, ...(unit ? [unit] : []), 'Tjänsteutlåtande', 'start.stockholm', 'Dnr: XX 2021/853'];

	it('003: a page break inside paragraphs (split mid-sentence) and between table rows', () => {
		let n = 0;
		let text = each(S003, /^([^\t\n]{80,}?[a-zåäö,]) ([a-zåäö][^\t\n]{40,})$/gm, (_, a, b) => `${a}\n${furniture(++n, 'Beställarenhet 2').join('\n')}\n${b}`, 10);
		text = each(text, /^(\s+Aktivt Medskapandeindex\t.*)$/gm, row => `${row}\n${furniture(++n, 'Beställarenhet 2').join('\n')}`);
		text = each(text, /^(\s+Stadsdelsnämndens medarbetare går stadens utbildning i dataskydd\t.*)$/gm, row => `${row}\n${furniture(++n).join('\n')}`);
		expect(variant(text, S003)).toBe(base['003']);
	});

	it('000: furniture between the wrapped lines of paragraphs, indicator names and activities', () => {
		let n = 0;
		const out: string[] = [];
		for (const [i, l] of lines(S000).entries()) {
			out.push(l);
			// Every 25th line of running text, and inside the indicator and activity cells.
			const cell = /^(Andel äldre |vart de ska |stadsdelsnämnder förbättra samarbete )$/.test(l);
			if ((i % 25 === 0 && l.length > 70 && !l.startsWith('KF:s')) || cell) out.push(...furniture(++n).map(f => `${f} `));
		}
		expect(variant(out.join('\n'), S000)).toBe(base['000']);
	});
});

describe('labelled headings wrapped before and after the number', () => {
	it('003: label alone, then number and title; label and number, then title; titles wrapped; VO numbers as "1.4."', () => {
		let k = 0;
		const text = each(S003, /^(KF:s inriktningsmål|KF:s mål för verksamhetsområdet|Nämndmål|Enhetsmål): (?:(\d+(?:\.\d+)*) )?(.*?) (\S+ \S+ \S+)$/gm, (_, label, num, title, tail) => {
			const nr = num ? (num.includes('.') ? `${num}.` : num) : '';
			switch (k++ % 3) {
				case 0:
					return `${label}:\n${nr ? `${nr} ` : ''}${title}\n${tail}`;
				case 1:
					return `${label}: ${nr}\n${title}\n${tail}`;
				default:
					return `${label === 'KF:s mål för verksamhetsområdet' ? 'KF:s mål för\nverksamhetsområdet' : label}: ${nr ? `${nr} ` : ''}${title}\n${tail}`;
			}
		}, 20);
		// The contents list keeps its one-line headings.
		expect(variant(text, S003)).toBe(base['003']);
	});

	it('000: the same wraps in hard-wrapped text', () => {
		let k = 0;
		const text = each(S000, /^(KF:s inriktningsmål|KF:s mål för verksamhetsområdet|Nämndmål): (\d+(?:\.\d+)*) (.*)$/gm, (_, label, num, rest) =>
			k++ % 2 === 0 ? `${label}: \n${num.includes('.') ? `${num}.` : num} ${rest}` : `${label}: ${num} \n${rest}`,
		30);
		expect(variant(text, S000)).toBe(base['000']);
	});
});

describe('indicator cells broken one word per line', () => {
	it('000: "Tas fram" / "av" / "nämnd/s" / "tyrelse", and every name one word per line', () => {
		let text = each(S000, /Tas fram av \nnämnd\/styr\nelse /g, () => 'Tas fram \nav \nnämnd/s\ntyrelse ', 3);
		let inTable = false;
		let broken = 0;
		text = lines(text)
			.flatMap(l => {
				// Between the end of an indicator header and the row's values.
				if (/(?:Period|Periodicitet) $/.test(l)) inTable = true;
				if (/\d/.test(l)) inTable = false;
				if (!inTable || !/^[\p{L} -]+ $/u.test(l) || !l.trim().includes(' ')) return [l];
				broken++;
				return l.trim().split(' ').map(w => `${w} `);
			})
			.join('\n');
		expect(broken).toBeGreaterThan(5);
		expect(variant(text, S000)).toBe(base['000']);
	});
});

describe('tabs replaced by spaces', () => {
	it('003 and 002: tables, contents list and all', () => {
		for (const [id, s] of [['003', S003], ['002', S002]] as const) {
			// The synpunkter grid of 003 is outside the goal tree: only what is read must be the same.
			const text = s.replace(/\t/g, ' ');
			const r = importReport(text, 'spaces.txt');
			expect(r.warnings).toEqual([]);
			expect(serialised(r.data)).toBe(base[id]);
		}
	});
});

describe('goal numbers', () => {
	it('000 with the numbers taken out of the nämndmål headings', () => {
		expect(variant(each(S000, /^(Nämndmål: )\d+\.\d+\.\d+ /gm, (_, l) => l, 15), S000)).toBe(base['000']);
	});

	it('003 with numbers written into the nämndmål and enhetsmål headings (the ids the reader gives them)', () => {
		const ids = JSON.parse(base['003']) as StoreData;
		const nm = ids.goals.filter(g => g.niva === 'namndmal').map(g => g.id);
		const em = ids.goals.filter(g => g.niva === 'enhetsmal').map(g => g.id);
		let [i, j] = [0, 0];
		const text = S003.split('\n')
			.map((l, n) => (n < 60 ? l : l.replace(/^Nämndmål: /, () => `Nämndmål: ${nm[i++]} `).replace(/^Enhetsmål: /, () => `Enhetsmål: ${em[j++]} `)))
			.join('\n');
		expect([i, j]).toEqual([6, 6]);
		expect(variant(text, S003)).toBe(base['003']);
	});

	it('003 with a nämndmål that has no enhetsmål in this unit', () => {
		const l = lines(S003);
		const from = l.findIndex(x => x.startsWith('Enhetsmål: Enheten ska arbeta för att stödja'));
		const to = l.findIndex((x, n) => n > from && x.startsWith('KF:s inriktningsmål: 3.'));
		const text = [...l.slice(0, from), ...l.slice(to)].join('\n');
		const expected = JSON.parse(base['003']) as StoreData;
		expected.goals = expected.goals.filter(g => g.id !== '2.2.1.1');
		delete expected.followUp.VB!.goals['2.2.1.1'];
		expect(variant(text, S003)).toBe(serialised(expected));
	});
});

/** Windows-1252 bytes of a text: Latin-1, with the code page's own 32 characters at 0x80–0x9F; "?" for the rest. */
function windows1252(text: string): Buffer {
	const high = '€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8dŽ\x8f\x90‘’“”•–—˜™š›œ\x9džŸ';
	return Buffer.from([...text].map(c => (high.includes(c) ? 0x80 + high.indexOf(c) : c.charCodeAt(0) < 0x100 && !(c.charCodeAt(0) >= 0x80 && c.charCodeAt(0) < 0xa0) ? c.charCodeAt(0) : 0x3f)));
}

describe('text files as Windows saves them', () => {
	// "●" has no place in Windows-1252; Word writes the status badge's glyph as "•" (the reader takes both).
	const S = S003.replace(/●/g, '•');
	const utf16be = (t: string) => {
		const b = Buffer.from(`\ufeff${t}`, 'utf16le');
		return b.swap16();
	};
	it('every character of 003 but "●" has its byte in Windows-1252', () => {
		expect([...windows1252(S)].filter(b => b === 0x3f)).toHaveLength([...S].filter(c => c === '?').length);
		expect(windows1252('åäöÅÄÖé–—•”€')).toEqual(Buffer.from([0xe5, 0xe4, 0xf6, 0xc5, 0xc4, 0xd6, 0xe9, 0x96, 0x97, 0x95, 0x94, 0x80]));
		expect(decodeText('x.txt', Buffer.from([0x96, 0x97, 0x95, 0x94, 0x80, 0xe5, 0xe4, 0xf6]))).toBe('–—•”€åäö');
	});

	it.each([
		['Windows-1252', windows1252(S)],
		['UTF-16 LE with BOM', Buffer.from(`\ufeff${S}`, 'utf16le')],
		['UTF-16 BE with BOM', utf16be(S)],
		['UTF-8 with BOM', Buffer.from(`\ufeff${S}`, 'utf8')],
	])('003 saved as %s', (_, bytes) => {
		const text = decodeText('003.txt', bytes);
		expect(text).toBe(S);
		expect(variant(text, S003)).toBe(base['003']);
	});
});

describe('a report like the one from another unit that failed (issue 11)', () => {
	// Another unit, 2021, the KF goals of the 2019–2022 mandate, and every variant above in one file.
	const text = readFileSync(new URL('fixtures/annan-enhet-vb-2021.txt', import.meta.url), 'utf8');
	const {data, warnings, accounting} = importReport(text, 'annan-enhet-vb-2021.txt');

	it('places all 17 goals, both indicators and all four activities', () => {
		expect(warnings).toEqual([]);
		expect(accounting).toEqual({
			im: {found: 3, placed: 3},
			vo: {found: 5, placed: 5},
			namndmal: {found: 5, placed: 5},
			enhetsmal: {found: 4, placed: 4},
			indikator: {found: 2, placed: 2},
			aktivitet: {found: 4, placed: 4},
			ovrigt: {found: 0, placed: 0},
		});
		expect(data.organisation).toEqual({namn: 'Beställarenhet Vällingby', niva: 'enhet', namnd: 'Hässelby-Vällingby stadsdelsnämnd', dnr: 'HV 2021/853'});
		expect([data.year, data.period, data.kalla?.datum, data.bedomdaNivaer]).toEqual([2021, 'VB', '2022-02-15', ['enhetsmal']]);
		expect(data.goals.map(g => [g.id, g.niva, g.titel])).toEqual([
			['1', 'im', 'En stad som håller ihop'],
			['1.1', 'vo', 'Stockholm ska vara en trygg stad för alla'],
			['1.1.1', 'namndmal', 'Invånarna i Hässelby-Vällingby känner sig trygga'],
			['1.1.1.1', 'enhetsmal', 'Enheten informerar om stöd mot våld i nära relationer'],
			['1.5', 'vo', 'I Stockholm har äldre en tillvaro som präglas av hög kvalitet, trygghet och självbestämmande'],
			['1.5.1', 'namndmal', 'Äldre i Hässelby-Vällingby har en trygg och meningsfull vardag'],
			['1.5.1.1', 'enhetsmal', 'Enheten fattar rättssäkra beslut inom lagstadgad tid'],
			['1.5.2', 'namndmal', 'Äldre får stöd att bo kvar hemma så länge de vill'],
			['2', 'im', 'En klimatsmart stad'],
			['2.4', 'vo', 'Stockholms miljö är hälsosam och giftfri'],
			['2.4.1', 'namndmal', 'Stadsdelsnämndens verksamheter minskar sin miljöpåverkan'],
			['2.4.1.1', 'enhetsmal', 'Enheten gör sina hembesök utan bil'],
			['3', 'im', 'En ekonomiskt hållbar stad'],
			['3.1', 'vo', 'Stockholms stads verksamheter är kostnadseffektiva'],
			['3.2', 'vo', 'Stockholms stad är en attraktiv arbetsgivare'],
			['3.2.1', 'namndmal', 'Stadsdelsnämnden är en attraktiv arbetsgivare'],
			['3.2.1.1', 'enhetsmal', 'Enhetens medarbetare har en hållbar arbetsbelastning'],
		]);
		expect(data.goals.filter(g => g.parentId).map(g => `${g.parentId}>${g.id}`).join(' ')).toBe(
			'1>1.1 1.1>1.1.1 1.1.1>1.1.1.1 1>1.5 1.5>1.5.1 1.5.1>1.5.1.1 1.5>1.5.2 2>2.4 2.4>2.4.1 2.4.1>2.4.1.1 3>3.1 3>3.2 3.2>3.2.1 3.2.1>3.2.1.1',
		);
	});

	it('keeps the texts, statuses, indicator cells and activities', () => {
		const goal = (id: string) => data.goals.find(g => g.id === id)!;
		expect(goal('1.5.1').forvantatResultat).toEqual([
			{nr: 1, text: 'Fler äldre är nöjda med sin hemtjänst.'},
			{nr: 2, text: 'Äldre får sina beslut inom lagstadgad tid.'},
		]);
		expect(goal('1.5.1.1').forvantatResultat.map(r => r.text)).toEqual(['Nio av tio beslut fattas inom fjorton dagar.', 'Alla beslut följs upp inom ett år.']);
		expect(goal('1.5.2').beskrivning).toBe('Stadsdelsnämnden erbjuder hemtjänst, dagverksamhet och anhörigstöd.');
		const fu = data.followUp.VB!;
		expect(Object.entries(fu.goals).map(([id, g]) => [id, g.status])).toEqual([
			['1.1.1.1', 'helt'],
			['1.5.1.1', 'delvis'],
			['2.4.1.1', 'helt'],
			['3.2.1.1', 'helt'],
		]);
		expect(fu.goals['1.5.1.1']!.analys).toBe('Enheten bedömer att målet har uppnåtts delvis. Åtta av tio beslut fattades inom fjorton dagar, och alla beslut följdes upp.');
		expect(data.indicators).toEqual([
			{id: '3.2:i1', malId: '3.2', namn: 'Sjukfrånvaro', riktning: 'lagre', enhet: '%', arsmal: {raw: '6 %', value: 6, unit: '%'}, kfArsmal: {raw: 'Tas fram av nämnd/styrelse'}},
			{id: '3.2:i2', malId: '3.2', namn: 'Aktivt Medskapandeindex', riktning: 'hogre', enhet: 'index', arsmal: {raw: '81', value: 81}, kfArsmal: {raw: '81', value: 81}},
		]);
		expect(fu.indicators).toEqual({
			'3.2:i1': {utfall: {raw: '6,2 %', value: 6.2, unit: '%'}, foregaendeVB: {raw: '6,5 %', value: 6.5, unit: '%'}, matperiod: 'VB 2021'},
			'3.2:i2': {utfall: {raw: '79', value: 79}, foregaendeVB: {raw: '80', value: 80}, matperiod: '2021', analys: 'Medskapandeindex har sjunkit något sedan förra året.'},
		});
		expect(data.activities.map(a => [a.id, a.text, a.start, a.slut, a.ursprung])).toEqual([
			['1.5.1:a1', 'Beställarenheten ska tillsammans med utförarna följa upp att genomförandeplaner upprättas inom tre veckor från beslutet', '2021-01-01', '2021-12-31', 'sdn'],
			['1.5.1:a2', 'Beställarenheten ska erbjuda alla nya brukare över 80 år ett hembesök', '2021-01-01', '2021-12-31', 'sdn'],
			['2.4.1:a1', 'Stadsdelsnämnden ska minska användningen av engångsartiklar av plast', '2021-01-01', '2021-12-31', 'sdn'],
			['3.2.1.1:a1', 'Enheten ska införa fasta tider för ärendegenomgång varje vecka', '2021-01-01', '2021-12-31', 'enhet'],
		]);
		expect(fu.activities).toEqual({
			'1.5.1:a1': {analys: 'Uppföljningen har gjorts varje månad och nästan alla planer upprättas i tid.'},
			'3.2.1.1:a1': {analys: 'Ärendegenomgången hålls varje tisdag.'},
		});
	});

});

describe('nothing lost in silence', () => {
	it('counts a line that looks like a goal heading or a table header when no recogniser reads it', () => {
		const l = lines(S003);
		const at = l.findIndex(x => x.startsWith('KF:s inriktningsmål: 3.'));
		const text = [...l.slice(0, at), 'Nämndmål 2.2.2 Stadsdelsnämnden planterar fler träd', '', 'Aktivitet  Slutdatum Startdatum', '', ...l.slice(at)].join('\n');
		const r = importReport(text, 'suspekt.txt');
		expect(r.warnings).toEqual([
			{line: at + 1, level: 'ovrigt', message: 'ser ut som en rubrik men kunde inte läsas: "Nämndmål 2.2.2 Stadsdelsnämnden planterar fler träd"'},
			{line: at + 3, level: 'ovrigt', message: 'ser ut som en rubrik men kunde inte läsas: "Aktivitet  Slutdatum Startdatum"'},
		]);
		expect(r.accounting.ovrigt).toEqual({found: 2, placed: 0});
	});

	it('counts the rows of an indicator table after the goal tree as found and not placed', () => {
		const l = lines(S003);
		const at = l.findIndex(x => x === 'Uppföljning av ekonomi');
		const end = l.findIndex(x => x.startsWith('  Sjukfrånvaro dag 1-14'));
		const table = l.slice(end - 3, end + 1);
		expect(table[0]).toMatch(/^Indikator\t/);
		const text = [...l.slice(0, at + 1), '', ...table, '', ...l.slice(at + 1)].join('\n');
		const r = importReport(text, 'efter.txt');
		expect(r.accounting.indikator).toEqual({found: 7, placed: 4});
		expect(r.warnings.map(w => [w.line - at, w.level, w.message.split('\t')[0]])).toEqual([
			[3, 'ovrigt', 'tabellhuvud utanför målträdet'],
			[4, 'indikator', 'indikatorrad utanför målträdet: "Aktivt Medskapandeindex'],
			[5, 'indikator', 'indikatorrad utanför målträdet: "Sjukfrånvaro'],
			[6, 'indikator', 'indikatorrad utanför målträdet: "Sjukfrånvaro dag 1-14'],
		]);
	});
});

describe('the organisation named only in one place', () => {
	const text = readFileSync(new URL('fixtures/annan-enhet-vb-2021.txt', import.meta.url), 'utf8');
	it('in the page header next to the page numbers', () => {
		const r = importReport(text.replace('Verksamhetsberättelse 2021 för Beställarenhet Vällingby', 'Verksamhetsberättelse 2021'), 'a.txt');
		expect(r.warnings).toEqual([]);
		expect(r.data.organisation.namn).toBe('Beställarenhet Vällingby');
	});

	it('in the title, as the seeds of a nämnd have it', () => {
		const variant002 = S002.replace('Telefon: 08-50836267**Till**\nÄldrenämnden', 'Telefon: 08-50836267');
		expect(variant002).not.toBe(S002);
		const r = importReport(variant002, '002.txt');
		expect(r.data.organisation.namn).toBe('Äldrenämnden');
		expect(serialised(r.data)).toBe(base['002']);
	});
});

describe('hard-wrapped text that lost its trailing spaces', () => {
	it('the report of issue 11 reads the same, only a name broken mid-word keeps the break as a space', () => {
		const text = readFileSync(new URL('fixtures/annan-enhet-vb-2021.txt', import.meta.url), 'utf8');
		const original = importReport(text, 'a.txt');
		const r = importReport(text.replace(/ +$/gm, ''), 'a.txt');
		expect([r.layout, r.warnings]).toEqual(['A', []]);
		expect(r.data.indicators[1]!.namn).toBe('Aktivt Medskapande index');
		r.data.indicators[1]!.namn = 'Aktivt Medskapandeindex';
		expect(serialised(r.data)).toBe(serialised(original.data));
	});
});
