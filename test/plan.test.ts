import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {applyOp, invertChange} from '../source/domain/ops.js';
import {carryForwardOps, nextGoalId} from '../source/domain/plan.js';
import type {StoreData} from '../source/domain/types.js';
import {BUNDLED, bytes, run, tmpStore} from './helpers.js';

const json = (r: {stdout: string}) => JSON.parse(r.stdout);
const store = (file: string): StoreData => JSON.parse(readFileSync(file, 'utf8'));

describe('add, edit, rm', () => {
	it('adds an enhetsmål with two Förväntat resultat and an activity, under the right parents, with the next free ids', async () => {
		const file = tmpStore();
		const goal = await run(['add', 'enhetsmal', '--under', '3.4.1', '--titel', 'Enheten minskar sjukfrånvaron', '--resultat', 'Sjukfrånvaron under 7 %', '--resultat', 'Alla har hälsosamtal', '--data', file]);
		expect(goal.code, goal.stderr).toBe(0);
		expect(goal.stdout.trim()).toBe('3.4.1.2');
		const akt = await run(['add', 'aktivitet', '--under', '3.4.1.2', '--titel', 'Hälsosamtal med alla', '--start', '2025-02-01', '--slut', '2025-10-31', '--data', file]);
		expect(akt.stdout.trim()).toBe('3.4.1.2:a1');
		const ind = await run(['add', 'indikator', '--under', '3.4.1.2', '--titel', 'Andel med hälsosamtal', '--enhet', '%', '--arsmal', '100 %', '--data', file]);
		expect(ind.stdout.trim()).toBe('3.4.1.2:i1');
		const data = store(file);
		const ids = data.goals.map(g => g.id);
		// The new goal sits right after its sibling, in the tree's order.
		expect(ids.slice(ids.indexOf('3.4.1.1'), ids.indexOf('3.4.1.1') + 2)).toEqual(['3.4.1.1', '3.4.1.2']);
		expect(data.goals.find(g => g.id === '3.4.1.2')).toMatchObject({niva: 'enhetsmal', parentId: '3.4.1', forvantatResultat: [{nr: 1, text: 'Sjukfrånvaron under 7 %'}, {nr: 2, text: 'Alla har hälsosamtal'}]});
		expect(data.indicators.find(i => i.id === '3.4.1.2:i1')).toMatchObject({riktning: 'hogre', arsmal: {raw: '100 %', value: 100}});
		const shown = json(await run(['show', '3.4.1.2', '--json', '--data', file]));
		expect(shown.activities.map((a: {id: string}) => a.id)).toContain('3.4.1.2:a1');
		// It is assessable at once: the unit assesses its enhetsmål.
		expect((await run(['set', '3.4.1.2', '--status', 'delvis', '--data', file])).code).toBe(0);
	});

	it('edits catalogue fields, recorded in the history, the id unchanged', async () => {
		const file = tmpStore();
		expect((await run(['edit', '3.5.1:a3', '--slut', '2026-06-30', '--titel', 'Ny text', '--data', file])).code).toBe(0);
		expect(store(file).activities.find(a => a.id === '3.5.1:a3')).toMatchObject({slut: '2026-06-30', text: 'Ny text'});
		const hist = json(await run(['history', '3.5.1:a3', '--json', '--data', file]));
		expect(hist.map((h: {op: string; field: string; old: unknown}) => [h.op, h.field, h.old])).toEqual([
			['def', 'text', expect.stringContaining('samhällsviktiga')],
			['def', 'slut', '2025-12-31'],
		]);
	});

	it('removes a goal with its rows, and never hands out a removed id again', async () => {
		const file = tmpStore();
		await run(['add', 'enhetsmal', '--under', '3.4.1', '--titel', 'Tillfälligt', '--data', file]);
		await run(['add', 'aktivitet', '--under', '3.4.1.2', '--titel', 'Tillfällig aktivitet', '--data', file]);
		const r = await run(['rm', '3.4.1.2', '--data', file]);
		expect(r.code, r.stderr).toBe(0);
		expect(r.stdout).toContain('3.4.1.2:a1 borttagen');
		expect(store(file).goals.map(g => g.id)).not.toContain('3.4.1.2');
		const again = await run(['add', 'enhetsmal', '--under', '3.4.1', '--titel', 'Nytt', '--data', file]);
		expect(again.stdout.trim()).toBe('3.4.1.3');
	});

	it('refuses what does not fit, naming the flag or id, and leaves the store as it was', async () => {
		const cases: Array<[string[], RegExp]> = [
			[['add', 'enhetsmal', '--under', '3.4', '--titel', 'x'], /enhetsmål läggs under ett nämndmål/],
			[['add', 'enhetsmal', '--under', '9.9', '--titel', 'x'], /--under.*9\.9/],
			[['add', 'enhetsmal', '--under', '3.4.1.1', '--titel', 'x'], /lägsta nivån/],
			[['add', 'aktivitet', '--under', '3.4.1'], /--titel/],
			[['add', 'aktivitet', '--under', '3.4.1', '--titel', 'x', '--slut', '2025-02-30'], /--slut.*2025-02-30/],
			[['add', 'indikator', '--under', '3.4', '--titel', 'x', '--riktning', 'uppåt'], /--riktning/],
			[['add', 'sak', '--under', '3.4'], /enhetsmal, aktivitet eller indikator/],
			[['edit', '3.4.1.1', '--slut', '2025-01-01'], /--slut gäller inte mål/],
			[['edit', '9.9.9.9', '--titel', 'x'], /9\.9\.9\.9/],
			[['rm', '3.4.1'], /undermål/],
			[['rm', '3.4:i9'], /3\.4:i9/],
		];
		for (const [args, message] of cases) {
			const file = tmpStore();
			const before = bytes(file);
			const r = await run([...args, '--data', file]);
			expect(r.code, args.join(' ')).toBe(2);
			expect(r.stderr, args.join(' ')).toMatch(message);
			expect(bytes(file).equals(before)).toBe(true);
		}
	});

	it('undoes a removal with everything it took (the inverse op of the change)', () => {
		const data: StoreData = JSON.parse(readFileSync(BUNDLED, 'utf8'));
		const before = JSON.stringify(data);
		const change = applyOp(data, {op: 'remove', entity: 'activity', id: '3.5.1:a3'}, 't', 'a');
		expect(change.uppfoljning?.VB).toMatchObject({analys: expect.stringContaining('RSA')});
		expect(data.borttagna).toEqual(['3.5.1:a3']);
		applyOp(data, invertChange(change), 't', 'a');
		const back = data as StoreData;
		expect(back.followUp.VB!.activities['3.5.1:a3']).toEqual(JSON.parse(before).followUp.VB.activities['3.5.1:a3']);
		expect(back.borttagna).toBeUndefined();
		expect(nextGoalId(back, '3.4.1')).toBe('3.4.1.2');
	});
});

describe('periods: carry forward, ej granskad, inlämnad', () => {
	/** A store followed up in T1: two enhetsmål assessed, one activity reported. */
	async function t1Store(): Promise<string> {
		const file = tmpStore();
		expect((await run(['period', 'T1', '--data', file])).code).toBe(0);
		await run(['set', '3.4.1.1', '--status', 'delvis', '--analys', 'Prognos T1: sjukfrånvaron är för hög.', '--data', file]);
		await run(['set', '1.4.1.1', '--status', 'helt', '--analys', 'Prognos T1: allt går enligt plan.', '--data', file]);
		await run(['set', '3.5.1:a3', '--state', 'pagar', '--data', file]);
		await run(['set', '3.4:i2', '--utfall', '8,9 %', '--prognos', '8,0 %', '--data', file]);
		return file;
	}

	it('asks before starting a period that has nothing yet, and starts it from the previous one, marked ej granskad', async () => {
		const file = await t1Store();
		const ask = await run(['period', 'T2', '--data', file]);
		expect(ask.code).toBe(2);
		expect(ask.stderr).toMatch(/--carry.*--no-carry/);
		const r = await run(['period', 'T2', '--carry', '--data', file]);
		expect(r.code, r.stderr).toBe(0);
		const t2 = store(file).followUp.T2!;
		expect(t2.goals['3.4.1.1']).toEqual({status: 'delvis', analys: 'Prognos T1: sjukfrånvaron är för hög.', ejGranskad: true});
		expect(t2.activities['3.5.1:a3']).toEqual({tillstand: 'pagar', ejGranskad: true});
		// The outcome belongs to T1; the forecast is carried.
		expect(t2.indicators['3.4:i2']?.utfall).toBeUndefined();
		expect(t2.indicators['3.4:i2']?.prognos?.raw).toBe('8,0 %');
		expect(store(file).period).toBe('T2');

		// Confirm one unchanged, change another: the rest stays flagged in the brief.
		expect((await run(['set', '1.4.1.1', '--granskad', '--data', file])).stdout).toContain('Granskat 1.4.1.1 (T2)');
		await run(['set', '3.5.1:a3', '--state', 'genomford', '--data', file]);
		const s = json(await run(['summary', '--json', '--data', file]));
		expect(s.ejGranskade).toEqual(['3.4.1.1', '3.4:i2']);
		const punkt = s.checklist.punkter.find((p: {kod: string}) => p.kod === 'granskad');
		expect(punkt.saknas).toEqual(['3.4.1.1', '3.4:i2']);
		expect(s.checklist.klar).toBe(false);
		const text = await run(['summary', '--data', file]);
		expect(text.stdout).toMatch(/överförts?|förts över/);
	});

	it('never carries a forecast into the VB; --no-carry starts empty', async () => {
		const data: StoreData = JSON.parse(readFileSync(BUNDLED, 'utf8'));
		data.followUp.T2 = {goals: {'3.4.1.1': {status: 'helt'}}, indicators: {'3.4:i2': {prognos: {raw: '7 %', value: 7}, analys: 'Prognos'}}, activities: {}};
		const ops = carryForwardOps(data, 'T2', 'VB');
		expect(ops.filter(o => o.op === 'set' && o.field === 'prognos')).toEqual([]);
		expect(ops).toContainEqual({op: 'set', period: 'VB', entity: 'indicator', id: '3.4:i2', field: 'analys', value: 'Prognos'});

		const file = tmpStore();
		await run(['period', 'T1', '--data', file]);
		await run(['set', '3.4.1.1', '--status', 'delvis', '--data', file]);
		expect((await run(['period', 'T2', '--no-carry', '--data', file])).code).toBe(0);
		expect(store(file).followUp.T2).toBeUndefined();
	});

	it('a period marked inlämnad takes changes only with --force, and they stand out in the history', async () => {
		const file = tmpStore();
		expect((await run(['submit', '--period', 'VB', '--author', 'Chef', '--data', file])).code).toBe(0);
		expect(store(file).inlamnad?.VB?.av).toBe('Chef');
		const before = bytes(file);
		const refused = await run(['set', '3.4.1.1', '--status', 'delvis', '--data', file]);
		expect(refused.code).toBe(2);
		expect(refused.stderr).toMatch(/VB är inlämnad.*--force/);
		expect(bytes(file).equals(before)).toBe(true);
		const forced = await run(['set', '3.4.1.1', '--status', 'delvis', '--force', '--data', file]);
		expect(forced.code).toBe(0);
		const hist = await run(['history', '3.4.1.1', '--data', file]);
		expect(hist.stdout).toContain('[efter inlämning]');
		expect((await run(['period', '--data', file])).stdout).toMatch(/VB .*inlämnad .* av Chef/);
		expect((await run(['submit', '--reopen', '--data', file])).code).toBe(0);
		expect((await run(['set', '3.4.1.1', '--status', 'inte', '--data', file])).code).toBe(0);
	});
});
