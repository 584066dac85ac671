// A bundle and its code cache (source/skript.ts), on the TUI bundle: the cache folder is the
// receipts' folder; on Node 20 V8's cache is written after the first frame and used by the next
// start, on Node 22 and later Node's own; a missing, refused or broken cache only costs a compile.
import {spawnSync} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, utimesSync, writeFileSync} from 'node:fs';
import nodeModule from 'node:module';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {cacheMapp} from '../source/store/cachemapp.js';
import {laddaSkript} from '../source/skript.js';
import {BUNDLED, privateCli, runCli, tmpDir} from './helpers.js';

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
	// A home that is no absolute path gives no cache, rather than a folder below the working directory.
	for (const home of ['', 'relativ', './h']) expect(cacheMapp({}, 'linux', home), JSON.stringify(home)).toBeUndefined();
	expect(cacheMapp({MALKOLL_CACHE: '/tmp/c'}, 'linux', 'relativ')).toBe('/tmp/c');
});

it('HOME=relativ: a command runs and makes no cache folder below the working directory', () => {
	const cwd = tmpDir();
	const r = spawnSync(process.execPath, [privateCli(), 'summary', '--json', '--data', BUNDLED], {cwd, encoding: 'utf8', env: {...process.env, HOME: 'relativ', MALKOLL_CACHE: '', XDG_CACHE_HOME: '', MALKOLL_DATA: ''}});
	expect(r.status, r.stderr).toBe(0);
	expect(readdirSync(cwd)).toEqual([]);
});

describe('laddaSkript', () => {
	const dir = dirname(privateCli());
	const namn = readdirSync(dir).find(f => /^tui-.*\.cjs$/.test(f))!;
	const before = process.env.MALKOLL_CACHE;
	afterEach(() => {
		process.env.MALKOLL_CACHE = before;
	});

	// V8's cache as Node 20 has it, whichever Node runs the test.
	const ladda = () => laddaSkript<{startaTui: unknown}>(join(dir, namn), false);

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
		const forsta = ladda();
		expect(typeof forsta.exports.startaTui).toBe('function');
		expect(cacheFiler(mapp)).toHaveLength(5);
		forsta.sparaCache();
		const egen = `${namn.replace(/\.cjs$/, '')}-${process.version}-${process.arch}.bin`;
		expect(cacheFiler(mapp).sort()).toEqual([egen, 'tui-ANNAN3-v20.0.0-x64.bin', 'tui-ANNAN4-v20.0.0-x64.bin', 'tui-ANNAN5-v20.0.0-x64.bin'].sort());
		const cache = readFileSync(join(mapp, 'v8', egen));
		expect(cache.length).toBeGreaterThan(1000);

		// A start with a usable cache leaves it as it is. (A refused one is written anew: that takes
		// a process of its own, test/e2e/tui-cache.test.ts.)
		const andra = ladda();
		andra.sparaCache();
		expect(readFileSync(join(mapp, 'v8', egen)).equals(cache)).toBe(true);
	});

	it('runs without a cache when MALKOLL_CACHE=off or the folder cannot be written', async () => {
		process.env.MALKOLL_CACHE = 'off';
		const av = ladda();
		expect(() => av.sparaCache()).not.toThrow();

		const fil = join(mkdtempSync(join(tmpdir(), 'malkoll-v8-')), 'en-fil');
		writeFileSync(fil, '');
		process.env.MALKOLL_CACHE = fil;
		const ej = ladda();
		expect(() => ej.sparaCache()).not.toThrow();
		expect(typeof ej.exports.startaTui).toBe('function');
	});
});

it.runIf(typeof (nodeModule as {enableCompileCache?: unknown}).enableCompileCache === 'function')("on Node 22 and later, Node's own compile cache in the cache folder", () => {
	const mapp = tmpDir();
	expect(runCli(['summary', '--data', BUNDLED], {MALKOLL_CACHE: mapp}).code).toBe(0);
	expect(readdirSync(join(mapp, 'node'), {recursive: true}).length).toBeGreaterThan(0);
	expect(existsSync(join(mapp, 'v8'))).toBe(false);
});
