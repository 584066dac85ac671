// The chef's plan in the TUI: the form fields that add or change an enhetsmål, an activity or an
// indicator, and the ops a filled form becomes. New ids are taken from domain/plan.ts at write time.
import {parseDatum} from '../domain/datum.js';
import {type Entity, namedOp, type Op, same} from '../domain/ops.js';
import {nextGoalId, nextRowId, nivaUnder} from '../domain/plan.js';
import {parseVarde} from '../domain/tal.js';
import {type Activity, type ForvantatResultat, type Goal, type Indicator, type StoreData, type Varde, ENHET_NAMN, ENHETER, NIVA_NAMN, RIKTNING_NAMN, RIKTNINGAR} from '../domain/types.js';
import {MalkollError} from '../errors.js';
import {editorText, nyEditor} from './editor.js';
import type {FormFalt} from './state.js';

const ENHET_VAL = ['', ...ENHETER];
const ENHET_VALNAMN: Record<string, string> = {'': 'ingen', ...ENHET_NAMN};

export {ENTITY_NAMN} from '../domain/ops.js';
/** "Nytt mål", "Ny aktivitet": the heading and the errors of a new item's form. */
export const NY_NAMN: Record<Entity, string> = {goal: 'Nytt mål', indicator: 'Ny indikator', activity: 'Ny aktivitet'};

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

function falt(field: string, etikett: string, original: unknown, text: string, extra: Partial<FormFalt> = {}): FormFalt {
	return {field, etikett, original, ed: nyEditor(text), ...extra};
}

// A Förväntat resultat is one line in the form; a paragraph break inside one becomes a space there.
function enRad(text: string): string {
	return text.replace(/\s*\n+\s*/g, ' ');
}

/** The choice of kind on a new item's form (absent when only one kind fits). */
export function typFalt(typer: Entity[], vald: Entity, parent: Goal | undefined): FormFalt {
	return falt('typ', 'Typ', undefined, vald, {val: typer, valNamn: Object.fromEntries(typer.map(t => [t, typNamn(t, parent)]))});
}

/** The fields of a goal, an indicator or an activity; filled from `item` when changing it. */
export function planFalt(entity: Entity, item?: Goal | Indicator | Activity): FormFalt[] {
	if (entity === 'goal') {
		const g = item as Goal | undefined;
		return [
			falt('titel', 'Titel', g?.titel, g?.titel ?? ''),
			falt('beskrivning', 'Beskrivning', g?.beskrivning, g?.beskrivning ?? '', {flerrad: true}),
			falt('forvantatResultat', 'Förväntat resultat (ett per rad)', g?.forvantatResultat, (g?.forvantatResultat ?? []).map(r => enRad(r.text)).join('\n'), {flerrad: true}),
		];
	}
	if (entity === 'activity') {
		const a = item as Activity | undefined;
		return [falt('text', 'Aktivitet', a?.text, a?.text ?? ''), falt('start', 'Startdatum', a?.start, a?.start ?? ''), falt('slut', 'Slutdatum', a?.slut, a?.slut ?? '')];
	}
	const i = item as Indicator | undefined;
	return [
		falt('namn', 'Namn', i?.namn, i?.namn ?? ''),
		falt('enhet', 'Enhet', i?.enhet, i?.enhet ?? '', {val: ENHET_VAL, valNamn: ENHET_VALNAMN}),
		falt('riktning', 'Riktning', i?.riktning, i?.riktning ?? 'hogre', {val: RIKTNINGAR, valNamn: RIKTNING_NAMN}),
		falt('arsmal', 'Årsmål', i?.arsmal, i?.arsmal?.raw ?? ''),
	];
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

/** One field as the value to store (undefined clears); throws a MalkollError naming `namn` and the field. */
function varde(f: FormFalt, namn: string): unknown {
	const text = editorText(f.ed);
	const tom = text.trim() === '';
	const falt = `${namn} ${f.etikett.replace(/ \(.*\)$/, '')}`;
	switch (f.field) {
		case 'titel':
		case 'namn':
		case 'text':
			if (tom) throw new MalkollError(`${falt}: får inte vara tom`);
			return text.trim();
		case 'start':
		case 'slut':
			return tom ? undefined : parseDatum(text, falt);
		case 'arsmal':
			// An unchanged target keeps its stored parse.
			if (text === ((f.original as Varde | undefined)?.raw ?? '')) return f.original;
			return tom ? undefined : parseVarde(text.trim());
		case 'forvantatResultat': {
			const fore = f.original as ForvantatResultat[] | undefined;
			if (text === (fore ?? []).map(r => enRad(r.text)).join('\n')) return fore;
			return resultat(text, fore);
		}
		case 'enhet':
		case 'beskrivning':
			return tom ? undefined : text;
		default:
			return text;
	}
}

/** Every field of a filled form (the kind choice left out), read and checked. */
export function lasForm(falt: FormFalt[], namn: string): Array<{field: string; value: unknown; original: unknown}> {
	return falt.filter(f => f.field !== 'typ').map(f => ({field: f.field, value: varde(f, namn), original: f.original}));
}

/** The def ops for the fields that differ from the item as it was when the form opened. */
export function andraOps(entity: Entity, id: string, varden: ReturnType<typeof lasForm>): Op[] {
	return varden.filter(v => !same(v.value, v.original)).map(v => namedOp({op: 'def', entity, id, field: v.field, value: v.value, expect: v.original}));
}

/** The op that adds the new item under `parentId`, with the next free id in `data` (run under the store's lock). */
export function nyOp(data: StoreData, entity: Entity, parentId: string, varden: ReturnType<typeof lasForm>): Op {
	const parent = data.goals.find(g => g.id === parentId);
	if (!parent) throw new MalkollError(`okänt mål-id "${parentId}"`);
	const v = Object.fromEntries(varden.filter(x => x.value !== undefined).map(x => [x.field, x.value]));
	if (entity === 'goal') {
		const goal: Goal = {id: nextGoalId(data, parentId), niva: nivaUnder(parent), titel: v.titel as string, parentId, forvantatResultat: (v.forvantatResultat as ForvantatResultat[]) ?? []};
		if (v.beskrivning !== undefined) goal.beskrivning = v.beskrivning as string;
		return {op: 'add', entity, item: goal};
	}
	return namedOp({op: 'add', entity, item: {id: nextRowId(data, entity, parentId), malId: parentId, ...v}});
}
