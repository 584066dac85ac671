import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {z} from 'zod';
import {storeJsonSchema, type StoreSchemaMatchesTypes} from '../source/store/schema.js';
import {parseStore} from '../source/store/index.js';

const committed = JSON.parse(readFileSync(new URL('../schema/malkoll.schema.json', import.meta.url), 'utf8'));
const fromFile = z.fromJSONSchema(committed);
const stores = ['bestallarenhet-2-2025.json', 'aldrenamnden-2025.json'].map(f => readFileSync(new URL(`../data/${f}`, import.meta.url), 'utf8'));

function codeAccepts(value: unknown): boolean {
	try {
		parseStore(JSON.stringify(value), 'prov.json');
		return true;
	} catch {
		return false;
	}
}

describe('schema/malkoll.schema.json', () => {
	it('is what `node scripts/schema.mjs` writes from the zod schema today', () => {
		expect(committed).toEqual(storeJsonSchema());
	});

	it('describes the same values as StoreData', () => {
		const matches: StoreSchemaMatchesTypes = true;
		expect(matches).toBe(true);
	});

	it.each([0, 1])('accepts bundled store %i, as the code does', i => {
		const value = JSON.parse(stores[i]!);
		expect(codeAccepts(value)).toBe(true);
		expect(fromFile.safeParse(value).success).toBe(true);
	});

	it.each<[string, (d: Record<string, any>) => void]>([
		['a title that is a number', d => (d.goals[0].titel = 1)],
		['an unknown top-level field', d => (d.anteckning = 'x')],
		['an unknown status', d => (d.followUp.VB.goals['1'] = {status: 'uppfylls'})],
		['an indicator id without :i', d => (d.indicators[0].id = '2.2-1')],
		['a follow-up under an activity id that is not one', d => (d.followUp.VB.activities['1.4.1'] = {})],
		['30 February', d => (d.activities[0].start = '2025-02-30')],
		['a margin above 1', d => (d.delvisMarginal = 1.5)],
		['an unknown period', d => (d.period = 'T3')],
		['a newer schemaVersion', d => (d.schemaVersion = 2)],
		['a Varde with a text value', d => (d.indicators[0].arsmal = {raw: '70 %', value: '70'})],
		['a missing organisation', d => delete d.organisation],
	])('rejects %s, in the code and in the committed file', (_, change) => {
		const value = JSON.parse(stores[0]!);
		change(value);
		expect(codeAccepts(value)).toBe(false);
		expect(fromFile.safeParse(value).success).toBe(false);
	});
});
