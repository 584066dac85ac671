import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {applyOp, FOLLOWUP_FIELDS, type Entity} from '../source/domain/ops.js';
import type {StoreData} from '../source/domain/types.js';
import {validateStore} from '../source/store/validate.js';
import {BUNDLED} from './helpers.js';

// The store skips its whole-file validation after 'set' ops (a big store writes faster), so
// whatever applyOp accepts in a 'set' must be a value the schema accepts too.
const VALUES: unknown[] = [
	'helt', 'delvis', 'inga-data', 'bra', 'pagar', 'avbruten', 'klar', '2025-06-30', '2025-02-30', '', 'text', true, false, 1, -1, NaN, null,
	{raw: '8,2 %', value: 8.2, unit: '%'}, {raw: '+/- 1 %', value: 0, tolerance: 1, unit: '%'}, {raw: 'x', value: NaN}, {raw: 'x', unit: 'kr'},
	{raw: 'x', tolerance: -1}, {raw: 'x', extra: 1}, {raw: 3}, {value: 3}, [], ['a'], {}, 'x'.repeat(100_001),
];
const IDS: Record<Entity, string> = {goal: '3.4.1.1', indicator: '3.4:i2', activity: '3.5.1:a3'};

describe("'set' ops accepted by applyOp always give a store the schema accepts", () => {
	for (const entity of Object.keys(IDS) as Entity[]) {
		for (const field of FOLLOWUP_FIELDS[entity]) {
			it(`${entity}.${field}`, () => {
				let accepted = 0;
				for (const value of VALUES) {
					const data: StoreData = JSON.parse(readFileSync(BUNDLED, 'utf8'));
					try {
						applyOp(data, {op: 'set', period: 'T1', entity, id: IDS[entity], field, value}, 't', 'a');
					} catch {
						continue;
					}
					accepted++;
					expect(() => validateStore(data, 'x.json'), `${field} = ${JSON.stringify(value)?.slice(0, 40)}`).not.toThrow();
				}
				expect(accepted).toBeGreaterThan(0);
			});
		}
	}
});

describe('a set writes only the changed entry, byte for byte what a whole rewrite gives', () => {
	it('patches a canonical store exactly as serializeStore would write it', async () => {
		const {applyChanges, serializeStore, loadStore} = await import('../source/store/index.js');
		const {tmpStore} = await import('./helpers.js');
		const {writeFileSync} = await import('node:fs');
		const file = tmpStore();
		// Make the file canonical first, then change several entries in one go and one by one.
		writeFileSync(file, serializeStore(await loadStore(file)));
		// A harmless oddity elsewhere in the file survives a patch (and shows that one was made).
		writeFileSync(file, readFileSync(file, 'utf8').replace('"year": 2025,', '"year":2025,'));
		await applyChanges(file, [
			{op: 'set', period: 'VB', entity: 'goal', id: '3.4.1.1', field: 'analys', value: 'Ny analys med \u001b[2J och \u009b och "citat"\nrad två'},
			{op: 'set', period: 'VB', entity: 'indicator', id: '3.4:i2', field: 'utfall', value: {raw: '7,9 %', value: 7.9, unit: '%'}},
			{op: 'set', period: 'VB', entity: 'activity', id: '1.4.1:a1', field: 'tillstand', value: 'genomford'},
		]);
		const patched = readFileSync(file, 'utf8');
		expect(patched).toContain('"year":2025,');
		expect(patched.replace('"year":2025,', '"year": 2025,')).toBe(serializeStore(await loadStore(file)));
		expect(patched).toContain('\\u009b');
		// An entry that appears (a new period) is written whole, and still canonical.
		await applyChanges(file, [{op: 'set', period: 'T2', entity: 'goal', id: '3.4.1.1', field: 'status', value: 'delvis'}]);
		expect(readFileSync(file, 'utf8')).toBe(serializeStore(await loadStore(file)));
	});
});
