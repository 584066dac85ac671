import {describe, expect, it} from 'vitest';
import {arGiltigtDatum, dagarMellan, periodSlut} from '../source/domain/datum.js';

describe('dates', () => {
	it('counts days like the calendar, leap years included', () => {
		const days = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
		const dates: string[] = ['2024-02-29', '2000-02-29', '2100-03-01', '1970-01-01', '2025-12-31', '2026-01-10'];
		for (let t = Date.UTC(1999, 0, 1); t < Date.UTC(2031, 0, 1); t += 86_400_000 * 13) dates.push(new Date(t).toISOString().slice(0, 10));
		for (const a of dates) for (const b of dates.slice(0, 40)) expect(dagarMellan(a, b), `${a} → ${b}`).toBe(days(a, b));
		expect(dagarMellan('2025-12-31', '2026-01-10')).toBe(10);
	});

	it('knows a real date from an impossible one', () => {
		expect(['2025-02-28', '2024-02-29', '2025-12-31'].map(arGiltigtDatum)).toEqual([true, true, true]);
		expect(['2025-02-30', '2025-02-29', '2025-13-01', '2025-00-10', '2025-1-5', '20250101'].map(arGiltigtDatum)).toEqual([false, false, false, false, false, false]);
	});

	it('ends the periods on the customary dates unless the store says otherwise', () => {
		expect(periodSlut({year: 2025}, 'T1')).toBe('2025-04-30');
		expect(periodSlut({year: 2025}, 'T2')).toBe('2025-08-31');
		expect(periodSlut({year: 2025, periodSlut: {T2: '2025-09-15'}}, 'T2')).toBe('2025-09-15');
	});
});
