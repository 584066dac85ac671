import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {ENTITIES, fields} from '../source/domain/fields.js';
import {applyOp, namedOp} from '../source/domain/ops.js';
import type {StoreData} from '../source/domain/types.js';
import {validateStore} from '../source/store/validate.js';
import {BUNDLED} from './helpers.js';

// Whatever the field table lets applyOp accept must be a value the schema accepts too, or a change
// would be refused only when the whole store is validated before the write.
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
