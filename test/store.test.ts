import {appendFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import type {Op} from '../source/domain/ops.js';
import type {Indicator, StoreData} from '../source/domain/types.js';
import {MalkollError} from '../source/errors.js';
import {
	BUNDLED_STORE,
	applyChanges,
	bundledDataDir,
	defaultStorePath,
	historyPath,
	loadStore,
	parseStore,
	readHistory,
	resolveStorePath,
	serializeStore,
	watchStore,
	writeStore,
} from '../source/store/index.js';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const BUNDLED = join(ROOT, 'data', BUNDLED_STORE);
const ORIGINAL = readFileSync(BUNDLED, 'utf8');

function tmpDir(): string {
	return mkdtempSync(join(tmpdir(), 'malkoll-store-'));
}

/** A copy of the bundled store (Beställarenhet 2, VB 2025) in a fresh folder. */
function tmpStore(text = ORIGINAL): string {
	const file = join(tmpDir(), 'data.json');
	writeFileSync(file, text);
	return file;
}

function mutated(change: (d: Record<string, any>) => void): string {
	const d = JSON.parse(ORIGINAL);
	change(d);
	return JSON.stringify(d, null, 2);
}

async function loadError(file: string): Promise<string> {
	const error = await loadStore(file).then(
		() => undefined,
		(e: unknown) => e,
	);
	expect(error).toBeInstanceOf(MalkollError);
	const message = (error as MalkollError).message;
	expect(message).not.toContain('\n');
	return message;
}

const sjuk: Op = {op: 'set', period: 'VB', entity: 'indicator', id: '3.4:i2', field: 'analys', value: 'Sjukfrånvaron 8,2 % ligger över årsmålet 7,2 %.\n"Punkt 1:" åtgärder 🙂'};

describe('loadStore', () => {
	it('reads the bundled store of Beställarenhet 2 with its real values', async () => {
		const data = await loadStore(BUNDLED);
		expect(data.organisation.namn).toBe('Beställarenhet 2');
		expect(data.goals.filter(g => g.niva === 'enhetsmal')).toHaveLength(6);
		const id = data.indicators.find(i => i.namn === 'Sjukfrånvaro')!.id;
		expect(data.followUp.VB!.indicators[id]!.utfall).toEqual({raw: '8,2 %', value: 8.2, unit: '%'});
	});

	it.each([
		['a missing comma', '{\n  "schemaVersion": 1\n  "year": 2025\n}\n', ':3:3: ogiltig JSON'],
		['a stray brace (V8 gives no position)', '{\n\t"year": 2025,\n\t"x": }\n', ':3:7: ogiltig JSON: oväntat "}", väntade ett värde'],
		['a trailing comma', '{\n  "a": [1,\n    2,\n  ]\n}', ':4:3: ogiltig JSON: kommatecken före ]'],
		['a raw line break in a text', '{\n  "titel": "Enheten är\nen god arbetsgivare"\n}', ':2:23: ogiltig JSON: radbrytning'],
		['text after the value', '{"year": 2025}\n}', ':2:1: ogiltig JSON: oväntat "}" efter slutet'],
	])('names line:column for %s', async (_, text, expected) => {
		const file = tmpStore(text);
		expect((await loadError(file)).startsWith(`${file}${expected}`)).toBe(true);
	});

	it('names the last line of a file cut off in the middle', async () => {
		const cut = ORIGINAL.slice(0, Math.floor(ORIGINAL.length / 2));
		const lines = cut.split('\n');
		const file = tmpStore(cut);
		expect(await loadError(file)).toMatch(new RegExp(`^${file}:${lines.length}:${lines.at(-1)!.length + 1}: ogiltig JSON: filen tar slut`));
	});

	it('refuses an empty file, a blank file, a folder and a missing file, naming the file', async () => {
		expect(await loadError(tmpStore(''))).toMatch(/data\.json: filen är tom$/);
		expect(await loadError(tmpStore(' \n\t\n'))).toMatch(/data\.json: filen är tom$/);
		const dir = tmpDir();
		expect(await loadError(dir)).toBe(`${dir}: är en mapp, inte en fil`);
		expect(await loadError(join(dir, 'saknas.json'))).toBe(`${join(dir, 'saknas.json')}: filen finns inte`);
	});

	it('refuses a file saved as Windows-1252 and names the line of the first bad byte', async () => {
		const file = join(tmpDir(), 'data.json');
		writeFileSync(file, Buffer.from(ORIGINAL, 'latin1'));
		const line = ORIGINAL.split('\n').findIndex(l => /[^\x00-\x7f]/.test(l)) + 1;
		expect(await loadError(file)).toBe(`${file}:${line}: inte giltig UTF-8 (byte 0xE4, kanske Windows-1252); spara filen som UTF-8`);
	});

	it('accepts a UTF-8 byte order mark (Notepad)', async () => {
		const data = await loadStore(tmpStore(`\ufeff${ORIGINAL}`));
		expect(data.organisation.namn).toBe('Beställarenhet 2');
	});

	it.each<[string, (d: Record<string, any>) => void, string]>([
		['a title that is not text', d => (d.goals[3].titel = 42), '$.goals[3].titel: väntade text'],
		['a missing level', d => delete d.goals[0].niva, '$.goals[0].niva: saknas (väntade im, vo, namndmal, enhetsmal)'],
		['a misspelt field', d => (d.goals[2].titl = 'x'), '$.goals[2].titl: okänt fält'],
		['an unknown status', d => (d.followUp.VB.goals['3.4.1.1'] = {status: 'hel'}), '$.followUp.VB.goals["3.4.1.1"].status: okänt värde "hel" (tillåtna: helt, delvis, inte, inga-data)'],
		['a date that does not exist', d => (d.activities[0].slut = '2025-02-30'), '$.activities[0].slut: "2025-02-30" är inget giltigt datum (ÅÅÅÅ-MM-DD)'],
		['a follow-up under a bad id', d => (d.followUp.VB.indicators.sjuk = {}), '$.followUp.VB.indicators.sjuk: "sjuk" är inget giltigt indikator-id'],
		['a value without raw text', d => (d.followUp.VB.indicators['3.4:i2'].utfall = {value: 8.2}), '$.followUp.VB.indicators["3.4:i2"].utfall.raw: saknas (väntade text)'],
		['a fractional year', d => (d.year = 2025.5), '$.year: väntade ett heltal'],
		['a list instead of a store', d => Object.assign(d, {organisation: []}), '$.organisation: väntade ett objekt'],
		['a duplicate indicator id', d => d.indicators.push({...d.indicators[1]}), '$.indicators[4].id: id "3.4:i1" finns redan ($.indicators[1])'],
		['a goal under an unknown parent', d => (d.goals[14].parentId = '3.9'), '$.goals[14].parentId: okänt överordnat mål "3.9"'],
		['an activity under an unknown goal', d => (d.activities[7].malId = '3.5.2'), '$.activities[7].malId: okänt mål "3.5.2"'],
	])('names the JSON path for %s', async (_, change, expected) => {
		const file = tmpStore(mutated(change));
		expect(await loadError(file)).toBe(`${file}: ${expected}`);
	});

	it('refuses a store from a newer malkoll', async () => {
		const file = tmpStore(mutated(d => (d.schemaVersion = 7)));
		expect(await loadError(file)).toBe(`${file}: schemaVersion 7 är nyare än den här malkoll (1); uppgradera malkoll`);
	});

	it('migrates a v0 file (no schemaVersion) in memory only, and writes v1 on the next change', async () => {
		const v0 = mutated(d => {
			delete d.schemaVersion;
			delete d.followUp;
		});
		const file = tmpStore(v0);
		const data = await loadStore(file);
		expect(data.schemaVersion).toBe(1);
		expect(data.followUp).toEqual({});
		expect(data.goals).toHaveLength(21);
		expect(readFileSync(file, 'utf8')).toBe(v0);

		await applyChanges(file, [sjuk], {author: 'anna'});
		const written = JSON.parse(readFileSync(file, 'utf8'));
		expect(written.schemaVersion).toBe(1);
		expect(written.followUp.VB.indicators['3.4:i2'].analys).toBe(sjuk.op === 'set' && sjuk.value);
		expect(readFileSync(`${file}.bak`, 'utf8')).toBe(v0);
	});
});

describe('serializeStore', () => {
	it('gives the same bytes whatever order the keys were set in', () => {
		const data = parseStore(ORIGINAL, 'data.json');
		const reversed = (v: unknown): unknown =>
			Array.isArray(v) ? v.map(reversed) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reversed(x)])) : v;
		const text = serializeStore(data);
		expect(serializeStore(reversed(data) as StoreData)).toBe(text);
		expect(text.endsWith('}\n')).toBe(true);
		expect(text.split('\n')[1]).toBe('  "schemaVersion": 1,');
		expect(parseStore(text, 'data.json')).toEqual(data);
	});

	it('puts ids in natural order (1.9 before 1.10) and schema fields in schema order', () => {
		const data = parseStore(ORIGINAL, 'data.json');
		data.goals.push({id: '1.10', niva: 'vo', titel: 'Tio', forvantatResultat: [], parentId: '1'}, {parentId: '1', forvantatResultat: [], titel: 'Nio', niva: 'vo', id: '1.9'});
		data.followUp.VB!.goals['1.10'] = {analys: 'tio'};
		data.followUp.VB!.goals['1.9'] = {analys: 'nio'};
		const back = JSON.parse(serializeStore(data));
		const keys = Object.keys(back.followUp.VB.goals);
		expect(keys.indexOf('1.9')).toBe(keys.indexOf('1.10') - 1);
		expect(keys.indexOf('1.4.1.1')).toBeLessThan(keys.indexOf('1.9'));
		expect(Object.keys(back.goals.at(-1))).toEqual(['id', 'niva', 'titel', 'parentId', 'forvantatResultat']);
	});
});

describe('applyChanges', () => {
	it('writes the change, keeps the previous version as .bak and records the history', async () => {
		const file = tmpStore();
		const now = new Date('2026-01-15T09:30:00Z');
		const {data, changes} = await applyChanges(
			file,
			[sjuk, {op: 'set', period: 'VB', entity: 'goal', id: '3.4.1.1', field: 'status', value: 'delvis', expect: 'helt'}],
			{author: 'anna', now},
		);
		expect(data.followUp.VB!.goals['3.4.1.1']!.status).toBe('delvis');
		const onDisk = await loadStore(file);
		expect(onDisk).toEqual(data);
		expect(onDisk.followUp.VB!.indicators['3.4:i2']!.analys).toBe(sjuk.op === 'set' && sjuk.value);
		expect(readFileSync(file, 'utf8')).toBe(serializeStore(data));
		expect(readFileSync(`${file}.bak`, 'utf8')).toBe(ORIGINAL);

		const lines = readFileSync(historyPath(file), 'utf8').split('\n');
		expect(lines).toHaveLength(3);
		expect(lines[2]).toBe('');
		expect(JSON.parse(lines[1]!)).toEqual({at: '2026-01-15T09:30:00.000Z', author: 'anna', op: 'set', entity: 'goal', id: '3.4.1.1', period: 'VB', field: 'status', old: 'helt', new: 'delvis'});
		expect(await readHistory(file)).toEqual(changes);

		const first = readFileSync(file, 'utf8');
		await applyChanges(file, [{op: 'set', period: 'VB', entity: 'goal', id: '3.4.1.1', field: 'status', value: 'helt'}], {author: 'bo'});
		expect(readFileSync(`${file}.bak`, 'utf8')).toBe(first);
		expect((await readHistory(file, '3.4.1.1')).map(c => [c.author, c.old, c.new])).toEqual([
			['anna', 'helt', 'delvis'],
			['bo', 'delvis', 'helt'],
		]);
		expect(readdirSync(dirname(file)).sort()).toEqual(['data.json', 'data.json.bak', 'data.json.history.jsonl']);
	});

	it('writes nothing when one op of several is refused', async () => {
		const file = tmpStore();
		const ops: Op[] = [sjuk, {op: 'set', period: 'VP', entity: 'goal', id: '3.4.1.1', field: 'status', value: 'helt'}];
		await expect(applyChanges(file, ops, {author: 'anna'})).rejects.toThrow(/VP är en plan/);
		expect(readFileSync(file, 'utf8')).toBe(ORIGINAL);
		expect(readdirSync(dirname(file))).toEqual(['data.json']);
	});

	it('writes nothing when the result would not be a valid store (an added indicator with an unknown direction)', async () => {
		const file = tmpStore();
		const item = {id: '3.4:i9', malId: '3.4', namn: 'Personalomsättning', riktning: 'uppåt'} as unknown as Indicator;
		await expect(applyChanges(file, [{op: 'add', entity: 'indicator', item}])).rejects.toThrow(`${file}: $.indicators[4].riktning: okänt värde "uppåt"`);
		expect(readFileSync(file, 'utf8')).toBe(ORIGINAL);
		expect(existsSync(historyPath(file))).toBe(false);
	});

	it('validates the whole file on every read: a value changed in place is refused, and not written over', async () => {
		const file = tmpStore();
		await loadStore(file);
		const bad = ORIGINAL.replace('"status": "helt"', '"status": "hekt"');
		expect(bad.length).toBe(ORIGINAL.length);
		writeFileSync(file, bad);
		expect(await loadError(file)).toMatch(/\$\.followUp\.VB\.goals\["[\d.]+"\]\.status: okänt värde "hekt"/);
		await expect(applyChanges(file, [sjuk])).rejects.toThrow(/hekt/);
		expect(readFileSync(file, 'utf8')).toBe(bad);
	});

	it('writes the store in its own layout: a canonical file stays so, an odd one becomes so', async () => {
		const file = tmpStore(ORIGINAL.replace('"year": 2025,', '"year":2025,'));
		await applyChanges(file, [
			sjuk,
			{op: 'set', period: 'VB', entity: 'goal', id: '3.4.1.1', field: 'analys', value: 'Ny analys med \u001b[2J och \u009b och "citat"\nrad två'},
			{op: 'set', period: 'T2', entity: 'activity', id: '1.4.1:a1', field: 'tillstand', value: 'genomford'},
		]);
		const after = readFileSync(file, 'utf8');
		expect(after).toContain('"year": 2025,');
		expect(after).toContain('\\u009b');
		expect(after).toBe(serializeStore(await loadStore(file)));
	});

	it('serialises concurrent calls in one process without losing any', async () => {
		const file = tmpStore();
		await Promise.all(
			Array.from({length: 12}, (_, i) => applyChanges(file, [{op: 'set', period: 'VB', entity: 'activity', id: '1.4.1:a1', field: 'analys', value: `steg ${i}`}], {author: `u${i}`})),
		);
		const history = await readHistory(file, '1.4.1:a1');
		expect(history).toHaveLength(12);
		const before = JSON.parse(ORIGINAL).followUp.VB.activities['1.4.1:a1'].analys;
		history.forEach((c, i) => expect(c.old).toBe(i === 0 ? before : history[i - 1]!.new));
		expect((await loadStore(file)).followUp.VB!.activities['1.4.1:a1']!.analys).toBe(history.at(-1)!.new);
	});

	it('never writes the examples in data/', async () => {
		const file = join(bundledDataDir(), 'prov-skrivning.json');
		try {
			await expect(writeStore(file, parseStore(ORIGINAL, 'x'))).rejects.toThrow(/exempelfilerna i malkolls data\/ ändras aldrig/);
			expect(existsSync(file)).toBe(false);
		} finally {
			rmSync(file, {force: true});
		}
	});
});

describe('history', () => {
	it('skips a line cut short by a crash, and the next append starts on a fresh line', async () => {
		const file = tmpStore();
		await applyChanges(file, [sjuk], {author: 'anna'});
		appendFileSync(historyPath(file), '{"at":"2026-01-15T10:00:00.000Z","author":"anna","op":"set","entity":"indi');
		expect(await readHistory(file)).toHaveLength(1);
		await applyChanges(file, [{op: 'set', period: 'VB', entity: 'indicator', id: '3.4:i2', field: 'analys', value: 'ny'}], {author: 'bo'});
		expect((await readHistory(file, '3.4:i2')).map(c => c.author)).toEqual(['anna', 'bo']);
		expect(await readHistory(file, '3.4:i1')).toEqual([]);
	});

	it('is empty for a store without history', async () => {
		expect(await readHistory(tmpStore())).toEqual([]);
	});
});

describe('writeStore', () => {
	it('writes a new store, refuses to replace it unless asked, and validates first', async () => {
		const data = parseStore(ORIGINAL, 'x');
		const file = join(tmpDir(), 'ny', 'import.json');
		await writeStore(file, data);
		expect(readFileSync(file, 'utf8')).toBe(serializeStore(data));
		await expect(writeStore(file, data)).rejects.toThrow(`${file}: filen finns redan och skrivs inte över`);
		data.year = 2026;
		await writeStore(file, data, {overwrite: true});
		expect((await loadStore(file)).year).toBe(2026);
		const broken = {...data, goals: [...data.goals, data.goals[0]!]};
		await expect(writeStore(join(dirname(file), 'b.json'), broken)).rejects.toThrow(/\$\.goals\[21\]\.id: id "1" finns redan/);
		expect(existsSync(join(dirname(file), 'b.json'))).toBe(false);
	});
});

describe('store paths', () => {
	it.each<[NodeJS.Platform, NodeJS.ProcessEnv, string]>([
		['linux', {}, '/home/anna/.local/share/malkoll/malkoll.json'],
		['linux', {XDG_DATA_HOME: '/data/anna'}, '/data/anna/malkoll/malkoll.json'],
		['linux', {XDG_DATA_HOME: 'relativ'}, '/home/anna/.local/share/malkoll/malkoll.json'],
		['darwin', {}, '/home/anna/Library/Application Support/malkoll/malkoll.json'],
		['win32', {APPDATA: 'C:\\Users\\anna\\AppData\\Roaming'}, 'C:\\Users\\anna\\AppData\\Roaming\\malkoll\\malkoll.json'],
	])('on %s with %o', (platform, env, expected) => {
		expect(defaultStorePath(env, platform, '/home/anna')).toBe(expected);
	});

	it('prefers --data, then MALKOLL_DATA, else creates the user store from the bundled example once', async () => {
		const home = tmpDir();
		expect(await resolveStorePath({data: 'a.json', env: {MALKOLL_DATA: 'b.json'}})).toEqual({path: 'a.json', created: false});
		expect(await resolveStorePath({env: {MALKOLL_DATA: 'b.json'}})).toEqual({path: 'b.json', created: false});
		const env = {XDG_DATA_HOME: home, MALKOLL_DATA: ''};
		const first = await resolveStorePath({env});
		expect(first).toEqual({path: join(home, 'malkoll', 'malkoll.json'), created: true});
		expect(readFileSync(first.path, 'utf8')).toBe(ORIGINAL);
		expect(readdirSync(dirname(first.path))).toEqual(['malkoll.json']);
		expect(await resolveStorePath({env})).toEqual({path: first.path, created: false});
	});

	it('finds the bundled data/ folder from the running module', () => {
		expect(bundledDataDir()).toBe(join(ROOT, 'data'));
	});
});

describe('watchStore', () => {
	it('reports a change made by applyChanges, and nothing after stop()', async () => {
		const file = tmpStore();
		let calls = 0;
		const changed = new Promise<void>(resolve => {
			const stop = watchStore(
				file,
				() => {
					calls++;
					stop();
					resolve();
				},
				10,
			);
		});
		await applyChanges(file, [sjuk], {author: 'anna'});
		await changed;
		await applyChanges(file, [{op: 'set', period: 'VB', entity: 'indicator', id: '3.4:i2', field: 'analys', value: 'igen'}]);
		await new Promise(resolve => setTimeout(resolve, 50));
		expect(calls).toBe(1);
	});
});
