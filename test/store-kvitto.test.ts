// Receipts of validated bytes (store/kvitto.ts) and the partial reads they allow (store/vy.ts):
// a receipt never lets other bytes through, and what a partial read gives is what a whole read gives.
import {readFileSync, readdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {namedOp} from '../source/domain/ops.js';
import {buildSummary} from '../source/domain/summary.js';
import type {StoreData} from '../source/domain/types.js';
import {applyChanges, loadStore, serializeStore} from '../source/store/index.js';
import {cacheMapp} from '../source/store/cachemapp.js';
import {lasKvitto, skrivKvitto} from '../source/store/kvitto.js';
import {UTELAMNAD, lasVy, parse, utanLangaTexter} from '../source/store/vy.js';
import {readHistory} from '../source/store/history.js';
import {BUNDLED, freshCacheEachTest, tmpDir, tmpStore} from './helpers.js';

const AALDRE = BUNDLED.replace('bestallarenhet-2-2025.json', 'aldrenamnden-2025.json');
freshCacheEachTest();

function kvitton(): string[] {
	try {
		return readdirSync(join(process.env.MALKOLL_CACHE!, 'validerad'));
	} catch {
		return [];
	}
}

/** A canonical copy of `source` (the bundled files are canonical; this makes sure). */
async function canonical(source = BUNDLED): Promise<string> {
	const file = tmpStore(source);
	writeFileSync(file, serializeStore(await loadStore(file, {strict: true})));
	return file;
}

describe('receipts', () => {
	it('are written after a whole validation, for exactly those bytes', async () => {
		const file = await canonical();
		await loadStore(file);
		expect(kvitton()).toHaveLength(1);
		const bytes = readFileSync(file);
		expect(lasKvitto(file, bytes)).toEqual({kanonisk: true});
		// One byte changed, same length: no receipt.
		const other = Buffer.from(bytes);
		other[other.indexOf('"helt"') + 2] = 'x'.charCodeAt(0);
		expect(lasKvitto(file, other)).toBeUndefined();
	});

	it('never let changed bytes skip validation, even at the same size', async () => {
		const file = await canonical();
		await loadStore(file);
		const text = readFileSync(file, 'utf8');
		expect(text).toContain('"status": "helt"');
		writeFileSync(file, text.replace('"status": "helt"', '"status": "hekt"'));
		await expect(loadStore(file)).rejects.toThrow(/status/);
	});

	it('are trusted by a normal read, but not by validate (strict)', async () => {
		const file = await canonical();
		const bad = readFileSync(file, 'utf8').replace('"status": "helt"', '"status": "hekt"');
		writeFileSync(file, bad);
		// A forged receipt for the bad bytes: only what is in the user's own cache can do this.
		skrivKvitto(file, Buffer.from(bad), {kanonisk: true});
		await expect(loadStore(file)).resolves.toBeDefined();
		await expect(loadStore(file, {strict: true})).rejects.toThrow(/status/);
	});

	it('mark a valid file that is not in the canonical layout as such', async () => {
		const file = await canonical();
		writeFileSync(file, readFileSync(file, 'utf8').replace('"year": 2025,', '"year":  2025,'));
		await loadStore(file);
		expect(lasKvitto(file, readFileSync(file))).toEqual({kanonisk: false});
	});

	it('can be turned off, and a folder that cannot be written is no error', async () => {
		const file = await canonical();
		process.env.MALKOLL_CACHE = 'off';
		expect(cacheMapp()).toBeUndefined();
		await loadStore(file);
		process.env.MALKOLL_CACHE = join(file, 'inte-en-mapp');
		await expect(loadStore(file)).resolves.toBeDefined();
		process.env.MALKOLL_CACHE = tmpDir();
	});
});

describe('a set on a view of the store', () => {
	const NOW = new Date('2026-01-15T10:00:00Z');
	const SETS = [
		{id: '3.4.1.1', field: 'analys', value: 'Ny analys\nPunkt 1: klar'},
		{id: '3.4.1.1', field: 'status', value: 'delvis'},
		{id: '3.4:i2', field: 'utfall', value: {raw: '7,9 %', value: 7.9, unit: '%'}},
		{id: '3.5.1:a3', field: 'tillstand', value: 'genomford'},
		{id: '3.5.1:a3', field: 'analys', value: undefined},
	] as const;
	const BUCKET = {goal: 'goals', indicator: 'indicators', activity: 'activities'} as const;
	const entity = (id: string) => (id.includes(':i') ? 'indicator' : id.includes(':a') ? 'activity' : 'goal') as 'goal' | 'indicator' | 'activity';

	it('gives the same file and history as the whole read, change by change', async () => {
		const fast = await canonical();
		const slow = await canonical();
		for (const [i, s] of SETS.entries()) {
			const op = namedOp({op: 'set', period: 'VB', entity: entity(s.id), id: s.id, field: s.field, value: s.value});
			await loadStore(fast);
			const viaVy = await applyChanges(fast, [op], {ids: [s.id], now: NOW, author: 'test'});
			const whole = await applyChanges(slow, [op], {now: NOW, author: 'test'});
			expect(viaVy.changes, `ändring ${i}`).toEqual(whole.changes);
			expect(readFileSync(fast, 'utf8'), `ändring ${i}`).toBe(readFileSync(slow, 'utf8'));
			// It went through the view: what it returns holds only that entry of the follow-up.
			if (i < 4) expect(Object.keys(viaVy.data.followUp.VB![BUCKET[entity(s.id)]])).toEqual([s.id]);
		}
		expect(await readHistory(fast)).toEqual(await readHistory(slow));
		expect(lasKvitto(fast, readFileSync(fast))).toEqual({kanonisk: true});
	});

	it('refuses what the whole read refuses, and writes nothing', async () => {
		const file = await canonical();
		await loadStore(file);
		const before = readFileSync(file);
		await expect(applyChanges(file, [{op: 'set', period: 'VB', entity: 'goal', id: '9.9.9', field: 'status', value: 'helt'}], {ids: ['9.9.9']})).rejects.toThrow(
			/9\.9\.9/,
		);
		await expect(applyChanges(file, [{op: 'set', period: 'VP', entity: 'goal', id: '3.4.1.1', field: 'status', value: 'helt'}], {ids: ['3.4.1.1']})).rejects.toThrow(/VP/);
		expect(readFileSync(file).equals(before)).toBe(true);
	});

	it('lasVy has the top-level fields, and of the catalogue and follow-up only the asked ids', async () => {
		const file = await canonical(AALDRE);
		const full = await loadStore(file);
		const vy = lasVy(readFileSync(file), ['3.4:i2', '3.4.1'])!;
		expect(vy).toBeDefined();
		const lists = {goals: [], indicators: [], activities: [], followUp: {}};
		expect({...vy, ...lists}).toEqual({...full, ...lists});
		expect(vy.goals).toEqual(full.goals.filter(g => g.id === '3.4.1'));
		expect(vy.indicators).toEqual(full.indicators.filter(i => i.id === '3.4:i2'));
		expect(vy.activities).toEqual([]);
		// An id that is not there: no view (the whole read gives the error).
		expect(lasVy(readFileSync(file), ['3.4:i99'])).toBeUndefined();
		for (const p of Object.keys(full.followUp) as Array<keyof StoreData['followUp']>) {
			expect(vy.followUp[p]!.indicators).toEqual(full.followUp[p]!.indicators['3.4:i2'] ? {'3.4:i2': full.followUp[p]!.indicators['3.4:i2']} : {});
			expect(vy.followUp[p]!.goals).toEqual(full.followUp[p]!.goals['3.4.1'] ? {'3.4.1': full.followUp[p]!.goals['3.4.1']} : {});
			expect(vy.followUp[p]!.activities).toEqual({});
		}
	});
});

describe('summary without the long analyses', () => {
	it('gives the same summary as the whole store, and does leave texts out', async () => {
		for (const source of [BUNDLED, AALDRE]) {
			const data: StoreData = JSON.parse(readFileSync(source, 'utf8'));
			// Long, short, blank and escaped analyses and avvikelser on indicators and activities.
			let n = 0;
			for (const fu of Object.values(data.followUp)) {
				for (const id of Object.keys(fu!.indicators)) {
					const kind = n++ % 4;
					fu!.indicators[id]!.analys = ['Utfallet förklaras av '.repeat(8), 'kort', '   ', '\\n'.repeat(50)][kind];
				}
				for (const id of Object.keys(fu!.activities)) fu!.activities[id]!.analys = n++ % 2 ? 'Aktiviteten pågår enligt plan. '.repeat(6) : '';
			}
			const file = join(tmpDir(), 'store.json');
			writeFileSync(file, serializeStore(data));
			const full = await loadStore(file, {strict: true});
			const vy = parse(utanLangaTexter(readFileSync(file))!) as StoreData;
			expect(JSON.stringify(vy)).toContain(UTELAMNAD);
			for (const period of ['T1', 'T2', 'VB'] as const) {
				if (!full.followUp[period]) continue;
				expect(buildSummary(vy, {period}), `${source} ${period}`).toEqual(buildSummary(full, {period}));
			}
			// Through loadStore: the first read validates and leaves a receipt, the second uses the view.
			expect(buildSummary(await loadStore(file, {utanLangaTexter: true}))).toEqual(buildSummary(full));
		}
	});
});
