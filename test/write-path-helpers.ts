// Shared by the write-path tests: every writing command through one store path.
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {expect} from 'vitest';
import type {StoreData} from '../source/domain/types.js';
import {readHistory} from '../source/store/index.js';
import {BUNDLED, ROOT} from './helpers.js';

export const SEED_003 = join(ROOT, 'test', 'fixtures', 'seeds', '003_f3a4a286e93c5bae.txt');
const ORIGINAL_ANALYS = (JSON.parse(readFileSync(BUNDLED, 'utf8')) as StoreData).followUp.VB!.goals['3.4.1.1']!.analys;

const store = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as StoreData;

/** set, import --into, period, rm and restore through `data` (the path the user gives); `real` is
 * the file that must hold each change. Each command exits 0 with nothing on stderr. */
export async function throughEveryCommand(data: string, real: string, runAs: (args: string[]) => Promise<{code: number; stdout: string; stderr: string}>): Promise<void> {
	const ok = async (args: string[]) => {
		const r = await runAs([...args, '--data', data]);
		expect([r.code, r.stderr], args.join(' ')).toEqual([0, '']);
		return r;
	};
	await ok(['set', '3.4.1.1', '--analys', 'Ny analys från set']);
	expect(store(real).followUp.VB!.goals['3.4.1.1']!.analys).toBe('Ny analys från set');
	// The report holds the original analysis: importing it changes it back.
	const imp = await runAs(['import', SEED_003, '--into', data]);
	expect(imp.code, imp.stderr).toBe(0);
	expect(store(real).followUp.VB!.goals['3.4.1.1']!.analys).toBe(ORIGINAL_ANALYS);
	await ok(['rm', '3.6.1.1']);
	expect(store(real).goals.some(g => g.id === '3.6.1.1')).toBe(false);
	await ok(['restore', '3.4.1.1', '--version', '1']);
	expect(store(real).followUp.VB!.goals['3.4.1.1']!.analys).toBe('Ny analys från set');
	await ok(['period', 'T1']);
	expect(store(real).period).toBe('T1');
	const history = (await readHistory(real)).filter(c => c.id === '3.4.1.1');
	expect(history.map(c => c.new)).toEqual(['Ny analys från set', ORIGINAL_ANALYS, 'Ny analys från set']);
}

