// The stores the chef opened lately, kept in the user's state folder (not beside a store: it spans
// them), so o can offer them; and the stores in the open store's folder.
import {chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync} from 'node:fs';
import {homedir} from 'node:os';
import path from 'node:path';

const MAX = 10;

/** $XDG_STATE_HOME/malkoll/senaste.json, else ~/.local/state/malkoll (%LOCALAPPDATA% on Windows). */
export function senasteFil(env: NodeJS.ProcessEnv = process.env): string {
	const bas = env.XDG_STATE_HOME || (process.platform === 'win32' ? env.LOCALAPPDATA : undefined) || path.join(env.HOME || homedir(), '.local', 'state');
	return path.join(bas, 'malkoll', 'senaste.json');
}

/** The recent stores that still exist, latest first. */
export function senasteStores(env: NodeJS.ProcessEnv = process.env): string[] {
	try {
		const lista: unknown = JSON.parse(readFileSync(senasteFil(env), 'utf8'));
		return Array.isArray(lista) ? lista.filter((p): p is string => typeof p === 'string' && existsSync(p)) : [];
	} catch {
		return [];
	}
}

/** Puts `store` first in the list; a list that cannot be written only costs the convenience. */
export function kommIhag(store: string, env: NodeJS.ProcessEnv = process.env): void {
	const fil = senasteFil(env);
	try {
		const lista = [path.resolve(store), ...senasteStores(env).filter(p => p !== path.resolve(store))].slice(0, MAX);
		// The folder is the user's own: other users on the machine need not see which stores they open.
		mkdirSync(path.dirname(fil), {recursive: true, mode: 0o700});
		chmodSync(path.dirname(fil), 0o700);
		const tmp = `${fil}.${process.pid}.tmp`;
		writeFileSync(tmp, `${JSON.stringify(lista, null, 2)}\n`, {mode: 0o600});
		renameSync(tmp, fil);
	} catch {
		// Read-only home, full disk: the TUI works the same, o only lists fewer stores.
	}
}

/** The other *.json stores in the folder of `store` (drafts left out), in name order. */
export function storesBredvid(store: string): string[] {
	const dir = path.dirname(path.resolve(store));
	try {
		return readdirSync(dir)
			.filter(n => n.endsWith('.json') && !n.endsWith('.utkast.json') && !n.startsWith('.'))
			.sort()
			.map(n => path.join(dir, n))
			.filter(p => p !== path.resolve(store));
	} catch {
		return [];
	}
}
