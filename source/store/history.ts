// Every change, one JSON line each, appended beside the store in `<file>.history.jsonl`. Append-only
// keeps the store itself small and lets git merge two people's histories (merge=union).
import {open, readFile} from 'node:fs/promises';
import {userInfo} from 'node:os';
import type {Change} from '../domain/ops.js';
import {errorCode} from './atomic.js';

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

/** The history file's text for `changes`: one JSON line each. */
export function historyLines(changes: readonly Change[]): string {
	return changes.map(c => `${JSON.stringify(c)}\n`).join('');
}

/** Appends `changes` with fsync; call under the store's lock. */
export async function appendHistory(path: string, changes: readonly Change[]): Promise<void> {
	if (changes.length === 0) return;
	const fh = await open(historyPath(path), 'a+');
	try {
		const {size} = await fh.stat();
		let start = '';
		if (size > 0) {
			const last = Buffer.alloc(1);
			await fh.read(last, 0, 1, size - 1);
			// A crash mid-append left a partial line: start on a fresh one so this entry stays whole.
			if (last[0] !== 0x0a) start = '\n';
		}
		await fh.write(`${start}${historyLines(changes)}`);
		await fh.sync();
	} finally {
		await fh.close();
	}
}

function isChange(v: unknown): v is Change {
	const c = v as Partial<Change> | null;
	return typeof c === 'object' && c !== null && typeof c.id === 'string' && typeof c.op === 'string' && typeof c.at === 'string';
}

/** The recorded changes, oldest first, optionally only those of one id. Lines cut short by a
 * crash are skipped. */
export async function readHistory(path: string, id?: string): Promise<Change[]> {
	let text: string;
	try {
		text = await readFile(historyPath(path), 'utf8');
	} catch (error) {
		if (errorCode(error) === 'ENOENT') return [];
		throw error;
	}
	const changes: Change[] = [];
	for (const line of text.split('\n')) {
		if (line.trim() === '') continue;
		let parsed: unknown;
		try {
			parsed = JSON.parse(line);
		} catch {
			continue;
		}
		if (isChange(parsed) && (id === undefined || parsed.id === id)) changes.push(parsed);
	}
	return changes;
}
