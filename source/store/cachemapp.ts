// The user's cache folder for malkoll, where skript.ts keeps V8's code cache of each build. A module
// of its own, without imports of malkoll's, so that the bundles' loader can find the folder without
// loading the store layer.
import {mkdirSync, renameSync, rmSync, writeFileSync} from 'node:fs';
import {homedir} from 'node:os';
import path from 'node:path';

/** MALKOLL_CACHE ("off" for none), else the platform's cache folder; none when the home is not an
 * absolute path (HOME= or HOME=rel, off Windows), so no cache folder is made below the working directory. */
export function cacheMapp(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home: string = homedir()): string | undefined {
	const given = env.MALKOLL_CACHE;
	if (given === 'off') return undefined;
	if (given) return path.resolve(given);
	if (platform === 'win32') return path.win32.join(env.LOCALAPPDATA || path.win32.join(home, 'AppData', 'Local'), 'malkoll', 'Cache');
	if (!path.posix.isAbsolute(home)) return undefined;
	if (platform === 'darwin') return path.posix.join(home, 'Library', 'Caches', 'malkoll');
	const xdg = env.XDG_CACHE_HOME && path.posix.isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : path.posix.join(home, '.cache');
	return path.posix.join(xdg, 'malkoll');
}

/** Replaces the cache file `fil` with `innehall` (temp file, rename); true when written. Never
 * fails: a cache that cannot be written only costs time. */
export function skrivCacheFil(fil: string, innehall: string | Uint8Array): boolean {
	// Not node:crypto: loading it costs every command ~8 ms, and a temp name beside the pid needs no strong randomness.
	const tmp = `${fil}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
	try {
		// Malkoll's own folder in the home: for the user alone.
		mkdirSync(path.dirname(fil), {recursive: true, mode: 0o700});
		writeFileSync(tmp, innehall);
		renameSync(tmp, fil);
		return true;
	} catch {
		try {
			rmSync(tmp, {force: true});
		} catch {
			// The folder itself could not be made: nothing to clean up.
		}
		return false;
	}
}
