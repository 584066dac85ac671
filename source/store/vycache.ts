// summary's text of a large store (vy.ts: the store without its long analyses, 8 of 22 MB) kept in
// the cache folder, so that the next summary reads neither the whole store nor its hash. It is
// trusted by the store file's identity, size and times, as git trusts its index: any write to the
// file changes its ctime, which nobody can set. A copy is only made of a file whose last change is
// more than a few seconds older than the copy ("racy" otherwise: a write in the same clock tick
// would not show), on a file system with fine timestamps. Only summary reads it; set and every
// other command check the store itself.
import {type BigIntStats, readFileSync, statSync} from 'node:fs';
import {cacheFilFor, skrivCacheFil} from './cachemapp.js';
import {regelNyckel} from './kvitto.js';

/** Smaller stores are read whole in a few ms: no copy. */
export const MIN_STORLEK = 1 << 20;
/** How much older than the copy the file's last change must be. */
const RACY_MS = 2000n;
/** Bump when utanLangaTexter changes what it leaves out. */
const VERSION = 1;

function identitet(s: BigIntStats): string {
	return `${regelNyckel()}|${VERSION}|${s.dev}|${s.ino}|${s.size}|${s.mtimeNs}|${s.ctimeNs}`;
}

/** The stat a copy may be made for, or undefined (racy, coarse times). Take it before reading the bytes. */
export function statForKopia(store: string): BigIntStats | undefined {
	let s: BigIntStats;
	try {
		s = statSync(store, {bigint: true});
	} catch {
		return undefined;
	}
	if (s.size < BigInt(MIN_STORLEK)) return undefined;
	// FAT, HFS+ and some network shares keep whole seconds or milliseconds: not fine enough to trust.
	if (s.mtimeNs % 1_000_000n === 0n && s.ctimeNs % 1_000_000n === 0n) return undefined;
	if (s.ctimeNs / 1_000_000n > BigInt(Date.now()) - RACY_MS) return undefined;
	return s;
}

/** Keeps `text` (utanLangaTexter of the bytes read after `fore` was taken) if the file is still as it was. */
export function skrivKopia(store: string, fore: BigIntStats, text: Uint8Array): void {
	const f = cacheFilFor(store, 'vy');
	try {
		if (!f || identitet(statSync(store, {bigint: true})) !== identitet(fore)) return;
	} catch {
		return;
	}
	skrivCacheFil(f, Buffer.concat([Buffer.from(`${identitet(fore)}\n`), text]));
}

/** The kept text when the store file is still the one it was made from, else undefined. */
export function lasKopia(store: string): Buffer | undefined {
	const f = cacheFilFor(store, 'vy');
	if (!f) return undefined;
	let bytes: Buffer;
	let s: BigIntStats;
	try {
		s = statSync(store, {bigint: true});
		if (s.size < BigInt(MIN_STORLEK)) return undefined;
		bytes = readFileSync(f);
	} catch {
		return undefined;
	}
	const nl = bytes.indexOf(0x0a);
	if (nl === -1 || bytes.toString('utf8', 0, nl) !== identitet(s)) return undefined;
	return bytes.subarray(nl + 1);
}
