// The model of one store: one organisation (nämnd or enhet), one year, its goal tree and the
// follow-up of each period. Catalogue (what the VP defines) and follow-up (what each period
// reports) are kept apart, as in domain.md §9.1.

import type {VarningKod} from './regler.js';

export const SCHEMA_VERSION = 1;

/** A value list of the model, written once as its Swedish labels: the keys are the stored values,
 * in order, and a value without a label does not compile. */
export function varden<K extends string>(namn: Record<K, string>): readonly K[] {
	return Object.keys(namn) as K[];
}

export const PERIOD_NAMN = {VP: 'Verksamhetsplan', T1: 'Tertialrapport 1', T2: 'Tertialrapport 2', VB: 'Verksamhetsberättelse'};
export type Period = keyof typeof PERIOD_NAMN;
export const PERIODER = varden(PERIOD_NAMN);

/** im = KF:s inriktningsmål, vo = KF:s mål för verksamhetsområdet, namndmal, enhetsmal. */
export const NIVA_NAMN = {im: 'KF:s inriktningsmål', vo: 'KF:s mål för verksamhetsområdet', namndmal: 'Nämndmål', enhetsmal: 'Enhetsmål'};
export type Niva = keyof typeof NIVA_NAMN;
export const NIVAER = varden(NIVA_NAMN);

/** Uppfylls helt / delvis / inte, Inga data. Absent = ej bedömd. */
export const STATUS_NAMN = {helt: 'Uppfylls helt', delvis: 'Uppfylls delvis', inte: 'Uppfylls inte', 'inga-data': 'Inga data'};
export type Status = keyof typeof STATUS_NAMN;

/** hogre: higher is better; lagre: lower is better (sjukfrånvaro); max: at most the target
 * (budgetföljsamhet ≤ 100 %); band: within ± tolerance of the target (prognossäkerhet ±1 %). */
export const RIKTNING_NAMN = {hogre: 'högre är bättre', lagre: 'lägre är bättre', max: 'högst målet', band: 'inom tolerans'};
export type Riktning = keyof typeof RIKTNING_NAMN;

/** Activity state as reported. "försenad" is computed, never stored. Absent = ej rapporterad. */
export const TILLSTAND_NAMN = {'ej-paborjad': 'Ej påbörjad', pagar: 'Pågår', genomford: 'Genomförd', avbruten: 'Avbruten'};
export type Tillstand = keyof typeof TILLSTAND_NAMN;

/** The unit of an indicator's values: percent, count, or an index (AMI). */
export const ENHET_NAMN = {'%': '%', st: 'st', index: 'index'};
export type Enhet = keyof typeof ENHET_NAMN;
export const ENHETER = varden(ENHET_NAMN);
/** The units a typed number can carry ("8,2 %", "4 st"); an index is written bare. */
export type VardeEnhet = Exclude<Enhet, 'index'>;
export const VARDE_ENHETER = ENHETER.filter((e): e is VardeEnhet => e !== 'index');

export const PERIODICITET_NAMN = {år: 'årsvis', tertial: 'per tertial'};
export type Periodicitet = keyof typeof PERIODICITET_NAMN;

/** Who gave an activity: a KF-uppdrag, the nämnd, the stadsdelsnämnd or the unit itself. */
export const URSPRUNG_NAMN = {'kf-uppdrag': 'KF-uppdrag', namnd: 'Nämnden', sdn: 'Stadsdelsnämnden', enhet: 'Enheten'};
export type Ursprung = keyof typeof URSPRUNG_NAMN;

export const ORGANISATIONSNIVA_NAMN = {namnd: 'Nämnd', enhet: 'Enhet'};
export type OrganisationsNiva = keyof typeof ORGANISATIONSNIVA_NAMN;
export const ORGANISATIONSNIVAER = varden(ORGANISATIONSNIVA_NAMN);

/** A number as the chef or the report wrote it: raw text kept exactly, parsed value beside it.
 * "98,8 %" → {raw, value: 98.8, unit: '%'}; "+/- 1 %" → {raw, value: 0, tolerance: 1, unit: '%'};
 * "Tas fram av nämnd/styrelse" → {raw} (no value). */
export interface Varde {
	raw: string;
	value?: number;
	unit?: VardeEnhet;
	tolerance?: number;
}

export interface Organisation {
	namn: string;
	niva: OrganisationsNiva;
	/** The nämnd a unit reports to, e.g. "Hägersten-Älvsjö stadsdelsnämnd". */
	namnd?: string;
	forvaltning?: string;
	dnr?: string;
}

export interface ForvantatResultat {
	nr: number;
	text: string;
}

export type Goal = {
	/** Dotted number: "1", "1.4", "1.4.1", "1.4.1.1". Never changes, never reused. */
	id: string;
	niva: Niva;
	titel: string;
	/** Absent for inriktningsmål. */
	parentId?: string;
	beskrivning?: string;
	forvantatResultat: ForvantatResultat[];
	/** Goals this one also contributes to (000: nämndmål 3.1.2 → VO 3.3). */
	bidrarTill?: string[];
};

export type Indicator = {
	/** goal id + ":i" + n, e.g. "3.4:i2". */
	id: string;
	malId: string;
	namn: string;
	enhet?: Enhet;
	riktning: Riktning;
	periodicitet?: Periodicitet;
	arsmal?: Varde;
	kfArsmal?: Varde;
	/** Share of the target within which a miss counts as delvis; default store.delvisMarginal. */
	delvisMarginal?: number;
	/** The plan's note on the indicator (VP "Kommentar"), e.g. why the nämnd's årsmål is 0. */
	kommentar?: string;
};

export type Activity = {
	/** goal id + ":a" + n, e.g. "1.4.1:a3". */
	id: string;
	malId: string;
	text: string;
	/** ISO dates YYYY-MM-DD. */
	start?: string;
	slut?: string;
	ursprung?: Ursprung;
	ansvarig?: string;
};

export type GoalFollowUp = {
	status?: Status;
	/** The analysis exactly as typed, "Punkt 1:" notes included (see domain/analys.ts). */
	analys?: string;
	/** Carried over from the previous period and not yet confirmed or changed by the chef. */
	ejGranskad?: true;
	/** Warnings the chef has answered with a reason instead of a change (domain/regler.ts). */
	besvarat?: Partial<Record<VarningKod, string>>;
};

export type IndicatorFollowUp = {
	utfall?: Varde;
	man?: Varde;
	kvinnor?: Varde;
	prognos?: Varde;
	/** Last year's VB outcome (column "Utfall VB ‹år−1›"). */
	foregaendeVB?: Varde;
	/** Column "Period": when the outcome was measured ("2025", "VB 2025", "Tertial 1 2024"). */
	matperiod?: string;
	analys?: string;
	ejGranskad?: true;
};

export type ActivityFollowUp = {
	tillstand?: Tillstand;
	avvikelse?: string;
	analys?: string;
	/** A moved Slutdatum, ISO. */
	nyttSlut?: string;
	ejGranskad?: true;
};

/** A period marked as submitted (inlämnad): when and by whom. */
export interface Inlamning {
	at: string;
	av: string;
}

export interface PeriodFollowUp {
	goals: Record<string, GoalFollowUp>;
	indicators: Record<string, IndicatorFollowUp>;
	activities: Record<string, ActivityFollowUp>;
}

export interface StoreData {
	schemaVersion: number;
	organisation: Organisation;
	year: number;
	/** The levels this store assesses itself; the others are context. */
	bedomdaNivaer: Niva[];
	/** The period being followed up now. */
	period: Period;
	/** Overrides of the as-of date per period (default T1 04-30, T2 08-31, VB 12-31 of `year`). */
	periodSlut?: Partial<Record<Period, string>>;
	/** Default margin for "delvis", as a share of the target (0.2 = 20 %). */
	delvisMarginal?: number;
	goals: Goal[];
	indicators: Indicator[];
	activities: Activity[];
	followUp: Partial<Record<Period, PeriodFollowUp>>;
	/** Periods marked inlämnad; a later change to one needs a confirmation (--force). */
	inlamnad?: Partial<Record<Period, Inlamning>>;
	/** Ids that were deleted: never handed out again. */
	borttagna?: string[];
	/** Where the store came from (import). */
	kalla?: {fil?: string; rapport?: Period; datum?: string};
}
