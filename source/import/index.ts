// The report importer: a report's text → StoreData, with an accounting of every goal, indicator and activity found.
import {type Built, buildStore} from './build.js';
import {readLayoutA} from './layout-a.js';
import {prepare} from './recognisers.js';
import {type Layout, detectLayout, readLayoutB} from './units.js';

export type {Accounting, Level, Warning} from './tree.js';

/** Reads a report's text; `fil` names the file in messages and in kalla.fil. */
export function importReport(text: string, fil: string): Built & {layout: Layout} {
	const input = text.replace(/\r\n?/g, '\n').split('\n');
	const layout = detectLayout(input);
	const prepared = prepare(input, layout === 'A');
	return {...buildStore(layout === 'A' ? readLayoutA(prepared.lines) : readLayoutB(prepared.lines), prepared, fil), layout};
}
