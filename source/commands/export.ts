import {MalkollError} from '../errors.js';
import {loadStore, serializeStore} from '../store/index.js';
import {type Ctx, storePath} from './context.js';

/** The whole store as JSON (schema/malkoll.schema.json): the interface for scripts. */
export async function exportCommand(ctx: Ctx): Promise<number> {
	if (ctx.args.length > 0) throw new MalkollError(`export: oväntat argument "${ctx.args[0]}"`);
	const data = await loadStore(await storePath(ctx));
	ctx.io.stdout.write(serializeStore(data));
	return 0;
}
