// Issue 13, item 11: pipes are read like standard input up to the limit; devices and sockets are refused.
import {spawn, spawnSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {createServer} from 'node:net';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {ROOT, privateCli, run, tmpDir, tmpStore} from './helpers.js';

/** The CLI in a shell, so that `<(…)` and FIFOs with their writers are real. */
function sh(script: string, env: Record<string, string>): Promise<{code: number; stdout: string; stderr: string}> {
	return new Promise(resolve => {
		const p = spawn('bash', ['-c', script], {env: {...process.env, ...env, NO_COLOR: '1', MALKOLL_DATA: ''}});
		let stdout = '';
		let stderr = '';
		p.stdout.on('data', d => (stdout += d));
		p.stderr.on('data', d => (stderr += d));
		p.on('close', code => resolve({code: code ?? -1, stdout, stderr}));
	});
}

describe('input that is no regular file', () => {
	const cli = privateCli();

	it('a FIFO and <(…) are read like stdin; an endless one stops at the limit with one line', async () => {
		const store = tmpStore();
		const fifo = join(tmpDir(), 'fifo');
		spawnSync('mkfifo', [fifo]);
		const ok = await sh(`printf 'Analys ur en fifo' > "$F" & node "$CLI" set 3.4.1.1 --analys-file "$F" --data "$S"`, {F: fifo, CLI: cli, S: store});
		expect([ok.code, ok.stderr]).toEqual([0, '']);
		expect(JSON.parse(readFileSync(store, 'utf8')).followUp.VB.goals['3.4.1.1'].analys).toBe('Analys ur en fifo');
		const sub = await sh(`node "$CLI" set 3.4.1.1 --analys-file <(printf 'ur en process') --data "$S" && node "$CLI" validate <(cat "$S")`, {CLI: cli, S: store});
		expect([sub.code, sub.stderr]).toEqual([0, '']);
		expect(sub.stdout).toMatch(/\/dev\/fd\/\d+: giltig/);
		// A nämnd's store through a pipe is read once (sniffed and parsed from the same bytes).
		const ny = join(tmpDir(), 'ny.json');
		const init = await sh(`node "$CLI" init --fran <(cat "$N") --namn "Ny enhet" --out "$O"`, {CLI: cli, N: join(ROOT, 'data', 'aldrenamnden-2025.json'), O: ny});
		expect(init.code, init.stderr).toBe(0);
		expect(JSON.parse(readFileSync(ny, 'utf8')).organisation.namn).toBe('Ny enhet');
		const before = readFileSync(store, 'utf8');
		// `yes` writes without end: without the limit this would read until memory ran out.
		for (const input of ['<(yes Ö)', '"$F"']) {
			const writer = input === '"$F"' ? '(yes Ö > "$F" 2>/dev/null &); ' : '';
			const r = await sh(`${writer}node "$CLI" set 3.4.1.1 --analys-file ${input} --data "$S"`, {F: fifo, CLI: cli, S: store});
			expect(r.code, r.stderr).toBe(2);
			expect(r.stderr).toMatch(/^malkoll: [^\n]*--analys-file [^\n]+: längre än de 100000 tecken en text får vara\n$/);
		}
		expect(readFileSync(store, 'utf8')).toBe(before);
	}, 30_000);

	it('stdin beyond the limit is refused', async () => {
		const store = tmpStore();
		const r = await run(['set', '3.4.1.1', '--analys-file', '-', '--data', store], {}, 'Ö'.repeat(200_003));
		expect([r.code, r.stderr]).toEqual([2, `malkoll: ${store}: --analys-file -: längre än de 100000 tecken en text får vara\n`]);
	});

	it('a socket is refused with one line', async () => {
		const sock = join(tmpDir(), 'sock');
		const server = createServer().listen(sock);
		await new Promise(r => server.once('listening', r));
		try {
			const r = await run(['validate', sock]);
			expect([r.code, r.stderr]).toEqual([2, `malkoll: ${sock}: är en socket, inte en vanlig fil; ange en textfil\n`]);
		} finally {
			server.close();
		}
	});
});
