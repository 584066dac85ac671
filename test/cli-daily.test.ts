import {readFileSync, writeFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {run, runOk, tmpStore} from './helpers.js';

describe('report --json', () => {
	it('gives the goals in the report order, each with its follow-up, Punkt notes, indicators and activities', async () => {
		const file = tmpStore();
		const r = JSON.parse(await runOk(['report', '--json', '--data', file]));
		expect(r).toMatchObject({year: 2025, period: 'VB', asOf: '2025-12-31'});
		expect(r.organisation.namn).toBe('Beställarenhet 2');
		// The same order as the text report, which heads each goal with its id.
		const text = await runOk(['report', '--data', file]);
		const order = [...text.matchAll(/^(\d+(?:\.\d+)*) /gm)].map(m => m[1]);
		expect(r.goals.map((g: {id: string}) => g.id)).toEqual(order);
		const goal = r.goals.find((g: {id: string}) => g.id === '3.4.1.1');
		expect(goal.followUp.status).toBe('helt');
		expect(goal.analysPunkter.punkter.map((p: {nr: number}) => p.nr).length).toBeGreaterThan(0);
		// A goal's own indicators, judged as summary judges them.
		const namndmal = r.goals.find((g: {id: string}) => g.id === '3.4');
		expect(namndmal.indicators.map((i: {id: string}) => i.id)).toEqual(['3.4:i1', '3.4:i2', '3.4:i3']);
		const unmet = JSON.parse(await runOk(['summary', '--json', '--data', file])).unmetIndicators;
		for (const i of namndmal.indicators) expect(i.bedomning.verdict).toBe(unmet.find((u: {id: string}) => u.id === i.id).verdict);
		const sjuk = namndmal.indicators.find((i: {id: string}) => i.id === '3.4:i2');
		expect(sjuk.followUp.utfall.raw).toBe('8,2 %');
		const akt = r.goals.flatMap((g: {activities: Array<{id: string}>}) => g.activities).map((a: {id: string}) => a.id);
		expect(akt).toHaveLength(8);
	});

	it('follows --period and --date and is refused with another format', async () => {
		const file = tmpStore();
		await runOk(['set', '3.5.1:a3', '--state', 'pagar', '--data', file]);
		const later = JSON.parse(await runOk(['report', '--json', '--date', '2026-01-10', '--data', file]));
		const a3 = later.goals.flatMap((g: {activities: unknown[]}) => g.activities).find((a: {id: string}) => a.id === '3.5.1:a3');
		expect(a3.bedomning).toMatchObject({forsenad: true, dagarSen: 10});
		expect(JSON.parse(await runOk(['report', '--json', '--period', 'T2', '--data', file])).period).toBe('T2');
		const both = await run(['report', '--json', '--markdown', '--data', file]);
		expect([both.code, both.stderr]).toEqual([2, 'malkoll: report: välj en av --text, --markdown, --json och --html\n']);
	});
});

describe('summary --exit-status', () => {
	it('exits 3 while "Klart för inlämning?" is no, 0 when it is yes, and still prints the brief', async () => {
		const file = tmpStore();
		const vb = await run(['summary', '--exit-status', '--data', file]);
		expect(vb.code).toBe(3);
		expect(vb.stdout).toContain('Klart för inlämning? Nej');
		expect(JSON.parse((await run(['summary', '--json', '--exit-status', '--data', file])).stdout).checklist.klar).toBe(false);
		// The VP's checklist asks only for the årsmål, which the example has.
		const vp = await run(['summary', '--exit-status', '--period', 'VP', '--data', file]);
		expect(JSON.parse((await run(['summary', '--json', '--period', 'VP', '--data', file])).stdout).checklist.klar).toBe(true);
		expect([vp.code, vp.stderr]).toEqual([0, '']);
		// Without the flag, an unfinished period is no error.
		expect((await run(['summary', '--data', file])).code).toBe(0);
	});

	it('is refused for a roll-up, with exit 2', async () => {
		const r = await run(['summary', '--exit-status', tmpStore(), tmpStore()]);
		expect([r.code, r.stderr]).toEqual([2, 'malkoll: summary --exit-status gäller en enhets store, inte en sammanställning\n']);
	});
});

describe('history --since', () => {
	it('shows the changes from that day on, keeping their version numbers for restore', async () => {
		const file = tmpStore();
		await runOk(['set', '3.4.1.1', '--status', 'delvis', '--data', file]);
		await runOk(['set', '3.4.1.1', '--status', 'inte', '--data', file]);
		// The first change as if made in the spring.
		const historik = `${file}.history.jsonl`;
		const [first, ...rest] = readFileSync(historik, 'utf8').trimEnd().split('\n');
		writeFileSync(historik, `${[first!.replace(/"at":"[^"]+"/, '"at":"2025-03-01T09:00:00.000Z"'), ...rest].join('\n')}\n`);
		const all = await runOk(['history', '3.4.1.1', '--data', file]);
		expect(all.split('\n').filter(Boolean)).toHaveLength(2);
		const since = await runOk(['history', '3.4.1.1', '--since', '2025-06-01', '--data', file]);
		expect(since).toMatch(/^ {3}2 {2}\d{4}-\d\d-\d\d \d\d:\d\d .*Uppfylls delvis → Uppfylls inte\n$/);
		expect(JSON.parse(await runOk(['history', '--json', '--since', '2025-03-01', '--data', file])).map((c: {version: number}) => c.version)).toEqual([1, 2]);
		expect(await runOk(['history', '--since', '2099-01-01', '--data', file])).toBe('inga ändringar i historiken sedan 2099-01-01\n');
	});

	it('names the flag in one line and exits 2 for a date that does not exist, leaving the store as it was', async () => {
		const file = tmpStore();
		const before = readFileSync(file);
		const r = await run(['history', '--since', '2025-02-30', '--data', file]);
		expect([r.code, r.stdout, r.stderr]).toEqual([2, '', 'malkoll: --since: "2025-02-30" är inget giltigt datum (skriv ÅÅÅÅ-MM-DD, t.ex. 2025-06-30)\n']);
		expect(readFileSync(file).equals(before)).toBe(true);
	});
});
