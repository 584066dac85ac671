// Where the store lives: --data, MALKOLL_DATA, or the user's own file in the platform's data
// folder, created on first run as a copy of the bundled example.
import {existsSync, statSync} from 'node:fs';
import {link, mkdir, readFile, rename, rm, writeFile} from 'node:fs/promises';
import {homedir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {MalkollError} from '../errors.js';
import {errorCode, slump} from './atomic.js';

export const BUNDLED_STORE = 'bestallarenhet-2-2025.json';

export function defaultStorePath(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home: string = env.HOME ?? homedir()): string {
	if (platform === 'win32') {
		return path.win32.join(env.APPDATA || path.win32.join(home, 'AppData', 'Roaming'), 'malkoll', 'malkoll.json');
	}
	if (platform === 'darwin') return path.posix.join(absoluteHome(home), 'Library', 'Application Support', 'malkoll', 'malkoll.json');
	// The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
	const xdg = env.XDG_DATA_HOME && path.posix.isAbsolute(env.XDG_DATA_HOME) ? env.XDG_DATA_HOME : path.posix.join(absoluteHome(home), '.local', 'share');
	return path.posix.join(xdg, 'malkoll', 'malkoll.json');
}

// An empty or relative HOME would put the store under whatever folder malkoll is started in.
function absoluteHome(home: string): string {
	if (path.posix.isAbsolute(home)) return home;
	throw new MalkollError(`HOME är ${home === '' ? 'tom' : `relativ (${home})`}, så malkoll vet inte var din store ligger; sätt HOME till din hemmapp (t.ex. export HOME=/home/namn) eller ange en fil med --data`);
}

let found: string | null | undefined;

/** The project's data/ folder, or undefined when this code runs outside the project. Walks up from
 * this module because it runs both from source (vitest) and bundled (dist/cli.js). */
export function findBundledDataDir(): string | undefined {
	if (found === undefined) {
		found = null;
		for (let dir = path.dirname(fileURLToPath(import.meta.url)); ; dir = path.dirname(dir)) {
			if (isDir(path.join(dir, 'data')) && existsSync(path.join(dir, 'package.json'))) {
				found = path.join(dir, 'data');
				break;
			}
			if (path.dirname(dir) === dir) break;
		}
	}
	return found ?? undefined;
}

function isDir(p: string): boolean {
	try {
		return statSync(p).isDirectory();
	} catch {
		return false;
	}
}

export function bundledDataDir(): string {
	const dir = findBundledDataDir();
	if (!dir) throw new MalkollError(`hittar inte malkolls data/-mapp ovanför ${fileURLToPath(import.meta.url)}; installera om malkoll`);
	return dir;
}

export async function resolveStorePath(opts: {data?: string; env?: NodeJS.ProcessEnv}): Promise<{path: string; created: boolean}> {
	const env = opts.env ?? process.env;
	const given = opts.data || env.MALKOLL_DATA;
	if (given) return {path: given, created: false};
	const target = defaultStorePath(env);
	if (existsSync(target)) return {path: target, created: false};
	const source = path.join(bundledDataDir(), BUNDLED_STORE);
	let bytes: Buffer;
	try {
		bytes = await readFile(source);
	} catch {
		throw new MalkollError(`${source}: exempelfilen saknas; ange en egen fil med --data`);
	}
	const tmp = `${target}.${process.pid}.${slump(6)}.tmp`;
	try {
		// Malkoll's own folder in the home: for the user alone.
		await mkdir(path.dirname(target), {recursive: true, mode: 0o700});
		await writeFile(tmp, bytes, {flag: 'wx'});
		// link() fails if the file exists, so two first runs at once cannot overwrite each other.
		await link(tmp, target).catch(async (error: unknown) => {
			if (errorCode(error) === 'EEXIST') throw error;
			// File systems without hard links (FAT, some network shares).
			await rename(tmp, target);
		});
		return {path: target, created: true};
	} catch (error) {
		if (errorCode(error) === 'EEXIST') return {path: target, created: false};
		throw new MalkollError(`${target}: kunde inte skapa din målkoll-fil (${errorCode(error) ?? String(error)}); ange en fil med --data`);
	} finally {
		await rm(tmp, {force: true});
	}
}
