// One row per field of a goal, an indicator and an activity, in the plan (catalogue) or in a
// period's follow-up: its Swedish label, its CLI flag, how typed text is parsed, how a value is
// shown and what a stored value may be. The schema, the flags and help of set/add/edit, the
// TUI's forms, history lines, CSV columns, show and messages all read this table.
import {MalkollError} from '../errors.js';
import {arGiltigtDatum, parseDatum} from './datum.js';
import {BESVARBARA, type VarningKod} from './regler.js';
import {NBSP, formatTal, parseInmatning, parseVarde} from './tal.js';
import {
	type Activity,
	type ActivityFollowUp,
	type ForvantatResultat,
	type Goal,
	type GoalFollowUp,
	type Indicator,
	type IndicatorFollowUp,
	type Varde,
	ENHET_NAMN,
	PERIODICITET_NAMN,
	RIKTNING_NAMN,
	STATUS_NAMN,
	TILLSTAND_NAMN,
	URSPRUNG_NAMN,
	VARDE_ENHETER,
	varden,
} from './types.js';

export type Entity = 'goal' | 'indicator' | 'activity';
export const ENTITIES: readonly Entity[] = ['goal', 'indicator', 'activity'];
export const ENTITY_NAMN: Record<Entity, string> = {goal: 'mål', indicator: 'indikator', activity: 'aktivitet'};
export const ENTITY_PLURAL: Record<Entity, string> = {goal: 'mål', indicator: 'indikatorer', activity: 'aktiviteter'};

/** plan: what the VP defines (edited with add/edit, 'def' ops); followUp: what each period reports (set, 'set' ops). */
export type Part = 'plan' | 'followUp';

/** What each entity stores per part; the table must have a row for every key, and no other. */
export interface Stored {
	goal: {plan: Omit<Goal, 'id' | 'niva' | 'parentId'>; followUp: GoalFollowUp};
	indicator: {plan: Omit<Indicator, 'id' | 'malId'>; followUp: IndicatorFollowUp};
	activity: {plan: Omit<Activity, 'id' | 'malId'>; followUp: ActivityFollowUp};
}
export type FieldName<E extends Entity, P extends Part> = keyof Stored[E][P] & string;
export type FieldValue<E extends Entity, P extends Part, F extends FieldName<E, P>> = NonNullable<Stored[E][P][F]>;

export type Kind = 'text' | 'varde' | 'datum' | 'val' | 'andel' | 'resultat' | 'idlista' | 'ja' | 'besvarat';

export interface Field<T = unknown> {
	/** Swedish, as a person reads it in forms, show, CSV, history and messages. */
	label: string;
	kind: Kind;
	/** The command-line flag (camelCase, as meow names it; typed kebab-case); absent: not set from the command line. */
	flag?: string;
	/** What the flag takes, for help: "TEXT", "ÅÅÅÅ-MM-DD", "helt|delvis|...". */
	hint: string;
	/** An example value for help. */
	example?: string;
	/** A choice: the stored values in order, with their labels. */
	values?: readonly string[];
	names?: Readonly<Record<string, string>>;
	/** Cannot be cleared, and a text cannot be blank. */
	required?: boolean;
	/** Typed over several lines in a form. */
	multiline?: true;
	/** Given more than once on the command line (each value one line of the text). */
	multiple?: true;
	/** Left out of the CSV export. */
	csv?: false;
	/** The CSV column, when it is not the label (an activity's text shares Namn with an indicator's). */
	column?: string;
	/** Typed text → the value to store; empty (or "none") clears: undefined. Throws a MalkollError naming `falt`. */
	parse(text: string, falt: string): T | undefined;
	/** The value as a person reads it. */
	format(value: T): string;
	/** Throws a MalkollError naming `falt` unless `value` is one this field may hold (an op from JSON, a form, undo). */
	check(value: unknown, falt: string): void;
	/** What a command sets is merged into the stored value, not put in its place (a map such as besvarat). */
	merge?(stored: T | undefined, given: T): T | undefined;
}

/** The longest text a field takes: a real analysis can be 20 KB; this leaves room. */
export const MAX_TEXT = 100_000;

function checkText(v: unknown, falt: string): asserts v is string {
	if (typeof v !== 'string') throw new MalkollError(`${falt}: väntade text`);
	if (v.length > MAX_TEXT) throw new MalkollError(`${falt}: texten är ${v.length} tecken, högst ${MAX_TEXT} tecken tillåts`);
}

/** A row's options; `required` kept literal so the table's type can check it. */
type Opts<T> = Partial<Omit<Field<T>, 'required'>> & {required?: true};
type Made<T, O> = Omit<Field<T>, 'required'> & O;
const row = <T, O>(base: Omit<Field<T>, 'required'>, o?: O): Made<T, O> => Object.assign(base, o);

const tom = (t: string) => t.trim() === '' || t.trim() === 'none';

function text<const O extends Opts<string> = {}>(label: string, o?: O) {
	const blank = (v: string, falt: string) => {
		if (o?.required && v.trim() === '') throw new MalkollError(`${falt}: får inte vara tomt`);
	};
	return row<string, O>(
		{
			label,
			kind: 'text',
			hint: 'TEXT',
			parse: (t, falt) => (blank(t, falt), t.trim() === '' ? undefined : t),
			format: v => v,
			check: (v, falt) => (checkText(v, falt), blank(v, falt)),
		},
		o,
	);
}

const VARDE_KEYS = new Set(['raw', 'value', 'unit', 'tolerance']);

/** Exactly the schema's Varde: the store skips its whole-file validation after 'set' ops. */
export function isVarde(v: unknown): v is Varde {
	if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
	const o: Record<string, unknown> = {...v};
	return (
		Object.keys(o).every(k => VARDE_KEYS.has(k)) &&
		typeof o.raw === 'string' &&
		(o.value === undefined || (typeof o.value === 'number' && Number.isFinite(o.value))) &&
		(o.unit === undefined || VARDE_ENHETER.some(e => e === o.unit)) &&
		(o.tolerance === undefined || (typeof o.tolerance === 'number' && o.tolerance >= 0))
	);
}

/** A number as typed; `lenient` keeps text that is no number ("Tas fram av nämnd/styrelse"), as a target may be. */
function varde<const O extends Opts<Varde> & {lenient?: true} = {}>(label: string, o?: O) {
	return row<Varde, O>(
		{
			label,
			kind: 'varde',
			hint: 'TAL',
			example: '8,2 %',
			parse: (t, falt) => (!o?.lenient ? parseInmatning(t, falt) : t.trim() === '' ? undefined : parseVarde(t.trim())),
			format: v => v.raw,
			check(v, falt) {
				if (!isVarde(v)) throw new MalkollError(`${falt}: väntade ett värde {raw, value, unit, tolerance}`);
				checkText(v.raw, falt);
			},
		},
		o,
	);
}

function datum<const O extends Opts<string> = {}>(label: string, o?: O) {
	const check = (v: unknown, falt: string) => {
		if (typeof v !== 'string' || !arGiltigtDatum(v)) throw new MalkollError(`${falt}: "${String(v)}" är inget giltigt datum (ÅÅÅÅ-MM-DD)`);
	};
	return row<string, O>({label, kind: 'datum', hint: 'ÅÅÅÅ-MM-DD', example: '2025-06-30', parse: (t, falt) => (tom(t) ? undefined : parseDatum(t, falt)), format: v => v, check}, o);
}

/** A choice among a value list of types.ts; its labels are the list's own. */
function val<K extends string, const O extends Opts<K> = {}>(label: string, names: Record<K, string>, o?: O) {
	const values = varden(names);
	const check = (v: unknown, falt: string): K => {
		const k = values.find(x => x === v);
		if (k === undefined) throw new MalkollError(`${falt}: "${String(v)}" är inget giltigt värde (välj ${values.join(', ')})`);
		return k;
	};
	const hint = `${values.join('|')}${o?.required ? '' : '|none'}`;
	return row<K, O>({label, kind: 'val', hint, values, names, parse: (t, falt) => (tom(t) && !o?.required ? undefined : check(t.trim(), falt)), format: v => names[v], check}, o);
}

/** A share between 0 and 1, typed as "20 %" or "0,2". */
function andel<const O extends Opts<number> = {}>(label: string, o?: O) {
	const check = (v: unknown, falt: string) => {
		if (typeof v !== 'number' || !(v >= 0 && v <= 1)) throw new MalkollError(`${falt}: ska vara mellan 0 och 100 % (0 och 1)`);
	};
	const parse = (t: string, falt: string) => {
		const v = parseInmatning(t, falt);
		if (!v) return undefined;
		const andel = v.tolerance !== undefined || v.value === undefined ? Number.NaN : v.unit === '%' ? Math.round(v.value * 1e4) / 1e6 : v.value;
		check(andel, falt);
		return andel;
	};
	return row<number, O>({label, kind: 'andel', hint: 'PROCENT', example: '20 %', parse, format: v => `${formatTal(v * 100)}${NBSP}%`, check}, o);
}

const resultat = row<ForvantatResultat[], {required: true}>(
	{
		label: 'Förväntat resultat',
		kind: 'resultat',
		flag: 'resultat',
		hint: 'TEXT',
		multiple: true,
		multiline: true,
		csv: false,
		parse: t => t.split('\n').flatMap(r => (r.trim() === '' ? [] : [r])).map((r, i) => ({nr: i + 1, text: r})),
		format: v => v.map(r => r.text).join('\n'),
		check(v, falt) {
			if (!Array.isArray(v) || !v.every(r => typeof r?.nr === 'number' && typeof r?.text === 'string')) throw new MalkollError(`${falt}: väntade en lista av {nr, text}`);
		},
	},
	{required: true},
);

const bidrarTill = row<string[], {}>({
	label: 'Bidrar till',
	kind: 'idlista',
	hint: 'ID,ID',
	csv: false,
	parse: t => (tom(t) ? undefined : t.split(/[\s,]+/).filter(x => x !== '')),
	format: v => v.join(', '),
	check(v, falt) {
		if (!Array.isArray(v) || !v.every(x => typeof x === 'string' && /^\d+(\.\d+)*$/.test(x))) throw new MalkollError(`${falt}: väntade en lista av mål-id`);
	},
});

const ejGranskad = row<true, {}>({
	label: 'Ej granskad',
	kind: 'ja',
	hint: '',
	csv: false,
	parse: t => (tom(t) ? undefined : true),
	format: () => 'ja',
	check(v, falt) {
		if (v !== true) throw new MalkollError(`${falt}: väntade true (eller inget)`);
	},
});

type Besvarat = Partial<Record<VarningKod, string>>;

/** Warnings answered with a reason: typed one at a time as "KOD: motivering"; "KOD:" withdraws one. */
const besvarat = row<Besvarat, {}>({
	label: 'Besvarade varningar',
	kind: 'besvarat',
	flag: 'besvara',
	hint: 'REGEL: MOTIVERING',
	example: 'analys-utan-grund: Grunden står under varje punkt.',
	csv: false,
	parse(t, falt) {
		if (tom(t)) return undefined;
		const i = t.indexOf(':');
		const kod = BESVARBARA.find(k => k === (i < 0 ? t : t.slice(0, i)).trim());
		if (!kod) throw new MalkollError(`${falt}: skriv "REGEL: motivering", där REGEL är ${BESVARBARA.join(', ')}`);
		return {[kod]: i < 0 ? '' : t.slice(i + 1).trim()};
	},
	format: v => Object.entries(v).map(([k, m]) => `${k}: ${m}`).join('\n'),
	check(v, falt) {
		if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new MalkollError(`${falt}: väntade {REGEL: motivering}`);
		for (const [k, m] of Object.entries(v)) {
			if (!BESVARBARA.some(b => b === k)) throw new MalkollError(`${falt}: "${k}" är ingen regel som besvaras med en motivering (${BESVARBARA.join(', ')})`);
			checkText(m, falt);
			if (m.trim() === '') throw new MalkollError(`${falt}: ${k}: motiveringen får inte vara tom`);
		}
	},
	merge(stored, given) {
		const out: Besvarat = {...stored};
		for (const [k, m] of Object.entries(given) as Array<[VarningKod, string]>) {
			if (m === '') delete out[k];
			else out[k] = m;
		}
		return Object.keys(out).length > 0 ? out : undefined;
	},
});

const analys = text('Analys', {flag: 'analys', multiline: true, example: 'Bedömningen grundas på …'});

// A row is `required` exactly when types.ts has the field non-optional (the schema follows it).
type Row<E extends Entity, P extends Part, F extends FieldName<E, P>> = Omit<Field<FieldValue<E, P, F>>, 'required'> &
	(undefined extends Stored[E][P][F] ? {required?: undefined} : {required: true});
type Table = {[E in Entity]: {[P in Part]: {[F in FieldName<E, P>]-?: Row<E, P, F>}}};

/** The table. Row order is the order of forms, show, the CSV and the schema's properties. */
export const FIELDS: Table = {
	goal: {
		plan: {
			titel: text('Titel', {flag: 'titel', required: true, example: 'Enheten minskar sjukfrånvaron', column: 'Namn'}),
			beskrivning: text('Beskrivning', {flag: 'beskrivning', multiline: true}),
			forvantatResultat: resultat,
			bidrarTill,
		},
		followUp: {
			status: val('Status', STATUS_NAMN, {flag: 'status'}),
			analys,
			ejGranskad,
			besvarat,
		},
	},
	indicator: {
		plan: {
			namn: text('Namn', {flag: 'titel', required: true, example: 'Sjukfrånvaro'}),
			enhet: val('Enhet', ENHET_NAMN, {flag: 'enhet', example: '%'}),
			riktning: val('Riktning', RIKTNING_NAMN, {flag: 'riktning', required: true, example: 'lagre'}),
			periodicitet: val('Periodicitet', PERIODICITET_NAMN, {flag: 'periodicitet'}),
			arsmal: varde('Årsmål', {flag: 'arsmal', lenient: true}),
			kfArsmal: varde('KF:s årsmål', {flag: 'kfArsmal', lenient: true}),
			delvisMarginal: andel('Marginal för delvis', {flag: 'delvisMarginal'}),
			kommentar: text('Kommentar', {flag: 'kommentar', multiline: true}),
		},
		followUp: {
			utfall: varde('Periodens utfall', {flag: 'utfall', example: '7,9 %'}),
			man: varde('Utfall män', {flag: 'man', example: '6,1 %'}),
			kvinnor: varde('Utfall kvinnor', {flag: 'kvinnor', example: '8,3 %'}),
			prognos: varde('Prognos helår', {flag: 'prognos'}),
			foregaendeVB: varde('Utfall föregående VB'),
			matperiod: text('Period'),
			analys,
			ejGranskad,
		},
	},
	activity: {
		plan: {
			text: text('Aktivitet', {flag: 'titel', required: true, example: 'Hälsosamtal med alla', column: 'Namn'}),
			start: datum('Startdatum', {flag: 'start'}),
			slut: datum('Slutdatum', {flag: 'slut'}),
			ursprung: val('Ursprung', URSPRUNG_NAMN, {csv: false}),
			ansvarig: text('Ansvarig', {csv: false}),
		},
		followUp: {
			tillstand: val('Tillstånd', TILLSTAND_NAMN, {flag: 'state', example: 'pagar'}),
			avvikelse: text('Avvikelse', {flag: 'avvikelse', example: 'Arbetet slutförs under 2026.'}),
			analys,
			nyttSlut: datum('Nytt slutdatum', {flag: 'slut'}),
			ejGranskad,
		},
	},
};

export interface NamedField extends Field {
	entity: Entity;
	part: Part;
	name: string;
}

/** The rows of one entity and part, in table order, each with its name. */
export function fields(entity: Entity, part: Part): NamedField[] {
	const rows: Record<string, Field> = FIELDS[entity][part];
	return Object.entries(rows).map(([name, f]) => ({...f, entity, part, name}));
}

/** The row of a field named at run time (flags, history, JSON), or undefined when there is none. */
export function field(entity: Entity, part: Part, name: string): Field | undefined {
	const rows: Record<string, Field> = FIELDS[entity][part];
	return Object.hasOwn(rows, name) ? rows[name] : undefined;
}

/** The fields of a form for `entity`: those a chef edits (every row with a flag), in table order. */
export function formFields(entity: Entity, part: Part): NamedField[] {
	return fields(entity, part).filter(f => f.flag !== undefined);
}

/** A field's label, or its name when the table has no such row (an old history line). */
export function fieldLabel(entity: Entity | undefined, part: Part, name: string): string {
	return (entity && field(entity, part, name)?.label) ?? name;
}

/** A stored value as a person reads it; text that is no value of the field is shown as it is. */
export function formatField(entity: Entity | undefined, part: Part, name: string, value: unknown): string | undefined {
	if (value === undefined || value === null) return undefined;
	const f = entity && field(entity, part, name);
	if (f) {
		try {
			f.check(value, name);
			return f.format(value);
		} catch {}
	}
	return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The fields a command's flags set: `set` the follow-up, `add` and `edit` the plan. */
export function flagFields(command: 'set' | 'add' | 'edit'): NamedField[] {
	const part: Part = command === 'set' ? 'followUp' : 'plan';
	return ENTITIES.flatMap(e => formFields(e, part));
}
