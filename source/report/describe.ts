import {STATUS_NAMN, type Status, TILLSTAND_NAMN, type Tillstand} from '../domain/types.js';
import {visibleLine} from './visible.js';

/** A stored value in one short line, for change lists and history. */
export function describeValue(v: unknown, max = 60): string {
	if (v === null || v === undefined) return '–';
	if (typeof v === 'string') {
		if (Object.hasOwn(STATUS_NAMN, v)) return STATUS_NAMN[v as Status];
		if (Object.hasOwn(TILLSTAND_NAMN, v)) return TILLSTAND_NAMN[v as Tillstand];
		const line = visibleLine(v);
		return `"${line.length > max ? `${line.slice(0, max - 1)}…` : line}"`;
	}
	if (typeof v === 'object' && 'raw' in (v as object)) return `"${visibleLine(String((v as {raw: string}).raw))}"`;
	if (typeof v === 'object' && 'id' in (v as object)) return String((v as {id: string}).id);
	return visibleLine(JSON.stringify(v));
}
