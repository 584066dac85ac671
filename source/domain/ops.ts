// Every change to a store is an Op: plain data that can be checked, applied, recorded in the
// history and inverted (undo, restore). The CLI, the TUI and the importer all change a store
// through applyOp, so the rules live in one place.
import {ConflictError, MalkollError} from '../errors.js';
import {type Entity, type FieldName, type FieldValue, ENTITY_NAMN, field, fields} from './fields.js';
import {type Activity, type Goal, type Indicator, type Period, type PeriodFollowUp, type StoreData, NIVA_NAMN, PERIODER} from './types.js';

export {type Entity, ENTITY_NAMN, MAX_TEXT} from './fields.js';

type Items = {goal: Goal; indicator: Indicator; activity: Activity};
type FieldOp<O, P extends 'plan' | 'followUp', E extends Entity> = {
	[F in FieldName<E, P>]: {op: O; entity: E; id: string; field: F; value?: FieldValue<E, P, F>; expect?: FieldValue<E, P, F>};
}[FieldName<E, P>];
/** A change to one follow-up field in one period; the value's type follows the entity and the field. */
export type SetOp = {[E in Entity]: FieldOp<'set', 'followUp', E> & {period: Period}}[Entity];
/** A change to one field of the plan. */
export type DefOp = {[E in Entity]: FieldOp<'def', 'plan', E>}[Entity];

/** `value: undefined` (or null in JSON) clears the field. `expect`, when present, is the value
 * the writer last saw: if the store holds something else now, the op is refused (ConflictError). */
export type Op =
	| SetOp
	| DefOp
	/** `aterstall` brings back a deleted item with its follow-up (undo of a remove). */
	| {[E in Entity]: {op: 'add'; entity: E; item: Items[E]; aterstall?: {uppfoljning?: Uppfoljningar}}}[Entity]
	| {op: 'remove'; entity: Entity; id: string}
	/** Store-wide fields: the current period, the periods marked inlämnad. */
	| {op: 'meta'; field: 'period'; value?: Period; expect?: Period}
	| {op: 'meta'; field: 'inlamnad'; value?: StoreData['inlamnad']; expect?: StoreData['inlamnad']};

/** An op on a field named at run time (flags, the history, an import, a form): applyOp checks
 * the field and the value against the table (an added item: the store's schema before any write),
 * so its type is only claimed here. */
export function namedOp(
	op:
		| {op: 'set'; period: Period; entity: Entity; id: string; field: string; value?: unknown; expect?: unknown}
		| {op: 'def'; entity: Entity; id: string; field: string; value?: unknown; expect?: unknown}
		| {op: 'add'; entity: Entity; item: unknown; aterstall?: {uppfoljning?: Uppfoljningar}}
		| {op: 'meta'; field: 'period' | 'inlamnad'; value?: unknown; expect?: unknown},
): Op {
	return op as Op;
}

/** The follow-up of one item in each period where it has one. */
export type Uppfoljningar = Partial<Record<Period, Record<string, unknown>>>;

/** One line of the history: the op as applied, with the value before and after. */
export interface Change {
	at: string;
	author: string;
	op: Op['op'];
	/** Absent on 'meta' changes. */
	entity?: Entity;
	/** The item's id; for 'meta' the field name. */
	id: string;
	period?: Period;
	field?: string;
	old: unknown;
	new: unknown;
	/** Set on a change that restores an earlier version. */
	restore?: number;
	/** A change to a period already marked inlämnad. */
	efterInlamning?: true;
	/** What a remove took with it: the item's follow-up per period (brought back by undo). */
	uppfoljning?: Uppfoljningar;
}

export function emptyFollowUp(): PeriodFollowUp {
	return {goals: {}, indicators: {}, activities: {}};
}

/** Where each entity is kept, in the catalogue and in a period's follow-up alike. */
const LISTA = {goal: 'goals', indicator: 'indicators', activity: 'activities'} as const;

function lista(data: StoreData, entity: Entity): Array<Goal | Indicator | Activity> {
	return data[LISTA[entity]];
}

export function findEntity(data: StoreData, entity: Entity, id: string): Goal | Indicator | Activity | undefined {
	return lista(data, entity).find(x => x.id === id);
}

/** Which kind of thing an id names: "1.4.1" a goal, "3.4:i2" an indicator, "1.4.1:a3" an activity. */
export function entityOfId(id: string): Entity | undefined {
	if (/^\d+(\.\d+)*$/.test(id)) return 'goal';
	if (/^\d+(\.\d+)*:i\d+$/.test(id)) return 'indicator';
	if (/^\d+(\.\d+)*:a\d+$/.test(id)) return 'activity';
	return undefined;
}

/** The same stored value (absent and null alike), compared as JSON. */
export function same(a: unknown, b: unknown): boolean {
	return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

function followUpBucket(data: StoreData, period: Period, entity: Entity): Record<string, Record<string, unknown>> {
	return (data.followUp[period] ??= emptyFollowUp())[LISTA[entity]];
}

/** Reads the follow-up value of one field (undefined when absent). */
export function getFollowUp(data: StoreData, period: Period, entity: Entity, id: string, field: string): unknown {
	const bucket: Record<string, Record<string, unknown> | undefined> | undefined = data.followUp[period]?.[LISTA[entity]];
	return bucket?.[id]?.[field];
}

function requireEntity(data: StoreData, entity: Entity, id: string): Goal | Indicator | Activity {
	const found = findEntity(data, entity, id);
	if (!found) throw new MalkollError(`okänt ${ENTITY_NAMN[entity]}-id "${id}"`);
	return found;
}

function checkExpect(op: {expect?: unknown}, current: unknown, falt: string): void {
	if ('expect' in op && !same(op.expect, current)) throw new ConflictError(`${falt}: ändrat av någon annan sedan du läste det`, current);
}

/** The row of an op's field, or a one-line error naming the fields there are. */
function fieldOf(op: {entity: Entity; id: string; field: string; value?: unknown}, part: 'plan' | 'followUp') {
	const f = field(op.entity, part, op.field);
	if (!f) throw new MalkollError(`${op.id} ${op.field}: okänt fält för ${ENTITY_NAMN[op.entity]} (${fields(op.entity, part).map(x => x.name).join(', ')})`);
	return {f, falt: `${op.id} ${f.label}`, value: op.value ?? undefined};
}

const isPeriod = (v: unknown): v is Period => PERIODER.some(p => p === v);

/** Applies one op to `data` in place and returns what changed. Throws MalkollError when the op
 * is not allowed (unknown id or field, bad value, a status on the VP or on a level the store
 * does not assess) and ConflictError when `expect` no longer holds. */
export function applyOp(data: StoreData, op: Op, at: string, author: string, opts: {force?: boolean} = {}): Change {
	switch (op.op) {
		case 'set': {
			if (!PERIODER.includes(op.period)) throw new MalkollError(`okänd period "${op.period}" (${PERIODER.join(', ')})`);
			const item = requireEntity(data, op.entity, op.id);
			const {f, falt, value} = fieldOf(op, 'followUp');
			const inlamnad = data.inlamnad?.[op.period];
			if (inlamnad && !opts.force) throw new MalkollError(`${falt}: ${op.period} är inlämnad (${inlamnad.at.slice(0, 10)} av ${inlamnad.av}); ändra ändå med --force`);
			if (value !== undefined) f.check(value, falt);
			if (op.field === 'status' && value !== undefined && 'niva' in item) {
				if (op.period === 'VP') throw new MalkollError(`${falt}: VP är en plan och får ingen status; välj T1, T2 eller VB`);
				if (!data.bedomdaNivaer.includes(item.niva)) throw new MalkollError(`${falt}: ${NIVA_NAMN[item.niva]} bedöms inte i den här organisationen (${data.organisation.namn})`);
			}
			const bucket = followUpBucket(data, op.period, op.entity);
			const rec = bucket[op.id];
			const old = rec?.[op.field];
			checkExpect(op, old, falt);
			if (value !== undefined) (bucket[op.id] ??= {})[op.field] = value;
			else if (rec) {
				delete rec[op.field];
				if (Object.keys(rec).length === 0) delete bucket[op.id];
			}
			const change: Change = {at, author, op: 'set', entity: op.entity, id: op.id, period: op.period, field: op.field, old: old ?? null, new: value ?? null};
			if (inlamnad) change.efterInlamning = true;
			return change;
		}
		case 'def': {
			const item: Record<string, unknown> = requireEntity(data, op.entity, op.id);
			const {f, falt, value} = fieldOf(op, 'plan');
			if (value === undefined && f.required) throw new MalkollError(`${falt}: fältet kan inte tömmas`);
			if (value !== undefined) f.check(value, falt);
			const old = item[op.field];
			checkExpect(op, old, falt);
			if (value === undefined) delete item[op.field];
			else item[op.field] = value;
			return {at, author, op: 'def', entity: op.entity, id: op.id, field: op.field, old: old ?? null, new: value ?? null};
		}
		case 'add': {
			const id = op.item.id;
			const borttagen = (data.borttagna ?? []).includes(id);
			if (findEntity(data, op.entity, id) || (borttagen && !op.aterstall)) {
				throw new MalkollError(`id "${id}" finns redan eller har använts förut; ett id återanvänds aldrig`);
			}
			if (entityOfId(id) !== op.entity) throw new MalkollError(`"${id}" är inget giltigt id för ${ENTITY_NAMN[op.entity]}`);
			const parentId = op.entity === 'goal' ? op.item.parentId : op.item.malId;
			if (parentId && !findEntity(data, 'goal', parentId)) throw new MalkollError(`okänt ${op.entity === 'goal' ? 'överordnat mål' : 'mål-id'} "${parentId}"`);
			if (op.entity === 'goal') insertGoal(data, structuredClone(op.item));
			else lista(data, op.entity).push(structuredClone(op.item));
			if (op.aterstall) {
				data.borttagna = (data.borttagna ?? []).filter(x => x !== id);
				if (data.borttagna.length === 0) delete data.borttagna;
				for (const period of PERIODER) {
					const fu = op.aterstall.uppfoljning?.[period];
					if (fu) followUpBucket(data, period, op.entity)[id] = structuredClone(fu);
				}
			}
			return {at, author, op: 'add', entity: op.entity, id, old: null, new: structuredClone(op.item)};
		}
		case 'remove': {
			const item = requireEntity(data, op.entity, op.id);
			if (op.entity === 'goal' && data.goals.some(g => g.parentId === op.id)) {
				throw new MalkollError(`${op.id}: målet har undermål; ta bort dem först`);
			}
			if (op.entity === 'goal' && [...data.indicators, ...data.activities].some(x => x.malId === op.id)) {
				throw new MalkollError(`${op.id}: målet har indikatorer eller aktiviteter; ta bort dem först`);
			}
			lista(data, op.entity).splice(lista(data, op.entity).indexOf(item), 1);
			(data.borttagna ??= []).push(op.id);
			const uppfoljning: Uppfoljningar = {};
			for (const period of PERIODER) {
				const bucket = data.followUp[period] && followUpBucket(data, period, op.entity);
				const fu = bucket?.[op.id];
				if (bucket && fu) {
					uppfoljning[period] = fu;
					delete bucket[op.id];
				}
			}
			const change: Change = {at, author, op: 'remove', entity: op.entity, id: op.id, old: item, new: null};
			if (Object.keys(uppfoljning).length > 0) change.uppfoljning = uppfoljning;
			return change;
		}
		case 'meta': {
			const old = data[op.field];
			if (op.field === 'period') {
				if (!isPeriod(op.value)) throw new MalkollError(`period: okänd period "${String(op.value)}" (${PERIODER.join(', ')})`);
				checkExpect(op, old, 'period');
				data.period = op.value;
			} else {
				const value = op.value ?? undefined;
				const ok = value === undefined || (typeof value === 'object' && Object.entries(value).every(([p, v]) => PERIODER.some(x => x === p) && typeof v?.at === 'string' && typeof v?.av === 'string'));
				if (!ok) throw new MalkollError('inlamnad: väntade {period: {at, av}}');
				checkExpect(op, old, 'inlamnad');
				if (value === undefined) delete data.inlamnad;
				else data.inlamnad = structuredClone(value);
			}
			return {at, author, op: 'meta', id: op.field, field: op.field, old: old ?? null, new: op.value ?? null};
		}
	}
}

/** A new goal goes after the last goal of its subtree, so the file keeps the tree's order. */
function insertGoal(data: StoreData, goal: Goal): void {
	const inSubtree = new Set([goal.parentId]);
	let last = goal.parentId ? data.goals.findIndex(g => g.id === goal.parentId) : data.goals.length - 1;
	data.goals.forEach((g, i) => {
		if (i > last && g.parentId && inSubtree.has(g.parentId)) {
			inSubtree.add(g.id);
			last = i;
		}
	});
	data.goals.splice(last + 1, 0, goal);
}

/** What a recorded change names; a history line without it is refused, never guessed. */
export function changeTarget(c: Change): {entity: Entity; id: string; period: Period; field: string} {
	const {entity, id, period, field} = c;
	const set = c.op === 'set';
	if (!entity || ((set || c.op === 'def') && field === undefined) || (set && !period)) throw new MalkollError(`historiken: ändringen av ${id} (${c.at}) är ofullständig`);
	return {entity, id, period: period ?? 'VP', field: field ?? ''};
}

/** The op that undoes a change (for `u` in the TUI and for restore). */
export function invertChange(c: Change): Op {
	if (c.op === 'meta') return namedOp({op: 'meta', field: c.id === 'period' ? 'period' : 'inlamnad', value: c.old ?? undefined, expect: c.new});
	const {entity, id, period, field} = changeTarget(c);
	switch (c.op) {
		case 'set':
			return namedOp({op: 'set', period, entity, id, field, value: c.old ?? undefined, expect: c.new});
		case 'def':
			return namedOp({op: 'def', entity, id, field, value: c.old ?? undefined, expect: c.new});
		case 'add':
			return {op: 'remove', entity, id};
		case 'remove':
			return namedOp({op: 'add', entity, item: c.old, aterstall: {uppfoljning: c.uppfoljning}});
	}
}
