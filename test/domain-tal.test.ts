import {describe, expect, it} from 'vitest';
import {formatTal, parseInmatning, parseVarde, visaTal, visaVarde} from '../source/domain/tal.js';

// Cells as they stand in the reports (domain.md §4.1, §4.3–4.6).
const CELLER: Array<[string, string, Record<string, unknown>]> = [
	['000:1437 BF-E VB 2024', '98,8 %', {value: 98.8, unit: '%'}],
	['000:2317 EINK VB 2024', '84,36 %', {value: 84.36, unit: '%'}],
	['003:249 EKO', '69,23 %', {value: 69.23, unit: '%'}],
	['000:710 VETA, % without sign', '64', {value: 64}],
	['000:2071 AMI index', '78', {value: 78}],
	['000:1651 FERIE', '4 st', {value: 4, unit: 'st'}],
	['002:580 FERIE bare count', '0', {value: 0}],
	['000:1688 PRAKT', '0 st', {value: 0, unit: 'st'}],
	['001:987 UNGF KF:s årsmål', '11 000', {value: 11000}],
	['thousands', '2 013', {value: 2013}],
	['000:1451 PROG utfall', '-3 %', {value: -3, unit: '%'}],
	['000:1451 PROG Årsmål', '+/-1 %', {value: 0, tolerance: 1, unit: '%'}],
	['000:1451 PROG KF:s årsmål', '+/- 1 %', {value: 0, tolerance: 1, unit: '%'}],
	['003:370 decimal point in prose', '86.5 %', {value: 86.5, unit: '%'}],
	['000:2092 SJUK14 män', '2 %', {value: 2, unit: '%'}],
	['000:945 KF:s årsmål text', 'Tas fram av nämnd/styrelse', {}],
	['000:1688 KF:s årsmål text', 'Tas fram av nämnd', {}],
	['000:945-947 wrapped text', 'Tas fram av \nnämnd/styr\nelse', {}],
	['empty cell', '', {}],
	['whitespace run (family A)', '   ', {}],
];

describe('parseVarde', () => {
	it.each(CELLER)('%s: %j', (_kalla, raw, vantat) => {
		expect(parseVarde(raw)).toStrictEqual({raw, ...vantat});
	});

	it('keeps surrounding whitespace in raw while reading the number', () => {
		expect(parseVarde(' 8,2 % ')).toStrictEqual({raw: ' 8,2 % ', value: 8.2, unit: '%'});
	});

	it.each(['12,3,4', '1,2.3', '11  000', '1 5', 'ca 5 %', '5 kr', '8,2 %%'])('gives no value for "%s"', raw => {
		expect(parseVarde(raw)).toStrictEqual({raw});
	});
});

describe('parseInmatning', () => {
	it.each([
		['8,2 %', 8.2, '%'],
		['12', 12, undefined],
		['11 000', 11000, undefined],
		['-3 %', -3, '%'],
		['1 st', 1, 'st'],
		['86.5 %', 86.5, '%'],
	])('accepts "%s"', (raw, value, unit) => {
		const v = parseInmatning(raw, '3.4:i2 utfall');
		expect(v?.value).toBe(value);
		expect(v?.unit).toBe(unit);
		expect(v?.raw).toBe(raw);
	});

	it('keeps raw exactly as typed', () => {
		expect(parseInmatning(' 8,2 %', '3.4:i2 utfall')).toStrictEqual({raw: ' 8,2 %', value: 8.2, unit: '%'});
		expect(parseInmatning('+/- 1 %', '3.1:i3 prognos')).toStrictEqual({raw: '+/- 1 %', value: 0, tolerance: 1, unit: '%'});
	});

	it.each(['', '   ', '\t'])('clears on empty input %j', raw => {
		expect(parseInmatning(raw, '3.4:i2 utfall')).toBeUndefined();
	});

	it.each(['12,3,4', 'abc', '1,2.3', 'Tas fram av nämnd'])('refuses "%s" naming the field', raw => {
		expect(() => parseInmatning(raw, '3.4:i2 utfall')).toThrow(
			`3.4:i2 utfall: "${raw}" är inget tal (skriv t.ex. 8,2 % eller 12)`,
		);
	});

	it('throws a MalkollError (exit code 2)', () => {
		try {
			parseInmatning('abc', 'x');
			expect.unreachable();
		} catch (error) {
			expect((error as {name: string; exitCode: number}).name).toBe('MalkollError');
			expect((error as {exitCode: number}).exitCode).toBe(2);
		}
	});
});

describe('formatTal', () => {
	it.each([
		[8.2, '8,2'],
		[11000, '11 000'],
		[2013, '2 013'],
		[69.23, '69,23'],
		[84.36, '84,36'],
		[-3, '-3'],
		[0, '0'],
		[-0, '0'],
		[999, '999'],
		[1234567.5, '1 234 567,5'],
		[0.1 + 0.2, '0,3'],
		[-1234.25, '-1 234,25'],
	])('%d → "%s"', (n, text) => {
		expect(formatTal(n)).toBe(text);
	});

	it.each([98.8, 84.36, 64, 11000, -3, 69.23, 1.6, 0])('round-trips %d through parseVarde', n => {
		expect(parseVarde(formatTal(n)).value).toBe(n);
	});
});

describe('visaTal: a number as a Swedish reader expects it, from what was typed', () => {
	const N = '\u00a0';
	it.each([
		['7.9%', `7,9${N}%`],
		['8,2 %', `8,2${N}%`],
		[' 86.5 % ', `86,5${N}%`],
		['7,90 %', `7,90${N}%`],
		['4 st', `4${N}st`],
		['80', '80'],
		['2013', '2013'],
		['2 013', `2${N}013`],
		['11000', `11${N}000`],
		['959500', `959${N}500`],
		['-3 %', `-3${N}%`],
		['−3 %', `-3${N}%`],
		['+2 %', `+2${N}%`],
		['+/-1 %', `±1${N}%`],
		['+/- 1 %', `±1${N}%`],
		['Tas fram av nämnd/styrelse', 'Tas fram av nämnd/styrelse'],
	])('"%s" → "%s"', (raw, visad) => {
		expect(visaTal(raw)).toBe(visad);
	});

	it('leaves the stored value as typed, and gives nothing for a blank one', () => {
		const v = parseVarde('7.9%');
		expect(visaVarde(v)).toBe(`7,9${N}%`);
		expect(v.raw).toBe('7.9%');
		expect(visaVarde(parseVarde('  '))).toBeUndefined();
		expect(visaVarde(undefined)).toBeUndefined();
	});
});
