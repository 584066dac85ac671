import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {matchesSchema, schemaProblem} from '../source/store/validate.js';
import {BUNDLED, ROOT} from './helpers.js';

// The generated validator answers valid/invalid fast; the closures say where. They must agree on
// every store: here on the bundled ones and on thousands of single mutations of them.
const REPLACEMENTS: unknown[] = [undefined, null, 0, -1, 1.5, 3000, '', 'x', '2025-02-30', '3.4:i2', true, [], {}, [{}], {raw: 1}, {extra: 1}];

function* paths(v: unknown, path: Array<string | number> = []): Generator<Array<string | number>> {
	yield path;
	if (Array.isArray(v)) for (let i = 0; i < Math.min(v.length, 3); i++) yield* paths(v[i], [...path, i]);
	else if (typeof v === 'object' && v !== null) for (const k of Object.keys(v)) yield* paths((v as Record<string, unknown>)[k], [...path, k]);
}

function mutate(root: unknown, path: Array<string | number>, value: unknown): unknown {
	const copy = structuredClone(root);
	if (path.length === 0) return value;
	let at = copy as Record<string | number, unknown>;
	for (const k of path.slice(0, -1)) at = at[k] as Record<string | number, unknown>;
	const last = path[path.length - 1]!;
	if (typeof at !== 'object' || at === null) return copy;
	if (value === undefined) delete at[last];
	else at[last] = value;
	return copy;
}

describe('the fast validator agrees with the closures', () => {
	for (const file of [BUNDLED, `${ROOT}/data/aldrenamnden-2025.json`]) {
		it(`on ${file.split('/').pop()} and its mutations`, () => {
			const store = JSON.parse(readFileSync(file, 'utf8'));
			expect(matchesSchema(store)).toBe(true);
			expect(schemaProblem(store)).toBeUndefined();
			let checked = 0;
			let invalid = 0;
			for (const path of paths(store)) {
				for (const value of [...REPLACEMENTS, 'ny-nyckel']) {
					const m = value === 'ny-nyckel' ? mutate(store, [...path, 'okändNyckel'], 1) : mutate(store, path, value);
					const problem = schemaProblem(m);
					expect(matchesSchema(m), `${path.join('.')} = ${JSON.stringify(value)}: ${problem}`).toBe(problem === undefined);
					checked++;
					if (problem) invalid++;
				}
			}
			expect(checked).toBeGreaterThan(1000);
			expect(invalid).toBeGreaterThan(checked / 2);
		});
	}
});
