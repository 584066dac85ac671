// Word (.docx) → text in the seed layout: a paragraph a line, a table row a line of its cells joined
// by tabs (a cell's paragraphs joined by a space). Headers and footers are not read: no page furniture.
import {createRequire} from 'node:module';
import {MalkollError} from '../errors.js';

interface Element {
	type: string;
	value?: string;
	breakType?: string;
	children?: Element[];
}

/** An element's text; in a cell, tabs and line breaks are spaces and nested tables flatten. */
function text(el: Element, cell: boolean): string {
	if (el.type === 'text') return el.value ?? '';
	if (el.type === 'tab') return cell ? ' ' : '\t';
	if (el.type === 'break') return el.breakType === 'line' ? (cell ? ' ' : '\n') : '';
	const parts = (el.children ?? []).map(c => text(c, cell));
	return el.type.startsWith('table') ? parts.filter(p => p !== '').join(' ') : parts.join('');
}

function lines(el: Element, out: string[]): void {
	if (el.type === 'paragraph') out.push(text(el, false));
	else if (el.type === 'table') {
		for (const row of el.children ?? []) out.push((row.children ?? []).map(cell => text(cell, true)).join('\t'));
	} else for (const c of el.children ?? []) lines(c, out);
}

export async function readDocx(file: string, bytes: Buffer): Promise<string> {
	// Required when first needed, so that no other command loads mammoth.
	const mammoth = createRequire(import.meta.url)('mammoth') as typeof import('mammoth');
	let body: Element | undefined;
	try {
		await mammoth.convertToHtml({buffer: bytes}, {transformDocument: (d: Element) => (body = d)});
	} catch (error) {
		throw new MalkollError(`${file}: Word-filen kan inte läsas (${(error as Error).message.split('\n')[0]}); spara den på nytt som .docx eller PDF`);
	}
	const out: string[] = [];
	if (body) lines(body, out);
	return out.join('\n');
}
