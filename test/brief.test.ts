import {join} from 'node:path';
import {PassThrough} from 'node:stream';
import {Chalk} from 'chalk';
import {describe, expect, it} from 'vitest';
import {buildSummary} from '../source/domain/summary.js';
import {main} from '../source/main.js';
import {renderBriefLines} from '../source/report/brief.js';
import {renderSummaryMarkdown} from '../source/report/summary-markdown.js';
import {loadStore} from '../source/store/index.js';
import {ROOT, run, tmpStore} from './helpers.js';

const NAMND = join(ROOT, 'data', 'aldrenamnden-2025.json');
const ANSI = /\u001b\[[0-9;]*m/g;

async function set(file: string, ...args: string[]): Promise<void> {
	const r = await run(['set', ...args, '--data', file]);
	expect(r.stderr).toBe('');
}

describe('the brief of the bundled unit store (Beställarenhet 2, VB 2025)', () => {
	it('shows the assessed level, the unmet indicators under their goal with gender split, and what is missing', async () => {
		const r = await run(['summary', '--data', tmpStore()], {NO_COLOR: '1'});
		expect(r.code).toBe(0);
		const out = r.stdout;
		expect(out).not.toMatch(ANSI);
		expect(out).toMatch(/^Beställarenhet 2 \(Hägersten-Älvsjö stadsdelsnämnd\) 2025\nVerksamhetsberättelse \(VB\), per 2025-12-31\n/);
		expect(out).toContain('  Enhetsmål (6)     ' + '█'.repeat(40));
		expect(out).toContain('█ helt 6  ▓ delvis 0  ░ inte 0  ╌ inga data 0  · ej bedömd 0');
		// Sjukfrånvaro sits on VO 3.4 with AMI and dag 1-14 (003:295-297).
		const vo34 = out.indexOf('  3.4 VO-mål: Medarbetare i Stockholm');
		expect(vo34).toBeGreaterThan(0);
		expect(out.slice(vo34)).toMatch(/3\.4:i2 +Sjukfrånvaro\n +◐ delvis  utfall 8,2\u00a0% mot mål 7,2\u00a0%\n +män 5,2\u00a0%, kvinnor 8,6\u00a0%/);
		expect(out).toContain('Indikatorer som inte nås (4)');
		expect(out).toContain('Ingen tidigare period i filen att jämföra med.');
		expect(out).toContain('Klart för inlämning? Nej, 2 punkter kvar');
		expect(out).toContain('✓ Alla bedömda mål har status (6/6)');
		expect(out).toContain('✗ Alla aktiviteter har tillstånd (0/8)');
		expect(out).toContain('✗ Alla varningar är besvarade (0/4)');
		for (const line of out.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
	});

	it('on the report date 2026-03-26 lists the RSA activity 85 days late, and not before it is reported', async () => {
		const file = tmpStore();
		const before = await run(['summary', '--date', '2026-03-26', '--data', file]);
		expect(before.stdout).toContain('Försenade aktiviteter (0)');
		await set(file, '3.5.1:a3', '--state', 'pagar');
		const out = (await run(['summary', '--date', '2026-03-26', '--data', file])).stdout;
		expect(out).toMatch(/Försenade aktiviteter \(1\)\n  3\.5\.1 Nämndmål: Stadsdelsnämnden har en hög beredskap.*\n    3\.5\.1:a3 +85 d sen  slut 2025-12-31  Pågår/);
		expect(out).toContain('Aktiviteter utan rapporterat tillstånd (7)');
	});

	it('names the goals judged delvis or inte with their titles, not only counts', async () => {
		const file = tmpStore();
		await set(file, '3.4.1.1', '--status', 'delvis');
		await set(file, '2.2.1.1', '--status', 'inte');
		const out = (await run(['summary', '--data', file], {NO_COLOR: '1'})).stdout;
		expect(out).toContain(
			'Mål som uppfylls delvis eller inte (2)\n' +
				'  2.2.1.1   ░ inte   Enhetsmål: Enheten ska arbeta för att stödja den biologiska\n' +
				'                     mångfalden\n' +
				'  3.4.1.1   ▓ delvis Enhetsmål: Enheten är en god arbetsgivare och har en god\n' +
				'                     arbetsmiljö\n',
		);
		const s = JSON.parse((await run(['summary', '--json', '--data', file])).stdout);
		expect(s.goalsNotMet).toEqual([
			{id: '2.2.1.1', niva: 'enhetsmal', titel: 'Enheten ska arbeta för att stödja den biologiska mångfalden', status: 'inte'},
			{id: '3.4.1.1', niva: 'enhetsmal', titel: 'Enheten är en god arbetsgivare och har en god arbetsmiljö', status: 'delvis'},
		]);
		expect((await run(['summary', '--markdown', '--data', file])).stdout).toContain('| 3.4.1.1 | Enhetsmål | Enheten är en god arbetsgivare och har en god arbetsmiljö | Uppfylls delvis |');
	});

	it('counts a warning as answered once the indicator has its own analysis', async () => {
		const file = tmpStore();
		await set(file, '3.4:i2', '--analys', 'Sjukfrånvaron 8,2 % når inte årsmålet 7,2 % men nämndens mål om 8,5 %.');
		const s = JSON.parse((await run(['summary', '--json', '--data', file])).stdout);
		expect(s.checklist.besvaradeVarningar).toBe(1);
		const varningar = s.checklist.punkter.find((p: {kod: string}) => p.kod === 'varningar');
		expect(varningar).toEqual({kod: 'varningar', text: 'Alla varningar är besvarade', antal: 4, saknas: ['2.2.1.1/2.2:i1', '3.4.1.1/3.4:i1', '3.4.1.1/3.4:i3']});
		const brief = (await run(['summary', '--data', file])).stdout;
		expect(brief).toContain('Varningar (4, 1 besvarade)');
		// The answered one says where it was answered; an open one its rule and how to answer it.
		expect(brief).toMatch(/✓ Enhetsmål 3\.4\.1\.1 uppfylls helt, men Sjukfrånvaro[^]*?\n +Besvarad i analysen av 3\.4:i2\n/);
		expect(brief).toMatch(/! Enhetsmål 3\.4\.1\.1 uppfylls helt, men Sjukfrånvaro dag 1-14[^]*?\n +Regel: Stadens anvisningar/);
	});

	it('is ready for submission when every activity has a state and every warning is answered', async () => {
		const file = tmpStore();
		for (const id of ['1.4.1:a1', '1.4.1:a2', '1.4.1:a3', '1.4.1:a4', '2.1.1:a1', '3.5.1:a1', '3.5.1:a2']) await set(file, id, '--state', 'genomford');
		await set(file, '3.5.1:a3', '--state', 'pagar', '--avvikelse', 'Arbetet kommer att fortlöpa under år 2026.');
		await set(file, '2.2.1.1', '--status', 'delvis');
		await set(file, '3.4.1.1', '--status', 'delvis');
		const s = JSON.parse((await run(['summary', '--json', '--data', file])).stdout);
		expect(s.checklist.klar).toBe(true);
		expect(s.warnings).toEqual([]);
		expect((await run(['summary', '--data', file])).stdout).toContain('Klart för inlämning? Ja');
	});
});

describe('trend and changes since the previous period', () => {
	it('draws the sparkline of Äldrenämnden AMI from last VB 82 to 78 (domain.md §9.2 item 6)', async () => {
		const out = (await run(['summary', '--data', NAMND])).stdout;
		expect(out).toMatch(/3\.4:i1 +Aktivt Medskapandeindex\n +◐ delvis  utfall 78 mot mål 83\n +män 74, kvinnor 79\n +█··▁  VB 2024 82 · T1 – · T2 – · VB 78/);
		expect(out).toContain('▄··▄  VB 2024 64 · T1 – · T2 – · VB 64');
		const s = JSON.parse((await run(['summary', '--json', '--data', NAMND])).stdout);
		expect(s.trends['3.4:i1']).toEqual([
			{label: 'VB 2024', raw: '82', value: 82},
			{label: 'T1'},
			{label: 'T2'},
			{label: 'VB', raw: '78', value: 78},
		]);
	});

	it('follows sjukfrånvaro through T1 and T2 and lists what changed since T2', async () => {
		const file = tmpStore();
		await set(file, '3.4:i2', '--period', 'T1', '--utfall', '9,1 %');
		await set(file, '3.4:i2', '--period', 'T2', '--utfall', '8,6 %');
		await set(file, '3.4.1.1', '--period', 'T2', '--status', 'delvis');
		await set(file, '3.5.1:a3', '--period', 'T2', '--state', 'pagar');
		const s = JSON.parse((await run(['summary', '--json', '--data', file])).stdout);
		expect(s.trends['3.4:i2'].map((p: {label: string; value?: number}) => [p.label, p.value])).toEqual([
			['T1', 9.1],
			['T2', 8.6],
			['VB', 8.2],
		]);
		expect(s.changes.since).toBe('T2');
		expect(s.changes.items).toContainEqual({typ: 'mal', id: '3.4.1.1', goalId: '3.4.1.1', falt: 'status', fore: 'delvis', efter: 'helt'});
		expect(s.changes.items).toContainEqual({typ: 'indikator', id: '3.4:i2', goalId: '3.4', falt: 'utfall', fore: '8,6 %', efter: '8,2 %'});
		expect(s.changes.items).toContainEqual({typ: 'aktivitet', id: '3.5.1:a3', goalId: '3.5.1', falt: 'tillstand', fore: 'pagar'});
		const out = (await run(['summary', '--data', file])).stdout;
		expect(out).toMatch(/█▄▁  T1 9,1\u00a0% · T2 8,6\u00a0% · VB 8,2\u00a0%/);
		expect(out).toMatch(/Ändrat sedan T2 \(\d+\)/);
		expect(out).toMatch(/3\.4\.1\.1 +status Uppfylls delvis → Uppfylls helt/);
		expect(out).toMatch(/3\.5\.1:a3 +tillstånd Pågår → –/);
	});
});

describe('renderBriefLines for the TUI', () => {
	it('keeps every line within narrow and wide widths, with colour codes not counted', async () => {
		const s = buildSummary(await loadStore(NAMND));
		for (const width of [40, 60, 80, 132]) {
			const lines = renderBriefLines(s, {width, color: new Chalk({level: 3})});
			expect(lines.some(l => ANSI.test(l))).toBe(true);
			for (const l of lines) expect(l.replace(ANSI, '').length).toBeLessThanOrEqual(width);
		}
	});

	it('shows stored control characters as symbols, never executes them', async () => {
		const data = await loadStore(join(ROOT, 'data', 'bestallarenhet-2-2025.json'));
		data.indicators[2]!.namn = 'Sjukfrånvaro\u001b[2J\u0007';
		const lines = renderBriefLines(buildSummary(data), {width: 80, color: new Chalk({level: 0})});
		expect(lines.join('\n')).toContain('Sjukfrånvaro␛[2J␇');
		expect(lines.join('\n')).not.toContain('\u001b');
	});

	it('colours on a terminal and not with NO_COLOR', async () => {
		const file = tmpStore();
		const tty = async (env: NodeJS.ProcessEnv) => {
			const stdout = Object.assign(new PassThrough(), {isTTY: true, columns: 100});
			let out = '';
			stdout.on('data', d => (out += d));
			await main(['summary', '--data', file], {stdout, stderr: new PassThrough(), stdin: new PassThrough(), env});
			return out;
		};
		expect(await tty({})).toMatch(ANSI);
		expect(await tty({NO_COLOR: '1'})).not.toMatch(ANSI);
	});
});

describe('summary --markdown', () => {
	it('is one page with escaped cells and the checklist as task items', async () => {
		const data = await loadStore(join(ROOT, 'data', 'bestallarenhet-2-2025.json'));
		data.activities[0]!.text = 'Samverkan | vårdcentraler *snart*';
		const md = renderSummaryMarkdown(buildSummary(data));
		expect(md).toMatch(/^# Beställarenhet 2 \(Hägersten-Älvsjö stadsdelsnämnd\) 2025: Verksamhetsberättelse\n/);
		expect(md).toContain('| 1.4.1:a1 | Samverkan \\| vårdcentraler \\*snart\\* | 2025-12-31 |');
		expect(md).toContain('| 3.4:i2 | Sjukfrånvaro | 8,2\u00a0% | – | 7,2\u00a0% | 5,2\u00a0% | 8,6\u00a0% | Delvis uppfyllt | – |');
		expect(md).toContain('- [x] Alla bedömda mål har status (6/6)');
		expect(md).toContain('- [ ] Alla aktiviteter har tillstånd (0/8): saknas 1.4.1:a1, 1.4.1:a2');
		// The escaped pipe keeps the row at the table's three columns.
		const row = md.split('\n').find(l => l.includes('Samverkan'))!;
		expect(row.match(/(?<!\\)\|/g)).toHaveLength(4);
	});

	it('carries the AMI trend of Äldrenämnden', async () => {
		const md = (await run(['summary', '--markdown', '--data', NAMND])).stdout;
		expect(md).toContain('| 3.4:i1 | Aktivt Medskapandeindex | 78 | – | 83 | 74 | 79 | Delvis uppfyllt | █··▁ VB 2024 82, T1 –, T2 –, VB 78 |');
	});
});

describe('the status bar', () => {
	it('is exactly as wide as asked, whatever the counts', async () => {
		const {statusBar} = await import('../source/report/brief.js');
		const c = new Chalk({level: 0});
		for (const width of [10, 33, 40, 77]) {
			for (const r of [
				{helt: 1, delvis: 1, inte: 1, ingaData: 1, ejBedomd: 3},
				{helt: 5, delvis: 0, inte: 2, ingaData: 0, ejBedomd: 0},
				{helt: 1, delvis: 1, inte: 1, ingaData: 0, ejBedomd: 0},
			]) {
				expect(statusBar(r, width, c), `${width} ${JSON.stringify(r)}`).toHaveLength(width);
			}
		}
	});
});
