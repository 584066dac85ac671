// The multi-line editor as plain data: every key is applied to the current value held by the
// caller, never to what was last rendered, so fast typing cannot lose a character.
import {bredd} from './text.js';

export interface EditorState {
	lines: string[];
	row: number;
	/** Cursor column as an index into the code points of the line. */
	col: number;
}

export function nyEditor(text: string): EditorState {
	const lines = text.replace(/\r\n?/g, '\n').split('\n');
	const row = lines.length - 1;
	return {lines, row, col: [...lines[row]!].length};
}

export function editorText(s: EditorState): string {
	return s.lines.join('\n');
}

function cps(line: string): string[] {
	return [...line];
}

/** Applies one key name (see keys.ts) to the editor; returns the same object when nothing changed. */
export function editorTangent(s: EditorState, tangent: string): EditorState {
	const line = cps(s.lines[s.row]!);
	const lines = s.lines;
	switch (tangent) {
		case 'enter': {
			const next = [...lines];
			next.splice(s.row, 1, line.slice(0, s.col).join(''), line.slice(s.col).join(''));
			return {lines: next, row: s.row + 1, col: 0};
		}
		case 'backspace': {
			if (s.col > 0) {
				const next = [...lines];
				next[s.row] = [...line.slice(0, s.col - 1), ...line.slice(s.col)].join('');
				return {lines: next, row: s.row, col: s.col - 1};
			}
			if (s.row === 0) return s;
			const prev = cps(lines[s.row - 1]!);
			const next = [...lines];
			next.splice(s.row - 1, 2, prev.join('') + line.join(''));
			return {lines: next, row: s.row - 1, col: prev.length};
		}
		case 'delete': {
			if (s.col < line.length) {
				const next = [...lines];
				next[s.row] = [...line.slice(0, s.col), ...line.slice(s.col + 1)].join('');
				return {...s, lines: next};
			}
			if (s.row === lines.length - 1) return s;
			const next = [...lines];
			next.splice(s.row, 2, line.join('') + lines[s.row + 1]!);
			return {...s, lines: next};
		}
		case 'left':
			if (s.col > 0) return {...s, col: s.col - 1};
			return s.row > 0 ? {...s, row: s.row - 1, col: cps(lines[s.row - 1]!).length} : s;
		case 'right':
			if (s.col < line.length) return {...s, col: s.col + 1};
			return s.row < lines.length - 1 ? {...s, row: s.row + 1, col: 0} : s;
		case 'up':
			return s.row > 0 ? {...s, row: s.row - 1, col: Math.min(s.col, cps(lines[s.row - 1]!).length)} : {...s, col: 0};
		case 'down':
			return s.row < lines.length - 1
				? {...s, row: s.row + 1, col: Math.min(s.col, cps(lines[s.row + 1]!).length)}
				: {...s, col: line.length};
		case 'home':
		case 'ctrl-a':
			return {...s, col: 0};
		case 'end':
		case 'ctrl-e':
			return {...s, col: line.length};
		default: {
			if ([...tangent].length !== 1) return s;
			const next = [...lines];
			next[s.row] = [...line.slice(0, s.col), tangent, ...line.slice(s.col)].join('');
			return {...s, lines: next, col: s.col + 1};
		}
	}
}

/** The screen rows of the editor, soft-wrapped to `w` columns, and where the cursor is. */
export function editorRader(s: EditorState, w: number): {rader: string[]; cursorRad: number; cursorKol: number} {
	const rader: string[] = [];
	let cursorRad = 0;
	let cursorKol = 0;
	s.lines.forEach((line, i) => {
		const ch = cps(line);
		let start = 0;
		do {
			let end = start;
			let used = 0;
			while (end < ch.length && used + bredd(ch[end]!) <= w) used += bredd(ch[end++]!);
			if (end === start && end < ch.length) end++;
			// Break after the last space that fits, as a word processor does.
			if (end < ch.length) {
				const mellanslag = ch.lastIndexOf(' ', end - 1);
				if (mellanslag >= start) end = mellanslag + 1;
			}
			const sista = end >= ch.length;
			if (i === s.row && s.col >= start && (s.col < end || (sista && s.col <= end))) {
				cursorRad = rader.length;
				cursorKol = bredd(ch.slice(start, s.col).join(''));
			}
			rader.push(ch.slice(start, end).join(''));
			start = end;
		} while (start < ch.length);
	});
	return {rader, cursorRad, cursorKol};
}
