// The TUI from the store's path to quitting: the entry of the TUI bundle (dist/tui-HASH.cjs) that
// scripts/build.mjs makes. Ink, React, the app and the store layer are all in that one script, so
// none of them is parsed or compiled again on a later start. dist/cli.js runs it directly for a
// plain `malkoll [--data FIL] [--author NAMN]` (tuiDirekt); everything else comes by commands/tui.ts.
import {existsSync} from 'node:fs';
import {type Ctx, type Io, storePath, stringFlag} from '../commands/context.js';
import {reportError} from '../errors.js';
import {defaultStorePath} from '../store/paths.js';
import {runTui} from './run.js';
import {laddaYoga} from './ink/yoga.js';

/** At a terminal (commands/tui.ts and dist/cli.js see to that). `efterForstaBilden` runs once the first frame is on the screen and the TUI is idle. */
export async function startaTui(ctx: Ctx, efterForstaBilden?: () => void): Promise<number> {
	// Ink draws only the last frame when the CI variable is set; the TUI has a terminal by now,
	// so that mode is never right here (it left CI's tmux tests with a blank screen).
	for (const key of ['CI', 'CONTINUOUS_INTEGRATION']) if (process.env[key] !== undefined) process.env[key] = '0';
	// Yoga's WebAssembly compiles in the background while the store is found and read.
	void laddaYoga();
	const path = await storePath(ctx);
	return runTui({path, author: stringFlag(ctx, 'author'), env: ctx.env, efterForstaBilden});
}

/** The TUI without the commands' bundle (meow, the commands): `flags` are --data and --author as
 * dist/cli.js read them. Undefined when the user has no store yet: the first start's questions are
 * the commands' (commands/init.ts). */
export async function tuiDirekt(flags: Record<string, string>, io: Io, efterForstaBilden: () => void): Promise<number | undefined> {
	if (flags.data === undefined && !io.env.MALKOLL_DATA && !existsSync(defaultStorePath(io.env))) return undefined;
	try {
		return await startaTui({io, flags, args: [], env: io.env}, efterForstaBilden);
	} catch (error) {
		return reportError(error, io);
	}
}
