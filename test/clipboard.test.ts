// y and summary --copy: OSC 52 and a desktop clipboard tool (a stand-in xclip on PATH that keeps
// what it was given); the recent stores o lists, kept in the user's state folder.
import {chmodSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, test} from 'vitest';
import {clipboardVerktyg, kopiera, kopieratMeddelande, osc52} from '../source/report/clipboard.js';
import {kommIhag, senasteFil, senasteStores, storesBredvid} from '../source/ui/senaste.js';
import {BUNDLED, runCli, tmpDir, tmpStore} from './helpers.js';

/** A folder with an `xclip` that writes what it reads to `ut`. */
function falskXclip(): {bin: string; ut: string} {
	const bin = tmpDir();
	const ut = join(bin, 'urklipp.txt');
	writeFileSync(join(bin, 'xclip'), `#!/bin/sh\n[ "$1 $2" = "-selection clipboard" ] || exit 9\ncat > "${ut}"\n`);
	chmodSync(join(bin, 'xclip'), 0o755);
	return {bin, ut};
}

describe('clipboard', () => {
	test('OSC 52 carries the text as base64, å and paragraph breaks kept', () => {
		const text = 'Bedömningen grundas på:\n\nSjukfrånvaro 8,2 %';
		const seq = osc52(text);
		expect(seq.startsWith('\x1b]52;c;') && seq.endsWith('\x07')).toBe(true);
		expect(Buffer.from(seq.slice(7, -1), 'base64').toString('utf8')).toBe(text);
	});

	test('xclip is used only with an X display; the message names every way it went', async () => {
		const {bin, ut} = falskXclip();
		expect(clipboardVerktyg({PATH: bin})).toBeUndefined();
		expect(clipboardVerktyg({PATH: bin, DISPLAY: ':0'})?.namn).toBe('xclip');
		const skrivet: string[] = [];
		const vagar = await kopiera('Punkt 1: å', {terminal: s => skrivet.push(s), env: {PATH: `${bin}:/usr/bin:/bin`, DISPLAY: ':0'}});
		expect(vagar).toEqual(['OSC 52', 'xclip']);
		expect(readFileSync(ut, 'utf8')).toBe('Punkt 1: å');
		expect(skrivet).toEqual([osc52('Punkt 1: å')]);
		expect(kopieratMeddelande('briefen', vagar)).toBe('Kopierat briefen (OSC 52 och xclip)');
		expect(kopieratMeddelande('briefen', [])).toMatch(/^Kunde inte kopiera briefen/);
	});

	test('summary --copy copies the brief as printed, without colour, and says how', () => {
		const {bin, ut} = falskXclip();
		const r = runCli(['summary', '--copy', '--data', tmpStore()], {PATH: `${bin}:${process.env.PATH}`, DISPLAY: ':0', FORCE_COLOR: '1'});
		expect(r.code).toBe(0);
		expect(r.stderr).toBe('malkoll: Kopierat briefen (xclip)\n');
		const kopia = readFileSync(ut, 'utf8');
		expect(kopia).toContain('Klart för inlämning?');
		expect(kopia).not.toContain('\x1b');
	});

	test('summary --copy with no terminal and no tool fails with the reason, exit 2', () => {
		const r = runCli(['summary', '--copy', '--data', tmpStore()], {PATH: tmpDir(), DISPLAY: ''});
		expect(r.code).toBe(2);
		expect(r.stderr).toMatch(/^malkoll: summary --copy: Kunde inte kopiera briefen/);
	});
});

describe('--no-color', () => {
	test('is accepted by every command and wins over FORCE_COLOR', () => {
		const store = tmpStore();
		const farg = runCli(['summary', '--data', store], {FORCE_COLOR: '1'});
		expect(farg.stdout).toContain('\x1b[');
		for (const args of [['summary'], ['show', '3.4.1.1']]) {
			const r = runCli([...args, '--no-color', '--data', store], {FORCE_COLOR: '1'});
			expect(r.stderr, args.join(' ')).toBe('');
			expect(r.stdout).not.toContain('\x1b[');
		}
	});
});

describe('recent stores', () => {
	test('kept latest first in the state folder (0700), missing files left out; the folder lists its other stores', () => {
		const state = tmpDir();
		const env = {XDG_STATE_HOME: state};
		const dir = tmpDir();
		const [a, b] = ['a.json', 'b.json'].map(n => join(dir, n));
		for (const f of [a!, b!]) writeFileSync(f, readFileSync(BUNDLED));
		writeFileSync(join(dir, 'a.json.utkast.json'), '{}');
		kommIhag(a!, env);
		kommIhag(b!, env);
		kommIhag(a!, env);
		expect(senasteFil(env)).toBe(join(state, 'malkoll', 'senaste.json'));
		expect(senasteStores(env)).toEqual([a, b]);
		expect(statSync(join(state, 'malkoll')).mode & 0o777).toBe(0o700);
		kommIhag(join(dir, 'borta.json'), env);
		expect(senasteStores(env)).toEqual([a, b]);
		expect(storesBredvid(a!)).toEqual([b]);
	});
});
