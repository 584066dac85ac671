// A draft of the analysis or the form being typed lives beside the store, so Esc by accident,
// Ctrl-C or a crash never loses text; it is offered back at a later start. Each session has its
// own draft, <store>.utkast.<host>.<pid>.json: a draft whose session still runs (same host and a
// live pid, or another host's draft written in the last 12 hours) is never offered or touched.
import {chmodSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {hostname} from 'node:os';
import path from 'node:path';
import type {Entity} from '../domain/ops.js';
import type {Period} from '../domain/types.js';

/** A form's typed fields: which form, and per field the text and the stored value it opened with. */
export interface FormUtkast {
	slag: 'uppfoljning' | 'ny' | 'andra';
	entity: Entity;
	id: string;
	falt: Array<{field: string; text: string; original?: unknown}>;
}

export interface Utkast {
	goalId: string;
	period: Period;
	/** The analysis as stored when editing began (the expected value when saving). */
	original: string;
	text: string;
	at: string;
	/** Set for a form's draft; `goalId` is then the goal the form belongs to, `text` its fields in brief. */
	form?: FormUtkast;
}

// Dots are left out so that the name splits back into host and pid.
const HOST = hostname().replace(/[^A-Za-z0-9_-]/g, '_') || 'okand';
/** A session on another host cannot be asked whether it lives: its draft is left alone this long after its last write. */
export const ANNAN_VARD_MS = 12 * 3600_000;

/** This session's own draft. */
export function utkastPath(storePath: string): string {
	return `${storePath}.utkast.${HOST}.${process.pid}.json`;
}

/** A dead session's draft, once this session has claimed it to offer it. */
function erbjudetPath(storePath: string): string {
	return `${storePath}.utkast.${HOST}.${process.pid}.erbjudet.json`;
}

// The drafts of the sessions running in this process (the tests run several, one after another).
const levande = new Set<string>();

function lever(file: string, host: string | undefined, pid: number, mtimeMs: number): boolean {
	if (levande.has(file)) return true;
	// The name before sessions had their own (<store>.utkast.json) belongs to no one.
	if (host === undefined) return false;
	if (host !== HOST) return Date.now() - mtimeMs < ANNAN_VARD_MS;
	if (pid === process.pid) return false;
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/** At a session's start: claims the newest draft a dead session left beside the store, by renaming it
 * to this session's name, so that no other session is offered it too. `fil` is where it now is. */
export function startaUtkast(storePath: string): {utkast: Utkast; fil: string} | undefined {
	try {
		return claimDead(storePath);
	} finally {
		levande.add(utkastPath(storePath));
	}
}

function claimDead(storePath: string): {utkast: Utkast; fil: string} | undefined {
	const dir = path.dirname(storePath);
	const base = path.basename(storePath);
	let names: string[];
	try {
		names = readdirSync(dir);
	} catch {
		return undefined;
	}
	const dead: Array<{file: string; at: number}> = [];
	for (const name of names) {
		if (!name.startsWith(`${base}.utkast.`) || !name.endsWith('.json')) continue;
		const m = /^\.utkast(?:\.(.+)\.(\d+)(?:\.erbjudet)?)?\.json$/.exec(name.slice(base.length));
		if (!m) continue;
		const file = path.join(dir, name);
		let mtimeMs: number;
		try {
			mtimeMs = statSync(file).mtimeMs;
		} catch {
			continue;
		}
		if (!lever(file, m[1], Number(m[2]), mtimeMs)) dead.push({file, at: mtimeMs});
	}
	dead.sort((a, b) => b.at - a.at);
	const claimed = erbjudetPath(storePath);
	for (const {file} of dead) {
		const u = loadUtkast(file);
		if (!u) continue;
		try {
			if (file !== claimed) renameSync(file, claimed);
		} catch {
			// Another session claimed it first.
			continue;
		}
		levande.add(claimed);
		return {utkast: u, fil: claimed};
	}
	return undefined;
}

/** The claimed draft is taken up: it becomes this session's own. */
export function tagUtkast(storePath: string, fil: string): void {
	try {
		renameSync(fil, utkastPath(storePath));
	} catch {
		// Removed by hand meanwhile: the text is in the editor, and the next pause writes it again.
	}
	levande.delete(fil);
}

/** At a session's end: its drafts are left for a later start. */
export function avslutaUtkast(storePath: string): void {
	levande.delete(utkastPath(storePath));
	levande.delete(erbjudetPath(storePath));
}

export function loadUtkast(file: string): Utkast | undefined {
	try {
		const u = JSON.parse(readFileSync(file, 'utf8')) as Partial<Utkast>;
		if (typeof u.goalId !== 'string' || typeof u.text !== 'string' || typeof u.period !== 'string') return undefined;
		return {goalId: u.goalId, period: u.period as Period, original: u.original ?? '', text: u.text, at: u.at ?? '', ...(u.form && Array.isArray(u.form.falt) ? {form: u.form} : {})};
	} catch {
		return undefined;
	}
}

/** Written atomically (temp + rename): a crash mid-write leaves the previous draft whole. */
export function skrivUtkast(storePath: string, u: Utkast): void {
	const file = utkastPath(storePath);
	const tmp = `${file}.tmp`;
	// The draft holds analysis text: no wider readable than the store itself (issue 13, item 7).
	let mode = 0o600;
	try {
		mode = statSync(storePath).mode & 0o666;
	} catch {
		// No store yet: only the user.
	}
	writeFileSync(tmp, JSON.stringify(u), {mode});
	chmodSync(tmp, mode);
	renameSync(tmp, file);
}

/** Removes this session's own draft, or `fil` (a claimed one). */
export function tabortUtkast(storePath: string, fil = utkastPath(storePath)): void {
	rmSync(fil, {force: true});
	if (fil !== utkastPath(storePath)) levande.delete(fil);
}
