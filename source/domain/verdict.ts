// The direction-aware verdict of one indicator in one period (domain.md §4.2). A suggestion
// beside the chef's judgement, never a replacement for it.
import type {Indicator, IndicatorFollowUp, Period, Varde} from './types.js';

/** The verdicts, as a value list of types.ts: written once, with their labels. */
export const VERDICT_NAMN = {uppfyllt: 'Uppfyllt', delvis: 'Delvis uppfyllt', 'ej-uppfyllt': 'Ej uppfyllt', 'saknar-utfall': 'Saknar utfall', 'saknar-mal': 'Saknar mål', 'mats-arsvis': 'Mäts årsvis'};
export type Verdict = keyof typeof VERDICT_NAMN;

/** 20 % of the target: fits every delvis/inte judgement in domain.md §4.2. */
export const DEFAULT_MARGINAL = 0.2;

export interface IndicatorBedomning {
	verdict: Verdict;
	basis?: 'utfall' | 'prognos';
	varde?: number;
	mal?: number;
	malKalla?: 'arsmal' | 'kfArsmal';
}

/** The target an indicator is judged against: its own Årsmål, else KF:s årsmål, when numeric. */
export function indikatorMal(ind: Indicator): {mal: Varde & {value: number}; malKalla: 'arsmal' | 'kfArsmal'} | undefined {
	if (ind.arsmal?.value !== undefined) return {mal: ind.arsmal as Varde & {value: number}, malKalla: 'arsmal'};
	if (ind.kfArsmal?.value !== undefined) return {mal: ind.kfArsmal as Varde & {value: number}, malKalla: 'kfArsmal'};
	return undefined;
}

/** The value judged in a period: Prognos helår in T1/T2 when given, else Periodens utfall. */
function bedomtVarde(fu: IndicatorFollowUp | undefined, period: Period): {varde: Varde & {value: number}; basis: 'utfall' | 'prognos'} | undefined {
	if ((period === 'T1' || period === 'T2') && fu?.prognos?.value !== undefined) {
		return {varde: fu.prognos as Varde & {value: number}, basis: 'prognos'};
	}
	if (fu?.utfall?.value !== undefined) return {varde: fu.utfall as Varde & {value: number}, basis: 'utfall'};
	return undefined;
}

function arArsvis(ind: Indicator, fu: IndicatorFollowUp | undefined): boolean {
	return ind.periodicitet === 'år' || /^\d{4}$/.test(fu?.matperiod?.trim() ?? '');
}

function jamfor(ind: Indicator, varde: number, mal: Varde & {value: number}, marginal: number): 'uppfyllt' | 'delvis' | 'ej-uppfyllt' {
	// The margin is a share of the target's size, so a negative or zero target behaves sensibly.
	const slack = Math.abs(mal.value) * marginal;
	switch (ind.riktning) {
		case 'hogre':
			return varde >= mal.value ? 'uppfyllt' : varde >= mal.value - slack ? 'delvis' : 'ej-uppfyllt';
		case 'lagre':
		case 'max':
			return varde <= mal.value ? 'uppfyllt' : varde <= mal.value + slack ? 'delvis' : 'ej-uppfyllt';
		case 'band': {
			const tolerans = mal.tolerance ?? 0;
			const avstand = Math.abs(varde - mal.value);
			return avstand <= tolerans ? 'uppfyllt' : avstand <= tolerans * (1 + marginal) ? 'delvis' : 'ej-uppfyllt';
		}
	}
}

/** `defaultMarginal` is the store's delvisMarginal; the indicator's own margin wins over it. */
export function indicatorVerdict(
	ind: Indicator,
	fu: IndicatorFollowUp | undefined,
	period: Period,
	defaultMarginal: number = DEFAULT_MARGINAL,
): IndicatorBedomning {
	// Built field by field (no spreads): this runs for every indicator of every summary.
	const malet = indikatorMal(ind);
	const bedomt = bedomtVarde(fu, period);
	let b: IndicatorBedomning;
	if (!bedomt) b = {verdict: (period === 'T1' || period === 'T2') && arArsvis(ind, fu) ? 'mats-arsvis' : 'saknar-utfall'};
	else if (!malet) return {verdict: 'saknar-mal', basis: bedomt.basis, varde: bedomt.varde.value};
	else b = {verdict: jamfor(ind, bedomt.varde.value, malet.mal, ind.delvisMarginal ?? defaultMarginal), basis: bedomt.basis, varde: bedomt.varde.value};
	if (malet) {
		b.mal = malet.mal.value;
		b.malKalla = malet.malKalla;
	}
	return b;
}
