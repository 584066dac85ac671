import {MalkollError} from '../errors.js';
import type {Period, StoreData} from './types.js';

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD (2025-02-30 is not). */
export function arGiltigtDatum(text: string): boolean {
	const m = ISO.exec(text);
	if (!m) return false;
	const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
	if (mo < 1 || mo > 12 || d < 1) return false;
	const dagar = new Date(Date.UTC(y, mo, 0)).getUTCDate();
	return d <= dagar;
}

/** Checks a date typed by the user; `falt` names the field in the error. */
export function parseDatum(text: string, falt: string): string {
	const t = text.trim();
	if (!arGiltigtDatum(t)) {
		throw new MalkollError(`${falt}: "${t}" är inget giltigt datum (skriv ÅÅÅÅ-MM-DD, t.ex. 2025-06-30)`);
	}
	return t;
}

/** Customary period ends in Stockholms stad; a store may override them (periodSlut). */
export function standardPeriodSlut(year: number, period: Period): string {
	switch (period) {
		case 'VP':
			return `${year}-01-01`;
		case 'T1':
			return `${year}-04-30`;
		case 'T2':
			return `${year}-08-31`;
		case 'VB':
			return `${year}-12-31`;
	}
}

/** The as-of date of a period: the store's override or the customary period end. */
export function periodSlut(data: Pick<StoreData, 'year' | 'periodSlut'>, period: Period): string {
	return data.periodSlut?.[period] ?? standardPeriodSlut(data.year, period);
}

/** Whole days from `fran` to `till` (both ISO dates); negative when `till` is earlier. */
export function dagarMellan(fran: string, till: string): number {
	return Math.round((Date.parse(`${till}T00:00:00Z`) - Date.parse(`${fran}T00:00:00Z`)) / 86_400_000);
}
