// malkoll import REPORT: an accounting per level on stderr; nothing is written if anything was not placed, unless --partial.
import type {StoreData} from '../domain/types.js';
import {MalkollError} from '../errors.js';
import {readBytes, readDocument} from '../import/document.js';
import {type Accounting, type Level, type Warning, importReport} from '../import/index.js';
import {planMerge} from '../import/merge.js';
import {serializeStore} from '../store/serialize.js';

const NAMN: Record<Level, string> = {
	im: 'KF:s inriktningsmål',
	vo: 'KF:s mål för verksamhetsområdet',
	namndmal: 'Nämndmål',
	enhetsmal: 'Enhetsmål',
	indikator: 'Indikatorer',
	aktivitet: 'Aktiviteter',
	ovrigt: 'Övrigt (text, rubriker)',
};

/** The accounting as a table on stderr: found / placed / not placed per level. */
function tabell(fil: string, a: Accounting): string {
	const rad = (namn: string, ...tal: Array<string | number>) => `  ${namn.padEnd(34)}${[8, 11, 14].map((w, k) => String(tal[k]).padStart(w)).join('')}\n`;
	const rader = (Object.keys(NAMN) as Level[]).map(l => rad(NAMN[l], a[l].found, a[l].placed, a[l].found - a[l].placed));
	return `${fil}: redovisning\n${rad('nivå', 'hittade', 'placerade', 'ej placerade')}${rader.join('')}`;
}

function json(a: Accounting, warnings: Warning[], skrivet: boolean): string {
	const nivaer = Object.fromEntries(Object.entries(a).map(([l, {found, placed}]) => [l, {hittade: found, placerade: placed, ejPlacerade: found - placed}]));
	return `${JSON.stringify({nivaer, ejPlacerade: warnings.map(w => ({rad: w.line, niva: w.level, skal: w.message})), skrivet})}\n`;
}

export async function importCommand(o: {
	file: string;
	out?: string;
	into?: string;
	partial?: boolean;
	json?: boolean;
	dryRun?: boolean;
	author?: string;
	stdout: NodeJS.WritableStream;
	stderr: NodeJS.WritableStream;
}): Promise<number> {
	if (o.out && o.into) throw new MalkollError('ange antingen --out eller --into, inte båda');
	if (o.json && !o.out && !o.into) throw new MalkollError('import: --json skriver redovisningen och kräver --out eller --into (utan dem skrivs lagret på stdout)');
	const {data, warnings, accounting} = importReport(await readDocument(o.file, await readBytes(o.file)), o.file);
	for (const w of warnings) o.stderr.write(`${o.file}:${w.line}: ${w.message}\n`);
	o.stderr.write(tabell(o.file, accounting));
	const strict = warnings.length > 0 && !o.partial;
	if (o.json) o.stdout.write(json(accounting, warnings, !strict && !o.dryRun));
	if (strict) {
		o.stderr.write(`malkoll: ${warnings.length} delar av rapporten kunde inte placeras (raderna ovan); inget skrevs. Med --partial skrivs det som placerades.\n`);
		return 2;
	}
	if (o.into) {
		// Planned from the store as read under the lock, so that no change made meanwhile is missed.
		const notes: string[] = [];
		const plan = (current: StoreData) => {
			const p = planMerge(current, data);
			notes.push(...p.notes);
			return p.ops;
		};
		// The store layer (lock, history, lowdb) only where a store is read or written: printing needs none of it.
		const {applyChanges, loadStore} = await import('../store/index.js');
		const n = o.dryRun ? plan(await loadStore(o.into)).length : (await applyChanges(o.into, plan, {author: o.author ?? 'import'})).changes.length;
		for (const note of notes) o.stderr.write(`${o.file}: ${note}\n`);
		o.stderr.write(`${o.into}: ${n} ändringar från ${data.kalla?.rapport ?? data.period} ${data.year}${o.dryRun ? ' (--dry-run: inget skrevs)' : ''}\n`);
		return 0;
	}
	const antal = `${data.goals.length} mål, ${data.indicators.length} indikatorer, ${data.activities.length} aktiviteter`;
	if (o.dryRun) o.stderr.write(`${o.out ?? o.file}: ${antal} (--dry-run: inget skrevs)\n`);
	else if (o.out) {
		await (await import('../store/index.js')).writeStore(o.out, data);
		o.stderr.write(`${o.out}: ${antal}\n`);
	} else o.stdout.write(serializeStore(data));
	return 0;
}
