import {MalkollError} from '../errors.js';
import {type Ctx, storePath, stringFlag} from './context.js';

export async function tui(ctx: Ctx): Promise<number> {
	if (ctx.args.length > 0) throw new MalkollError(`okänt kommando "${ctx.args[0]}" (se malkoll --help)`);
	if (!ctx.io.stdin.isTTY || !ctx.io.stdout.isTTY) {
		throw new MalkollError('ingen terminal: TUI:n behöver en terminal på stdin och stdout; använd t.ex. malkoll summary eller malkoll export --json');
	}
	const path = await storePath(ctx);
	const {runTui} = await import('../ui/run.js');
	return runTui({path, author: stringFlag(ctx, 'author')});
}
