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
const PERIOD_SLUT: Record<Period, string> = {VP: '01-01', T1: '04-30', T2: '08-31', VB: '12-31'};

/** The as-of date of a period: the store's override or the customary period end. */
export function periodSlut(data: Pick<StoreData, 'year' | 'periodSlut'>, period: Period): string {
	return data.periodSlut?.[period] ?? `${data.year}-${PERIOD_SLUT[period]}`;
}

/** Whole days from `fran` to `till` (both ISO dates); negative when `till` is earlier. */
export function dagarMellan(fran: string, till: string): number {
	return dagnummer(till) - dagnummer(fran);
}

// Days since 1970-01-01 of an ISO date, by arithmetic: Date.parse per activity was a
// measurable part of a summary of thousands of activities.
function dagnummer(iso: string): number {
	let y = Number(iso.slice(0, 4));
	const m = Number(iso.slice(5, 7));
	const d = Number(iso.slice(8, 10));
	if (m <= 2) y--;
	const era = Math.floor(y / 400);
	const yoe = y - era * 400;
	const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
	const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
	return era * 146_097 + doe - 719_468;
}
