// Line layout for terminal output: cut, wrap and fit measured in visible characters, colour
// codes not counted. Every text from a store goes through visibleLine here.
import {type Niva, type Status} from '../domain/types.js';
import {visibleLine} from './visible.js';

const ANSI = /\u001b\[[0-9;]*m/g;

export function plain(line: string): string {
	return line.replace(ANSI, '');
}

/** One line of store text, at most `width` characters, "…" where it was cut. */
export function cut(text: string, width: number): string {
	const t = visibleLine(text);
	if (t.length <= width) return t;
	return width <= 0 ? '' : `${t.slice(0, width - 1)}…`;
}

// What follows a number's space and stays with it: a unit ("8,2 %", "4 st") or a group of thousands ("11 000").
const MED_TALET = '(?:%|(?:st|kr|tkr|mkr|mnkr|index)(?!\\p{L})|\\d{3}(?!\\d))';
/** The spaces a line may break at: every one but those inside a number as typed ("8,2 %", "2 013"). */
export const BRYTPUNKT = new RegExp(` (?!(?<=\\d )${MED_TALET})`, 'u');
const BRYTPUNKTER = new RegExp(` +(?!(?<=\\d +)${MED_TALET})`, 'u');

/** Words of `text` in lines of at most `width` characters; a longer word is cut. */
export function wrap(text: string, width: number): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of visibleLine(text).split(BRYTPUNKTER)) {
		if (!word) continue;
		if (line && line.length + 1 + word.length > width) {
			lines.push(line);
			line = '';
		}
		line = line ? `${line} ${word}` : word.length > width ? cut(word, width) : word;
	}
	if (line) lines.push(line);
	return lines;
}

/** Keeps a (coloured) line within the width; a line that has to be cut loses its colour. */
export function fit(line: string, width: number): string {
	const p = plain(line);
	return p.length <= width ? line : cut(p, width);
}

/** Pads a (coloured) cell to `width` visible characters. */
export function pad(cell: string, width: number, right = false): string {
	const fill = ' '.repeat(Math.max(0, width - plain(cell).length));
	return right ? fill + cell : cell + fill;
}

export const NIVA_KORT: Record<Niva, string> = {im: 'Inriktningsmål', vo: 'VO-mål', namndmal: 'Nämndmål', enhetsmal: 'Enhetsmål'};

/** One letter per status for matrices; works without colour. */
export const STATUS_BOKSTAV: Record<Status | 'ej', string> = {helt: 'H', delvis: 'D', inte: 'I', 'inga-data': '–', ej: '?'};

const SPARK = '▁▂▃▄▅▆▇█';

/** "▂▅·█": one bar per value between the smallest and the largest, "·" where a value is missing. */
export function sparkline(values: Array<number | undefined>): string {
	const known = values.filter((v): v is number => v !== undefined);
	const min = Math.min(...known);
	const span = Math.max(...known) - min;
	return values.map(v => (v === undefined ? '·' : SPARK[span === 0 ? 3 : Math.round(((v - min) / span) * (SPARK.length - 1))])).join('');
}

/** Dotted ids in numeric order: 1.4.1 before 1.10.1 and 3.4:i2 before 3.4:i10. */
export function compareIds(a: string, b: string): number {
	const x = a.split(/[.:]/);
	const y = b.split(/[.:]/);
	for (let i = 0; i < Math.min(x.length, y.length); i++) {
		const d = x[i]!.localeCompare(y[i]!, 'sv', {numeric: true});
		if (d !== 0) return d;
	}
	return x.length - y.length;
}
