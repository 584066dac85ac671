import {Chalk} from 'chalk';
import {readdir, stat} from 'node:fs/promises';
import path from 'node:path';
import {MalkollError} from '../errors.js';
import {parseDatum} from '../domain/datum.js';
import {buildSummary} from '../domain/summary.js';
import {PERIOD_NAMN, type StoreData} from '../domain/types.js';
import {loadStore} from '../store/index.js';
import {colorFor} from '../report/color.js';
import {RollupBuilder, renderRollupLines, rollupPart, renderRollupMarkdown} from '../report/rollup.js';
import {orgRubrik} from '../report/brief.js';
import {htmlDocument} from '../report/html.js';
import {renderSummaryMarkdown} from '../report/summary-markdown.js';
import {renderSummaryText} from '../report/summary-text.js';
import {type Ctx, type Io, parsePeriod, storePath, stringFlag, writeJson} from './context.js';

/** `malkoll summary`: the brief of one store; with files or folders as arguments, the roll-up. */
export async function summary(ctx: Ctx): Promise<number> {
	if ([ctx.flags.json, ctx.flags.markdown, ctx.flags.html].filter(Boolean).length > 1) throw new MalkollError('summary: välj en av --json, --markdown och --html');
	const date = stringFlag(ctx, 'date');
	const asOf = date === undefined ? undefined : parseDatum(date, '--date');
	const width = Math.min(ctx.io.stdout.columns ?? 80, 120);
	if (ctx.args.length > 0) {
		if (stringFlag(ctx, 'data') !== undefined) throw new MalkollError('summary: ange --data eller filer att sammanställa, inte båda');
		if (ctx.flags.exitStatus) throw new MalkollError('summary --exit-status gäller en enhets store, inte en sammanställning');
		const files = await storeFiles(ctx.args);
		const r = await rollup(files, stringFlag(ctx, 'period'), asOf, ctx.io.stderr);
		if (ctx.flags.json) writeJson(ctx, r);
		else if (ctx.flags.markdown) ctx.io.stdout.write(renderRollupMarkdown(r));
		else if (ctx.flags.html) ctx.io.stdout.write(htmlDocument(`Sammanställning ${r.year}`, renderRollupMarkdown(r)));
		else ctx.io.stdout.write(`${renderRollupLines(r, {width, color: colorFor(ctx.io.stdout, ctx.env)}).join('\n')}\n`);
		if (ctx.flags.copy) await kopieraBrief(ctx, ctx.flags.json ? JSON.stringify(r, null, 2) : ctx.flags.markdown ? renderRollupMarkdown(r) : `${renderRollupLines(r, {width: 80, color: new Chalk({level: 0})}).join('\n')}\n`);
		return 0;
	}
	const data = await loadStore(await storePath(ctx));
	const s = buildSummary(data, {period: parsePeriod(stringFlag(ctx, 'period'), data), asOf});
	if (ctx.flags.json) writeJson(ctx, s);
	else if (ctx.flags.markdown) ctx.io.stdout.write(renderSummaryMarkdown(s));
	else if (ctx.flags.html) ctx.io.stdout.write(htmlDocument(`${orgRubrik(s)}: ${PERIOD_NAMN[s.period]}`, renderSummaryMarkdown(s)));
	else ctx.io.stdout.write(renderSummaryText(s, colorFor(ctx.io.stdout, ctx.env), width));
	if (ctx.flags.copy) await kopieraBrief(ctx, ctx.flags.json ? JSON.stringify(s, null, 2) : ctx.flags.markdown ? renderSummaryMarkdown(s) : renderSummaryText(s, new Chalk({level: 0}), 80));
	// For scripts and CI: 3 while "Klart för inlämning?" is no (1 and 2 are taken by errors).
	return ctx.flags.exitStatus && !s.checklist.klar ? 3 : 0;
}

/** --copy: the brief as printed, without colour, to the clipboard; OSC 52 only to a terminal. */
async function kopieraBrief(ctx: Ctx, text: string): Promise<void> {
	const {kopiera, kopieratMeddelande} = await import('../report/clipboard.js');
	const tty = ctx.io.stdout.isTTY ? ctx.io.stdout : ctx.io.stderr.isTTY ? ctx.io.stderr : undefined;
	const vagar = await kopiera(text, {terminal: tty && (seq => tty.write(seq)), env: ctx.env});
	if (vagar.length === 0) throw new MalkollError(`summary --copy: ${kopieratMeddelande('briefen', vagar)}`);
	ctx.io.stderr.write(`malkoll: ${kopieratMeddelande('briefen', vagar)}\n`);
}

/** Files as given, and the *.json files of each folder, in name order; each once. */
export async function storeFiles(args: string[]): Promise<string[]> {
	const files: string[] = [];
	for (const arg of args) {
		let info;
		try {
			info = await stat(arg);
		} catch {
			throw new MalkollError(`${arg}: filen eller mappen finns inte`);
		}
		if (!info.isDirectory()) {
			files.push(arg);
			continue;
		}
		const names = (await readdir(arg)).filter(n => n.endsWith('.json') && !n.startsWith('.')).sort();
		if (names.length === 0) throw new MalkollError(`${arg}: mappen har inga .json-filer`);
		files.push(...names.map(n => path.join(arg, n)));
	}
	return [...new Set(files)];
}

async function rollup(files: string[], period: string | undefined, asOf: string | undefined, stderr: Io['stderr']) {
	const builder = new RollupBuilder();
	await readStores(files, stderr, (fil, data) =>
		builder.add(rollupPart(fil, data, {period: period === undefined ? undefined : parsePeriod(period, data), asOf})),
	);
	return builder.finish();
}

const PROGRESS_AFTER_MS = 300;
const PARALLEL = 4;

/** Reads the stores, a few at a time, and hands each to `each` in the order of `files` as soon as
 * those before it are done, so that a roll-up keeps no more than a few whole stores in memory; on a
 * terminal, a progress line once reading takes a while. */
export async function readStores(
	files: string[],
	stderr: Io['stderr'],
	each: (fil: string, data: StoreData) => void,
	now: () => number = () => performance.now(),
): Promise<void> {
	const start = now();
	const loaded = new Map<number, StoreData>();
	let klara = 0;
	let lamnade = 0;
	let visad = false;
	let next = 0;
	const worker = async () => {
		while (next < files.length) {
			const i = next++;
			loaded.set(i, await loadStore(files[i]!));
			for (let d = loaded.get(lamnade); d; d = loaded.get(lamnade)) {
				loaded.delete(lamnade);
				each(files[lamnade]!, d);
				lamnade++;
			}
			klara++;
			if (stderr.isTTY && now() - start > PROGRESS_AFTER_MS) {
				stderr.write(`\rmalkoll: läser ${klara}/${files.length} stores…`);
				visad = true;
			}
		}
	};
	try {
		await Promise.all(Array.from({length: Math.min(PARALLEL, files.length)}, worker));
	} finally {
		if (visad) stderr.write('\r\u001b[K');
	}
}
