import {describe, expect, it} from 'vitest';
import {run, tmpStore} from './helpers.js';

describe('malkoll report', () => {
	it('keeps a paragraph break inside Förväntat resultat 3 a paragraph break, in text and Markdown', async () => {
		const file = tmpStore();
		for (const format of ['--text', '--markdown']) {
			const out = (await run(['report', format, '--data', file])).stdout;
			expect(out).not.toContain('↵');
			expect(out).toContain('3. Samtliga medarbetare involveras i hälsoaktiviteter.\n\n   Enligt en mätning år 2024');
		}
	});

	it('writes the unit follow-up in the report order: goal, status, analysis by Punkt, indicators, activities', async () => {
		const r = await run(['report', '--data', tmpStore()]);
		expect(r.code).toBe(0);
		const out = r.stdout;
		expect(out.startsWith('Beställarenhet 2 (Hägersten-Älvsjö stadsdelsnämnd)\nVerksamhetsberättelse 2025\n')).toBe(true);
		const order = ['1 KF:s inriktningsmål', '1.4 KF:s mål', '1.4.1 Nämndmål', '1.4.1.1 Enhetsmål', '2 KF:s', '2.2 KF:s', '2.2.1.1 Enhetsmål', '3.4 KF:s', '3.4.1.1 Enhetsmål', '3.6.1.1 Enhetsmål'];
		const at = order.map(h => out.indexOf(`\n${h}`));
		expect(at.every(i => i > 0)).toBe(true);
		expect([...at].sort((a, b) => a - b)).toEqual(at);
		const arbetsgivare = out.slice(out.indexOf('\n3.4.1.1 Enhetsmål'), out.indexOf('\n3.5 KF:s'));
		expect(arbetsgivare).toContain('Status: Uppfylls helt');
		expect(arbetsgivare).toMatch(/Analys\nOmrådet bedömer att enhetsmålet har uppnåtts helt\.[^]*\nPunkt 1:\nEnhetscheferna har haft resultatdialoger[^]*\nPunkt 2:\n[^]*\nPunkt 3:\n/);
		// The indicators sit on VO 3.4 (003:295-297), before its nämndmål and enhetsmål.
		const vo = out.slice(out.indexOf('\n3.4 KF:s'), out.indexOf('\n3.4.1 Nämndmål'));
		expect(vo).toContain('Status: Inga data');
		expect(vo).toMatch(/  Sjukfrånvaro \(3\.4:i2\)\n    Periodens utfall: 8,2\u00a0%\n    Utfall män: 5,2\u00a0%\n    Utfall kvinnor: 8,6\u00a0%\n    Utfall VB 2024: –\n    Årsmål: 7,2\u00a0%\n    KF:s årsmål: Tas fram av nämnd\/styrelse\n    Period: VB 2025\n    Bedömning: Delvis uppfyllt/);
		const rsa = out.slice(out.indexOf('(3.5.1:a3)'));
		expect(rsa).toMatch(/^\(3\.5\.1:a3\)\n    Startdatum 2025-01-01 · Slutdatum 2025-12-31 · Ej rapporterad\n    Analys:\n[^]*Arbetet kommer att fortlöpa under år 2026\./);
	});

	it('as Markdown: a heading per goal by level, indicator tables, escaped prose', async () => {
		const file = tmpStore();
		await run(['set', '3.4.1.1', '--status', 'delvis', '--analys', 'Bedömningen grundas på *AMI* <80>.\nPunkt 1:\n# inte en rubrik', '--data', file]);
		const md = (await run(['report', '--markdown', '--data', file])).stdout;
		expect(md).toMatch(/^# Beställarenhet 2 \(Hägersten-Älvsjö stadsdelsnämnd\): Verksamhetsberättelse 2025\n/);
		expect(md).toContain('\n## 1 KF:s inriktningsmål: Ett Stockholm som håller samman');
		expect(md).toContain('\n#### 3.4.1 Nämndmål: Stadsdelsnämnden är en attraktiv arbetsgivare');
		expect(md).toContain('\n##### 3.4.1.1 Enhetsmål: Enheten är en god arbetsgivare och har en god arbetsmiljö\n\n**Status:** Uppfylls delvis');
		expect(md).toContain('Bedömningen grundas på \\*AMI\\* \\<80\\>.\n\n*Punkt 1:*\n\\# inte en rubrik');
		expect(md).toContain('| Sjukfrånvaro | 8,2\u00a0% | 5,2\u00a0% | 8,6\u00a0% | – | 7,2\u00a0% | Tas fram av nämnd/styrelse | VB 2025 | Delvis uppfyllt |');
	});

	it('in a tertial says the status is a forecast and shows Prognos helår', async () => {
		const file = tmpStore();
		await run(['set', '3.4.1.1', '--period', 'T1', '--status', 'delvis', '--data', file]);
		await run(['set', '3.4:i2', '--period', 'T1', '--utfall', '9,1 %', '--prognos', '8,4 %', '--data', file]);
		const out = (await run(['report', '--period', 'T1', '--data', file])).stdout;
		expect(out.slice(out.indexOf('\n3.4.1.1 Enhetsmål'))).toContain('Status (prognos helår): Uppfylls delvis');
		expect(out).toMatch(/Sjukfrånvaro \(3\.4:i2\)\n    Periodens utfall: 9,1\u00a0%[^]*Prognos helår: 8,4\u00a0%[^]*Bedömning: Delvis uppfyllt/);
	});

	it('refuses --markdown with --text, naming both', async () => {
		const r = await run(['report', '--markdown', '--text', '--data', tmpStore()]);
		expect(r.code).toBe(2);
		expect(r.stderr).toBe("malkoll: report: välj en av --text, --markdown, --json och --html\n");
	});
});
