// The built malkoll in a real terminal (tmux): keys go through the tty, the result is checked
// with `malkoll export --json`. Skips only where tmux is missing; CI installs it.
import {spawnSync} from 'node:child_process';
import {chmodSync, readFileSync, readdirSync, writeFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {tmpDir, tmpStore} from '../helpers.js';
import {bygg, exportera, harTmux, malkoll, stangAlla, starta, tmux, vanta} from './tmux.js';

describe.skipIf(!harTmux)('malkoll i tmux', () => {
	beforeAll(bygg);
	afterAll(stangAlla);

	for (const [cols, rows] of [
		[80, 24],
		[120, 40],
	] as const) {
		test(`${cols}×${rows}: enhetsmål delvis, analys, indikatorutfall, avsluta`, async () => {
			const file = tmpStore();
			const s = starta(`${cols}x${rows}`, cols, rows, file);
			const start = await vanta(s, f => f.includes('Beställarenhet 2 · 2025 · VB'), 'första bilden');
			for (const rad of start.split('\n')) expect([...rad].length).toBeLessThanOrEqual(cols);
			expect(start.trimEnd().split('\n').length).toBeLessThanOrEqual(rows - 1);

			// From 1.4.1.1 eleven rows down to the arbetsgivare enhetsmål.
			for (let i = 0; i < 11; i++) tmux('send-keys', '-t', s, 'j');
			await vanta(s, f => /› +H! 3\.4\.1\.1/.test(f), 'markören på 3.4.1.1');
			tmux('send-keys', '-t', s, '2');
			await vanta(s, f => /› +D. 3\.4\.1\.1/.test(f) && f.includes('Sparat'), 'delvis sparat');

			tmux('send-keys', '-t', s, 'a');
			await vanta(s, f => f.includes('Analys 3.4.1.1 (VB)'), 'analysfältet');
			tmux('send-keys', '-t', s, 'Enter');
			tmux('send-keys', '-t', s, '-l', 'Sjukfrånvaron 8,2 % når inte årsmålet; q u 1 ? / åäö.');
			tmux('send-keys', '-t', s, 'C-s');
			await vanta(s, f => f.includes('3.4.1.1: analysen sparad (VB)'), 'analysen sparad');

			tmux('send-keys', '-t', s, 'Tab');
			tmux('send-keys', '-t', s, 'j');
			tmux('send-keys', '-t', s, 'Enter');
			await vanta(s, f => f.includes('Indikator 3.4:i2 (VB)'), 'indikatorformuläret');
			for (let i = 0; i < 5; i++) tmux('send-keys', '-t', s, 'BSpace');
			tmux('send-keys', '-t', s, '-l', '7,9 %');
			tmux('send-keys', '-t', s, 'Enter');
			await vanta(s, f => f.includes('3.4:i2: sparat (VB)'), 'utfallet sparat');

			tmux('send-keys', '-t', s, 'Escape');
			tmux('send-keys', '-t', s, 'q');
			const slut = await vanta(s, f => f.includes('SLUT='), 'att malkoll avslutas');
			expect(slut).toContain('SLUT=0');
			// The alternate screen is gone: nothing of the TUI is left on the terminal.
			expect(slut).not.toContain('Beställarenhet 2');

			const data = exportera(file);
			expect(data.followUp.VB.goals['3.4.1.1'].status).toBe('delvis');
			expect(data.followUp.VB.goals['3.4.1.1'].analys).toMatch(/\nSjukfrånvaron 8,2 % når inte årsmålet; q u 1 \? \/ åäö\.$/);
			expect(data.followUp.VB.indicators['3.4:i2'].utfall).toEqual({raw: '7,9 %', value: 7.9, unit: '%'});
		});
	}

	test('följer en storleksändring och visar en ändring från ett skript utan tangenttryck', async () => {
		const file = tmpStore();
		const s = starta('resize', 120, 40, file);
		await vanta(s, f => f.includes('Beställarenhet 2 · 2025 · VB'), 'första bilden');
		tmux('resize-window', '-t', s, '-x', '80', '-y', '24');
		await vanta(s, f => f.split('\n').some(r => r.includes('↓ mer (C-d)  20/')), 'bilden i 80×24');
		malkoll('set', '1.4.1.1', '--status', 'inte', '--data', file, '--author', 'skript');
		await vanta(s, f => /› +I. 1\.4\.1\.1/.test(f), 'skriptets ändring', 1500);
		tmux('send-keys', '-t', s, 'q');
		await vanta(s, f => f.includes('SLUT=0'), 'att malkoll avslutas');
	});

	test('e öppnar $EDITOR och kommer tillbaka till samma ställe; SIGTERM sparar utkastet och återställer terminalen', async () => {
		const file = tmpStore();
		const ed = join(tmpDir(), 'ed.sh');
		writeFileSync(ed, `#!/bin/sh\nprintf '\\nFrån editorn' >> "$1"\n`);
		chmodSync(ed, 0o755);
		const s = starta('editor', 80, 24, file, `EDITOR=${ed} VISUAL=`);
		await vanta(s, f => f.includes('Beställarenhet 2 · 2025 · VB'), 'första bilden');
		tmux('send-keys', '-t', s, 'e');
		const f = await vanta(s, f => f.includes('1.4.1.1: analysen sparad (VB)'), 'analysen från editorn');
		expect(f).toMatch(/› +H  1\.4\.1\.1/);
		expect(exportera(file).followUp.VB.goals['1.4.1.1'].analys).toMatch(/\nFrån editorn$/);

		tmux('send-keys', '-t', s, 'a');
		await vanta(s, f => f.includes('Analys 1.4.1.1 (VB)'), 'analysfältet');
		tmux('send-keys', '-t', s, '-l', ' osparat');
		await vanta(s, f => f.includes('osparat'), 'texten i fältet');
		const skal = tmux('list-panes', '-t', s, '-F', '#{pane_pid}').trim();
		// Only malkoll runs under the pane's shell at this point.
		spawnSync('pkill', ['-TERM', '-P', skal]);
		const slut = await vanta(s, f => f.includes('SLUT='), 'att malkoll avslutas');
		expect(slut).toContain('SLUT=143');
		expect(slut).not.toContain('Beställarenhet 2');
		// The session's own draft: <store>.utkast.<host>.<pid>.json (source/ui/utkast.ts).
		const egna = readdirSync(dirname(file)).filter(n => /^store\.json\.utkast\..+\.\d+\.json$/.test(n));
		expect(egna).toHaveLength(1);
		const utkast = JSON.parse(readFileSync(join(dirname(file), egna[0]!), 'utf8'));
		expect(utkast.text).toMatch(/Från editorn osparat$/);
	});
});
