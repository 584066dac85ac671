// What a chef needs before the ledningsgrupp meeting (domain.md §9.2 task 9): the content behind
// `malkoll summary --json`, the brief and the TUI's summary screen. One pass over each list.
import {arTomAnalys} from './analys.js';
import {foreslag, indexStore, skapaKontext, type Varning, varningar} from './bedomning.js';
import {periodSlut} from './datum.js';
import {type Niva, type Organisation, type Period, type Status, type StoreData, type Tillstand, NIVAER} from './types.js';
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
	/** Where the suggestion differs from the chef's status. */
	suggestions: Array<{goalId: string; status?: Status; forslag: Status; grund: string[]}>;
	warnings: Varning[];
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
	const ctx = skapaKontext(data, indexStore(data), period, asOf);
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
		suggestions: [],
		warnings: [],
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
	return s;
}
