// Crash safety under SIGKILL: the real CLI killed at each named fault point of the write path,
// and a writer killed at random moments while it saves a 20 KB analysis over and over. After
// every kill the store (and its .bak) loads and validates, holds the state before or after the
// change that was in flight, keeps every change reported as saved, and the next writer takes the
// dead writer's lock without waiting.
import {spawn} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import type {Op} from '../source/domain/ops.js';
import type {FaultPoint} from '../source/store/atomic.js';
import {lockPath, withLock} from '../source/store/lock.js';
import {applyChanges, loadStore, readHistory} from '../source/store/index.js';
import {privateCli, ROOT, storeModuleDir} from './helpers.js';

const ORIGINAL = readFileSync(join(ROOT, 'data', 'bestallarenhet-2-2025.json'), 'utf8');
const POINTS: FaultPoint[] = ['after-temp-write', 'after-fsync', 'before-rename', 'after-rename', 'holding-lock'];
const PER_POINT = 16;
const RANDOM_KILLS = 120;
const RANDOM_STORES = 3;

/** A real chef's analysis (Beställarenhet 2, VB 2025) repeated to 20 KB, the size a long one reaches. */
const ANALYS_20KB = (() => {
	const real = ['bemotande', 'arbetsgivare', 'energi'].map(n => readFileSync(join(ROOT, 'test', 'fixtures', `domain-003-analys-${n}.txt`), 'utf8')).join('\n\n');
	return real.repeat(Math.ceil(20_000 / real.length)).slice(0, 20_000);
})();

const LOOP = `
import {applyChanges} from './store.mjs';
const [file, prefix, big] = process.argv.slice(2);
process.stdout.write('klar\\n');
for (let i = 1; ; i++) {
	await applyChanges(file, [{op: 'set', period: 'VB', entity: 'goal', id: '3.4.1.1', field: 'analys', value: prefix + ' ' + i + '\\n' + big}], {author: 'slump'});
	process.stdout.write('sparat ' + i + '\\n');
}
`;

let cli: string;
let loop: string;

beforeAll(async () => {
	const dir = await storeModuleDir();
	cli = privateCli();
	loop = join(dir, 'loop.mjs');
	writeFileSync(loop, LOOP);
});

interface Exit {
	signal: NodeJS.Signals | null;
	code: number | null;
	stdout: string;
	stderr: string;
	pid: number;
}

/** Runs node `args`; `killAfterMs` kills it that long after it printed its first line. */
function node(args: string[], env: NodeJS.ProcessEnv = {}, killAfterMs?: number): Promise<Exit> {
	return new Promise(resolve => {
		const p = spawn(process.execPath, args, {env: {...process.env, NO_COLOR: '1', MALKOLL_DATA: '', ...env}, stdio: ['ignore', 'pipe', 'pipe']});
		let stdout = '';
		let stderr = '';
		let armed = false;
		p.stdout.on('data', d => {
			stdout += d;
			if (killAfterMs !== undefined && !armed) {
				armed = true;
				setTimeout(() => p.kill('SIGKILL'), killAfterMs);
			}
		});
		p.stderr.on('data', d => (stderr += d));
		p.on('close', (code, signal) => resolve({code, signal, stdout, stderr, pid: p.pid!}));
	});
}

function tmpStore(): string {
	const file = join(mkdtempSync(join(tmpdir(), 'malkoll-fault-')), 'data.json');
	writeFileSync(file, ORIGINAL);
	return file;
}

const analysOp = (value: string): Op => ({op: 'set', period: 'VB', entity: 'goal', id: '3.4.1.1', field: 'analys', value});

async function analysOnDisk(file: string): Promise<string | undefined> {
	return (await loadStore(file)).followUp.VB?.goals['3.4.1.1']?.analys;
}

/** The store and its backup both load and validate; returns the analysis in the store. */
async function loadsWhole(file: string): Promise<string | undefined> {
	if (existsSync(`${file}.bak`)) await loadStore(`${file}.bak`);
	return analysOnDisk(file);
}

/** The lock a killed writer left is taken at once: with no time to wait, a live holder would fail. */
async function lockTakenAtOnce(file: string): Promise<void> {
	expect(await withLock(file, async () => 'fick låset', {timeoutMs: 0})).toBe('fick låset');
	expect(existsSync(lockPath(file))).toBe(false);
}

function report(title: string, hits: Record<string, number>): void {
	const total = Object.values(hits).reduce((a, b) => a + b, 0);
	console.log(`${title} (${total} kills):\n${Object.entries(hits).map(([k, n]) => `  ${k.padEnd(36)} ${n}`).join('\n')}`);
}

describe('SIGKILL on the write path', () => {
	it(`at each named fault point (${PER_POINT} kills of \`malkoll set\` per point) loses nothing saved`, async () => {
		const hits: Record<string, number> = {};
		const historyGaps: Record<string, number> = {};
		await Promise.all(
			POINTS.map(async point => {
				const file = tmpStore();
				const saved: string[] = [];
				// Changes of killed writers that did land (killed after the rename): recorded by the next writer.
				const landed: string[] = [];
				let before = await analysOnDisk(file);
				hits[point] = 0;
				historyGaps[point] = 0;
				for (let i = 1; i <= PER_POINT; i++) {
					const attempt = `${point} försök ${i}: Bedömningen grundas på tre förväntade resultat.\nPunkt 1: ${ANALYS_20KB.slice(0, 500)}`;
					const r = await node([cli, 'set', '3.4.1.1', '--analys', attempt, '--author', 'dödad', '--data', file], {MALKOLL_FAULT: point});
					expect([r.signal, r.stderr]).toEqual(['SIGKILL', '']);
					hits[point]!++;
					// Every point is inside the lock, so each kill leaves the dead writer's lock behind.
					expect(JSON.parse(readFileSync(lockPath(file), 'utf8')).pid).toBe(r.pid);
					const after = await loadsWhole(file);
					expect(after).toBe(point === 'after-rename' ? attempt : before);
					if (point === 'after-rename' && !(await readHistory(file, '3.4.1.1')).some(c => c.new === attempt)) historyGaps[point]!++;
					await lockTakenAtOnce(file);

					const text = `${point} sparad ${i}\n${ANALYS_20KB}`;
					await applyChanges(file, [analysOp(text)], {author: 'chef'});
					saved.push(text);
					if (point === 'after-rename') landed.push(attempt);
					before = text;
					// The next writer has finished what the killed one left pending.
					expect(existsSync(`${file}.history.pending`)).toBe(false);
				}
				const history = await readHistory(file, '3.4.1.1');
				expect(history.filter(c => c.author === 'chef').map(c => c.new)).toEqual(saved);
				// Exactly the killed writers' changes that landed are recorded, each before the next one's.
				expect(history.filter(c => c.author === 'dödad').map(c => c.new)).toEqual(landed);
				if (point === 'after-rename') expect(history.map(c => c.author)).toEqual(saved.flatMap(() => ['dödad', 'chef']));
				expect(await analysOnDisk(file)).toBe(saved.at(-1));
				// The killed writers' temp files went with the next write: their pids are gone.
				expect(readdirSync(dirname(file)).filter(f => f.endsWith('.tmp'))).toEqual([]);
			}),
		);
		report('Dödade vid namngivna felpunkter', hits);
		report('  varav ändringen i filen men ännu inte i historiken (nästa skrivare för in den)', historyGaps);
		expect(Object.values(hits).reduce((a, b) => a + b, 0)).toBe(POINTS.length * PER_POINT);
	}, 120_000);

	it(`at ${RANDOM_KILLS} random moments while a 20 KB analysis is saved again and again`, async () => {
		const hits: Record<string, number> = {
			'utanför låset': 0,
			'i låset, före temp-filen': 0,
			'temp-filen skriven, före rename': 0,
			'efter rename, före historiken': 0,
			'efter historiken, före upplåsning': 0,
		};
		let savedTotal = 0;
		await Promise.all(
			Array.from({length: RANDOM_STORES}, async (_, s) => {
				const file = tmpStore();
				let current = await analysOnDisk(file);
				for (let k = 1; k <= RANDOM_KILLS / RANDOM_STORES; k++) {
					const prefix = `S${s} R${k}`;
					const value = (i: number) => `${prefix} ${i}\n${ANALYS_20KB}`;
					const r = await node([loop, file, prefix, ANALYS_20KB], {}, Math.random() * 60);
					expect([r.signal, r.stderr]).toEqual(['SIGKILL', '']);
					const reported = [...r.stdout.matchAll(/^sparat (\d+)$/gm)].map(m => Number(m[1]));
					const saved = reported.at(-1) ?? 0;
					savedTotal += saved;

					const held = existsSync(lockPath(file));
					const temp = readdirSync(dirname(file)).some(f => f.startsWith(`.data.json.${r.pid}.`) && f.endsWith('.tmp'));
					const after = await loadsWhole(file);
					// The state before or after the change in flight; never anything else.
					expect([saved === 0 ? current : value(saved), value(saved + 1)]).toContain(after);
					const history = (await readHistory(file, '3.4.1.1')).filter(c => typeof c.new === 'string' && c.new.startsWith(`${prefix} `));
					const inHistory = history.map(c => Number((c.new as string).split(/[ \n]/)[2]));
					// Every change reported as saved is in the store's history, in order.
					expect(inHistory.slice(0, saved)).toEqual(Array.from({length: saved}, (_, i) => i + 1));
					const flightInFile = after === value(saved + 1);
					const flightInHistory = inHistory.length > saved;
					if (!held) hits['utanför låset']!++;
					else if (temp) hits['temp-filen skriven, före rename']!++;
					else if (flightInFile && flightInHistory) hits['efter historiken, före upplåsning']!++;
					else if (flightInFile) hits['efter rename, före historiken']!++;
					else hits['i låset, före temp-filen']!++;
					if (held) expect(JSON.parse(readFileSync(lockPath(file), 'utf8') || '{}').pid ?? r.pid).toBe(r.pid);
					await lockTakenAtOnce(file);
					current = after;
				}
				// The store still takes a change after all the kills.
				await applyChanges(file, [analysOp('efter alla krascher')], {author: 'chef'});
				expect(await analysOnDisk(file)).toBe('efter alla krascher');
			}),
		);
		report('Dödade vid slumpvisa tidpunkter, var dödsstöten träffade', hits);
		console.log(`  sparade och rapporterade ändringar före dödsstötarna: ${savedTotal}`);
		expect(Object.values(hits).reduce((a, b) => a + b, 0)).toBe(RANDOM_KILLS);
		// The random kills land inside the write path, not only between writes.
		expect(RANDOM_KILLS - hits['utanför låset']!).toBeGreaterThan(RANDOM_KILLS / 8);
	}, 120_000);
});
