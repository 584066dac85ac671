// The report importer: a report's text → StoreData, with an accounting of every goal, indicator and activity found.
import {type Built, buildStore} from './build.js';
import {readLayoutA} from './layout-a.js';
import {prepare} from './recognisers.js';
import {type Layout, detectLayout, readLayoutB} from './units.js';

export type {Accounting, Level, Warning} from './tree.js';

export type ImportResult = Built & {layout: Layout};

/** Reads a report's text; `fil` names the file in messages and in kalla.fil. */
export function importReport(text: string, fil: string): ImportResult {
	const input = text.replace(/\r\n?/g, '\n').split('\n');
	const layout = detectLayout(input);
	const {lines, toc, headers, suspects} = prepare(input, layout === 'A');
	const built = buildStore(layout === 'A' ? readLayoutA(lines) : readLayoutB(lines), {toc, headers}, fil);
	// A line that looks like a goal heading or a table header but that no recogniser read is counted too.
	for (const l of suspects) {
		built.warnings.push({line: l.nr, level: 'ovrigt', message: `ser ut som en rubrik men kunde inte läsas: "${l.raw.trim().slice(0, 60)}"`});
		built.accounting.ovrigt.found++;
	}
	built.warnings.sort((a, b) => a.line - b.line);
	return {...built, layout};
}
