// The store across real processes: a holder killed while holding the lock, crashes at each point
// of the write path, and two writers with a reader on one file.
import {spawn} from 'node:child_process';
import {chmodSync, existsSync, mkdtempSync, readFileSync, readdirSync, statSync, utimesSync, writeFileSync} from 'node:fs';
import {hostname, tmpdir} from 'node:os';
import {basename, dirname, join} from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import {applyChanges, historyPath, loadStore, readHistory} from '../source/store/index.js';
import {lockPath, withLock} from '../source/store/lock.js';
import {ROOT, storeModuleDir} from './helpers.js';

const ORIGINAL = readFileSync(join(ROOT, 'data', 'bestallarenhet-2-2025.json'), 'utf8');

const HELPER = `
import {existsSync, readFileSync} from 'node:fs';
import {applyChanges, parseStore} from './store.mjs';
const [mode, file, ...rest] = process.argv.slice(2);
const set = (entity, id, value) => ({op: 'set', period: 'VB', entity, id, field: 'analys', value});
if (mode === 'change') {
	await applyChanges(file, [set('indicator', '3.4:i2', rest[0])], {author: 'krasch'});
} else if (mode === 'write') {
	const [author, entity, id, n] = rest;
	for (let i = 1; i <= Number(n); i++) await applyChanges(file, [set(entity, id, author + ' ' + i)], {author});
} else if (mode === 'read') {
	let reads = 0;
	while (!existsSync(rest[0])) {
		parseStore(readFileSync(file, 'utf8'), file);
		reads++;
	}
	console.log(reads);
}
`;

let helper: string;

beforeAll(async () => {
	const dir = await storeModuleDir();
	helper = join(dir, 'helper.mjs');
	writeFileSync(helper, HELPER);
});

function tmpStore(): string {
	const file = join(mkdtempSync(join(tmpdir(), 'malkoll-lock-')), 'data.json');
	writeFileSync(file, ORIGINAL);
	return file;
}

function child(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string; pid: number}> {
	return new Promise(resolve => {
		const p = spawn(process.execPath, [helper, ...args], {env: {...process.env, ...env}, stdio: ['ignore', 'pipe', 'pipe']});
		let stdout = '';
		let stderr = '';
		p.stdout.on('data', d => (stdout += d));
		p.stderr.on('data', d => (stderr += d));
		p.on('close', (code, signal) => resolve({code, signal, stdout, stderr, pid: p.pid!}));
	});
}

const mine = {op: 'set', period: 'VB', entity: 'indicator', id: '3.4:i2', field: 'analys', value: 'efter kraschen'} as const;

describe('lock', () => {
	it('takes over at once from a holder that was killed while holding it', async () => {
		const file = tmpStore();
		const killed = await child(['change', file, 'aldrig sparad'], {MALKOLL_FAULT: 'holding-lock'});
		expect(killed.signal).toBe('SIGKILL');
		expect(JSON.parse(readFileSync(lockPath(file), 'utf8')).pid).toBe(killed.pid);

		await applyChanges(file, [mine], {author: 'anna'});
		expect((await loadStore(file)).followUp.VB!.indicators['3.4:i2']!.analys).toBe('efter kraschen');
		expect((await readHistory(file)).map(c => [c.author, c.new])).toEqual([['anna', 'efter kraschen']]);
		expect(existsSync(lockPath(file))).toBe(false);
	});

	it('a lock has the store\'s mode whatever the umask of its holder (a shared folder: the group can read who holds it)', async () => {
		const file = tmpStore();
		chmodSync(file, 0o660);
		const killed = await new Promise<NodeJS.Signals | null>(resolve => {
			const p = spawn('sh', ['-c', `umask 077; exec "${process.execPath}" "${helper}" change "${file}" aldrig`], {env: {...process.env, MALKOLL_FAULT: 'holding-lock'}, stdio: 'ignore'});
			p.on('close', (_code, signal) => resolve(signal));
		});
		expect(killed).toBe('SIGKILL');
		expect(statSync(lockPath(file)).mode & 0o777).toBe(0o660);
	});

	it('waits for a live holder and then says who holds it', async () => {
		const file = tmpStore();
		writeFileSync(lockPath(file), JSON.stringify({pid: process.pid, host: hostname(), time: new Date().toISOString(), token: 'x'}));
		const error = await withLock(file, async () => 'fick låset', {timeoutMs: 150}).catch((e: Error) => e);
		expect(String(error)).toMatch(new RegExp(`${file}: filen är låst av en annan malkoll \\(process ${process.pid}, sedan .*\\); försök igen`));
		expect(existsSync(lockPath(file))).toBe(true);
	});

	it('counts a lock from another host as abandoned only after a minute', async () => {
		const file = tmpStore();
		const foreign = (age: number) => JSON.stringify({pid: 1, host: 'annan-dator', time: new Date(Date.now() - age).toISOString(), token: 'x'});
		writeFileSync(lockPath(file), foreign(5_000));
		await expect(withLock(file, async () => 'ok', {timeoutMs: 100})).rejects.toThrow(/process 1 på annan-dator/);
		writeFileSync(lockPath(file), foreign(120_000));
		expect(await withLock(file, async () => 'ok', {timeoutMs: 100})).toBe('ok');
	});

	it('takes over an empty lock file left by a holder that died creating it, once it is old', async () => {
		const file = tmpStore();
		writeFileSync(lockPath(file), '');
		await expect(withLock(file, async () => 'ok', {timeoutMs: 100})).rejects.toThrow(/filen är låst av en annan malkoll;/);
		const old = new Date(Date.now() - 60_000);
		utimesSync(lockPath(file), old, old);
		expect(await withLock(file, async () => 'ok', {timeoutMs: 100})).toBe('ok');
	});
});

describe('a crash on the write path', () => {
	it.each(['after-temp-write', 'after-fsync', 'before-rename'])('at %s leaves the old store whole', async point => {
		const file = tmpStore();
		const r = await child(['change', file, 'halvskriven'], {MALKOLL_FAULT: point});
		expect(r.signal).toBe('SIGKILL');
		expect(readFileSync(file, 'utf8')).toBe(ORIGINAL);
		const temp = readdirSync(dirname(file)).filter(f => f.endsWith('.tmp'));
		expect(temp).toEqual([expect.stringMatching(new RegExp(`^\\.data\\.json\\.${r.pid}\\.[0-9a-f]{12}\\.tmp$`))]);
		await applyChanges(file, [mine], {author: 'anna'});
		expect((await loadStore(file)).followUp.VB!.indicators['3.4:i2']!.analys).toBe('efter kraschen');
		// The next write clears the dead writer's temp file at once: its pid, in the name, is gone.
		expect(readdirSync(dirname(file)).filter(f => f.endsWith('.tmp'))).toEqual([]);
	});

	it.each(['pending-write', 'pending-fsync', 'pending-rename'])('killed at %s leaves the old store, and its pending temp file (analysis text in it) goes with the next write', async point => {
		const file = tmpStore();
		const r = await child(['change', file, 'hemlig analys'], {MALKOLL_FAULT: `${point}:kill`});
		expect(r.signal).toBe('SIGKILL');
		expect(readFileSync(file, 'utf8')).toBe(ORIGINAL);
		const litter = readdirSync(dirname(file)).filter(f => f.endsWith('.tmp'));
		if (point !== 'pending-write') expect(litter).toEqual([`data.json.history.pending.${r.pid}.tmp`]);
		// A live writer's temp file is kept: only the dead one's name is removed.
		const live = join(dirname(file), `data.json.history.pending.${process.pid === 1 ? 2 : 1}.tmp`);
		writeFileSync(live, 'pid 1 lever');
		await applyChanges(file, [mine], {author: 'anna'});
		expect(readdirSync(dirname(file)).filter(f => f.endsWith('.tmp'))).toEqual([basename(live)]);
		expect((await readHistory(file)).map(c => c.new)).toEqual(['efter kraschen']);
	});

	it('at after-rename leaves the new store whole', async () => {
		const file = tmpStore();
		const r = await child(['change', file, 'hann sparas'], {MALKOLL_FAULT: 'after-rename'});
		expect(r.signal).toBe('SIGKILL');
		expect((await loadStore(file)).followUp.VB!.indicators['3.4:i2']!.analys).toBe('hann sparas');
		expect(readFileSync(`${file}.bak`, 'utf8')).toBe(ORIGINAL);
	});
});

describe('two writer processes and a reader on one store', () => {
	it('keeps all 200 changes, interleaved in the history, and the reader always sees a valid store', async () => {
		const file = tmpStore();
		const stop = join(dirname(file), 'stopp');
		const reader = child(['read', file, stop]);
		const [a, b] = await Promise.all([
			child(['write', file, 'A', 'indicator', '3.4:i2', '100']),
			child(['write', file, 'B', 'activity', '1.4.1:a1', '100']),
		]);
		writeFileSync(stop, '');
		const read = await reader;
		expect([a.code, a.stderr, b.code, b.stderr]).toEqual([0, '', 0, '']);
		expect([read.code, read.stderr]).toEqual([0, '']);
		expect(Number(read.stdout)).toBeGreaterThan(0);

		const data = await loadStore(file);
		expect(data.followUp.VB!.indicators['3.4:i2']!.analys).toBe('A 100');
		expect(data.followUp.VB!.activities['1.4.1:a1']!.analys).toBe('B 100');
		const history = await readHistory(file);
		expect(history).toHaveLength(200);
		for (const who of ['A', 'B']) {
			const own = history.filter(c => c.author === who);
			// Each change saw the one before it: nothing was lost between read and write.
			own.forEach((c, i) => {
				expect(c.new).toBe(`${who} ${i + 1}`);
				if (i > 0) expect(c.old).toBe(`${who} ${i}`);
			});
		}
		// Neither process starves the other: the lock changes hands all through the run.
		const switches = history.filter((c, i) => i > 0 && c.author !== history[i - 1]!.author).length;
		expect(switches).toBeGreaterThan(20);
		expect(readFileSync(historyPath(file), 'utf8').split('\n')).toHaveLength(201);
		expect(readdirSync(dirname(file)).sort()).toEqual(['data.json', 'data.json.bak', 'data.json.history.jsonl', 'stopp']);
	}, 60_000);
});
