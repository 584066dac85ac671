import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {MalkollError} from '../errors.js';
import {laddaSkript} from '../skript.js';
import type {startaTui} from '../ui/start.js';
import type {Ctx} from './context.js';

/** The TUI bundle's file name in dist/, set by scripts/build.mjs. */
declare const MALKOLL_TUI: string;

export async function tui(ctx: Ctx): Promise<number> {
	if (ctx.args.length > 0) throw new MalkollError(`okänt kommando "${ctx.args[0]}" (se malkoll --help)`);
	if (!ctx.io.stdin.isTTY || !ctx.io.stdout.isTTY) {
		throw new MalkollError('ingen terminal: TUI:n behöver en terminal på stdin och stdout; använd t.ex. malkoll summary eller malkoll export --json');
	}
	await (await import('./init.js')).forstaStart(ctx);
	// The rest, from finding the store on, is the TUI bundle (ui/start.ts: Ink, React, the app), run
	// from the code cache (skript.ts), which is written once the first frame is drawn.
	const bundle = laddaSkript<{startaTui: typeof startaTui}>(path.join(path.dirname(fileURLToPath(import.meta.url)), MALKOLL_TUI));
	return bundle.exports.startaTui(ctx, bundle.sparaCache);
}
