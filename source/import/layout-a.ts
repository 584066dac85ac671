// Layout A (domain.md §7): hard-wrapped PDF text, tables flattened to spaces, read into the same units as layout B.
import {AKT_HEADER, DATES, HEADING, IND_HEADER, KEYWORD, type Line, STATUS} from './recognisers.js';
import type {Unit} from './units.js';

/** A line with its text trimmed. */
type L = Line & {text: string};

const BULLET = /^([-•\uF0B7–]\s?\S|\d+[.)]\s)/;
const SUBHEADING = /^\d+\.\d+\.\d+\.?\s+\S/;
const PERIOD_END = /(?:^|\s)(?:VB \d{4}|Tertial \d \d{4}|\d{4}|År|Tertial)$/;
// A value cell, counted from the row's end; it must stand after whitespace ("1-14" is a name).
const TFA = String.raw`Tas\s*fram(?:\s*av(?:\s*nämnd(?:\s*\/\s*${[...'styrelse'].join(String.raw`\s*`)})?)?)?`;
const VALUE_END = new RegExp(String.raw`(?<=^|\s)(${TFA}|\+\/-\s?\d+(?:,\d+)?\s?%?|[-−]?\d+(?:,\d+)?(?: ?(?:%|st))?|VB \d{4}|Tertial \d \d{4}|År|Tertial)$`);
const IND_COLUMNS = /Periodens utfall|Utfall män\/ ?pojkar|Utfall kvinnor\/ ?flickor|Utfall VB \d{4}|Prognos helår|KF:s årsmål(?: år \d{4})?|Årsmål|Periodicitet|Period|Kommentar/g;

/** The columns of an indicator header read as one line. */
export const indColumns = (text: string): string[] => ['Indikator', ...(text.replace(/\s+/g, ' ').match(IND_COLUMNS) ?? [])];

/** "Tas fram av nämnd/styrelse" however its words were broken over lines. */
const cellText = (v: string): string =>
	/^Tas\s*fram/.test(v) ? v.replace(/\s+/g, '').replace('Tasfram', 'Tas fram').replace('framav', 'fram av').replace('avnämnd', 'av nämnd') : v.replace(/\s+/g, ' ');

/** Lines with words broken mid-word rejoined (told by the missing trailing space, when the text keeps them). */
function logicalLines(lines: Line[]): L[] {
	const out: L[] = [];
	const spaced = lines.some(l => / $/.test(l.raw));
	for (let i = 0; i < lines.length; i++) {
		const raw = lines[i]!.raw;
		const l: L = {nr: lines[i]!.nr, raw, text: raw.trim()};
		// A short line without a trailing space in a narrow table column is a word cut in two.
		while (spaced && l.text !== '' && !/\s$/.test(l.raw) && l.text.length <= 20 && /[a-zåäö/]$/i.test(l.text)) {
			let j = i + 1;
			while (j < lines.length && lines[j]!.raw.trim() === '') j++;
			const next = j < lines.length ? lines[j]!.raw : '';
			if (!/^[a-zåäö]/.test(next.trim())) break;
			l.raw = l.raw.trimEnd() + next.trimStart();
			l.text = l.raw.trim();
			i = j;
		}
		out.push(l);
	}
	return out;
}

function structural(text: string): boolean {
	return HEADING.test(text) || STATUS.test(text) || KEYWORD.test(text) || IND_HEADER.test(text) || AKT_HEADER.test(text);
}

/** A row's text as its name and `ncols` value cells, counted from its end; undefined when it does not end in values. */
export function splitRow(rowLines: string[], ncols: number): string[] | undefined {
	let s = rowLines.join('\n');
	const tokens: Array<{v: string; gap: number}> = [];
	for (;;) {
		const trimmed = s.replace(/[ \t]+$/, '');
		const m = VALUE_END.exec(trimmed);
		if (!m) break;
		const before = trimmed.slice(0, m.index);
		const ws = /[ \t\n]*$/.exec(before)![0];
		tokens.unshift({v: cellText(m[1]!), gap: ws.includes('\n') ? 1 : ws.length});
		s = before.slice(0, before.length - ws.length);
		if (s === '') break;
	}
	// "11 000" is one number when the header leaves room for fewer cells.
	for (let k = 0; tokens.length > ncols && k < tokens.length - 1; k++) {
		const [a, b] = [tokens[k + 1]!, tokens[k]!];
		if (a.gap === 1 && /^\d{3}$/.test(a.v) && /^\d{1,3}$/.test(b.v)) {
			b.v = `${b.v} ${a.v}`;
			tokens.splice(k + 1, 1);
			k--;
		}
	}
	if (tokens.length < 2) return undefined;
	const cells: string[] = [];
	tokens.forEach((t, k) => {
		// n spaces between two cells, or between the name and the first value, are n−1 empty cells.
		for (let e = 1; e < t.gap; e++) cells.push('');
		cells.push(t.v);
	});
	while (cells.length > ncols && cells.includes('')) cells.splice(cells.indexOf(''), 1);
	if (cells.length > ncols) return undefined;
	while (cells.length < ncols) cells.splice(cells.length - 1, 0, '');
	const namn = s.replace(/\s+/g, ' ').trim();
	return namn === '' ? undefined : [namn, ...cells];
}

export function readLayoutA(input: Line[]): Unit[] {
	const ls = logicalLines(input);
	const units: Unit[] = [];
	// The text's width, from the 90th percentile of line lengths; a goal heading's lines do not count, however it was wrapped.
	let iRubrik = false;
	const bredder = ls.filter(l => !(iRubrik = HEADING.test(l.text) || (iRubrik && l.text !== '' && !structural(l.text)))).map(l => l.raw.trimEnd().length);
	const width = bredder.sort((a, b) => a - b)[Math.floor(bredder.length * 0.9)] ?? 100;
	let para: {line: number; parts: string[]} | undefined;
	let blank = true;
	let tabell: 'ind' | 'akt' | undefined;
	let ncols = 0;
	let efterHuvud = false;

	const flush = () => {
		if (para) units.push({line: para.line, text: para.parts.join(' ')});
		para = undefined;
	};
	const push = (line: number, text: string, cells?: string[]) => {
		units.push(cells ? {line, text, cells} : {line, text});
		blank = false;
	};
	/** The lines from j up to a blank or structural one: their texts and the index after them. */
	const run = (j: number): {texts: string[]; end: number} => {
		const texts: string[] = [];
		for (; j < ls.length && ls[j]!.text !== '' && !structural(ls[j]!.text); j++) texts.push(ls[j]!.text);
		return {texts, end: j};
	};
	/** The header's lines from i; returns the index after it and its column names. */
	const readHeader = (i: number): {end: number; cols: string[]} => {
		if (AKT_HEADER.test(ls[i]!.text)) return {end: i + 1, cols: ls[i]!.text.split(/\s+/)};
		let text = '';
		let j = i;
		while (j < ls.length && j < i + 30) {
			if (ls[j]!.text !== '') text += (text ? ' ' : '') + ls[j]!.text;
			j++;
			if (/\b(Period|Periodicitet|Kommentar)$/.test(text)) break;
		}
		return {end: j, cols: indColumns(text)};
	};
	/** A table row from line i, however many lines it was wrapped over: the index after it and its cells. */
	const tryRow = (i: number): {end: number; cells: string[]} | undefined => {
		const rows: string[] = [];
		for (let j = i; j < ls.length && j < i + 40; j++) {
			const t = ls[j]!.text;
			if (t === '') continue;
			if (structural(t)) return undefined;
			const d = tabell === 'akt' ? DATES.exec(t) : null;
			if (d) {
				const text = [...rows, t.slice(0, d.index).trim()].filter(Boolean).join(' ').replace(/\s+/g, ' ');
				return text ? {end: j + 1, cells: [text, d[1]!, d[2]!, d[3]!.trim()]} : undefined;
			}
			rows.push(t);
			if (tabell === 'ind' && PERIOD_END.test(t)) {
				const cells = splitRow(rows, ncols - 1);
				return cells && {end: j + 1, cells};
			}
			if (tabell === 'ind' && /[.!?]$/.test(t)) return undefined;
		}
		return undefined;
	};

	for (let i = 0; i < ls.length; i++) {
		const l = ls[i]!;
		const t = l.text;
		if (t === '') {
			flush();
			blank = true;
			continue;
		}
		if (IND_HEADER.test(t) || AKT_HEADER.test(t)) {
			flush();
			const h = readHeader(i);
			i = h.end - 1;
			const typ = AKT_HEADER.test(t) ? 'akt' : 'ind';
			// A header repeated after a page break inside the same table is furniture.
			if (tabell === typ && efterHuvud === false && units.length > 0) {
				efterHuvud = true;
				continue;
			}
			tabell = typ;
			ncols = h.cols.length;
			efterHuvud = true;
			push(l.nr, h.cols.join('\t'), h.cols);
			continue;
		}
		// A lower-case line after a repeated header continues the text before it.
		if (efterHuvud && /^[a-zåäö]/.test(t) && units.length > 0 && !para) {
			const prev = units[units.length - 1]!;
			const {texts, end} = run(i);
			if (prev.cells) {
				const k = prev.cells[0] === 'Analys' ? 1 : 0;
				prev.cells[k] = `${prev.cells[k]} ${texts.join(' ')}`;
				prev.text = prev.cells.filter(Boolean).join('\t');
			} else prev.text += ' ' + texts.join(' ');
			i = end - 1;
			efterHuvud = false;
			continue;
		}
		efterHuvud = false;
		if (tabell && !para) {
			if (tabell === 'akt' && t === 'Analys') {
				let j = i + 1;
				while (j < ls.length && ls[j]!.text === '') j++;
				const {texts, end} = run(j);
				push(l.nr, 'Analys\t' + texts.join(' '), ['Analys', texts.join(' ')]);
				i = end - 1;
				continue;
			}
			const r = (tabell === 'akt' || blank || units[units.length - 1]?.cells) && tryRow(i);
			if (r) {
				push(l.nr, r.cells[0]!, r.cells);
				i = r.end - 1;
				continue;
			}
			// Analysis text under an indicator table stays in the table; an activity table ends here.
			if (tabell === 'akt') tabell = undefined;
		}
		if (HEADING.test(t)) {
			flush();
			tabell = undefined;
			const {texts, end} = run(i + 1);
			push(l.nr, [t, ...texts].join(' '));
			i = end - 1;
			continue;
		}
		if (STATUS.test(t) || KEYWORD.test(t)) {
			flush();
			push(l.nr, t);
			continue;
		}
		if (BULLET.test(t) || SUBHEADING.test(t)) flush();
		if (!para) para = {line: l.nr, parts: []};
		para.parts.push(t);
		// Two trailing spaces mark a subheading; a short line ending a sentence ends a paragraph.
		if (/\S {2,}$/.test(l.raw) || (/[.!?:]$/.test(t) && l.raw.trimEnd().length < width * 0.75)) {
			flush();
			blank = false;
		}
	}
	flush();
	return units;
}
