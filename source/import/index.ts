// The report importer: text of a VP, tertialrapport or verksamhetsberättelse → StoreData.
import {MalkollError} from '../errors.js';
import {type Built, buildStore} from './build.js';
import {readLayoutA} from './layout-a.js';
import {type Layout, detectLayout, readLayoutB} from './units.js';

export type {Warning} from './build.js';

export interface ImportResult extends Built {
	layout: Layout;
}

/** Reads a report's text; `fil` names the file in messages and in kalla.fil. */
export function importReport(text: string, fil: string): ImportResult {
	if (text.includes('\u0000')) throw new MalkollError(`${fil}: filen är inte text (binära tecken)`);
	const lines = text.replace(/\r\n?/g, '\n').split('\n');
	const layout = detectLayout(lines);
	const units = layout === 'A' ? readLayoutA(lines) : readLayoutB(lines);
	return {...buildStore(units, fil), layout};
}
