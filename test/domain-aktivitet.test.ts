import {describe, expect, it} from 'vitest';
import {aktivitetBedomning, SNART_DAGAR} from '../source/domain/aktivitet.js';
import type {Activity, ActivityFollowUp} from '../source/domain/types.js';

// Activities and dates from domain.md §5.
const SJUKSKOTERSKOR: Activity = {
	id: '1.4:a5',
	malId: '1.4',
	text: 'Äldrenämnden ska i samråd med kommunstyrelsen ta fram ett förslag på en ny indikator om andel sjuksköterskor inom särskilda boenden i syfte att höja den medicinska kompetensen inom äldreomsorgen',
	start: '2023-01-01',
	slut: '2023-06-30',
	ursprung: 'kf-uppdrag',
}; // 001:574-578
const MALBILD: Activity = {
	id: '1.3:a2',
	malId: '1.3',
	text: 'Socialnämnden, äldrenämnden och utbildningsnämnden ska i samråd med kommunstyrelsen ta fram en gemensam målbild och handlingsplan för stadens fortsatta arbete i omställningen till en god och nära vård',
	start: '2023-01-01',
	slut: '2023-08-31',
	ursprung: 'kf-uppdrag',
}; // 001:226
const SVEDMYRABADET: Activity = {
	id: '3.1:a4',
	malId: '3.1',
	text: 'Kommunstyrelsen ska i samarbete med fastighetsnämnden, idrottsnämnden, äldrenämnden och AB Stockholmshem utreda hur Svedmyrabadet kan renoveras till att bli ett bad för äldre och andra grupper i behov av uppvärmda bassänger.',
	start: '2025-01-01',
	slut: '2025-12-31',
	ursprung: 'kf-uppdrag',
}; // 000:1467-1478
const STATISTIK: Activity = {
	id: '3.1:a7',
	malId: '3.1',
	text: 'Äldrenämnden ska i samarbete kommunstyrelsen och stadsdelsnämnderna utreda förutsättningarna för att äldrenämnden får ett utökat stadsövergripande ansvar för sammanhållen stadsövergripande statistik om stadens äldreomsorg',
	start: '2025-01-01',
	slut: '2025-06-30',
	ursprung: 'kf-uppdrag',
}; // 000:1510-1515
const RSA: Activity = {
	id: '3.5.1:a3',
	malId: '3.5.1',
	text: 'Stadsdelsnämndens samhällsviktiga verksamheter genomför åtgärder som identifierats i deras risk- och sårbarhetsanalyser.',
	start: '2025-01-01',
	slut: '2025-12-31',
	ursprung: 'sdn',
}; // 003:406-407

const VP_2023 = '2023-01-25';
const T1_2023 = '2023-04-30';
const T2_2023 = '2023-08-31';
const VB_2025 = '2025-12-31';

type Fall = [string, Activity, ActivityFollowUp | undefined, string, Partial<ReturnType<typeof aktivitetBedomning>>];

const FALL: Fall[] = [
	['VP 2023: mid-year end, nothing reported yet', SJUKSKOTERSKOR, undefined, VP_2023, {ejRapporterad: true, forsenad: false, snart: false}],
	['T1 2023: pågår, ends in 61 days', SJUKSKOTERSKOR, {tillstand: 'pagar'}, T1_2023, {forsenad: false, snart: false}],
	['T2 2023: still pågår after 2023-06-30', SJUKSKOTERSKOR, {tillstand: 'pagar'}, T2_2023, {forsenad: true, dagarSen: 62, snart: false}],
	['T2 2023: ej påbörjad after 2023-06-30', SJUKSKOTERSKOR, {tillstand: 'ej-paborjad'}, T2_2023, {forsenad: true, dagarSen: 62}],
	['T2 2023: genomförd', SJUKSKOTERSKOR, {tillstand: 'genomford'}, T2_2023, {forsenad: false, snart: false, ejRapporterad: false}],
	['T2 2023: avbruten', SJUKSKOTERSKOR, {tillstand: 'avbruten'}, T2_2023, {forsenad: false, snart: false}],
	['T2 2023: not reported is listed apart, not overdue', SJUKSKOTERSKOR, undefined, T2_2023, {ejRapporterad: true, forsenad: false}],
	['T2 2023: målbild ends on the period end', MALBILD, {tillstand: 'pagar'}, T2_2023, {forsenad: false, snart: true, dagarKvar: 0}],
	['VB 2025: statistik uppdrag 2025-06-30 without status', STATISTIK, undefined, VB_2025, {ejRapporterad: true, forsenad: false, slut: '2025-06-30'}],
	['VB 2025: statistik uppdrag pågår', STATISTIK, {tillstand: 'pagar'}, VB_2025, {forsenad: true, dagarSen: 184}],
	['VB 2025: Svedmyrabadet moved into 2026', SVEDMYRABADET, {tillstand: 'pagar', nyttSlut: '2026-06-30', analys: 'Utredningen är nästan klar men några frågor återstår. Arbetet slutförs under 2026.'}, VB_2025, {slut: '2026-06-30', forsenad: false, snart: false}],
	['asOf 2026-01-01: Svedmyrabadet not moved', SVEDMYRABADET, {tillstand: 'pagar'}, '2026-01-01', {slut: '2025-12-31', forsenad: true, dagarSen: 1}],
	['VB 2025: RSA continues into 2026', RSA, {tillstand: 'pagar', nyttSlut: '2026-12-31'}, VB_2025, {forsenad: false, snart: false, tillstand: 'pagar'}],
	['T1 2024 (002): ends 2024-12-31', {...RSA, slut: '2024-12-31'}, {tillstand: 'pagar'}, '2024-04-30', {forsenad: false, snart: false}],
];

describe('aktivitetBedomning', () => {
	it.each(FALL)('%s', (_namn, akt, fu, asOf, vantat) => {
		expect(aktivitetBedomning(akt, fu, asOf)).toMatchObject(vantat);
	});

	it('fills the whole answer', () => {
		expect(aktivitetBedomning(SJUKSKOTERSKOR, {tillstand: 'pagar'}, T2_2023)).toEqual({
			slut: '2023-06-30',
			tillstand: 'pagar',
			ejRapporterad: false,
			forsenad: true,
			dagarSen: 62,
			snart: false,
		});
	});

	it(`flags due soon within ${SNART_DAGAR} days, and the window can be set`, () => {
		expect(SNART_DAGAR).toBe(30);
		const fu: ActivityFollowUp = {tillstand: 'pagar'};
		expect(aktivitetBedomning(SJUKSKOTERSKOR, fu, '2023-05-31')).toMatchObject({snart: true, dagarKvar: 30});
		expect(aktivitetBedomning(SJUKSKOTERSKOR, fu, '2023-05-30')).toMatchObject({snart: false});
		expect(aktivitetBedomning(SJUKSKOTERSKOR, fu, '2023-06-15', 10)).toMatchObject({snart: false});
		expect(aktivitetBedomning(SJUKSKOTERSKOR, fu, '2023-06-25', 10)).toMatchObject({snart: true, dagarKvar: 5});
		// Not yet reported still comes due; a finished one never does.
		expect(aktivitetBedomning(SJUKSKOTERSKOR, undefined, '2023-06-15')).toMatchObject({snart: true, dagarKvar: 15, ejRapporterad: true});
		expect(aktivitetBedomning(SJUKSKOTERSKOR, {tillstand: 'genomford'}, '2023-06-15')).toMatchObject({snart: false});
	});

	it('has nothing to say about an activity without Slutdatum', () => {
		const utan = {...RSA, slut: undefined};
		expect(aktivitetBedomning(utan, {tillstand: 'pagar'}, VB_2025)).toEqual({slut: undefined, tillstand: 'pagar', ejRapporterad: false, forsenad: false, snart: false});
	});
});
