import {MalkollError} from '../errors.js';
import {parseDatum} from '../domain/datum.js';
import {buildSummary} from '../domain/summary.js';
import {loadStore} from '../store/index.js';
import {colorFor} from '../report/color.js';
import {renderSummaryMarkdown} from '../report/summary-markdown.js';
import {renderSummaryText} from '../report/summary-text.js';
import {type Ctx, parsePeriod, storePath, stringFlag, writeJson} from './context.js';

export async function summary(ctx: Ctx): Promise<number> {
	if (ctx.args.length > 0) throw new MalkollError(`summary: oväntat argument "${ctx.args[0]}"`);
	if (ctx.flags.json && ctx.flags.markdown) throw new MalkollError('summary: välj --json eller --markdown, inte båda');
	const data = await loadStore(await storePath(ctx));
	const period = parsePeriod(stringFlag(ctx, 'period'), data);
	const date = stringFlag(ctx, 'date');
	const s = buildSummary(data, {period, asOf: date === undefined ? undefined : parseDatum(date, '--date')});
	if (ctx.flags.json) writeJson(ctx, s);
	else if (ctx.flags.markdown) ctx.io.stdout.write(renderSummaryMarkdown(s));
	else ctx.io.stdout.write(renderSummaryText(s, colorFor(ctx.io.stdout, ctx.env), ctx.io.stdout.columns ?? 80));
	return 0;
}
