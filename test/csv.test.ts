import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {z} from 'zod';
import {csvKolumner} from '../source/report/csv.js';
import {ROOT, run, tmpStore} from './helpers.js';

/** Reads a CSV as Swedish Excel does: BOM, semicolons, quoted cells, decimal comma numbers. */
function parseSwedishCsv(text: string): Array<Record<string, string | number>> {
	expect(text.charCodeAt(0)).toBe(0xfeff);
	const rows: string[][] = [];
	let row: string[] = [];
	let cell = '';
	let quoted = false;
	for (let i = 1; i < text.length; i++) {
		const ch = text[i]!;
		if (quoted) {
			if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
			else if (ch === '"') quoted = false;
			else cell += ch;
		} else if (ch === '"') quoted = true;
		else if (ch === ';') row.push(cell), (cell = '');
		else if (ch === '\r' && text[i + 1] === '\n') {
			row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
		} else cell += ch;
	}
	expect(row).toEqual([]);
	const [head, ...body] = rows;
	return body.map(r => {
		expect(r).toHaveLength(head!.length);
		return Object.fromEntries(r.map((c, i) => [head![i], /^-?\d+(,\d+)?$/.test(c) ? Number(c.replace(',', '.')) : c]));
	});
}

const csv = async (file: string, ...args: string[]) => {
	const r = await run(['export', '--csv', ...args, '--data', file]);
	expect(r.code).toBe(0);
	return r.stdout;
};

describe('export --csv', () => {
	it('has a row per goal first: its level, title, status and analysis, under the goal above it', async () => {
		const file = tmpStore();
		await run(['set', '3.4.1.1', '--status', 'delvis', '--analys', 'Bedömningen grundas på att två av tre resultat nåtts.', '--data', file]);
		const rows = parseSwedishCsv(await csv(file));
		const mal = rows.find(r => r.Id === '3.4.1.1')!;
		expect(mal).toMatchObject({Typ: 'Mål', 'Mål-id': '3.4.1', Nivå: 'Enhetsmål', Namn: 'Enheten är en god arbetsgivare och har en god arbetsmiljö', Status: 'Uppfylls delvis'});
		expect(mal.Analys).toBe('Bedömningen grundas på att två av tre resultat nåtts.');
		expect(rows.find(r => r.Id === 3)).toMatchObject({Typ: 'Mål', 'Mål-id': '', Nivå: 'KF:s inriktningsmål', Status: 'Inga data'});
		expect(rows.find(r => r.Id === '3.4:i2')).toMatchObject({Typ: 'Indikator', Status: '', Nivå: ''});
	});

	it('gives the unit indicators with numbers Excel reads as numbers, and the activities', async () => {
		const rows = parseSwedishCsv(await csv(tmpStore()));
		expect(Object.keys(rows[0]!)).toEqual(csvKolumner());
		expect(rows.map(r => r.Typ)).toEqual([...Array(21).fill('Mål'), ...Array(4).fill('Indikator'), ...Array(8).fill('Aktivitet')]);
		const sjuk = rows.find(r => r.Id === '3.4:i2')!;
		expect(sjuk).toMatchObject({'Mål-id': '3.4', Namn: 'Sjukfrånvaro', Enhet: '%', Riktning: 'lägre är bättre', Årsmål: 7.2, 'KF:s årsmål': 'Tas fram av nämnd/styrelse'});
		expect(sjuk).toMatchObject({'Periodens utfall': 8.2, 'Utfall män': 5.2, 'Utfall kvinnor': 8.6, Period: 'VB 2025', Bedömning: 'Delvis uppfyllt'});
		expect(rows.find(r => r.Id === '2.2:i1')!['Periodens utfall']).toBe(69.23);
		const rsa = rows.find(r => r.Id === '3.5.1:a3')!;
		expect(rsa).toMatchObject({Startdatum: '2025-01-01', Slutdatum: '2025-12-31', Tillstånd: '', Analys: expect.stringContaining('Arbetet kommer att fortlöpa under år 2026.')});
	});

	it('keeps multi-line analyses in one cell and Äldrenämnden negative outcomes as numbers', async () => {
		const text = await csv(join(ROOT, 'data', 'aldrenamnden-2025.json'));
		const rows = parseSwedishCsv(text);
		const store = JSON.parse(readFileSync(join(ROOT, 'data', 'aldrenamnden-2025.json'), 'utf8'));
		const veta = rows.find(r => r.Id === '1.4:i1')!;
		expect(veta.Analys).toBe(store.followUp.VB.indicators['1.4:i1'].analys);
		expect(veta).toMatchObject({'Periodens utfall': 64, 'Utfall män': 53, 'Utfall kvinnor': 71, 'Utfall föregående VB': 64});
		const prog = rows.find(r => r.Id === '3.1:i3')!;
		expect(prog).toMatchObject({'Periodens utfall': -3, 'Utfall föregående VB': -1, Riktning: 'inom tolerans', Bedömning: 'Ej uppfyllt'});
		// "+/-1 %" is a tolerance, no number; as text it must not start a formula.
		expect(prog.Årsmål).toBe("'+/-1 %");
	});

	it('makes cells that start with = + - @ inert', async () => {
		const file = tmpStore();
		await run(['set', '3.5.1:a3', '--state', 'pagar', '--avvikelse', '=HYPERLINK("http://x";"klicka")', '--analys', '@SUM(1)', '--data', file]);
		await run(['set', '3.4:i2', '--analys=-2+3', '--data', file]);
		const rows = parseSwedishCsv(await csv(file));
		const rsa = rows.find(r => r.Id === '3.5.1:a3')!;
		expect(rsa.Avvikelse).toBe('\'=HYPERLINK("http://x";"klicka")');
		expect(rsa.Analys).toBe("'@SUM(1)");
		expect(rsa.Tillstånd).toBe('Pågår');
		expect(rows.find(r => r.Id === '3.4:i2')!.Analys).toBe("'-2+3");
	});

	it('follows --period: a T1 prognos is a number in its column', async () => {
		const file = tmpStore();
		await run(['set', '3.4:i2', '--period', 'T1', '--utfall', '9,1 %', '--prognos', '8,4 %', '--data', file]);
		const sjuk = parseSwedishCsv(await csv(file, '--period', 'T1')).find(r => r.Id === '3.4:i2')!;
		expect(sjuk).toMatchObject({'Periodens utfall': 9.1, 'Prognos helår': 8.4, Bedömning: 'Delvis uppfyllt'});
	});

	it('refuses --csv with --json, and --period without --csv', async () => {
		const file = tmpStore();
		const both = await run(['export', '--csv', '--json', '--data', file]);
		expect([both.code, both.stderr]).toEqual([2, expect.stringMatching(/--json eller --csv/)]);
		const period = await run(['export', '--period', 'T1', '--data', file]);
		expect([period.code, period.stderr]).toEqual([2, expect.stringMatching(/--period gäller bara --csv/)]);
	});
});

describe('export --json', () => {
	it('matches the committed schema in schema/ after changes', async () => {
		const schema = z.fromJSONSchema(JSON.parse(readFileSync(join(ROOT, 'schema', 'malkoll.schema.json'), 'utf8')));
		const file = tmpStore();
		await run(['set', '3.5.1:a3', '--state', 'pagar', '--slut', '2026-06-30', '--data', file]);
		const r = await run(['export', '--json', '--data', file]);
		expect(schema.safeParse(JSON.parse(r.stdout)).success).toBe(true);
	});
});
