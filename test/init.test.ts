// malkoll init: a unit's store from the bundled nämnd store and from the VP 2023 (seed 001), and the
// first-start question in a real terminal (tmux) with an empty HOME.
import {cpSync, existsSync, readFileSync, writeFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import type {StoreData} from '../source/domain/types.js';
import {importReport} from '../source/import/index.js';
import {BUNDLED, ROOT, privateCli, run, tmpDir, tmpStore} from './helpers.js';
import {harTmux, skriv, stangAlla, tangent, tmux, vanta} from './e2e/tmux.js';

const NAMND = join(ROOT, 'data', 'aldrenamnden-2025.json');
const VP = join(ROOT, 'test', 'fixtures', 'seeds', '001_9ed3bdf3a5d824a6.txt');
const read = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as StoreData;
const levels = (d: StoreData) => ['im', 'vo', 'namndmal', 'enhetsmal'].map(n => d.goals.filter(g => g.niva === n).length);


describe('malkoll init --fran', () => {
	test.each([
		['the bundled nämnd store', NAMND, () => read(NAMND), [3, 16, 18, 0], 2025, true],
		['the VP 2023 report (seed 001)', VP, () => importReport(readFileSync(VP, 'utf8'), VP).data, [3, 16, 16, 0], 2023, false],
	])('%s: a valid unit store with the nämnd goals and no enhetsmål; add enhetsmal and summary work on it', async (_, fran, namndData, counts, year, fromVB) => {
		const out = join(tmpDir(), 'enhet.json');
		const r = await run(['init', '--fran', fran, '--namn', 'Hemtjänst Syd', '--out', out]);
		expect(r.code, r.stderr).toBe(0);
		// Not from the plan itself (the bundled store is the nämnd's VB): said, not refused.
		expect(r.stderr.includes(`obs: ${fran} är nämndens VB 2025, inte verksamhetsplanen`)).toBe(fromVB);
		expect((await run(['validate', out])).code).toBe(0);
		const namnd = namndData();
		const enhet = read(out);
		expect(enhet.organisation).toEqual({namn: 'Hemtjänst Syd', niva: 'enhet', namnd: 'Äldrenämnden'});
		expect([enhet.year, enhet.period, enhet.bedomdaNivaer, enhet.followUp]).toEqual([year, 'VP', ['enhetsmal'], {}]);
		expect(levels(enhet)).toEqual(counts);
		expect(enhet.goals).toEqual(namnd.goals.filter(g => g.niva !== 'enhetsmal'));
		expect([enhet.indicators, enhet.activities]).toEqual([namnd.indicators, namnd.activities]);

		const namndmal = enhet.goals.find(g => g.niva === 'namndmal')!.id;
		const add = await run(['add', 'enhetsmal', '--under', namndmal, '--titel', 'Brukarna får ett gott bemötande', '--resultat', 'Nöjdheten ökar', '--data', out]);
		expect([add.code, add.stdout.trim()], add.stderr).toEqual([0, `${namndmal}.1`]);
		const summary = await run(['summary', '--json', '--data', out]);
		expect(summary.code, summary.stderr).toBe(0);
		expect(JSON.parse(summary.stdout).counts).toMatchObject({enhetsmal: 1, namndmal: counts[2], indicators: namnd.indicators.length});
	});

	test('the target is --data, MALKOLL_DATA or the user store when --out is not given', async () => {
		const dir = tmpDir();
		const env = {HOME: dir, XDG_DATA_HOME: join(dir, 'xdg')};
		expect((await run(['init', '--fran', NAMND, '--namn', 'A'], env)).code).toBe(0);
		expect(read(join(dir, 'xdg', 'malkoll', 'malkoll.json')).organisation.namn).toBe('A');
		expect((await run(['init', '--fran', NAMND, '--namn', 'B'], {...env, MALKOLL_DATA: join(dir, 'b.json')})).code).toBe(0);
		expect((await run(['init', '--fran', NAMND, '--namn', 'C', '--data', join(dir, 'c.json')], env)).code).toBe(0);
		expect([read(join(dir, 'b.json')), read(join(dir, 'c.json'))].map(d => d.organisation.namn)).toEqual(['B', 'C']);
	});

	test('an existing target is refused without --force; --force keeps it and its history as .bak', async () => {
		const out = tmpStore();
		expect((await run(['set', '3.4.1.1', '--status', 'inte', '--data', out])).code).toBe(0);
		const before = readFileSync(out);
		const refused = await run(['init', '--fran', NAMND, '--namn', 'Ny', '--out', out]);
		expect(refused.code).toBe(2);
		expect(refused.stderr).toMatch(/^malkoll: .*store\.json: finns redan; --force .*\n$/);
		expect(readFileSync(out).equals(before)).toBe(true);

		expect((await run(['init', '--fran', NAMND, '--namn', 'Ny', '--out', out, '--force'])).code).toBe(0);
		expect(readFileSync(`${out}.bak`).equals(before)).toBe(true);
		expect(read(out).organisation.namn).toBe('Ny');
		expect(existsSync(`${out}.history.jsonl`)).toBe(false);
		expect(readFileSync(`${out}.bak.history.jsonl`, 'utf8')).toContain('3.4.1.1');
	});

	test.each([
		['no --namn', ['--fran', NAMND], /--namn/],
		['a blank --namn', ['--fran', NAMND, '--namn', '  '], /--namn/],
		['no --fran', ['--namn', 'X'], /--fran/],
		['a file that does not exist', ['--fran', 'finns-inte.txt', '--namn', 'X'], /finns-inte\.txt: filen finns inte/],
		['a unit store', ['--fran', BUNDLED, '--namn', 'X'], /bestallarenhet-2-2025\.json: är en enhets plan \(Beställarenhet 2\), inte en nämnds/],
		['a unit report (seed 003)', ['--fran', join(ROOT, 'test/fixtures/seeds/003_f3a4a286e93c5bae.txt'), '--namn', 'X'], /003_f3a4a286e93c5bae\.txt: är en enhets plan/],
		['a text that is no report', ['--fran', 'TEXT', '--namn', 'X'], /nonsens\.txt: ingen målstruktur/],
		['JSON that is no store', ['--fran', 'JSON', '--namn', 'X'], /nonsens\.json/],
	])('%s: one line, exit 2, nothing written', async (_, args, message) => {
		const dir = tmpDir();
		writeFileSync(join(dir, 'nonsens.txt'), 'Mötesanteckningar\nInga mål här.\n');
		writeFileSync(join(dir, 'nonsens.json'), '{"namn": "inte en store"}\n');
		const out = join(dir, 'enhet.json');
		const given = args.map(a => (a === 'TEXT' ? join(dir, 'nonsens.txt') : a === 'JSON' ? join(dir, 'nonsens.json') : a));
		const r = await run(['init', ...given, '--out', out], {HOME: dir, XDG_DATA_HOME: join(dir, 'xdg')});
		expect(r.code).toBe(2);
		expect(r.stderr).toMatch(message);
		expect(r.stderr.split('\n')).toHaveLength(2);
		expect([existsSync(out), existsSync(join(dir, 'xdg'))]).toEqual([false, false]);
	});
});

describe.skipIf(!harTmux)('first start without a store, in tmux', () => {
	// An installed malkoll: the private build in dist/ beside data/ and package.json, where it finds the example.
	const inst = tmpDir();
	beforeAll(() => {
		cpSync(dirname(privateCli()), join(inst, 'dist'), {recursive: true});
		cpSync(join(ROOT, 'package.json'), join(inst, 'package.json'));
		cpSync(BUNDLED, join(inst, 'data', 'bestallarenhet-2-2025.json'));
	});
	afterAll(stangAlla);

	function startaTom(namn: string): {s: string; store: string} {
		const home = tmpDir();
		const s = `malkoll-init-${process.pid}-${namn}`;
		const cmd = `cd ${home} && env HOME=${home} XDG_DATA_HOME= MALKOLL_DATA= MALKOLL_CACHE=${join(home, 'cache')} TERM=xterm-256color node ${join(inst, 'dist', 'cli.js')}; echo "SLUT=$?"; sleep 30`;
		tmux('new-session', '-d', '-s', s, '-x', '100', '-y', '30', cmd);
		return {s, store: join(home, '.local', 'share', 'malkoll', 'malkoll.json')};
	}
	const fraga = 'Enter: exemplet (Beställarenhet 2, 2025) · n Enter: ny enhet från nämndens plan';

	test('n: asks for the plan and the name (again after a bad file), makes the unit store and opens it', async () => {
		const {s, store} = startaTom('ny');
		await vanta(s, f => f.includes('Ingen egen fil ännu.\n' + fraga), 'frågan');
		// Another answer (text typed ahead) asks again rather than taking the example.
		skriv(s, 'nej tack');
		tangent(s, 'Enter');
		await vanta(s, f => f.split(fraga).length === 3, 'frågan igen');
		skriv(s, 'n');
		tangent(s, 'Enter');
		await vanta(s, f => f.includes('eller store (.json):'), 'frågan om filen');
		skriv(s, 'finns-inte.txt');
		tangent(s, 'Enter');
		await vanta(s, f => f.includes('Enhetens namn:'), 'frågan om namnet');
		skriv(s, 'Hemtjänst Syd');
		tangent(s, 'Enter');
		await vanta(s, f => f.includes('finns-inte.txt: filen finns inte') && f.split(fraga).length === 4, 'felet och frågan igen');
		skriv(s, 'n');
		tangent(s, 'Enter');
		await vanta(s, f => f.split('eller store (.json):').length === 3, 'frågan om filen igen');
		skriv(s, `'${VP}'`);
		tangent(s, 'Enter');
		await vanta(s, f => f.split('Enhetens namn:').length === 3, 'frågan om namnet igen');
		skriv(s, 'Hemtjänst Syd');
		tangent(s, 'Enter');
		await vanta(s, f => f.includes('Hemtjänst Syd') && f.includes('2023') && !f.includes('Enhetens namn'), 'TUI:n på den nya enheten', 15000);
		skriv(s, 'q');
		expect(await vanta(s, f => f.includes('SLUT='), 'att malkoll avslutas')).toContain('SLUT=0');
		expect(read(store).organisation).toEqual({namn: 'Hemtjänst Syd', niva: 'enhet', namnd: 'Äldrenämnden'});
	}, 30000);

	test('Enter: the bundled example, as before', async () => {
		const {s, store} = startaTom('exempel');
		await vanta(s, f => f.includes('Ingen egen fil ännu.\n' + fraga), 'frågan');
		tangent(s, 'Enter');
		await vanta(s, f => f.includes('Beställarenhet 2 · 2025'), 'TUI:n på exemplet', 15000);
		skriv(s, 'q');
		expect(await vanta(s, f => f.includes('SLUT='), 'att malkoll avslutas')).toContain('SLUT=0');
		expect(readFileSync(store).equals(readFileSync(BUNDLED))).toBe(true);
	}, 30000);
});
