// The user's cache folder for malkoll: receipts of validated stores (kvitto.ts) and the TUI's V8
// code cache (ui/ladda.ts). A module of its own, without imports of malkoll's, so that the TUI's
// loader can find the folder without loading the store layer.
import {homedir} from 'node:os';
import path from 'node:path';

/** MALKOLL_CACHE ("off" for none), else the platform's cache folder. */
export function cacheMapp(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home: string = homedir()): string | undefined {
	const given = env.MALKOLL_CACHE;
	if (given === 'off') return undefined;
	if (given) return path.resolve(given);
	if (platform === 'win32') return path.win32.join(env.LOCALAPPDATA || path.win32.join(home, 'AppData', 'Local'), 'malkoll', 'Cache');
	if (platform === 'darwin') return path.posix.join(home, 'Library', 'Caches', 'malkoll');
	const xdg = env.XDG_CACHE_HOME && path.posix.isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : path.posix.join(home, '.cache');
	return path.posix.join(xdg, 'malkoll');
}
