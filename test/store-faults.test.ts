// Issue 13, items 4 and 9: what a store file may not hold although JSON and the schema allow it.
import {readFileSync, writeFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {parseStore} from '../source/store/parse.js';
import {BUNDLED, run, tmpStore} from './helpers.js';

const text = readFileSync(BUNDLED, 'utf8');

describe('duplicate keys', () => {
	it('a text that holds quotes, colons and backslashes is no duplicate', () => {
		const data = JSON.parse(text);
		data.goals[0].titel = 'a \\": b \\\\": c "\\": "x" : y';
		data.goals[1].titel = '"titel": "en annan"';
		data.followUp.VB.goals['3.4.1.1'].analys = 'slut med backslash \\';
		const pretty = JSON.stringify(data, null, 2);
		expect(() => parseStore(pretty, 's.json')).not.toThrow();
		// A hand edit's space before the colon counts too.
		expect(() => parseStore(pretty.replace(/": /g, '" : '), 's.json')).not.toThrow();
	});

	it('a key given twice is named by its line, also with space before the colon or an escaped key', () => {
		const lines = text.split('\n');
		const at = lines.findIndex(l => l.includes('"year"'));
		lines.splice(at + 1, 0, '  "year" : 2025,');
		expect(() => parseStore(lines.join('\n'), 's.json')).toThrow(`s.json:${at + 2}:3: fältet "year" står två gånger`);
		const escapedKey = text.replace('"period": "VB"', '"period": "VB", "\\u0070eriod": "VB"');
		expect(() => parseStore(escapedKey, 's.json')).toThrow(/fältet "period" står två gånger/);
	});

	it('a write refuses a store with a duplicate key and leaves it as it was', async () => {
		const file = tmpStore();
		const twice = text.replace('"period": "VB"', '"period": "T2",\n  "period": "VB"');
		writeFileSync(file, twice);
		const r = await run(['set', '3.4.1.1', '--status', 'delvis', '--data', file]);
		expect(r.code).toBe(2);
		expect(r.stderr).toContain('"period" står två gånger');
		expect(readFileSync(file, 'utf8')).toBe(twice);
	});
});

describe('what the tree may not hold', () => {
	const data = () => JSON.parse(text);
	const refused = (d: unknown, words: string) => expect(() => parseStore(JSON.stringify(d), 's.json')).toThrow(words);

	it('a ring of parents, naming its ids', () => {
		const d = data();
		d.goals.find((g: {id: string}) => g.id === '1').parentId = '1.4.1';
		refused(d, 'ring: 1 → 1.4.1 → 1.4 → 1');
		const self = data();
		self.goals.find((g: {id: string}) => g.id === '1.4').parentId = '1.4';
		refused(self, 'ring: 1.4 → 1.4');
	});

	it('follow-up for an id not in the plan', () => {
		for (const kind of ['goals', 'indicators', 'activities']) {
			const d = data();
			const id = {goals: '9.9', indicators: '9.9:i1', activities: '9.9:a1'}[kind]!;
			d.followUp.VB[kind][id] = {};
			refused(d, `"${id}", som inte finns i planen`);
		}
	});

	it('an end date before the start, planned or moved', () => {
		const d = data();
		d.activities[1].slut = '2024-12-31';
		refused(d, '$.activities[1].slut: slutdatum 2024-12-31 är före startdatum 2025-01-01');
		const moved = data();
		moved.followUp.VB.activities[moved.activities[0].id] = {nyttSlut: '2024-06-30'};
		refused(moved, 'nytt slutdatum 2024-06-30 är före startdatum');
	});

	it('a text over the limit, in any field', () => {
		const d = data();
		d.organisation.namn = 'x'.repeat(100_001);
		refused(d, '$.organisation.namn: texten är 100001 tecken, högst 100000');
		const ok = data();
		ok.organisation.namn = 'x'.repeat(100_000);
		expect(() => parseStore(JSON.stringify(ok), 's.json')).not.toThrow();
	});
});
