// An inter-process lock around read-change-write: `<file>.lock`, created exclusively, naming its
// holder. A dead holder's lock is taken over at once; a live one is waited for, up to a timeout.
import {existsSync} from 'node:fs';
import {type FileHandle, link, open, readFile, rename, rm, stat, writeFile} from 'node:fs/promises';
import {hostname} from 'node:os';
import {basename, dirname, join} from 'node:path';
import {MalkollError} from '../errors.js';
import {type Like, errorCode, likeStore, miljoFel, sleep, slump, storeLike} from './atomic.js';

interface LockInfo {
	pid: number;
	host: string;
	time: string;
	token: string;
}

/** A lock whose holder is on another host counts as abandoned after this long. */
const FOREIGN_STALE_MS = 60_000;
/** A lock file still empty after this long was left by a holder that died while creating it. */
const EMPTY_STALE_MS = 5_000;

export function lockPath(path: string): string {
	return `${path}.lock`;
}

/** Runs `fn` holding the lock of `path`; the lock is released however `fn` ends. */
export async function withLock<T>(path: string, fn: () => Promise<T>, opts: {timeoutMs?: number} = {}): Promise<T> {
	const release = await acquireLock(path, opts.timeoutMs ?? 10_000).catch((error: unknown) => Promise.reject(lockError(path, error)));
	try {
		return await fn();
	} finally {
		await release();
	}
}

async function acquireLock(path: string, timeoutMs: number): Promise<() => Promise<void>> {
	const file = lockPath(path);
	const mine = `${JSON.stringify({pid: process.pid, host: hostname(), time: new Date().toISOString(), token: slump(8)} satisfies LockInfo)}\n`;
	const deadline = Date.now() + timeoutMs;
	let delay = 2;
	let lastHolder = '';
	let waited = false;
	await yieldToWaiter(file);
	// The lock gets the store's mode and group: on a shared folder whoever may change the store
	// may read who holds it, whatever umask its holder has.
	const like = await storeLike(path);
	try {
		for (;;) {
			try {
				if (await createLock(file, mine, like)) return () => releaseLock(file, mine);
			} catch (error) {
				throw lockError(path, error);
			}
			const held = await readLock(file);
			if (held === undefined) continue;
			if (isStale(held) && (await reclaim(file, held.raw))) continue;
			if (Date.now() >= deadline) throw new MalkollError(`${path}: ${describeHolder(held.info)}; försök igen om en stund (eller ta bort ${file} om ingen malkoll körs)`);
			// Tell the holder someone is waiting, so that it does not take the lock straight back.
			await writeFile(waitingPath(file), mine);
			waited = true;
			// Locks are held for milliseconds: back off while one holder keeps it, start over for the next.
			if (held.raw !== lastHolder) [delay, lastHolder] = [2, held.raw];
			await sleep(delay + Math.random() * delay);
			delay = Math.min(50, delay * 1.5);
		}
	} finally {
		if (waited && (await readFile(waitingPath(file), 'utf8').catch(() => undefined)) === mine) await rm(waitingPath(file), {force: true});
	}
}

/** Creates the lock whole in one step, a hard link to a written temp file, so a holder killed
 * while taking it leaves a lock naming its pid, never an empty one that others must wait out.
 * Returns false when the lock exists. */
async function createLock(file: string, mine: string, like: Like | undefined): Promise<boolean> {
	const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.${slump(6)}.tmp`);
	try {
		await writeLock(await open(tmp, 'wx'), mine, like, file);
		await link(tmp, file);
		return true;
	} catch (error) {
		if (errorCode(error) === 'EEXIST') return false;
		if (!NO_HARD_LINKS.includes(errorCode(error) ?? '') || !existsSync(tmp)) throw error;
		return createLockWithoutLink(file, mine, like);
	} finally {
		await rm(tmp, {force: true});
	}
}

/** Errors from link() on file systems without hard links (FAT, some network shares). */
const NO_HARD_LINKS = ['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV'];

async function createLockWithoutLink(file: string, mine: string, like: Like | undefined): Promise<boolean> {
	let fh;
	try {
		fh = await open(file, 'wx');
	} catch (error) {
		if (errorCode(error) === 'EEXIST') return false;
		throw error;
	}
	await writeLock(fh, mine, like, file);
	return true;
}

/** Writes the lock's text, gives the file the store's mode and group where it can, and closes it. */
async function writeLock(fh: FileHandle, mine: string, like: Like | undefined, file: string): Promise<void> {
	try {
		await fh.writeFile(mine);
		// A group that cannot be given is refused by the write itself, with what to do.
		await likeStore(fh, like, file).catch(() => undefined);
	} finally {
		await fh.close();
	}
}

function waitingPath(file: string): string {
	return `${file}.waiting`;
}

/** Lets a process that is already waiting go first: without this, a loop of changes in one
 * process retakes the lock the moment it lets go, and a waiter polling every 50 ms starves. */
async function yieldToWaiter(file: string): Promise<void> {
	const until = Date.now() + 150;
	while (Date.now() < until) {
		const waiter = await readLock(waitingPath(file));
		if (!waiter || isStale(waiter) || Date.now() - waiter.mtimeMs > 1_000) return;
		await sleep(3);
	}
}

function lockError(path: string, error: unknown): unknown {
	const code = errorCode(error);
	if (code === 'ENOENT') return new MalkollError(`${path}: mappen finns inte`);
	if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return new MalkollError(`${path}: ingen behörighet att skriva i mappen`);
	return miljoFel(error, lockPath(path), 'kunde inte ta låset') ?? error;
}

async function releaseLock(file: string, mine: string): Promise<void> {
	// Only remove the lock if it is still ours: never someone else's.
	const now = await readFile(file, 'utf8').catch(() => undefined);
	// A lock left behind names a pid that is gone: the next writer takes it over at once.
	if (now === mine) await rm(file, {force: true}).catch(() => undefined);
}

interface Held {
	raw: string;
	info?: LockInfo;
	mtimeMs: number;
}

async function readLock(file: string): Promise<Held | undefined> {
	try {
		const [raw, s] = await Promise.all([readFile(file, 'utf8'), stat(file)]);
		let info: LockInfo | undefined;
		try {
			const parsed = JSON.parse(raw) as Partial<LockInfo>;
			if (typeof parsed.pid === 'number' && typeof parsed.host === 'string' && typeof parsed.time === 'string') info = parsed as LockInfo;
		} catch {
			// Empty or half-written: judged by its age below.
		}
		return {raw, info, mtimeMs: s.mtimeMs};
	} catch (error) {
		const code = errorCode(error);
		if (code === 'ENOENT') return undefined;
		if (code === 'EISDIR') throw new MalkollError(`${file}: låsfilen är en mapp; ta bort den (rmdir ${file}) om ingen malkoll körs`);
		if (code === 'EACCES' || code === 'EPERM') throw new MalkollError(`${file}: låsfilen går inte att läsa (behörighet); ta bort den om ingen malkoll körs`);
		throw miljoFel(error, file, 'kunde inte läsa låsfilen') ?? error;
	}
}

function isStale(held: Held): boolean {
	const {info} = held;
	if (!info) return Date.now() - held.mtimeMs > EMPTY_STALE_MS;
	if (info.host !== hostname()) return Date.now() - Date.parse(info.time) > FOREIGN_STALE_MS;
	try {
		process.kill(info.pid, 0);
		return false;
	} catch (error) {
		return errorCode(error) === 'ESRCH';
	}
}

/** Moves a stale lock aside under a unique name, so of two waiters only one removes it; returns
 * true when the caller should try to take the lock again. */
async function reclaim(file: string, staleRaw: string): Promise<boolean> {
	const aside = `${file}.${process.pid}.${slump(6)}.stale`;
	try {
		await rename(file, aside);
	} catch (error) {
		if (errorCode(error) === 'ENOENT') return true;
		throw error;
	}
	const moved = await readFile(aside, 'utf8');
	if (moved !== staleRaw) {
		// Another waiter replaced the stale lock with a live one in between: put it back.
		await link(aside, file).catch(() => undefined);
	}
	await rm(aside, {force: true});
	return true;
}

/** ", sedan 06:12:03" today, ", sedan 2025-12-05 06:12" another day; nothing for a time that is none. */
function since(time: string, now = new Date()): string {
	const at = new Date(time);
	if (Number.isNaN(at.getTime())) return '';
	const day = (d: Date) => d.toLocaleDateString('sv-SE');
	return `, sedan ${day(at) === day(now) ? at.toLocaleTimeString('sv-SE') : at.toLocaleString('sv-SE').slice(0, 16)}`;
}

function describeHolder(info: LockInfo | undefined): string {
	if (!info) return 'filen är låst av en annan malkoll';
	const where = info.host === hostname() ? '' : ` på ${info.host}`;
	return `filen är låst av en annan malkoll (process ${info.pid}${where}${since(info.time)})`;
}
