import {type Entity, type Part, field, fieldLabel} from '../domain/fields.js';
import {type Change, entityOfId} from '../domain/ops.js';
import {STATUS_NAMN, TILLSTAND_NAMN} from '../domain/types.js';
import {visibleLine} from './visible.js';

// Without its field a value is guessed at: the words of a status or an activity state.
const NAMN: Record<string, string> = {...STATUS_NAMN, ...TILLSTAND_NAMN};
const quote = (line: string, max: number) => `"${line.length > max ? `${line.slice(0, max - 1)}…` : line}"`;

/** A stored value in one short line, for change lists and history; with its field, as the table formats it. */
export function describeValue(v: unknown, max = 60, where?: {entity?: Entity; part: Part; field?: string}): string {
	if (v === null || v === undefined) return '–';
	const f = where?.entity && where.field !== undefined ? field(where.entity, where.part, where.field) : undefined;
	if (f) {
		try {
			f.check(v, '');
			const text = visibleLine(f.format(v));
			return f.kind === 'val' || f.kind === 'andel' ? text : quote(text, max);
		} catch {}
	}
	if (typeof v === 'string') {
		if (!where && Object.hasOwn(NAMN, v)) return NAMN[v] ?? v;
		return quote(visibleLine(v), max);
	}
	if (typeof v === 'object' && 'raw' in v) return quote(visibleLine(String(v.raw)), max);
	if (typeof v === 'object' && 'id' in v) return String(v.id);
	return visibleLine(JSON.stringify(v));
}

const META_NAMN: Record<string, string> = {period: 'period', inlamnad: 'inlämnad'};

/** "3.4:i2 Utfall män (VB): "5,2 %" → "6,1 %"", "3.4.1.2:a1 borttagen": one change as a person reads it. */
export function describeChange(c: Change): string {
	if (c.op === 'add' || c.op === 'remove') return `${c.id} ${c.op === 'add' ? 'tillagd' : 'borttagen'}`;
	const part: Part = c.op === 'set' ? 'followUp' : 'plan';
	const name = c.field ?? '';
	// A history line written before changes named their entity still gets its field's label.
	const entity = c.entity ?? entityOfId(c.id);
	const what = c.op === 'meta' ? (META_NAMN[name] ?? name) : `${c.id} ${fieldLabel(entity, part, name)}${c.period ? ` (${c.period})` : ''}`;
	const where = {entity, part, field: name};
	return `${what}: ${describeValue(c.old, 60, where)} → ${describeValue(c.new, 60, where)}`;
}
