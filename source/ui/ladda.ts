// Loads the TUI bundle (start.ts and all it needs: Ink, React, the app, the store layer), which
// scripts/build.mjs writes as one CommonJS script, dist/tui-HASH.cjs, and runs it through V8's code
// cache: parsing and compiling that megabyte, and compiling the functions the first frame runs,
// was a third of the time from start to the first frame. The cache is written once the first frame
// is drawn, in the user's cache folder beside the store receipts (MALKOLL_CACHE=off: none), one
// file per bundle (its name carries a hash of its content) and Node version; V8 refuses a cache
// of another V8 or other flags, and then the script is simply compiled and the cache written anew.
import {mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import vm from 'node:vm';
import type {Ctx} from '../commands/context.js';
import {cacheMapp} from '../store/cachemapp.js';

/** The bundle's file name in dist/, set by scripts/build.mjs. */
declare const MALKOLL_TUI: string;

export interface TuiBundle {
	startaTui(ctx: Ctx, efterForstaBilden?: () => void): Promise<number>;
}

/** Caches of other bundles kept beside this one's (other installs of malkoll, other Node versions). */
const ANDRA = 3;

/** Writes the code cache of `script` for `fil`, keeping the newest ANDRA caches of other bundles;
 * never fails. */
function sparaCache(script: vm.Script, mapp: string, fil: string): void {
	const tmp = `${fil}.${process.pid}.tmp`;
	try {
		mkdirSync(mapp, {recursive: true});
		writeFileSync(tmp, script.createCachedData());
		renameSync(tmp, fil);
		const andra = readdirSync(mapp)
			.filter(f => f.startsWith('tui-') && f.endsWith('.bin') && f !== path.basename(fil))
			.map(f => ({f, t: statSync(path.join(mapp, f)).mtimeMs}))
			.sort((a, b) => b.t - a.t);
		for (const {f} of andra.slice(ANDRA)) rmSync(path.join(mapp, f), {force: true});
	} catch {
		try {
			rmSync(tmp, {force: true});
		} catch {
			// The folder itself could not be made: nothing to clean up.
		}
	}
}

/** The TUI bundle, compiled from the code cache when there is a usable one. `efterForstaBilden`
 * (for startaTui) writes the cache when it was missing or refused. */
export async function laddaTui(katalog: string = path.dirname(fileURLToPath(import.meta.url)), namn: string = MALKOLL_TUI): Promise<{tui: TuiBundle; efterForstaBilden: () => void}> {
	const fil = path.join(katalog, namn);
	const kalla = readFileSync(fil, 'utf8');
	const mapp = cacheMapp();
	const cacheFil = mapp && path.join(mapp, 'v8', `${namn.replace(/\.cjs$/, '')}-${process.version}-${process.arch}.bin`);
	let cachedData: Buffer | undefined;
	try {
		if (cacheFil) cachedData = readFileSync(cacheFil);
	} catch {
		// No cache yet: compiled from source, and the cache written after the first frame.
	}
	// Node's own CommonJS wrapper, on the same line as the first of the bundle (stack traces keep
	// their line numbers); __malkollUrl stands for import.meta.url (define in scripts/build.mjs).
	const script = new vm.Script(`(function (exports, require, module, __filename, __dirname, __malkollUrl) {${kalla}\n})`, {filename: fil, cachedData});
	const module = {exports: {} as TuiBundle};
	(script.runInThisContext() as Function)(module.exports, createRequire(fil), module, fil, katalog, pathToFileURL(fil).href);
	let sparad = cachedData !== undefined && !script.cachedDataRejected;
	return {
		tui: module.exports,
		efterForstaBilden: () => {
			if (sparad || !mapp || !cacheFil) return;
			sparad = true;
			sparaCache(script, path.dirname(cacheFil), cacheFil);
		},
	};
}
