// The TUI's forms, read off the field table (domain/fields.ts): a field's label, kind, choices and
// parsing are its row there; and the op that adds a new item to the plan.
import {type Entity, type NamedField, formFields} from '../domain/fields.js';
import {type Op, getFollowUp, namedOp} from '../domain/ops.js';
import {nextGoalId, nextRowId, nivaUnder} from '../domain/plan.js';
import {type Activity, type ForvantatResultat, type Goal, type Indicator, type Period, type StoreData, NIVA_NAMN} from '../domain/types.js';
import {MalkollError} from '../errors.js';
import {type EditorState, editorText, nyEditor} from './editor.js';

export interface FormFalt {
	field: string;
	etikett: string;
	/** The table's row; absent for the choice of kind on a new item's form. */
	rad?: NamedField;
	/** Takes several lines: Enter makes a new line, Ctrl-S saves. */
	flerrad: boolean;
	val?: readonly string[];
	/** How each choice is shown (else the key itself). */
	valNamn?: Readonly<Record<string, string>>;
	/** What the chef types, or for a choice the chosen key. */
	ed: EditorState;
	/** The stored value the form was opened with: the `expect` of the op. */
	original: unknown;
	/** The text the form opened with on the data of then. */
	start: string;
}

export type Slag = 'uppfoljning' | 'ny' | 'andra';

/** "Nytt mål", "Ny aktivitet": the heading and the errors of a new item's form. */
export const NY_NAMN: Record<Entity, string> = {goal: 'Nytt mål', indicator: 'Ny indikator', activity: 'Ny aktivitet'};

/** How an optional choice left empty is shown. */
const INGET: Record<string, string> = {tillstand: 'ej rapporterad'};

// A Förväntat resultat is one line in the form, so its paragraph breaks are spaces there and an
// unchanged line keeps its text exactly (the table's format gives each paragraph its own line).
function enRad(text: string): string {
	return text.replace(/\s*\n+\s*/g, ' ');
}

/** A stored value as the text of its field: for a choice its key. */
function format(r: NamedField, value: unknown): string {
	if (value === undefined) return r.kind === 'val' && r.required ? r.values![0]! : '';
	if (r.kind === 'resultat') return (value as ForvantatResultat[]).map(x => enRad(x.text)).join('\n');
	return r.kind === 'val' ? String(value) : r.format(value);
}

function falt(rad: NamedField, original: unknown): FormFalt {
	const start = format(rad, original);
	const val = rad.values && (rad.required ? rad.values : ['', ...rad.values]);
	return {field: rad.name, etikett: rad.label, rad, flerrad: rad.multiline === true, val, valNamn: val && {'': INGET[rad.name] ?? 'ingen', ...rad.names}, original, start, ed: nyEditor(start)};
}

/** The kinds a new item under `parent` can be: a goal where the level below is the store's own
 * (an enhetsmål under a nämndmål, never under an enhetsmål), and an activity or an indicator under any goal. */
export function nyaTyper(data: StoreData, parent: Goal, fokus: 'tree' | 'indicators' | 'activities'): Entity[] {
	if (fokus === 'indicators') return ['indicator'];
	if (fokus === 'activities') return ['activity'];
	const mal = parent.niva !== 'enhetsmal' && data.bedomdaNivaer.includes(nivaUnder(parent));
	return [...(mal ? (['goal'] as const) : []), 'activity', 'indicator'];
}

/** What a new item of that kind is called under `parent`: "Enhetsmål", "Aktivitet", "Indikator". */
export function typNamn(entity: Entity, parent: Goal | undefined): string {
	if (entity === 'goal') return NIVA_NAMN[nivaUnder(parent)];
	return entity === 'activity' ? 'Aktivitet' : 'Indikator';
}

/** The fields of a form as it opens on `data`: the period's values of an indicator or activity
 * (uppfoljning), the definition of an item (andra), or a new item under the goal `id` (ny, with
 * the choice of kind first when more than one fits). */
export function formFalt(data: StoreData, slag: Slag, entity: Entity, id: string, period: Period, item?: Goal | Indicator | Activity, typer: Entity[] = [entity]): FormFalt[] {
	if (slag === 'uppfoljning') return formFields(entity, 'followUp').map(r => falt(r, getFollowUp(data, period, entity, id, r.name)));
	const falten = formFields(entity, 'plan').map(r => falt(r, item?.[r.name as keyof typeof item]));
	if (typer.length < 2) return falten;
	const parent = data.goals.find(g => g.id === id);
	const namn = Object.fromEntries(typer.map(t => [t, typNamn(t, parent)]));
	return [{field: 'typ', etikett: 'Typ', flerrad: false, val: typer, valNamn: namn, original: undefined, start: entity, ed: nyEditor(entity)}, ...falten];
}

/** Lines of the form back to numbered results; a line equal to a result as shown keeps that result's text exactly. */
function resultat(text: string, original: ForvantatResultat[] | undefined): ForvantatResultat[] {
	const fore = new Map((original ?? []).map(r => [enRad(r.text), r.text]));
	return text
		.split('\n')
		.map(r => r.trim())
		.filter(r => r !== '')
		.map((r, i) => ({nr: i + 1, text: fore.get(r) ?? r}));
}

/** One field as the value to store (undefined clears); an unchanged field keeps its stored value
 * exactly. Throws a MalkollError naming `namn` and the field. */
export function varde(f: FormFalt, namn: string): unknown {
	const text = editorText(f.ed);
	if (!f.rad || (text === format(f.rad, f.original) && f.original !== undefined)) return f.original;
	if (f.rad.kind === 'resultat') return resultat(text, f.original as ForvantatResultat[] | undefined);
	return f.rad.parse(text, `${namn} ${f.etikett}`);
}

/** The op that adds the new item under `parentId`, with the next free id in `data` (run under the store's lock). */
export function nyOp(data: StoreData, entity: Entity, parentId: string, v: Record<string, unknown>): Op {
	const parent = data.goals.find(g => g.id === parentId);
	if (!parent) throw new MalkollError(`okänt mål-id "${parentId}"`);
	if (entity === 'goal') {
		const goal: Goal = {id: nextGoalId(data, parentId), niva: nivaUnder(parent), titel: v.titel as string, parentId, forvantatResultat: (v.forvantatResultat as ForvantatResultat[]) ?? []};
		if (v.beskrivning !== undefined) goal.beskrivning = v.beskrivning as string;
		return {op: 'add', entity, item: goal};
	}
	return namedOp({op: 'add', entity, item: {id: nextRowId(data, entity, parentId), malId: parentId, ...v}});
}
