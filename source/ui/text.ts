// Screen text: every string from the store passes through here, so control characters are
// shown inert (visibleLine) and no line is wider than its pane.
import {BRYTPUNKT} from '../report/layout.js';
import {visibleLine} from '../report/visible.js';

export type Farg = 'green' | 'yellow' | 'red' | 'gray' | 'cyan' | 'blue' | 'magenta' | 'white';

/** One styled run of text on a screen row. */
export interface Seg {
	t: string;
	c?: Farg;
	dim?: boolean;
	bold?: boolean;
	inv?: boolean;
}

/** One screen row: segments that together are never wider than the pane. */
export type Rad = Seg[];

const COMBINING = /\p{M}/u;
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{1f300}-\u{1faff}\u{20000}-\u{3fffd}]/u;

/** Text from the store made safe for one screen row (controls and newlines as symbols). */
export function visible(text: string): string {
	return visibleLine(text.normalize('NFC'));
}

/** Below U+0300 no character is a mark or wide: one column, without the two regex tests. */
const SMAL = 0x300;

function teckenBredd(ch: string): number {
	if (ch.charCodeAt(0) < SMAL) return 1;
	if (COMBINING.test(ch)) return 0;
	return WIDE.test(ch) ? 2 : 1;
}

/** Columns the text takes on a terminal. */
export function bredd(text: string): number {
	// Every frame measures each segment of each row: most are all below U+0300.
	let i = 0;
	while (i < text.length && text.charCodeAt(i) < SMAL) i++;
	if (i === text.length) return i;
	let w = i;
	for (const ch of text.slice(i)) w += teckenBredd(ch);
	return w;
}

/** The longest start of `text` that fits in `w` columns, and its width. */
function borjan(text: string, w: number): {t: string; w: number} {
	let t = '';
	let used = 0;
	for (const ch of text) {
		const cw = teckenBredd(ch);
		if (used + cw > w) break;
		t += ch;
		used += cw;
	}
	return {t, w: used};
}

/** Cuts `text` to at most `w` columns, marking a cut with '…'. */
export function klipp(text: string, w: number): string {
	if (w <= 0) return '';
	if (bredd(text) <= w) return text;
	return `${borjan(text, w - 1).t}…`;
}

/** Pads with spaces to exactly `w` columns (cutting when longer). */
export function fyll(text: string, w: number): string {
	const k = klipp(text, w);
	return k + ' '.repeat(Math.max(0, w - bredd(k)));
}

/** Word-wraps multi-line text to `w` columns; every output line is made visible. Widths are
 * summed word by word, since the detail pane wraps kilobytes of analysis on every keypress. */
export function radbryt(text: string, w: number): string[] {
	const out: string[] = [];
	for (const stycke of text.normalize('NFC').split('\n')) {
		let rad = '';
		let radW = 0;
		let forsta = true;
		const t = visible(stycke.replace(/\r$/, ''));
		// Only a paragraph with a number in it needs the slower split that keeps "8,2 %" whole.
		for (const o of /\d /.test(t) ? t.split(BRYTPUNKT) : t.split(' ')) {
			const ow = bredd(o);
			if (forsta ? ow <= w : radW + 1 + ow <= w) {
				rad = forsta ? o : `${rad} ${o}`;
				radW += forsta ? ow : 1 + ow;
				forsta = false;
				continue;
			}
			if (!forsta) out.push(rad);
			let rest = o;
			let restW = ow;
			while (restW > w) {
				const del = borjan(rest, w);
				out.push(del.t);
				rest = rest.slice(del.t.length);
				restW -= del.w;
			}
			rad = rest;
			radW = restW;
			forsta = false;
		}
		out.push(rad);
	}
	return out;
}

/** Cuts a styled row to `w` columns. */
export function klippRad(rad: Rad, w: number): Rad {
	const out: Rad = [];
	let kvar = w;
	for (const s of rad) {
		if (kvar <= 0) break;
		const b = bredd(s.t);
		if (b <= kvar) {
			out.push(s);
			kvar -= b;
		} else {
			out.push({...s, t: klipp(s.t, kvar)});
			kvar = 0;
		}
	}
	return out;
}

export function radBredd(rad: Rad): number {
	return rad.reduce((n, s) => n + bredd(s.t), 0);
}

/** Cursor shown as an inverse cell: Ink hides the terminal cursor. */
export function medCursor(rad: string, kol: number): Rad {
	const ch = [...rad];
	let used = 0;
	let i = 0;
	while (i < ch.length && used < kol) used += bredd(ch[i++]!);
	return [{t: ch.slice(0, i).join('')}, {t: ch[i] ?? ' ', inv: true}, {t: ch.slice(i + 1).join('')}];
}
