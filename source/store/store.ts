// Reading and changing a store file. lowdb's Low holds the data; our adapter does the careful
// parts (strict decoding, schema, migration, atomic write with backup). Every change goes through
// applyChanges: lock, re-read from disk, applyOp, validate, write, history, unlock.
import {type Stats, closeSync, existsSync, openSync, readFileSync, readSync, realpathSync, statSync} from 'node:fs';
import {mkdir} from 'node:fs/promises';
import path from 'node:path';
import {Low, type Adapter} from 'lowdb';
import {applyOp, type Change, type Op} from '../domain/ops.js';
import type {StoreData} from '../domain/types.js';
import {MalkollError} from '../errors.js';
import {MAX_INPUT, readInput} from '../input.js';
import {type Like, errorCode, fault, miljoFel, removeDeadTemps, storeLike, writeFileAtomic} from './atomic.js';
import {defaultAuthor} from './history.js';
import {withLock} from './lock.js';
import {decodeStore, parseStore} from './parse.js';
import {findBundledDataDir} from './paths.js';
import {realStore} from './real.js';
import {validateStore} from './validate.js';
import {avslutaVantande, medVantande, sha256, stadaVantande} from './vantande.js';
import {serializeStoreBytes} from './serialize.js';

const READ_PROBLEM: Record<string, string> = {
	ENOENT: 'filen finns inte',
	EISDIR: 'är en mapp, inte en fil',
	EACCES: 'ingen behörighet att läsa filen',
	EPERM: 'ingen behörighet att läsa filen',
};

// One synchronous read (fs/promises reads a large file in 512 KB turns of the thread pool), into a
// buffer with room to spare that the write then encodes the new store into (serializeStoreBytes).
// Returns the file's stat too: its mode, owner and group are what the write gives the new files.
function readBytes(file: string): {bytes: Buffer; stat?: Stats} {
	let fd: number | undefined;
	try {
		// Devices, sockets, pipes and oversized files: input.ts refuses or reads them to its limit.
		const stat = statSync(file);
		if (!stat.isFile() || stat.size > MAX_INPUT.bytes) return {bytes: readInput(file, MAX_INPUT)};
		fd = openSync(file, 'r');
		// Pages of the spare room are only touched if the new store needs them.
		const buffer = Buffer.allocUnsafeSlow(stat.size + Math.max(64 * 1024, stat.size >> 3));
		let length = 0;
		while (length < buffer.length) {
			const n = readSync(fd, buffer, length, buffer.length - length, null);
			if (n === 0) return {bytes: buffer.subarray(0, length), stat};
			length += n;
		}
		// Grew by more than the spare room since the stat: read as it is now.
		return {bytes: readFileSync(file), stat};
	} catch (error) {
		if (error instanceof MalkollError) throw error;
		const problem = READ_PROBLEM[errorCode(error) ?? ''];
		if (problem) throw new MalkollError(`${file}: ${problem}`);
		throw miljoFel(error, file, 'kunde inte läsa') ?? error;
	} finally {
		if (fd !== undefined) closeSync(fd);
	}
}

/** Writes `bytes` as the store, after its history lines are pending (vantande.ts); `like` is the
 * store's mode, owner and group as read, which every new file beside it gets. */
async function writeBytes(file: string, bytes: Buffer, changes: readonly Change[], like: Like | undefined): Promise<void> {
	refuseBundled(file);
	await medVantande(file, sha256(bytes), changes, like, () => writeFileAtomic(file, bytes, like));
}

class StoreFile implements Adapter<StoreData> {
	/** What this write records in the history (vantande.ts). */
	changes: Change[] = [];
	like: Like | undefined;

	constructor(private readonly file: string) {}

	/** The buffer the store was read into, reused for the bytes written. */
	private spare?: Buffer;

	async read(): Promise<StoreData> {
		const {bytes, stat} = readBytes(this.file);
		const data = parseStore(decodeStore(bytes, this.file), this.file);
		this.spare = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.buffer.byteLength - bytes.byteOffset);
		this.like = stat;
		return data;
	}

	async write(data: StoreData): Promise<void> {
		validateStore(data, this.file);
		await writeBytes(this.file, serializeStoreBytes(data, this.spare), this.changes, this.like);
		this.spare = undefined;
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

/** A change saved whose history could not be written yet: said on stderr, the command still succeeds. */
function warnStderr(message: string): void {
	process.stderr.write(`malkoll: varning: ${message}\n`);
}

/** Applies `ops` (or the ops a function makes from the current data) to the store on disk, all or nothing, and records them in the history;
 * `restore` marks the changes as restoring that version (Change.restore); `force` allows changing a period marked inlämnad.
 * A store reached through a symlink is changed where it really is (real.ts). */
export async function applyChanges(
	given: string,
	ops: Op[] | ((current: StoreData) => Op[]),
	opts: {author?: string; now?: Date; restore?: number; force?: boolean; warn?: (message: string) => void} = {},
): Promise<{data: StoreData; changes: Change[]}> {
	const at = (opts.now ?? new Date()).toISOString();
	const author = opts.author ?? defaultAuthor();
	const file = realStore(given);
	return withLock(file, async () => {
		fault('holding-lock');
		try {
			await stadaVantande(file);
		} catch (error) {
			throw miljoFel(error, file, 'kunde inte föra in väntande historik') ?? error;
		}
		await removeDeadTemps(file);
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
		const warning = await avslutaVantande(file, adapter.changes, adapter.like);
		if (warning) (opts.warn ?? warnStderr)(warning);
		return {data: db.data, changes: adapter.changes};
	});
}

/** Writes a new store (import --out); refuses to replace an existing file unless `overwrite`. */
export async function writeStore(given: string, data: StoreData, opts: {overwrite?: boolean} = {}): Promise<void> {
	validateStore(data, given);
	const file = realStore(given);
	try {
		await mkdir(path.dirname(path.resolve(file)), {recursive: true});
	} catch (error) {
		throw miljoFel(error, path.dirname(path.resolve(file)), 'kunde inte skapa mappen') ?? error;
	}
	await withLock(file, async () => {
		if (!opts.overwrite && existsSync(file)) throw new MalkollError(`${given}: filen finns redan och skrivs inte över`);
		await removeDeadTemps(file);
		await writeBytes(file, serializeStoreBytes(data), [], await storeLike(file));
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
