// The multi-line editor as plain data: every key is applied to the current value held by the
// caller, never to what was last rendered, so fast typing cannot lose a character. The keys are
// readline's (keys.ts names them): the chef's shell and the terminal user's muscle memory agree.
import {kommandoFor} from './keys.js';
import {bredd} from './text.js';

interface Text {
	lines: string[];
	row: number;
	/** Cursor column as an index into the code points of the line. */
	col: number;
}

export interface EditorState extends Text {
	/** The screen column Up/Down keep across shorter rows, as every editor does. */
	malKol?: number;
	/** The texts before each change, newest last: Ctrl-Z / Ctrl-_ go back through them. */
	angra?: Text[];
	/** A run of typing (or of Backspace) is one undo step, as in readline. */
	senast?: 'skriv' | 'radera';
	/** What the last Ctrl-U/K/W, Alt-D/Backspace or Ctrl-X took: Ctrl-Y puts it back. */
	kill?: string;
	/** A form field's value as it opened, shown selected: the first typed character replaces it. */
	markerad?: boolean;
}

/** The screen the editor is drawn on: Up/Down move by wrapped row, PgUp/PgDn by `h` of them. */
export interface Yta {
	w: number;
	h: number;
}

const ANGRA_MAX = 200;

export function nyEditor(text: string): EditorState {
	const lines = text.replace(/\r\n?/g, '\n').split('\n');
	const row = lines.length - 1;
	return {lines, row, col: [...lines[row]!].length};
}

/** A form field entered: its whole value selected, the cursor at its end, a new undo step next. */
export function markera(s: EditorState): EditorState {
	const row = s.lines.length - 1;
	return {...s, row, col: cps(s.lines[row]!).length, markerad: editorText(s) !== '' || undefined, senast: undefined, malKol: undefined};
}

export function editorText(s: Text): string {
	return s.lines.join('\n');
}

function cps(line: string): string[] {
	return [...line];
}

const SURROGAT = /[\uD800-\uDFFF]/;

/** `line` with code points [fran, till) replaced by `text`; by string index where every code
 * point is one unit, so typing into a long paragraph copies no array of characters. */
function ersattI(line: string, fran: number, till: number, text: string): string {
	if (!SURROGAT.test(line)) return line.slice(0, fran) + text + line.slice(till);
	const ch = cps(line);
	return [...ch.slice(0, fran), text, ...ch.slice(till)].join('');
}

/** Where each screen row of a line starts (code point indices), soft-wrapped to `w` columns
 * after the last space that fits, as a word processor does. */
function radStarter(ch: string[], w: number): number[] {
	const starter: number[] = [];
	let start = 0;
	do {
		starter.push(start);
		let end = start;
		let used = 0;
		while (end < ch.length && used + bredd(ch[end]!) <= w) used += bredd(ch[end++]!);
		if (end === start && end < ch.length) end++;
		if (end < ch.length) {
			const mellanslag = ch.lastIndexOf(' ', end - 1);
			if (mellanslag >= start) end = mellanslag + 1;
		}
		start = end;
	} while (start < ch.length);
	return starter;
}

/** The screen row of the cursor within its line: a column at a row's end belongs to the next row. */
function radIndex(starter: number[], col: number): number {
	let r = 0;
	while (r + 1 < starter.length && starter[r + 1]! <= col) r++;
	return r;
}

/** The column on screen row `r` of a line nearest to screen column `kol`. */
function kolPaRad(ch: string[], starter: number[], r: number, kol: number): number {
	const start = starter[r]!;
	// The last position of a wrapped row is the next row's start: stop one before it.
	const slut = r + 1 < starter.length ? starter[r + 1]! - 1 : ch.length;
	let i = start;
	let used = 0;
	while (i < slut && used + bredd(ch[i]!) <= kol) used += bredd(ch[i++]!);
	return i;
}

/** Up or down one screen row, keeping the screen column; past the first or last row: to the
 * text's start or end. */
function skarmrad(s: EditorState, steg: -1 | 1, w: number): EditorState {
	const ch = cps(s.lines[s.row]!);
	const starter = radStarter(ch, w);
	const r = radIndex(starter, s.col);
	const malKol = s.malKol ?? bredd(ch.slice(starter[r], s.col).join(''));
	if (r + steg >= 0 && r + steg < starter.length) return {...flytt(s, s.row, kolPaRad(ch, starter, r + steg, malKol)), malKol};
	const row = s.row + steg;
	if (row < 0) return flytt(s, 0, 0);
	if (row >= s.lines.length) return flytt(s, s.row, ch.length);
	const nch = cps(s.lines[row]!);
	const nstarter = radStarter(nch, w);
	return {...flytt(s, row, kolPaRad(nch, nstarter, steg < 0 ? nstarter.length - 1 : 0, malKol)), malKol};
}

/** The whole text as one run of code points and the cursor as an offset in it: words and
 * kills cross paragraph breaks. */
function platt(s: Text): {ch: string[]; pos: number} {
	let pos = 0;
	for (let r = 0; r < s.row; r++) pos += cps(s.lines[r]!).length + 1;
	return {ch: cps(editorText(s)), pos: pos + s.col};
}

function franPlatt(ch: string[], pos: number): Text {
	const fore = ch.slice(0, pos).join('').split('\n');
	return {lines: ch.join('').split('\n'), row: fore.length - 1, col: cps(fore.at(-1)!).length};
}

const ORD = /[\p{L}\p{N}_]/u;
const BLANK = /\s/u;

/** The offset `steg` words away: readline skips what is not a word, then the word. */
function ordGrans(ch: string[], pos: number, steg: -1 | 1, iOrd: (c: string) => boolean): number {
	let p = pos;
	const nasta = () => ch[steg < 0 ? p - 1 : p];
	while (nasta() !== undefined && !iOrd(nasta()!)) p += steg;
	while (nasta() !== undefined && iOrd(nasta()!)) p += steg;
	return p;
}

const iOrd = (c: string) => ORD.test(c);
const ejBlank = (c: string) => !BLANK.test(c);

type Plats = Pick<Text, 'row' | 'col'>;

/** Where a word jump from the cursor lands; worked out on the cursor's line unless it reaches
 * the line's edge, so a long text is not flattened for every word. */
function ordPlats(s: EditorState, steg: -1 | 1, iOrd: (c: string) => boolean): Plats {
	const line = cps(s.lines[s.row]!);
	const p = ordGrans(line, s.col, steg, iOrd);
	if (steg < 0 ? p > 0 || s.row === 0 : p < line.length || s.row === s.lines.length - 1) return {row: s.row, col: p};
	const {ch, pos} = platt(s);
	return franPlatt(ch, ordGrans(ch, pos, steg, iOrd));
}

/** Removes the text between the cursor and `till` into the kill buffer. */
function klipp(s: EditorState, till: Plats): EditorState {
	const [a, b] = till.row < s.row || (till.row === s.row && till.col < s.col) ? [till, s] : [s, till];
	if (a.row === b.row && a.col === b.col) return s;
	if (a.row === b.row) {
		const line = s.lines[s.row]!;
		const lines = [...s.lines];
		lines[s.row] = ersattI(line, a.col, b.col, '');
		return andrad(s, {lines, row: s.row, col: a.col, kill: cps(line).slice(a.col, b.col).join('')});
	}
	const {ch} = platt(s);
	const fran = platt({...s, ...a}).pos;
	const slut = platt({...s, ...b}).pos;
	return andrad(s, {...franPlatt([...ch.slice(0, fran), ...ch.slice(slut)], fran), kill: ch.slice(fran, slut).join('')});
}

/** A change of text: the text before goes on the undo stack, unless it continues a run. */
function andrad(fore: EditorState, efter: Text & Partial<EditorState>, slag?: EditorState['senast']): EditorState {
	const ny = slag !== undefined && fore.senast === slag;
	const angra = ny ? (fore.angra ?? []) : [...(fore.angra ?? []).slice(-(ANGRA_MAX - 1)), {lines: fore.lines, row: fore.row, col: fore.col}];
	return {kill: fore.kill, ...efter, angra, senast: slag, malKol: undefined, markerad: undefined};
}

function infoga(s: EditorState, text: string, slag?: EditorState['senast']): EditorState {
	if (text.length === 1 || (text.length === 2 && [...text].length === 1)) {
		// One character typed: only its line changes, so a long paste typed key by key stays linear.
		const line = s.lines[s.row]!;
		const lines = [...s.lines];
		if (text === '\n') {
			const fore = ersattI(line, s.col, Infinity, '');
			lines.splice(s.row, 1, fore, line.slice(fore.length));
			return andrad(s, {lines, row: s.row + 1, col: 0}, slag);
		}
		lines[s.row] = ersattI(line, s.col, s.col, text);
		return andrad(s, {lines, row: s.row, col: s.col + 1}, slag);
	}
	const {ch, pos} = platt(s);
	const ny = cps(text.replace(/\r\n?/g, '\n'));
	return andrad(s, franPlatt([...ch.slice(0, pos), ...ny, ...ch.slice(pos)], pos + ny.length), slag);
}

/** Only the cursor moved: a new run of typing starts after it. */
function flytt(s: EditorState, row: number, col: number): EditorState {
	return {...s, row, col, malKol: undefined, senast: undefined, markerad: undefined};
}

/** Applies one key name (see keys.ts) to the editor; returns the same object when nothing changed. */
export function editorTangent(s: EditorState, tangent: string, yta: Yta = {w: Infinity, h: 1}): EditorState {
	const id = kommandoFor('editor', tangent);
	if (s.markerad) {
		// The selected value goes at the first character typed, or at Backspace/Delete; any move keeps it.
		const tom = editorText(s) === '';
		if ([...tangent].length === 1 && id === undefined) return andrad(s, {lines: [tangent], row: 0, col: 1}, 'skriv');
		if (!tom && (tangent === 'backspace' || tangent === 'delete')) return andrad(s, {lines: [''], row: 0, col: 0, kill: editorText(s)});
		s = {...s, markerad: undefined};
	}
	// Counted only by the keys that need it: typing must not walk the paragraph.
	const radLangd = () => cps(s.lines[s.row]!).length;
	const sista = s.lines.length - 1;
	switch (id ?? tangent) {
		case 'nyRad':
			return infoga(s, '\n');
		case 'backspace': {
			if (s.col === 0 && s.row === 0) return s;
			if (s.col > 0) {
				const lines = [...s.lines];
				lines[s.row] = ersattI(s.lines[s.row]!, s.col - 1, s.col, '');
				return andrad(s, {lines, row: s.row, col: s.col - 1}, 'radera');
			}
			const {ch, pos} = platt(s);
			return andrad(s, franPlatt([...ch.slice(0, pos - 1), ...ch.slice(pos)], pos - 1), 'radera');
		}
		case 'delete': {
			const {ch, pos} = platt(s);
			if (pos === ch.length) return s;
			return andrad(s, franPlatt([...ch.slice(0, pos), ...ch.slice(pos + 1)], pos), 'radera');
		}
		case 'left':
			if (s.col > 0) return flytt(s, s.row, s.col - 1);
			return s.row > 0 ? flytt(s, s.row - 1, cps(s.lines[s.row - 1]!).length) : s;
		case 'right':
			if (s.col < radLangd()) return flytt(s, s.row, s.col + 1);
			return s.row < sista ? flytt(s, s.row + 1, 0) : s;
		case 'radUpp':
			return skarmrad(s, -1, yta.w);
		case 'radNer':
			return skarmrad(s, 1, yta.w);
		case 'sidaUpp':
		case 'sidaNer': {
			let t = s;
			for (let i = 0; i < Math.max(1, yta.h); i++) t = skarmrad(t, id === 'sidaUpp' ? -1 : 1, yta.w);
			return t;
		}
		case 'radStart':
			return flytt(s, s.row, 0);
		case 'radSlut':
			return flytt(s, s.row, radLangd());
		case 'textStart':
			return flytt(s, 0, 0);
		case 'textSlut':
			return flytt(s, sista, cps(s.lines[sista]!).length);
		case 'ordVanster':
		case 'ordHoger': {
			const t = ordPlats(s, id === 'ordVanster' ? -1 : 1, iOrd);
			return flytt(s, t.row, t.col);
		}
		case 'raderaTillStart':
			return klipp(s, {row: s.row, col: 0});
		case 'raderaTillSlut': {
			// At the end of a line Ctrl-K joins the next one, as in Emacs.
			const langd = radLangd();
			return klipp(s, s.col < langd || s.row === sista ? {row: s.row, col: langd} : {row: s.row + 1, col: 0});
		}
		case 'raderaOrd':
			return klipp(s, ordPlats(s, -1, ejBlank));
		case 'raderaOrdDel':
			return klipp(s, ordPlats(s, -1, iOrd));
		case 'raderaOrdFram':
			return klipp(s, ordPlats(s, 1, iOrd));
		case 'tomText': {
			const text = editorText(s);
			return text === '' ? s : andrad(s, {lines: [''], row: 0, col: 0, kill: text});
		}
		case 'klistraKill':
			return s.kill ? infoga(s, s.kill) : s;
		case 'angraText': {
			const angra = s.angra ?? [];
			const fore = angra.at(-1);
			return fore ? {...fore, angra: angra.slice(0, -1), kill: s.kill} : s;
		}
		default:
			if ([...tangent].length !== 1 || id !== undefined) return s;
			return infoga(s, tangent, 'skriv');
	}
}

/** The screen rows of the editor, soft-wrapped to `w` columns, and where the cursor is. */
export function editorRader(s: EditorState, w: number): {rader: string[]; cursorRad: number; cursorKol: number} {
	const rader: string[] = [];
	let cursorRad = 0;
	let cursorKol = 0;
	s.lines.forEach((line, i) => {
		const ch = cps(line);
		const starter = radStarter(ch, w);
		if (i === s.row) {
			const r = radIndex(starter, s.col);
			cursorRad = rader.length + r;
			cursorKol = bredd(ch.slice(starter[r], s.col).join(''));
		}
		starter.forEach((start, r) => rader.push(ch.slice(start, starter[r + 1] ?? ch.length).join('')));
	});
	return {rader, cursorRad, cursorKol};
}
