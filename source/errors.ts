// Errors a user can cause: one line that names the file, field or line and what is wrong.
// The CLI prints `malkoll: <message>` and exits with `exitCode` (2), never a stack trace.
export class MalkollError extends Error {
	readonly exitCode: number;
	constructor(message: string, exitCode = 2) {
		super(message);
		this.name = 'MalkollError';
		this.exitCode = exitCode;
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
