// A chef gets an earlier analysis back: `malkoll history ID` lists the versions, `malkoll restore
// ID --version N` brings one back exactly, and the restore is itself a version that can be undone.
import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {ROOT, run, runOk, tmpStore} from './helpers.js';

const ARBETSGIVARE = readFileSync(join(ROOT, 'test', 'fixtures', 'domain-003-analys-arbetsgivare.txt'), 'utf8');

type Store = {followUp: {VB: {goals: Record<string, {status?: string; analys?: string}>}}};
const goal = (file: string, id: string) => (JSON.parse(readFileSync(file, 'utf8')) as Store).followUp.VB.goals[id]!;


describe('history and restore of an analysis', () => {
	it('restores the real analysis after a later change overwrote it, and can undo the restore', async () => {
		const file = tmpStore();
		const analysFile = join(file, '..', 'analys.txt');
		const original = goal(file, '3.4.1.1');
		expect(original.status).toBe('helt');
		// Version 1: the analysis of the arbetsgivare goal in VB 2025, read from a file exactly.
		writeFileSync(analysFile, ARBETSGIVARE);
		await runOk(['set', '3.4.1.1', '--analys-file', analysFile, '--author', 'anna', '--data', file]);
		// Version 2 overwrites it with a short note; version 3 changes the status.
		await runOk(['set', '3.4.1.1', '--analys', 'Skriv om: se protokollet.', '--author', 'bertil', '--data', file]);
		await runOk(['set', '3.4.1.1', '--status', 'delvis', '--author', 'bertil', '--data', file]);
		// Another goal's change is not a version of this one.
		await runOk(['set', '1.4.1.1', '--status', 'delvis', '--data', file]);
		expect(goal(file, '3.4.1.1')).toEqual({status: 'delvis', analys: 'Skriv om: se protokollet.'});

		const lista = (await runOk(['history', '3.4.1.1', '--data', file])).trimEnd().split('\n');
		expect(lista).toHaveLength(3);
		expect(lista[0]).toMatch(/^ {3}1 {2}\d{4}-\d\d-\d\d \d\d:\d\d {2}anna {2}3\.4\.1\.1 Analys \(VB\): ".+" → "Området bedömer att enhetsmålet/);
		expect(lista[1]).toMatch(/^ {3}2 .* bertil {2}3\.4\.1\.1 Analys \(VB\): "Området bedömer.*…" → "Skriv om: se protokollet\."$/);
		expect(lista[2]).toMatch(/^ {3}3 .* bertil {2}3\.4\.1\.1 Status \(VB\): Uppfylls helt → Uppfylls delvis$/);
		const json = JSON.parse(await runOk(['history', '3.4.1.1', '--json', '--data', file])) as Array<{version: number; new: unknown}>;
		expect(json.map(v => v.version)).toEqual([1, 2, 3]);
		expect(json[0]!.new).toBe(ARBETSGIVARE);

		const ut = await runOk(['restore', '3.4.1.1', '--version', '1', '--author', 'anna', '--data', file]);
		expect(ut).toContain('Återställt');
		// The analysis comes back byte for byte, the status as it was at version 1.
		expect(goal(file, '3.4.1.1')).toEqual({status: 'helt', analys: ARBETSGIVARE});
		expect(goal(file, '1.4.1.1').status).toBe('delvis');

		const efter = (await runOk(['history', '3.4.1.1', '--data', file])).trimEnd().split('\n');
		expect(efter).toHaveLength(5);
		expect(efter.slice(3).every(l => l.endsWith('[återställd version 1]'))).toBe(true);
		expect(await runOk(['restore', '3.4.1.1', '--version', '1', '--data', file])).toBe('3.4.1.1 är redan som version 1\n');

		// The restore is a version like any other: going back to version 3 undoes it.
		await runOk(['restore', '3.4.1.1', '--version', '3', '--data', file]);
		expect(goal(file, '3.4.1.1')).toEqual({status: 'delvis', analys: 'Skriv om: se protokollet.'});
	});

	it('refuses a version that does not exist, naming the versions there are', async () => {
		const file = tmpStore();
		await runOk(['set', '3.4:i2', '--utfall', '7,9 %', '--data', file]);
		const r = await run(['restore', '3.4:i2', '--version', '4', '--data', file]);
		expect([r.code, r.stderr]).toEqual([2, 'malkoll: restore: 3.4:i2 har versionerna 1–1, inte 4\n']);
	});
});

describe('restore by the numbers history prints', () => {
	it('counts the add of an item as a version, and takes --force for a submitted period', async () => {
		const file = tmpStore();
		// Version 1 is the add, 2 and 3 are analyses.
		const added = await runOk(['add', 'enhetsmal', '--under', '3.4.1', '--titel', 'Ny', '--data', file]);
		const id = /3\.4\.1\.\d+/.exec(added)![0];
		await runOk(['set', id, '--analys', 'första', '--data', file]);
		await runOk(['set', id, '--analys', 'andra', '--data', file]);
		const versions = JSON.parse(await runOk(['history', id, '--json', '--data', file])) as Array<{version: number; op: string; new: unknown}>;
		expect(versions.map(v => [v.version, v.op])).toEqual([[1, 'add'], [2, 'set'], [3, 'set']]);
		await runOk(['restore', id, '--version', '2', '--data', file]);
		expect(JSON.parse(await runOk(['show', id, '--json', '--data', file])).followUp.analys).toBe('första');

		await runOk(['submit', '--data', file]);
		const refused = await run(['restore', id, '--version', '3', '--data', file]);
		expect(refused.code).toBe(2);
		expect(refused.stderr).toMatch(/--force/);
		await runOk(['restore', id, '--version', '3', '--force', '--data', file]);
		expect(JSON.parse(await runOk(['show', id, '--json', '--data', file])).followUp.analys).toBe('andra');
	});
});
