// From bytes to a valid StoreData, with a one-line error that points at the file and the
// line:column or JSON path when anything is wrong.
import {isUtf8} from 'node:buffer';
import {MalkollError} from '../errors.js';
import type {StoreData} from '../domain/types.js';
import {migrate} from './migrate.js';
import {keysValidated, validateStore} from './validate.js';

/** Parses, migrates and validates the text of a store file; `file` names it in errors. */
export function parseStore(text: string, file: string): StoreData {
	const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
	if (body.trim() === '') throw new MalkollError(`${file}: filen är tom`);
	let value: unknown;
	try {
		value = JSON.parse(body);
	} catch (error) {
		if (!(error instanceof SyntaxError)) throw error;
		throw new MalkollError(syntaxMessage(body, file, error.message));
	}
	const data = validateStore(migrate(value, file), file);
	// JSON.parse keeps the last of two equal keys: the next write would drop the first in silence.
	// Counting keys in the text is cheap; only when it finds more than the tree holds is the text scanned.
	if (keysInText(body) !== keysValidated()) {
		const dup = scanJson(body, true);
		if (dup) {
			const {line, column} = lineColumn(body, dup.pos);
			throw new MalkollError(`${file}:${line}:${column}: ${dup.reason}`);
		}
	}
	return data;
}

/** The keys in valid JSON text: every `"` that ends a string and is followed by `:` (a `"` inside a
 * string is escaped, told by an odd run of backslashes before it). */
function keysInText(text: string): number {
	let n = 0;
	for (let i = text.indexOf('":'); i !== -1; i = text.indexOf('":', i + 2)) if (!escaped(text, i)) n++;
	// A hand edit may put space before the colon; malkoll's own layout never does.
	const spaced = /"[ \t\n\r]+:/g;
	for (let m = spaced.exec(text); m; m = spaced.exec(text)) if (!escaped(text, m.index)) n++;
	return n;
}

function escaped(text: string, quote: number): boolean {
	let k = quote - 1;
	while (text.charCodeAt(k) === 0x5c) k--;
	return (quote - 1 - k) % 2 === 1;
}

/** Decodes the bytes of a store file as strict UTF-8. */
export function decodeStore(bytes: Uint8Array, file: string): string {
	if (bytes.length === 0) throw new MalkollError(`${file}: filen är tom`);
	// isUtf8 (simdutf) and toString are several times faster than a fatal TextDecoder on a large store.
	if (isUtf8(bytes)) return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
	if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
		throw new MalkollError(`${file}: filen är sparad som UTF-16; spara den som UTF-8`);
	}
	{
		const at = firstInvalidUtf8(bytes);
		let line = 1;
		for (let i = 0; i < at; i++) if (bytes[i] === 0x0a) line++;
		const byte = bytes[at]!.toString(16).toUpperCase().padStart(2, '0');
		throw new MalkollError(`${file}:${line}: inte giltig UTF-8 (byte 0x${byte}, kanske Windows-1252); spara filen som UTF-8`);
	}
}

/** The offset of the first byte that starts no valid UTF-8 sequence: overlong forms, surrogates
 * and code points above U+10FFFF included (Unicode table 3-7), as isUtf8 judges them. */
function firstInvalidUtf8(b: Uint8Array): number {
	let i = 0;
	while (i < b.length) {
		const c = b[i]!;
		const n = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
		if (n < 0) return i;
		// The second byte's range depends on the first: E0 A0–BF, ED 80–9F, F0 90–BF, F4 80–8F.
		const [lo, hi] = c === 0xe0 ? [0xa0, 0xbf] : c === 0xed ? [0x80, 0x9f] : c === 0xf0 ? [0x90, 0xbf] : c === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf];
		if (n > 0 && !((b[i + 1] ?? 0) >= lo && (b[i + 1] ?? 0) <= hi)) return i;
		for (let k = 2; k <= n; k++) if (((b[i + k] ?? 0) & 0xc0) !== 0x80) return i;
		i += n + 1;
	}
	return Math.max(0, b.length - 1);
}

function syntaxMessage(text: string, file: string, v8Message: string): string {
	const v8Pos = /at position (\d+)/.exec(v8Message);
	let found: {pos: number; reason: string} | undefined;
	try {
		found = scanJson(text);
	} catch {
		// Nesting too deep for the scanner: V8's own message has to do.
	}
	// The scanner knows every error it finds in Swedish; V8's position and words are the fallback.
	const pos = found?.pos ?? (v8Pos ? Number(v8Pos[1]) : 0);
	const reason = found?.reason ?? v8Message.replace(/ in JSON at position \d+.*$/, '');
	const {line, column} = lineColumn(text, pos);
	return `${file}:${line}:${column}: ogiltig JSON: ${reason}`;
}

function lineColumn(text: string, pos: number): {line: number; column: number} {
	let line = 1;
	let lineStart = 0;
	for (let i = text.indexOf('\n'); i !== -1 && i < pos; i = text.indexOf('\n', i + 1)) {
		line++;
		lineStart = i + 1;
	}
	return {line, column: pos - lineStart + 1};
}

/** Finds the first syntax error in `text` (which JSON.parse has rejected) and says what it is;
 * with `duplicates`, in valid JSON, the first key given twice in one object. */
function scanJson(text: string, duplicates = false): {pos: number; reason: string} | undefined {
	let i = 0;
	const fail = (reason: string): never => {
		throw new ScanError(i, reason);
	};
	const ws = () => {
		while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
	};
	const unexpected = (expected: string): never =>
		fail(i >= text.length ? `filen tar slut, väntade ${expected}` : `oväntat ${JSON.stringify(text[i])}, väntade ${expected}`);
	const string = () => {
		i++;
		for (;;) {
			if (i >= text.length) fail('filen tar slut mitt i en text (saknas ett ")');
			const c = text.charCodeAt(i);
			if (c === 0x22) {
				i++;
				return;
			}
			if (c < 0x20) fail('radbrytning eller kontrolltecken i en text (skriv \\n)');
			if (c === 0x5c) {
				const e = text[i + 1];
				if (e === 'u') {
					if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail('ogiltig \\u-escape');
					i += 6;
				} else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
				else fail(`ogiltig escape \\${e ?? ''}`);
			} else i++;
		}
	};
	const number = () => {
		const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
		if (!m) unexpected('ett värde');
		i += m![0].length;
	};
	const value = (): void => {
		ws();
		const c = text[i];
		if (c === '{') {
			i++;
			ws();
			if (text[i] === '}') {
				i++;
				return;
			}
			const keys = duplicates ? new Map<string, number>() : undefined;
			for (;;) {
				ws();
				if (text[i] !== '"') {
					if (text[i] === '}') fail('kommatecken före }');
					unexpected('ett fältnamn inom "');
				}
				const start = i;
				string();
				if (keys) {
					const key = JSON.parse(text.slice(start, i)) as string;
					const first = keys.get(key);
					if (first !== undefined) {
						i = start;
						fail(`fältet ${JSON.stringify(key)} står två gånger i samma objekt (först på rad ${lineColumn(text, first).line}); ta bort det ena`);
					}
					keys.set(key, start);
				}
				ws();
				if (text[i] !== ':') unexpected(':');
				i++;
				value();
				ws();
				if (text[i] === ',') {
					i++;
					continue;
				}
				if (text[i] === '}') {
					i++;
					return;
				}
				unexpected(', eller }');
			}
		}
		if (c === '[') {
			i++;
			ws();
			if (text[i] === ']') {
				i++;
				return;
			}
			for (;;) {
				ws();
				if (text[i] === ']') fail('kommatecken före ]');
				value();
				ws();
				if (text[i] === ',') {
					i++;
					continue;
				}
				if (text[i] === ']') {
					i++;
					return;
				}
				unexpected(', eller ]');
			}
		}
		if (c === '"') return string();
		for (const word of ['true', 'false', 'null']) {
			if (text.startsWith(word, i)) {
				i += word.length;
				return;
			}
		}
		if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return number();
		unexpected('ett värde');
	};
	try {
		value();
		ws();
		if (i < text.length) fail(`oväntat ${JSON.stringify(text[i])} efter slutet av JSON-värdet`);
	} catch (error) {
		if (error instanceof ScanError) return {pos: error.pos, reason: error.message};
		throw error;
	}
	return undefined;
}

class ScanError extends Error {
	constructor(
		readonly pos: number,
		message: string,
	) {
		super(message);
	}
}
