// Crash-safe replacement of a file: write a unique temp file beside it, fsync, keep the old
// version as .bak (itself replaced atomically), rename over, fsync the directory. A reader sees
// the old or the new file, whole, and so does whoever opens the .bak after a crash.
import {randomBytes} from 'node:crypto';
import {constants} from 'node:fs';
import {access, copyFile, link, open, readdir, rename, rm, stat} from 'node:fs/promises';
import {basename, dirname, join} from 'node:path';
import {MalkollError} from '../errors.js';

export type FaultPoint = 'after-temp-write' | 'after-fsync' | 'before-rename' | 'after-rename' | 'holding-lock';

/** Crash tests set MALKOLL_FAULT to a point; the process then dies there as if the power failed. */
export function fault(point: FaultPoint): void {
	if (process.env.MALKOLL_FAULT === point) process.kill(process.pid, 'SIGKILL');
}

export function sleep(ms: number): Promise<void> {
	return new Promise(resolve => setTimeout(resolve, ms));
}

export function errorCode(error: unknown): string | undefined {
	return (error as NodeJS.ErrnoException | undefined)?.code;
}

const WRITE_PROBLEM: Record<string, string> = {
	EACCES: 'ingen behörighet att skriva i mappen',
	EPERM: 'ingen behörighet att skriva i mappen',
	EROFS: 'filsystemet är skrivskyddat',
	ENOSPC: 'disken är full',
	EDQUOT: 'diskkvoten är slut',
	ENOENT: 'mappen finns inte',
};

/** Replaces `path` with `text`; the previous content, if any, is kept in `<path>.bak`. */
export async function writeFileAtomic(path: string, text: string | Uint8Array): Promise<void> {
	const tmp = tempPath(path);
	try {
		const mode = await stat(path).then(
			s => s.mode & 0o777,
			() => undefined,
		);
		if (mode !== undefined) await refuseReadOnly(path, mode);
		const fh = await open(tmp, 'wx');
		try {
			if (mode !== undefined) await fh.chmod(mode);
			await fh.writeFile(text);
			fault('after-temp-write');
			await fh.sync();
			fault('after-fsync');
		} finally {
			await fh.close();
		}
		if (mode !== undefined) await keepBackup(path);
		fault('before-rename');
		await renameWithRetry(tmp, path);
		fault('after-rename');
		await syncDir(dirname(path));
		await removeAbandonedTemps(path);
	} catch (error) {
		await rm(tmp, {force: true});
		const problem = WRITE_PROBLEM[errorCode(error) ?? ''];
		if (problem) throw new MalkollError(`${path}: kunde inte spara, ${problem}`);
		throw error;
	}
}

function tempPath(path: string): string {
	return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
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
		await link(path, tmp).catch(() => copyFile(path, tmp, constants.COPYFILE_FICLONE));
		await rename(tmp, `${path}.bak`);
	} finally {
		await rm(tmp, {force: true});
	}
}

/** A temp file this old was left by a writer that crashed (a write takes milliseconds). */
const ABANDONED_TEMP_MS = 10 * 60_000;

async function removeAbandonedTemps(path: string): Promise<void> {
	const prefix = `.${basename(path)}.`;
	const dir = dirname(path);
	for (const name of await readdir(dir).catch(() => [])) {
		if (!name.startsWith(prefix) || !/\.\d+\.[0-9a-f]{12}\.tmp$/.test(name)) continue;
		const old = await stat(join(dir, name)).then(
			s => Date.now() - s.mtimeMs > ABANDONED_TEMP_MS,
			() => false,
		);
		if (old) await rm(join(dir, name), {force: true});
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
