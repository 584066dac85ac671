import {MalkollError} from '../errors.js';
import {parseDatum} from '../domain/datum.js';
import {loadStore} from '../store/index.js';
import {renderReport} from '../report/report.js';
import {type Ctx, parsePeriod, storePath, stringFlag} from './context.js';

/** The whole follow-up in the report's order, as plain text (default) or Markdown. */
export async function report(ctx: Ctx): Promise<number> {
	if (ctx.args.length > 0) throw new MalkollError(`report: oväntat argument "${ctx.args[0]}"`);
	if (ctx.flags.markdown && ctx.flags.text) throw new MalkollError('report: välj --markdown eller --text, inte båda');
	const data = await loadStore(await storePath(ctx));
	const period = parsePeriod(stringFlag(ctx, 'period'), data);
	const date = stringFlag(ctx, 'date');
	const asOf = date === undefined ? undefined : parseDatum(date, '--date');
	ctx.io.stdout.write(renderReport(data, {period, asOf, format: ctx.flags.markdown ? 'markdown' : 'text'}));
	return 0;
}
