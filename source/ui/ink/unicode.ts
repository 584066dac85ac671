// Unicode tables on demand, for Ink's text libraries. string-width, slice-ansi and
// @alcalzone/ansi-tokenize each make an Intl.Segmenter when they load (the first one in a process
// loads ICU's break rules, ~15 ms), and string-width also compiles /^\p{RGI_Emoji}$/v (~20 ms):
// ~30 ms of CPU from start to the TUI's first frame (measured 2026-12), for tables that frame does not need
// (Ink measures one dot per row, app.tsx; the rows' escape codes are ASCII). scripts/build.mjs
// (PATCHES) makes those modules call segmenter() and regExp() below instead, which build the
// real thing on first use, and run.tsx calls forbered() once the first frame is drawn.
//
// A string with every code unit below U+0300 and no CR is segmented here without ICU: below U+0300
// no character is Extend, ZWJ, SpacingMark, Prepend, Regional_Indicator or Hangul (UAX #29), so
// each character is a grapheme of its own; CR LF is the one pair that joins, and is left to ICU.

/** What the libraries use of an Intl.Segmenter. */
export interface LazySegmenter {
	segment(text: string): Intl.Segments;
	resolvedOptions(): Intl.ResolvedSegmenterOptions;
}

const vantande: Array<() => unknown> = [];

/** True when `text` is all below U+0300 without CR: one grapheme per UTF-16 code unit. */
function latin(text: string): boolean {
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c >= 0x300 || c === 13) return false;
	}
	return true;
}

/** Intl.Segments of a string where each code unit is a grapheme. */
class LatinSegments implements Intl.Segments {
	constructor(private readonly text: string) {}

	containing(index = 0): Intl.SegmentData | undefined {
		const i = Math.trunc(Number(index)) || 0;
		if (i < 0 || i >= this.text.length) return undefined;
		return {segment: this.text[i]!, index: i, input: this.text};
	}

	*[Symbol.iterator](): IterableIterator<Intl.SegmentData> {
		const text = this.text;
		for (let i = 0; i < text.length; i++) yield {segment: text[i]!, index: i, input: text};
	}
}

/** An Intl.Segmenter made on first use; grapheme segmentation of plain Latin text needs none. */
export function segmenter(locales?: string | string[], options?: Intl.SegmenterOptions): LazySegmenter {
	let s: Intl.Segmenter | undefined;
	const real = () => (s ??= new Intl.Segmenter(locales, options));
	const grafem = (options?.granularity ?? 'grapheme') === 'grapheme';
	vantande.push(real);
	return {
		segment: text => (grafem && !s && typeof text === 'string' && latin(text) ? new LatinSegments(text) : real().segment(text)),
		resolvedOptions: () => real().resolvedOptions(),
	};
}

/** A RegExp compiled on first use, for a module that only calls test() on it. */
export function regExp(source: string, flags: string): Pick<RegExp, 'test'> {
	let r: RegExp | undefined;
	return {test: text => (r ??= new RegExp(source, flags)).test(text)};
}

/** Makes the segmenters now (ICU's rules load once): for when the TUI is idle after its first
 * frame, so that no later keypress pays for it. The emoji pattern stays lazy: only a wide or
 * non-Latin measure by Ink (screen reader mode) needs it. */
export function forbered(): void {
	for (const f of vantande.splice(0)) f();
}
