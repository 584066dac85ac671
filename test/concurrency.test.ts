import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {runCliAsync, tmpStore} from './helpers.js';

const N = 200;

describe('two writers and a reader on one store, each command a separate process', () => {
	it(`keeps all ${2 * N} changes, interleaved in the history, and the file always valid`, async () => {
		const file = tmpStore();
		let done = false;
		const writer = async (args: (i: number) => string[]) => {
			for (let i = 1; i <= N; i++) {
				const r = await runCliAsync([...args(i), '--data', file]);
				if (r.code !== 0) throw new Error(`${args(i).join(' ')}: ${r.stderr}`);
			}
		};
		let reads = 0;
		const reader = async () => {
			while (!done) {
				const r = await runCliAsync(['summary', '--json', '--data', file]);
				expect(r.code, r.stderr).toBe(0);
				expect(JSON.parse(r.stdout).counts.indicators).toBe(4);
				reads++;
			}
		};
		const readerDone = reader();
		await Promise.all([
			writer(i => ['set', '3.4:i2', '--analys', `A ${i}`, '--author', 'A']),
			writer(i => ['set', '1.4.1:a1', '--avvikelse', `B ${i}`, '--author', 'B']),
		]).finally(() => (done = true));
		await readerDone;
		expect(reads).toBeGreaterThan(0);

		const store = JSON.parse(readFileSync(file, 'utf8'));
		expect(store.followUp.VB.indicators['3.4:i2'].analys).toBe(`A ${N}`);
		expect(store.followUp.VB.activities['1.4.1:a1'].avvikelse).toBe(`B ${N}`);

		const history = readFileSync(`${file}.history.jsonl`, 'utf8').trim().split('\n').map(l => JSON.parse(l));
		expect(history).toHaveLength(2 * N);
		for (const who of ['A', 'B']) {
			const mine = history.filter(h => h.author === who);
			expect(mine).toHaveLength(N);
			// Each change saw the one before it: no update was lost in between.
			mine.forEach((h, i) => {
				expect(h.new).toBe(`${who} ${i + 1}`);
				expect(h.old).toBe(i === 0 ? null : `${who} ${i}`);
			});
		}
		const switches = history.filter((h, i) => i > 0 && h.author !== history[i - 1].author).length;
		expect(switches).toBeGreaterThan(10);
	}, 240_000);
});
