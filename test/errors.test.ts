// MalkollError is recognised across bundles: the TUI is bundled apart from the commands, with its
// own copy of the class (scripts/build.mjs), and main() must still print its one line and exit 2.
import {describe, expect, it, vi} from 'vitest';
import {ConflictError, MalkollError} from '../source/errors.js';

describe('MalkollError', () => {
	it('is recognised by its mark, also when made by another copy of the class', async () => {
		// A second copy of the module, as another bundle would have it.
		vi.resetModules();
		const other = await import('../source/errors.js');
		expect(other.MalkollError).not.toBe(MalkollError);
		const e = new other.MalkollError('x.json: fel');
		expect(e).toBeInstanceOf(MalkollError);
		expect(new MalkollError('y')).toBeInstanceOf(other.MalkollError);
		expect(new Error('z')).not.toBeInstanceOf(MalkollError);
		expect({message: 'inte ett fel'}).not.toBeInstanceOf(MalkollError);
		expect((null as unknown) instanceof MalkollError).toBe(false);
	});

	it('keeps subclasses apart', () => {
		const c = new ConflictError('ändrat', 1);
		expect(c).toBeInstanceOf(MalkollError);
		expect(c).toBeInstanceOf(ConflictError);
		expect(new MalkollError('m')).not.toBeInstanceOf(ConflictError);
		expect(c.exitCode).toBe(2);
	});
});
