// Issue 13, item 13: small faults of the environment and of typing, each one line and exit 2.
import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {defaultStorePath} from '../source/store/paths.js';
import {run, tmpStore} from './helpers.js';

describe('the default store path', () => {
	it('an empty or relative HOME is refused, saying so; an absolute XDG_DATA_HOME needs no HOME', () => {
		expect(() => defaultStorePath({HOME: ''}, 'linux')).toThrow('HOME är tom');
		expect(() => defaultStorePath({HOME: 'anna'}, 'linux')).toThrow('HOME är relativ (anna)');
		expect(() => defaultStorePath({HOME: '.'}, 'darwin')).toThrow('HOME är relativ');
		expect(defaultStorePath({HOME: '', XDG_DATA_HOME: '/data'}, 'linux')).toBe('/data/malkoll/malkoll.json');
		expect(defaultStorePath({HOME: '/home/anna'}, 'linux')).toBe('/home/anna/.local/share/malkoll/malkoll.json');
	});

	it('a command without --data under an empty HOME exits 2 with one line', async () => {
		const r = await run(['summary'], {HOME: '', XDG_DATA_HOME: ''});
		expect([r.code, r.stdout]).toEqual([2, '']);
		expect(r.stderr).toMatch(/^malkoll: HOME är tom[^\n]*--data\n$/);
	});
});

describe('typing faults', () => {
	it('--author "" is refused and nothing is written', async () => {
		const file = tmpStore();
		const before = readFileSync(file, 'utf8');
		for (const author of ['', '  ']) {
			const r = await run(['set', '3.4.1.1', '--status', 'delvis', '--author', author, '--data', file]);
			expect([r.code, r.stderr]).toEqual([2, 'malkoll: --author: ange ett namn (utan flaggan skrivs ditt användarnamn)\n']);
		}
		expect(readFileSync(file, 'utf8')).toBe(before);
	});

	it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])('add %s says what may be added', async name => {
		const r = await run(['add', name, '--under', '3.4.1', '--titel', 'x', '--data', tmpStore()]);
		expect(r.code).toBe(2);
		expect(r.stderr).toContain('add: ange vad som läggs till: enhetsmal, aktivitet eller indikator');
		expect(r.stderr).not.toContain('undefined');
	});

	it('history of an id that never was exits 2; a removed id keeps its history', async () => {
		const file = tmpStore();
		const never = await run(['history', '9.9', '--data', file]);
		expect([never.code, never.stdout, never.stderr]).toEqual([2, '', `malkoll: history: 9.9 finns inte i ${file} och har ingen historik\n`]);
		expect((await run(['history', '3.4.1.1', '--data', file])).stdout).toBe('3.4.1.1: inga ändringar i historiken\n');
		expect((await run(['add', 'aktivitet', '--under', '3.4.1.1', '--titel', 'Prov', '--data', file])).code).toBe(0);
		const id = '3.4.1.1:a1';
		expect((await run(['rm', id, '--data', file])).code).toBe(0);
		const removed = await run(['history', id, '--data', file]);
		expect(removed.code).toBe(0);
		expect(removed.stdout).toMatch(/ {3}1 .*\n {3}2 /);
	});
});
