import {MalkollError} from '../errors.js';
import {splitPunkter} from '../domain/analys.js';
import {indexStore, skapaKontext} from '../domain/bedomning.js';
import {parseDatum, periodSlut} from '../domain/datum.js';
import type {Goal, Period, StoreData} from '../domain/types.js';
import {loadStore} from '../store/index.js';
import {PERIOD_NAMN} from '../domain/types.js';
import {htmlDocument} from '../report/html.js';
import {renderReport} from '../report/report.js';
import {type Ctx, parsePeriod, storePath, stringFlag, writeJson} from './context.js';

/** The whole follow-up in the report's order, as plain text (default), Markdown or JSON. */
export async function report(ctx: Ctx): Promise<number> {
	if (ctx.args.length > 0) throw new MalkollError(`report: oväntat argument "${ctx.args[0]}"`);
	if ([ctx.flags.markdown, ctx.flags.text, ctx.flags.json, ctx.flags.html].filter(Boolean).length > 1) throw new MalkollError('report: välj en av --text, --markdown, --json och --html');
	const data = await loadStore(await storePath(ctx));
	const period = parsePeriod(stringFlag(ctx, 'period'), data);
	const date = stringFlag(ctx, 'date');
	const asOf = date === undefined ? undefined : parseDatum(date, '--date');
	if (ctx.flags.json) {
		writeJson(ctx, reportJson(data, period, asOf ?? periodSlut(data, period)));
		return 0;
	}
	const text = renderReport(data, {period, asOf, format: ctx.flags.markdown || ctx.flags.html ? 'markdown' : 'text'});
	// The HTML is the Markdown's structure, so that both always say the same.
	ctx.io.stdout.write(ctx.flags.html ? htmlDocument(`${data.organisation.namn}: ${PERIOD_NAMN[period]} ${data.year}`, text) : text);
	return 0;
}

/** `report --json`: the goals in the report's order (depth first), each with its follow-up, its
 * analysis split into Punkt notes, and its own indicators and activities as judged on asOf. Texts
 * are as stored. */
export function reportJson(data: StoreData, period: Period, asOf: string) {
	const idx = indexStore(data);
	const k = skapaKontext(data, idx, period, asOf);
	const fu = data.followUp[period];
	const goals: unknown[] = [];
	const visit = (goal: Goal): void => {
		const gfu = fu?.goals[goal.id] ?? {};
		goals.push({
			...goal,
			followUp: gfu,
			analysPunkter: gfu.analys === undefined ? undefined : splitPunkter(gfu.analys.replace(/\r\n?/g, '\n')),
			indicators: (idx.indicatorsByGoal.get(goal.id) ?? []).map(i => ({...i, followUp: fu?.indicators[i.id] ?? {}, bedomning: k.verdict(i)})),
			activities: (idx.activitiesByGoal.get(goal.id) ?? []).map(a => ({...a, followUp: fu?.activities[a.id] ?? {}, bedomning: k.aktivitet(a)})),
		});
		for (const child of idx.children.get(goal.id) ?? []) visit(child);
	};
	for (const root of idx.children.get('') ?? []) visit(root);
	return {organisation: data.organisation, year: data.year, period, asOf, goals};
}
