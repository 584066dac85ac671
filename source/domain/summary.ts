// What a chef needs before the ledningsgrupp meeting (domain.md §9.2 task 9): the content behind
// `malkoll summary --json`, the brief and the TUI's summary screen. One pass over each list.
import {arTomAnalys} from './analys.js';
import {foreslag, indexStore, skapaKontext, type Varning, varningar} from './bedomning.js';
import {periodSlut} from './datum.js';
import {type Niva, type Organisation, type Period, type Status, type StoreData, type Tillstand, NIVAER, PERIODER} from './types.js';
import {indikatorMal} from './verdict.js';

type Raknare = {helt: number; delvis: number; inte: number; ingaData: number; ejBedomd: number};

export interface Summary {
	organisation: Organisation;
	year: number;
	period: Period;
	asOf: string;
	counts: {inriktningsmal: number; vo: number; namndmal: number; enhetsmal: number; indicators: number; activities: number};
	/** Only the levels the store assesses (data.bedomdaNivaer). */
	goalsByStatus: Raknare;
	goalsByLevel: Array<{niva: Niva} & Raknare>;
	unmetIndicators: Array<{
		id: string;
		goalId: string;
		namn: string;
		verdict: 'delvis' | 'ej-uppfyllt';
		basis?: 'utfall' | 'prognos';
		utfall?: string;
		prognos?: string;
		man?: string;
		kvinnor?: string;
		mal?: string;
		varde?: number;
		malVarde?: number;
	}>;
	missingOutcomes: Array<{id: string; goalId: string; namn: string; verdict: 'saknar-utfall' | 'saknar-mal'}>;
	/** Most overdue first. */
	overdueActivities: Array<{id: string; goalId: string; text: string; slut: string; dagarSen: number; tillstand?: Tillstand}>;
	/** Soonest first. */
	dueSoonActivities: Array<{id: string; goalId: string; text: string; slut: string; dagarKvar: number; tillstand?: Tillstand}>;
	/** Empty in the VP. */
	unreportedActivities: Array<{id: string; goalId: string; text: string; slut?: string}>;
	/** Assessed levels, not in the VP. */
	goalsWithoutStatus: Array<{id: string; titel: string}>;
	goalsWithoutAnalysis: Array<{id: string; titel: string}>;
	/** Assessed goals the chef judged delvis or inte, in store order. */
	goalsNotMet: Array<{id: string; niva: Niva; titel: string; status: 'delvis' | 'inte'}>;
	/** Where the suggestion differs from the chef's status. */
	suggestions: Array<{goalId: string; status?: Status; forslag: Status; grund: string[]}>;
	/** `besvarad` when the chef has answered it (see Checklista.besvaradeVarningar). */
	warnings: Varning[];
	/** Titles of the goals the lists above point at, for grouping by goal. */
	goalTitles: Record<string, {niva: Niva; titel: string}>;
	/** Outcome over time of each unmet indicator: last VB, then T1, T2, VB up to this period. */
	trends: Record<string, TrendPunkt[]>;
	/** What differs from the latest earlier period in the store; `since` absent when there is none. */
	changes: {since?: Period; items: Andring[]};
	/** Carried over from the previous period and not yet confirmed or changed (ids). */
	ejGranskade: string[];
	checklist: Checklista;
}

export interface TrendPunkt {
	/** "VB 2024", "T1", "T2", "VB". */
	label: string;
	raw?: string;
	value?: number;
}

export interface Andring {
	typ: 'mal' | 'indikator' | 'aktivitet';
	id: string;
	goalId: string;
	falt: 'status' | 'utfall' | 'tillstand';
	fore?: string;
	efter?: string;
}

export type ChecklistKod = 'status' | 'analys' | 'utfall' | 'tillstand' | 'varningar' | 'arsmal' | 'granskad';

export interface Checklista {
	klar: boolean;
	/** One item per rule; `saknas` lists the ids still missing (a warning as goal/ref), `antal` how many the rule covers. */
	punkter: Array<{kod: ChecklistKod; text: string; antal: number; saknas: string[]}>;
	/** Warnings the chef has answered: with a reason stored with the goal (besvarat), or, for an
	 * unmet indicator, its own analysis, for a late activity, its avvikelse. Others by fixing them. */
	besvaradeVarningar: number;
}

const COUNT_KEY = {im: 'inriktningsmal', vo: 'vo', namndmal: 'namndmal', enhetsmal: 'enhetsmal'} as const satisfies Record<Niva, string>;

function tomRaknare(): Raknare {
	return {helt: 0, delvis: 0, inte: 0, ingaData: 0, ejBedomd: 0};
}

function rakna(r: Raknare, status: Status | undefined): void {
	if (status === undefined) r.ejBedomd++;
	else if (status === 'inga-data') r.ingaData++;
	else r[status]++;
}

/** `period` defaults to data.period, `asOf` to the end of that period. */
export function buildSummary(data: StoreData, opts: {period?: Period; asOf?: string} = {}): Summary {
	const period = opts.period ?? data.period;
	const asOf = opts.asOf ?? periodSlut(data, period);
	// The VP is a plan: no statuses, analyses or reported activities are expected in it.
	const plan = period === 'VP';
	const idx = indexStore(data);
	const ctx = skapaKontext(data, idx, period, asOf);
	const fu = data.followUp[period];
	const bedomda = new Set(data.bedomdaNivaer);
	const s: Summary = {
		organisation: data.organisation,
		year: data.year,
		period,
		asOf,
		counts: {inriktningsmal: 0, vo: 0, namndmal: 0, enhetsmal: 0, indicators: data.indicators.length, activities: data.activities.length},
		goalsByStatus: tomRaknare(),
		goalsByLevel: NIVAER.filter(n => bedomda.has(n)).map(niva => ({niva, ...tomRaknare()})),
		unmetIndicators: [],
		missingOutcomes: [],
		overdueActivities: [],
		dueSoonActivities: [],
		unreportedActivities: [],
		goalsWithoutStatus: [],
		goalsWithoutAnalysis: [],
		goalsNotMet: [],
		suggestions: [],
		warnings: [],
		goalTitles: {},
		trends: {},
		changes: {items: []},
		ejGranskade: ejGranskade(data, period),
		checklist: {klar: true, punkter: [], besvaradeVarningar: 0},
	};
	const perNiva = new Map(s.goalsByLevel.map(r => [r.niva, r]));

	for (const goal of data.goals) {
		s.counts[COUNT_KEY[goal.niva]]++;
		if (!bedomda.has(goal.niva)) continue;
		const gfu = fu?.goals[goal.id];
		rakna(s.goalsByStatus, gfu?.status);
		rakna(perNiva.get(goal.niva)!, gfu?.status);
		if (plan) continue;
		if (!gfu?.status) s.goalsWithoutStatus.push({id: goal.id, titel: goal.titel});
		else if (gfu.status === 'delvis' || gfu.status === 'inte') s.goalsNotMet.push({id: goal.id, niva: goal.niva, titel: goal.titel, status: gfu.status});
		if (arTomAnalys(gfu?.analys, goal)) s.goalsWithoutAnalysis.push({id: goal.id, titel: goal.titel});
		const forslag = foreslag(ctx, goal.id, false).status;
		if (forslag && forslag !== gfu?.status) {
			s.suggestions.push({goalId: goal.id, status: gfu?.status, forslag, grund: foreslag(ctx, goal.id, true).grund});
		}
		for (const v of varningar(ctx, goal)) s.warnings.push(v);
	}

	for (const ind of data.indicators) {
		if (plan) {
			// A plan has no outcomes yet; what it must have is a target.
			if (!indikatorMal(ind)) s.missingOutcomes.push({id: ind.id, goalId: ind.malId, namn: ind.namn, verdict: 'saknar-mal'});
			continue;
		}
		const ifu = fu?.indicators[ind.id];
		const b = ctx.verdict(ind);
		if (b.verdict === 'delvis' || b.verdict === 'ej-uppfyllt') {
			s.unmetIndicators.push({
				id: ind.id,
				goalId: ind.malId,
				namn: ind.namn,
				verdict: b.verdict,
				basis: b.basis,
				utfall: ifu?.utfall?.raw,
				prognos: ifu?.prognos?.raw,
				man: ifu?.man?.raw,
				kvinnor: ifu?.kvinnor?.raw,
				mal: indikatorMal(ind)?.mal.raw,
				varde: b.varde,
				malVarde: b.mal,
			});
		} else if (b.verdict === 'saknar-utfall' || b.verdict === 'saknar-mal') {
			s.missingOutcomes.push({id: ind.id, goalId: ind.malId, namn: ind.namn, verdict: b.verdict});
		}
	}

	for (const akt of data.activities) {
		const a = ctx.aktivitet(akt);
		const {id, malId: goalId, text} = akt;
		if (a.forsenad) s.overdueActivities.push({id, goalId, text, slut: a.slut!, dagarSen: a.dagarSen!, tillstand: a.tillstand});
		if (a.snart) s.dueSoonActivities.push({id, goalId, text, slut: a.slut!, dagarKvar: a.dagarKvar!, tillstand: a.tillstand});
		if (a.ejRapporterad && !plan) s.unreportedActivities.push({id, goalId, text, slut: a.slut});
	}
	s.overdueActivities.sort((x, y) => y.dagarSen - x.dagarSen);
	s.dueSoonActivities.sort((x, y) => x.dagarKvar - y.dagarKvar);

	for (const i of s.unmetIndicators) s.trends[i.id] = trend(data, period, i.id);
	s.changes = andringar(data, period);
	s.checklist = checklista(data, s, plan);
	const goals = idx.goals;
	const lists = [s.unmetIndicators, s.missingOutcomes, s.overdueActivities, s.dueSoonActivities, s.unreportedActivities, s.changes.items];
	for (const list of lists) for (const x of list) titel(s, goals.get(x.goalId));
	for (const w of s.warnings) titel(s, goals.get(w.goalId));
	return s;
}

function titel(s: Summary, goal: {id: string; niva: Niva; titel: string} | undefined): void {
	if (goal && !s.goalTitles[goal.id]) s.goalTitles[goal.id] = {niva: goal.niva, titel: goal.titel};
}

function trend(data: StoreData, period: Period, id: string): TrendPunkt[] {
	const upTo = PERIODER.indexOf(period);
	// Last year's VB is reported beside every outcome; take the latest period that has it.
	let forra: TrendPunkt | undefined;
	for (const p of PERIODER.slice(0, upTo + 1)) {
		const v = data.followUp[p]?.indicators[id]?.foregaendeVB;
		if (v) forra = {label: `VB ${data.year - 1}`, raw: v.raw, value: v.value};
	}
	const punkter: TrendPunkt[] = forra ? [forra] : [];
	for (const p of PERIODER.slice(1, upTo + 1)) {
		const v = data.followUp[p]?.indicators[id]?.utfall;
		punkter.push({label: p, raw: v?.raw, value: v?.value});
	}
	return punkter;
}

function andringar(data: StoreData, period: Period): Summary['changes'] {
	const since = PERIODER.slice(0, PERIODER.indexOf(period))
		.reverse()
		.find(p => data.followUp[p]);
	if (!since) return {items: []};
	const fore = data.followUp[since]!;
	const nu = data.followUp[period];
	const items: Andring[] = [];
	const diff = (typ: Andring['typ'], id: string, goalId: string, falt: Andring['falt'], a?: string, b?: string) => {
		if ((a ?? '') !== (b ?? '')) items.push({typ, id, goalId, falt, ...(a ? {fore: a} : {}), ...(b ? {efter: b} : {})});
	};
	for (const g of data.goals) {
		if (data.bedomdaNivaer.includes(g.niva)) diff('mal', g.id, g.id, 'status', fore.goals[g.id]?.status, nu?.goals[g.id]?.status);
	}
	for (const i of data.indicators) diff('indikator', i.id, i.malId, 'utfall', fore.indicators[i.id]?.utfall?.raw.trim(), nu?.indicators[i.id]?.utfall?.raw.trim());
	for (const a of data.activities) diff('aktivitet', a.id, a.malId, 'tillstand', fore.activities[a.id]?.tillstand, nu?.activities[a.id]?.tillstand);
	return {since, items};
}

const TOM = (text: string | undefined) => !text?.trim();

/** Ids whose follow-up in `period` is still marked ej granskad, in store order. */
function ejGranskade(data: StoreData, period: Period): string[] {
	const fu = data.followUp[period];
	if (!fu) return [];
	const out: string[] = [];
	for (const g of data.goals) if (fu.goals[g.id]?.ejGranskad) out.push(g.id);
	for (const i of data.indicators) if (fu.indicators[i.id]?.ejGranskad) out.push(i.id);
	for (const a of data.activities) if (fu.activities[a.id]?.ejGranskad) out.push(a.id);
	return out;
}

function checklista(data: StoreData, s: Summary, plan: boolean): Checklista {
	const fu = data.followUp[s.period];
	const bedomda = data.goals.filter(g => data.bedomdaNivaer.includes(g.niva)).length;
	if (plan) {
		const punkter: Checklista['punkter'] = [
			{kod: 'arsmal', text: 'Alla indikatorer har ett årsmål', antal: data.indicators.length, saknas: s.missingOutcomes.map(i => i.id)},
		];
		return {klar: punkter.every(p => p.saknas.length === 0), punkter, besvaradeVarningar: 0};
	}
	// An outcome may be missing for a reason the chef writes in the indicator's analysis.
	const utanUtfall = s.missingOutcomes.filter(i => i.verdict === 'saknar-utfall' && TOM(fu?.indicators[i.id]?.analys)).map(i => i.id);
	const obesvarade = s.warnings.filter(w => !w.besvarad);
	const punkter: Checklista['punkter'] = [
		{kod: 'status', text: 'Alla bedömda mål har status', antal: bedomda, saknas: s.goalsWithoutStatus.map(g => g.id)},
		{kod: 'analys', text: 'Alla bedömda mål har analys', antal: bedomda, saknas: s.goalsWithoutAnalysis.map(g => g.id)},
		{kod: 'utfall', text: 'Alla indikatorer har utfall eller förklaring', antal: data.indicators.length, saknas: utanUtfall},
		{kod: 'tillstand', text: 'Alla aktiviteter har tillstånd', antal: data.activities.length, saknas: s.unreportedActivities.map(a => a.id)},
		{kod: 'varningar', text: 'Alla varningar är besvarade', antal: s.warnings.length, saknas: obesvarade.map(w => (w.ref ? `${w.goalId}/${w.ref}` : w.goalId))},
	];
	if (s.ejGranskade.length > 0) {
		punkter.push({kod: 'granskad', text: 'Allt som förts över från förra perioden är granskat', antal: s.ejGranskade.length, saknas: s.ejGranskade});
	}
	return {klar: punkter.every(p => p.saknas.length === 0), punkter, besvaradeVarningar: s.warnings.length - obesvarade.length};
}
