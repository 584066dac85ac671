// A faster Output.get() for Ink 6, patched into the bundle by scripts/build.mjs (PATCHES).
//
// Ink turns every frame into a grid of one object per cell (120×40 = 4,800), tokenizes every
// written line character by character (grapheme segmentation, an object per character), then
// walks the grid comparing the styles of each cell with the one before. At 120×40 that was three
// quarters of the time from a keypress to its frame. malkoll's frame is one Text node whose rows
// all start at column 0 (app.tsx), so each row of the grid is exactly one written line: its string
// is that line normalized the way the grid would, which this file computes run by run (a run of
// text between two escape codes shares one style) instead of cell by cell.
//
// The result is the same string Ink would make, byte for byte (test/ui-ink-output.test.tsx checks
// it on real frames and on random lines). Anything else falls back to Ink's own get(): clipping
// (overflow hidden), a write not at column 0 (a Box row, padding), two writes on one row, and
// inside a line any escape code other than SGR, the single-byte CSI, or a mark that Ink's
// grapheme segmentation would merge into the end of an escape code.

import {segmenter as unicodeSegmenter} from './unicode.js';

/** One ANSI code as @alcalzone/ansi-tokenize (Ink's tokenizer) represents it. */
export interface AnsiCode {
	type: 'ansi';
	code: string;
	endCode: string;
}

/** The functions of @alcalzone/ansi-tokenize this needs; the patched output.js passes Ink's own. */
export interface AnsiLib {
	tokenize(text: string): Array<AnsiCode | {type: 'char'; value: string; fullWidth: boolean}>;
	styledCharsFromTokens(tokens: ReturnType<AnsiLib['tokenize']>): Array<{value: string; styles: AnsiCode[]}>;
	styledCharsToString(chars: ReturnType<AnsiLib['styledCharsFromTokens']>): string;
	reduceAnsiCodesIncremental(codes: AnsiCode[], newCodes: AnsiCode[]): AnsiCode[];
	diffAnsiCodes(from: AnsiCode[], to: AnsiCode[]): AnsiCode[];
	ansiCodesToString(codes: AnsiCode[]): string;
}

/** An entry of Ink's Output.operations. */
export type InkOperation =
	| {type: 'write'; x: number; y: number; text: string; transformers: Array<(line: string, index: number) => string>}
	| {type: 'clip' | 'unclip'};

// Made on first use (unicode.ts): most frames never need it.
const segmenter = unicodeSegmenter(undefined, {granularity: 'grapheme'});
/** General punctuation (› … –) and the symbol blocks U+2100–U+2BFF (│ ▸ ✓ ⚠) hold no character
 * that joins the one before it (Extend, ZWJ, SpacingMark): so a frame of them needs no ICU.
 * test/ui-ink-unicode.test.ts checks every one of them against Intl.Segmenter. */
export function fogarAldrig(cp: number): boolean {
	return (cp >= 0x2010 && cp <= 0x205f) || (cp >= 0x2100 && cp <= 0x2bff);
}

/** Per code point: would Ink's segmentation join it to the `m` that ends an SGR code? */
const fogas = new Map<number, boolean>();
function fogasTillM(cp: number): boolean {
	if (fogarAldrig(cp)) return false;
	let f = fogas.get(cp);
	if (f === undefined) {
		f = [...segmenter.segment(`m${String.fromCodePoint(cp)}`)].length === 1;
		fogas.set(cp, f);
	}
	return f;
}

/** A style as the grid carries it, interned: the codes Ink would hold after some SGR codes, the
 * state each further code leads to, and the codes written between two styles (a frame has a
 * handful of styles, so after the first frames each run of text costs two map lookups). */
interface Stil {
	codes: AnsiCode[];
	next: Map<string, Stil | null>;
	till: Map<Stil, string>;
}

const stilar = new Map<string, Stil>();
const stil = (codes: AnsiCode[]): Stil => {
	const key = codes.map(c => c.code).join('');
	let s = stilar.get(key);
	if (!s) stilar.set(key, (s = {codes, next: new Map(), till: new Map()}));
	return s;
};
const INGEN = stil([]);
/** Before the first character of a line: its codes are written whole, not as a difference. */
const FORST: Stil = {codes: [], next: new Map(), till: new Map()};

/** The style after the SGR code `code`; null when Ink's tokenize reads it as more than codes. */
function efter(from: Stil, code: string, lib: AnsiLib): Stil | null {
	let s = from.next.get(code);
	if (s === undefined) {
		const tokens = lib.tokenize(code);
		s = tokens.every((x): x is AnsiCode => x.type === 'ansi') ? stil(lib.reduceAnsiCodesIncremental(from.codes, tokens)) : null;
		// A frame uses a handful of codes; a hostile text could bring many, which are not kept.
		if (from.next.size < 100) from.next.set(code, s);
	}
	return s;
}

/** What the grid writes between a character of style `from` (FORST: none yet) and one of `to`. */
function byte(from: Stil, to: Stil, lib: AnsiLib): string {
	let t = from.till.get(to);
	if (t === undefined) {
		t = lib.ansiCodesToString(from === FORST ? to.codes : lib.diffAnsiCodes(from.codes, to.codes));
		if (from.till.size < 100) from.till.set(to, t);
	}
	return t;
}

const SGR = /\x1b\[[0-9;]*m/y;

/** Ink's own way: a line alone on its row, through the grid's functions. */
export function inkRad(line: string, lib: AnsiLib): string {
	return lib.styledCharsToString(lib.styledCharsFromTokens(lib.tokenize(line))).trimEnd();
}

/** What Ink's grid makes of a row holding only `line`, written at column 0. */
export function snabbRad(line: string, lib: AnsiLib): string {
	if (!line.includes('\x1b')) return line.includes('\x9b') ? inkRad(line, lib) : line.trimEnd();
	if (line.includes('\x9b')) return inkRad(line, lib);
	let out = '';
	let nu = INGEN;
	// The style of the last character written.
	let forra = FORST;
	let pos = 0;
	while (pos < line.length) {
		const esc = line.indexOf('\x1b', pos);
		const slut = esc === -1 ? line.length : esc;
		if (slut > pos) {
			// Within a run every character has the same style, so the grid adds no code between them.
			out += byte(forra, nu, lib) + line.slice(pos, slut);
			forra = nu;
		}
		if (esc === -1) break;
		SGR.lastIndex = esc;
		const m = SGR.exec(line);
		const next = m && efter(nu, m[0], lib);
		if (!next) return inkRad(line, lib);
		nu = next;
		pos = esc + m[0].length;
		const cp = line.codePointAt(pos);
		if (cp !== undefined && cp >= 0x300 && fogasTillM(cp)) return inkRad(line, lib);
	}
	if (forra !== FORST) out += byte(forra, INGEN, lib);
	return out.trimEnd();
}

/** Output.get() when every row is at most one line written at column 0 without clipping;
 * undefined otherwise (Ink's own get() then runs). */
export function snabbUtdata(operations: readonly InkOperation[], _width: number, height: number, lib: AnsiLib): {output: string; height: number} | undefined {
	const rader: Array<string | undefined> = Array.from({length: height});
	const vilka: Array<{op: Extract<InkOperation, {type: 'write'}>; lines: string[]}> = [];
	for (const op of operations) {
		if (op.type !== 'write' || op.x !== 0 || !Number.isInteger(op.y) || op.y < 0) return undefined;
		const lines = op.text.split('\n');
		for (let i = 0; i < lines.length && op.y + i < height; i++) {
			if (rader[op.y + i] !== undefined) return undefined;
			rader[op.y + i] = '';
		}
		vilka.push({op, lines});
	}
	// The width does not matter: the grid's blank cells after a line are what trimEnd removes.
	for (const {op, lines} of vilka) {
		for (let i = 0; i < lines.length && op.y + i < height; i++) {
			let line = lines[i]!;
			for (const transformer of op.transformers) line = transformer(line, i);
			rader[op.y + i] = snabbRad(line, lib);
		}
	}
	return {output: rader.map(r => r ?? '').join('\n'), height};
}
