// Every file a person names as input (a store, --analys-file, a report, a plan) is read here: a
// regular file whole, a pipe (stdin "-", <(…) as /dev/fd/N, a FIFO) until its end or the limit,
// and a device or socket refused, so that /dev/zero or a chatty pipe never fills memory.
import {closeSync, fstatSync, openSync, readFileSync, readSync, statSync} from 'node:fs';
import {MalkollError} from './errors.js';

/** Stores and reports: far above any real one (a nämnd's store is ~1 MB, a 6 MB store is headroom). */
export const MAX_INPUT: Limit = {bytes: 256 * 1024 * 1024};

/** How much to read at most, and what to say when there is more. */
export interface Limit {
	bytes: number;
	over?: string;
}

function tooBig(file: string, limit: Limit): MalkollError {
	return new MalkollError(`${file}: ${limit.over ?? `mer än ${limit.bytes} byte; malkoll läser inte längre än så`}`);
}

function refuseSpecial(file: string, s: {isCharacterDevice(): boolean; isBlockDevice(): boolean; isSocket(): boolean}): void {
	if (s.isCharacterDevice() || s.isBlockDevice()) throw new MalkollError(`${file}: är en enhetsfil, inte en vanlig fil; ange en textfil`);
	if (s.isSocket()) throw new MalkollError(`${file}: är en socket, inte en vanlig fil; ange en textfil`);
}

/** The bytes of `file`, at most `limit`. Errors of the file system (ENOENT, EISDIR, EACCES) are
 * thrown as they are, for the caller to name in its own words. */
export function readInput(file: string, limit: Limit): Buffer {
	const s = statSync(file);
	refuseSpecial(file, s);
	if (s.isFile()) {
		if (s.size > limit.bytes) throw tooBig(file, limit);
		return readFileSync(file);
	}
	if (!s.isFIFO()) return readFileSync(file);
	const fd = openSync(file, 'r');
	try {
		refuseSpecial(file, fstatSync(fd));
		return readPipe(fd, file, limit);
	} finally {
		closeSync(fd);
	}
}

function readPipe(fd: number, file: string, limit: Limit): Buffer {
	const chunks: Buffer[] = [];
	let total = 0;
	for (;;) {
		const chunk = Buffer.allocUnsafe(65536);
		const n = readSync(fd, chunk, 0, chunk.length, null);
		if (n === 0) break;
		total += n;
		if (total > limit.bytes) throw tooBig(file, limit);
		chunks.push(chunk.subarray(0, n));
	}
	return Buffer.concat(chunks, total);
}

/** Standard input to its end, at most `limit` bytes; `name` names it in the error. */
export async function readStream(stream: NodeJS.ReadableStream, name: string, limit: Limit): Promise<Buffer> {
	const chunks: Buffer[] = [];
	let total = 0;
	for await (const chunk of stream) {
		const b = Buffer.from(chunk as Buffer);
		total += b.length;
		if (total > limit.bytes) throw tooBig(name, limit);
		chunks.push(b);
	}
	return Buffer.concat(chunks, total);
}
