// A change's history lines go beside the store before the store itself is replaced:
// `<file>.history.pending` holds them with the SHA-256 the new store will have. After the rename
// they are appended to the history and the pending file removed. A writer killed between the
// rename and the append leaves the pending file behind; the next writer, under the lock, appends
// its lines when the store is that version (the change landed) and drops them when it is not (it
// never did). So no saved change goes unrecorded, and no unsaved one is recorded.
import {createHash} from 'node:crypto';
import {existsSync} from 'node:fs';
import {open, readFile, rename, rm} from 'node:fs/promises';
import type {Change} from '../domain/ops.js';
import {errorCode} from './atomic.js';
import {appendHistory, historyLines, historyPath} from './history.js';
import {withLock} from './lock.js';

/** The SHA-256 of bytes, or of the text they encode (UTF-8), in hex. */
export function sha256(bytes: string | Uint8Array): string {
	return createHash('sha256').update(bytes).digest('hex');
}

export function pendingPath(file: string): string {
	return `${file}.history.pending`;
}

/** Replaces the store by `write`, with the lines to record and the hash the store will then have
 * written and fsynced beside it first; when `write` fails, nothing stays pending. */
export async function medVantande(file: string, sha: string, changes: readonly Change[], write: () => Promise<void>): Promise<void> {
	if (changes.length > 0) await skrivVantande(file, sha, changes);
	try {
		await write();
	} catch (error) {
		await rm(pendingPath(file), {force: true});
		throw error;
	}
}

async function skrivVantande(file: string, sha: string, changes: readonly Change[]): Promise<void> {
	const path = pendingPath(file);
	const tmp = `${path}.${process.pid}.tmp`;
	const fh = await open(tmp, 'w');
	try {
		await fh.writeFile(`${JSON.stringify({sha256: sha})}\n${historyLines(changes)}`);
		await fh.sync();
	} finally {
		await fh.close();
	}
	await rename(tmp, path);
}

/** After the store is replaced: the lines into the history, the pending file gone. */
export async function avslutaVantande(file: string, changes: readonly Change[]): Promise<void> {
	await appendHistory(file, changes);
	await rm(pendingPath(file), {force: true});
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
		for (const line of text.slice(nl + 1).split('\n')) if (line !== '') changes.push(JSON.parse(line) as Change);
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
		if (!history.endsWith(historyLines(changes))) await appendHistory(file, changes);
	}
	await rm(pendingPath(file), {force: true});
}

/** For readers of the history (malkoll history, restore): what a killed writer left pending is
 * finished first, under the lock; costs a file check when there is nothing. */
export async function fardigHistorik(file: string): Promise<void> {
	if (existsSync(pendingPath(file))) await withLock(file, () => stadaVantande(file));
}
