// Suggested statuses and consistency warnings for goals (domain.md §3.2, §3.4). The status is
// the chef's judgement: these only argue from the parts and point at contradictions.
import {MalkollError} from '../errors.js';
import type {VarningKod} from './regler.js';
import {visaVarde} from './tal.js';
import {aktivitetBedomning, type AktivitetBedomning} from './aktivitet.js';
import {arTomAnalys} from './analys.js';
import {type Activity, type Goal, type Indicator, type Period, type Status, type StoreData, NIVA_NAMN, STATUS_NAMN} from './types.js';
import {DEFAULT_MARGINAL, type IndicatorBedomning, indicatorVerdict, VERDICT_NAMN} from './verdict.js';

export interface StoreIndex {
	goals: Map<string, Goal>;
	/** '' = the roots (inriktningsmål), in store order. */
	children: Map<string, Goal[]>;
	/** Goals that contribute to a goal through bidrarTill (000: VO 3.3 ← nämndmål 3.1.2). */
	bidrarFran: Map<string, Goal[]>;
	indicatorsByGoal: Map<string, Indicator[]>;
	activitiesByGoal: Map<string, Activity[]>;
}

function lagg<T>(map: Map<string, T[]>, key: string, item: T): void {
	const list = map.get(key);
	if (list) list.push(item);
	else map.set(key, [item]);
}

/** O(n); build once per render or command. */
export function indexStore(data: StoreData): StoreIndex {
	const goals = new Map(data.goals.map(g => [g.id, g]));
	const idx: StoreIndex = {goals, children: new Map(), bidrarFran: new Map(), indicatorsByGoal: new Map(), activitiesByGoal: new Map()};
	for (const g of data.goals) {
		// A goal whose parent is missing is still shown, as a root.
		lagg(idx.children, g.parentId && goals.has(g.parentId) ? g.parentId : '', g);
		for (const mal of g.bidrarTill ?? []) lagg(idx.bidrarFran, mal, g);
	}
	for (const ind of data.indicators) lagg(idx.indicatorsByGoal, ind.malId, ind);
	for (const akt of data.activities) lagg(idx.activitiesByGoal, akt.malId, akt);
	return idx;
}

/** Parent first, up to the inriktningsmål. */
export function ancestors(idx: StoreIndex, goalId: string): Goal[] {
	const result: Goal[] = [];
	const sett = new Set([goalId]);
	let parentId = idx.goals.get(goalId)?.parentId;
	while (parentId && !sett.has(parentId)) {
		const parent = idx.goals.get(parentId);
		if (!parent) break;
		result.push(parent);
		sett.add(parentId);
		parentId = parent.parentId;
	}
	return result;
}

// The goal, the goals above it, then the goals it contributes to: indicators and activities
// sit on any of these (003: indicators on VO-mål, activities on nämndmål).
function relateradeMal(idx: StoreIndex, goalId: string): string[] {
	const ids = [goalId];
	for (const g of ancestors(idx, goalId)) ids.push(g.id);
	for (const id of idx.goals.get(goalId)?.bidrarTill ?? []) if (!ids.includes(id)) ids.push(id);
	return ids;
}

export function relatedIndicators(idx: StoreIndex, goalId: string): Indicator[] {
	return relateradeMal(idx, goalId).flatMap(id => idx.indicatorsByGoal.get(id) ?? []);
}

export function relatedActivities(idx: StoreIndex, goalId: string): Activity[] {
	return relateradeMal(idx, goalId).flatMap(id => idx.activitiesByGoal.get(id) ?? []);
}

export interface Forslag {
	status?: Status;
	/** Swedish reasons, one per part that argues, e.g. "Sjukfrånvaro (3.4:i2): 8,2 % mot årsmål 7,2 % – delvis uppfyllt". */
	grund: string[];
}

function requireGoal(idx: StoreIndex, goalId: string): Goal {
	const goal = idx.goals.get(goalId);
	if (!goal) throw new MalkollError(`okänt mål-id "${goalId}"`);
	return goal;
}

function kort(text: string): string {
	const t = text.trim().replace(/\s+/g, ' ');
	if (t.length <= 60) return t;
	// Cut at a word boundary so the start of the activity still reads.
	const mellanslag = t.lastIndexOf(' ', 59);
	return `${t.slice(0, mellanslag > 30 ? mellanslag : 59)}…`;
}

function malNamn(goal: Goal): string {
	return `${NIVA_NAMN[goal.niva]} ${goal.id}`;
}

/** "Sjukfrånvaro (3.4:i2): 8,2 % mot årsmål 7,2 % – delvis uppfyllt". */
function indikatorRad(data: StoreData, ind: Indicator, b: IndicatorBedomning, period: Period): string {
	const fu = data.followUp[period]?.indicators[ind.id];
	const varde = b.basis === 'prognos' ? `prognos helår ${visaVarde(fu?.prognos)}` : visaVarde(fu?.utfall);
	const mal = b.malKalla === 'arsmal' ? `årsmål ${visaVarde(ind.arsmal)}` : `KF:s årsmål ${visaVarde(ind.kfArsmal)}`;
	return `${ind.namn} (${ind.id}): ${varde} mot ${mal} – ${VERDICT_NAMN[b.verdict].toLowerCase()}`;
}

function aktivitetRad(akt: Activity, a: AktivitetBedomning): string {
	const namn = `Aktiviteten "${kort(akt.text)}" (${akt.id})`;
	if (a.forsenad) return `${namn} är försenad: slutdatum ${a.slut}, ${a.dagarSen} dagar sedan`;
	return `${namn} är genomförd`;
}

/** `f` remembering its answer for each argument (an item, a goal id). */
function minne<A, R>(f: (a: A) => R): (a: A) => R {
	const svar = new Map<A, R>();
	return a => {
		if (!svar.has(a)) svar.set(a, f(a));
		return svar.get(a)!;
	};
}

/** One period on one date: verdicts, activity states and reason lines are worked out once and
 * shared by every goal that relates to them (buildSummary judges thousands of goals). */
export function skapaKontext(data: StoreData, idx: StoreIndex, period: Period, asOf: string) {
	const fu = data.followUp[period];
	const marginal = data.delvisMarginal ?? DEFAULT_MARGINAL;
	const verdict = minne((ind: Indicator) => indicatorVerdict(ind, fu?.indicators[ind.id], period, marginal));
	const aktivitet = minne((akt: Activity) => aktivitetBedomning(akt, fu?.activities[akt.id], asOf));
	const relaterade = minne((goalId: string) => relateradeMal(idx, goalId));
	return {
		data,
		idx,
		period,
		asOf,
		verdict,
		aktivitet,
		/** The reason line of an indicator or activity, shared by every goal it relates to. */
		rad: minne((del: Indicator | Activity) => ('namn' in del ? indikatorRad(data, del, verdict(del), period) : aktivitetRad(del, aktivitet(del)))),
		indikatorer: (goalId: string) => relaterade(goalId).flatMap(id => idx.indicatorsByGoal.get(id) ?? []),
		aktiviteter: (goalId: string) => relaterade(goalId).flatMap(id => idx.activitiesByGoal.get(id) ?? []),
	};
}

type Kontext = ReturnType<typeof skapaKontext>;

/** The suggestion for one goal; the reasons are only written out when `medGrund`, since most
 * suggestions agree with the chef and are never shown. */
export function foreslag(ctx: Kontext, goalId: string, medGrund: boolean): Forslag {
	const {data, idx, period} = ctx;
	if (period === 'VP') return {grund: ['VP är en plan och får ingen status']};
	const fu = data.followUp[period];
	const grund: string[] = [];
	let bra = 0;
	let dalig = 0;
	let mellan = 0;
	const barnen = (lista: Goal[] | undefined) => {
		if (!lista) return;
		for (const barn of lista) {
			const status = fu?.goals[barn.id]?.status;
			if (!status || status === 'inga-data' || !data.bedomdaNivaer.includes(barn.niva)) continue;
			if (status === 'helt') bra++;
			else if (status === 'inte') dalig++;
			else mellan++;
			if (medGrund) grund.push(`${malNamn(barn)}: ${STATUS_NAMN[status].toLowerCase()}`);
		}
	};
	barnen(idx.children.get(goalId));
	barnen(idx.bidrarFran.get(goalId));
	for (const ind of ctx.indikatorer(goalId)) {
		const b = ctx.verdict(ind);
		if (b.verdict === 'uppfyllt') bra++;
		else if (b.verdict === 'delvis') mellan++;
		else if (b.verdict === 'ej-uppfyllt') dalig++;
		else continue;
		if (medGrund) grund.push(ctx.rad(ind));
	}
	for (const akt of ctx.aktiviteter(goalId)) {
		const a = ctx.aktivitet(akt);
		if (a.forsenad) dalig++;
		else if (a.tillstand === 'genomford') bra++;
		else continue;
		if (medGrund) grund.push(ctx.rad(akt));
	}
	const delar = bra + dalig + mellan;
	if (delar === 0) return {grund};
	const status: Status = bra === delar ? 'helt' : dalig === delar ? 'inte' : 'delvis';
	return {status, grund};
}

/** Suggests a status from the parts: the statuses of assessed children (and of goals that
 * contribute to it), the verdicts of related indicators and the related activities (done or
 * overdue). All good → helt, all bad → inte, mixed → delvis, nothing to go on → no status. */
export function suggestStatus(data: StoreData, idx: StoreIndex, goalId: string, period: Period, asOf: string): Forslag {
	requireGoal(idx, goalId);
	return foreslag(skapaKontext(data, idx, period, asOf), goalId, true);
}

export type {VarningKod};

export interface Varning {
	kod: VarningKod;
	goalId: string;
	text: string;
	/** The indicator or activity the warning is about. */
	ref?: string;
	/** The chef's reason, when the warning is answered with one (the goal's besvarat). */
	motivering?: string;
	/** Answered: with a reason, or for an unmet indicator by its own analysis, for a late activity by its avvikelse. */
	besvarad?: true;
}

// Phrasings that say a goal or part was only partly or not reached (000:903-904, 000:914-915,
// 000:1608, 000:2157, 002:874), not every "inte" in ordinary prose.
const OK = '(?:uppnåtts|uppnått|uppnås|uppnå|nåtts|nås|uppfyllts|uppfylls|genomförts|genomförs)';
const SAGER_ANNAT = [
	new RegExp(`(?<!\\p{L})(?:delvis|inte|ej|i\\s+huvudsak)\\s+(?:har\\s+|kommer\\s+att\\s+|att\\s+)?${OK}(?!\\p{L})`, 'iu'),
	new RegExp(`(?<!\\p{L})${OK}\\s+(?:endast\\s+)?(?:delvis|inte|ej)(?!\\p{L})`, 'iu'),
	/(?<!\p{L})till\s+stora\s+delar(?!\p{L})/iu,
];
const GRUNDAS = /grunda(?:s|r\s+sig)\s+på/iu;

/** The phrase in an analysis that contradicts "Uppfylls helt", if any. */
export function motsagelse(analys: string): string | undefined {
	for (const re of SAGER_ANNAT) {
		const m = re.exec(analys);
		if (m) return m[0].replace(/\s+/g, ' ');
	}
	return undefined;
}

/** Inconsistencies in one goal's assessment; only for goals on assessed levels with a status. */
export function goalWarnings(data: StoreData, idx: StoreIndex, goalId: string, period: Period, asOf: string): Varning[] {
	return varningar(skapaKontext(data, idx, period, asOf), requireGoal(idx, goalId));
}

export function varningar(ctx: Kontext, goal: Goal): Varning[] {
	const {data, period} = ctx;
	const gfu = data.followUp[period]?.goals[goal.id];
	const status = gfu?.status;
	if (!status || !data.bedomdaNivaer.includes(goal.niva)) return [];
	const goalId = goal.id;
	const namn = malNamn(goal);
	const result: Varning[] = [];
	if (status === 'helt') {
		for (const ind of ctx.indikatorer(goalId)) {
			const b = ctx.verdict(ind).verdict;
			if (b === 'delvis' || b === 'ej-uppfyllt') result.push({kod: 'helt-men-indikator', goalId, ref: ind.id, text: `${namn} uppfylls helt, men ${ctx.rad(ind)}`});
		}
		for (const akt of ctx.aktiviteter(goalId)) {
			if (ctx.aktivitet(akt).forsenad) result.push({kod: 'helt-men-forsenad', goalId, ref: akt.id, text: `${namn} uppfylls helt, men a${ctx.rad(akt).slice(1)}`});
		}
	}
	const analys = gfu.analys;
	if (analys === undefined || arTomAnalys(analys, goal)) {
		result.push({kod: 'status-utan-analys', goalId, text: `${namn}: ${STATUS_NAMN[status].toLowerCase()} utan analys; motivera bedömningen`});
		return result;
	}
	const fras = status === 'helt' ? motsagelse(analys) : undefined;
	if (fras) result.push({kod: 'analys-sager-annat', goalId, text: `${namn} uppfylls helt, men analysen säger "${fras}"`});
	if (!GRUNDAS.test(analys)) result.push({kod: 'analys-utan-grund', goalId, text: `${namn}: analysen saknar "Bedömningen grundas på …"`});
	const fu = data.followUp[period];
	for (const v of result) {
		const motivering = gfu.besvarat?.[v.kod];
		if (motivering?.trim()) v.motivering = motivering;
		const egen = v.kod === 'helt-men-indikator' ? fu?.indicators[v.ref!]?.analys : v.kod === 'helt-men-forsenad' ? fu?.activities[v.ref!]?.avvikelse : undefined;
		if (v.motivering || egen?.trim()) v.besvarad = true;
	}
	return result;
}
