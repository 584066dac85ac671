// The two text layouts (domain.md §7) are read into one stream of units: a paragraph or a
// table row, each with the 1-based line it starts on. The builder only ever sees units.

export interface Unit {
	line: number;
	/** Trimmed text; for a row, the cells joined by a tab. */
	text: string;
	/** Present for table rows: the cells, trimmed, empty cells kept. */
	cells?: string[];
	/** A table-of-contents entry (title followed by a page number or a dot leader). */
	toc?: boolean;
	/** A blank line came before this unit. */
	afterBlank?: boolean;
}

export type Layout = 'A' | 'B';

/** Page furniture that carries no content in either layout. */
export function isFurniture(text: string): boolean {
	return /^Sid \d+ ?\(\d+\)$/.test(text) || text === 'start.stockholm' || /^\d+ ?\(\d+\)$/.test(text);
}

/** Markup that exports leave in the text: bold markers and stray tags. */
export function stripMarkup(text: string): string {
	return text.replace(/\*\*/g, '').replace(/<\/?(?:br|p|b|strong|span)\b[^>]*>/gi, '');
}

const FINAL = /[.!?:;)"”]$/;

/** Layout A when nearly every non-blank line ends in a space (hard-wrapped PDF text). */
export function detectLayout(lines: string[]): Layout {
	let nonBlank = 0;
	let spaced = 0;
	let tabs = 0;
	for (const l of lines) {
		if (l.trim() === '') continue;
		nonBlank++;
		if (l.endsWith(' ')) spaced++;
		if (l.includes('\t')) tabs++;
	}
	if (nonBlank === 0) return 'B';
	return spaced / nonBlank > 0.6 && tabs / nonBlank < 0.05 ? 'A' : 'B';
}

/** Layout B: one line per paragraph, tab-separated rows; rejoins sentences split by a blank. */
export function readLayoutB(lines: string[]): Unit[] {
	const units: Unit[] = [];
	let blank = false;
	for (let i = 0; i < lines.length; i++) {
		const raw = stripMarkup(lines[i]!);
		const text = raw.trim();
		if (text === '' || isFurniture(text)) {
			blank = true;
			continue;
		}
		if (raw.includes('\t')) {
			const cells = raw.split('\t').map(c => c.trim());
			const nonEmpty = cells.filter(c => c !== '');
			const toc = cells.length === 2 && /^\d+$/.test(cells[1]!) && cells[0] !== '';
			units.push({line: i + 1, text: toc ? cells[0]!.replace(/\.{3,}$/, '').trim() : nonEmpty.join('\t'), cells: toc ? undefined : cells, toc, afterBlank: blank});
			blank = false;
			continue;
		}
		const prev = units[units.length - 1];
		// A sentence split by a page break: the previous paragraph lacks final punctuation and this one starts in lower case.
		if (prev && !prev.cells && !prev.toc && blank && !FINAL.test(prev.text) && /^[a-zåäöé]/.test(text)) {
			prev.text += ' ' + text;
			blank = false;
			continue;
		}
		units.push({line: i + 1, text, afterBlank: blank});
		blank = false;
	}
	return units;
}
