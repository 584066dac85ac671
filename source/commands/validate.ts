import {MalkollError} from '../errors.js';
import {loadStore} from '../store/index.js';
import {type Ctx, storePath, writeJson} from './context.js';

export async function validate(ctx: Ctx): Promise<number> {
	if (ctx.args.length > 1) throw new MalkollError('validate: en fil i taget');
	const path = ctx.args[0] ?? (await storePath(ctx));
	const data = await loadStore(path);
	const counts = {goals: data.goals.length, indicators: data.indicators.length, activities: data.activities.length};
	if (ctx.flags.json) writeJson(ctx, {file: path, valid: true, schemaVersion: data.schemaVersion, ...counts});
	else ctx.io.stdout.write(`${path}: giltig (${counts.goals} mål, ${counts.indicators} indikatorer, ${counts.activities} aktiviteter)\n`);
	return 0;
}
