// Swedish numbers as they appear in the reports and as a chef types them: decimal comma (or
// point), ASCII-space thousands, a unit after a space. The raw text is always kept exactly.
import {MalkollError} from '../errors.js';
import {type Varde, VARDE_ENHETER} from './types.js';

const ENHET = `(${VARDE_ENHETER.join('|')})?`;
// Minus may come as '-', U+2212 or an en dash from Word.
const TAL = new RegExp(`^([-−–+]?)\\s*(\\d{1,3}(?: \\d{3})+|\\d+)(?:[,.](\\d+))?\\s*${ENHET}$`, 'u');
const TOLERANS = new RegExp(`^(?:\\+\\/-|±)\\s*(\\d+)(?:[,.](\\d+))?\\s*${ENHET}$`, 'u');
const enhet = (text: string | undefined) => VARDE_ENHETER.find(e => e === text);

function tal(heltal: string, decimaler: string | undefined): number {
	return Number(`${heltal.replaceAll(' ', '')}.${decimaler ?? '0'}`);
}

function tolka(raw: string): Varde | undefined {
	const text = raw.trim();
	const t = TOLERANS.exec(text);
	if (t) {
		const varde: Varde = {raw, value: 0, tolerance: tal(t[1]!, t[2])};
		const unit = enhet(t[3]);
		if (unit) varde.unit = unit;
		return varde;
	}
	const m = TAL.exec(text);
	if (!m) return undefined;
	const belopp = tal(m[2]!, m[3]);
	// -0 would survive into JSON and comparisons as a distinct value.
	const value = m[1] && m[1] !== '+' && belopp !== 0 ? -belopp : belopp;
	const varde: Varde = {raw, value};
	const unit = enhet(m[4]);
	if (unit) varde.unit = unit;
	return varde;
}

/** Lenient parse for import and display: text that is no number ("Tas fram av nämnd/styrelse",
 * "") gives {raw} without a value. */
export function parseVarde(raw: string): Varde {
	return tolka(raw) ?? {raw};
}

/** Strict parse of what a chef types: empty clears (undefined), a number form gives a Varde
 * with raw exactly as typed, anything else is refused with a message naming `falt`. */
export function parseInmatning(raw: string, falt: string): Varde | undefined {
	if (raw.trim() === '') return undefined;
	const varde = tolka(raw);
	if (!varde) throw new MalkollError(`${falt}: "${raw.trim()}" är inget tal (skriv t.ex. 8,2 % eller 12)`);
	return varde;
}

/** 8.2 → "8,2", 11000 → "11 000", -3 → "-3"; at most four decimals. */
export function formatTal(n: number): string {
	// Rounding hides binary noise such as 0.1 + 0.2 = 0.30000000000000004.
	const avrundat = Math.round(n * 10_000) / 10_000;
	const [heltal, decimaler] = Math.abs(avrundat).toString().split('.');
	const grupperat = heltal!.replace(/\B(?=(\d{3})+$)/g, ' ');
	return `${avrundat < 0 ? '-' : ''}${grupperat}${decimaler ? `,${decimaler}` : ''}`;
}

/** The no-break space between a number and its unit, and between thousands: a line is never broken inside a number. */
export const NBSP = '\u00a0';

/** Digits grouped by three from five digits on ("11 000", "2013"), or as typed when typed grouped. */
function gruppera(heltal: string): string {
	const siffror = heltal.replaceAll(' ', '');
	if (siffror.length < 5 && !heltal.includes(' ')) return siffror;
	return siffror.replace(/\B(?=(\d{3})+$)/g, NBSP);
}

/** A value as a Swedish reader expects it, from its text as typed: "7.9%" → "7,9 %", "11000" →
 * "11 000", "+/-1 %" → "±1 %", with no-break spaces; text that is no number is shown trimmed. The
 * stored and exported text is always the raw one. */
export function visaTal(raw: string): string {
	const text = raw.trim();
	const t = TOLERANS.exec(text);
	if (t) return `±${gruppera(t[1]!)}${t[2] ? `,${t[2]}` : ''}${t[3] ? NBSP + t[3] : ''}`;
	const m = TAL.exec(text);
	if (!m) return text;
	const tecken = m[1] === '+' ? '+' : m[1] ? '-' : '';
	return `${tecken}${gruppera(m[2]!)}${m[3] ? `,${m[3]}` : ''}${m[4] ? NBSP + m[4] : ''}`;
}

/** visaTal of a stored value; undefined when it is absent or blank. */
export function visaVarde(v: Varde | undefined): string | undefined {
	return v?.raw.trim() ? visaTal(v.raw) : undefined;
}
