// A change's history lines go beside the store before the store itself is replaced:
// `<file>.history.pending` holds them with the SHA-256 the new store will have. After the rename
// they are appended to the history and the pending file removed. A writer killed between the
// rename and the append leaves the pending file behind; the next writer, under the lock, appends
// its lines when the store is that version (the change landed) and drops them when it is not (it
// never did). So no saved change goes unrecorded, and no unsaved one is recorded.
// A change is acknowledged once the new store is renamed into place and its pending lines are
// fsynced: a failure before that leaves the old store (exit 2), a failure after it only warns.
import {existsSync} from 'node:fs';
import {open, readFile, rename, rm} from 'node:fs/promises';
import type {Change} from '../domain/ops.js';
import {type Like, errorCode, fault, likeStore, miljoFel, nodeCrypto, storeLike, writeAll} from './atomic.js';
import {appendHistory, historyLines, historyPath} from './history.js';
import {withLock} from './lock.js';
import {realStore} from './real.js';

/** The SHA-256 of bytes, or of the text they encode (UTF-8), in hex. */
export function sha256(bytes: string | Uint8Array): string {
	return nodeCrypto().createHash('sha256').update(bytes).digest('hex');
}

export function pendingPath(file: string): string {
	return `${file}.history.pending`;
}

/** Replaces the store by `write`, with the lines to record and the hash the store will then have
 * written and fsynced beside it first; when `write` fails, nothing stays pending. */
export async function medVantande(file: string, sha: string, changes: readonly Change[], like: Like | undefined, write: () => Promise<void>): Promise<void> {
	try {
		if (changes.length > 0) await skrivVantande(file, sha, changes, like);
		await write();
	} catch (error) {
		await rm(pendingPath(file), {force: true}).catch(() => undefined);
		throw miljoFel(error, file) ?? error;
	}
}

/** The pid in the temp name lets the next writer see that a killed writer's file is litter (atomic.ts). */
async function skrivVantande(file: string, sha: string, changes: readonly Change[], like: Like | undefined): Promise<void> {
	const path = pendingPath(file);
	const tmp = `${path}.${process.pid}.tmp`;
	try {
		fault('pending-write', tmp);
		const fh = await open(tmp, 'w', like ? like.mode & 0o777 : 0o666);
		try {
			await likeStore(fh, like, file);
			await writeAll(fh, Buffer.from(`${JSON.stringify({sha256: sha})}\n${historyLines(changes)}`), 'pending-write', tmp);
			fault('pending-fsync', tmp);
			await fh.sync();
		} finally {
			await fh.close();
		}
		fault('pending-rename', path);
		await rename(tmp, path);
	} catch (error) {
		await rm(tmp, {force: true}).catch(() => undefined);
		throw error;
	}
}

/** After the store is replaced (the change is saved): the lines into the history, the pending file
 * gone. Never throws: when the append fails, the pending lines stay for the next writer and the
 * returned warning says so. */
export async function avslutaVantande(file: string, changes: readonly Change[], like: Like | undefined): Promise<string | undefined> {
	try {
		await appendHistory(file, changes, like);
	} catch (error) {
		const why = miljoFel(error, historyPath(file), 'kunde inte skriva historiken')?.message ?? `${historyPath(file)}: kunde inte skriva historiken (${String(error)})`;
		return `ändringen är sparad, men ${why}; raderna väntar i ${pendingPath(file)} och förs in av nästa ändring eller malkoll history`;
	}
	await rm(pendingPath(file), {force: true}).catch(() => undefined);
	return undefined;
}

/** Under the lock, before anything else: finishes or drops what a killed writer left pending. */
export async function stadaVantande(file: string): Promise<void> {
	let text: string;
	try {
		text = await readFile(pendingPath(file), 'utf8');
	} catch (error) {
		if (errorCode(error) === 'ENOENT') return;
		throw error;
	}
	const nl = text.indexOf('\n');
	let sha: unknown;
	try {
		sha = (JSON.parse(text.slice(0, nl)) as {sha256?: unknown}).sha256;
	} catch {
		// Torn while it was written: the store was not touched yet.
	}
	const changes: Change[] = [];
	if (typeof sha === 'string' && text.endsWith('\n')) {
		try {
			for (const line of text.slice(nl + 1).split('\n')) if (line !== '') changes.push(JSON.parse(line) as Change);
		} catch {
			// Not written by malkoll whole: the store was not touched after it.
			changes.length = 0;
		}
	}
	let landed = false;
	if (changes.length > 0) {
		try {
			landed = sha256(await readFile(file)) === sha;
		} catch {
			// No store: nothing landed.
		}
	}
	if (landed) {
		// Killed after the append but before the removal: the lines are there already.
		const history = await readFile(historyPath(file), 'utf8').catch(() => '');
		if (!history.endsWith(historyLines(changes))) await appendHistory(file, changes, await storeLike(file));
	}
	await rm(pendingPath(file), {force: true});
}

/** For readers of the history (malkoll history, restore): what a killed writer left pending is
 * finished first, under the lock; costs a file check when there is nothing. */
export async function fardigHistorik(path: string): Promise<void> {
	const file = realStore(path);
	if (!existsSync(pendingPath(file))) return;
	try {
		await withLock(file, () => stadaVantande(file));
	} catch (error) {
		throw miljoFel(error, historyPath(file), 'kunde inte föra in väntande historik') ?? error;
	}
}
