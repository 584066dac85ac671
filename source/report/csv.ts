// Goals, indicators and activities as Swedish Excel opens a CSV: semicolon, decimal comma, UTF-8 with BOM,
// CRLF, and text that starts like a formula made inert with a leading apostrophe.
import {indexStore, skapaKontext} from '../domain/bedomning.js';
import {visible} from './visible.js';
import {periodSlut} from '../domain/datum.js';
import {type Entity, type NamedField, fields, formatField, isVarde} from '../domain/fields.js';
import {NIVA_NAMN, type Period, type StoreData, type Varde} from '../domain/types.js';
import {VERDICT_NAMN} from '../domain/verdict.js';

// Every field of the table has a column unless its row says csv: false; one column per label, so
// indicators and activities share Namn and Analys. Long texts go last, as a sheet reads best.
const columns = (e: Entity) => [...fields(e, 'plan'), ...fields(e, 'followUp')].filter(f => f.csv !== false);
const kolumn = (f: NamedField) => f.column ?? f.label;

/** The header row, from the field table. */
export function csvKolumner(): string[] {
	const [mal, ind, akt] = [columns('goal'), columns('indicator'), columns('activity')];
	const kort = (fs: NamedField[]) => fs.filter(f => !f.multiline).map(kolumn);
	const langa = [...mal, ...ind, ...akt].filter(f => f.multiline).map(kolumn);
	return [...new Set(['Typ', 'Id', 'Mål-id', 'Nivå', ...kort(mal), ...kort(ind), 'Bedömning', ...kort(akt), 'Dagar sen', ...langa])];
}

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

/** A field's value in its cell: numbers as numbers, a choice by its label, text as written. */
function fieldCell(f: NamedField, v: unknown): Cell {
	if (v === undefined || v === null || v === '') return undefined;
	if (isVarde(v)) return varde(v);
	if (typeof v === 'number') return v;
	return f.kind === 'val' ? formatField(f.entity, f.part, f.name, v) : f.multiline ? String(v) : String(v).trim() || undefined;
}

function rad(kolumner: string[], typ: string, cols: NamedField[], item: Record<string, unknown>, fu: Record<string, unknown> | undefined, extra: Record<string, Cell>): Cell[] {
	const celler = new Map<string, Cell>([['Typ', typ], ['Id', String(item.id)], ['Mål-id', item.malId === undefined ? undefined : String(item.malId)], ...Object.entries(extra)]);
	for (const f of cols) celler.set(kolumn(f), fieldCell(f, f.part === 'plan' ? item[f.name] : fu?.[f.name]));
	return kolumner.map(k => celler.get(k));
}

export function renderCsv(data: StoreData, opts: {period?: Period; asOf?: string} = {}): string {
	const period = opts.period ?? data.period;
	const ctx = skapaKontext(data, indexStore(data), period, opts.asOf ?? periodSlut(data, period));
	const fu = data.followUp[period];
	const kolumner = csvKolumner();
	const [malFalt, indFalt, aktFalt] = [columns('goal'), columns('indicator'), columns('activity')];
	const rows: Cell[][] = [kolumner];
	// Goals first, as the report reads: each with its level, status and analysis; Mål-id is the goal above it.
	for (const goal of data.goals) {
		rows.push(rad(kolumner, 'Mål', malFalt, {...goal, malId: goal.parentId}, fu?.goals[goal.id], {Nivå: NIVA_NAMN[goal.niva]}));
	}
	for (const ind of data.indicators) {
		rows.push(rad(kolumner, 'Indikator', indFalt, ind, fu?.indicators[ind.id], {Bedömning: period === 'VP' ? undefined : VERDICT_NAMN[ctx.verdict(ind).verdict]}));
	}
	for (const akt of data.activities) rows.push(rad(kolumner, 'Aktivitet', aktFalt, akt, fu?.activities[akt.id], {'Dagar sen': ctx.aktivitet(akt).dagarSen}));
	return `\uFEFF${rows.map(r => r.map(cell).join(';')).join('\r\n')}\r\n`;
}
