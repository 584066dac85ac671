// Builds a StoreData from the unit stream of a report; whatever it cannot place is listed with its line.
import {MalkollError} from '../errors.js';
import {arGiltigtDatum} from '../domain/datum.js';
import type {Niva, Period, Status, StoreData} from '../domain/types.js';
import {HEADING, type Prepared, STATUS} from './recognisers.js';
import {type Accounting, LEVELS, type Level, type RawGoal, type Warn, type Warning, assignIds, norm, toStore} from './tree.js';
import type {Unit} from './units.js';

const NIVA_AV: Record<string, Niva> = {
	'KF:s inriktningsmål': 'im',
	'KF:s mål för verksamhetsområdet': 'vo',
	Nämndmål: 'namndmal',
	Enhetsmål: 'enhetsmal',
};
const STATUS_AV: Record<string, Status> = {
	'Uppfylls helt': 'helt',
	'Uppfylls delvis': 'delvis',
	'Uppfylls inte': 'inte',
	'Inga data': 'inga-data',
	Ingen: 'inga-data',
};
/** Sections that end the goal tree when a report has no table of contents to name them. */
const AVSLUT = [
	'Uppföljning av ekonomi', 'Ekonomi', 'Systematiskt kvalitetsarbete', 'Internkontroll', 'Intern kontroll',
	'Synpunkter och klagomål', 'Redovisning av synpunkter och klagomål', 'Arbetsmiljö', 'Bilagor', 'Kvalitetsarbete', 'Budget',
	'Ekonomisk uppföljning', 'Redovisning av ekonomi', 'Uppföljning av nämndens ekonomi',
];
const AVSLUT_NORM = new Set(AVSLUT.map(norm));
const MANADER = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];

export interface Built {
	data: StoreData;
	warnings: Warning[];
	accounting: Accounting;
}

type Mode = 'start' | 'beskrivning' | 'fr' | 'analys' | 'ind' | 'indAnalys' | 'indKommentar' | 'akt';

function columnKey(header: string): string | undefined {
	const h = norm(header);
	if (h.startsWith('periodens utfall')) return 'utfall';
	if (h.startsWith('utfall män')) return 'man';
	if (h.startsWith('utfall kvinnor')) return 'kvinnor';
	if (h.startsWith('utfall vb')) return 'foregaendeVB';
	if (h.startsWith('prognos')) return 'prognos';
	if (h.startsWith('årsmål')) return 'arsmal';
	if (h.startsWith('kf s årsmål')) return 'kfArsmal';
	if (h === 'period') return 'matperiod';
	if (h.startsWith('periodicitet')) return 'periodicitet';
	if (h.startsWith('kommentar')) return 'kommentar';
	if (h === 'indikator') return 'namn';
	if (h === 'aktivitet') return 'text';
	if (h.startsWith('startdatum')) return 'start';
	if (h.startsWith('slutdatum')) return 'slut';
	if (h.startsWith('avvikelse')) return 'avvikelse';
	return undefined;
}

function svensktDatum(text: string): string | undefined {
	const m = /^(?:den\s+)?(\d{1,2})\s+([a-zåäö]+)\s+(\d{4})$/i.exec(text);
	const mo = m ? MANADER.indexOf(m[2]!.toLowerCase()) + 1 : 0;
	const d = mo > 0 ? `${m![3]}-${String(mo).padStart(2, '0')}-${m![1]!.padStart(2, '0')}` : text;
	return /^\d{4}-\d{2}-\d{2}$/.test(d) && arGiltigtDatum(d) ? d : undefined;
}

function kindAv(text: string): {period: Period; year: number} | undefined {
	const m = /^(Verksamhetsberättelse|Verksamhetsplan|Tertialrapport)\b(.*)$/i.exec(text);
	const year = m && /\b(20\d{2}|19\d{2})\b/.exec(m[2]!);
	if (!m || !year) return undefined;
	const ord = m[1]!.toLowerCase();
	const tertial = /(?:tertial|tertialrapport)?\s*2\b(?!\d)/i.test(m[2]!.replace(year[1]!, '')) ? 'T2' : 'T1';
	return {period: ord.startsWith('verksamhetsb') ? 'VB' : ord.startsWith('verksamhetsp') ? 'VP' : tertial, year: Number(year[1])};
}

const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** Builds the store; throws MalkollError when the text holds no goal tree at all. */
export function buildStore(units: Unit[], {toc, headers, suspects}: Omit<Prepared, 'lines'>, fil: string): Built {
	const warnings: Warning[] = [];
	const found = Object.fromEntries(LEVELS.map(l => [l, 0])) as Record<Level, number>;
	const warn: Warn = (line, message, level = 'ovrigt') => {
		warnings.push({line, level, message});
		if (level === 'ovrigt') found.ovrigt++;
	};
	const goals: RawGoal[] = [];
	const stopTitles = new Set(toc.map(norm));
	const tocPrefix = toc.filter(t => t.length >= 12);
	let outsideTable: 'indikator' | 'aktivitet' | undefined;
	const preamble: Unit[] = [];
	// The goal being read; none outside the goal tree.
	let g: RawGoal | undefined;
	let mode = 'start' as Mode;
	let columns: Array<string | undefined> = [];
	// The last goal at each level (LEVELS from the top) above the current one.
	const last: RawGoal[] = [];
	const headerYears: number[] = [];
	let sawPrognos = false;
	let sawPeriodicitet = false;

	for (let i = 0; i < units.length; i++) {
		const u = units[i]!;
		const text = u.text;
		const h = u.cells ? undefined : HEADING.exec(text);
		if (h) {
			const niva = NIVA_AV[h[1]!]!;
			const depth = LEVELS.indexOf(niva);
			const parent = last[depth - 1];
			g = {line: u.line, niva, num: h[2], titel: h[3]!.trim(), parent, children: [], beskrivning: [], fr: [], analys: [], indicators: [], activities: []};
			if (niva !== 'im' && !parent) warn(u.line, `${h[1]} utan överordnat mål: "${g.titel.slice(0, 60)}"`, niva);
			found[niva]++;
			parent?.children.push(g);
			last.length = depth;
			last[depth] = g;
			goals.push(g);
			mode = 'start';
			continue;
		}
		if (goals.length === 0) {
			preamble.push(u);
			continue;
		}
		// A section of the contents, alone or run together with its first sentence (hard-wrapped text without trailing spaces).
		const section = !u.cells && ((text.length < 80 && (stopTitles.has(norm(text)) || AVSLUT_NORM.has(norm(text)))) || tocPrefix.some(t => text.startsWith(t) && /^ [A-ZÅÄÖÉ]/.test(text.slice(t.length))));
		if (section) {
			g = undefined;
			continue;
		}
		if (!g) {
			// Tables outside the goal tree (ekonomi, synpunkter) are not the reader's; indicator and activity tables are.
			const key = u.cells && columnKey(u.cells[0]!);
			if (key === 'namn' || key === 'text') {
				outsideTable = key === 'namn' ? 'indikator' : 'aktivitet';
				warn(u.line, 'tabellhuvud utanför målträdet');
			} else if (u.cells && outsideTable && !/^(Analys|Kommentar)\b/.test(u.cells[0]!)) {
				found[outsideTable]++;
				warn(u.line, `${outsideTable === 'indikator' ? 'indikatorrad' : 'aktivitetsrad'} utanför målträdet: "${text.slice(0, 60)}"`, outsideTable);
			} else if (!u.cells) outsideTable = undefined;
			continue;
		}
		if (u.cells) {
			const key = columnKey(u.cells[0]!);
			if (key === 'namn' || key === 'text') {
				columns = u.cells.map(columnKey);
				mode = key === 'namn' ? 'ind' : 'akt';
				for (const c of u.cells) {
					const y = /Utfall VB (\d{4})/.exec(c) ?? /KF:s årsmål år (\d{4})/.exec(c);
					if (y) headerYears.push(Number(y[1]) + (c.startsWith('Utfall VB') ? 1 : 0));
					if (/^Prognos/.test(c)) sawPrognos = true;
					if (/^Periodicitet/.test(c)) sawPeriodicitet = true;
				}
				continue;
			}
			const analysRad = /^(Analys|Kommentar)\b\s*(.*)$/.exec(u.cells[0]!);
			const inTable = mode === 'ind' || mode === 'akt' || mode === 'indAnalys' || mode === 'indKommentar';
			if (analysRad && inTable) {
				const rest = [analysRad[2]!, ...u.cells.slice(1)].filter(c => c !== '').join(' ');
				const target = mode === 'akt' ? g.activities[g.activities.length - 1] : g.indicators[g.indicators.length - 1];
				// "Analys" alone in its row: the text follows in the next row.
				if (rest === '' && target) {
					const next = units[i + 1];
					if (next?.cells && next.cells.slice(1).every(c => c === '')) {
						target.analys.push(next.cells[0]!);
						i++;
					}
					continue;
				}
				if (!target) warn(u.line, `${analysRad[1]} utan föregående rad i tabellen`);
				else if (analysRad[1] === 'Kommentar' && 'kommentar' in target) target.kommentar.push(rest);
				else target.analys.push(rest);
				continue;
			}
			if (!inTable) {
				warn(u.line, `tabellrad utanför en tabell: "${text.slice(0, 60)}"`);
				continue;
			}
			const row: Record<string, string> = Object.fromEntries(columns.flatMap((k, j) => (k && u.cells![j] ? [[k, u.cells![j]!]] : [])));
			if (u.cells.length > columns.length && u.cells.slice(columns.length).some(c => c !== '')) {
				warn(u.line, `raden har ${u.cells.length} celler, väntade ${columns.length}`);
			}
			if (mode === 'akt') {
				found.aktivitet++;
				if (!row.text) warn(u.line, 'aktivitetsrad utan text', 'aktivitet');
				else g.activities.push({line: u.line, text: row.text, cells: row, analys: []});
			} else {
				found.indikator++;
				if (!row.namn) warn(u.line, 'indikatorrad utan namn', 'indikator');
				else {
					mode = 'ind';
					g.indicators.push({line: u.line, namn: row.namn, cells: row, analys: [], kommentar: []});
				}
			}
			continue;
		}
		const st = STATUS.exec(text);
		const ind = g.indicators[g.indicators.length - 1];
		if (st && mode === 'start') g.status = STATUS_AV[st[1]!];
		else if (text === 'Beskrivning' || text === 'Förväntat resultat') mode = text === 'Beskrivning' ? 'beskrivning' : 'fr';
		else if (text === 'Kommentar' && (mode === 'ind' || mode === 'indAnalys') && ind) mode = 'indKommentar';
		else if (text === 'Analys') mode = mode === 'ind' && ind ? 'indAnalys' : 'analys';
		else {
			const sections: Partial<Record<Mode, string[]>> = {beskrivning: g.beskrivning, fr: g.fr, analys: g.analys, indAnalys: ind?.analys, indKommentar: ind?.kommentar};
			const target = sections[mode];
			// A plan's narrative follows the heading directly, without "Analys"; narrative after a table continues the goal's analysis.
			if (target) target.push(text);
			else if (mode === 'start' || g.analys.length > 0) {
				g.analys.push(text);
				mode = 'analys';
			} else warn(u.line, `text efter tabellen kunde inte placeras: "${text.slice(0, 60)}"`);
		}
	}

	if (goals.length === 0) {
		throw new MalkollError(`${fil}: ingen målstruktur hittades (rubriker som "KF:s inriktningsmål: 1. …"); är det en verksamhetsplan, tertialrapport eller verksamhetsberättelse?`);
	}

	assignIds(goals, warn);
	for (const vo of goals) {
		if (vo.niva !== 'vo' || vo.children.length > 0 || !vo.id) continue;
		for (const p of vo.analys) {
			for (const m of p.matchAll(/nämndmål(?:et|en)?\s+(\d+\.\d+\.\d+)/g)) {
				const nm = goals.find(x => x.niva === 'namndmal' && x.id === m[1]);
				if (nm && !(nm.bidrarTill ??= []).includes(vo.id)) nm.bidrarTill.push(vo.id);
			}
		}
	}

	// Metadata from the preamble: title, Dnr, recipient, date.
	let kind: {period: Period; year: number} | undefined;
	let namnEfterTitel: string | undefined;
	let titelNamn: string | undefined;
	let till: string | undefined;
	let dnr: string | undefined;
	let datum: string | undefined;
	for (let i = 0; i < preamble.length; i++) {
		const t = preamble[i]!.text;
		const k = kind ? undefined : kindAv(t);
		if (k) {
			kind = k;
			// "Verksamhetsberättelse 2021 för Beställarenhet Norr": the organisation in the title.
			const rest = /\b(?:19|20)\d{2}\b\s*(?:för\s+([A-Za-zÅÄÖåäöÉé].*)|[-–,]?\s*([A-ZÅÄÖÉ].*))$/.exec(t);
			if (rest) titelNamn = capitalize((rest[1] ?? rest[2])!.trim());
			const next = preamble[i + 1]?.text;
			if (next && next.length <= 60 && !/[.!?:]$/.test(next) && !stopTitles.has(norm(next)) && !/^Förslag till beslut$/.test(next)) namnEfterTitel = next;
			continue;
		}
		dnr ||= /^Dnr:?\s*(.+)$/.exec(t)?.[1]!.trim();
		if (/(^|[^A-Za-zåäö])Till$/.test(t) && !till) till = preamble[i + 1]?.text;
		const tillRad = /^Till:?\s+([A-ZÅÄÖÉ].{2,60}?)(?:\s+(\d{4}-\d{2}-\d{2}))?$/.exec(t);
		if (tillRad && !till) [till, datum] = [tillRad[1], datum ?? tillRad[2]];
		if (!datum) datum = svensktDatum(t);
	}
	const enhet = goals.some(g => g.niva === 'enhetsmal');
	const period = kind?.period ?? (!goals.some(g => g.status) || sawPeriodicitet ? 'VP' : sawPrognos ? 'T1' : 'VB');
	const startYears = goals.flatMap(g => g.activities.map(a => Number(a.cells.start?.slice(0, 4)))).filter(y => y > 1900);
	const year = kind?.year ?? mostFrequent(headerYears) ?? mostFrequent(startYears);
	if (!year) throw new MalkollError(`${fil}: rapportens år framgår inte (ingen rubrik som "Verksamhetsberättelse 2025" och inga daterade tabeller)`);
	const namn = enhet ? (titelNamn ?? namnEfterTitel ?? headers[0] ?? till) : (till ?? titelNamn ?? vanligasteNamnd(units) ?? headers[0]);
	if (!namn) warn(1, 'organisationens namn framgår inte av rapporten');
	const namnd = enhet && till !== namn ? till : undefined;
	const data = toStore(goals, {period, year, enhet, namn: namn || 'Okänd organisation', namnd, dnr, datum, fil}, warn);
	// A line that looks like a goal heading or a table header but that no recogniser read is counted too.
	for (const l of suspects) warn(l.nr, `ser ut som en rubrik men kunde inte läsas: "${l.raw.trim().slice(0, 60)}"`);
	// Placed: what the store holds, per level.
	const placed: Partial<Record<Level, number>> = {indikator: data.indicators.length, aktivitet: data.activities.length};
	const accounting = Object.fromEntries(LEVELS.map(l => [l, {found: found[l], placed: placed[l] ?? data.goals.filter(g => g.niva === l).length}])) as Accounting;
	return {data, warnings: warnings.sort((a, b) => a.line - b.line), accounting};
}

function mostFrequent<T>(xs: T[]): T | undefined {
	const count = new Map<T, number>();
	for (const x of xs) count.set(x, (count.get(x) ?? 0) + 1);
	return [...count].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/** The nämnd that writes most about itself ("Äldrenämnden …") when no recipient is named. */
function vanligasteNamnd(units: Unit[]): string | undefined {
	const names: string[] = [];
	// Only paragraphs that name a nämnd meet the expressions (Latin letters only: Unicode mode is slow to start).
	for (const u of units.filter(x => x.text.includes('nämnden'))) {
		for (const m of u.text.matchAll(/(?<![A-Za-zÀ-ÿ])([A-ZÅÄÖÉ][a-zåäöéü-]+nämnden)(?![A-Za-zÀ-ÿ])/g)) names.push(m[1]!);
		for (const m of u.text.matchAll(/(?<![A-Za-zÀ-ÿ])för ([a-zåäöéü][a-zåäöéü-]+nämnden)(?![A-Za-zÀ-ÿ])/g)) names.push(capitalize(m[1]!));
	}
	return mostFrequent(names.filter(n => n !== 'Nämnden'));
}
