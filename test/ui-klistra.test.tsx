// Bracketed paste (run.tsx turns xterm's mode 2004 on): a paste is typed as text into the open
// text, whatever keys its letters name, and refused outside a text.
import {expect, test} from 'vitest';
import {loadStore} from '../source/store/index.js';
import {KLISTRA_IN, KLISTRA_UT} from '../source/ui/controller.js';
import {KEY, startUi} from './ui-helpers.js';

const analys = async (file: string) => (await loadStore(file)).followUp.VB?.goals['1.4.1.1']?.analys;

test('on the tree a paste runs no key: q does not quit, j does not move; the message row says why', async () => {
	const t = await startUi();
	const fore = t.frame();
	const f = await t.press(`${KLISTRA_IN}jjq\r\n2${KLISTRA_UT}`);
	expect(t.quit()).toBe(false);
	expect(f).toContain('Inklistrat hör hemma i en text: a analys, Tab+Enter formulär');
	// The selection and the status are what they were.
	expect(f.split('\n')[2]).toBe(fore.split('\n')[2]);
	expect((await loadStore(t.file)).followUp.VB!.goals['1.4.1.1']!.status).not.toBe('delvis');
	t.r.unmount();
});

test('in the analysis a paste is text: CRLF a line break, a pasted C-x does not empty it; over several events', async () => {
	const t = await startUi();
	const fore = (await analys(t.file)) ?? '';
	// a opens the analysis, C-End goes to the end of its text.
	await t.press('a', '\x1b[1;5F');
	// The paste arrives in three events, split inside the text, as a slow terminal sends it.
	await t.press(`${KLISTRA_IN}Första q-raden\r\n`, 'Andra\x18 raden', `\tslut${KLISTRA_UT}`);
	await t.press(KEY.ctrlS);
	await t.ui.idle();
	expect(await analys(t.file)).toBe(`${fore}Första q-raden\nAndra raden slut`);
	t.r.unmount();
});

test('in a one-line field a pasted line break is a space, and the field is not saved half-way', async () => {
	const t = await startUi();
	// / opens the search line, one line of text.
	await t.press('/');
	const f = await t.press(`${KLISTRA_IN}Sjuk\nfrånvaro${KLISTRA_UT}`);
	expect(f).toContain('Sjuk frånvaro');
	t.r.unmount();
});
