import {describe, expect, it} from 'vitest';
import {buildSummary} from '../source/domain/summary.js';
import {parseVarde} from '../source/domain/tal.js';
import {store003} from './fixtures/domain-store-003.js';

describe('buildSummary on 003 (Beställarenhet 2, VB 2025)', () => {
	const s = buildSummary(store003());

	it('takes period and as-of date from the store', () => {
		expect(s.organisation.namn).toBe('Beställarenhet 2');
		expect([s.year, s.period, s.asOf]).toEqual([2025, 'VB', '2025-12-31']);
	});

	it('counts the tree as domain.md §8 does', () => {
		expect(s.counts).toEqual({inriktningsmal: 3, vo: 6, namndmal: 6, enhetsmal: 6, indicators: 4, activities: 8});
	});

	it('counts statuses only on the assessed level', () => {
		expect(s.goalsByStatus).toEqual({helt: 6, delvis: 0, inte: 0, ingaData: 0, ejBedomd: 0});
		expect(s.goalsByLevel).toEqual([{niva: 'enhetsmal', helt: 6, delvis: 0, inte: 0, ingaData: 0, ejBedomd: 0}]);
		expect(s.goalsWithoutStatus).toEqual([]);
		expect(s.goalsWithoutAnalysis).toEqual([]);
	});

	it('lists the four indicators that miss their Årsmål (domain.md §4.6)', () => {
		expect(s.unmetIndicators).toEqual([
			{id: '2.2:i1', goalId: '2.2', namn: 'Andel inköpta ekologiska livsmedel i kronor', verdict: 'delvis', basis: 'utfall', utfall: '69,23 %', mal: '70 %', varde: 69.23, malVarde: 70},
			{id: '3.4:i1', goalId: '3.4', namn: 'Aktivt Medskapandeindex', verdict: 'delvis', basis: 'utfall', utfall: '80', mal: '83', varde: 80, malVarde: 83},
			{id: '3.4:i2', goalId: '3.4', namn: 'Sjukfrånvaro', verdict: 'delvis', basis: 'utfall', utfall: '8,2 %', man: '5,2 %', kvinnor: '8,6 %', mal: '7,2 %', varde: 8.2, malVarde: 7.2},
			{id: '3.4:i3', goalId: '3.4', namn: 'Sjukfrånvaro dag 1-14', verdict: 'delvis', basis: 'utfall', utfall: '1,6 %', man: '1,2 %', kvinnor: '1,6 %', mal: '1,5 %', varde: 1.6, malVarde: 1.5},
		]);
		expect(s.missingOutcomes).toEqual([]);
	});

	it('suggests delvis where the chef said helt against unmet indicators', () => {
		expect(s.suggestions.map(x => [x.goalId, x.status, x.forslag, x.grund.length])).toEqual([
			['2.2.1.1', 'helt', 'delvis', 1],
			['3.4.1.1', 'helt', 'delvis', 3],
		]);
		expect(s.suggestions[1]!.grund[1]).toBe('Sjukfrånvaro (3.4:i2): 8,2\u00a0% mot årsmål 7,2\u00a0% – delvis uppfyllt');
	});

	it('warns as domain.md §3.4 item 2 does: biologisk mångfald and arbetsgivare helt with unmet indicators', () => {
		expect(s.warnings.map(w => [w.kod, w.goalId, w.ref])).toEqual([
			['helt-men-indikator', '2.2.1.1', '2.2:i1'],
			['helt-men-indikator', '3.4.1.1', '3.4:i1'],
			['helt-men-indikator', '3.4.1.1', '3.4:i2'],
			['helt-men-indikator', '3.4.1.1', '3.4:i3'],
		]);
	});

	it('has the RSA activity due on the last day and nothing overdue or unreported', () => {
		expect(s.overdueActivities).toEqual([]);
		expect(s.dueSoonActivities).toEqual([
			{id: '3.5.1:a3', goalId: '3.5.1', text: expect.stringContaining('risk- och sårbarhetsanalyser'), slut: '2025-12-31', dagarKvar: 0, tillstand: 'pagar'},
		]);
		expect(s.unreportedActivities).toEqual([]);
	});
});

describe('buildSummary options and periods', () => {
	it('on the report date (003:19, 2026-03-26) the RSA activity is overdue under a helt enhetsmål', () => {
		const s = buildSummary(store003(), {asOf: '2026-03-26'});
		expect(s.overdueActivities.map(a => [a.id, a.dagarSen])).toEqual([['3.5.1:a3', 85]]);
		expect(s.dueSoonActivities).toEqual([]);
		expect(s.warnings.filter(w => w.kod === 'helt-men-forsenad').map(w => [w.goalId, w.ref])).toEqual([['3.5.1.1', '3.5.1:a3']]);
		expect(s.suggestions.find(x => x.goalId === '3.5.1.1')?.forslag).toBe('delvis');
	});

	it('lists unreported activities, goals without status or analysis, and missing outcomes', () => {
		const data = store003();
		const vb = data.followUp.VB!;
		delete vb.activities['2.1.1:a1'];
		delete vb.goals['3.6.1.1'];
		vb.goals['3.5.1.1'] = {status: 'helt'};
		delete vb.indicators['3.4:i1'];
		data.indicators[0]!.arsmal = parseVarde('Tas fram av nämnd');
		data.indicators[0]!.kfArsmal = undefined;
		const s = buildSummary(data);
		expect(s.unreportedActivities).toEqual([{id: '2.1.1:a1', goalId: '2.1.1', text: 'Stadsdelsnämndens samtliga chefer utbildas i Miljöprogram 2030', slut: '2025-12-31'}]);
		expect(s.goalsWithoutStatus).toEqual([{id: '3.6.1.1', titel: 'Enheten ska öka kunskapen bland medarbetarna samt vara delaktiga i stadens arbete kring välfärdsbrott.'}]);
		expect(s.goalsWithoutAnalysis.map(x => x.id)).toEqual(['3.5.1.1', '3.6.1.1']);
		expect(s.goalsByStatus).toEqual({helt: 5, delvis: 0, inte: 0, ingaData: 0, ejBedomd: 1});
		expect(s.missingOutcomes).toEqual([
			{id: '2.2:i1', goalId: '2.2', namn: 'Andel inköpta ekologiska livsmedel i kronor', verdict: 'saknar-mal'},
			{id: '3.4:i1', goalId: '3.4', namn: 'Aktivt Medskapandeindex', verdict: 'saknar-utfall'},
		]);
		expect(s.warnings.map(w => [w.kod, w.goalId])).toContainEqual(['status-utan-analys', '3.5.1.1']);
	});

	it('in T1 yearly indicators are measured later and not listed as missing', () => {
		const data = store003();
		data.followUp.T1 = {
			goals: {'3.4.1.1': {status: 'helt', analys: 'Bedömningen grundas på att sjukfrånvaron prognostiseras att minska.'}},
			indicators: {'3.4:i2': {utfall: parseVarde('9,1 %'), prognos: parseVarde('8,4 %'), matperiod: 'Tertial 1 2025'}},
			activities: {'3.5.1:a3': {tillstand: 'pagar'}},
		};
		const s = buildSummary(data, {period: 'T1'});
		expect(s.asOf).toBe('2025-04-30');
		expect(s.unmetIndicators).toEqual([
			{id: '3.4:i2', goalId: '3.4', namn: 'Sjukfrånvaro', verdict: 'delvis', basis: 'prognos', utfall: '9,1 %', prognos: '8,4 %', mal: '7,2 %', varde: 8.4, malVarde: 7.2},
		]);
		// EKO and AMI are yearly (mäts årsvis); SJUK14 is tertial and has no value yet.
		expect(s.missingOutcomes.map(x => [x.id, x.verdict])).toEqual([['3.4:i3', 'saknar-utfall']]);
		expect(s.goalsByStatus).toEqual({helt: 1, delvis: 0, inte: 0, ingaData: 0, ejBedomd: 5});
		expect(s.unreportedActivities).toHaveLength(7);
		expect(s.suggestions.map(x => [x.goalId, x.status, x.forslag])).toEqual([['3.4.1.1', 'helt', 'delvis']]);
	});

	it('in the VP lists no statuses, analyses, outcomes or unreported activities, only missing targets', () => {
		const data = store003();
		data.indicators[1]!.arsmal = parseVarde('');
		data.indicators[1]!.kfArsmal = parseVarde('Tas fram av nämnd/styrelse');
		const s = buildSummary(data, {period: 'VP'});
		expect(s.asOf).toBe('2025-01-01');
		expect(s.goalsByStatus.ejBedomd).toBe(6);
		expect([s.goalsWithoutStatus, s.goalsWithoutAnalysis, s.unmetIndicators, s.unreportedActivities, s.suggestions, s.warnings]).toEqual([[], [], [], [], [], []]);
		expect(s.missingOutcomes).toEqual([{id: '3.4:i1', goalId: '3.4', namn: 'Aktivt Medskapandeindex', verdict: 'saknar-mal'}]);
	});

	it('orders overdue activities most late first and honours the store margin', () => {
		const data = store003();
		data.delvisMarginal = 0.05;
		const vb = data.followUp.VB!;
		vb.activities['2.1.1:a1'] = {tillstand: 'pagar', nyttSlut: '2025-09-30'};
		vb.activities['1.4.1:a2'] = {tillstand: 'ej-paborjad', nyttSlut: '2025-03-31'};
		const s = buildSummary(data);
		expect(s.overdueActivities.map(a => [a.id, a.slut, a.dagarSen, a.tillstand])).toEqual([
			['1.4.1:a2', '2025-03-31', 275, 'ej-paborjad'],
			['2.1.1:a1', '2025-09-30', 92, 'pagar'],
		]);
		// At 5 %: SJUK 8,2 > 7,2 × 1,05 and SJUK14 1,6 > 1,5 × 1,05 fail outright; EKO ≥ 66,5 and AMI ≥ 78,85 stay delvis.
		expect(s.unmetIndicators.map(x => [x.id, x.verdict])).toEqual([
			['2.2:i1', 'delvis'],
			['3.4:i1', 'delvis'],
			['3.4:i2', 'ej-uppfyllt'],
			['3.4:i3', 'ej-uppfyllt'],
		]);
	});
});
