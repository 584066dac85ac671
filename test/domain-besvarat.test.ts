// A warning says its rule and how to answer it; answered with a reason, the reason is stored with
// the goal's follow-up (besvarat), counted by the checklist and shown in the brief and in show.
import {readFileSync, writeFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {REGLER, VARNING_KODER} from '../source/domain/regler.js';
import {run, tmpStore} from './helpers.js';

const disk = (file: string) => JSON.parse(readFileSync(file, 'utf8'));
const MOTIVERING = 'Enhetens mål om 8,5 % nås; årsmålet 7,2 % är stadens.';

describe('answering a warning', () => {
	it('every rule has its reason and what to change, from the city\'s instructions where they say so', () => {
		for (const kod of VARNING_KODER) {
			expect(REGLER[kod].regel.length).toBeGreaterThan(20);
			expect(REGLER[kod].atgard).not.toBe('');
		}
		expect(REGLER['analys-utan-grund'].regel).toMatch(/^Stadens anvisningar: .*Bedömningen grundas på/);
	});

	it('show gives each warning its rule and the command that answers it', async () => {
		const r = await run(['show', '3.4.1.1', '--data', tmpStore()], {NO_COLOR: '1'});
		expect(r.stdout).toContain('! Enhetsmål 3.4.1.1 uppfylls helt, men Sjukfrånvaro (3.4:i2)');
		expect(r.stdout).toContain(`  Regel: ${REGLER['helt-men-indikator'].regel}`);
		expect(r.stdout).toContain('  Svar: ändra status, eller förklara i indikatorns analys varför målet ändå uppfylls, eller besvara: malkoll set 3.4.1.1 --besvara "helt-men-indikator: motivering"');
	});

	it('set --besvara stores the reason with the follow-up; the checklist, brief and show count it as answered', async () => {
		const file = tmpStore();
		const set = await run(['set', '3.4.1.1', '--besvara', `helt-men-indikator: ${MOTIVERING}`, '--data', file]);
		expect(set.stderr).toBe('');
		expect(set.stdout).toBe('Sparat 3.4.1.1 Besvarade varningar (VB): – → "helt-men-indikator: Enhetens mål om 8,5 % nås; årsmålet 7,2…"\n');
		expect(disk(file).followUp.VB.goals['3.4.1.1'].besvarat).toEqual({'helt-men-indikator': MOTIVERING});
		expect((await run(['validate', file])).code).toBe(0);

		const s = JSON.parse((await run(['summary', '--json', '--data', file])).stdout);
		expect(s.checklist.besvaradeVarningar).toBe(3);
		expect(s.checklist.punkter.find((p: {kod: string}) => p.kod === 'varningar').saknas).toEqual(['2.2.1.1/2.2:i1']);
		expect(s.warnings.filter((w: {motivering?: string}) => w.motivering === MOTIVERING)).toHaveLength(3);

		const brief = (await run(['summary', '--data', file], {NO_COLOR: '1'})).stdout;
		expect(brief).toContain('Varningar (4, 3 besvarade)');
		expect(brief.replace(/\n +/g, ' ')).toContain(`✓ Enhetsmål 3.4.1.1 uppfylls helt, men Aktivt Medskapandeindex (3.4:i1)`);
		expect(brief.replace(/\n +/g, ' ')).toContain(`Besvarad: ${MOTIVERING}`);
		expect((await run(['show', '3.4.1.1', '--data', file], {NO_COLOR: '1'})).stdout).toContain(`  Besvarad: ${MOTIVERING}`);

		// A second rule is added beside the first; "KOD:" withdraws one, and the last withdrawn clears the field.
		await run(['set', '3.4.1.1', '--besvara', 'analys-utan-grund: Grunden står under varje punkt.', '--data', file]);
		expect(disk(file).followUp.VB.goals['3.4.1.1'].besvarat).toEqual({'helt-men-indikator': MOTIVERING, 'analys-utan-grund': 'Grunden står under varje punkt.'});
		await run(['set', '3.4.1.1', '--besvara', 'helt-men-indikator:', '--data', file]);
		await run(['set', '3.4.1.1', '--besvara', 'analys-utan-grund:', '--data', file]);
		expect(disk(file).followUp.VB.goals['3.4.1.1'].besvarat).toBeUndefined();
	});

	it.each([
		['an unknown rule', 'helt-men-inkator: x'],
		['a rule answered only by writing the analysis', 'status-utan-analys: skrivs senare'],
	])('refuses %s in one line, exit 2, the store untouched', async (_vad, text) => {
		const file = tmpStore();
		const before = readFileSync(file, 'utf8');
		const r = await run(['set', '3.4.1.1', '--besvara', text, '--data', file]);
		expect(r.code).toBe(2);
		expect(r.stderr).toMatch(/^malkoll: .*--besvara: skriv "REGEL: motivering", där REGEL är helt-men-indikator, helt-men-forsenad, analys-sager-annat, analys-utan-grund\n$/);
		expect(readFileSync(file, 'utf8')).toBe(before);
	});

	it('a store with a rule that takes no reason in besvarat is refused by validate, naming the path', async () => {
		const file = tmpStore();
		const data = disk(file);
		data.followUp.VB.goals['3.4.1.1'].besvarat = {'status-utan-analys': 'x'};
		writeFileSync(file, JSON.stringify(data));
		const r = await run(['validate', file]);
		expect(r.code).toBe(2);
		expect(r.stderr).toContain('$.followUp.VB.goals["3.4.1.1"].besvarat["status-utan-analys"]: okänt värde "status-utan-analys"');
	});
});

it('a reason is carried into the next period with the status and analysis, marked ej granskad', async () => {
	const {carryForwardOps} = await import('../source/domain/plan.js');
	const data = disk(tmpStore());
	data.followUp.T1 = {goals: {'3.4.1.1': {status: 'helt', analys: 'A', besvarat: {'analys-utan-grund': 'Se punkterna.'}}}, indicators: {}, activities: {}};
	const ops = carryForwardOps(data, 'T1', 'T2');
	expect(ops).toContainEqual(expect.objectContaining({op: 'set', period: 'T2', id: '3.4.1.1', field: 'besvarat', value: {'analys-utan-grund': 'Se punkterna.'}}));
	expect(ops).toContainEqual(expect.objectContaining({period: 'T2', id: '3.4.1.1', field: 'ejGranskad', value: true}));
});

it('show marks a warning answered in the indicator\'s own analysis, and says so', async () => {
	const file = tmpStore();
	await run(['set', '3.4:i2', '--analys', 'Nämndens mål 8,5 % nås.', '--data', file]);
	const out = (await run(['show', '3.4.1.1', '--data', file], {NO_COLOR: '1'})).stdout;
	expect(out).toMatch(/✓ Enhetsmål 3\.4\.1\.1 uppfylls helt, men Sjukfrånvaro \(3\.4:i2\).*\n {2}Regel: .*\n {2}Besvarad i analysen av 3\.4:i2\n/);
	expect(out).toMatch(/! Enhetsmål 3\.4\.1\.1 uppfylls helt, men Sjukfrånvaro dag 1-14 \(3\.4:i3\).*\n {2}Regel: .*\n {2}Svar: /);
});
