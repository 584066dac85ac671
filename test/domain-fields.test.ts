import {readFileSync} from 'node:fs';
import {afterEach, describe, expect, it} from 'vitest';
import {commandHelp} from '../source/commands/help.js';
import {FIELDS, type Field, formFields} from '../source/domain/fields.js';
import {formFalt} from '../source/ui/plan.js';
import {applyOp, invertChange} from '../source/domain/ops.js';
import type {StoreData} from '../source/domain/types.js';
import {csvKolumner, renderCsv} from '../source/report/csv.js';
import {describeChange} from '../source/report/describe.js';
import {BUNDLED, run, runOk, tmpStore} from './helpers.js';

const bundled = (): StoreData => JSON.parse(readFileSync(BUNDLED, 'utf8'));
/** The CSV row of one id, by column name (semicolons inside quotes do not occur in these rows). */
function csvRow(csv: string, id: string): Record<string, string> {
	const [head, ...rows] = csv.replace(/^\uFEFF/, '').trimEnd().split('\r\n').map(r => r.split(';'));
	const row = rows.find(r => r[1] === id)!;
	return Object.fromEntries(head!.map((k, i) => [k, row[i]!]));
}

describe('a new field is one row of the table', () => {
	const rows: Record<string, Field> = FIELDS.indicator.plan;
	afterEach(() => {
		delete rows.ansvarigEnhet;
	});

	it('appears in edit --help, the TUI form fields, the CSV and the history with no other change', () => {
		expect(commandHelp('edit')).not.toContain('--ansvarig-enhet');
		rows.ansvarigEnhet = {...FIELDS.indicator.plan.kommentar, label: 'Ansvarig enhet', flag: 'ansvarigEnhet', multiline: undefined};

		expect(commandHelp('edit')).toMatch(/--ansvarig-enhet TEXT +Ansvarig enhet/);
		expect(formFields('indicator', 'plan').map(f => f.name)).toContain('ansvarigEnhet');
		const tuiForm = formFalt(bundled(), 'andra', 'indicator', '3.4:i2', 'VB', bundled().indicators.find(i => i.id === '3.4:i2'));
		expect(tuiForm.find(f => f.field === 'ansvarigEnhet')?.etikett).toBe('Ansvarig enhet');
		expect(csvKolumner()).toContain('Ansvarig enhet');

		const data = bundled();
		const change = applyOp(data, {op: 'def', entity: 'indicator', id: '3.4:i2', field: 'kommentar', value: 'x'}, 't', 'anna');
		expect(describeChange(change)).toBe('3.4:i2 Kommentar: – → "x"');
		const ny = applyOp(data, JSON.parse('{"op":"def","entity":"indicator","id":"3.4:i2","field":"ansvarigEnhet","value":"HR-avdelningen"}'), 't', 'anna');
		expect(describeChange(ny)).toBe('3.4:i2 Ansvarig enhet: – → "HR-avdelningen"');
		expect(csvRow(renderCsv(data), '3.4:i2')['Ansvarig enhet']).toBe('HR-avdelningen');
	});

	it('undoes a recorded change by its field, and refuses a history line that does not name its period', () => {
		const data = bundled();
		const change = applyOp(data, {op: 'set', period: 'VB', entity: 'indicator', id: '3.4:i2', field: 'man', value: {raw: '6,1 %', value: 6.1, unit: '%'}}, 't', 'anna');
		expect(invertChange(change)).toEqual({op: 'set', period: 'VB', entity: 'indicator', id: '3.4:i2', field: 'man', value: {raw: '5,2 %', value: 5.2, unit: '%'}, expect: {raw: '6,1 %', value: 6.1, unit: '%'}});
		const {period, ...utan} = change;
		expect(period).toBe('VB');
		expect(() => invertChange(utan)).toThrow('historiken: ändringen av 3.4:i2 (t) är ofullständig');
	});
});

describe('Marginal för delvis and Kommentar, editable through the table', () => {
	it('are in edit --help and help edit, set by edit, judged by, exported, shown and recorded in Swedish', async () => {
		const help = await runOk(['edit', '--help']);
		expect(help).toBe(await runOk(['help', 'edit']));
		expect(help).toMatch(/--delvis-marginal PROCENT +Marginal för delvis/);
		expect(help).toMatch(/--kommentar TEXT +Kommentar/);

		const file = tmpStore();
		// Sjukfrånvaro 8,2 % against 7,2 %, lower is better: 14 % off, within the default 20 %.
		expect(csvRow(await runOk(['export', '--csv', '--data', file]), '3.4:i2').Bedömning).toBe('Delvis uppfyllt');
		const out = await runOk(['edit', '3.4:i2', '--delvis-marginal', '10 %', '--kommentar', 'Nämnden tar fram målet', '--data', file]);
		expect(out).toBe('3.4:i2 Marginal för delvis: – → 10\u00a0%\n3.4:i2 Kommentar: – → "Nämnden tar fram målet"\n');
		const ind = JSON.parse(readFileSync(file, 'utf8')).indicators.find((i: {id: string}) => i.id === '3.4:i2');
		expect(ind).toMatchObject({delvisMarginal: 0.1, kommentar: 'Nämnden tar fram målet'});

		const row = csvRow(await runOk(['export', '--csv', '--data', file]), '3.4:i2');
		expect(row).toMatchObject({'Marginal för delvis': '0,1', Kommentar: 'Nämnden tar fram målet', Bedömning: 'Ej uppfyllt'});
		expect(await runOk(['history', '3.4:i2', '--data', file])).toMatch(/3\.4:i2 Marginal för delvis: – → 10\u00a0%\n.*3\.4:i2 Kommentar: – → "Nämnden tar fram målet"\n$/);
		const show = await runOk(['show', '3.4:i2', '--data', file]);
		expect(show).toMatch(/Riktning +lägre är bättre/);
		expect(show).toMatch(/Marginal för delvis +10\u00a0%/);
		expect(show).toMatch(/Kommentar\nNämnden tar fram målet/);

		const bad = await run(['edit', '3.4:i2', '--delvis-marginal', '120 %', '--data', file]);
		expect([bad.code, bad.stderr]).toEqual([2, 'malkoll: --delvis-marginal: ska vara mellan 0 och 100 % (0 och 1)\n']);
		await runOk(['edit', '3.4:i2', '--delvis-marginal', '', '--data', file]);
		expect(JSON.parse(readFileSync(file, 'utf8')).indicators.find((i: {id: string}) => i.id === '3.4:i2').delvisMarginal).toBeUndefined();
	});
});

describe('help for set, add and edit, from the table the parser reads', () => {
	it('lists every flag of set with its values, and each example it prints runs', async () => {
		const help = await runOk(['set', '--help']);
		expect(help).toMatch(/--state ej-paborjad\|pagar\|genomford\|avbruten\|none +Tillstånd/);
		expect(help).toMatch(/--utfall TAL +Periodens utfall/);
		for (const command of ['set', 'add', 'edit']) {
			const examples = (await runOk(['help', command])).split('\n').filter(l => l.includes('$ malkoll'));
			expect(examples).toHaveLength(3);
			const file = tmpStore();
			for (const line of examples) {
				const args = [...line.replace(/^.*\$ malkoll /, '').matchAll(/"([^"]*)"|(\S+)/g)].map(m => m[1] ?? m[2]!);
				await runOk([...args, '--data', file]);
			}
		}
	});

	it('puts the field labels, not the stored names, in what set prints', async () => {
		const file = tmpStore();
		const out = await runOk(['set', '3.5.1:a3', '--state', 'pagar', '--slut', '2026-06-30', '--data', file]);
		expect(out).toBe('Sparat 3.5.1:a3 Tillstånd (VB): – → Pågår\nSparat 3.5.1:a3 Nytt slutdatum (VB): – → "2026-06-30"\n');
		const bad = await run(['set', '3.4.1.1', '--status', 'klar', '--data', file]);
		expect(bad.stderr).toMatch(/--status: "klar" är inget giltigt värde \(välj helt, delvis, inte, inga-data\)/);
	});
});
