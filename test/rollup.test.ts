import {copyFileSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {PassThrough} from 'node:stream';
import {describe, expect, it} from 'vitest';
import {readStores} from '../source/commands/summary.js';
import type {StoreData} from '../source/domain/types.js';
import {BUNDLED, run, tmpDir} from './helpers.js';

/** Three units of Hägersten-Älvsjö made from the bundled Beställarenhet 2, each followed up differently. */
async function units(): Promise<string> {
	const dir = tmpDir();
	const make = (fil: string, namn: string) => {
		const data = JSON.parse(readFileSync(BUNDLED, 'utf8'));
		data.organisation.namn = namn;
		writeFileSync(join(dir, fil), JSON.stringify(data));
		return join(dir, fil);
	};
	copyFileSync(BUNDLED, join(dir, 'a-bestallarenhet-2.json'));
	const b1 = make('b-bestallarenhet-1.json', 'Beställarenhet 1');
	const hv = make('c-hemtjanst.json', 'Hemtjänst Västberga');
	for (const args of [
		['3.4.1.1', '--status', 'delvis'],
		['3.4:i2', '--utfall', '7,0 %'],
		['3.5.1:a3', '--state', 'pagar'],
	])
		await run(['set', ...args, '--data', b1]);
	for (const args of [
		['1.4.1.1', '--status', 'inte'],
		['3.6.1.1', '--status', 'none'],
		['2.1.1:a1', '--state', 'pagar', '--slut', '2025-09-30'],
	])
		await run(['set', ...args, '--data', hv]);
	return dir;
}

describe('summary over many unit stores', () => {
	it('gives a row per unit, the nämndmål × unit matrix and the combined lists with unit and id', async () => {
		const dir = await units();
		const r = await run(['summary', dir], {NO_COLOR: '1'});
		expect(r.code).toBe(0);
		const out = r.stdout;
		expect(out).toMatch(/^Hägersten-Älvsjö stadsdelsnämnd 2025: 3 enheter\nVerksamhetsberättelse \(VB\), per 2025-12-31\n/);
		expect(out).toContain('helt 15  delvis 1  inte 1  inga data 0  ej bedömd 1');
		expect(out).toMatch(/\n  Beställarenhet 2 +6 +0 +0 +0 +0 +4 +0 +8  nej\n  Beställarenhet 1 +5 +1 +0 +0 +0 +3 +0 +7  nej\n  Hemtjänst Västberga +4 +0 +1 +0 +1 +4 +1 +7  nej\n/);
		expect(out).toMatch(/\n +1\.4\.1 2\.1\.1 2\.2\.1 3\.4\.1 3\.5\.1 3\.6\.1\n  Beställarenhet 2 +H +H +H +H +H +H\n  Beställarenhet 1 +H +H +H +D +H +H\n  Hemtjänst Västberga +I +H +H +H +H +\?\n/);
		expect(out).toContain('Indikatorer som inte nås (11)');
		// 7,0 % meets the Årsmål 7,2 %: Beställarenhet 1 is not in the sjukfrånvaro lines.
		const sjuk = out.split('\n').filter(l => l.includes('3.4:i2 '));
		expect(sjuk.map(l => l.trim().split(/ {2,}/)[0])).toEqual(['Beställarenhet 2', 'Hemtjänst Västberga']);
		expect(out).toMatch(/Försenade aktiviteter \(1\)\n  2\.1\.1 Stadsdelsnämndens verksamheter är klimatsmarta\n    Hemtjänst Västberga +2\.1\.1:a1 +92 d sen  slut 2025-09-30/);
		for (const line of out.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
	});

	it('as JSON and Markdown carries the same facts, each line tagged with unit and file', async () => {
		const dir = await units();
		const j = JSON.parse((await run(['summary', '--json', join(dir, 'a-bestallarenhet-2.json'), join(dir, 'c-hemtjanst.json')])).stdout);
		expect(j.year).toBe(2025);
		expect(j.namnder).toEqual(['Hägersten-Älvsjö stadsdelsnämnd']);
		expect(j.units.map((u: {namn: string; goalsByStatus: object}) => [u.namn, u.goalsByStatus])).toEqual([
			['Beställarenhet 2', {helt: 6, delvis: 0, inte: 0, ingaData: 0, ejBedomd: 0}],
			['Hemtjänst Västberga', {helt: 4, delvis: 0, inte: 1, ingaData: 0, ejBedomd: 1}],
		]);
		expect(j.matrix[1]['1.4.1']).toEqual([{id: '1.4.1.1', status: 'inte'}]);
		expect(j.matrix[1]['3.6.1']).toEqual([{id: '3.6.1.1'}]);
		expect(j.overdueActivities).toEqual([
			expect.objectContaining({enhet: 'Hemtjänst Västberga', fil: join(dir, 'c-hemtjanst.json'), id: '2.1.1:a1', dagarSen: 92}),
		]);
		const md = (await run(['summary', '--markdown', dir])).stdout;
		expect(md).toMatch(/^# Hägersten-Älvsjö stadsdelsnämnd 2025: 3 enheter\n/);
		expect(md).toContain('| Hemtjänst Västberga | I | H | H | H | H | ? |');
		expect(md).toContain('| Hemtjänst Västberga | 2.1.1:a1 | Stadsdelsnämndens samtliga chefer utbildas i Miljöprogram 2030 | 2025-09-30 | 92 |');
	});

	it('tells apart two stores of the same unit by their file', async () => {
		const dir = tmpDir();
		copyFileSync(BUNDLED, join(dir, 'v1.json'));
		copyFileSync(BUNDLED, join(dir, 'v2.json'));
		const j = JSON.parse((await run(['summary', '--json', dir])).stdout);
		expect(j.units.map((u: {namn: string}) => u.namn)).toEqual(['Beställarenhet 2 (v1.json)', 'Beställarenhet 2 (v2.json)']);
	});

	it('refuses stores of different years, naming the file', async () => {
		const dir = tmpDir();
		copyFileSync(BUNDLED, join(dir, 'a.json'));
		const data = JSON.parse(readFileSync(BUNDLED, 'utf8'));
		data.year = 2024;
		writeFileSync(join(dir, 'b.json'), JSON.stringify(data));
		const r = await run(['summary', dir]);
		expect(r.code).toBe(2);
		expect(r.stderr).toMatch(/b\.json: gäller 2024, men .*a\.json gäller 2025/);
		expect(r.stdout).toBe('');
	});

	it('refuses an empty folder, a missing path, and --data together with files', async () => {
		const dir = tmpDir();
		expect((await run(['summary', dir])).stderr).toMatch(/inga \.json-filer/);
		expect((await run(['summary', join(dir, 'saknas')])).stderr).toMatch(/saknas: filen eller mappen finns inte/);
		expect((await run(['summary', BUNDLED, '--data', BUNDLED])).stderr).toMatch(/--data eller filer/);
	});
});

describe('progress while reading', () => {
	const files = Array.from({length: 6}, () => BUNDLED);
	const stream = (isTTY: boolean) => {
		const s = Object.assign(new PassThrough(), {isTTY});
		let text = '';
		s.on('data', d => (text += d));
		return {s, text: () => text};
	};
	// A clock that moves 0.1 s per reading, so the 0.3 s threshold is passed after the third store.
	const clock = () => {
		let t = 0;
		return () => (t += 100);
	};

	it('writes a progress line on a terminal once reading takes over 0.3 s, and clears it', async () => {
		const err = stream(true);
		const stores: Array<{fil: string; data: StoreData}> = [];
		await readStores(files, err.s, (fil, data) => stores.push({fil, data}), clock());
		expect(stores.map(s => s.fil)).toEqual(files);
		expect(stores[5]!.data.organisation.namn).toBe('Beställarenhet 2');
		expect(err.text()).toMatch(/^\rmalkoll: läser \d\/6 stores…/);
		expect(err.text()).toContain('\rmalkoll: läser 6/6 stores…');
		expect(err.text()).not.toContain('läser 1/6');
		expect(err.text().endsWith('\r\u001b[K')).toBe(true);
	});

	it('writes nothing when stderr is no terminal', async () => {
		const err = stream(false);
		await readStores(files, err.s, () => {}, clock());
		expect(err.text()).toBe('');
	});
});
