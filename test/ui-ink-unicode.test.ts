// The Unicode tables Ink's text libraries get on demand (source/ui/ink/unicode.ts, patched in by
// scripts/build.mjs): the same answers as Intl.Segmenter and the RegExp they stand for.
import {describe, expect, it} from 'vitest';
import {fogarAldrig} from '../source/ui/ink/output.js';
import {forbered, regExp, segmenter} from '../source/ui/ink/unicode.js';

const icu = new Intl.Segmenter(undefined, {granularity: 'grapheme'});
const segments = (s: Iterable<Intl.SegmentData>) => [...s].map(d => ({segment: d.segment, index: d.index, input: d.input}));

/** A pseudo-random string of `n` code units drawn from `alphabet`. */
function slump(seed: number, n: number, alphabet: string): string {
	let x = seed;
	let out = '';
	for (let i = 0; i < n; i++) {
		x = (x * 1103515245 + 12345) % 2 ** 31;
		out += alphabet[x % alphabet.length];
	}
	return out;
}

describe('segmenter()', () => {
	const latin = Array.from({length: 0x300}, (_, i) => String.fromCharCode(i)).join('');

	it('segments text below U+0300 as Intl.Segmenter does, without making one', () => {
		const s = segmenter();
		for (let seed = 1; seed <= 300; seed++) {
			// CR is left to ICU (CR LF is one grapheme); everything else below U+0300 is here.
			const text = slump(seed, 1 + (seed % 40), latin);
			expect(segments(s.segment(text)), JSON.stringify(text)).toEqual(segments(icu.segment(text)));
			const i = seed % text.length;
			expect(s.segment(text).containing(i)).toEqual(icu.segment(text).containing(i));
		}
		expect(s.segment('abc').containing(3)).toBeUndefined();
		expect(s.segment('abc').containing(-1)).toBeUndefined();
	});

	it('hands everything else to a real Intl.Segmenter, also after forbered()', () => {
		const s = segmenter(undefined, {granularity: 'grapheme'});
		const ord = segmenter('sv', {granularity: 'word'});
		for (const text of ['a\r\nb', 'e\u0301 å', '👍🏽 ok', '\x1b[31mröd\x1b[39m', '가', '🇸🇪🇫🇮']) {
			expect(segments(s.segment(text))).toEqual(segments(icu.segment(text)));
		}
		expect(segments(ord.segment('två ord'))).toEqual(segments(new Intl.Segmenter('sv', {granularity: 'word'}).segment('två ord')));
		forbered();
		expect(segments(s.segment('abc'))).toEqual(segments(icu.segment('abc')));
		expect(s.resolvedOptions().granularity).toBe('grapheme');
	});
});

it('regExp() tests as the RegExp it stands for', () => {
	const lazy = regExp('^\\p{RGI_Emoji}$', 'v');
	const re = new RegExp('^\\p{RGI_Emoji}$', 'v');
	for (const t of ['👍', '👍🏽', '🇸🇪', 'a', 'å', '1️⃣', '']) expect(lazy.test(t), t).toBe(re.test(t));
});

it('fogarAldrig: no code point of its blocks joins the m that ends an escape code', () => {
	let n = 0;
	for (let cp = 0; cp <= 0x10ffff; cp++) {
		if (!fogarAldrig(cp)) continue;
		n++;
		expect([...icu.segment(`m${String.fromCodePoint(cp)}`)].length, cp.toString(16)).toBe(2);
	}
	expect(n).toBe(0x205f - 0x2010 + 1 + 0x2bff - 0x2100 + 1);
	expect(fogarAldrig(0x20d0)).toBe(false); // combining marks for symbols
	expect(fogarAldrig(0x200d)).toBe(false); // ZWJ
});
