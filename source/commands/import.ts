// malkoll import REPORT: an accounting per level on stderr; nothing is written if anything was not placed, unless --partial.
import type {StoreData} from '../domain/types.js';
import {MalkollError} from '../errors.js';
import {readBytes, readDocument} from '../import/document.js';
import {type Accounting, type Level, type Warning, importReport} from '../import/index.js';
import {planMerge} from '../import/merge.js';
import {safeJson, serializeStore} from '../store/serialize.js';
import {visibleLine} from '../report/visible.js';

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
	return `${visibleLine(fil)}: redovisning\n${rad('nivå', 'hittade', 'placerade', 'ej placerade')}${rader.join('')}`;
}

function json(a: Accounting, warnings: Warning[], skrivet: boolean): string {
	const nivaer = Object.fromEntries(Object.entries(a).map(([l, {found, placed}]) => [l, {hittade: found, placerade: placed, ejPlacerade: found - placed}]));
	return `${safeJson({nivaer, ejPlacerade: warnings.map(w => ({rad: w.line, niva: w.level, skal: w.message})), skrivet}, 0)}\n`;
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
	// Titles and lines of the report, and the names of files, are shown inert (visible.ts).
	const say = (line: string) => o.stderr.write(`${visibleLine(line)}\n`);
	for (const w of warnings) say(`${o.file}:${w.line}: ${w.message}`);
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
		for (const note of notes) say(`${o.file}: ${note}`);
		say(`${o.into}: ${n} ändringar från ${data.kalla?.rapport ?? data.period} ${data.year}${o.dryRun ? ' (--dry-run: inget skrevs)' : ''}`);
		return 0;
	}
	const antal = `${data.goals.length} mål, ${data.indicators.length} indikatorer, ${data.activities.length} aktiviteter`;
	if (o.dryRun) say(`${o.out ?? o.file}: ${antal} (--dry-run: inget skrevs)`);
	else if (o.out) {
		await (await import('../store/index.js')).writeStore(o.out, data);
		say(`${o.out}: ${antal}`);
	} else o.stdout.write(serializeStore(data));
	return 0;
}
