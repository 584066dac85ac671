// w on the tree answers a warning of the selected goal with a reason, as `set --besvara` does: the
// answer is merged into those already stored, shown in the detail pane, and u undoes it.
import {expect, test} from 'vitest';
import {applyChanges, loadStore} from '../source/store/index.js';
import {KEY, startUi} from './ui-helpers.js';

const besvarat = async (file: string) => (await loadStore(file)).followUp.VB!.goals['3.4.1.1']!.besvarat;

test('w on 3.4.1.1 (helt, an indicator not met): the reason typed is stored beside an earlier answer; u undoes it', async () => {
	const t = await startUi({cols: 120, rows: 40});
	// An answer to another rule, given from the command line, stays.
	await applyChanges(t.file, [{op: 'set', period: 'VB', entity: 'goal', id: '3.4.1.1', field: 'besvarat', value: {'analys-sager-annat': 'Texten gäller förra året.'}}], {author: 'skript'});
	await t.ui.externAndring();
	await t.press('/', ...'3.4.1.1', KEY.enter);
	expect(t.frame()).toContain('eller w: besvara med en motivering');
	let f = await t.press('w');
	expect(f).toContain('Besvara varning på 3.4.1.1 (VB)');
	// Both indicators not met are one rule, answered by one reason.
	expect(f).toContain('! Enhetsmål 3.4.1.1 uppfylls helt, men Aktivt Medskapandeindex');
	expect(f).toContain('! Enhetsmål 3.4.1.1 uppfylls helt, men Sjukfrånvaro (3.4:i2)');
	// Esc leaves nothing written.
	await t.press(...'x', KEY.esc);
	expect(await besvarat(t.file)).toEqual({'analys-sager-annat': 'Texten gäller förra året.'});
	await t.press('w', ...'Enhetens eget mål nås.', KEY.enter);
	await t.ui.idle();
	expect(await besvarat(t.file)).toEqual({'analys-sager-annat': 'Texten gäller förra året.', 'helt-men-indikator': 'Enhetens eget mål nås.'});
	f = await t.waitFor(f => f.includes('Besvarad: Enhetens eget mål nås.'));
	expect(f).toContain('helt-men-indikator besvarad (VB, u ångrar)');
	await t.press('u');
	await t.ui.idle();
	expect(await besvarat(t.file)).toEqual({'analys-sager-annat': 'Texten gäller förra året.'});
	t.r.unmount();
});

test('an empty reason is refused in the form, and a goal with nothing to answer says so', async () => {
	const t = await startUi({cols: 120, rows: 40});
	await t.press('/', ...'3.4.1.1', KEY.enter, 'w');
	const f = await t.press(KEY.enter);
	expect(f).toContain('motiveringen får inte vara tom');
	expect(await besvarat(t.file)).toBeUndefined();
	await t.press(KEY.esc, '/', ...'1.4.1.1', KEY.enter);
	expect(await t.press('w')).toContain('1.4.1.1: ingen obesvarad varning som besvaras med en motivering');
	t.r.unmount();
});
