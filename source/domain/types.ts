// The model of one store: one organisation (nämnd or enhet), one year, its goal tree and the
// follow-up of each period. Catalogue (what the VP defines) and follow-up (what each period
// reports) are kept apart, as in domain.md §9.1.

export const SCHEMA_VERSION = 1;

export const PERIODER = ['VP', 'T1', 'T2', 'VB'] as const;
export type Period = (typeof PERIODER)[number];

export const NIVAER = ['im', 'vo', 'namndmal', 'enhetsmal'] as const;
/** im = KF:s inriktningsmål, vo = KF:s mål för verksamhetsområdet, namndmal, enhetsmal. */
export type Niva = (typeof NIVAER)[number];

export const STATUSAR = ['helt', 'delvis', 'inte', 'inga-data'] as const;
/** Uppfylls helt / delvis / inte, Inga data. Absent = ej bedömd. */
export type Status = (typeof STATUSAR)[number];

/** hogre: higher is better; lagre: lower is better (sjukfrånvaro); max: at most the target
 * (budgetföljsamhet ≤ 100 %); band: within ± tolerance of the target (prognossäkerhet ±1 %). */
export const RIKTNINGAR = ['hogre', 'lagre', 'max', 'band'] as const;
export type Riktning = (typeof RIKTNINGAR)[number];

export const TILLSTAND = ['ej-paborjad', 'pagar', 'genomford', 'avbruten'] as const;
/** Activity state as reported. "försenad" is computed, never stored. Absent = ej rapporterad. */
export type Tillstand = (typeof TILLSTAND)[number];

/** A number as the chef or the report wrote it: raw text kept exactly, parsed value beside it.
 * "98,8 %" → {raw, value: 98.8, unit: '%'}; "+/- 1 %" → {raw, value: 0, tolerance: 1, unit: '%'};
 * "Tas fram av nämnd/styrelse" → {raw} (no value). */
export interface Varde {
	raw: string;
	value?: number;
	unit?: '%' | 'st';
	tolerance?: number;
}

export interface Organisation {
	namn: string;
	niva: 'namnd' | 'enhet';
	/** The nämnd a unit reports to, e.g. "Hägersten-Älvsjö stadsdelsnämnd". */
	namnd?: string;
	forvaltning?: string;
	dnr?: string;
}

export interface ForvantatResultat {
	nr: number;
	text: string;
}

export interface Goal {
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
}

export interface Indicator {
	/** goal id + ":i" + n, e.g. "3.4:i2". */
	id: string;
	malId: string;
	namn: string;
	/** Unit of the values: '%' (percent), 'st' (count), 'index' (AMI), or none. */
	enhet?: '%' | 'st' | 'index';
	riktning: Riktning;
	periodicitet?: 'år' | 'tertial';
	arsmal?: Varde;
	kfArsmal?: Varde;
	/** Share of the target within which a miss counts as delvis; default store.delvisMarginal. */
	delvisMarginal?: number;
	kommentar?: string;
}

export interface Activity {
	/** goal id + ":a" + n, e.g. "1.4.1:a3". */
	id: string;
	malId: string;
	text: string;
	/** ISO dates YYYY-MM-DD. */
	start?: string;
	slut?: string;
	ursprung?: 'kf-uppdrag' | 'namnd' | 'sdn' | 'enhet';
	ansvarig?: string;
}

export interface GoalFollowUp {
	status?: Status;
	/** The analysis exactly as typed, "Punkt 1:" notes included (see domain/analys.ts). */
	analys?: string;
	/** Carried over from the previous period and not yet confirmed or changed by the chef. */
	ejGranskad?: true;
}

export interface IndicatorFollowUp {
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
}

export interface ActivityFollowUp {
	tillstand?: Tillstand;
	avvikelse?: string;
	analys?: string;
	/** A moved Slutdatum, ISO. */
	nyttSlut?: string;
	ejGranskad?: true;
}

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

export const STATUS_NAMN: Record<Status, string> = {
	helt: 'Uppfylls helt',
	delvis: 'Uppfylls delvis',
	inte: 'Uppfylls inte',
	'inga-data': 'Inga data',
};

export const NIVA_NAMN: Record<Niva, string> = {
	im: 'KF:s inriktningsmål',
	vo: 'KF:s mål för verksamhetsområdet',
	namndmal: 'Nämndmål',
	enhetsmal: 'Enhetsmål',
};

export const TILLSTAND_NAMN: Record<Tillstand, string> = {
	'ej-paborjad': 'Ej påbörjad',
	pagar: 'Pågår',
	genomford: 'Genomförd',
	avbruten: 'Avbruten',
};

export const PERIOD_NAMN: Record<Period, string> = {
	VP: 'Verksamhetsplan',
	T1: 'Tertialrapport 1',
	T2: 'Tertialrapport 2',
	VB: 'Verksamhetsberättelse',
};
