import {MalkollError} from '../errors.js';
import {safeJson} from '../store/serialize.js';
import {PERIODER, type Period, type StoreData} from '../domain/types.js';

export interface Io {
	stdout: NodeJS.WritableStream & {isTTY?: boolean; columns?: number};
	stderr: NodeJS.WritableStream & {isTTY?: boolean};
	stdin: NodeJS.ReadableStream & {isTTY?: boolean};
	env: NodeJS.ProcessEnv;
}

export interface Ctx {
	io: Io;
	flags: Record<string, string | boolean | undefined>;
	args: string[];
	env: NodeJS.ProcessEnv;
}

export function stringFlag(ctx: Ctx, name: string): string | undefined {
	const v = ctx.flags[name];
	return typeof v === 'string' ? v : undefined;
}

/** The store this command works on: --data, MALKOLL_DATA, or the user's own store. */
export async function storePath(ctx: Ctx): Promise<string> {
	const {resolveStorePath} = await import('../store/index.js');
	const data = stringFlag(ctx, 'data');
	if (data === '') throw new MalkollError('--data: ange en fil');
	const {path, created} = await resolveStorePath({data, env: ctx.env});
	if (created) ctx.io.stderr.write(`malkoll: skapade din store ${path} från exemplet Beställarenhet 2 2025\n`);
	return path;
}

export function parsePeriod(text: string | undefined, data: StoreData): Period {
	if (text === undefined) return data.period;
	const p = text.trim().toUpperCase();
	if (!(PERIODER as readonly string[]).includes(p)) throw new MalkollError(`--period: okänd period "${text}" (${PERIODER.join(', ')})`);
	return p as Period;
}

/** One positional argument, the id; names the command in the error. */
export function requireId(ctx: Ctx, command: string): string {
	if (ctx.args.length === 0) throw new MalkollError(`${command}: ange ett id, t.ex. malkoll ${command} 3.4.1.1`);
	if (ctx.args.length > 1) throw new MalkollError(`${command}: ett id i taget (fick ${ctx.args.join(' ')})`);
	return ctx.args[0]!.trim();
}

/** --json output: indented for a person at a terminal, on one line for a script (a third smaller,
 * and quicker to write and to read: a large store's summary is megabytes). */
export function writeJson(ctx: Ctx, value: unknown): void {
	ctx.io.stdout.write(`${safeJson(value, (ctx.io.stdout as {isTTY?: boolean}).isTTY ? 2 : 0)}\n`);
}
