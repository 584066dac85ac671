import {spawnSync} from 'node:child_process';
import {chmodSync, readFileSync, readdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import {CLI, run, runOk, tmpDir, tmpStore} from './helpers.js';

/** A folder with `malkoll` running dist/cli.js, as an installed malkoll would be on PATH. */
function binDir(): string {
	const dir = tmpDir();
	writeFileSync(join(dir, 'malkoll'), `#!/bin/sh\nexec "${process.execPath}" "${CLI}" "$@"\n`);
	chmodSync(join(dir, 'malkoll'), 0o755);
	return dir;
}
const has = (shell: string) => spawnSync(shell, ['-c', 'exit 0']).status === 0;
const env = (bin: string) => ({...process.env, PATH: `${bin}:${process.env.PATH}`, MALKOLL_DATA: join(tmpDir(), 'ingen.json')});

/** The script of each shell, printed once (each a file in a folder of its own). */
const scripts: Record<string, string> = {};
beforeAll(async () => {
	for (const shell of ['bash', 'zsh', 'fish']) {
		scripts[shell] = join(tmpDir(), `malkoll.${shell}`);
		writeFileSync(scripts[shell]!, await runOk(['completion', shell]));
	}
});

/** What bash offers for the line typed so far, as Tab would: the script loaded and _malkoll run. */
function bashComplete(line: string, bin: string): string[] {
	const script = `source ${scripts.bash}; COMP_LINE="$1"; COMP_POINT=\${#1}; read -ra COMP_WORDS <<< "$1"; COMP_CWORD=\${#COMP_WORDS[@]}; _malkoll; printf '%s\\n' "\${COMPREPLY[@]}"`;
	const r = spawnSync('bash', ['-c', script, '_', line], {env: env(bin), encoding: 'utf8'});
	expect(r.stderr).toBe('');
	return r.stdout.split('\n').filter(x => x !== '');
}

describe('shell completion', () => {
	const bin = binDir();

	it('prints the ids of a store, a line each, without touching it', async () => {
		const file = tmpStore();
		const before = readFileSync(file);
		const ids = (await runOk(['completion', '--ids', '--data', file])).trimEnd().split('\n');
		expect(readFileSync(file).equals(before)).toBe(true);
		expect(readdirSync(join(file, '..'))).toEqual(['store.json']);
		expect(ids).toContain('3.4.1.1');
		expect(ids).toContain('3.4:i2');
		expect(ids).toContain('3.5.1:a3');
		expect(ids).toHaveLength(33);
		expect(await runOk(['completion', '--ids', '--data', join(tmpDir(), 'ingen.json')])).toBe('');
	});

	it('refuses a shell it has no script for', async () => {
		const r = await run(['completion', 'tcsh']);
		expect([r.code, r.stderr]).toEqual([2, 'malkoll: completion: ange ett skal: bash, zsh, fish (t.ex. source <(malkoll completion bash))\n']);
	});

	it('completes commands, flags per command, flag values and the store ids in bash', () => {
		const file = tmpStore();
		expect(bashComplete('malkoll se', bin)).toEqual(['set']);
		expect(bashComplete('malkoll su', bin)).toEqual(['summary', 'submit']);
		expect(bashComplete('malkoll summary --e', bin)).toEqual(['--exit-status']);
		expect(bashComplete('malkoll history --s', bin)).toEqual(['--since']);
		expect(bashComplete('malkoll report --j', bin)).toEqual(['--json']);
		expect(bashComplete('malkoll show --period ', bin)).toEqual(['VP', 'T1', 'T2', 'VB']);
		expect(bashComplete('malkoll set 3.5.1:a3 --state p', bin)).toEqual(['pagar']);
		expect(bashComplete('malkoll add ', bin)).toEqual(['enhetsmal', 'aktivitet', 'indikator']);
		expect(bashComplete(`malkoll show --data ${file} 3.4.1`, bin)).toEqual(['3.4.1', '3.4.1.1']);
		// Bash splits a word at ":", and puts back only what follows it.
		expect(bashComplete(`malkoll --data ${file} set 3.4:i`, bin)).toEqual(['i1', 'i2', 'i3']);
		expect(bashComplete(`malkoll edit --data ${file} --under `, bin)).toContain('3.4.1.1');
	});

	it.runIf(has('zsh'))('(skipped where zsh is not installed) gives zsh a script that parses, registers _malkoll for malkoll and offers the ids', () => {
		const script = spawnSync('zsh', ['-f', '-n', scripts.zsh!], {env: env(bin), encoding: 'utf8'});
		expect([script.status, script.stderr]).toEqual([0, '']);
		// compdef and compadd stand in for zsh's completion system (compinit takes seconds), which
		// registers the function and filters what compadd is given by what was typed.
		const file = tmpStore();
		const offered = spawnSync('zsh', ['-f', '-c', `compdef() { print -r -- compdef "$@"; }; compadd() { shift; print -l -- "$@"; }; source ${scripts.zsh}; words=(malkoll show --data ${file} 3.4); CURRENT=5; _malkoll`], {env: env(bin), encoding: 'utf8'});
		expect(offered.stdout.split('\n')[0]).toBe('compdef _malkoll malkoll');
		expect(offered.stdout.split('\n')).toContain('3.5.1:a3');
	});

	it.runIf(has('fish'))('(skipped where fish is not installed) gives fish a script that parses and completes commands, flags and ids', () => {
		const file = tmpStore();
		const fish = (line: string) => {
			const r = spawnSync('fish', ['--no-config', '-c', `source ${scripts.fish}; complete -C ${JSON.stringify(line)}`], {env: env(bin), encoding: 'utf8'});
			expect(r.stderr).toBe('');
			return r.stdout.split('\n').filter(x => x !== '').map(x => x.split('\t')[0]);
		};
		expect(spawnSync('fish', ['--no-config', '-n', scripts.fish!]).status).toBe(0);
		expect(fish('malkoll se')).toEqual(['set']);
		expect(fish('malkoll set 3.4.1.1 --sta')).toEqual(['--state', '--status']);
		expect(fish(`malkoll show --data ${file} 3.4:`)).toEqual(['3.4:i1', '3.4:i2', '3.4:i3']);
	});
});
