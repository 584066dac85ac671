// The corpus in test/bad-inputs/: every bad input gives exit 2 and one line naming the file and
// what is wrong, no stack trace, and leaves every file byte for byte as it was.
import {spawn} from 'node:child_process';
import {chmodSync, cpSync, mkdtempSync, readFileSync, readdirSync, statSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {basename, join} from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import {BUNDLED, ROOT, privateCli, run} from './helpers.js';

interface Fall {
	fil: string | null;
	kommandon: 'store' | string[][];
	ord: string[];
	saknas?: boolean;
	skrivskyddad?: boolean;
}

const CORPUS = join(ROOT, 'test', 'bad-inputs');
const {fall} = JSON.parse(readFileSync(join(CORPUS, 'manifest.json'), 'utf8')) as {fall: Fall[]};

/** A bad store is refused the same way by every command that opens it, reading or writing. */
const STORE_COMMANDS = [
	['summary', '--data', '{fil}'],
	['show', '3.4.1.1', '--data', '{fil}'],
	['export', '--json', '--data', '{fil}'],
	['set', '3.4.1.1', '--status', 'delvis', '--data', '{fil}'],
	['validate', '{fil}'],
];

const READING_COMMANDS = [
	['summary', '--data', '{fil}'],
	['show', '3.4.1.1', '--data', '{fil}'],
	['export', '--json', '--data', '{fil}'],
	['history', '--data', '{fil}'],
	['validate', '{fil}'],
];

interface Setup {
	dir: string;
	vars: Record<string, string>;
}

/** The case's file (or folder) and a valid store in a fresh folder. */
function setup(f: Fall): Setup {
	const dir = mkdtempSync(join(tmpdir(), 'malkoll-bad-'));
	const fil = join(dir, f.fil ?? 'ingen-fil');
	if (f.fil && !f.saknas) cpSync(join(CORPUS, f.fil), fil, {recursive: true});
	cpSync(BUNDLED, join(dir, 'store.json'));
	if (f.skrivskyddad) chmodSync(fil, 0o444);
	return {dir, vars: {fil, namn: basename(fil), store: join(dir, 'store.json'), ny: join(dir, 'ny.json')}};
}

function fill(text: string, vars: Record<string, string>): string {
	return text.replace(/\{(\w+)\}/g, (m, k: string) => vars[k] ?? m);
}

/** Every file under `dir` with its bytes and mode: what must not change. */
function snapshot(dir: string): Record<string, string> {
	const out: Record<string, string> = {};
	for (const name of readdirSync(dir, {recursive: true}) as string[]) {
		const p = join(dir, name);
		const s = statSync(p);
		out[name] = s.isDirectory() ? `mapp ${s.mode}` : `${s.mode} ${readFileSync(p).toString('base64')}`;
	}
	return out;
}

function commands(f: Fall, vars: Record<string, string>): string[][] {
	return (f.kommandon === 'store' ? STORE_COMMANDS : f.kommandon).map(args => args.map(a => fill(a, vars)));
}

function checkError(r: {code: number; stdout: string; stderr: string}, words: string[], what: string): void {
	expect(r.code, `${what}: ${r.stderr}`).toBe(2);
	expect(r.stdout, what).toBe('');
	expect(r.stderr, what).toMatch(/^malkoll: [^\n]+\n$/);
	expect(r.stderr, what).not.toMatch(/\bat .+:\d+:\d+|internt fel/);
	for (const w of words) expect(r.stderr, what).toContain(w);
}

let cli: string;

beforeAll(() => {
	cli = privateCli();
});

function spawnCli(args: string[]): Promise<{code: number; stdout: string; stderr: string}> {
	return new Promise(resolve => {
		const p = spawn(process.execPath, [cli, ...args], {env: {...process.env, NO_COLOR: '1', MALKOLL_DATA: ''}, stdio: ['ignore', 'pipe', 'pipe']});
		let stdout = '';
		let stderr = '';
		p.stdout.on('data', d => (stdout += d));
		p.stderr.on('data', d => (stderr += d));
		p.on('close', code => resolve({code: code ?? -1, stdout, stderr}));
	});
}

describe('the bad-input corpus', () => {
	it('holds at least 50 cases, each file in the folder named by one case', () => {
		expect(fall.length).toBeGreaterThanOrEqual(50);
		const named = new Set(fall.filter(f => f.fil && !f.saknas).map(f => f.fil));
		expect(readdirSync(CORPUS).filter(n => n !== 'manifest.json').sort()).toEqual([...named].sort());
		for (const f of fall) expect(f.ord.length, String(f.fil)).toBeGreaterThan(0);
	});

	it.each(fall.map(f => [f.fil ?? (f.kommandon as string[][])[0]!.slice(0, 2).join(' '), f] as const))('%s: exit 2, one line with its words, files untouched', async (_, f) => {
		const {dir, vars} = setup(f);
		const before = snapshot(dir);
		for (const args of commands(f, vars)) {
			checkError(await run(args), f.ord.map(w => fill(w, vars)), args.join(' '));
			expect(snapshot(dir), args.join(' ')).toEqual(before);
		}
	});

	it('gives the same one line from the built CLI as a real process (every fifth case: a spawn costs ~0.3 s)', async () => {
		const queue = fall.filter((_, i) => i % 5 === 0).map(f => {
			const {dir, vars} = setup(f);
			return {f, dir, vars, args: commands(f, vars).at(-1)!};
		});
		const worker = async () => {
			for (let job = queue.shift(); job; job = queue.shift()) {
				const before = snapshot(job.dir);
				checkError(await spawnCli(job.args), job.f.ord.map(w => fill(w, job.vars)), job.args.join(' '));
				expect(snapshot(job.dir)).toEqual(before);
			}
		};
		await Promise.all([worker(), worker()]);
	}, 60_000);
});

describe('limits that are not too tight', () => {
	it('a file without write permission is still read by every reading command', async () => {
		const f = fall.find(x => x.skrivskyddad)!;
		const {dir, vars} = setup(f);
		const before = snapshot(dir);
		for (const args of READING_COMMANDS) {
			const r = await run(args.map(a => fill(a, vars)));
			expect([r.code, r.stderr], args.join(' ')).toEqual([0, '']);
		}
		expect((await run(['show', '3.4:i2', '--data', vars.fil!])).stdout).toContain('8,2\u00a0%');
		expect(snapshot(dir)).toEqual(before);
	});

	it('a real 20 KB analysis is taken and stored exactly; one character over the limit is not', async () => {
		const {vars} = setup({fil: 'analys-for-lang.txt', kommandon: [], ord: []});
		const real = readFileSync(vars.fil!, 'utf8');
		const analys20 = real.slice(0, 20_000);
		const ok = await run(['set', '3.4.1.1', '--analys', analys20, '--data', vars.store!]);
		expect([ok.code, ok.stderr]).toEqual([0, '']);
		expect(JSON.parse(readFileSync(vars.store!, 'utf8')).followUp.VB.goals['3.4.1.1'].analys).toBe(analys20);
		const over = await run(['set', '3.4.1.1', '--analys', real.slice(0, 100_001), '--data', vars.store!]);
		checkError(over, ['texten är 100001 tecken, högst 100000'], 'över gränsen');
	});
});
