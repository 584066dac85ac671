import {chmodSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {BUNDLED, bytes, run, tmpDir, tmpStore} from './helpers.js';

const json = (r: {stdout: string}) => JSON.parse(r.stdout);

describe('summary', () => {
	it('counts and judges the bundled Beställarenhet 2 store (VB 2025) as domain.md §8 and §4.6 give it', async () => {
		const file = tmpStore();
		const r = await run(['summary', '--json', '--data', file]);
		expect(r.code).toBe(0);
		const s = json(r);
		expect(s.counts).toEqual({inriktningsmal: 3, vo: 6, namndmal: 6, enhetsmal: 6, indicators: 4, activities: 8});
		expect(s.goalsByStatus).toEqual({helt: 6, delvis: 0, inte: 0, ingaData: 0, ejBedomd: 0});
		expect(s.period).toBe('VB');
		expect(s.asOf).toBe('2025-12-31');
		// Every indicator misses its Årsmål: EKO 69,23 vs 70 %, AMI 80 vs 83, sjukfrånvaro 8,2 vs 7,2 % (lower is better).
		const unmet = Object.fromEntries(s.unmetIndicators.map((i: {id: string; verdict: string}) => [i.id, i.verdict]));
		expect(Object.keys(unmet).sort()).toEqual(['2.2:i1', '3.4:i1', '3.4:i2', '3.4:i3']);
		for (const v of Object.values(unmet)) expect(['delvis', 'ej-uppfyllt']).toContain(v);
		// No activity has a reported state in the report: all 8 are listed apart, none overdue.
		expect(s.unreportedActivities.map((a: {id: string}) => a.id)).toHaveLength(8);
		expect(s.overdueActivities).toEqual([]);
		// "Enheten är en god arbetsgivare" is helt while AMI and sjukfrånvaro miss (domain.md §3.4.2).
		const warned = s.warnings.filter((w: {kod: string}) => w.kod === 'helt-men-indikator').map((w: {goalId: string}) => w.goalId);
		expect(warned).toContain('3.4.1.1');
		expect(warned).toContain('2.2.1.1');
	});

	it('judges per period and date: an activity with a state whose end passed is overdue', async () => {
		const file = tmpStore();
		expect((await run(['set', '3.5.1:a3', '--state', 'pagar', '--data', file])).code).toBe(0);
		const s = json(await run(['summary', '--json', '--data', file]));
		expect(s.overdueActivities).toEqual([]); // ends 2025-12-31, as-of 2025-12-31
		const later = json(await run(['summary', '--json', '--date', '2026-01-10', '--data', file]));
		expect(later.overdueActivities.map((a: {id: string; dagarSen: number}) => [a.id, a.dagarSen])).toEqual([['3.5.1:a3', 10]]);
		await run(['set', '3.5.1:a2', '--state', 'genomford', '--data', file]);
		const early = json(await run(['summary', '--json', '--date', '2025-12-15', '--data', file]));
		const soon = early.dueSoonActivities.map((a: {id: string; dagarKvar: number}) => [a.id, a.dagarKvar]);
		expect(soon).toContainEqual(['3.5.1:a3', 16]);
		expect(soon.map((x: [string]) => x[0])).not.toContain('3.5.1:a2');
	});

	it('prints a readable brief within 80 columns and as Markdown', async () => {
		const file = tmpStore();
		const text = await run(['summary', '--data', file]);
		expect(text.code).toBe(0);
		expect(text.stdout).toContain('Beställarenhet 2');
		expect(text.stdout).toContain('Sjukfrånvaro');
		for (const line of text.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
		const md = await run(['summary', '--markdown', '--data', file]);
		expect(md.stdout).toMatch(/^# Beställarenhet 2/);
		expect(md.stdout).toContain('| 3.4:i2 | Sjukfrånvaro | 8,2\u00a0% |');
	});

	it('takes options before or after the command name', async () => {
		const file = tmpStore();
		const before = await run(['--data', file, '--json', 'summary']);
		const after = await run(['summary', '--json', '--data', file]);
		expect(before.code).toBe(0);
		expect(before.stdout).toBe(after.stdout);
	});
});

describe('set, export and show', () => {
	it('sets status and analysis of an enhetsmål, keeps the text exactly, records who did it', async () => {
		const file = tmpStore();
		const analys = 'Bedömningen grundas på …\n\nPunkt 1:\n  indrag och "citat" \u001b[2J kvar';
		const r = await run(['set', '3.4.1.1', '--status', 'delvis', '--analys', analys, '--author', 'Anna Chef', '--data', file]);
		expect(r.code).toBe(0);
		expect(r.stdout).toContain('Uppfylls helt → Uppfylls delvis');
		expect(r.stdout).not.toContain('\u001b');
		const store = json(await run(['export', '--json', '--data', file]));
		expect(store.followUp.VB.goals['3.4.1.1']).toEqual({status: 'delvis', analys});
		const hist = json(await run(['history', '3.4.1.1', '--json', '--data', file]));
		expect(hist.map((h: {field: string; author: string; new: unknown}) => [h.field, h.author, h.new])).toEqual([
			['status', 'Anna Chef', 'delvis'],
			['analys', 'Anna Chef', analys],
		]);
	});

	it('records indicator outcomes with Swedish numbers, raw text kept', async () => {
		const file = tmpStore();
		const r = await run(['set', '3.4:i2', '--utfall', '7,1 %', '--man', '6,0 %', '--kvinnor', '7,4 %', '--data', file]);
		expect(r.code).toBe(0);
		const fu = json(await run(['export', '--data', file])).followUp.VB.indicators['3.4:i2'];
		expect(fu.utfall).toMatchObject({raw: '7,1 %', value: 7.1});
		expect(fu.kvinnor).toMatchObject({raw: '7,4 %', value: 7.4});
		// 7,1 % is at or below the Årsmål 7,2 %: met now, so it leaves the unmet list.
		const s = json(await run(['summary', '--json', '--data', file]));
		expect(s.unmetIndicators.map((i: {id: string}) => i.id)).not.toContain('3.4:i2');
	});

	it('moves an activity end date and sets its state', async () => {
		const file = tmpStore();
		const r = await run(['set', '3.5.1:a3', '--state', 'pagar', '--slut', '2026-06-30', '--avvikelse', 'Arbetet slutförs under 2026.', '--data', file]);
		expect(r.code).toBe(0);
		const show = json(await run(['show', '3.5.1:a3', '--json', '--data', file]));
		expect(show.bedomning).toMatchObject({slut: '2026-06-30', tillstand: 'pagar', forsenad: false});
		expect(show.followUp.avvikelse).toBe('Arbetet slutförs under 2026.');
	});

	it('shows a goal with the indicators and activities that bear on it', async () => {
		const file = tmpStore();
		const g = json(await run(['show', '3.4.1.1', '--json', '--data', file]));
		expect(g.niva).toBe('enhetsmal');
		expect(g.indicators.map((i: {id: string}) => i.id)).toEqual(['3.4:i1', '3.4:i2', '3.4:i3']);
		expect(g.punkter.map((p: {nr: number}) => p.nr)).toEqual([1, 2, 3]);
		const h = json(await run(['show', '1.4.1.1', '--json', '--data', file]));
		expect(h.activities.map((a: {id: string}) => a.id)).toEqual(['1.4.1:a1', '1.4.1:a2', '1.4.1:a3', '1.4.1:a4']);
		const text = await run(['show', '3.4.1.1', '--data', file]);
		expect(text.stdout).toContain('Enheten är en god arbetsgivare');
		expect(text.stdout).toContain('Sjukfrånvaro');
	});
});

describe('history and restore', () => {
	it('brings back an analysis that a later change overwrote', async () => {
		const file = tmpStore();
		const original = json(await run(['export', '--data', file])).followUp.VB.goals['1.4.1.1'].analys as string;
		await run(['set', '1.4.1.1', '--analys', 'Första utkastet.', '--data', file]);
		await run(['set', '1.4.1.1', '--analys', 'Skrev över allt.', '--data', file]);
		const hist = await run(['history', '1.4.1.1', '--data', file]);
		expect(hist.stdout).toMatch(/^\s+1 .*"Första utkastet\."/m);
		expect((await run(['restore', '1.4.1.1', '--version', '1', '--data', file])).code).toBe(0);
		expect(json(await run(['export', '--data', file])).followUp.VB.goals['1.4.1.1'].analys).toBe('Första utkastet.');
		// The restore is itself a version; restoring before it all brings back the imported text.
		const versions = json(await run(['history', '1.4.1.1', '--json', '--data', file]));
		expect(versions).toHaveLength(3);
		expect(versions[2].restore).toBe(1);
		await run(['restore', '1.4.1.1', '--version', '1', '--data', file]);
		expect(json(await run(['export', '--data', file])).followUp.VB.goals['1.4.1.1'].analys).toBe('Första utkastet.');
		expect(original.length).toBeGreaterThan(100);
	});
});

describe('bad input: one line naming the file, field or line, exit 2, store untouched', () => {
	const cases: Array<[string, string[], RegExp]> = [
		['unknown goal id', ['set', '9.9.9.9', '--status', 'helt'], /9\.9\.9\.9/],
		['malformed id', ['set', 'abc', '--status', 'helt'], /"abc" är inget id/],
		['invalid status', ['set', '3.4.1.1', '--status', 'jättebra'], /status.*jättebra/],
		['status in the VP', ['set', '3.4.1.1', '--status', 'helt', '--period', 'VP'], /VP är en plan/],
		['status on a level the unit does not assess', ['set', '3.4', '--status', 'helt'], /bedöms inte/],
		['impossible date', ['set', '3.5.1:a3', '--slut', '2025-02-30'], /--slut.*2025-02-30/],
		['number with two commas', ['set', '3.4:i2', '--utfall', '12,3,4'], /--utfall.*12,3,4/],
		['flag for another kind', ['set', '3.4.1.1', '--utfall', '3'], /--utfall gäller inte mål/],
		['unknown flag', ['set', '3.4.1.1', '--statsu', 'helt'], /okänd flagga --statsu/],
		['unknown period', ['summary', '--period', 'T3'], /--period.*T3/],
		['bad --date', ['summary', '--date', '2025-13-01'], /--date.*2025-13-01/],
		['unknown activity state', ['set', '1.4.1:a1', '--state', 'klar'], /--state: "klar" är inget giltigt värde \(välj ej-paborjad, pagar/],
		['nothing to set', ['set', '3.4.1.1'], /inget att ändra/],
		['an analysis twice', ['set', '3.4.1.1', '--analys', 'x', '--analys-file', 'a.txt'], /välj --analys eller --analys-file, inte båda/],
		['a share over 100 %', ['edit', '3.4:i2', '--delvis-marginal', '1,5'], /--delvis-marginal: ska vara mellan 0 och 100 %/],
		['a plan flag on set', ['set', '3.4:i2', '--kommentar', 'x'], /flaggan --kommentar hör inte till malkoll set/],
		['unknown command', ['sumary'], /okänt kommando "sumary"/],
		['restore without version', ['restore', '3.4.1.1'], /--version/],
		['TUI without a terminal', [], /ingen terminal/],
	];
	for (const [name, args, message] of cases) {
		it(name, async () => {
			const file = tmpStore();
			const before = bytes(file);
			const r = await run([...args, '--data', file]);
			expect(r.code).toBe(2);
			expect(r.stderr).toMatch(message);
			expect(r.stderr.trim().split('\n')).toHaveLength(1);
			expect(r.stdout).toBe('');
			expect(bytes(file).equals(before)).toBe(true);
		});
	}

	it('names the file, line and column of broken JSON', async () => {
		const dir = tmpDir();
		const file = join(dir, 'trasig.json');
		writeFileSync(file, '{\n  "schemaVersion": 1,\n  "year": 2025,,\n}\n');
		const r = await run(['summary', '--data', file]);
		expect(r.code).toBe(2);
		expect(r.stderr).toMatch(/trasig\.json:3:\d+/);
		expect(r.stderr.trim().split('\n')).toHaveLength(1);
	});

	it('names the file and JSON path of a schema error', async () => {
		const file = tmpStore();
		const data = JSON.parse(readFileSync(file, 'utf8'));
		data.goals[3].titel = 42;
		writeFileSync(file, JSON.stringify(data));
		const r = await run(['validate', file]);
		expect(r.code).toBe(2);
		expect(r.stderr).toContain('store.json');
		expect(r.stderr).toMatch(/goals\[3\]\.titel|goals\.3\.titel/);
	});

	it('names a missing file and a directory', async () => {
		const dir = tmpDir();
		const missing = await run(['summary', '--data', join(dir, 'finns-inte.json')]);
		expect(missing.code).toBe(2);
		expect(missing.stderr).toContain('finns-inte.json');
		mkdirSync(join(dir, 'katalog.json'));
		const isDir = await run(['validate', join(dir, 'katalog.json')]);
		expect(isDir.code).toBe(2);
		expect(isDir.stderr).toContain('katalog.json');
	});

	it('refuses an analysis file that is not UTF-8, naming it', async () => {
		const file = tmpStore();
		const before = bytes(file);
		const bad = join(tmpDir(), 'analys.txt');
		writeFileSync(bad, Buffer.from([0x41, 0xff, 0xfe, 0x42]));
		const r = await run(['set', '3.4.1.1', '--analys-file', bad, '--data', file]);
		expect(r.code).toBe(2);
		expect(r.stderr).toMatch(/analys\.txt.*UTF-8/);
		expect(bytes(file).equals(before)).toBe(true);
	});

	it('reads an analysis exactly from a file', async () => {
		const file = tmpStore();
		const text = join(tmpDir(), 'analys.txt');
		writeFileSync(text, 'Rad ett\r\nRad två med å ä ö\n\n');
		expect((await run(['set', '3.4.1.1', '--analys-file', text, '--data', file])).code).toBe(0);
		expect(json(await run(['export', '--data', file])).followUp.VB.goals['3.4.1.1'].analys).toBe('Rad ett\r\nRad två med å ä ö\n\n');
		expect((await run(['set', '3.4.1.1', '--analys-file', '-', '--data', file], {}, 'från standard in')).code).toBe(0);
		expect(JSON.parse(readFileSync(file, 'utf8')).followUp.VB.goals['3.4.1.1'].analys).toBe('från standard in');
	});

	it('still reads a store it may not write, and says so when writing', async () => {
		if (process.getuid?.() === 0) return; // root may write anything; checked in a non-root run
		const file = tmpStore();
		chmodSync(file, 0o444);
		expect((await run(['summary', '--json', '--data', file])).code).toBe(0);
		const r = await run(['set', '3.4.1.1', '--status', 'delvis', '--data', file]);
		expect(r.code).toBe(2);
		expect(r.stderr).toContain('store.json');
	});
});

describe('the user store', () => {
	it('is created from the bundled example at the XDG path on first use, and data/ is never written', async () => {
		const home = tmpDir();
		const bundled = bytes(join(process.cwd(), 'data', 'bestallarenhet-2-2025.json'));
		const env = {HOME: home, XDG_DATA_HOME: join(home, 'xdg')};
		const first = await run(['set', '3.4.1.1', '--status', 'inte'], env);
		expect(first.code).toBe(0);
		expect(first.stderr).toContain(join(home, 'xdg', 'malkoll', 'malkoll.json'));
		const s = json(await run(['summary', '--json'], env));
		expect(s.goalsByStatus.inte).toBe(1);
		expect(bytes(join(process.cwd(), 'data', 'bestallarenhet-2-2025.json')).equals(bundled)).toBe(true);
		const viaEnv = json(await run(['summary', '--json'], {...env, MALKOLL_DATA: join(process.cwd(), 'data', 'bestallarenhet-2-2025.json')}));
		expect(viaEnv.goalsByStatus.inte).toBe(0);
	});
});

describe('a reader that stops early', () => {
	it('export --json | head: malkoll stops quietly, exit 0, nothing on stderr', async () => {
		const {spawn} = await import('node:child_process');
		const {privateCli} = await import('./helpers.js');
		const file = tmpStore(BUNDLED.replace('bestallarenhet-2-2025.json', 'aldrenamnden-2025.json'));
		const child = spawn(process.execPath, [privateCli(), 'export', '--json', '--data', file], {stdio: ['ignore', 'pipe', 'pipe']});
		let stderr = '';
		child.stderr.on('data', d => (stderr += d));
		// Like head -c: read the first chunk, then close the pipe while malkoll is still writing.
		child.stdout.once('data', () => child.stdout.destroy());
		const code = await new Promise(resolve => child.on('close', resolve));
		expect(stderr).toBe('');
		expect(code).toBe(0);
	});
});

describe('the bundles', () => {
	it("the commands' code cache is written by the first command, used after, and rebuilt when refused", async () => {
		const {runCli} = await import('./helpers.js');
		const {existsSync, readdirSync, rmSync} = await import('node:fs');
		const mapp = tmpDir();
		const v8 = join(mapp, 'v8');
		const cacher = () => (existsSync(v8) ? readdirSync(v8).filter(f => /^app-.*\.bin$/.test(f)) : []);
		const store = tmpStore();
		const first = runCli(['summary', '--json', '--data', store], {MALKOLL_CACHE: mapp});
		expect(first.code).toBe(0);
		expect(cacher()).toHaveLength(1);
		const cache = join(v8, cacher()[0]!);
		const written = readFileSync(cache);
		expect(written.length).toBeGreaterThan(1000);
		// Used, not rewritten: the same bytes after a second command.
		expect(runCli(['summary', '--json', '--data', store], {MALKOLL_CACHE: mapp}).stdout).toBe(first.stdout);
		expect(readFileSync(cache).equals(written)).toBe(true);
		// A cache V8 refuses only costs a compile, and is written anew.
		writeFileSync(cache, 'trasig');
		expect(runCli(['summary', '--json', '--data', store], {MALKOLL_CACHE: mapp}).stdout).toBe(first.stdout);
		expect(readFileSync(cache).length).toBeGreaterThan(1000);
		// Off: nothing written anywhere.
		rmSync(mapp, {recursive: true});
		expect(runCli(['summary', '--json', '--data', store], {MALKOLL_CACHE: 'off'}).stdout).toBe(first.stdout);
		expect(existsSync(mapp)).toBe(false);
	});

	it('the commands are one script without Ink or React; the TUI is a bundle of its own', async () => {
		const {privateCli} = await import('./helpers.js');
		const {readdirSync} = await import('node:fs');
		const {dirname} = await import('node:path');
		expect(readFileSync(privateCli(), 'utf8').startsWith("#!/usr/bin/env node\n'use strict';\n")).toBe(true);
		const app = readdirSync(dirname(privateCli())).filter(f => /^app-.*\.cjs$/.test(f));
		expect(app).toHaveLength(1);
		const cli = readFileSync(join(dirname(privateCli()), app[0]!), 'utf8');
		expect(cli.startsWith("'use strict';\n")).toBe(true);
		expect(cli).toContain('buildSummary');
		expect(cli).not.toMatch(/reconcilerVersion|yoga|Reconciler/);
		const tui = readdirSync(dirname(privateCli())).filter(f => /^tui-.*\.cjs$/.test(f));
		expect(tui).toHaveLength(1);
		expect(readFileSync(join(dirname(privateCli()), tui[0]!), 'utf8')).toMatch(/reconcilerVersion/);
	});
});

describe('--json output', () => {
	it('is indented at a terminal and one line for a script, the same value either way', async () => {
		const {writeJson} = await import('../source/commands/context.js');
		const value = {a: [1, {b: 'text med \u009b och å'}], c: null};
		const out = (isTTY: boolean) => {
			let text = '';
			const stdout = {isTTY, write: (s: string) => ((text += s), true)};
			writeJson({io: {stdout, stderr: stdout, stdin: process.stdin, env: {}}, flags: {}, args: [], env: {}} as never, value);
			return text;
		};
		expect(out(true)).toBe(`${JSON.stringify(value, null, 2).replace('\u009b', '\\u009b')}\n`);
		expect(out(false)).toBe(`${JSON.stringify(value).replace('\u009b', '\\u009b')}\n`);
		expect(JSON.parse(out(false))).toEqual(value);
		const store = tmpStore();
		const r = await run(['summary', '--json', '--data', store]);
		expect(r.stdout.trimEnd().split('\n')).toHaveLength(1);
	});
});

describe('odd words and repeated flags', () => {
	it('answer in one Swedish line with exit 2, never an internal error', async () => {
		for (const args of [['toString'], ['constructor'], ['set', '3.4.1.1', '--status', 'helt', '--status', 'delvis']]) {
			const r = await run([...args, '--data', tmpStore()]);
			expect(r.code, args.join(' ')).toBe(2);
			expect(r.stderr).not.toMatch(/internt fel/);
			expect(r.stderr.trim().split('\n')).toHaveLength(1);
		}
		expect((await run(['set', '3.4.1.1', '--status', 'helt', '--status', 'delvis', '--data', tmpStore()])).stderr).toMatch(/--status är angiven 2 gånger/);
		const {describeValue} = await import('../source/report/describe.js');
		expect(describeValue('toString')).toBe('"toString"');
		expect(describeValue('helt')).toBe('Uppfylls helt');
	});
});
