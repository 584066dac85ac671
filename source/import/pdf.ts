// PDF → text in the seed layout, from the positions of its text (pdfjs-dist), without page headers and footers.
import {createRequire} from 'node:module';
import {pathToFileURL} from 'node:url';
import {MalkollError} from '../errors.js';

interface Item {
	str: string;
	x: number;
	end: number;
	y: number;
	size: number;
}

interface Line {
	y: number;
	items: Item[];
}

/** Items → lines, top to bottom, each line's items left to right. */
function toLines(items: Item[]): Line[] {
	const lines: Line[] = [];
	for (const it of [...items].sort((a, b) => b.y - a.y || a.x - b.x)) {
		const last = lines[lines.length - 1];
		if (last && Math.abs(last.y - it.y) < it.size / 2) last.items.push(it);
		else lines.push({y: it.y, items: [it]});
	}
	for (const l of lines) l.items.sort((a, b) => a.x - b.x);
	return lines;
}

interface Cell {
	x: number;
	text: string;
}

/** A line's cells: its items, split where the gap between two is over one em. */
function cells(l: Line): Cell[] {
	const out: Cell[] = [];
	let prev: Item | undefined;
	for (const it of l.items) {
		const gap = prev ? it.x - prev.end : Infinity;
		const last = out[out.length - 1];
		// pdf.js marks a wide gap with a space item of its own; a space just after text is the text's.
		if (it.str.trim() === '') {
			if (last && gap < prev!.size / 2 && !last.text.endsWith(' ')) last.text += ' ';
			continue;
		}
		if (!last || gap > prev!.size) out.push({x: it.x, text: it.str});
		else last.text += gap > prev!.size * 0.15 && !/\s$/.test(last.text) && !/^\s/.test(it.str) ? ` ${it.str}` : it.str;
		prev = it;
	}
	return out;
}

const lineText = (l: Line) => cells(l).map(c => c.text.trim()).join('\t');

/** Drops the lines set apart at a page's top or foot that recur, digits aside, at that height on half the pages (two at least). */
function dropFurniture(pages: Line[][]): void {
	const key = (l: Line) => `${Math.round(l.y)} ${lineText(l).replace(/\d+/g, '#')}`;
	const apart = (a: Line, b: Line | undefined) => !b || Math.abs(a.y - b.y) > 2 * a.items[0]!.size;
	const edge = (p: Line[]) => {
		const top = p.length === 0 ? [] : apart(p[0]!, p[1]) ? [p[0]!] : p[1] && p[2] && apart(p[1], p[2]) ? [p[0]!, p[1]] : [];
		const n = p.length;
		const foot = n > 1 && apart(p[n - 1]!, p[n - 2]!) ? [p[n - 1]!] : n > 2 && apart(p[n - 2]!, p[n - 3]!) ? [p[n - 2]!, p[n - 1]!] : [];
		return new Set([...top, ...foot]);
	};
	const count = new Map<string, number>();
	for (const p of pages) for (const k of new Set([...edge(p)].map(key))) count.set(k, (count.get(k) ?? 0) + 1);
	const min = Math.max(2, Math.ceil(pages.length / 2));
	pages.forEach((p, i) => {
		const drop = [...edge(p)].filter(l => count.get(key(l))! >= min);
		pages[i] = p.filter(l => !drop.includes(l));
	});
}

/** The pages' lines as text: blank lines for vertical space, a table's lines with their cells in its columns. */
function toText(pages: Line[][]): string {
	// One line's height: the smallest distance between baselines that is not rare; more space is blank lines, also at a page's top.
	const gaps = pages.flatMap(p => p.slice(1).map((l, i) => Math.round((p[i]!.y - l.y) * 10) / 10));
	const freq = new Map<number, number>();
	for (const g of gaps) freq.set(g, (freq.get(g) ?? 0) + 1);
	const common = [...freq].filter(([, n]) => n >= Math.max(2, gaps.length / 20)).map(([g]) => g);
	const lead = Math.min(...(common.length > 0 ? common : gaps), 1e6);
	const top = Math.max(...pages.filter(p => p.length > 0).map(p => p[0]!.y));
	const rows: Array<{blank: number; cells: Cell[]}> = [];
	for (const p of pages) {
		let y = top + lead;
		for (const l of p) {
			rows.push({blank: Math.max(0, Math.round((y - l.y) / lead) - 1), cells: cells(l)});
			y = l.y;
		}
	}
	const out: string[] = [];
	for (let i = 0; i < rows.length; ) {
		// A table: from a line of several cells to the next blank line, its cells in the columns of its line with the most cells.
		let j = i + 1;
		if (rows[i]!.cells.length > 1) while (j < rows.length && rows[j]!.blank === 0) j++;
		const grid = rows.slice(i, j).reduce((a, r) => (r.cells.length > a.length ? r.cells : a), [] as Cell[]);
		let row: string[] | undefined;
		for (const r of rows.slice(i, j)) {
			out.push(...new Array<string>(r.blank).fill(''));
			if (grid.length < 2) {
				// pdf.js drops the space a Word PDF ends each line with, by which the text reader tells hard-wrapped text.
				const t = r.cells.map(c => c.text.trim()).join('\t');
				out.push(t === '' || t.endsWith('-') ? t : `${t} `);
				continue;
			}
			const cols = grid.map(() => [] as string[]);
			for (const c of r.cells) {
				let k = 0;
				while (k + 1 < grid.length && grid[k + 1]!.x <= c.x + 2) k++;
				cols[k]!.push(c.text.trim());
			}
			// A line with nothing in the first column, or nothing else, continues the row above ("Analys …" starts a row).
			const first = cols[0]!.join(' ');
			const cont = row && !r.blank && (first === '' || (cols.slice(1).every(c => c.length === 0) && !/^(Analys|Kommentar)\b/.test(first)));
			if (cont) cols.forEach((c, k) => c.length > 0 && (row![k] = [row![k], ...c].filter(Boolean).join(' ')));
			else {
				row = cols.map(c => c.join(' '));
				out.push('');
			}
			out[out.length - 1] = row!.join('\t');
		}
		row = undefined;
		i = j;
	}
	return out.join('\n');
}

export async function readPdf(file: string, bytes: Buffer): Promise<string> {
	// Required, not imported: the commands run as a script (source/skript.ts), which has no import(); Node ≥ 20.19 requires ES modules.
	const require = createRequire(import.meta.url);
	let pdfjs: typeof import('pdfjs-dist');
	// pdf.js needs @napi-rs/canvas (its optional dependency, a native module) under Node; without it, one line.
	const [warn, push] = [console.warn, Array.prototype.push];
	console.warn = () => {};
	try {
		pdfjs = require('pdfjs-dist/legacy/build/pdf.min.mjs') as typeof import('pdfjs-dist');
	} catch (error) {
		throw new MalkollError(`${file}: PDF-läsaren kan inte laddas (${(error as Error).message.split('\n')[0]}); installera om malkoll med npm install, eller spara rapporten som Word (.docx)`);
	} finally {
		console.warn = warn;
	}
	// The minified builds load in half the time; pdf.js runs its worker in this thread under Node.
	pdfjs.GlobalWorkerOptions.workerSrc = pathToFileURL(require.resolve('pdfjs-dist/legacy/build/pdf.worker.min.mjs')).href;
	const pages: Line[][] = [];
	try {
		const doc = await pdfjs.getDocument({data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false, disableFontFace: true}).promise;
		// The legacy builds' core-js replaces Array.prototype.push with a slower one (a tenth of the time here).
		Array.prototype.push = push;
		for (let n = 1; n <= doc.numPages; n++) {
			const page = await doc.getPage(n);
			const items: Item[] = [];
			for (const it of (await page.getTextContent()).items) {
				if (!('str' in it) || it.str === '') continue;
				const [a, b, c, d, x, y] = it.transform as number[];
				const size = Math.hypot(c!, d!) || Math.hypot(a!, b!) || it.height;
				// A glyph without a Unicode mapping comes out as a control character, which would make the text binary.
				items.push({str: it.str.replace(/[\u0000-\u001f]/g, ''), x: x!, end: x! + it.width, y: y!, size});
			}
			pages.push(toLines(items));
			page.cleanup();
		}
		await doc.destroy();
	} catch (error) {
		const why = (error as Error).name === 'PasswordException' ? 'den är lösenordsskyddad' : (error as Error).message;
		throw new MalkollError(`${file}: PDF-filen kan inte läsas (${why}); exportera rapporten på nytt som PDF eller Word (.docx)`);
	}
	if (!pages.some(p => p.some(l => lineText(l).trim() !== ''))) {
		throw new MalkollError(`${file}: PDF-filen har ingen text (skannad?); exportera rapporten från planeringssystemet som PDF med text, eller som Word (.docx)`);
	}
	dropFurniture(pages);
	return toText(pages);
}

