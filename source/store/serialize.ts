// Stable, pretty JSON: keys in the order of the schema (ids in records in natural order), two
// spaces, a trailing newline. The same data always gives the same bytes, so git diffs stay small.
import type {StoreData} from '../domain/types.js';
import {STORE_JSON_SCHEMA, type JsonSchema} from './validate.js';

type Order = (value: unknown) => unknown;

/** "1.9" before "1.10", "3.4:i2" before "3.4:i10". Walks both strings without allocating: it
 * runs once per pair of record keys, thousands of times on every write of a large store. */
export function compareIds(a: string, b: string): number {
	let i = 0;
	let j = 0;
	while (i < a.length && j < b.length) {
		const ca = a.charCodeAt(i);
		const cb = b.charCodeAt(j);
		if (isDigit(ca) && isDigit(cb)) {
			let ie = i;
			let je = j;
			while (ie < a.length && isDigit(a.charCodeAt(ie))) ie++;
			while (je < b.length && isDigit(b.charCodeAt(je))) je++;
			// Compare the numbers without parsing: leading zeros off, then length, then digits.
			let si = i;
			let sj = j;
			while (si < ie - 1 && a.charCodeAt(si) === 48) si++;
			while (sj < je - 1 && b.charCodeAt(sj) === 48) sj++;
			if (ie - si !== je - sj) return ie - si - (je - sj);
			for (let k = 0; k < ie - si; k++) {
				const d = a.charCodeAt(si + k) - b.charCodeAt(sj + k);
				if (d !== 0) return d;
			}
			// Same number written differently ("1", "01"): as text, like the rest.
			if (ie - i !== je - j) return a.slice(i, ie) < b.slice(j, je) ? -1 : 1;
			i = ie;
			j = je;
			continue;
		}
		if (ca !== cb) return ca < cb ? -1 : 1;
		i++;
		j++;
	}
	return a.length - i - (b.length - j);
}

function isDigit(c: number): boolean {
	return c >= 48 && c <= 57;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Builds, once, a function that copies a value with its keys in schema order. */
function orderer(s: JsonSchema): Order | undefined {
	if (s.type === 'array') {
		const item = s.items && orderer(s.items);
		if (!item) return undefined;
		return v => {
			if (!Array.isArray(v)) return v;
			let copy: unknown[] | undefined;
			for (let i = 0; i < v.length; i++) {
				const c = item(v[i]);
				if (c !== v[i]) (copy ??= v.slice())[i] = c;
			}
			return copy ?? v;
		};
	}
	if (s.type !== 'object') return undefined;
	const fields = Object.entries(s.properties ?? {}).map(([k, p]) => [k, orderer(p)] as const);
	const position = new Map(fields.map(([k], i) => [k, i]));
	const orders = fields.map(([, order]) => order);
	const extra = typeof s.additionalProperties === 'object' ? orderer(s.additionalProperties) : undefined;
	const rebuild = (v: Record<string, unknown>): Record<string, unknown> => {
		const out: Record<string, unknown> = {};
		for (const [k, order] of fields) if (v[k] !== undefined) out[k] = order ? order(v[k]) : v[k];
		// Record keys (ids) in natural order; unknown keys cannot pass validation but are never dropped.
		for (const k of Object.keys(v).filter(k => !position.has(k)).sort(compareIds)) {
			if (v[k] !== undefined) out[k] = extra ? extra(v[k]) : v[k];
		}
		return out;
	};
	// Objects read from a file malkoll wrote are already in order: one pass checks that and orders
	// what is inside, copying only what changes, so writing a large store does not copy every object.
	return v => {
		if (!isPlainObject(v)) return v;
		let last = -1;
		let lastExtra: string | undefined;
		let copy: Record<string, unknown> | undefined;
		for (const k in v) {
			const x = v[k];
			if (x === undefined) continue;
			const at = position.get(k);
			if (at === undefined) {
				if (lastExtra !== undefined && compareIds(lastExtra, k) > 0) return rebuild(v);
				lastExtra = k;
			} else if (lastExtra !== undefined || at < last) return rebuild(v);
			else last = at;
			const order = at === undefined ? extra : orders[at];
			const c = order ? order(x) : x;
			if (c !== x) (copy ??= {...v})[k] = c;
		}
		return copy ?? v;
	};
}

const orderStore = orderer(STORE_JSON_SCHEMA)!;

// JSON.stringify leaves C1 controls (U+009B is a one-byte CSI) and bidi overrides raw: escaped,
// `cat` or `export --json` in a terminal stays inert and JSON.parse gives back the same text.
const UNSAFE = /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

function escapeUnsafe(c: string): string {
	return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** JSON for a terminal or a script: like JSON.stringify, with C1 controls and bidi overrides escaped. */
export function safeJson(value: unknown, indent = 2): string {
	return JSON.stringify(value, null, indent).replace(UNSAFE, escapeUnsafe);
}

function storeJson(data: StoreData): string {
	return JSON.stringify(orderStore(data), null, 2).replace(UNSAFE, escapeUnsafe);
}

export function serializeStore(data: StoreData): string {
	return `${storeJson(data)}\n`;
}

/** The bytes of serializeStore, encoded straight into `spare` (the buffer the store was read into)
 * when they fit: on a 6 MB store no joined string and no second 6 MB of fresh memory, whose page
 * faults were a tenth of a `set` here. */
export function serializeStoreBytes(data: StoreData, spare?: Buffer): Buffer {
	const json = storeJson(data);
	const length = Buffer.byteLength(json) + 1;
	const into = spare && spare.length >= length ? spare : Buffer.allocUnsafeSlow(length);
	into.write(json, 0, 'utf8');
	into[length - 1] = 0x0a;
	return into.subarray(0, length);
}
