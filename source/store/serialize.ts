// Stable, pretty JSON: keys in the order of the schema (ids in records in natural order), two
// spaces, a trailing newline. The same data always gives the same bytes, so git diffs stay small.
import type {StoreData} from '../domain/types.js';
import {STORE_JSON_SCHEMA, type JsonSchema} from './validate.js';

type Order = (value: unknown) => unknown;

/** "1.9" before "1.10", "3.4:i2" before "3.4:i10". */
function compareIds(a: string, b: string): number {
	const pa = a.split(/(\d+)/);
	const pb = b.split(/(\d+)/);
	for (let k = 0; k < Math.min(pa.length, pb.length); k++) {
		if (pa[k] === pb[k]) continue;
		// split() puts the digit runs at odd indexes.
		if (k % 2 === 1) return Number(pa[k]) - Number(pb[k]) || (pa[k]! < pb[k]! ? -1 : 1);
		return pa[k]! < pb[k]! ? -1 : 1;
	}
	return pa.length - pb.length;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Builds, once, a function that copies a value with its keys in schema order. */
function orderer(s: JsonSchema): Order | undefined {
	if (s.type === 'array') {
		const item = s.items && orderer(s.items);
		return item ? v => (Array.isArray(v) ? v.map(item) : v) : undefined;
	}
	if (s.type !== 'object') return undefined;
	const fields = Object.entries(s.properties ?? {}).map(([k, p]) => [k, orderer(p)] as const);
	const known = new Set(fields.map(([k]) => k));
	const extra = typeof s.additionalProperties === 'object' ? orderer(s.additionalProperties) : undefined;
	return v => {
		if (!isPlainObject(v)) return v;
		const out: Record<string, unknown> = {};
		for (const [k, order] of fields) if (v[k] !== undefined) out[k] = order ? order(v[k]) : v[k];
		// Record keys (ids) in natural order; unknown keys cannot pass validation but are never dropped.
		for (const k of Object.keys(v)
			.filter(k => !known.has(k))
			.sort(compareIds)) {
			if (v[k] !== undefined) out[k] = extra ? extra(v[k]) : v[k];
		}
		return out;
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
export function safeJson(value: unknown): string {
	return JSON.stringify(value, null, 2).replace(UNSAFE, escapeUnsafe);
}

export function serializeStore(data: StoreData): string {
	return `${JSON.stringify(orderStore(data), null, 2).replace(UNSAFE, escapeUnsafe)}\n`;
}
