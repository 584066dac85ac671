// Crash-safe replacement of a file: write a unique temp file beside it, fsync, keep the old
// version as .bak (itself replaced atomically), rename over, fsync the directory. A reader sees
// the old or the new file, whole, and so does whoever opens the .bak after a crash.
import {constants, readFileSync, readdirSync, type Stats} from 'node:fs';
import {access, copyFile, link, open, rename, rm, stat, type FileHandle} from 'node:fs/promises';
import {basename, dirname, join} from 'node:path';
import {MalkollError} from '../errors.js';

/** Where a test may make the write path fail: the first five are moments between steps (where
 * fault-kill.test.ts kills), the others each one write, fsync, rename or append (fault-write.test.ts). */
export type FaultPoint =
	| 'after-temp-write'
	| 'after-fsync'
	| 'before-rename'
	| 'after-rename'
	| 'holding-lock'
	| 'pending-write'
	| 'pending-fsync'
	| 'pending-rename'
	| 'temp-write'
	| 'temp-fsync'
	| 'bak'
	| 'rename'
	| 'history-append'
	| 'history-fsync';

/** MALKOLL_FAULT=point (killed there as if the power failed) or point:kind, kind one of kill,
 * short (the write returns half, as on a full disk) or an errno such as ENOSPC, EACCES, EIO. */
function faultAt(point: FaultPoint): string | undefined {
	const spec = process.env.MALKOLL_FAULT;
	if (!spec) return undefined;
	const [at, kind = 'kill'] = spec.split(':');
	return at === point ? kind : undefined;
}

export function fault(point: FaultPoint, path?: string): void {
	const kind = faultAt(point);
	if (kind === undefined || kind === 'short') return;
	if (kind === 'kill') process.kill(process.pid, 'SIGKILL');
	throw Object.assign(new Error(`${kind}: injected fault at ${point}`), {code: kind, path});
}

/** Writes all of `bytes` at the file's position (or end, in append mode): a write may return
 * less than it was given (a full disk, ulimit -f), and the rest is written or the error thrown. */
export async function writeAll(fh: FileHandle, bytes: Uint8Array, point: FaultPoint, path: string): Promise<void> {
	fault(point, path);
	let short = faultAt(point) === 'short';
	for (let done = 0; done < bytes.length; ) {
		const end = short ? done + Math.ceil((bytes.length - done) / 2) : bytes.length;
		short = false;
		const {bytesWritten} = await fh.write(bytes, done, end - done);
		if (bytesWritten === 0) throw Object.assign(new Error('write returned 0'), {code: 'EIO', path});
		done += bytesWritten;
	}
}

export function sleep(ms: number): Promise<void> {
	return new Promise(resolve => setTimeout(resolve, ms));
}

export function errorCode(error: unknown): string | undefined {
	return (error as NodeJS.ErrnoException | undefined)?.code;
}

/** What each fault of the environment means and what to do about it. */
const PROBLEM: Record<string, string> = {
	EACCES: 'ingen behörighet; kontrollera ägare och behörighet på filen och mappen',
	EPERM: 'ingen behörighet; kontrollera ägare och behörighet på filen och mappen',
	EROFS: 'filsystemet är skrivskyddat; arbeta i en kopia på en skrivbar disk (--data)',
	ENOSPC: 'disken är full; frigör utrymme och försök igen',
	EDQUOT: 'diskkvoten är slut; frigör utrymme och försök igen',
	EFBIG: 'filen blev större än gränsen för filstorlek (ulimit -f eller filsystemet); höj gränsen och försök igen',
	EIO: 'läs- eller skrivfel på disken; kontrollera disken och försök igen',
	ENOENT: 'mappen finns inte',
	ENOTDIR: 'en del av sökvägen är inte en mapp',
	EISDIR: 'är en mapp, inte en fil',
	EMFILE: 'för många öppna filer; försök igen',
	ENFILE: 'för många öppna filer; försök igen',
};

/** An error of the environment (full disk, permissions, I/O) as one line naming the file, or undefined. */
export function miljoFel(error: unknown, file: string, what = 'kunde inte spara'): MalkollError | undefined {
	if (error instanceof MalkollError) return error;
	const problem = PROBLEM[errorCode(error) ?? ''];
	if (!problem) return undefined;
	// A temp file is malkoll's own business: the line names the file the user knows.
	const at = (error as NodeJS.ErrnoException).path;
	const path = at && !at.endsWith('.tmp') ? at : file;
	return new MalkollError(`${path}: ${what}, ${problem}`);
}

/** Mode, owner and group of the store, which every file written beside it gets (when permitted). */
export type Like = Pick<Stats, 'mode' | 'uid' | 'gid'>;

export async function storeLike(path: string): Promise<Like | undefined> {
	return stat(path).then(
		s => s,
		() => undefined,
	);
}

/** Gives a file malkoll just created beside the store the store's mode and group (and, for root,
 * owner), so that on a shared group folder the next user can still read and write. A folder with
 * g+s gives its own group, which then stands; any other group that cannot be given is refused
 * before anything is written, saying what to set. `store` names the store in the message. */
export async function likeStore(fh: FileHandle, like: Like | undefined, store: string): Promise<void> {
	if (!like || process.platform === 'win32') return;
	const own = await fh.stat();
	const root = process.geteuid?.() === 0;
	if (own.gid !== like.gid || (root && own.uid !== like.uid)) {
		try {
			await fh.chown(root ? like.uid : own.uid, like.gid);
		} catch {
			const dir = dirname(store);
			const folder = await stat(dir);
			if (!((folder.mode & 0o2000) !== 0 && folder.gid === own.gid)) {
				throw new MalkollError(
					`${store}: en ny fil här får gruppen ${groupName(own.gid)}, inte filens grupp ${groupName(like.gid)} som du inte är med i; kör chmod g+s ${dir} så får nya filer mappens grupp (${groupName(folder.gid)})`,
				);
			}
		}
	}
	if ((own.mode & 0o7777) !== (like.mode & 0o777)) await fh.chmod(like.mode & 0o777);
}

function groupName(gid: number): string {
	try {
		const line = readFileSync('/etc/group', 'utf8').split('\n').find(l => l.split(':')[2] === String(gid));
		if (line) return line.split(':')[0]!;
	} catch {
		// No group file: the number says it.
	}
	return String(gid);
}

/** Replaces `path` (the real file, not a link to it) with `bytes`; the previous content, if any,
 * is kept in `<path>.bak`. The new file gets the old one's mode and group (likeStore). */
export async function writeFileAtomic(path: string, bytes: Uint8Array, like?: Like): Promise<void> {
	const tmp = tempPath(path);
	try {
		if (like) await refuseReadOnly(path, like.mode & 0o777);
		const fh = await open(tmp, 'wx', like ? like.mode & 0o777 : 0o666);
		try {
			await likeStore(fh, like, path);
			await writeAll(fh, bytes, 'temp-write', tmp);
			fault('after-temp-write');
			fault('temp-fsync', tmp);
			await fh.sync();
			fault('after-fsync');
		} finally {
			await fh.close();
		}
		if (like) await keepBackup(path);
		fault('before-rename');
		fault('rename', path);
		await renameWithRetry(tmp, path);
	} catch (error) {
		await rm(tmp, {force: true});
		throw miljoFel(error, path) ?? error;
	}
	// The store is replaced: nothing after this may fail the change.
	fault('after-rename');
	await syncDir(dirname(path));
}

/** node:crypto when first needed: loading it costs ~6 ms, and the TUI's first frame and the
 * reading commands never need it. */
export const nodeCrypto = () => process.getBuiltinModule('node:crypto');

/** `bytes` random bytes in hex, for names no other process picks. */
export const slump = (bytes: number): string => nodeCrypto().randomBytes(bytes).toString('hex');

function tempPath(path: string): string {
	return join(dirname(path), `.${basename(path)}.${process.pid}.${slump(6)}.tmp`);
}

/** A file nobody may write (chmod a-w) was made read-only on purpose: even root, whose rename
 * would ignore the mode, leaves it as it is. */
async function refuseReadOnly(path: string, mode: number): Promise<void> {
	const writable = (mode & 0o222) !== 0 && (await access(path, constants.W_OK).then(() => true, () => false));
	if (!writable) throw new MalkollError(`${path}: filen är skrivskyddad; ändra behörigheten eller arbeta i en kopia (--data)`);
}

/** Makes `<path>.bak` the current version: a hard link under a temp name renamed over the old
 * backup, so a crash never leaves a half-copied .bak; a copy where hard links are not supported. */
async function keepBackup(path: string): Promise<void> {
	const tmp = tempPath(path);
	try {
		fault('bak', `${path}.bak`);
		await link(path, tmp).catch(() => copyFile(path, tmp, constants.COPYFILE_FICLONE));
		await rename(tmp, `${path}.bak`);
	} finally {
		await rm(tmp, {force: true});
	}
}

/** A temp file this old was left by a writer on another host (a write takes milliseconds). */
const ABANDONED_TEMP_MS = 10 * 60_000;

/** Under the store's lock: removes the temp files of writers that died (their pid, in the name,
 * is gone on this host), and any left this long ago. */
export async function removeDeadTemps(path: string): Promise<void> {
	const dir = dirname(path);
	const base = basename(path);
	// Written only under the lock, so never a live writer's: the store's and .bak's temp files, the pending history's.
	const underLock = [new RegExp(`^\\.${escape(base)}\\.(\\d+)\\.[0-9a-f]{12}\\.tmp$`), new RegExp(`^${escape(base)}\\.history\\.pending\\.(\\d+)\\.tmp$`)];
	// Written while taking the lock (lock.ts), perhaps by a writer on another host: left a minute first.
	const aroundLock = [new RegExp(`^\\.${escape(base)}\\.lock\\.(\\d+)\\.[0-9a-f]{12}\\.tmp$`), new RegExp(`^${escape(base)}\\.lock\\.(\\d+)\\.[0-9a-f]{12}\\.stale$`)];
	let names: string[];
	try {
		names = readdirSync(dir);
	} catch {
		return;
	}
	for (const name of names) {
		const mine = underLock.map(r => r.exec(name)).find(Boolean);
		const m = mine ?? aroundLock.map(r => r.exec(name)).find(Boolean);
		if (!m || Number(m[1]) === process.pid) continue;
		const file = join(dir, name);
		const age = await stat(file).then(s => Date.now() - s.mtimeMs, () => 0);
		const dead = isDead(Number(m[1]));
		if ((dead && (mine || age > 60_000)) || age > ABANDONED_TEMP_MS) await rm(file, {force: true}).catch(() => undefined);
	}
}

function escape(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function isDead(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return false;
	} catch (error) {
		return errorCode(error) === 'ESRCH';
	}
}

// Windows refuses a rename while another process (a virus scanner, an editor) has the file open.
async function renameWithRetry(from: string, to: string): Promise<void> {
	for (let attempt = 1; ; attempt++) {
		try {
			return await rename(from, to);
		} catch (error) {
			if (attempt >= 8 || !['EPERM', 'EACCES', 'EBUSY'].includes(errorCode(error) ?? '')) throw error;
			await sleep(10 * attempt);
		}
	}
}

async function syncDir(dir: string): Promise<void> {
	if (process.platform === 'win32') return;
	try {
		const fh = await open(dir, 'r');
		try {
			await fh.sync();
		} finally {
			await fh.close();
		}
	} catch {
		// Some file systems cannot fsync a directory; the rename itself has already happened.
	}
}
