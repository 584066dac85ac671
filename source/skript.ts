// Runs one of malkoll's CommonJS bundles (scripts/build.mjs: dist/app-HASH.cjs with the commands,
// dist/tui-HASH.cjs with the TUI) with its compiled code cached in the user's cache folder
// (MALKOLL_CACHE=off: none), since parsing and compiling a bundle is a good part of start-up. Node 22
// and later do that themselves (module.enableCompileCache, keyed on each file's content); on Node 20
// the bundle runs through V8's code cache, one file per bundle (its name carries esbuild's hash of
// the content), Node version and architecture. V8 refuses a cache of another V8 or other flags,
// and then the script is simply compiled and its cache written anew.
import {readFileSync, readdirSync, rmSync, statSync} from 'node:fs';
import nodeModule from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import {cacheMapp, skrivCacheFil} from './store/cachemapp.js';

/** Caches of other builds of the same bundle kept beside this one's (other installs, other Node versions). */
const ANDRA = 3;

/** Node 22's own compile cache, absent on Node 20 (and from @types/node 20). */
const compileCache = nodeModule as {enableCompileCache?: (dir?: string) => unknown; flushCompileCache?: () => void};

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
export function laddaSkript<T>(fil: string, node22 = compileCache.enableCompileCache !== undefined): {exports: T; sparaCache: () => void} {
	const mapp = cacheMapp();
	const require = nodeModule.createRequire(fil);
	if (node22) {
		if (mapp) compileCache.enableCompileCache!(path.join(mapp, 'node'));
		return {exports: require(fil) as T, sparaCache: () => compileCache.flushCompileCache?.()};
	}
	const namn = path.basename(fil).replace(/\.cjs$/, '');
	const cacheFil = mapp && path.join(mapp, 'v8', `${namn}-${process.version}-${process.arch}.bin`);
	let cachedData: Buffer | undefined;
	try {
		if (cacheFil) cachedData = readFileSync(cacheFil);
	} catch {
		// No cache yet: compiled from source, and the cache written by sparaCache.
	}
	// Node's own CommonJS wrapper, on the same line as the first of the bundle (stack traces keep their line numbers).
	const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${readFileSync(fil, 'utf8')}\n})`, {filename: fil, cachedData});
	const module = {exports: {} as T};
	(script.runInThisContext() as Function)(module.exports, require, module, fil, path.dirname(fil));
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
