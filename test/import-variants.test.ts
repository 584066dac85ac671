// The importer reads the layouts, not the four files: altered copies of the seeds (renamed,
// reordered, renumbered, re-wrapped, page breaks moved, another year) give the same structure;
// --into adds a T1 and a VB onto a VP's store of the same year.
import {existsSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {importCommand} from '../source/commands/import.js';
import type {StoreData} from '../source/domain/types.js';
import {MalkollError} from '../source/errors.js';
import {importReport} from '../source/import/index.js';
import {captured} from './helpers.js';

const seed = (name: string) => readFileSync(new URL(`fixtures/seeds/${name}`, import.meta.url), 'utf8');
const S000 = seed('000_d93415d658a6d1e8.txt');
const S001 = seed('001_9ed3bdf3a5d824a6.txt');
const S002 = seed('002_32659a80fef2e434.txt');
const S003 = seed('003_f3a4a286e93c5bae.txt');

/** What must not change: goal ids with level, status and number of results; indicator and activity ids with their main values. */
function shape(d: StoreData) {
	const fu = d.followUp[d.period];
	return {
		goals: d.goals.map(g => `${g.id} ${g.niva} ${fu?.goals[g.id]?.status ?? '-'} ${g.forvantatResultat.length}`).sort(),
		indicators: d.indicators.map(i => `${i.id} ${i.namn} ${fu?.indicators[i.id]?.utfall?.raw ?? ''} ${i.arsmal?.raw ?? ''} ${i.kfArsmal?.raw ?? ''}`).sort(),
		activities: d.activities.map(a => `${a.id} ${a.start} ${a.slut} ${a.text}`).sort(),
	};
}

const base = {
	'000': importReport(S000, '000.txt').data,
	'002': importReport(S002, '002.txt').data,
	'003': importReport(S003, '003.txt').data,
};

/** Re-wraps the hard-wrapped prose of layout A at another width, keeping the trailing spaces. */
function rewrap(text: string, width: number): string {
	const lines = text.split('\n');
	const out: string[] = [];
	let run: string[] = [];
	const flush = () => {
		if (run.length === 0) return;
		const words = run.join(' ').split(/\s+/).filter(Boolean);
		let line = '';
		for (const w of words) {
			if (line && line.length + w.length + 1 > width) {
				out.push(line + ' ');
				line = w;
			} else line = line ? `${line} ${w}` : w;
		}
		out.push(line + ' ');
		run = [];
	};
	for (const l of lines) {
		// Prose: long lines that do not open a table cell, a bullet or a heading of their own.
		if (l.length > 60 && /^\S/.test(l) && !/^(KF:s|Nämndmål|-|•)/.test(l) && !/\d{4}-\d{2}-\d{2}/.test(l)) run.push(l.trim());
		else {
			flush();
			out.push(l);
		}
	}
	flush();
	return out.join('\n');
}

/** Moves page breaks: a run of " " lines and a page header after every n-th blank line; joins the originals. */
function movePageBreaks(text: string, n: number): string {
	let blanks = 0;
	return text
		.split('\n')
		.flatMap(l => {
			if (l.trim() !== '') return [l];
			blanks++;
			return blanks % n === 0 ? ['', ' ', ' ', `Sid ${blanks / n} (40)`, 'start.stockholm', ''] : [l];
		})
		.join('\n');
}

/** Splits long paragraphs of layout B mid-sentence by a blank line, as a page break does. */
function splitParagraphs(text: string): string {
	return text
		.split('\n')
		.map(l => (l.length > 300 && !l.includes('\t') ? l.replace(/^(.{150,}?[a-zåäö,]) ([a-zåäö])/, '$1\n\n$2') : l))
		.join('\n');
}

describe('altered copies import to the same structure', () => {
	it('003 with the unit, the nämnd and the Dnr renamed', () => {
		const text = S003.replaceAll('Beställarenhet 2', 'Beställarenhet Söder').replaceAll('Hägersten-Älvsjö', 'Skarpnäck').replace('HÅ 2025/815', 'SK 2025/101');
		const {data, warnings} = importReport(text, 'soder.txt');
		expect(warnings).toEqual([]);
		expect(data.organisation).toEqual({namn: 'Beställarenhet Söder', niva: 'enhet', namnd: 'Skarpnäck stadsdelsnämnd', dnr: 'SK 2025/101'});
		expect(shape(data)).toEqual(shape(base['003']));
	});

	it('003 with inriktningsmål 2 moved after inriktningsmål 3', () => {
		const lines = S003.split('\n');
		const im2 = lines.findIndex((l, i) => i > 60 && l.startsWith('KF:s inriktningsmål: 2.'));
		const im3 = lines.findIndex((l, i) => i > 60 && l.startsWith('KF:s inriktningsmål: 3.'));
		const end = lines.findIndex((l, i) => i > im3 && l === 'Uppföljning av ekonomi');
		const moved = [...lines.slice(0, im2), ...lines.slice(im3, end), ...lines.slice(im2, im3), ...lines.slice(end)].join('\n');
		const {data, warnings} = importReport(moved, 'moved.txt');
		expect(warnings).toEqual([]);
		expect(data.goals.slice(0, 2).map(g => g.id)).toEqual(['1', '1.4']);
		expect(data.goals.map(g => g.id).indexOf('2')).toBeGreaterThan(data.goals.map(g => g.id).indexOf('3.6.1.1'));
		expect(shape(data)).toEqual(shape(base['003']));
	});

	it('003 as an older mandate: another year, another KF goal numbered "1.5."', () => {
		const text = S003.replaceAll('2025', '2019')
			.replaceAll('2024', '2018')
			.replace(/KF:s mål för verksamhetsområdet: 1\.4 Stockholm ska vara en bra stad att åldras i[^\n\t]*/g, 'KF:s mål för verksamhetsområdet: 1.5. Äldre i Stockholm ska ha en trygg och självständig ålderdom');
		const {data, warnings} = importReport(text, 'hagersten-2019.txt');
		expect(warnings).toEqual([]);
		expect(data.year).toBe(2019);
		expect(data.goals.find(g => g.id === '1.5')!.titel).toBe('Äldre i Stockholm ska ha en trygg och självständig ålderdom');
		expect(data.goals.filter(g => g.id.startsWith('1.5.')).map(g => g.id)).toEqual(['1.5.1', '1.5.1.1']);
		expect(data.activities.filter(a => a.malId === '1.5.1').map(a => a.slut)).toEqual(['2019-12-31', '2019-12-31', '2019-12-31', '2019-12-31']);
		expect(data.goals).toHaveLength(21);
	});

	it('002 with page breaks moved and paragraphs split mid-sentence', () => {
		const text = movePageBreaks(splitParagraphs(S002), 7);
		expect(text).not.toBe(S002);
		const {data, warnings} = importReport(text, '002-moved.txt');
		expect(warnings).toEqual([]);
		expect(shape(data)).toEqual(shape(base['002']));
		const analys = (d: StoreData) => d.followUp.T1!.goals['1.3']!.analys;
		expect(analys(data)).toBe(analys(base['002']));
	});

	it('000 re-wrapped at another width with its page breaks moved', () => {
		const text = movePageBreaks(rewrap(S000, 104), 11);
		expect(text).not.toBe(S000);
		const {data} = importReport(text, '000-rewrapped.txt');
		expect(shape(data)).toEqual(shape(base['000']));
	});

	it('000 with the numbers taken out of the nämndmål headings (as in 001–003)', () => {
		const text = S000.replace(/^(Nämndmål: )\d+\.\d+\.\d+ /gm, '$1');
		const {data, warnings} = importReport(text, '000-unnumbered.txt');
		expect(warnings).toEqual([]);
		expect(shape(data)).toEqual(shape(base['000']));
	});

	it('refuses a text that is not a report', () => {
		expect(() => importReport('Inköpslista\n\nMjölk\nBröd\n', 'lista.txt')).toThrow(MalkollError);
		expect(() => importReport('Inköpslista\n\nMjölk\nBröd\n', 'lista.txt')).toThrow(/lista\.txt: ingen målstruktur/);
	});
});

/** A seed moved to another year: every year in it shifted by `delta`. */
function shiftYears(text: string, delta: number): string {
	return text.replace(/\b(20[12]\d)\b/g, y => String(Number(y) + delta));
}

async function cmd(o: {file: string; out?: string; into?: string; partial?: boolean; json?: boolean; dryRun?: boolean}) {
	const {stdout, stderr, text} = captured();
	const code = await importCommand({...o, author: 'test', stdout, stderr});
	return {code, ...text};
}

describe('malkoll import', () => {
	const dir = mkdtempSync(join(tmpdir(), 'malkoll-import-'));
	const file = (name: string, text: string) => {
		const p = join(dir, name);
		writeFileSync(p, text);
		return p;
	};

	it('prints the store as JSON without --out', async () => {
		const r = await cmd({file: file('003.txt', S003)});
		expect(r.code).toBe(0);
		const data = JSON.parse(r.out) as StoreData;
		expect(data.organisation.namn).toBe('Beställarenhet 2');
		expect(data.goals).toHaveLength(21);
	});

	it('names the report file as it was given when it holds no goals', async () => {
		const p = file('inkopslista.txt', 'Inköpslista\n\nMjölk\nBröd\n');
		await expect(cmd({file: p})).rejects.toThrow(new RegExp(`^${p.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: ingen målstruktur`));
	});

	it('refuses a report with a part it cannot place: exit 2, the line and the reason, nothing written', async () => {
		const lines = S003.split('\n');
		const at = lines.findIndex(l => l.startsWith('Nämndmål: Äldre har ett tryggt'));
		// An enhetsmål before any nämndmål: it has no place in the tree.
		const text = [...lines.slice(0, at), 'Enhetsmål: Enheten svarar i telefon inom en minut', '', ' Uppfylls helt', '', 'Analys', '', 'Det gör den.', '', ...lines.slice(at)].join('\n');
		const p = file('003-orphan.txt', text);
		const out = join(dir, 'orphan.json');
		const r = await cmd({file: p, out});
		expect(r.code).toBe(2);
		expect(r.err).toContain(`${p}:${at + 1}: Enhetsmål utan överordnat mål: "Enheten svarar i telefon inom en minut"`);
		expect(r.err).toMatch(/Enhetsmål\s+7\s+6\s+1\n/);
		expect(r.err).toContain('inget skrevs');
		expect(existsSync(out)).toBe(false);

		const partial = await cmd({file: p, out, partial: true});
		expect(partial.code).toBe(0);
		expect(partial.err).toContain(`${p}:${at + 1}: Enhetsmål utan överordnat mål`);
		const written = JSON.parse(readFileSync(out, 'utf8')) as StoreData;
		const original = importReport(S003, '003.txt').data;
		expect({...written, kalla: undefined}).toEqual({...original, kalla: undefined});
	});

	it('--json prints the accounting, --dry-run writes nothing', async () => {
		const out = join(dir, 'dry.json');
		const r = await cmd({file: file('003-dry.txt', S003), out, json: true, dryRun: true});
		expect(r.code).toBe(0);
		expect(existsSync(out)).toBe(false);
		const a = JSON.parse(r.out) as {nivaer: Record<string, {hittade: number; placerade: number; ejPlacerade: number}>; ejPlacerade: unknown[]; skrivet: boolean};
		expect(a.nivaer).toEqual({
			im: {hittade: 3, placerade: 3, ejPlacerade: 0},
			vo: {hittade: 6, placerade: 6, ejPlacerade: 0},
			namndmal: {hittade: 6, placerade: 6, ejPlacerade: 0},
			enhetsmal: {hittade: 6, placerade: 6, ejPlacerade: 0},
			indikator: {hittade: 4, placerade: 4, ejPlacerade: 0},
			aktivitet: {hittade: 8, placerade: 8, ejPlacerade: 0},
			ovrigt: {hittade: 0, placerade: 0, ejPlacerade: 0},
		});
		expect([a.ejPlacerade, a.skrivet]).toEqual([[], false]);
		expect(r.err).toMatch(/Aktiviteter\s+8\s+8\s+0\n/);
		await expect(cmd({file: file('003-json.txt', S003), json: true})).rejects.toThrow(/--json .* kräver --out eller --into/);
	});

	it('adds a T1 and a VB onto the VP of the same year (--into) without duplicates or losses', async () => {
		const store = join(dir, 'aldre-2023.json');
		expect((await cmd({file: file('vp-2023.txt', S001), out: store})).code).toBe(0);
		const vp = JSON.parse(readFileSync(store, 'utf8')) as StoreData;
		expect(vp.activities).toHaveLength(84);
		expect(vp.period).toBe('VP');

		const t1 = await cmd({file: file('t1-2023.txt', shiftYears(S002, -1)), into: store});
		expect(t1.err).not.toContain('malkoll:');
		expect(t1.code).toBe(0);
		const efterT1 = JSON.parse(readFileSync(store, 'utf8')) as StoreData;
		expect(efterT1.period).toBe('T1');
		// The KF goals are the same; the VP's own activities stay although the T1 lists only KF uppdrag.
		expect(efterT1.goals.filter(g => g.niva === 'im' || g.niva === 'vo')).toHaveLength(19);
		for (const a of vp.activities) expect(efterT1.activities.find(x => x.id === a.id)?.text).toBe(a.text);
		expect(new Set(efterT1.goals.map(g => g.id)).size).toBe(efterT1.goals.length);
		// Same indicator names are matched, not added again (VETA, AMI, sjukfrånvaro …).
		const namn = efterT1.indicators.map(i => i.namn);
		expect(namn.filter(n => n === 'Aktivt Medskapandeindex')).toHaveLength(1);
		expect(namn.filter(n => n === 'Sjukfrånvaro')).toHaveLength(1);
		const ami = efterT1.indicators.find(i => i.namn === 'Aktivt Medskapandeindex')!;
		expect(ami.id).toBe('3.4:i1');
		expect(efterT1.followUp.T1!.indicators[ami.id]!.utfall?.raw).toBe('82');
		expect(Object.values(efterT1.followUp.T1!.goals).filter(g => g.status === 'helt')).toHaveLength(34);
		// Goals the T1 cut differently are added, not lost: 3.4.3 (digitalisering) is new.
		expect(efterT1.goals.filter(g => g.niva === 'namndmal').length).toBeGreaterThanOrEqual(17);

		const vb = await cmd({file: file('vb-2023.txt', shiftYears(S000, -2)), into: store});
		expect(vb.code).toBe(0);
		const efterVB = JSON.parse(readFileSync(store, 'utf8')) as StoreData;
		expect(efterVB.period).toBe('VB');
		expect(efterVB.goals.filter(g => g.niva === 'im' || g.niva === 'vo')).toHaveLength(19);
		for (const a of efterT1.activities) expect(efterVB.activities.find(x => x.id === a.id)?.text).toBe(a.text);
		expect(Object.values(efterVB.followUp.VB!.goals).filter(g => g.status === 'helt')).toHaveLength(35);
		expect(efterVB.followUp.VB!.indicators[ami.id]!.utfall?.raw).toBe('78');
		expect(efterVB.followUp.T1!.indicators[ami.id]!.utfall?.raw).toBe('82');
		// Importing the same report again changes nothing.
		const igen = await cmd({file: join(dir, 'vb-2023.txt'), into: store});
		expect(igen.err).toContain('0 ändringar');
	});

	it('--into --dry-run lists the changes and leaves the store as it was', async () => {
		const store = join(dir, 'aldre-2023-dry.json');
		expect((await cmd({file: file('vp-2023-dry.txt', S001), out: store})).code).toBe(0);
		const before = readFileSync(store, 'utf8');
		const r = await cmd({file: file('t1-2023-dry.txt', shiftYears(S002, -1)), into: store, dryRun: true, json: true});
		expect(r.code).toBe(0);
		expect(r.err).toMatch(/ändringar från T1 2023 \(--dry-run: inget skrevs\)/);
		expect((JSON.parse(r.out) as {skrivet: boolean}).skrivet).toBe(false);
		expect(readFileSync(store, 'utf8')).toBe(before);
	});

	it('refuses a report of another year or organisation', async () => {
		const store = join(dir, 'aldre-2023b.json');
		await cmd({file: file('vp-2023b.txt', S001), out: store});
		await expect(cmd({file: file('t1-2024.txt', S002), into: store})).rejects.toThrow(/gäller 2024 men lagret gäller 2023/);
		await expect(cmd({file: file('003-2023.txt', shiftYears(S003, -2)), into: store})).rejects.toThrow(/Beställarenhet 2 men lagret gäller Äldrenämnden/);
	});
});
