import {MalkollError} from '../errors.js';
import {parseDatum} from '../domain/datum.js';
import {loadStore} from '../store/index.js';
import {PERIOD_NAMN} from '../domain/types.js';
import {htmlDocument} from '../report/html.js';
import {renderReport} from '../report/report.js';
import {type Ctx, parsePeriod, storePath, stringFlag} from './context.js';

/** The whole follow-up in the report's order, as plain text (default) or Markdown. */
export async function report(ctx: Ctx): Promise<number> {
	if (ctx.args.length > 0) throw new MalkollError(`report: oväntat argument "${ctx.args[0]}"`);
	if ([ctx.flags.markdown, ctx.flags.text, ctx.flags.html].filter(Boolean).length > 1) throw new MalkollError('report: välj en av --text, --markdown och --html');
	const data = await loadStore(await storePath(ctx));
	const period = parsePeriod(stringFlag(ctx, 'period'), data);
	const date = stringFlag(ctx, 'date');
	const asOf = date === undefined ? undefined : parseDatum(date, '--date');
	const text = renderReport(data, {period, asOf, format: ctx.flags.markdown || ctx.flags.html ? 'markdown' : 'text'});
	// The HTML is the Markdown's structure, so that both always say the same.
	ctx.io.stdout.write(ctx.flags.html ? htmlDocument(`${data.organisation.namn}: ${PERIOD_NAMN[period]} ${data.year}`, text) : text);
	return 0;
}
