// The detail of one goal, indicator or activity in one period: the one view model that `malkoll
// show` prints and the TUI's detail pane draws, so both say the same.
import {aktivitetBedomning} from './aktivitet.js';
import {splitPunkter} from './analys.js';
import {type StoreIndex, ancestors, goalWarnings, relatedActivities, relatedIndicators, suggestStatus} from './bedomning.js';
import {entityOfId, findEntity} from './ops.js';
import {indicatorVerdict} from './verdict.js';
import type {Activity, Goal, Indicator, Period, StoreData} from './types.js';
import {PERIODER} from './types.js';

function indicatorDetail(data: StoreData, ind: Indicator, period: Period) {
	const fu = data.followUp[period]?.indicators[ind.id];
	return {...ind, followUp: fu ?? {}, bedomning: indicatorVerdict(ind, fu, period, data.delvisMarginal)};
}

function activityDetail(data: StoreData, akt: Activity, period: Period, asOf: string) {
	const fu = data.followUp[period]?.activities[akt.id];
	return {...akt, followUp: fu ?? {}, bedomning: aktivitetBedomning(akt, fu, asOf)};
}

function perPeriod<T>(pick: (p: Period) => T | undefined): Partial<Record<Period, T>> {
	const out: Partial<Record<Period, T>> = {};
	for (const p of PERIODER) {
		const v = pick(p);
		if (v !== undefined) out[p] = v;
	}
	return out;
}

export function goalDetail(data: StoreData, idx: StoreIndex, goal: Goal, period: Period, asOf: string) {
	const id = goal.id;
	const fu = data.followUp[period]?.goals[id] ?? {};
	return {
		entity: 'goal' as const,
		period,
		asOf,
		...goal,
		bedoms: data.bedomdaNivaer.includes(goal.niva),
		overordnade: ancestors(idx, id).map(g => ({id: g.id, niva: g.niva, titel: g.titel})),
		followUp: fu,
		punkter: fu.analys ? splitPunkter(fu.analys).punkter : [],
		forslag: suggestStatus(data, idx, id, period, asOf),
		varningar: goalWarnings(data, idx, id, period, asOf),
		indicators: relatedIndicators(idx, id).map(i => indicatorDetail(data, i, period)),
		activities: relatedActivities(idx, id).map(a => activityDetail(data, a, period, asOf)),
		perioder: perPeriod(p => data.followUp[p]?.goals[id]),
	};
}

export type GoalDetail = ReturnType<typeof goalDetail>;

/** The view of any id, or undefined when the store has no such item. */
export function detail(data: StoreData, idx: StoreIndex, id: string, period: Period, asOf: string) {
	const entity = entityOfId(id);
	const item = entity && findEntity(data, entity, id);
	if (!item) return undefined;
	if ('namn' in item) return {entity: 'indicator' as const, period, asOf, ...indicatorDetail(data, item, period), perioder: perPeriod(p => data.followUp[p]?.indicators[id])};
	if ('text' in item) return {entity: 'activity' as const, period, asOf, ...activityDetail(data, item, period, asOf), perioder: perPeriod(p => data.followUp[p]?.activities[id])};
	return goalDetail(data, idx, item, period, asOf);
}
