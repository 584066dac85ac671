import {MalkollError} from '../errors.js';
import {loadStore, serializeStore} from '../store/index.js';
import {renderCsv} from '../report/csv.js';
import {type Ctx, parsePeriod, storePath, stringFlag} from './context.js';

/** The whole store as JSON (schema/malkoll.schema.json), the interface for scripts; or with --csv
 * the indicators and activities of one period for Excel. */
export async function exportCommand(ctx: Ctx): Promise<number> {
	if (ctx.args.length > 0) throw new MalkollError(`export: oväntat argument "${ctx.args[0]}"`);
	if (ctx.flags.json && ctx.flags.csv) throw new MalkollError('export: välj --json eller --csv, inte båda');
	if (!ctx.flags.csv && stringFlag(ctx, 'period') !== undefined) throw new MalkollError('export: --period gäller bara --csv (--json ger hela filen)');
	const data = await loadStore(await storePath(ctx));
	if (ctx.flags.csv) ctx.io.stdout.write(renderCsv(data, {period: parsePeriod(stringFlag(ctx, 'period'), data)}));
	else ctx.io.stdout.write(serializeStore(data));
	return 0;
}
