import {expect, test} from 'vitest';
import {bredd, klipp, radbryt, visible} from '../source/ui/text.js';

test('radbryt wraps at spaces, keeps blank lines and indentation, splits over-long words', () => {
	expect(radbryt('Sjukfrånvaro 8,2 % mot årsmål 7,2 %', 14)).toEqual(['Sjukfrånvaro', '8,2 % mot', 'årsmål 7,2 %']);
	expect(radbryt('Punkt 1:\n\n  indrag', 20)).toEqual(['Punkt 1:', '', '  indrag']);
	expect(radbryt('Genomförandeplanerna', 8)).toEqual(['Genomför', 'andeplan', 'erna']);
	for (const r of radbryt('Området bedömer att enhetsmålet har uppnåtts helt. Bedömningen grundar sig på att de tre förväntade resultaten har uppnåtts.', 30)) {
		expect(bredd(r)).toBeLessThanOrEqual(30);
	}
});

test('visible shows control characters inert, klipp marks a cut', () => {
	expect(visible('a\x1b[2Jb\x07\u009b\u202e')).toBe('a␛[2Jb␇⟨9B⟩⟨U+202E⟩');
	expect(klipp('Beställarenhet 2', 8)).toBe('Beställ…');
	expect(bredd('åäö')).toBe(3);
});

test('bredd counts wide and combining characters after a plain start too', () => {
	expect(bredd('')).toBe(0);
	expect(bredd('Mål 1.1 ·│')).toBe(10);
	expect(bredd('ab漢字')).toBe(6);
	expect(bredd('Cafe\u0301 ok')).toBe(7);
	expect(bredd('x👍y')).toBe(4);
	expect(klipp('ab漢字cd', 5)).toBe('ab漢…');
});

test('medForaldrar stops at a loop of parents in a hand-edited file', async () => {
		const {indexStore} = await import('../source/domain/bedomning.js');
		const {medForaldrar} = await import('../source/ui/modes/tree.js');
		const goal = (id: string, parentId?: string) => ({id, niva: 'enhetsmal' as const, titel: id, parentId, forvantatResultat: []});
		const idx = indexStore({goals: [goal('1', '2'), goal('2', '1'), goal('3', '3'), goal('4')], indicators: [], activities: []} as never);
		expect(medForaldrar(idx, '1')).toEqual(['1', '2']);
		expect(medForaldrar(idx, '3')).toEqual(['3']);
		expect(medForaldrar(idx, '4')).toEqual(['4']);
		expect(medForaldrar(idx, '9')).toEqual([]);
});

test('wrapping never parts a number from its unit or its thousands, typed with a plain space or not', async () => {
	const {wrap} = await import('../source/report/layout.js');
	const text = 'Sjukfrånvaron blev 8,2 % mot årsmålet 7,2 % och kostade 11 000 kr för 4 st';
	for (let w = 14; w <= 40; w++) {
		for (const rader of [radbryt(text, w), wrap(text, w)]) {
			for (const rad of rader) expect(rad).not.toMatch(/^(%|st|kr|000)(?!\p{L})|\d$/u);
			expect(rader.join(' ')).toBe(text);
		}
	}
	expect(radbryt('Årsmål 7,2\u00a0%', 9)).toEqual(['Årsmål', '7,2\u00a0%']);
});
