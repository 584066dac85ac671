import {describe, expect, it} from 'vitest';
import {parseVarde} from '../source/domain/tal.js';
import type {Indicator, IndicatorFollowUp, Period, Riktning} from '../source/domain/types.js';
import {DEFAULT_MARGINAL, indicatorVerdict, type Verdict} from '../source/domain/verdict.js';

const TFA = 'Tas fram av nämnd/styrelse';
const TFA_N = 'Tas fram av nämnd';

interface Rad {
	key: string;
	riktning: Riktning;
	utfall: string;
	prognos?: string;
	arsmal: string;
	kf: string;
	matperiod: string;
	verdict: Verdict;
	basis?: 'utfall' | 'prognos';
}

function indikator(r: Pick<Rad, 'key' | 'riktning' | 'arsmal' | 'kf'>, extra: Partial<Indicator> = {}): Indicator {
	return {id: '3.4:i1', malId: '3.4', namn: r.key, riktning: r.riktning, arsmal: parseVarde(r.arsmal), kfArsmal: parseVarde(r.kf), ...extra};
}

function uppfoljning(r: Pick<Rad, 'utfall' | 'prognos' | 'matperiod'>): IndicatorFollowUp {
	const fu: IndicatorFollowUp = {matperiod: r.matperiod};
	if (r.utfall !== '') fu.utfall = parseVarde(r.utfall);
	if (r.prognos !== undefined && r.prognos !== '') fu.prognos = parseVarde(r.prognos);
	return fu;
}

// domain.md §4.3: 000 Äldrenämnden VB 2025, the "Met" column.
const VB_000: Rad[] = [
	{key: 'VETA', riktning: 'hogre', utfall: '64', arsmal: '69 %', kf: '69 %', matperiod: '2025', verdict: 'delvis'},
	{key: 'CIRK', riktning: 'hogre', utfall: '0', arsmal: '38 %', kf: TFA, matperiod: '2025', verdict: 'ej-uppfyllt'},
	{key: 'BF-E', riktning: 'max', utfall: '95,1 %', arsmal: '100 %', kf: '100 %', matperiod: 'VB 2025', verdict: 'uppfyllt'},
	{key: 'BF-F', riktning: 'max', utfall: '95,1 %', arsmal: '100 %', kf: '100 %', matperiod: 'VB 2025', verdict: 'uppfyllt'},
	{key: 'PROG', riktning: 'band', utfall: '-3 %', arsmal: '+/-1 %', kf: '+/- 1 %', matperiod: '2025', verdict: 'ej-uppfyllt'},
	{key: 'FERIE', riktning: 'hogre', utfall: '4 st', arsmal: '4 st', kf: TFA, matperiod: 'VB 2025', verdict: 'uppfyllt'},
	{key: 'SJOBB', riktning: 'hogre', utfall: '1 st', arsmal: '2 st', kf: TFA, matperiod: 'VB 2025', verdict: 'ej-uppfyllt'},
	{key: 'PRAKT', riktning: 'hogre', utfall: '0 st', arsmal: '0 st', kf: TFA_N, matperiod: 'VB 2025', verdict: 'uppfyllt'},
	{key: 'AMI', riktning: 'hogre', utfall: '78', arsmal: '83', kf: '83', matperiod: '2025', verdict: 'delvis'},
	{key: 'SJUK', riktning: 'lagre', utfall: '4,5 %', arsmal: '4,5 %', kf: TFA, matperiod: 'VB 2025', verdict: 'uppfyllt'},
	{key: 'SJUK14', riktning: 'lagre', utfall: '1,8 %', arsmal: '1,8 %', kf: TFA, matperiod: 'VB 2025', verdict: 'uppfyllt'},
	{key: 'EINK', riktning: 'hogre', utfall: '95,4 %', arsmal: '80 %', kf: '70 %', matperiod: '2025', verdict: 'uppfyllt'},
	{key: 'AVTAL', riktning: 'hogre', utfall: '100 %', arsmal: '100 %', kf: '82 %', matperiod: '2025', verdict: 'uppfyllt'},
];

// domain.md §4.5: 002 Äldrenämnden T1 2024; Prognos helår wins over Periodens utfall when given.
const T1_002: Rad[] = [
	{key: 'VETA', riktning: 'hogre', utfall: '', arsmal: '67 %', kf: '67 %', matperiod: '2024', verdict: 'mats-arsvis'},
	{key: 'BF-E', riktning: 'max', utfall: '100 %', arsmal: '100 %', kf: '100 %', matperiod: 'Tertial 1 2024', verdict: 'uppfyllt', basis: 'utfall'},
	{key: 'BF-F', riktning: 'max', utfall: '100 %', arsmal: '100 %', kf: '100 %', matperiod: 'Tertial 1 2024', verdict: 'uppfyllt', basis: 'utfall'},
	{key: 'PROG', riktning: 'band', utfall: '', arsmal: '+/- 1 %', kf: '+/- 1 %', matperiod: '2024', verdict: 'mats-arsvis'},
	{key: 'FERIE', riktning: 'hogre', utfall: '0', prognos: '4', arsmal: '4 st', kf: TFA, matperiod: 'Tertial 1 2024', verdict: 'uppfyllt', basis: 'prognos'},
	{key: 'SJOBB', riktning: 'hogre', utfall: '1', prognos: '1', arsmal: '1 st', kf: TFA, matperiod: 'Tertial 1 2024', verdict: 'uppfyllt', basis: 'prognos'},
	{key: 'PRAKT', riktning: 'hogre', utfall: '2 st', prognos: '2 st', arsmal: '2 st', kf: TFA_N, matperiod: 'Tertial 1 2024', verdict: 'uppfyllt', basis: 'prognos'},
	{key: 'AMI', riktning: 'hogre', utfall: '82', arsmal: '83', kf: '83', matperiod: '2024', verdict: 'delvis', basis: 'utfall'},
	{key: 'SJUK', riktning: 'lagre', utfall: '5 %', prognos: '5 %', arsmal: '5 %', kf: TFA, matperiod: 'Tertial 1 2024', verdict: 'uppfyllt', basis: 'prognos'},
	{key: 'SJUK14', riktning: 'lagre', utfall: '2 %', prognos: '1,8 %', arsmal: '1,8 %', kf: TFA, matperiod: 'Tertial 1 2024', verdict: 'uppfyllt', basis: 'prognos'},
	{key: 'EINK', riktning: 'hogre', utfall: '67,5 %', arsmal: '80 %', kf: TFA, matperiod: '2024', verdict: 'delvis', basis: 'utfall'},
	{key: 'AVTAL', riktning: 'hogre', utfall: '100 %', arsmal: '81 %', kf: '81 %', matperiod: '2024', verdict: 'uppfyllt', basis: 'utfall'},
	{key: 'RSA', riktning: 'hogre', utfall: '', arsmal: '100 %', kf: '100 %', matperiod: '2024', verdict: 'mats-arsvis'},
];

// domain.md §4.6: 003 Beställarenhet 2 VB 2025: all four just miss their Årsmål.
const VB_003: Rad[] = [
	{key: 'EKO', riktning: 'hogre', utfall: '69,23 %', arsmal: '70 %', kf: '70 %', matperiod: '2025', verdict: 'delvis'},
	{key: 'AMI', riktning: 'hogre', utfall: '80', arsmal: '83', kf: '83', matperiod: '2025', verdict: 'delvis'},
	{key: 'SJUK', riktning: 'lagre', utfall: '8,2 %', arsmal: '7,2 %', kf: TFA, matperiod: 'VB 2025', verdict: 'delvis'},
	{key: 'SJUK14', riktning: 'lagre', utfall: '1,6 %', arsmal: '1,5 %', kf: TFA, matperiod: 'VB 2025', verdict: 'delvis'},
];

describe('indicatorVerdict on the reports', () => {
	it.each(VB_000.map(r => [r.key, r] as const))('000 VB 2025 %s', (_k, r) => {
		const b = indicatorVerdict(indikator(r), uppfoljning(r), 'VB');
		expect(b.verdict).toBe(r.verdict);
		expect(b.basis).toBe('utfall');
		expect(b.varde).toBe(parseVarde(r.utfall).value);
		expect(b.mal).toBe(parseVarde(r.arsmal).value);
		expect(b.malKalla).toBe('arsmal');
	});

	it.each(T1_002.map(r => [r.key, r] as const))('002 T1 2024 %s', (_k, r) => {
		const b = indicatorVerdict(indikator(r), uppfoljning(r), 'T1');
		expect(b.verdict).toBe(r.verdict);
		expect(b.basis).toBe(r.basis);
		expect(b.mal).toBe(parseVarde(r.arsmal).value);
	});

	it.each(VB_003.map(r => [r.key, r] as const))('003 VB 2025 %s', (_k, r) => {
		expect(indicatorVerdict(indikator(r), uppfoljning(r), 'VB').verdict).toBe(r.verdict);
	});
});

describe('indicatorVerdict rules', () => {
	const veta = VB_000[0]!;
	const sjuk14T1 = T1_002[9]!;

	it('judges T1 on Periodens utfall when there is no Prognos helår (002 SJUK14 2 % vs 1,8 % → delvis)', () => {
		const b = indicatorVerdict(indikator(sjuk14T1), uppfoljning({...sjuk14T1, prognos: undefined}), 'T1');
		expect(b).toEqual({verdict: 'delvis', basis: 'utfall', varde: 2, mal: 1.8, malKalla: 'arsmal'});
	});

	it('ignores Prognos helår in the VB', () => {
		const r = {...sjuk14T1, utfall: '', prognos: '1,8 %'};
		expect(indicatorVerdict(indikator(r), uppfoljning(r), 'VB').verdict).toBe('saknar-utfall');
		expect(indicatorVerdict(indikator(r), uppfoljning(r), 'T2')).toMatchObject({verdict: 'uppfyllt', basis: 'prognos'});
	});

	it('falls back on KF:s årsmål when Årsmål is not numeric (000 AVTAL 100 % vs KF 82 %)', () => {
		const r = {...VB_000[12]!, arsmal: ''};
		expect(indicatorVerdict(indikator(r), uppfoljning(r), 'VB')).toEqual({verdict: 'uppfyllt', basis: 'utfall', varde: 100, mal: 82, malKalla: 'kfArsmal'});
	});

	it('gives saknar-mal when neither target is numeric (000 FERIE without Årsmål, KF "Tas fram av …")', () => {
		const r = {...VB_000[5]!, arsmal: TFA_N};
		expect(indicatorVerdict(indikator(r), uppfoljning(r), 'VB')).toEqual({verdict: 'saknar-mal', basis: 'utfall', varde: 4});
		expect(indicatorVerdict(indikator(r, {arsmal: undefined, kfArsmal: undefined}), uppfoljning(r), 'VB').verdict).toBe('saknar-mal');
	});

	it('gives saknar-utfall for a missing value outside T1/T2 and for tertial indicators', () => {
		const tom = {...veta, utfall: ''};
		expect(indicatorVerdict(indikator(tom), uppfoljning(tom), 'VB')).toEqual({verdict: 'saknar-utfall', mal: 69, malKalla: 'arsmal'});
		const sjuk = {...T1_002[8]!, utfall: '', prognos: ''};
		expect(indicatorVerdict(indikator(sjuk), uppfoljning(sjuk), 'T1').verdict).toBe('saknar-utfall');
		expect(indicatorVerdict(indikator(sjuk), undefined, 'T2').verdict).toBe('saknar-utfall');
	});

	it('treats periodicitet år as yearly in T1/T2 even without a Period column', () => {
		const ami = indikator(T1_002[7]!, {periodicitet: 'år'});
		expect(indicatorVerdict(ami, undefined, 'T2').verdict).toBe('mats-arsvis');
		expect(indicatorVerdict(ami, undefined, 'VB').verdict).toBe('saknar-utfall');
	});

	it('in the VP (001, targets only) every indicator lacks an outcome', () => {
		// domain.md §4.4: INFO 60 % / TFA-n, PROG +/-1 %, UNGF 0 st vs 11 000, AMI 80 vs 83, all År or Tertial.
		const vp: Array<[Riktning, string, string, 'år' | 'tertial']> = [
			['hogre', '60 %', TFA_N, 'år'],
			['band', '+/-1 %', '+/- 1 %', 'år'],
			['hogre', '0 st', '11 000', 'tertial'],
			['hogre', '80', '83', 'år'],
		];
		for (const [riktning, arsmal, kf, periodicitet] of vp) {
			expect(indicatorVerdict(indikator({key: 'x', riktning, arsmal, kf}, {periodicitet}), undefined, 'VP').verdict).toBe('saknar-utfall');
		}
	});

	it('band: within the tolerance is met, within tolerance × (1 + margin) delvis (PROG, 000:1451)', () => {
		const prog = VB_000[4]!;
		const med = (utfall: string) => indicatorVerdict(indikator(prog), uppfoljning({...prog, utfall}), 'VB').verdict;
		expect(med('-1 %')).toBe('uppfyllt'); // VB 2024
		expect(med('0 %')).toBe('uppfyllt'); // VB 2023
		expect(med('1 %')).toBe('uppfyllt');
		expect(med('-1,2 %')).toBe('delvis');
		expect(med('1,3 %')).toBe('ej-uppfyllt');
	});

	it('max: above the ceiling is delvis within the margin, then ej uppfyllt (BF 100 %)', () => {
		const bf = VB_000[2]!;
		const med = (utfall: string) => indicatorVerdict(indikator(bf), uppfoljning({...bf, utfall}), 'VB').verdict;
		expect(med('100 %')).toBe('uppfyllt');
		expect(med('104 %')).toBe('delvis');
		expect(med('121 %')).toBe('ej-uppfyllt');
	});

	it('lower: at or below the target is met, beyond the margin ej uppfyllt (003 SJUK 7,2 %)', () => {
		const sjuk = VB_003[2]!;
		const med = (utfall: string) => indicatorVerdict(indikator(sjuk), uppfoljning({...sjuk, utfall}), 'VB').verdict;
		expect(med('5,2 %')).toBe('uppfyllt'); // män
		expect(med('8,6 %')).toBe('delvis'); // kvinnor, 7,2 × 1,2 = 8,64
		expect(med('8,7 %')).toBe('ej-uppfyllt');
	});

	it('uses the indicator margin over the store default, and the store default over 20 %', () => {
		// VETA 64 vs 69: delvis at 20 %, ej at 5 % (limit 65,55).
		expect(DEFAULT_MARGINAL).toBe(0.2);
		expect(indicatorVerdict(indikator(veta), uppfoljning(veta), 'VB', 0.05).verdict).toBe('ej-uppfyllt');
		expect(indicatorVerdict(indikator(veta, {delvisMarginal: 0.1}), uppfoljning(veta), 'VB', 0.05).verdict).toBe('delvis');
		expect(indicatorVerdict(indikator(veta, {delvisMarginal: 0}), uppfoljning(veta), 'VB').verdict).toBe('ej-uppfyllt');
	});

	it.each<Period>(['T1', 'T2', 'VB'])('judges the 003 rows the same in %s without a prognos', period => {
		for (const r of VB_003) expect(indicatorVerdict(indikator(r), uppfoljning(r), period).verdict).toBe('delvis');
	});
});
