import {MalkollError} from '../errors.js';
import {laddaTui} from '../ui/ladda.js';
import type {Ctx} from './context.js';

export async function tui(ctx: Ctx): Promise<number> {
	if (ctx.args.length > 0) throw new MalkollError(`okänt kommando "${ctx.args[0]}" (se malkoll --help)`);
	if (!ctx.io.stdin.isTTY || !ctx.io.stdout.isTTY) {
		throw new MalkollError('ingen terminal: TUI:n behöver en terminal på stdin och stdout; använd t.ex. malkoll summary eller malkoll export --json');
	}
	await (await import('./init.js')).forstaStart(ctx);
	// Ink draws only the last frame when the CI variable is set; the TUI has a terminal by now,
	// so that mode is never right here (it left CI's tmux tests with a blank screen).
	for (const key of ['CI', 'CONTINUOUS_INTEGRATION']) if (process.env[key] !== undefined) process.env[key] = '0';
	// The rest, from finding the store on, is the TUI bundle (ui/start.ts), run from V8's code cache.
	const {tui: bundle, efterForstaBilden} = await laddaTui();
	return bundle.startaTui(ctx, efterForstaBilden);
}
