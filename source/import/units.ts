// The two text layouts (domain.md §7) are read into one stream of units: a paragraph or a table row.
import {indColumns, splitRow} from './layout-a.js';
import {AKT_HEADER, DATES, IND_HEADER, type Line} from './recognisers.js';

export interface Unit {
	line: number;
	/** Trimmed text; for a row, the cells joined by a tab. */
	text: string;
	/** Present for table rows: the cells, trimmed, empty cells kept. */
	cells?: string[];
}

export type Layout = 'A' | 'B';

/** Layout A (hard-wrapped): most lines end in a space, or, spaces lost, none is wider than a page and most follow another. */
export function detectLayout(lines: string[]): Layout {
	let [nonBlank, spaced, tabs, long, followed] = [0, 0, 0, 0, 0];
	lines.forEach((raw, i) => {
		if (raw.trim() === '') return;
		nonBlank++;
		if (raw.endsWith(' ')) spaced++;
		if (raw.includes('\t')) tabs++;
		if (raw.length > 160) long++;
		if (i > 0 && lines[i - 1]!.trim() !== '') followed++;
	});
	if (nonBlank === 0 || tabs / nonBlank >= 0.05) return 'B';
	return spaced / nonBlank > 0.6 || (long / nonBlank < 0.005 && followed / nonBlank > 0.4) ? 'A' : 'B';
}

/** A table row whose tabs became spaces, read by the columns of its table's header. */
function spacedRow(text: string, cols: string[]): string[] | undefined {
	if (/^(Analys|Kommentar)\s+\S/.test(text)) return [text];
	if (cols[0] === 'Aktivitet') {
		const d = DATES.exec(text);
		return d ? [text.slice(0, d.index).trim(), d[1]!, d[2]!, d[3]!.trim()] : undefined;
	}
	return splitRow([text], cols.length - 1);
}

/** Layout B: one line per paragraph, tab-separated rows; rejoins sentences split by a blank. */
export function readLayoutB(lines: Line[]): Unit[] {
	const units: Unit[] = [];
	let blank = false;
	let cols: string[] | undefined;
	for (const {nr, raw, gap} of lines) {
		const text = raw.trim();
		if (gap) blank = true;
		if (text === '') {
			blank = true;
			if (!gap) cols = undefined;
			continue;
		}
		// A table whose tabs became spaces: the header names the columns, each row is one line.
		const tabs = raw.includes('\t');
		const header = tabs ? undefined : IND_HEADER.test(text) ? indColumns(text) : AKT_HEADER.test(text) ? text.split(/\s+/) : undefined;
		if (header) cols = header;
		const cells = tabs ? raw.split('\t').map(c => c.trim()) : (header ?? (cols && spacedRow(text, cols)));
		const prev = units[units.length - 1];
		if (cells) units.push({line: nr, text: cells.filter(c => c !== '').join('\t'), cells});
		// A sentence split by a page break: the previous paragraph lacks final punctuation and this one starts in lower case.
		else if (prev && !prev.cells && blank && !/[.!?:;)"”]$/.test(prev.text) && /^[a-zåäöé]/.test(text)) prev.text += ' ' + text;
		else units.push({line: nr, text});
		blank = false;
	}
	return units;
}
