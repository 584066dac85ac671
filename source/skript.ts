// Runs one of malkoll's CommonJS bundles (scripts/build.mjs: dist/app-HASH.cjs with the commands,
// dist/tui-HASH.cjs with the TUI) through V8's code cache: Node 20 has no compile cache of its own,
// and parsing and compiling a bundle and the functions a start runs is a good part of start-up.
// The cache lives in the user's cache folder (MALKOLL_CACHE=off: none), one file per bundle (its
// name carries a hash of its content), Node version and architecture; V8 refuses a cache of another
// V8 or other flags, and then the script is simply compiled and its cache written anew.
import {readFileSync, readdirSync, rmSync, statSync} from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import vm from 'node:vm';
import {cacheMapp, skrivCacheFil} from './store/cachemapp.js';

/** Caches of other builds of the same bundle kept beside this one's (other installs, other Node versions). */
const ANDRA = 3;

/** Writes the code cache of `script` to `fil`, keeping the newest ANDRA caches of other builds of
 * the bundle; never fails. */
function sparaCache(script: vm.Script, fil: string, bundle: string): void {
	if (!skrivCacheFil(fil, script.createCachedData())) return;
	const mapp = path.dirname(fil);
	try {
		const andra = readdirSync(mapp)
			.filter(f => f.startsWith(`${bundle}-`) && f.endsWith('.bin') && f !== path.basename(fil))
			.map(f => ({f, t: statSync(path.join(mapp, f)).mtimeMs}))
			.sort((a, b) => b.t - a.t);
		for (const {f} of andra.slice(ANDRA)) rmSync(path.join(mapp, f), {force: true});
	} catch {
		// Another process cleaned up at the same time.
	}
}

/** Runs the bundle `fil` (NAME-HASH.cjs) and returns its exports; `sparaCache` writes its code
 * cache when there was none or V8 refused it (call it once the functions that start-up needs have
 * run: they are then in the cache too). */
export function laddaSkript<T>(fil: string): {exports: T; sparaCache: () => void} {
	const namn = path.basename(fil).replace(/\.cjs$/, '');
	const kalla = readFileSync(fil, 'utf8');
	const mapp = cacheMapp();
	const cacheFil = mapp && path.join(mapp, 'v8', `${namn}-${process.version}-${process.arch}.bin`);
	let cachedData: Buffer | undefined;
	try {
		if (cacheFil) cachedData = readFileSync(cacheFil);
	} catch {
		// No cache yet: compiled from source, and the cache written by sparaCache.
	}
	// Node's own CommonJS wrapper, on the same line as the first of the bundle (stack traces keep
	// their line numbers); __malkollUrl stands for import.meta.url (define in scripts/build.mjs).
	const script = new vm.Script(`(function (exports, require, module, __filename, __dirname, __malkollUrl) {${kalla}\n})`, {filename: fil, cachedData});
	const module = {exports: {} as T};
	(script.runInThisContext() as Function)(module.exports, createRequire(fil), module, fil, path.dirname(fil), pathToFileURL(fil).href);
	let sparad = cachedData !== undefined && !script.cachedDataRejected;
	return {
		exports: module.exports,
		sparaCache: () => {
			if (sparad || !cacheFil) return;
			sparad = true;
			sparaCache(script, cacheFil, namn.replace(/-[^-]*$/, ''));
		},
	};
}
