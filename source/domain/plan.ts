// The chef owns the plan: new ids for goals and rows, and carrying a period's follow-up forward.
import type {FieldName} from './fields.js';
import {entityOfId, type Entity, getFollowUp, namedOp, type Op} from './ops.js';
import {type Goal, type Period, PERIODER, type StoreData} from './types.js';

function usedIds(data: StoreData): Set<string> {
	return new Set([...data.goals.map(g => g.id), ...data.indicators.map(i => i.id), ...data.activities.map(a => a.id), ...(data.borttagna ?? [])]);
}

/** The next free dotted number under `parentId` ("1.4.1" → "1.4.1.3"); numbers of deleted goals are skipped. */
export function nextGoalId(data: StoreData, parentId: string | undefined): string {
	const prefix = parentId ? `${parentId}.` : '';
	let max = 0;
	for (const id of usedIds(data)) {
		if (entityOfId(id) !== 'goal' || !id.startsWith(prefix)) continue;
		const rest = id.slice(prefix.length);
		if (/^\d+$/.test(rest)) max = Math.max(max, Number(rest));
	}
	return `${prefix}${max + 1}`;
}

/** The next free indicator or activity id on a goal ("3.4:i4", "1.4.1.1:a1"). */
export function nextRowId(data: StoreData, entity: Exclude<Entity, 'goal'>, malId: string): string {
	const prefix = `${malId}:${entity === 'indicator' ? 'i' : 'a'}`;
	let max = 0;
	for (const id of usedIds(data)) {
		if (id.startsWith(prefix) && /^\d+$/.test(id.slice(prefix.length))) max = Math.max(max, Number(id.slice(prefix.length)));
	}
	return `${prefix}${max + 1}`;
}

/** The level a new goal under `parent` gets: enhetsmål under a nämndmål, and so on down the tree. */
export function nivaUnder(parent: Goal | undefined): Goal['niva'] {
	if (!parent) return 'im';
	return parent.niva === 'im' ? 'vo' : parent.niva === 'vo' ? 'namndmal' : 'enhetsmal';
}

/** VP → T1 → T2 → VB: the period a new one starts from. */
export function forraPeriod(period: Period): Period | undefined {
	const i = PERIODER.indexOf(period);
	return i > 0 ? PERIODER[i - 1] : undefined;
}

/** True when the period holds any status, analysis, outcome or activity state. */
export function harUppfoljning(data: StoreData, period: Period): boolean {
	const fu = data.followUp[period];
	return !!fu && (Object.keys(fu.goals).length > 0 || Object.keys(fu.indicators).length > 0 || Object.keys(fu.activities).length > 0);
}

// What a new period inherits. Outcomes (utfall, män, kvinnor) belong to their period and are not
// carried; a forecast is, except into the VB, which has no forecast.
const BARS: {[E in Entity]: Array<FieldName<E, 'followUp'>>} = {
	goal: ['status', 'analys', 'besvarat'],
	indicator: ['prognos', 'analys', 'foregaendeVB'],
	activity: ['tillstand', 'avvikelse', 'analys', 'nyttSlut'],
};

/** The ops that start `to` from `from`: every carried status and text is marked ej granskad
 * until the chef confirms or changes it, so a forecast never slips into the VB unread. */
export function carryForwardOps(data: StoreData, from: Period, to: Period): Op[] {
	const src = data.followUp[from];
	if (!src) return [];
	const ops: Op[] = [];
	const buckets: Array<[Entity, Record<string, Record<string, unknown>>]> = [
		['goal', src.goals],
		['indicator', src.indicators],
		['activity', src.activities],
	];
	for (const [entity, bucket] of buckets) {
		for (const [id, fu] of Object.entries(bucket)) {
			let marked = false;
			for (const field of BARS[entity]) {
				if (fu[field] === undefined || (field === 'prognos' && to === 'VB')) continue;
				ops.push(namedOp({op: 'set', period: to, entity, id, field, value: structuredClone(fu[field])}));
				if (field !== 'foregaendeVB') marked = true;
			}
			if (marked) ops.push({op: 'set', period: to, entity, id, field: 'ejGranskad', value: true});
		}
	}
	return ops;
}

/** Adds to `ops` the clearing of "ej granskad" on every item they change: a chef who changes a
 * carried status or text has read it. */
export function medGranskning(data: StoreData, ops: Op[]): Op[] {
	const extra: Op[] = [];
	const seen = new Set<string>();
	for (const op of ops) {
		if (op.op !== 'set' || op.field === 'ejGranskad') continue;
		const key = `${op.period}|${op.entity}|${op.id}`;
		if (seen.has(key)) continue;
		seen.add(key);
		if (getFollowUp(data, op.period, op.entity, op.id, 'ejGranskad')) extra.push({op: 'set', period: op.period, entity: op.entity, id: op.id, field: 'ejGranskad'});
	}
	return [...ops, ...extra];
}

/** Removing a goal takes its own indicators and activities with it; applyOp refuses one with subgoals. */
export function removeOps(data: StoreData, entity: Entity, id: string): Op[] {
	if (entity !== 'goal') return [{op: 'remove', entity, id}];
	return [
		...data.indicators.filter(i => i.malId === id).map((i): Op => ({op: 'remove', entity: 'indicator', id: i.id})),
		...data.activities.filter(a => a.malId === id).map((a): Op => ({op: 'remove', entity: 'activity', id: a.id})),
		{op: 'remove', entity, id},
	];
}

/** Marks `period` inlämnad by `av`, or with no `av` opens it again. */
export function inlamnadOp(data: StoreData, period: Period, av: string | undefined): Op {
	const inlamnad = {...data.inlamnad};
	if (av === undefined) delete inlamnad[period];
	else inlamnad[period] = {at: new Date().toISOString(), av};
	return {op: 'meta', field: 'inlamnad', value: Object.keys(inlamnad).length > 0 ? inlamnad : undefined};
}
