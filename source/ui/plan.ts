// The fields of the TUI's forms, one row each (label, kind, choices), how a stored value is shown in
// a field and how a typed one is read back; and the op that adds a new item to the plan.
import {parseDatum} from '../domain/datum.js';
import {type Entity, type Op, getFollowUp} from '../domain/ops.js';
import {nextGoalId, nextRowId, nivaUnder} from '../domain/plan.js';
import {parseInmatning, parseVarde} from '../domain/tal.js';
import {type Activity, type ForvantatResultat, type Goal, type Indicator, type Period, type Riktning, type StoreData, type Varde, NIVA_NAMN, RIKTNINGAR, TILLSTAND, TILLSTAND_NAMN} from '../domain/types.js';
import {MalkollError} from '../errors.js';
import {type EditorState, editorText, nyEditor} from './editor.js';

export const RIKTNING_NAMN: Record<Riktning, string> = {
	hogre: 'högre är bättre',
	lagre: 'lägre är bättre',
	max: 'högst målet',
	band: 'inom ± målet',
};

/** krav: one line that must not be empty; tal: a number as typed (strict); mal: a target (any text
 * kept, a number read); resultat: Förväntat resultat, one per line; val: one of `val`. */
type Kind = 'text' | 'krav' | 'flerrad' | 'resultat' | 'tal' | 'mal' | 'datum' | 'val';

interface Def {
	field: string;
	etikett: string;
	kind: Kind;
	val?: readonly string[];
	/** How each choice is shown (else the key itself). */
	valNamn?: Record<string, string>;
	/** The text of a new item's field. */
	standard?: string;
}

export interface FormFalt extends Def {
	/** What the chef types, or for a choice the chosen key. */
	ed: EditorState;
	/** The stored value the form was opened with: the `expect` of the op. */
	original: unknown;
	/** The text the form opened with on the data of then. */
	start: string;
}

export type Slag = 'uppfoljning' | 'ny' | 'andra';

const FOLJ_UPP: Record<'indicator' | 'activity', Def[]> = {
	indicator: [
		{field: 'utfall', etikett: 'Utfall', kind: 'tal'},
		{field: 'man', etikett: 'Män', kind: 'tal'},
		{field: 'kvinnor', etikett: 'Kvinnor', kind: 'tal'},
		{field: 'prognos', etikett: 'Prognos helår', kind: 'tal'},
		{field: 'analys', etikett: 'Analys', kind: 'text'},
	],
	activity: [
		{field: 'tillstand', etikett: 'Tillstånd', kind: 'val', val: ['', ...TILLSTAND], valNamn: {'': 'ej rapporterad', ...TILLSTAND_NAMN}},
		{field: 'avvikelse', etikett: 'Avvikelse', kind: 'text'},
		{field: 'analys', etikett: 'Analys', kind: 'text'},
		{field: 'nyttSlut', etikett: 'Nytt slutdatum', kind: 'datum'},
	],
};

const PLAN: Record<Entity, Def[]> = {
	goal: [
		{field: 'titel', etikett: 'Titel', kind: 'krav'},
		{field: 'beskrivning', etikett: 'Beskrivning', kind: 'flerrad'},
		{field: 'forvantatResultat', etikett: 'Förväntat resultat (ett per rad)', kind: 'resultat'},
	],
	activity: [
		{field: 'text', etikett: 'Aktivitet', kind: 'krav'},
		{field: 'start', etikett: 'Startdatum', kind: 'datum'},
		{field: 'slut', etikett: 'Slutdatum', kind: 'datum'},
	],
	indicator: [
		{field: 'namn', etikett: 'Namn', kind: 'krav'},
		{field: 'enhet', etikett: 'Enhet', kind: 'val', val: ['', '%', 'st', 'index'], valNamn: {'': 'ingen', '%': '%', st: 'st', index: 'index'}},
		{field: 'riktning', etikett: 'Riktning', kind: 'val', val: RIKTNINGAR, valNamn: RIKTNING_NAMN, standard: 'hogre'},
		{field: 'arsmal', etikett: 'Årsmål', kind: 'mal'},
	],
};

export {ENTITY_NAMN} from '../domain/ops.js';
/** "Nytt mål", "Ny aktivitet": the heading and the errors of a new item's form. */
export const NY_NAMN: Record<Entity, string> = {goal: 'Nytt mål', indicator: 'Ny indikator', activity: 'Ny aktivitet'};

/** Takes several lines: Enter makes a new line, Ctrl-S saves. */
export function flerrad(f: Def): boolean {
	return f.kind === 'flerrad' || f.kind === 'resultat';
}

// A Förväntat resultat is one line in the form; a paragraph break inside one becomes a space there.
function enRad(text: string): string {
	return text.replace(/\s*\n+\s*/g, ' ');
}

/** A stored value as the text of its field. */
function format(d: Def, value: unknown): string {
	if (d.kind === 'tal' || d.kind === 'mal') return (value as Varde | undefined)?.raw ?? '';
	if (d.kind === 'resultat') return ((value as ForvantatResultat[] | undefined) ?? []).map(r => enRad(r.text)).join('\n');
	return (value as string | undefined) ?? d.standard ?? '';
}

function falt(d: Def, original: unknown): FormFalt {
	const start = format(d, original);
	return {...d, original, start, ed: nyEditor(start)};
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
	if (slag === 'uppfoljning') return FOLJ_UPP[entity as 'indicator' | 'activity'].map(d => falt(d, getFollowUp(data, period, entity, id, d.field)));
	const falten = PLAN[entity].map(d => falt(d, item?.[d.field as keyof typeof item]));
	if (typer.length < 2) return falten;
	const parent = data.goals.find(g => g.id === id);
	const typ = {...falt({field: 'typ', etikett: 'Typ', kind: 'val', val: typer, valNamn: Object.fromEntries(typer.map(t => [t, typNamn(t, parent)]))}, undefined), ed: nyEditor(entity)};
	return [typ, ...falten];
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
	if (text === format(f, f.original) && f.original !== undefined) return f.original;
	const tom = text.trim() === '';
	const falt = `${namn} ${f.etikett.replace(/ \(.*\)$/, '')}`;
	switch (f.kind) {
		case 'krav':
			if (tom) throw new MalkollError(`${falt}: får inte vara tom`);
			return text.trim();
		case 'tal':
			return parseInmatning(text, falt);
		case 'mal':
			return tom ? undefined : parseVarde(text.trim());
		case 'datum':
			return tom ? undefined : parseDatum(text, falt);
		case 'resultat':
			return resultat(text, f.original as ForvantatResultat[] | undefined);
		default:
			return tom ? undefined : text;
	}
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
	return {op: 'add', entity, item: {id: nextRowId(data, entity, parentId), malId: parentId, ...v} as Activity | Indicator};
}
