// A receipt ("kvitto") that a store file's exact bytes have been read and validated by this
// version of malkoll, kept in the user's cache folder. The next read of the same bytes (same
// SHA-256) skips the validation, and when the bytes are also in the canonical layout that
// serializeStore writes, a command may read only the part it needs (see vy.ts). Any change to
// the file by anyone changes the hash, so the next read validates everything again. The receipt
// is a cache: lost, torn or unwritable, the store is simply validated as before.
import {createHash} from 'node:crypto';
import {readFileSync} from 'node:fs';
import {SCHEMA_VERSION} from '../domain/types.js';
import {cacheFilFor, skrivCacheFil} from './cachemapp.js';
import {STORE_JSON_SCHEMA} from './validate.js';

/** Bump when the validation rules change in a way the JSON Schema does not show. */
const REGLER = 1;

export interface Kvitto {
	/** The bytes are exactly what serializeStore writes for their data. */
	kanonisk: boolean;
}

let nyckel: string | undefined;
/** What a receipt is valid for: this schema and these rules. */
export function regelNyckel(): string {
	nyckel ??= createHash('sha256').update(`${SCHEMA_VERSION}|${REGLER}|${JSON.stringify(STORE_JSON_SCHEMA)}`).digest('hex').slice(0, 16);
	return nyckel;
}

/** The SHA-256 of bytes given whole, in parts, or as the text they encode (UTF-8), in hex. */
export function sha256(bytes: string | Uint8Array | readonly Uint8Array[]): string {
	const h = createHash('sha256');
	if (typeof bytes === 'string' || !Array.isArray(bytes)) h.update(bytes as string | Uint8Array);
	else for (const part of bytes) h.update(part);
	return h.digest('hex');
}

function storlek(bytes: string | Uint8Array | readonly Uint8Array[]): number {
	if (typeof bytes === 'string') return Buffer.byteLength(bytes);
	if (!Array.isArray(bytes)) return (bytes as Uint8Array).byteLength;
	let n = 0;
	for (const part of bytes) n += part.byteLength;
	return n;
}

/** The receipt for exactly these bytes of `file`, or undefined (none, another version, other bytes). */
export function lasKvitto(file: string, bytes: Uint8Array): Kvitto | undefined {
	const fil = cacheFilFor(file, 'validerad');
	if (!fil) return undefined;
	let k: {nyckel?: unknown; storlek?: unknown; sha256?: unknown; kanonisk?: unknown};
	try {
		k = JSON.parse(readFileSync(fil, 'utf8'));
	} catch {
		return undefined;
	}
	if (k.nyckel !== regelNyckel() || k.storlek !== bytes.byteLength || typeof k.sha256 !== 'string') return undefined;
	if (sha256(bytes) !== k.sha256) return undefined;
	return {kanonisk: k.kanonisk === true};
}

/** Records that `bytes` (the file's content now) are valid; never fails. */
export function skrivKvitto(file: string, bytes: string | Uint8Array | readonly Uint8Array[], kvitto: Kvitto, sha = sha256(bytes)): void {
	const fil = cacheFilFor(file, 'validerad');
	if (fil) skrivCacheFil(fil, `${JSON.stringify({nyckel: regelNyckel(), storlek: storlek(bytes), sha256: sha, kanonisk: kvitto.kanonisk})}\n`);
}
