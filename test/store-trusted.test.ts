import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {ENTITIES, fields} from '../source/domain/fields.js';
import {applyOp, namedOp} from '../source/domain/ops.js';
import type {StoreData} from '../source/domain/types.js';
import {validateStore} from '../source/store/validate.js';
import {BUNDLED} from './helpers.js';

// The store skips its whole-file validation after 'set' ops (a big store writes faster), so
// whatever applyOp accepts in a 'set' must be a value the schema accepts too.
const VALUES: unknown[] = [
	'helt', 'delvis', 'inga-data', 'bra', 'pagar', 'avbruten', 'klar', '2025-06-30', '2025-02-30', '', 'text', true, false, 1, -1, NaN, null,
	{raw: '8,2 %', value: 8.2, unit: '%'}, {raw: '+/- 1 %', value: 0, tolerance: 1, unit: '%'}, {raw: 'x', value: NaN}, {raw: 'x', unit: 'kr'},
	{raw: 'x', tolerance: -1}, {raw: 'x', extra: 1}, {raw: 3}, {value: 3}, [], ['a'], {}, 'x'.repeat(100_001), 'lagre', 'index', 'år', 0.2, [{nr: 1, text: 'a'}], ['1.2'],
];
const IDS: Record<(typeof ENTITIES)[number], string> = {goal: '3.4.1.1', indicator: '3.4:i2', activity: '3.5.1:a3'};

describe("'set' and 'def' ops accepted by applyOp (the field table's check) always give a store the schema accepts", () => {
	for (const entity of ENTITIES) {
		for (const {name: field, part} of [...fields(entity, 'followUp'), ...fields(entity, 'plan')]) {
			it(`${entity}.${part}.${field}`, () => {
				let accepted = 0;
				for (const value of VALUES) {
					const data: StoreData = JSON.parse(readFileSync(BUNDLED, 'utf8'));
					try {
						applyOp(data, namedOp(part === 'plan' ? {op: 'def', entity, id: IDS[entity], field, value} : {op: 'set', period: 'T1', entity, id: IDS[entity], field, value}), 't', 'a');
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
	it('patchFollowUp on canonical bytes gives exactly serializeStore of the changed data', async () => {
		const {serializeStore} = await import('../source/store/index.js');
		const {patchFollowUp} = await import('../source/store/serialize.js');
		const before: StoreData = JSON.parse(readFileSync(BUNDLED, 'utf8'));
		const bytes = Buffer.from(serializeStore(before));
		const after: StoreData = structuredClone(before);
		const edits = [
			{period: 'VB', bucket: 'goals', id: '3.4.1.1', value: 'Ny analys med \u001b[2J och \u009b och "citat"\nrad två'},
			{period: 'VB', bucket: 'activities', id: '3.5.1:a3', value: 'Ändrad'},
		] as const;
		for (const e of edits) (after.followUp.VB![e.bucket] as Record<string, {analys?: string}>)[e.id]!.analys = e.value;
		const parts = patchFollowUp(
			bytes,
			edits.map(e => ({period: e.period, bucket: e.bucket, id: e.id, before: before.followUp.VB![e.bucket][e.id], after: after.followUp.VB![e.bucket][e.id]})),
		);
		expect(parts).toBeDefined();
		const patched = Buffer.concat(parts!).toString('utf8');
		expect(patched).toBe(serializeStore(after));
		expect(patched).toContain('\\u009b');
		// An entry that does not match its canonical form is not patched.
		const text = serializeStore(before);
		const vb = text.indexOf('\n    "VB": {');
		const odd = Buffer.from(text.slice(0, vb) + text.slice(vb).replace('"3.4.1.1": {\n          "', '"3.4.1.1": {\n           "'));
		expect(patchFollowUp(odd, [{period: 'VB', bucket: 'goals', id: '3.4.1.1', before: before.followUp.VB!.goals['3.4.1.1'], after: {}}])).toBeUndefined();
	});

	it('applyChanges leaves a canonical file canonical, and makes an odd one canonical', async () => {
		const {applyChanges, serializeStore, loadStore} = await import('../source/store/index.js');
		const {tmpStore} = await import('./helpers.js');
		const {writeFileSync} = await import('node:fs');
		const file = tmpStore();
		writeFileSync(file, serializeStore(await loadStore(file)));
		await applyChanges(file, [
			{op: 'set', period: 'VB', entity: 'goal', id: '3.4.1.1', field: 'analys', value: 'Ny analys\nrad två'},
			{op: 'set', period: 'VB', entity: 'indicator', id: '3.4:i2', field: 'utfall', value: {raw: '7,9 %', value: 7.9, unit: '%'}},
			{op: 'set', period: 'VB', entity: 'activity', id: '1.4.1:a1', field: 'tillstand', value: 'genomford'},
		]);
		expect(readFileSync(file, 'utf8')).toBe(serializeStore(await loadStore(file)));
		// A harmless oddity (as a merge or an editor may leave) is written away by the next change.
		writeFileSync(file, readFileSync(file, 'utf8').replace('"year": 2025,', '"year":2025,'));
		await applyChanges(file, [{op: 'set', period: 'VB', entity: 'goal', id: '3.4.1.1', field: 'analys', value: 'Igen'}], {ids: ['3.4.1.1']});
		const after = readFileSync(file, 'utf8');
		expect(after).toContain('"year": 2025,');
		expect(after).toBe(serializeStore(await loadStore(file)));
		// An entry that appears (a new period) is written whole, and still canonical.
		await applyChanges(file, [{op: 'set', period: 'T2', entity: 'goal', id: '3.4.1.1', field: 'status', value: 'delvis'}], {ids: ['3.4.1.1']});
		expect(readFileSync(file, 'utf8')).toBe(serializeStore(await loadStore(file)));
	});
});
