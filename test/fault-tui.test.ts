// A TUI left open while two other processes write 200 changes each to the same store: the chef's
// own changes go in beside theirs, none of theirs is lost or overwritten, and the TUI ends up
// showing them. (test/concurrency.test.ts runs the same load as separate `malkoll set` processes.)
import {spawn} from 'node:child_process';
import {copyFileSync, mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import {loadStore, readHistory} from '../source/store/index.js';
import {BUNDLED, storeModuleDir} from './helpers.js';
import {KEY, startUi} from './ui-helpers.js';

const N = 200;

const WRITER = `
import {applyChanges} from './store.mjs';
const [file, author, entity, id, field, n] = process.argv.slice(2);
for (let i = 1; i <= Number(n); i++) {
	await applyChanges(file, [{op: 'set', period: 'VB', entity, id, field, value: author + ' ' + i}], {author});
}
`;

let writer: string;

beforeAll(async () => {
	const dir = await storeModuleDir();
	writer = join(dir, 'writer.mjs');
	writeFileSync(writer, WRITER);
});

function write(args: string[]): Promise<{code: number | null; stderr: string}> {
	return new Promise(resolve => {
		const p = spawn(process.execPath, [writer, ...args], {stdio: ['ignore', 'ignore', 'pipe']});
		let stderr = '';
		p.stderr.on('data', d => (stderr += d));
		p.on('close', code => resolve({code, stderr}));
	});
}

describe('a TUI left open while two processes write', () => {
	it(`keeps all ${2 * N} of their changes and the chef's own, and shows theirs`, async () => {
		const file = join(mkdtempSync(join(tmpdir(), 'malkoll-fault-tui-')), 'store.json');
		copyFileSync(BUNDLED, file);
		const fore = (await loadStore(file)).followUp.VB!.goals['1.4.1.1']!.analys!;
		const t = await startUi({file});
		expect(t.ui.tree.markerad).toBe('1.4.1.1');

		const writers = Promise.all([
			write([file, 'A', 'indicator', '3.4:i2', 'analys', String(N)]),
			write([file, 'B', 'activity', '1.4.1:a1', 'avvikelse', String(N)]),
		]);
		// The chef works while they write: a status, an analysis typed and saved, the status again.
		await t.press('2');
		await t.press('a', ...' Chefens tillägg');
		await t.press(KEY.ctrlS);
		await t.waitFor(f => f.includes('analysen sparad'), 10_000);
		await t.press('1');
		const results = await writers;
		expect(results).toEqual([
			{code: 0, stderr: ''},
			{code: 0, stderr: ''},
		]);
		await t.ui.idle();

		const data = await loadStore(file);
		expect(data.followUp.VB!.indicators['3.4:i2']!.analys).toBe(`A ${N}`);
		expect(data.followUp.VB!.activities['1.4.1:a1']!.avvikelse).toBe(`B ${N}`);
		expect(data.followUp.VB!.goals['1.4.1.1']).toEqual({status: 'helt', analys: `${fore} Chefens tillägg`});

		const history = await readHistory(file);
		for (const who of ['A', 'B']) {
			const own = history.filter(c => c.author === who);
			expect(own).toHaveLength(N);
			// Each saw the one before: the TUI's writes in between overwrote nothing of theirs.
			own.forEach((c, i) => expect([c.new, c.old]).toEqual([`${who} ${i + 1}`, i === 0 ? (c.old ?? null) : `${who} ${i}`]));
		}
		const chef = history.filter(c => c.author === 'test');
		expect(chef.map(c => [c.id, c.field, c.new])).toEqual([
			['1.4.1.1', 'status', 'delvis'],
			['1.4.1.1', 'analys', `${fore} Chefens tillägg`],
			['1.4.1.1', 'status', 'helt'],
		]);
		// The chef's changes fell among theirs, not before or after them all.
		const at = history.findIndex(c => c.author === 'test' && c.field === 'analys');
		expect(history.slice(0, at).some(c => c.author !== 'test') && history.slice(at).some(c => c.author !== 'test')).toBe(true);

		// The open TUI picks up the last of their changes without a keypress.
		const shows = () => t.ui.data.followUp.VB?.indicators['3.4:i2']?.analys === `A ${N}` && t.ui.data.followUp.VB?.activities['1.4.1:a1']?.avvikelse === `B ${N}`;
		for (let i = 0; i < 100 && !shows(); i++) await new Promise(r => setTimeout(r, 50));
		expect(t.ui.data.followUp.VB!.indicators['3.4:i2']!.analys).toBe(`A ${N}`);
		expect(t.ui.data.followUp.VB!.activities['1.4.1:a1']!.avvikelse).toBe(`B ${N}`);
		t.r.unmount();
	}, 60_000);
});
