// Text from a store is shown exactly but never executed by the terminal: control characters
// become visible symbols (ESC → ␛, BEL → ␇, U+009B → ⟨9B⟩, U+202E → ⟨U+202E⟩).
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const CONTROL_OR_NEWLINE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

function symbol(ch: string): string {
	const code = ch.codePointAt(0)!;
	if (code === 0x0a) return '↵';
	if (code === 0x09) return '⇥';
	if (code < 0x20) return String.fromCodePoint(0x2400 + code);
	if (code === 0x7f) return '␡';
	const hex = code.toString(16).toUpperCase();
	return code <= 0x9f ? `⟨${hex}⟩` : `⟨U+${hex}⟩`;
}

/** Multi-line text: newlines and tabs kept, every other control character made visible. */
export function visible(text: string): string {
	return text.replace(CONTROL, symbol);
}

/** One-line text (tables, tree rows, error messages): newlines and tabs made visible too. */
export function visibleLine(text: string): string {
	return text.replace(CONTROL_OR_NEWLINE, symbol);
}
