// The TUI bundle and its V8 code cache (source/ui/ladda.ts): the cache folder is the receipts'
// folder, a cache is written after the first frame and used by the next start, and a missing,
// refused or broken cache only costs a compile.
import {existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, utimesSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {cacheMapp} from '../source/store/cachemapp.js';
import {laddaTui} from '../source/ui/ladda.js';
import {privateCli} from './helpers.js';

it('finds the cache folder (receipts and code cache) per platform', () => {
	const fall: Array<[NodeJS.ProcessEnv, NodeJS.Platform, string | undefined]> = [
		[{}, 'linux', '/home/a/.cache/malkoll'],
		[{XDG_CACHE_HOME: '/x/cache'}, 'linux', '/x/cache/malkoll'],
		[{XDG_CACHE_HOME: 'relativ'}, 'linux', '/home/a/.cache/malkoll'],
		[{MALKOLL_CACHE: 'off'}, 'linux', undefined],
		[{MALKOLL_CACHE: '/tmp/c'}, 'darwin', '/tmp/c'],
		[{}, 'darwin', '/home/a/Library/Caches/malkoll'],
		[{LOCALAPPDATA: 'C:\\Users\\a\\AppData\\Local'}, 'win32', 'C:\\Users\\a\\AppData\\Local\\malkoll\\Cache'],
		[{}, 'win32', '\\home\\a\\AppData\\Local\\malkoll\\Cache'],
	];
	for (const [env, platform, mapp] of fall) expect(cacheMapp(env, platform, '/home/a'), JSON.stringify([env, platform])).toBe(mapp);
});

describe('laddaTui', () => {
	const dir = dirname(privateCli());
	const namn = readdirSync(dir).find(f => /^tui-.*\.cjs$/.test(f))!;
	const before = process.env.MALKOLL_CACHE;
	afterEach(() => {
		process.env.MALKOLL_CACHE = before;
	});

	function cacheFiler(mapp: string): string[] {
		return existsSync(join(mapp, 'v8')) ? readdirSync(join(mapp, 'v8')) : [];
	}

	it('writes the cache after the first frame, and the next start compiles from it', async () => {
		const mapp = mkdtempSync(join(tmpdir(), 'malkoll-v8-'));
		process.env.MALKOLL_CACHE = mapp;
		// Of the caches of other bundles, the three newest stay when this one's is written.
		mkdirSync(join(mapp, 'v8'));
		for (let i = 1; i <= 5; i++) {
			writeFileSync(join(mapp, 'v8', `tui-ANNAN${i}-v20.0.0-x64.bin`), 'annan');
			utimesSync(join(mapp, 'v8', `tui-ANNAN${i}-v20.0.0-x64.bin`), 1_000_000 + i, 1_000_000 + i);
		}
		const forsta = await laddaTui(dir, namn);
		expect(typeof forsta.tui.startaTui).toBe('function');
		expect(cacheFiler(mapp)).toHaveLength(5);
		forsta.efterForstaBilden();
		const egen = `${namn.replace(/\.cjs$/, '')}-${process.version}-${process.arch}.bin`;
		expect(cacheFiler(mapp).sort()).toEqual([egen, 'tui-ANNAN3-v20.0.0-x64.bin', 'tui-ANNAN4-v20.0.0-x64.bin', 'tui-ANNAN5-v20.0.0-x64.bin'].sort());
		const cache = readFileSync(join(mapp, 'v8', egen));
		expect(cache.length).toBeGreaterThan(1000);

		// A start with a usable cache leaves it as it is. (A refused one is written anew: that takes
		// a process of its own, test/e2e/tui-cache.test.ts.)
		const andra = await laddaTui(dir, namn);
		andra.efterForstaBilden();
		expect(readFileSync(join(mapp, 'v8', egen)).equals(cache)).toBe(true);
	});

	it('runs without a cache when MALKOLL_CACHE=off or the folder cannot be written', async () => {
		process.env.MALKOLL_CACHE = 'off';
		const av = await laddaTui(dir, namn);
		expect(() => av.efterForstaBilden()).not.toThrow();

		const fil = join(mkdtempSync(join(tmpdir(), 'malkoll-v8-')), 'en-fil');
		writeFileSync(fil, '');
		process.env.MALKOLL_CACHE = fil;
		const ej = await laddaTui(dir, namn);
		expect(() => ej.efterForstaBilden()).not.toThrow();
		expect(typeof ej.tui.startaTui).toBe('function');
	});
});
