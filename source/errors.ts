// Errors a user can cause: one line that names the file, field or line and what is wrong.
// The CLI prints `malkoll: <message>` and exits with `exitCode` (2), never a stack trace.
// The TUI is bundled apart from the commands (scripts/build.mjs), so an error thrown there is an
// instance of the TUI bundle's copy of this class: `instanceof MalkollError` goes by this mark.
import {visibleLine} from './report/visible.js';

const MARK = Symbol.for('malkoll.MalkollError');

export class MalkollError extends Error {
	readonly exitCode: number;
	constructor(message: string, exitCode = 2) {
		super(message);
		this.name = 'MalkollError';
		this.exitCode = exitCode;
		Object.defineProperty(this, MARK, {value: true});
	}

	static [Symbol.hasInstance](value: unknown): boolean {
		// Subclasses (ConflictError) keep the usual test.
		if (this !== MalkollError) return Function.prototype[Symbol.hasInstance].call(this, value);
		return typeof value === 'object' && value !== null && MARK in value;
	}
}

/** Another writer changed the field since the caller read it (see Op.expect). */
export class ConflictError extends MalkollError {
	readonly current: unknown;
	constructor(message: string, current: unknown) {
		super(message, 2);
		this.name = 'ConflictError';
		this.current = current;
	}
}

/** What main and the TUI's direct start print for an error (one line) and the exit code. */
export function reportError(error: unknown, io: {stderr: NodeJS.WritableStream; env: NodeJS.ProcessEnv}): number {
	if (error instanceof MalkollError) {
		io.stderr.write(`malkoll: ${visibleLine(error.message)}\n`);
		return error.exitCode;
	}
	const message = error instanceof Error ? error.message : String(error);
	io.stderr.write(`malkoll: internt fel: ${visibleLine(message)}\n`);
	if (io.env.MALKOLL_DEBUG && error instanceof Error) io.stderr.write(`${error.stack}\n`);
	return 1;
}
