// A draft of the analysis or the form being typed lives beside the store (<store>.utkast.json), so
// Esc by accident, Ctrl-C or a crash never loses text; it is offered back at the next start.
import {readFileSync, renameSync, rmSync, writeFileSync} from 'node:fs';
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

export function utkastPath(storePath: string): string {
	return `${storePath}.utkast.json`;
}

export function loadUtkast(storePath: string): Utkast | undefined {
	try {
		const u = JSON.parse(readFileSync(utkastPath(storePath), 'utf8')) as Partial<Utkast>;
		if (typeof u.goalId !== 'string' || typeof u.text !== 'string' || typeof u.period !== 'string') return undefined;
		return {goalId: u.goalId, period: u.period as Period, original: u.original ?? '', text: u.text, at: u.at ?? '', ...(u.form && Array.isArray(u.form.falt) ? {form: u.form} : {})};
	} catch {
		return undefined;
	}
}

/** Written atomically (temp + rename): a crash mid-write leaves the previous draft whole. */
export function skrivUtkast(storePath: string, u: Utkast): void {
	const path = utkastPath(storePath);
	const tmp = `${path}.${process.pid}.tmp`;
	writeFileSync(tmp, JSON.stringify(u));
	renameSync(tmp, path);
}

export function tabortUtkast(storePath: string): void {
	rmSync(utkastPath(storePath), {force: true});
}
