// A change the TUI saved whose history could not be appended (store.ts's acknowledgement rule):
// the warning goes to the message row, where the chef sees it, not to stderr, which tears Ink's frame.
import {existsSync} from 'node:fs';
import {afterEach, expect, test, vi} from 'vitest';
import {loadStore} from '../source/store/index.js';
import {pendingPath} from '../source/store/vantande.js';
import {bindStore} from '../source/ui/run.js';
import {startUi} from './ui-helpers.js';

afterEach(() => {
	delete process.env.MALKOLL_FAULT;
	vi.restoreAllMocks();
});

test('a saved change whose history append fails: the warning on the message row, nothing on stderr', async () => {
	const stderr = vi.spyOn(process.stderr, 'write');
	const t = await startUi({store: file => bindStore(file, 'test')});
	process.env.MALKOLL_FAULT = 'history-append:EIO';
	// 2 sets the first goal's status to delvis.
	const f = await t.press('2');
	delete process.env.MALKOLL_FAULT;
	expect((await loadStore(t.file)).followUp.VB!.goals['1.4.1.1']!.status).toBe('delvis');
	// The lines wait in the pending file for the next writer.
	expect(existsSync(pendingPath(t.file))).toBe(true);
	expect(f).toMatch(/sparad, men/);
	expect(stderr).not.toHaveBeenCalled();
	t.r.unmount();
});

test('a saved change with its history written says no warning', async () => {
	const t = await startUi({store: file => bindStore(file, 'test')});
	const f = await t.press('2');
	expect((await loadStore(t.file)).followUp.VB!.goals['1.4.1.1']!.status).toBe('delvis');
	expect(existsSync(pendingPath(t.file))).toBe(false);
	expect(f).not.toMatch(/sparad, men/);
	t.r.unmount();
});
