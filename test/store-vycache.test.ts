// summary's copy of a large store (store/vycache.ts): made only when the file's last change is old
// enough, used while the file is unchanged, never after any write, never by validate.
import {existsSync, readFileSync, readdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import type {StoreData} from '../source/domain/types.js';
import {applyChanges, loadStore, serializeStore} from '../source/store/index.js';
import {MIN_STORLEK} from '../source/store/vycache.js';
import {BUNDLED, freshCacheEachTest, tmpDir} from './helpers.js';

freshCacheEachTest();

const kopior = () => {
	const dir = join(process.env.MALKOLL_CACHE!, 'vy');
	return existsSync(dir) ? readdirSync(dir).map(f => join(dir, f)) : [];
};
const sov = (ms: number) => new Promise(r => setTimeout(r, ms));

/** The bundled store with long analyses: over MIN_STORLEK, canonical. */
function storStore(): string {
	const data: StoreData = JSON.parse(readFileSync(BUNDLED, 'utf8'));
	for (const id of Object.keys(data.followUp.VB!.goals)) data.followUp.VB!.goals[id]!.analys = `Bedömningen grundas på ${'mycket '.repeat(12_000)}`;
	for (const id of Object.keys(data.followUp.VB!.indicators)) data.followUp.VB!.indicators[id]!.analys = `Utfallet ${'förklaras '.repeat(5000)}`;
	const file = join(tmpDir(), 'stor.json');
	writeFileSync(file, serializeStore(data));
	expect(readFileSync(file).length).toBeGreaterThan(MIN_STORLEK);
	return file;
}

describe("summary's copy of a large store", () => {
	it('is made once the last change is a few seconds old, used while the file is unchanged, and never after a write', async () => {
		const file = storStore();
		await loadStore(file);
		await loadStore(file, {utanLangaTexter: true});
		// Changed less than two seconds ago: a write in the same clock tick would not show.
		expect(kopior()).toEqual([]);
		await sov(2100);
		const full = await loadStore(file, {utanLangaTexter: true});
		expect(kopior()).toHaveLength(1);
		const [kopia] = kopior();
		// The next read takes the copy (shown by a mark put into it here), not the file.
		writeFileSync(kopia!, readFileSync(kopia!, 'utf8').replace('"Beställarenhet 2"', '"Märkt i kopian"'));
		expect((await loadStore(file, {utanLangaTexter: true})).organisation.namn).toBe('Märkt i kopian');
		// Other commands, and validate, read the file.
		expect((await loadStore(file)).organisation.namn).toBe(full.organisation.namn);
		expect((await loadStore(file, {strict: true})).organisation.namn).toBe(full.organisation.namn);
		// Any write: the copy no longer matches the file, and no new one is made yet (racy).
		await applyChanges(file, [{op: 'set', period: 'VB', entity: 'goal', id: '3.4.1.1', field: 'status', value: 'delvis'}], {ids: ['3.4.1.1']});
		const after = await loadStore(file, {utanLangaTexter: true});
		expect(after.organisation.namn).toBe('Beställarenhet 2');
		expect(after.followUp.VB!.goals['3.4.1.1']!.status).toBe('delvis');
		expect(readFileSync(kopia!, 'utf8')).toContain('"Märkt i kopian"');
	}, 20_000);

	it('is not made of a small store, nor with MALKOLL_CACHE=off', async () => {
		const small = join(tmpDir(), 'liten.json');
		writeFileSync(small, readFileSync(BUNDLED));
		await loadStore(small);
		await loadStore(small, {utanLangaTexter: true});
		expect(kopior()).toEqual([]);
		process.env.MALKOLL_CACHE = 'off';
		const file = storStore();
		await loadStore(file, {utanLangaTexter: true});
		process.env.MALKOLL_CACHE = tmpDir();
		expect(kopior()).toEqual([]);
	});
});
