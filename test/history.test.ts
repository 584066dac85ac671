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
		expect(lista[0]).toMatch(/^ {3}1 {2}\d{4}-\d\d-\d\d \d\d:\d\d {2}anna {2}3\.4\.1\.1 analys \(VB\): ".+" → "Området bedömer att enhetsmålet/);
		expect(lista[1]).toMatch(/^ {3}2 .* bertil {2}3\.4\.1\.1 analys \(VB\): "Området bedömer.*…" → "Skriv om: se protokollet\."$/);
		expect(lista[2]).toMatch(/^ {3}3 .* bertil {2}3\.4\.1\.1 status \(VB\): Uppfylls helt → Uppfylls delvis$/);
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
