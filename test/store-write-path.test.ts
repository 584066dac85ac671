// The write path against the faults of real workplaces (issue 13): a store reached through a
// symlink, a store at mode 0600, hostile text in the history, environment faults as one line,
// and the time of a lock held for long.
import {chmodSync, existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync} from 'node:fs';
import {hostname} from 'node:os';
import {dirname, join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {cacheMapp, skrivCacheFil} from '../source/store/cachemapp.js';
import {applyChanges, historyPath, loadStore, readHistory, resolveStorePath} from '../source/store/index.js';
import {lockPath, withLock} from '../source/store/lock.js';
import {BUNDLED, run, tmpDir, tmpStore} from './helpers.js';
import {SEED_003, throughEveryCommand} from './write-path-helpers.js';

describe('a store that is a symlink', () => {
	function linked(): {link: string; real: string; dir: string} {
		const dir = tmpDir();
		mkdirSync(join(dir, 'links'));
		mkdirSync(join(dir, 'real'));
		const real = join(dir, 'real', 's.json');
		writeFileSync(real, readFileSync(BUNDLED));
		const link = join(dir, 'links', 'l.json');
		symlinkSync('../real/s.json', link);
		return {link, real, dir};
	}

	it('is changed where it really is, through set, import --into, rm, restore and period; the link stays a link and nothing is written beside it', async () => {
		const {link, real} = linked();
		await throughEveryCommand(link, real, args => run(args));
		expect(lstatSync(link).isSymbolicLink()).toBe(true);
		expect(readdirSync(dirname(link))).toEqual(['l.json']);
		expect(readdirSync(dirname(real)).sort()).toEqual(['s.json', 's.json.bak', 's.json.history.jsonl']);
		// `history` through the link reads the real file's history.
		expect((await run(['history', '3.4.1.1', '--data', link])).stdout).toContain('Ny analys från set');
	});

	it('takes the same lock as a writer through the real path', async () => {
		const {link, real} = linked();
		const order: string[] = [];
		let through: Promise<unknown> | undefined;
		await withLock(real, async () => {
			through = applyChanges(link, [{op: 'set', period: 'VB', entity: 'goal', id: '3.4.1.1', field: 'analys', value: 'via länken'}]).then(() => order.push('länken'));
			await new Promise(resolve => setTimeout(resolve, 300));
			order.push('låset släppt');
		});
		await through;
		expect(order).toEqual(['låset släppt', 'länken']);
		expect(existsSync(lockPath(link))).toBe(false);
		expect((await loadStore(real)).followUp.VB!.goals['3.4.1.1']!.analys).toBe('via länken');
	});

	it('that dangles gets its store created where it points (import --out)', async () => {
		const dir = tmpDir();
		mkdirSync(join(dir, 'real'));
		symlinkSync('real/ny.json', join(dir, 'l.json'));
		const r = await run(['import', SEED_003, '--out', join(dir, 'l.json')]);
		expect(r.code, r.stderr).toBe(0);
		expect(lstatSync(join(dir, 'l.json')).isSymbolicLink()).toBe(true);
		expect((await loadStore(join(dir, 'real', 'ny.json'))).organisation.namn).toBe('Beställarenhet 2');
	});
});

describe('a store at mode 0600', () => {
	it('keeps every file malkoll writes beside it at 0600, through set, import --into, rm, restore and period', async () => {
		const file = tmpStore();
		chmodSync(file, 0o600);
		await throughEveryCommand(file, file, args => run(args));
		const modes = Object.fromEntries(readdirSync(dirname(file)).map(n => [n, (statSync(join(dirname(file), n)).mode & 0o777).toString(8)]));
		expect(modes).toEqual({'store.json': '600', 'store.json.bak': '600', 'store.json.history.jsonl': '600'});
	});

	it('gives malkoll’s own folders in the home mode 0700 (the default store’s and the cache’s)', async () => {
		const home = tmpDir();
		const env = {HOME: home, XDG_DATA_HOME: '', XDG_CACHE_HOME: ''};
		const {path} = await resolveStorePath({env: {...env, MALKOLL_DATA: ''}});
		expect((statSync(dirname(path)).mode & 0o777).toString(8)).toBe('700');
		const cache = cacheMapp({}, 'linux', home)!;
		expect(skrivCacheFil(join(cache, 'a', 'x.bin'), 'x')).toBe(true);
		expect((statSync(join(cache, 'a')).mode & 0o777).toString(8)).toBe('700');
	});
});

describe('hostile text in the history', () => {
	it('is escaped as \\uXXXX in the history file as in the store, and read back the same', async () => {
		const file = tmpStore();
		const hostile = 'A\u009b31mB\u202eC\u2066D\u061cE\u200fF\u0085G\u0007H\u001b]0;titel\u0007';
		expect((await run(['set', '3.4.1.1', '--analys', hostile, '--data', file])).code).toBe(0);
		const raw = readFileSync(historyPath(file), 'utf8');
		expect(raw).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/);
		expect(raw).toContain('\\u009b31mB\\u202eC\\u2066D\\u061cE\\u200fF\\u0085G\\u0007H\\u001b]0;titel');
		expect((await readHistory(file)).at(-1)!.new).toBe(hostile);
	});
});

describe('environment faults: one line naming the file and what to do, exit 2', () => {
	it('a lock file that is a directory', async () => {
		const file = tmpStore();
		mkdirSync(lockPath(file));
		const before = readFileSync(file);
		const r = await run(['set', '3.4.1.1', '--analys', 'x', '--data', file]);
		expect([r.code, r.stderr]).toEqual([2, `malkoll: ${lockPath(file)}: låsfilen är en mapp; ta bort den (rmdir ${lockPath(file)}) om ingen malkoll körs\n`]);
		expect(readFileSync(file)).toEqual(before);
	});

	it('a history line whose period is __proto__ (history and restore)', async () => {
		const file = tmpStore();
		expect((await run(['set', '3.4.1.1', '--analys', 'första', '--data', file])).code).toBe(0);
		const line = {at: '2025-05-01T10:00:00.000Z', author: 'x', op: 'set', entity: 'goal', id: '3.4.1.1', period: '__proto__', field: 'analys', old: null, new: 'förgiftad'};
		writeFileSync(historyPath(file), `${readFileSync(historyPath(file), 'utf8')}${JSON.stringify(line)}\n`);
		const before = readFileSync(file);
		for (const args of [['history', '3.4.1.1'], ['restore', '3.4.1.1', '--version', '2']]) {
			const r = await run([...args, '--data', file]);
			expect([r.code, r.stderr], args.join(' ')).toEqual([2, `malkoll: ${historyPath(file)}:2: okänd period "__proto__" (VP, T1, T2, VB); rätta eller ta bort raden\n`]);
		}
		expect(readFileSync(file)).toEqual(before);
		expect(({} as Record<string, unknown>).analys).toBeUndefined();
	});

	it('a failure injected at each kind (ENOSPC, EFBIG, EACCES, EIO, EROFS) before the store is replaced', async () => {
		const file = tmpStore();
		const before = readFileSync(file);
		const words: Record<string, string> = {ENOSPC: 'disken är full', EFBIG: 'ulimit -f', EACCES: 'ingen behörighet', EIO: 'kontrollera disken', EROFS: 'skrivskyddat'};
		for (const [kind, word] of Object.entries(words)) {
			process.env.MALKOLL_FAULT = `temp-write:${kind}`;
			try {
				const r = await run(['set', '3.4.1.1', '--analys', 'x', '--data', file]);
				expect(r.code, r.stderr).toBe(2);
				expect(r.stderr).toMatch(new RegExp(`^malkoll: ${file}: kunde inte spara, [^\\n]*${word}[^\\n]*\\n$`));
			} finally {
				delete process.env.MALKOLL_FAULT;
			}
			expect(readFileSync(file)).toEqual(before);
			expect(readdirSync(dirname(file))).toEqual(['store.json']);
		}
	});
});

describe('a lock held for long', () => {
	it('shows the date and time it was taken, never 00:00:00 or Invalid Date', async () => {
		const file = tmpStore();
		// pid 1 is alive on this host: the lock is live, and was taken a year ago.
		writeFileSync(lockPath(file), `${JSON.stringify({pid: 1, host: hostname(), time: '2025-12-06T09:30:00.000Z', token: 'x'})}\n`);
		await expect(withLock(file, async () => 0, {timeoutMs: 0})).rejects.toThrow(/\(process 1, sedan 2025-12-06 10:30\);/);
		// Taken today: the time alone; a time that is none: no time at all.
		for (const [time, shown] of [[new Date(Date.now() - 60_000).toISOString(), /\(process 1, sedan \d\d:\d\d:\d\d\);/], ['inte en tid', /\(process 1\);/]] as const) {
			writeFileSync(lockPath(file), `${JSON.stringify({pid: 1, host: hostname(), time, token: 'x'})}\n`);
			await expect(withLock(file, async () => 0, {timeoutMs: 0})).rejects.toThrow(shown);
		}
	});
});

describe('a history made by an older malkoll', () => {
	it('at 0644 beside a 0600 store is brought to 0600 by the next change', async () => {
		const file = tmpStore();
		chmodSync(file, 0o600);
		writeFileSync(historyPath(file), '');
		expect((await run(['set', '3.4.1.1', '--analys', 'första', '--data', file])).code).toBe(0);
		chmodSync(historyPath(file), 0o644);
		expect((await run(['set', '3.4.1.1', '--analys', 'andra', '--data', file])).code).toBe(0);
		expect((statSync(historyPath(file)).mode & 0o777).toString(8)).toBe('600');
	});
});
