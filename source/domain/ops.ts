// Every change to a store is an Op: plain data that can be checked, applied, recorded in the
// history and inverted (undo, restore). The CLI, the TUI and the importer all change a store
// through applyOp, so the rules live in one place.
import {ConflictError, MalkollError} from '../errors.js';
import {arGiltigtDatum} from './datum.js';
import {
	type Activity,
	type Goal,
	type Indicator,
	type Period,
	type PeriodFollowUp,
	type StoreData,
	type Varde,
	NIVA_NAMN,
	PERIODER,
	RIKTNINGAR,
	STATUSAR,
	TILLSTAND,
} from './types.js';

import {type Entity, ENTITY_NAMN} from './fields.js';

export {type Entity, ENTITY_NAMN} from './fields.js';

/** The longest text a field takes: a real analysis can be 20 KB; this leaves room. */
export const MAX_TEXT = 100_000;

export const FOLLOWUP_FIELDS = {
	goal: ['status', 'analys', 'ejGranskad'],
	indicator: ['utfall', 'man', 'kvinnor', 'prognos', 'foregaendeVB', 'matperiod', 'analys', 'ejGranskad'],
	activity: ['tillstand', 'avvikelse', 'analys', 'nyttSlut', 'ejGranskad'],
} as const satisfies Record<Entity, readonly string[]>;

export const DEF_FIELDS = {
	goal: ['titel', 'beskrivning', 'forvantatResultat', 'bidrarTill'],
	indicator: ['namn', 'enhet', 'riktning', 'periodicitet', 'arsmal', 'kfArsmal', 'delvisMarginal', 'kommentar'],
	activity: ['text', 'start', 'slut', 'ursprung', 'ansvarig'],
} as const satisfies Record<Entity, readonly string[]>;

/** `value: undefined` (or null in JSON) clears the field. `expect`, when present, is the value
 * the writer last saw: if the store holds something else now, the op is refused (ConflictError). */
export type Op =
	| {op: 'set'; period: Period; entity: Entity; id: string; field: string; value?: unknown; expect?: unknown}
	| {op: 'def'; entity: Entity; id: string; field: string; value?: unknown; expect?: unknown}
	/** `aterstall` brings back a deleted item with its follow-up (undo of a remove). */
	| {op: 'add'; entity: Entity; item: Goal | Indicator | Activity; aterstall?: {uppfoljning?: Uppfoljningar}}
	| {op: 'remove'; entity: Entity; id: string}
	/** Store-wide fields: the current period, the periods marked inlämnad. */
	| {op: 'meta'; field: 'period' | 'inlamnad'; value?: unknown; expect?: unknown};

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

function list(data: StoreData, entity: Entity): Array<Goal | Indicator | Activity> {
	return entity === 'goal' ? data.goals : entity === 'indicator' ? data.indicators : data.activities;
}

export function findEntity(data: StoreData, entity: Entity, id: string): Goal | Indicator | Activity | undefined {
	return list(data, entity).find(x => x.id === id);
}

/** Which kind of thing an id names: "1.4.1" a goal, "3.4:i2" an indicator, "1.4.1:a3" an activity. */
export function entityOfId(id: string): Entity | undefined {
	if (/^\d+(\.\d+)*$/.test(id)) return 'goal';
	if (/^\d+(\.\d+)*:i\d+$/.test(id)) return 'indicator';
	if (/^\d+(\.\d+)*:a\d+$/.test(id)) return 'activity';
	return undefined;
}

const VARDE_KEYS = new Set(['raw', 'value', 'unit', 'tolerance']);

/** Exactly the schema's Varde: the store skips its whole-file validation after 'set' ops. */
function isVarde(v: unknown): v is Varde {
	if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
	const o = v as Record<string, unknown>;
	return (
		Object.keys(o).every(k => VARDE_KEYS.has(k)) &&
		typeof o.raw === 'string' &&
		(o.value === undefined || (typeof o.value === 'number' && Number.isFinite(o.value))) &&
		(o.unit === undefined || o.unit === '%' || o.unit === 'st') &&
		(o.tolerance === undefined || (typeof o.tolerance === 'number' && o.tolerance >= 0))
	);
}

function checkText(v: unknown, falt: string): void {
	if (typeof v !== 'string') throw new MalkollError(`${falt}: väntade text`);
	if (v.length > MAX_TEXT) {
		throw new MalkollError(`${falt}: texten är ${v.length} tecken, högst ${MAX_TEXT} tecken tillåts`);
	}
}

function checkValue(entity: Entity, field: string, value: unknown, falt: string): void {
	if (value === undefined) return;
	switch (field) {
		case 'status':
			if (!(STATUSAR as readonly unknown[]).includes(value)) {
				throw new MalkollError(`${falt}: okänd status "${String(value)}" (helt, delvis, inte, inga-data)`);
			}
			return;
		case 'tillstand':
			if (!(TILLSTAND as readonly unknown[]).includes(value)) {
				throw new MalkollError(`${falt}: okänt tillstånd "${String(value)}" (${TILLSTAND.join(', ')})`);
			}
			return;
		case 'riktning':
			if (!(RIKTNINGAR as readonly unknown[]).includes(value)) {
				throw new MalkollError(`${falt}: okänd riktning "${String(value)}" (${RIKTNINGAR.join(', ')})`);
			}
			return;
		case 'utfall':
		case 'man':
		case 'kvinnor':
		case 'prognos':
		case 'foregaendeVB':
		case 'arsmal':
		case 'kfArsmal':
			if (!isVarde(value)) throw new MalkollError(`${falt}: väntade ett värde {raw, value, unit, tolerance}`);
			checkText(value.raw, falt);
			return;
		case 'nyttSlut':
		case 'start':
		case 'slut':
			if (typeof value !== 'string' || !arGiltigtDatum(value)) {
				throw new MalkollError(`${falt}: "${String(value)}" är inget giltigt datum (ÅÅÅÅ-MM-DD)`);
			}
			return;
		case 'delvisMarginal':
			if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
				throw new MalkollError(`${falt}: marginalen ska vara ett tal mellan 0 och 1`);
			}
			return;
		case 'ejGranskad':
			if (value !== true) throw new MalkollError(`${falt}: väntade true (eller inget)`);
			return;
		case 'forvantatResultat':
			if (!Array.isArray(value) || !value.every(r => typeof r?.nr === 'number' && typeof r?.text === 'string')) {
				throw new MalkollError(`${falt}: väntade en lista av {nr, text}`);
			}
			return;
		case 'bidrarTill':
			if (!Array.isArray(value) || !value.every(x => typeof x === 'string')) {
				throw new MalkollError(`${falt}: väntade en lista av mål-id`);
			}
			return;
		case 'enhet':
			if (!['%', 'st', 'index'].includes(value as string)) throw new MalkollError(`${falt}: enhet ska vara %, st eller index`);
			return;
		case 'periodicitet':
			if (!['år', 'tertial'].includes(value as string)) throw new MalkollError(`${falt}: periodicitet ska vara år eller tertial`);
			return;
		default:
			checkText(value, falt);
			if (entity === 'goal' && field === 'titel' && (value as string).trim() === '') {
				throw new MalkollError(`${falt}: titeln får inte vara tom`);
			}
	}
}

/** The same stored value (absent and null alike), compared as JSON. */
export function same(a: unknown, b: unknown): boolean {
	return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

function followUpBucket(data: StoreData, period: Period, entity: Entity): Record<string, Record<string, unknown>> {
	const fu = (data.followUp[period] ??= emptyFollowUp());
	return (entity === 'goal' ? fu.goals : entity === 'indicator' ? fu.indicators : fu.activities) as Record<
		string,
		Record<string, unknown>
	>;
}

/** Reads the follow-up value of one field (undefined when absent). */
export function getFollowUp(data: StoreData, period: Period, entity: Entity, id: string, field: string): unknown {
	const fu = data.followUp[period];
	if (!fu) return undefined;
	const bucket = (entity === 'goal' ? fu.goals : entity === 'indicator' ? fu.indicators : fu.activities) as Record<
		string,
		Record<string, unknown> | undefined
	>;
	return bucket[id]?.[field];
}

function requireEntity(data: StoreData, entity: Entity, id: string): Goal | Indicator | Activity {
	const found = findEntity(data, entity, id);
	if (!found) throw new MalkollError(`okänt ${ENTITY_NAMN[entity]}-id "${id}"`);
	return found;
}

function checkExpect(op: {expect?: unknown; id: string; field: string}, current: unknown): void {
	if ('expect' in op && !same(op.expect, current)) {
		throw new ConflictError(`${op.id} ${op.field}: ändrat av någon annan sedan du läste det`, current);
	}
}

/** Applies one op to `data` in place and returns what changed. Throws MalkollError when the op
 * is not allowed (unknown id or field, bad value, a status on the VP or on a level the store
 * does not assess) and ConflictError when `expect` no longer holds. */
export function applyOp(data: StoreData, op: Op, at: string, author: string, opts: {force?: boolean} = {}): Change {
	switch (op.op) {
		case 'set': {
			if (!(PERIODER as readonly string[]).includes(op.period)) throw new MalkollError(`okänd period "${op.period}" (VP, T1, T2, VB)`);
			const item = requireEntity(data, op.entity, op.id);
			const falt = `${op.id} ${op.field}`;
			const inlamnad = data.inlamnad?.[op.period];
			if (inlamnad && !opts.force) {
				throw new MalkollError(
					`${falt}: ${op.period} är inlämnad (${inlamnad.at.slice(0, 10)} av ${inlamnad.av}); ändra ändå med --force`,
				);
			}
			if (!(FOLLOWUP_FIELDS[op.entity] as readonly string[]).includes(op.field)) {
				throw new MalkollError(`${falt}: okänt fält för ${ENTITY_NAMN[op.entity]} (${FOLLOWUP_FIELDS[op.entity].join(', ')})`);
			}
			const value = op.value === null ? undefined : op.value;
			checkValue(op.entity, op.field, value, falt);
			if (op.field === 'status' && value !== undefined) {
				if (op.period === 'VP') throw new MalkollError(`${falt}: VP är en plan och får ingen status; välj T1, T2 eller VB`);
				const goal = item as Goal;
				if (!data.bedomdaNivaer.includes(goal.niva)) {
					throw new MalkollError(`${falt}: ${NIVA_NAMN[goal.niva]} bedöms inte i den här organisationen (${data.organisation.namn})`);
				}
			}
			const bucket = followUpBucket(data, op.period, op.entity);
			const old = bucket[op.id]?.[op.field];
			checkExpect({...op}, old);
			if (value === undefined) {
				if (bucket[op.id]) {
					delete bucket[op.id]![op.field];
					if (Object.keys(bucket[op.id]!).length === 0) delete bucket[op.id];
				}
			} else {
				(bucket[op.id] ??= {})[op.field] = value;
			}
			const change: Change = {at, author, op: 'set', entity: op.entity, id: op.id, period: op.period, field: op.field, old: old ?? null, new: value ?? null};
			if (inlamnad) change.efterInlamning = true;
			return change;
		}
		case 'def': {
			const item = requireEntity(data, op.entity, op.id) as unknown as Record<string, unknown>;
			const falt = `${op.id} ${op.field}`;
			if (!(DEF_FIELDS[op.entity] as readonly string[]).includes(op.field)) {
				throw new MalkollError(`${falt}: okänt fält för ${ENTITY_NAMN[op.entity]} (${DEF_FIELDS[op.entity].join(', ')})`);
			}
			const value = op.value === null ? undefined : op.value;
			if (value === undefined && ['titel', 'namn', 'text', 'riktning', 'forvantatResultat'].includes(op.field)) {
				throw new MalkollError(`${falt}: fältet kan inte tömmas`);
			}
			checkValue(op.entity, op.field, value, falt);
			const old = item[op.field];
			checkExpect({...op}, old);
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
			if (op.entity === 'goal') {
				const parentId = (op.item as Goal).parentId;
				if (parentId && !findEntity(data, 'goal', parentId)) throw new MalkollError(`okänt överordnat mål "${parentId}"`);
			} else {
				const malId = (op.item as Indicator | Activity).malId;
				if (!findEntity(data, 'goal', malId)) throw new MalkollError(`okänt mål-id "${malId}"`);
			}
			if (op.entity === 'goal') insertGoal(data, structuredClone(op.item as Goal));
			else (list(data, op.entity) as unknown[]).push(structuredClone(op.item));
			if (op.aterstall) {
				data.borttagna = (data.borttagna ?? []).filter(x => x !== id);
				if (data.borttagna.length === 0) delete data.borttagna;
				for (const [period, fu] of Object.entries(op.aterstall.uppfoljning ?? {})) {
					followUpBucket(data, period as Period, op.entity)[id] = structuredClone(fu);
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
			const arr = list(data, op.entity) as unknown[];
			arr.splice(arr.indexOf(item), 1);
			(data.borttagna ??= []).push(op.id);
			const uppfoljning: Uppfoljningar = {};
			for (const period of PERIODER) {
				const bucket = data.followUp[period] && followUpBucket(data, period, op.entity);
				if (bucket?.[op.id]) {
					uppfoljning[period] = bucket[op.id];
					delete bucket[op.id];
				}
			}
			const change: Change = {at, author, op: 'remove', entity: op.entity, id: op.id, old: item, new: null};
			if (Object.keys(uppfoljning).length > 0) change.uppfoljning = uppfoljning;
			return change;
		}
		case 'meta': {
			const old = data[op.field];
			const value = op.value === null ? undefined : op.value;
			if (op.field === 'period' && !(PERIODER as readonly unknown[]).includes(value)) {
				throw new MalkollError(`period: okänd period "${String(value)}" (VP, T1, T2, VB)`);
			}
			if (op.field === 'inlamnad' && value !== undefined) {
				const ok =
					typeof value === 'object' &&
					Object.entries(value as object).every(
						([p, v]) => (PERIODER as readonly string[]).includes(p) && typeof v?.at === 'string' && typeof v?.av === 'string',
					);
				if (!ok) throw new MalkollError('inlamnad: väntade {period: {at, av}}');
			}
			if ('expect' in op) checkExpect({expect: op.expect, id: 'store', field: op.field}, old);
			if (value === undefined) delete data[op.field];
			else (data as unknown as Record<string, unknown>)[op.field] = structuredClone(value);
			return {at, author, op: 'meta', id: op.field, field: op.field, old: old ?? null, new: value ?? null};
		}
	}
}

/** A new goal goes after the last goal of its subtree, so the file keeps the tree's order. */
function insertGoal(data: StoreData, goal: Goal): void {
	if (!goal.parentId) {
		data.goals.push(goal);
		return;
	}
	const inSubtree = new Set([goal.parentId]);
	let last = data.goals.findIndex(g => g.id === goal.parentId);
	for (let i = last + 1; i < data.goals.length; i++) {
		const g = data.goals[i]!;
		if (g.parentId && inSubtree.has(g.parentId)) {
			inSubtree.add(g.id);
			last = i;
		}
	}
	data.goals.splice(last + 1, 0, goal);
}

/** The op that undoes a change (for `u` in the TUI and for restore). */
export function invertChange(c: Change): Op {
	switch (c.op) {
		case 'set':
			return {op: 'set', period: c.period!, entity: c.entity!, id: c.id, field: c.field!, value: c.old ?? undefined, expect: c.new};
		case 'def':
			return {op: 'def', entity: c.entity!, id: c.id, field: c.field!, value: c.old ?? undefined, expect: c.new};
		case 'add':
			return {op: 'remove', entity: c.entity!, id: c.id};
		case 'remove':
			return {op: 'add', entity: c.entity!, item: c.old as Goal | Indicator | Activity, aterstall: {uppfoljning: c.uppfoljning}};
		case 'meta':
			return {op: 'meta', field: c.id as 'period' | 'inlamnad', value: c.old ?? undefined, expect: c.new};
	}
}
