// Reading and changing a store file. lowdb's Low holds the data; our adapter does the careful
// parts (strict decoding, schema, migration, atomic write with backup). Every change goes through
// applyChanges: lock, re-read from disk, applyOp, validate, write, history, unlock.
import {existsSync, realpathSync, statSync} from 'node:fs';
import {mkdir} from 'node:fs/promises';
import path from 'node:path';
import {Low, type Adapter} from 'lowdb';
import {applyOp, type Change, type Op} from '../domain/ops.js';
import type {StoreData} from '../domain/types.js';
import {MalkollError} from '../errors.js';
import {MAX_INPUT, readInput} from '../input.js';
import {errorCode, fault, writeFileAtomic} from './atomic.js';
import {defaultAuthor} from './history.js';
import {withLock} from './lock.js';
import {decodeStore, parseStore} from './parse.js';
import {findBundledDataDir} from './paths.js';
import {validateStore} from './validate.js';
import {avslutaVantande, medVantande, sha256, stadaVantande} from './vantande.js';
import {serializeStore} from './serialize.js';

const READ_PROBLEM: Record<string, string> = {
	ENOENT: 'filen finns inte',
	EISDIR: 'är en mapp, inte en fil',
	EACCES: 'ingen behörighet att läsa filen',
	EPERM: 'ingen behörighet att läsa filen',
};

// One synchronous read: fs/promises reads a large file in 512 KB turns of the thread pool.
function readBytes(file: string): Buffer {
	try {
		return readInput(file, MAX_INPUT);
	} catch (error) {
		if (error instanceof MalkollError) throw error;
		const problem = READ_PROBLEM[errorCode(error) ?? ''];
		if (problem) throw new MalkollError(`${file}: ${problem}`);
		throw error;
	}
}

/** Writes `text` as the store, after its history lines are pending (vantande.ts). */
async function writeText(file: string, text: string, changes: readonly Change[]): Promise<void> {
	refuseBundled(file);
	// Encoded once, for the hash and the file.
	const bytes = Buffer.from(text, 'utf8');
	await medVantande(file, sha256(bytes), changes, () => writeFileAtomic(file, bytes));
}

class StoreFile implements Adapter<StoreData> {
	/** What this write records in the history (vantande.ts). */
	changes: Change[] = [];

	constructor(private readonly file: string) {}

	async read(): Promise<StoreData> {
		return parseStore(decodeStore(readBytes(this.file), this.file), this.file);
	}

	async write(data: StoreData): Promise<void> {
		validateStore(data, this.file);
		await writeText(this.file, serializeStore(data), this.changes);
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

async function openStore(file: string): Promise<{db: Low<StoreData>; adapter: StoreFile}> {
	const adapter = new StoreFile(file);
	return {db: new Low(adapter, await adapter.read()), adapter};
}

/** Reads, decodes, parses, migrates (in memory only) and validates the whole store. */
export async function loadStore(file: string): Promise<StoreData> {
	return (await openStore(file)).db.data;
}

/** Applies `ops` (or the ops a function makes from the current data) to the store on disk, all or nothing, and records them in the history;
 * `restore` marks the changes as restoring that version (Change.restore); `force` allows changing a period marked inlämnad. */
export async function applyChanges(
	file: string,
	ops: Op[] | ((current: StoreData) => Op[]),
	opts: {author?: string; now?: Date; restore?: number; force?: boolean} = {},
): Promise<{data: StoreData; changes: Change[]}> {
	const at = (opts.now ?? new Date()).toISOString();
	const author = opts.author ?? defaultAuthor();
	return withLock(file, async () => {
		fault('holding-lock');
		await stadaVantande(file);
		const {db, adapter} = await openStore(file);
		// Ops may be worked out from the data as read under the lock (e.g. the store's current period).
		const list = typeof ops === 'function' ? ops(db.data) : ops;
		if (list.length === 0) return {data: db.data, changes: []};
		await db.update(data => {
			adapter.changes = list.map(op => {
				const change = applyOp(data, op, at, author, {force: opts.force});
				return opts.restore === undefined ? change : {...change, restore: opts.restore};
			});
		});
		await avslutaVantande(file, adapter.changes);
		return {data: db.data, changes: adapter.changes};
	});
}

/** Writes a new store (import --out); refuses to replace an existing file unless `overwrite`. */
export async function writeStore(file: string, data: StoreData, opts: {overwrite?: boolean} = {}): Promise<void> {
	validateStore(data, file);
	await mkdir(path.dirname(path.resolve(file)), {recursive: true});
	await withLock(file, async () => {
		if (!opts.overwrite && existsSync(file)) throw new MalkollError(`${file}: filen finns redan och skrivs inte över`);
		await writeText(file, serializeStore(data), []);
	});
}

/** Inode, size and mtime of the file; '' when it is missing. */
export function fileSignature(file: string): string {
	try {
		const s = statSync(file);
		return `${s.ino}:${s.size}:${s.mtimeMs}`;
	} catch {
		return '';
	}
}

/** Calls `onChange` when the file is replaced or changed by anyone. Polls inode, size and mtime,
 * since fs.watch loses track of a file that is replaced by rename. Returns stop(). */
export function watchStore(file: string, onChange: () => void, intervalMs = 500): () => void {
	let last = fileSignature(file);
	const timer = setInterval(() => {
		const now = fileSignature(file);
		if (now !== last) {
			last = now;
			onChange();
		}
	}, intervalMs);
	timer.unref();
	return () => clearInterval(timer);
}
