// What a killed writer leaves in <store>.history.pending is finished or dropped by the next writer:
// recorded once when the store is the version it wrote, dropped when it is not.
import {existsSync, readFileSync, writeFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import type {Change} from '../source/domain/ops.js';
import {applyChanges, readHistory} from '../source/store/index.js';
import {pendingPath, sha256, stadaVantande} from '../source/store/vantande.js';
import {tmpStore} from './helpers.js';

const change = (n: number): Change => ({at: `2026-01-0${n}T10:00:00.000Z`, author: 'dödad', op: 'set', entity: 'goal', id: '3.4.1.1', period: 'VB', field: 'analys', old: null, new: `försök ${n}`});
const pending = (sha: string, changes: Change[]) => `${JSON.stringify({sha256: sha})}\n${changes.map(c => `${JSON.stringify(c)}\n`).join('')}`;

describe('pending history lines', () => {
	it('are recorded when the store is the version they belong to, and only once', async () => {
		const file = tmpStore();
		writeFileSync(pendingPath(file), pending(sha256(readFileSync(file)), [change(1), change(2)]));
		await stadaVantande(file);
		expect((await readHistory(file)).map(c => c.new)).toEqual(['försök 1', 'försök 2']);
		expect(existsSync(pendingPath(file))).toBe(false);
		// Killed after the append, before the removal: not recorded twice.
		writeFileSync(pendingPath(file), pending(sha256(readFileSync(file)), [change(1), change(2)]));
		await stadaVantande(file);
		expect((await readHistory(file)).map(c => c.new)).toEqual(['försök 1', 'försök 2']);
	});

	it('are dropped when the store is another version, or the file was torn', async () => {
		const file = tmpStore();
		writeFileSync(pendingPath(file), pending('0'.repeat(64), [change(1)]));
		await stadaVantande(file);
		expect(await readHistory(file)).toEqual([]);
		expect(existsSync(pendingPath(file))).toBe(false);
		writeFileSync(pendingPath(file), pending(sha256(readFileSync(file)), [change(1)]).slice(0, 90));
		await stadaVantande(file);
		expect(await readHistory(file)).toEqual([]);
		expect(existsSync(pendingPath(file))).toBe(false);
	});

	it('are finished before malkoll history lists the changes', async () => {
		const {run} = await import('./helpers.js');
		const file = tmpStore();
		writeFileSync(pendingPath(file), pending(sha256(readFileSync(file)), [change(3)]));
		const r = await run(['history', '3.4.1.1', '--json', '--data', file]);
		expect(r.code).toBe(0);
		expect(JSON.parse(r.stdout).map((c: Change) => c.new)).toEqual(['försök 3']);
		expect(existsSync(pendingPath(file))).toBe(false);
	});

	it('are finished by the next change, before its own lines', async () => {
		const file = tmpStore();
		writeFileSync(pendingPath(file), pending(sha256(readFileSync(file)), [change(1)]));
		await applyChanges(file, [{op: 'set', period: 'VB', entity: 'goal', id: '3.4.1.1', field: 'analys', value: 'Ny'}], {author: 'chef'});
		expect((await readHistory(file)).map(c => c.author)).toEqual(['dödad', 'chef']);
		expect(existsSync(pendingPath(file))).toBe(false);
	});
});
