// The layout rules of the reports: a new variant of a report is a new row here, with its test in test/import-recognisers.test.ts.

const LABELS = 'KF:s inriktningsmål|KF:s mål för verksamhetsområdet|Nämndmål|Enhetsmål';
export const HEADING = new RegExp(`^(${LABELS})\\s*:\\s*(?:(\\d+(?:\\.\\d+){0,3})\\.?(?=\\s|$))?\\s*(.*)$`);
export const STATUS = /^[●—–\-•]?\s*(Uppfylls helt|Uppfylls delvis|Uppfylls inte|Inga data|Ingen)$/;
export const KEYWORD = /^(Beskrivning|Förväntat resultat|Analys|Kommentar)$/;
export const IND_HEADER = /^Indikator\b/;
export const AKT_HEADER = /^Aktivitet\s+Startdatum\b/;
export const DATES = /(?:^|\s)(\d{4}-\d{2}-\d{2})\s+(\d{4}-\d{2}-\d{2})\s*(.*)$/;

export type Kind =
	| 'sidhuvud' // page furniture: dropped
	| 'innehallsrubrik' // "Innehållsförteckning": opens the table of contents
	| 'innehall' // a table-of-contents entry: dropped, its title ends the goal tree
	| 'rubrik' // a goal heading: label, number, title
	| 'rubrikdel' // a goal heading whose title (or label's end) is on the next line
	| 'status'
	| 'nyckelord'
	| 'indikatorhuvud'
	| 'aktivitetshuvud'
	| 'liknar-rubrik'; // looks like a goal heading or table header: counted when nothing reads it

export interface Recogniser {
	name: string;
	kind: Kind;
	match: RegExp;
	/** Quick tests before the expression, which would otherwise meet every line: the first characters, or a page number at the end. */
	first?: string;
	sidnummer?: boolean;
	/** Where the row applies: in the table of contents only, after the title page only, or anywhere. */
	where?: 'innehall' | 'kropp';
	/** What the line yields, for the table's reader. */
	yields: string;
}

export const RECOGNISERS: Recogniser[] = [
	{name: 'sidnummer', first: 'S0123456789', kind: 'sidhuvud', match: /^(?:Sid(?:a)?\s+)?\d+\s?\(\d+\)$/, yields: 'inget (sidfot "Sid 3 (18)")'},
	{name: 'webbadress', first: 's', kind: 'sidhuvud', match: /^start\.stockholm$/, yields: 'inget'},
	{name: 'dokumenttyp', first: 'T', kind: 'sidhuvud', match: /^Tjänsteutlåtande$/, yields: 'inget'},
	{name: 'diarienummer', first: 'D', kind: 'sidhuvud', match: /^Dnr:?\s+\S+ \d{4}\/\d+$/, where: 'kropp', yields: 'inget (sidhuvud; på titelsidan läses Dnr)'},
	{name: 'innehallsrubrik', first: 'I', kind: 'innehallsrubrik', match: /^Innehållsförteckning$/, yields: 'början på innehållsförteckningen'},
	{name: 'innehall-tabb', kind: 'innehall', sidnummer: true, match: /^([^\t]*?[^\t.])\.*\s*\t\s*(\d{1,3})$/, yields: 'titel (tabb och sidnummer)'},
	{name: 'innehall-punkter', kind: 'innehall', sidnummer: true, match: /^(.*?\S)\s*(?:\.\s?){4,}\s*(\d{1,3})$/, yields: 'titel (punktlinje och sidnummer)'},
	{name: 'innehall-sidnummer', kind: 'innehall', sidnummer: true, match: /^(.*?\D)\s+(\d{1,3})$/, where: 'innehall', yields: 'titel (sidnummer efter mellanslag)'},
	{name: 'etikett-utan-titel', first: 'KNE', kind: 'rubrikdel', match: new RegExp(`^(?:${LABELS})\\s*:\\s*(?:\\d+(?:\\.\\d+){0,3}\\.?)?$`), yields: 'rubrik, titeln på nästa rad'},
	{name: 'malrubrik', first: 'KNE', kind: 'rubrik', match: HEADING, yields: 'nivå, nummer, titel'},
	{name: 'etikett-delad', first: 'K', kind: 'rubrikdel', match: /^KF:s(?: mål(?: för)?| inriktnings-?)?$/, yields: 'rubrik, etikettens slut på nästa rad'},
	{name: 'status', first: '●—–-•UI', kind: 'status', match: STATUS, yields: 'status'},
	{name: 'nyckelord', first: 'BFAK', kind: 'nyckelord', match: KEYWORD, yields: 'avsnitt'},
	{name: 'indikatorhuvud', first: 'I', kind: 'indikatorhuvud', match: IND_HEADER, yields: 'kolumner'},
	{name: 'aktivitetshuvud', first: 'A', kind: 'aktivitetshuvud', match: AKT_HEADER, yields: 'kolumner'},
	{name: 'liknar-malrubrik', first: 'KNEI', kind: 'liknar-rubrik', match: /^(?:KF:s (?:inriktningsmål|mål)|Nämndmål|Enhetsmål|Inriktningsmål)(?![A-Za-zÀ-ÿ])\s*[:\d]/, yields: 'räknas om ingen läser den'},
	{name: 'liknar-tabellhuvud', first: 'IA', kind: 'liknar-rubrik', match: /^(?:Indikator|Aktivitet)\s+(?:Periodens|Startdatum|Utfall|Årsmål|Slutdatum)/, yields: 'räknas om ingen läser den'},
];

// Most lines of a report start with a character no row reads and end in none: they are done at once.
const FIRST = new Set(RECOGNISERS.flatMap(r => [...(r.first ?? '')]));

/** The first row that matches the trimmed text where it stands. */
export function recognise(text: string, where: 'forsattsblad' | 'innehall' | 'kropp' = 'kropp'): {r: Recogniser; m: RegExpExecArray} | undefined {
	const digit = /\d$/.test(text);
	if (!digit && !FIRST.has(text[0]!)) return undefined;
	for (const r of RECOGNISERS) {
		if ((r.where && r.where !== where) || (r.sidnummer && !digit) || (r.first && !r.first.includes(text[0]!))) continue;
		const m = r.match.exec(text);
		if (m) return {r, m};
	}
	return undefined;
}

export const kindOf = (text: string): Kind | undefined => recognise(text)?.r.kind;

/** Markup that exports leave in the text: bold markers and stray tags. */
export function stripMarkup(text: string): string {
	if (!text.includes('*') && !text.includes('<')) return text;
	return text.replace(/\*\*/g, '').replace(/<\/?(?:br|p|b|strong|span)\b[^>]*>/gi, '');
}

export interface Line {
	/** 1-based line in the file. */
	nr: number;
	raw: string;
	/** Page furniture was removed just before this line (a page break). */
	gap?: boolean;
}

export interface Prepared {
	lines: Line[];
	/** Titles of the table of contents that are not goal headings: sections that end the goal tree. */
	toc: string[];
	/** Page headers other than the report's title: the organisation's name, when it is nowhere else. */
	headers: string[];
	/** Lines that look like a goal heading or a table header but that no exact row reads. */
	suspects: Line[];
}

const OPENS_BODY = new Set<Kind | undefined>(['innehallsrubrik', 'innehall', 'rubrik', 'rubrikdel']);
const TITLE = /^(Verksamhetsberättelse|Verksamhetsplan|Tertialrapport)\b/i;

/** Drops page furniture and the contents, and joins goal headings wrapped over lines (`wrapped` text joins titles itself). */
export function prepare(input: string[], wrapped: boolean): Prepared {
	const raw = input.map(stripMarkup);
	const text = raw.map(l => l.trim());
	// The title page ends at the first contents entry or goal heading.
	let body = text.findIndex(t => OPENS_BODY.has(kindOf(t)));
	if (body < 0) body = text.length;
	const headers = pageHeaders(text.slice(0, body), text);
	const toc: string[] = [];
	const lines: Line[] = [];
	const suspects: Line[] = [];
	let inToc = false;
	let gap = false;
	for (let i = 0; i < raw.length; i++) {
		const t = text[i]!;
		const where = inToc ? 'innehall' : i < body ? 'forsattsblad' : 'kropp';
		const hit = t === '' ? undefined : recognise(t, where);
		const kind = hit?.r.kind;
		if (kind === 'innehallsrubrik') inToc = true;
		else if (inToc && t !== '' && kind !== 'innehall') inToc = false;
		if (kind === 'sidhuvud' || kind === 'innehallsrubrik' || (i >= body && headers.has(t))) {
			gap = true;
			continue;
		}
		if (kind === 'innehall') {
			const title = hit!.m[1]!.trim();
			if (!HEADING.test(title)) toc.push(title);
			continue;
		}
		let line = raw[i]!;
		const nr = i + 1;
		if (kind === 'rubrikdel' || (kind === 'rubrik' && !wrapped)) {
			// A heading's label, number and title wrapped over lines, up to a blank line or a line of its own kind.
			let titel = kind === 'rubrik';
			for (let j = i + 1; j < raw.length && j < i + 8; j++) {
				const n = text[j]!;
				if (n === '' && titel) break;
				if (n === '' || recognise(n)?.r.kind === 'sidhuvud' || headers.has(n)) continue;
				const k = kindOf(n);
				if (k && k !== 'liknar-rubrik') break;
				line = `${line.trimEnd()} ${raw[j]!.trimStart()}`;
				i = j;
				const h = HEADING.exec(line.trim());
				titel = Boolean(h && h[3] !== '');
			}
		}
		const l: Line = {nr, raw: line, ...(gap && {gap})};
		lines.push(l);
		if (kind === 'liknar-rubrik') suspects.push(l);
		gap = false;
	}
	return {lines, toc, headers: [...headers].filter(h => !TITLE.test(h)), suspects};
}

/** Page headers: the title and the organisation's name from the title page, and lines near most page numbers ("Sid 3 (18)"). */
function pageHeaders(front: string[], all: string[]): Set<string> {
	const out = new Set<string>();
	const seen = new Set<string>();
	const candidate = (t: string | undefined) => t !== undefined && t.length <= 60 && /^[A-ZÅÄÖÉ]/.test(t) && !/[.,:;!?]$/.test(t) && !recognise(t);
	front.forEach((t, i) => {
		if (!candidate(t)) return;
		if (seen.has(t)) out.add(t);
		seen.add(t);
		if (!TITLE.test(t)) return;
		const next = front.slice(i + 1).find(n => n !== '');
		for (const h of [t, candidate(next) && next, /\bför\s+([A-ZÅÄÖÉ].*)$/.exec(t)?.[1]]) if (h) out.add(h);
	});
	// The lines within three non-blank lines of each page number; a page header is near half of them or more.
	const nextToPage = new Map<string, number>();
	let pages = 0;
	all.forEach((t, i) => {
		if (!t.endsWith(')') || recognise(t)?.r.name !== 'sidnummer') return;
		pages++;
		const near = new Set([...all.slice(Math.max(0, i - 6), i).filter(Boolean).slice(-3), ...all.slice(i + 1, i + 7).filter(Boolean).slice(0, 3)]);
		for (const n of near) if (candidate(n)) nextToPage.set(n, (nextToPage.get(n) ?? 0) + 1);
	});
	for (const [t, n] of nextToPage) if (n > 1 && n >= pages / 2) out.add(t);
	return out;
}
