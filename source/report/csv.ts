// Indicators and activities as Swedish Excel opens a CSV: semicolon, decimal comma, UTF-8 with BOM,
// CRLF, and text that starts like a formula made inert with a leading apostrophe.
import {indexStore, skapaKontext} from '../domain/bedomning.js';
import {visible} from './visible.js';
import {periodSlut} from '../domain/datum.js';
import {type Period, RIKTNINGAR, type StoreData, TILLSTAND_NAMN, type Varde} from '../domain/types.js';
import {VERDICT_NAMN} from '../domain/verdict.js';

export const CSV_KOLUMNER = [
	'Typ',
	'Id',
	'Mål-id',
	'Namn',
	'Enhet',
	'Riktning',
	'Årsmål',
	'KF:s årsmål',
	'Periodens utfall',
	'Utfall män',
	'Utfall kvinnor',
	'Prognos helår',
	'Utfall föregående VB',
	'Period',
	'Bedömning',
	'Startdatum',
	'Slutdatum',
	'Tillstånd',
	'Dagar sen',
	'Avvikelse',
	'Analys',
] as const;

const RIKTNING_NAMN: Record<(typeof RIKTNINGAR)[number], string> = {hogre: 'högre är bättre', lagre: 'lägre är bättre', max: 'högst målet', band: 'inom tolerans'};

type Cell = string | number | undefined;

/** 8.2 → "8,2"; no thousands grouping, which Excel would read as text. */
function tal(n: number): string {
	return String(Math.round(n * 1e6) / 1e6).replace('.', ',');
}

// Excel and Calc run a cell that starts with one of these as a formula (CSV injection).
const FORMEL = /^[=+\-@\t\r]/;

function cell(c: Cell): string {
	if (c === undefined) return '';
	if (typeof c === 'number') return tal(c);
	// Control characters shown visibly: the file may go to a terminal as well as to Excel.
	const v = visible(c);
	const t = FORMEL.test(v) ? `'${v}` : v;
	return /[;"\r\n]|^\s|\s$/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
}

/** A number when the value has one (and is no tolerance band), else the text as written. */
function varde(v: Varde | undefined): Cell {
	if (!v) return undefined;
	if (v.value !== undefined && v.tolerance === undefined) return v.value;
	return v.raw.trim() || undefined;
}

export function renderCsv(data: StoreData, opts: {period?: Period; asOf?: string} = {}): string {
	const period = opts.period ?? data.period;
	const ctx = skapaKontext(data, indexStore(data), period, opts.asOf ?? periodSlut(data, period));
	const fu = data.followUp[period];
	const rows: Cell[][] = [[...CSV_KOLUMNER]];
	for (const ind of data.indicators) {
		const i = fu?.indicators[ind.id];
		rows.push([
			'Indikator',
			ind.id,
			ind.malId,
			ind.namn,
			ind.enhet,
			RIKTNING_NAMN[ind.riktning],
			varde(ind.arsmal),
			varde(ind.kfArsmal),
			varde(i?.utfall),
			varde(i?.man),
			varde(i?.kvinnor),
			varde(i?.prognos),
			varde(i?.foregaendeVB),
			i?.matperiod?.trim() || undefined,
			period === 'VP' ? undefined : VERDICT_NAMN[ctx.verdict(ind).verdict],
			undefined,
			undefined,
			undefined,
			undefined,
			undefined,
			i?.analys,
		]);
	}
	for (const akt of data.activities) {
		const a = fu?.activities[akt.id];
		const b = ctx.aktivitet(akt);
		rows.push([
			'Aktivitet',
			akt.id,
			akt.malId,
			akt.text,
			...Array<Cell>(11).fill(undefined),
			akt.start,
			b.slut,
			b.tillstand ? TILLSTAND_NAMN[b.tillstand] : undefined,
			b.dagarSen,
			a?.avvikelse,
			a?.analys,
		]);
	}
	return `\uFEFF${rows.map(r => r.map(cell).join(';')).join('\r\n')}\r\n`;
}
