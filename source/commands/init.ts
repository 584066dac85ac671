// malkoll init: a new unit's store from its nämnd's plan, and the question on first start that leads to it.
import {existsSync} from 'node:fs';
import {rename} from 'node:fs/promises';
import {homedir} from 'node:os';
import path from 'node:path';
import {createInterface} from 'node:readline/promises';
import type {StoreData} from '../domain/types.js';
import {MalkollError} from '../errors.js';
import {visibleLine} from '../report/visible.js';
import {readBytes, readDocument} from '../import/document.js';
import {defaultStorePath, historyPath, writeStore} from '../store/index.js';
import {decodeStore, parseStore} from '../store/parse.js';
import {type Ctx, stringFlag} from './context.js';

/** The unit's store for the nämnd's year: its goals, indicators and activities, no enhetsmål and no follow-up yet. */
export function enhetFranNamnd(namnd: StoreData, namn: string, fil: string): StoreData {
	const {periodSlut, delvisMarginal, goals, indicators, activities} = namnd;
	return {
		schemaVersion: namnd.schemaVersion,
		organisation: {namn, niva: 'enhet', namnd: namnd.organisation.namn, ...(namnd.organisation.forvaltning && {forvaltning: namnd.organisation.forvaltning})},
		year: namnd.year,
		bedomdaNivaer: ['enhetsmal'],
		period: 'VP',
		...(periodSlut && {periodSlut}),
		...(delvisMarginal !== undefined && {delvisMarginal}),
		goals,
		indicators,
		activities,
		followUp: {},
		kalla: {fil: path.basename(fil)},
	};
}

export async function init(ctx: Ctx): Promise<number> {
	if (ctx.args.length > 0) throw new MalkollError(`init: okänt argument "${ctx.args[0]}"; ange filen med --fran`);
	const fran = stringFlag(ctx, 'fran')?.trim();
	const namn = stringFlag(ctx, 'namn')?.trim();
	if (!fran) throw new MalkollError('init: ange nämndens plan med --fran FIL (verksamhetsplanen som .txt, .docx eller .pdf, eller nämndens store .json)');
	if (!namn) throw new MalkollError('init: ange enhetens namn med --namn, t.ex. --namn "Beställarenhet 2"');
	const target = stringFlag(ctx, 'out') || stringFlag(ctx, 'data') || ctx.env.MALKOLL_DATA || defaultStorePath(ctx.env);
	const force = ctx.flags.force === true;
	if (!force && existsSync(target)) throw new MalkollError(`${target}: finns redan; --force ersätter den och sparar den gamla som ${path.basename(target)}.bak`);
	// A nämnd store (JSON, told by its content) or a report read by the importer.
	const bytes = await readBytes(fran);
	const json = /^\uFEFF?\s*\{/.test(bytes.toString('utf8', 0, 64));
	const namnd = json ? parseStore(decodeStore(bytes, fran), fran) : (await import('../import/index.js')).importReport(await readDocument(fran, bytes), fran).data;
	if (namnd.organisation.niva === 'enhet' || namnd.goals.some(g => g.niva === 'enhetsmal')) {
		throw new MalkollError(`${fran}: är en enhets plan (${namnd.organisation.namn}), inte en nämnds; ange nämndens verksamhetsplan eller store`);
	}
	const data = enhetFranNamnd(namnd, namn, fran);
	const hadHistory = force && existsSync(historyPath(target));
	await writeStore(target, data, {overwrite: force});
	// The old store's history goes with it to .bak: its versions are not versions of the new store.
	if (hadHistory) await rename(historyPath(target), historyPath(`${target}.bak`));
	const rapport = namnd.kalla?.rapport ?? namnd.period;
	if (rapport !== 'VP') ctx.io.stderr.write(`malkoll: obs: ${visibleLine(fran)} är nämndens ${rapport} ${namnd.year}, inte verksamhetsplanen; aktiviteter som bara står i planen kan saknas\n`);
	const count = (niva: string) => data.goals.filter(g => g.niva === niva).length;
	const forsta = data.goals.find(g => g.niva === 'namndmal')?.id ?? 'ID';
	ctx.io.stderr.write(
		`${visibleLine(`${target}: ${namn}, ${namnd.organisation.namn}`)} ${data.year}: ${count('im')} inriktningsmål, ${count('vo')} mål för verksamhetsområdet, ${count('namndmal')} nämndmål, ` +
			`${data.indicators.length} indikatorer, ${data.activities.length} aktiviteter; lägg till enhetsmål med malkoll add enhetsmal --under ${forsta} --titel "…" eller + i TUI:n\n`,
	);
	return 0;
}

/** First start without a store: the bundled example or a new unit from the nämnd's plan, asked before the TUI starts. */
export async function forstaStart(ctx: Ctx): Promise<void> {
	if (stringFlag(ctx, 'data') || ctx.env.MALKOLL_DATA || existsSync(defaultStorePath(ctx.env))) return;
	const rl = createInterface({input: ctx.io.stdin, output: ctx.io.stdout});
	// Ctrl-C or Ctrl-D leaves without a store; the pending question is aborted.
	const avbryt = new AbortController();
	rl.on('SIGINT', () => avbryt.abort()).on('close', () => avbryt.abort());
	const fraga = (text: string) => rl.question(text, {signal: avbryt.signal}).catch(() => Promise.reject(new MalkollError('avbrutet; ingen fil skapades', 130)));
	ctx.io.stdout.write('Ingen egen fil ännu.\n');
	try {
		for (;;) {
			const val = (await fraga('Enter: exemplet (Beställarenhet 2, 2025) · n Enter: ny enhet från nämndens plan ')).trim().toLowerCase();
			if (val === '') return;
			// Anything else asks again: text typed ahead must not silently take the example.
			if (val !== 'n') continue;
			// A file dragged into the terminal comes quoted; ~ is the shell's, not the file system's.
			const fran = (await fraga('Nämndens verksamhetsplan (.txt, .docx, .pdf) eller store (.json): ')).trim().replace(/^(['"])(.*)\1$/, '$2').replace(/^~(?=\/|$)/, homedir());
			const namn = await fraga('Enhetens namn: ');
			try {
				await init({...ctx, flags: {fran, namn}, args: []});
				return;
			} catch (error) {
				if (!(error instanceof MalkollError)) throw error;
				ctx.io.stderr.write(`malkoll: ${visibleLine(error.message)}\n`);
			}
		}
	} finally {
		rl.close();
	}
}
