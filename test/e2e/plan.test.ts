// Issue 7 end to end in a real terminal (tmux): the chef adds an enhetsmål with two Förväntat
// resultat and an activity, starts T2 from T1, confirms one carried analysis, and `malkoll
// summary` on the same file flags the rest.
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {tmpStore} from '../helpers.js';
import {bygg, exportera, harTmux, malkoll, skriv, stangAlla, starta, tangent, vanta} from './tmux.js';

describe.skipIf(!harTmux)('planen och perioderna i tmux', () => {
	beforeAll(bygg);
	afterAll(stangAlla);

	test('nytt enhetsmål och aktivitet, T2 från T1, en bekräftad, resten flaggas i summary', async () => {
		const file = tmpStore();
		const s = starta('plan', 80, 24, file);
		await vanta(s, f => f.includes('Beställarenhet 2 · 2025 · VB'), 'första bilden');

		// From 1.4.1.1 up to its nämndmål; + opens the form for a new enhetsmål.
		tangent(s, 'k');
		skriv(s, '+');
		await vanta(s, f => f.includes('Nytt enhetsmål under 1.4.1'), 'formuläret');
		skriv(s, 'Trygg hemgång');
		tangent(s, 'Tab', 'Tab');
		skriv(s, 'Alla får en plan');
		tangent(s, 'Enter');
		skriv(s, 'Uppföljning inom 14 dagar');
		tangent(s, 'C-s');
		await vanta(s, f => f.includes('Lade till 1.4.1.2 under 1.4.1'), 'enhetsmålet');

		skriv(s, '+');
		await vanta(s, f => f.includes('Ny aktivitet under 1.4.1.2'), 'aktivitetsformuläret');
		skriv(s, 'Samverkan med hemtjänsten');
		tangent(s, 'Tab');
		skriv(s, '2025-03-01');
		tangent(s, 'Tab');
		skriv(s, '2025-11-30');
		tangent(s, 'Enter');
		await vanta(s, f => f.includes('Lade till 1.4.1.2:a1 under 1.4.1.2'), 'aktiviteten');

		// T1 has nothing to start from (the VP has no follow-up): a status and an analysis there.
		tangent(s, 'Escape', 'p', 'g', 'j', 'Enter');
		await vanta(s, f => /T1 (Tertialrapport 1 )?\(prognos\)/.test(f), 'T1');
		tangent(s, '2', 'a');
		await vanta(s, f => f.includes('Analys 1.4.1.2 (T1)'), 'analysfältet');
		skriv(s, 'planen klar i maj');
		tangent(s, 'C-s');
		await vanta(s, f => f.includes('1.4.1.2: analysen sparad (T1)'), 'analysen');
		tangent(s, 'k', '1');
		await vanta(s, f => /› +H. 1\.4\.1\.1/.test(f), 'helt på 1.4.1.1');

		tangent(s, 'p', 'j', 'Enter');
		await vanta(s, f => f.includes('Starta T2 från T1?'), 'frågan om T2');
		tangent(s, 'j');
		await vanta(s, f => f.includes('T2 startad från T1: 2 bedömningar'), 'T2 startad');
		const t2 = await vanta(s, f => /› +\*H. 1\.4\.1\.1/.test(f) && /\*D. 1\.4\.1\.2/.test(f), 'markeringarna');
		expect(t2).toContain('* Ej granskad: överförd från T1, c bekräftar');

		tangent(s, 'j', 'c');
		await vanta(s, f => f.includes('1.4.1.2: granskad (T2)') && /› + D. 1\.4\.1\.2/.test(f), 'bekräftelsen');
		tangent(s, 'q');
		await vanta(s, f => f.includes('SLUT=0'), 'att malkoll avslutas');

		const data = exportera(file);
		expect(data.period).toBe('T2');
		expect(data.goals.find((g: {id: string}) => g.id === '1.4.1.2').forvantatResultat).toEqual([
			{nr: 1, text: 'Alla får en plan'},
			{nr: 2, text: 'Uppföljning inom 14 dagar'},
		]);
		expect(data.activities.find((a: {id: string}) => a.id === '1.4.1.2:a1')).toMatchObject({malId: '1.4.1.2', start: '2025-03-01', slut: '2025-11-30'});
		expect(data.followUp.T2.goals['1.4.1.2']).toEqual({status: 'delvis', analys: data.followUp.T1.goals['1.4.1.2'].analys});
		expect(data.followUp.T2.goals['1.4.1.2'].analys).toContain('planen klar i maj');
		expect(data.followUp.T2.goals['1.4.1.1']).toEqual({status: 'helt', ejGranskad: true});

		const summary = malkoll('summary', '--data', file);
		expect(summary).toContain('Tertialrapport 2 (T2)');
		expect(summary).toMatch(/✗ Allt som förts över från förra perioden är granskat \(0\/1\)\n +saknas: 1\.4\.1\.1\n/);
	});
});
