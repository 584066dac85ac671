// A change as a person reads it: the field's Swedish label, never its internal name.
import {expect, it} from 'vitest';
import {describeChange} from '../source/report/describe.js';

it('names the field by its label, also on an old history line without its entity', () => {
	const rad = {at: '2025-01-01T00:00:00Z', author: 'x', op: 'set' as const, period: 'VB' as const, old: null};
	expect(describeChange({...rad, entity: 'indicator', id: '3.4:i2', field: 'man', new: {raw: '6,1 %', value: 6.1, unit: '%'}})).toBe('3.4:i2 Utfall män (VB): – → "6,1 %"');
	expect(describeChange({...rad, id: '3.5.1:a1', field: 'tillstand', new: 'pagar'})).toBe('3.5.1:a1 Tillstånd (VB): – → Pågår');
	expect(describeChange({...rad, id: '3.4.1.1', field: 'besvarat', new: {'analys-utan-grund': 'Se punkt 1.'}})).toBe('3.4.1.1 Besvarade varningar (VB): – → "analys-utan-grund: Se punkt 1."');
});
