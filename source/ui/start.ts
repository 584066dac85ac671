// The TUI from the store's path to quitting: the entry of the TUI bundle (dist/tui-HASH.cjs) that
// scripts/build.mjs makes and commands/tui.ts runs from the code cache. Ink, React, the app and the store
// layer are all in that one script, so none of them is parsed or compiled again on a later start.
import {type Ctx, storePath, stringFlag} from '../commands/context.js';
import {runTui} from './run.js';
import {laddaYoga} from './ink/yoga.js';

/** `efterForstaBilden` runs once the first frame is on the screen and the TUI is idle. */
export async function startaTui(ctx: Ctx, efterForstaBilden?: () => void): Promise<number> {
	// Yoga's WebAssembly compiles in the background while the store is found and read.
	void laddaYoga();
	const path = await storePath(ctx);
	return runTui({path, author: stringFlag(ctx, 'author'), env: ctx.env, efterForstaBilden});
}
