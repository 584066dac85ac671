// A store on a shared group folder written by two users (issue 13, item 5): two real uids, each
// with a primary group of their own and both in the folder's group, take turns through set,
// import --into, period, rm and restore. Every file malkoll leaves has the store's group and mode,
// so the other user can still read and write; a group that cannot be given is refused before
// anything is written, with what to set.
import {spawn, spawnSync} from 'node:child_process';
import {chmodSync, chownSync, copyFileSync, mkdirSync, readFileSync, readdirSync, statSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import {BUNDLED, privateCli, tmpDir} from './helpers.js';
import {throughEveryCommand} from './write-path-helpers.js';

const A = {uid: 47101, gid: 47101};
const B = {uid: 47102, gid: 47102};
const SHARED = 47200;
const OTHER = 47300;

const why =
	process.geteuid?.() !== 0
		? 'the tests do not run as root, so they cannot act as two users'
		: spawnSync('setpriv', ['--version']).status !== 0
			? 'setpriv (util-linux) is missing'
			: undefined;
if (why) console.log(`group-folder.test.ts skipped: ${why}`);

let cli: string;
beforeAll(() => {
	if (why) return;
	cli = privateCli();
	// The private build lives in a folder only root may enter.
	chmodSync(dirname(cli), 0o755);
});

type User = {uid: number; gid: number};

function as(user: User, groups: number[], args: string[]): Promise<{code: number; stdout: string; stderr: string}> {
	return new Promise(resolve => {
		const p = spawn('setpriv', [`--reuid=${user.uid}`, `--regid=${user.gid}`, `--groups=${groups.join(',')}`, process.execPath, cli, ...args], {
			env: {...process.env, NO_COLOR: '1', MALKOLL_DATA: '', MALKOLL_CACHE: 'off', HOME: '/nonexistent'},
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let stdout = '';
		let stderr = '';
		p.stdout.on('data', d => (stdout += d));
		p.stderr.on('data', d => (stderr += d));
		p.on('close', code => resolve({code: code ?? -1, stdout, stderr}));
	});
}

/** A folder of the shared group (0775, no g+s) holding a store of A's, 0664 in `group`. */
function sharedFolder(group: number, storeMode = 0o664): string {
	const top = tmpDir();
	chmodSync(top, 0o755);
	const dir = join(top, 'delad');
	mkdirSync(dir);
	chownSync(dir, 0, SHARED);
	chmodSync(dir, 0o775);
	const file = join(dir, 's.json');
	copyFileSync(BUNDLED, file);
	chownSync(file, A.uid, group);
	chmodSync(file, storeMode);
	return file;
}

function listing(dir: string): Record<string, string> {
	return Object.fromEntries(
		readdirSync(dir).map(n => {
			const s = statSync(join(dir, n));
			return [n, `${s.gid} ${(s.mode & 0o777).toString(8)}`];
		}),
	);
}

describe.skipIf(why)('a store on a group folder written by two users', () => {
	it('stays readable and writable by both through set, import --into, rm, restore and period, taken in turns', async () => {
		const file = sharedFolder(SHARED);
		let turn = 0;
		await throughEveryCommand(file, file, args => as(turn++ % 2 === 0 ? B : A, [SHARED], args));
		const expected = `${SHARED} 664`;
		expect(listing(dirname(file))).toEqual({'s.json': expected, 's.json.bak': expected, 's.json.history.jsonl': expected});
		// And the first user again, after the second wrote last.
		for (const user of [A, B]) {
			const r = await as(user, [SHARED], ['set', '3.4.1.1', '--analys', `från ${user.uid}`, '--data', file]);
			expect([r.code, r.stderr]).toEqual([0, '']);
		}
		expect(listing(dirname(file))).toEqual({'s.json': expected, 's.json.bak': expected, 's.json.history.jsonl': expected});
	});

	it('refuses before writing when the store has a group the writer is not in, and says to set g+s; with g+s the folder’s group stands', async () => {
		const file = sharedFolder(OTHER, 0o666);
		const dir = dirname(file);
		const before = readFileSync(file);
		const r = await as(B, [SHARED], ['set', '3.4.1.1', '--analys', 'från B', '--data', file]);
		expect([r.code, r.stderr]).toEqual([2, `malkoll: ${file}: en ny fil här får gruppen ${B.gid}, inte filens grupp ${OTHER} som du inte är med i; kör chmod g+s ${dir} så får nya filer mappens grupp (${SHARED})\n`]);
		expect(readFileSync(file)).toEqual(before);
		expect(readdirSync(dir)).toEqual(['s.json']);
		chmodSync(dir, 0o2775);
		const ok = await as(B, [SHARED], ['set', '3.4.1.1', '--analys', 'från B', '--data', file]);
		expect([ok.code, ok.stderr]).toEqual([0, '']);
		expect(listing(dir)).toEqual({'s.json': `${SHARED} 666`, 's.json.bak': `${OTHER} 666`, 's.json.history.jsonl': `${SHARED} 666`});
		const a = await as(A, [SHARED], ['set', '3.4.1.1', '--analys', 'från A', '--data', file]);
		expect([a.code, a.stderr]).toEqual([0, '']);
	});

	it('a lock file the writer may not read is one line naming it, exit 2', async () => {
		const file = sharedFolder(SHARED);
		const lock = `${file}.lock`;
		const holder = spawnSync('setpriv', [`--reuid=${A.uid}`, `--regid=${A.gid}`, `--groups=${SHARED}`, 'sh', '-c', `umask 077; echo '{}' > ${lock}`]);
		expect(holder.status).toBe(0);
		const r = await as(B, [SHARED], ['set', '3.4.1.1', '--analys', 'x', '--data', file]);
		expect([r.code, r.stderr]).toEqual([2, `malkoll: ${lock}: låsfilen går inte att läsa (behörighet); ta bort den om ingen malkoll körs\n`]);
	});
});
