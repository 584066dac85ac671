// Reading and changing a store file. lowdb's Low holds the data; our adapter does the careful
// parts (strict decoding, schema, migration, atomic write with backup). Every change goes through
// applyChanges: lock, re-read from disk, applyOp, validate, write, history, unlock.
import {existsSync, readFileSync, realpathSync, statSync} from 'node:fs';
import {mkdir} from 'node:fs/promises';
import path from 'node:path';
import {Low, type Adapter} from 'lowdb';
import {applyOp, type Change, type Op} from '../domain/ops.js';
import {type Period, SCHEMA_VERSION, type StoreData} from '../domain/types.js';
import {MalkollError} from '../errors.js';
import {errorCode, fault, writeFileAtomic} from './atomic.js';
import {defaultAuthor} from './history.js';
import {withLock} from './lock.js';
import {decodeStore, parseStore} from './parse.js';
import {findBundledDataDir} from './paths.js';
import {validateStore} from './validate.js';
import {type Kvitto, lasKvitto, sha256, skrivKvitto} from './kvitto.js';
import {avslutaVantande, medVantande, stadaVantande} from './vantande.js';
import {lasVy, parse as parseVy, utanLangaTexter} from './vy.js';
import {lasKopia, skrivKopia, statForKopia} from './vycache.js';
import {type FollowUpEdit, patchFollowUp, serializeStore} from './serialize.js';

const READ_PROBLEM: Record<string, string> = {
	ENOENT: 'filen finns inte',
	EISDIR: 'är en mapp, inte en fil',
	EACCES: 'ingen behörighet att läsa filen',
	EPERM: 'ingen behörighet att läsa filen',
};

const HEADER = `{\n  "schemaVersion": ${SCHEMA_VERSION},\n`;

// One synchronous read: fs/promises reads a large file in 512 KB turns of the thread pool.
function readBytes(file: string): Buffer {
	try {
		return readFileSync(file);
	} catch (error) {
		const problem = READ_PROBLEM[errorCode(error) ?? ''];
		if (problem) throw new MalkollError(`${file}: ${problem}`);
		throw error;
	}
}

/** How a store is read: `strict` validates even bytes with a receipt (malkoll validate);
 * `utanLangaTexter` may leave out long indicator and activity analyses (vy.ts), for reading only. */
export interface LoadOptions {
	strict?: boolean;
	utanLangaTexter?: boolean;
}

/** A store file's bytes as read, and its receipt when it is at the current schema version and has one. */
interface Read {
	bytes: Buffer;
	current: boolean;
	kvitto?: Kvitto;
}

function readStoreFile(file: string, strict = false): Read {
	const bytes = readBytes(file);
	// Only a file already at the current schema version can be canonical: a migrated one is written whole.
	const current = bytes.toString('utf8', 0, HEADER.length) === HEADER;
	return {bytes, current, kvitto: current && !strict ? lasKvitto(file, bytes) : undefined};
}

/** Writes `bytes` as the store (after its history lines are pending), with the receipt for them. */
async function writeBytes(file: string, bytes: string | Buffer | Buffer[], changes: readonly Change[]): Promise<void> {
	refuseBundled(file);
	const sha = sha256(bytes);
	await medVantande(file, sha, changes, () => writeFileAtomic(file, bytes));
	skrivKvitto(file, bytes, {kanonisk: true}, sha);
}

class StoreFile implements Adapter<StoreData> {
	/** Set when every change since the validated read was a follow-up 'set', whose values applyOp
	 * has checked field by field: the whole-store validation before writing can then be skipped. */
	checked = false;
	/** The bytes as read when they are canonical (a patch keeps them so), and the follow-up entries
	 * changed since: written as a patch. */
	raw?: Buffer;
	edits?: FollowUpEdit[];
	/** What this write records in the history (vantande.ts). */
	changes: Change[] = [];

	constructor(
		private readonly file: string,
		private readonly opts: LoadOptions = {},
		/** The file as the caller has already read it. */
		private readonly read0?: Read,
	) {}

	async read(): Promise<StoreData> {
		if (this.opts.utanLangaTexter && !this.opts.strict) {
			const kopia = lasKopia(this.file);
			if (kopia) {
				try {
					return parseVy(kopia) as StoreData;
				} catch {
					// A torn copy: read the store.
				}
			}
		}
		const fore = this.opts.utanLangaTexter ? statForKopia(this.file) : undefined;
		const {bytes, current, kvitto} = this.read0 ?? readStoreFile(this.file, this.opts.strict);
		if (kvitto) {
			if (kvitto.kanonisk) this.raw = bytes;
			const text = kvitto.kanonisk && this.opts.utanLangaTexter ? utanLangaTexter(bytes) : undefined;
			if (text && fore) skrivKopia(this.file, fore, text);
			return (text ? parseVy(text) : JSON.parse(bytes.toString('utf8'))) as StoreData;
		}
		const text = decodeStore(bytes, this.file);
		const data = parseStore(text, this.file);
		if (current) {
			const kanonisk = serializeStore(data) === text;
			if (kanonisk) this.raw = bytes;
			skrivKvitto(this.file, bytes, {kanonisk});
		}
		return data;
	}

	async write(data: StoreData): Promise<void> {
		if (!this.checked) validateStore(data, this.file);
		const patched = this.checked && this.raw && this.edits ? patchFollowUp(this.raw, this.edits) : undefined;
		await writeBytes(this.file, patched ?? serializeStore(data), this.changes);
	}
}

// The examples shipped in data/ are read-only for the app: a chef works on a copy.
function refuseBundled(file: string): void {
	const data = findBundledDataDir();
	if (!data) return;
	let dir: string;
	try {
		dir = realpathSync(path.dirname(path.resolve(file)));
	} catch {
		return;
	}
	if (dir === realpathSync(data)) {
		throw new MalkollError(`${file}: exempelfilerna i malkolls data/ ändras aldrig; arbeta i en kopia (--data)`);
	}
}

async function openStore(file: string, opts?: LoadOptions, read?: Read): Promise<{db: Low<StoreData>; adapter: StoreFile}> {
	const adapter = new StoreFile(file, opts, read);
	return {db: new Low(adapter, await adapter.read()), adapter};
}

/** Reads, decodes, parses, migrates (in memory only) and validates a store. */
export async function loadStore(file: string, opts?: LoadOptions): Promise<StoreData> {
	return (await openStore(file, opts)).db.data;
}

/** Applies `ops` (or the ops a function makes from the current data) to the store on disk, all or nothing, and records them in the history;
 * `restore` marks the changes as restoring that version (Change.restore); `force` allows changing a period marked inlämnad;
 * `ids` promises that the ops only set follow-up fields of these ids, so a view of the store may do (the data returned may then be that view). */
export async function applyChanges(
	file: string,
	ops: Op[] | ((current: StoreData) => Op[]),
	opts: {author?: string; now?: Date; restore?: number; force?: boolean; ids?: readonly string[]} = {},
): Promise<{data: StoreData; changes: Change[]}> {
	const at = (opts.now ?? new Date()).toISOString();
	const author = opts.author ?? defaultAuthor();
	const apply = (data: StoreData, list: Op[], edits: FollowUpEdit[]): Change[] => {
		const changes: Change[] = [];
		for (const op of list) {
			const change = applyOp(data, op, at, author, {force: opts.force});
			changes.push(opts.restore === undefined ? change : {...change, restore: opts.restore});
		}
		for (const e of edits) e.after = (data.followUp[e.period as Period]?.[e.bucket] as Record<string, unknown> | undefined)?.[e.id];
		return changes;
	};
	return withLock(file, async () => {
		fault('holding-lock');
		await stadaVantande(file);
		const read = readStoreFile(file);
		if (opts.ids && read.kvitto?.kanonisk) {
			const done = await applyToView(file, read.bytes, ops, opts.ids, apply);
			if (done) return done;
		}
		const {db, adapter} = await openStore(file, {}, read);
		// Ops may be worked out from the data as read under the lock (e.g. the store's current period).
		const list = typeof ops === 'function' ? ops(db.data) : ops;
		if (list.length === 0) return {data: db.data, changes: []};
		adapter.checked = list.every(op => op.op === 'set');
		const edits = followUpEdits(db.data, list);
		let changes: Change[] = [];
		await db.update(data => {
			changes = apply(data, list, edits);
			adapter.edits = edits;
			adapter.changes = changes;
		});
		await avslutaVantande(file, changes);
		return {data: db.data, changes};
	});
}

/** The follow-up entries the 'set' ops change, as they are before. */
function followUpEdits(data: StoreData, list: Op[]): FollowUpEdit[] {
	const edits = new Map<string, FollowUpEdit>();
	for (const op of list) {
		if (op.op !== 'set') continue;
		const bucket = op.entity === 'goal' ? 'goals' : op.entity === 'indicator' ? 'indicators' : 'activities';
		const key = `${op.period}|${bucket}|${op.id}`;
		const entry = (data.followUp[op.period]?.[bucket] as Record<string, unknown> | undefined)?.[op.id];
		if (!edits.has(key)) edits.set(key, {period: op.period, bucket, id: op.id, before: structuredClone(entry), after: undefined});
	}
	return [...edits.values()];
}

/** A change to the follow-up of `ids` only, made on a view of the store (vy.ts) and written as a
 * patch, for `bytes` a receipt vouches for as canonical; undefined when that cannot be done, and
 * then nothing has been written: the caller reads the whole store. Runs under the lock. */
async function applyToView(
	file: string,
	bytes: Buffer,
	ops: Op[] | ((current: StoreData) => Op[]),
	ids: readonly string[],
	apply: (data: StoreData, list: Op[], edits: FollowUpEdit[]) => Change[],
): Promise<{data: StoreData; changes: Change[]} | undefined> {
	const view = lasVy(bytes, ids);
	if (!view) return undefined;
	const list = typeof ops === 'function' ? ops(view) : ops;
	if (list.length === 0 || !list.every(op => op.op === 'set' && ids.includes(op.id))) return undefined;
	const edits = followUpEdits(view, list);
	const changes = apply(view, list, edits);
	const parts = patchFollowUp(bytes, edits);
	if (!parts) return undefined;
	await writeBytes(file, parts, changes);
	await avslutaVantande(file, changes);
	return {data: view, changes};
}

/** Writes a new store (import --out); refuses to replace an existing file unless `overwrite`. */
export async function writeStore(file: string, data: StoreData, opts: {overwrite?: boolean} = {}): Promise<void> {
	validateStore(data, file);
	await mkdir(path.dirname(path.resolve(file)), {recursive: true});
	await withLock(file, async () => {
		if (!opts.overwrite && existsSync(file)) throw new MalkollError(`${file}: filen finns redan och skrivs inte över`);
		await writeBytes(file, serializeStore(data), []);
	});
}

/** Calls `onChange` when the file is replaced or changed by anyone. Polls inode, size and mtime,
 * since fs.watch loses track of a file that is replaced by rename. Returns stop(). */
export function watchStore(file: string, onChange: () => void, intervalMs = 500): () => void {
	const signature = (): string => {
		try {
			const s = statSync(file);
			return `${s.ino}:${s.size}:${s.mtimeMs}`;
		} catch {
			return 'saknas';
		}
	};
	let last = signature();
	const timer = setInterval(() => {
		const now = signature();
		if (now !== last) {
			last = now;
			onChange();
		}
	}, intervalMs);
	timer.unref();
	return () => clearInterval(timer);
}
