// Reading and changing a store file. lowdb's Low holds the data; our adapter does the careful
// parts (strict decoding, schema, migration, atomic write with backup). Every change goes through
// applyChanges: lock, re-read from disk, applyOp, validate, write, history, unlock.
import {realpathSync, statSync} from 'node:fs';
import {mkdir, readFile} from 'node:fs/promises';
import path from 'node:path';
import {Low, type Adapter} from 'lowdb';
import {applyOp, type Change, type Op} from '../domain/ops.js';
import {type Period, SCHEMA_VERSION, type StoreData} from '../domain/types.js';
import {MalkollError} from '../errors.js';
import {errorCode, fault, writeFileAtomic} from './atomic.js';
import {appendHistory, defaultAuthor} from './history.js';
import {withLock} from './lock.js';
import {decodeStore, parseStore} from './parse.js';
import {findBundledDataDir} from './paths.js';
import {validateStore} from './validate.js';
import {type FollowUpEdit, patchFollowUp, serializeStore} from './serialize.js';

const READ_PROBLEM: Record<string, string> = {
	ENOENT: 'filen finns inte',
	EISDIR: 'är en mapp, inte en fil',
	EACCES: 'ingen behörighet att läsa filen',
	EPERM: 'ingen behörighet att läsa filen',
};

class StoreFile implements Adapter<StoreData> {
	/** Set when every change since the validated read was a follow-up 'set', whose values applyOp
	 * has checked field by field: the whole-store validation before writing can then be skipped. */
	checked = false;
	/** The bytes as read, and the follow-up entries changed since: written as a patch when possible. */
	raw?: Buffer;
	edits?: FollowUpEdit[];

	constructor(private readonly file: string) {}

	async read(): Promise<StoreData> {
		let bytes: Buffer;
		try {
			bytes = await readFile(this.file);
		} catch (error) {
			const problem = READ_PROBLEM[errorCode(error) ?? ''];
			if (problem) throw new MalkollError(`${this.file}: ${problem}`);
			throw error;
		}
		const data = parseStore(decodeStore(bytes, this.file), this.file);
		// Only a file already at the current schema version may be patched: a migrated one is written whole.
		if (bytes.toString('utf8', 0, 40).startsWith(`{\n  "schemaVersion": ${SCHEMA_VERSION},\n`)) this.raw = bytes;
		return data;
	}

	async write(data: StoreData): Promise<void> {
		refuseBundled(this.file);
		if (!this.checked) validateStore(data, this.file);
		const patched = this.checked && this.raw && this.edits ? patchFollowUp(this.raw, this.edits) : undefined;
		await writeFileAtomic(this.file, patched ?? serializeStore(data));
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

/** Reads, decodes, parses, migrates (in memory only) and validates a store. */
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
		const {db, adapter} = await openStore(file);
		const changes: Change[] = [];
		// Ops may be worked out from the data as read under the lock (e.g. the store's current period).
		const list = typeof ops === 'function' ? ops(db.data) : ops;
		if (list.length === 0) return {data: db.data, changes};
		adapter.checked = list.every(op => op.op === 'set');
		const edits = new Map<string, FollowUpEdit>();
		for (const op of list) {
			if (op.op !== 'set') continue;
			const bucket = op.entity === 'goal' ? 'goals' : op.entity === 'indicator' ? 'indicators' : 'activities';
			const key = `${op.period}|${bucket}|${op.id}`;
			const entry = (db.data.followUp[op.period]?.[bucket] as Record<string, unknown> | undefined)?.[op.id];
			if (!edits.has(key)) edits.set(key, {period: op.period, bucket, id: op.id, before: structuredClone(entry), after: undefined});
		}
		await db.update(data => {
			for (const op of list) {
				const change = applyOp(data, op, at, author, {force: opts.force});
				changes.push(opts.restore === undefined ? change : {...change, restore: opts.restore});
			}
			for (const e of edits.values()) e.after = (data.followUp[e.period as Period]?.[e.bucket] as Record<string, unknown> | undefined)?.[e.id];
			adapter.edits = [...edits.values()];
		});
		await appendHistory(file, changes);
		return {data: db.data, changes};
	});
}

/** Writes a new store (import --out); refuses to replace an existing file unless `overwrite`. */
export async function writeStore(file: string, data: StoreData, opts: {overwrite?: boolean} = {}): Promise<void> {
	validateStore(data, file);
	await mkdir(path.dirname(path.resolve(file)), {recursive: true});
	await withLock(file, async () => {
		if (!opts.overwrite && exists(file)) throw new MalkollError(`${file}: filen finns redan och skrivs inte över`);
		await new Low(new StoreFile(file), data).write();
	});
}

function exists(file: string): boolean {
	try {
		statSync(file);
		return true;
	} catch {
		return false;
	}
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
