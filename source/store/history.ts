// Every change, one JSON line each, appended beside the store in `<file>.history.jsonl`. Append-only
// keeps the store itself small and lets git merge two people's histories (merge=union).
import {open, readFile} from 'node:fs/promises';
import {userInfo} from 'node:os';
import type {Change} from '../domain/ops.js';
import {PERIODER} from '../domain/types.js';
import {MalkollError} from '../errors.js';
import {type Like, errorCode, fault, likeStore, miljoFel, writeAll} from './atomic.js';
import {realStore} from './real.js';
import {safeJson} from './serialize.js';

export function historyPath(path: string): string {
	return `${path}.history.jsonl`;
}

/** The OS user name, for the history when no --author is given. */
export function defaultAuthor(): string {
	try {
		return userInfo().username || 'okänd';
	} catch {
		return process.env.USER || process.env.USERNAME || 'okänd';
	}
}

/** The history file's text for `changes`: one JSON line each, C1 controls and bidi overrides
 * escaped as in the store, so `tail` of the history is as inert as `cat` of the store. */
export function historyLines(changes: readonly Change[]): string {
	return changes.map(c => `${safeJson(c, 0)}\n`).join('');
}

/** Appends `changes` with fsync; call under the store's lock with the real path (real.ts). A new
 * history file gets the store's mode and group (`like`). A failed append is cut back off, so no
 * half line stays. */
export async function appendHistory(path: string, changes: readonly Change[], like?: Like): Promise<void> {
	if (changes.length === 0) return;
	const file = historyPath(path);
	fault('history-append', file);
	const fh = await open(file, 'a+', like ? like.mode & 0o777 : 0o666);
	try {
		const {size} = await fh.stat();
		// A history an older malkoll made 0644 beside a 0600 store is narrowed too, where permitted.
		if (size === 0) await likeStore(fh, like, path);
		else await likeStore(fh, like, path).catch(() => undefined);
		let start = '';
		if (size > 0) {
			const last = Buffer.alloc(1);
			await fh.read(last, 0, 1, size - 1);
			// A crash mid-append left a partial line: start on a fresh one so this entry stays whole.
			if (last[0] !== 0x0a) start = '\n';
		}
		try {
			await writeAll(fh, Buffer.from(`${start}${historyLines(changes)}`), 'history-append', file);
			fault('history-fsync', file);
			await fh.sync();
		} catch (error) {
			await fh.truncate(size).catch(() => undefined);
			throw error;
		}
	} finally {
		await fh.close();
	}
}

function isChange(v: unknown): v is Change {
	const c = v as Partial<Change> | null;
	return typeof c === 'object' && c !== null && typeof c.id === 'string' && typeof c.op === 'string' && typeof c.at === 'string';
}

/** The recorded changes, oldest first, optionally only those of one id. Lines cut short by a
 * crash are skipped; a whole line naming no period of the year is refused with its number. */
export async function readHistory(path: string, id?: string): Promise<Change[]> {
	const file = historyPath(realStore(path));
	let text: string;
	try {
		text = await readFile(file, 'utf8');
	} catch (error) {
		if (errorCode(error) === 'ENOENT') return [];
		throw miljoFel(error, file, 'kunde inte läsa historiken') ?? error;
	}
	const changes: Change[] = [];
	let nr = 0;
	for (const line of text.split('\n')) {
		nr++;
		if (line.trim() === '') continue;
		let parsed: unknown;
		try {
			parsed = JSON.parse(line);
		} catch {
			continue;
		}
		if (!isChange(parsed)) continue;
		if (parsed.period !== undefined && !(PERIODER as readonly unknown[]).includes(parsed.period)) {
			throw new MalkollError(`${file}:${nr}: okänd period ${JSON.stringify(String(parsed.period))} (${PERIODER.join(', ')}); rätta eller ta bort raden`);
		}
		if (id === undefined || parsed.id === id) changes.push(parsed);
	}
	return changes;
}
