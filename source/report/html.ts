// One self-contained HTML document from malkoll's own Markdown (the brief, the report), so that
// headings and tables paste into Word and Outlook as headings and tables. It reads only the subset
// malkoll writes: #-headings, paragraphs with hard breaks, **bold**, *italic*, backslash escapes,
// pipe tables, "- " lists (task items "- [x]"), and "1. " lists whose items may run over
// indented paragraphs. Every character of text is HTML-escaped; control characters were made
// visible before the Markdown was written, and are made visible again here in case.
import {visible} from './visible.js';

const ESC: Record<string, string> = {'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'};

/** Text as HTML: specials escaped, control characters visible. */
export function esc(text: string): string {
	return visible(text).replace(/[&<>"']/g, ch => ESC[ch]!);
}

/** Inline Markdown (escapes, **bold**, *italic*, hard breaks) as HTML. */
function inline(md: string): string {
	let out = '';
	let bold = false;
	let em = false;
	for (let i = 0; i < md.length; i++) {
		const ch = md[i]!;
		if (ch === '\\' && i + 1 < md.length && md[i + 1] !== '\n') out += esc(md[++i]!);
		else if (ch === '*' && md[i + 1] === '*') {
			out += bold ? '</strong>' : '<strong>';
			bold = !bold;
			i++;
		} else if (ch === '*') {
			out += em ? '</em>' : '<em>';
			em = !em;
		} else if (ch === '\n') out = out.endsWith('  ') ? `${out.trimEnd()}<br>\n` : `${out}\n`;
		else out += esc(ch);
	}
	// An unbalanced marker is closed rather than left open over the rest of the page.
	return out + (em ? '</em>' : '') + (bold ? '</strong>' : '');
}

/** The cells of one table row, split at pipes that are not escaped. */
function cells(row: string): string[] {
	const out: string[] = [];
	let cell = '';
	const inner = row.trim().replace(/^\|/, '').replace(/\|$/, '');
	for (let i = 0; i < inner.length; i++) {
		if (inner[i] === '\\' && i + 1 < inner.length) cell += inner[i]! + inner[++i]!;
		else if (inner[i] === '|') {
			out.push(cell.trim());
			cell = '';
		} else cell += inner[i];
	}
	out.push(cell.trim());
	return out;
}

function table(rows: string[]): string {
	const [head = '', , ...body] = rows;
	const th = cells(head).map(c => `<th>${inline(c)}</th>`).join('');
	const tr = body.map(r => `<tr>${cells(r).map(c => `<td>${inline(c)}</td>`).join('')}</tr>`);
	return `<table>\n<thead><tr>${th}</tr></thead>\n<tbody>\n${tr.join('\n')}\n</tbody>\n</table>`;
}

const TASK = /^\[([ x])\] /;
const LABEL = /^\*\*?[^*]+\*\*?$/;

/** Markdown as malkoll writes it → the body's HTML, block by block. */
export function markdownToHtml(md: string): string {
	const lines = md.replace(/\r\n?/g, '\n').split('\n');
	const out: string[] = [];
	let i = 0;
	const upTo = (stop: (l: string) => boolean) => {
		const block: string[] = [];
		while (i < lines.length && !stop(lines[i]!)) block.push(lines[i++]!);
		return block;
	};
	while (i < lines.length) {
		const line = lines[i]!;
		const rubrik = /^(#{1,6}) (.*)$/.exec(line);
		if (line.trim() === '') i++;
		else if (rubrik) {
			const n = rubrik[1]!.length;
			out.push(`<h${n}>${inline(rubrik[2]!)}</h${n}>`);
			i++;
		} else if (line.startsWith('|') && lines[i + 1]?.startsWith('|---')) {
			out.push(table(upTo(l => !l.startsWith('|'))));
		} else if (line.startsWith('- ')) {
			const items: string[] = [];
			while (i < lines.length && (lines[i]!.startsWith('- ') || lines[i]!.startsWith('  '))) {
				const l = lines[i++]!;
				if (l.startsWith('- ')) items.push(l.slice(2));
				else items[items.length - 1] += `\n${l.slice(2)}`;
			}
			const li = items.map(t => {
				const task = TASK.exec(t);
				return `<li>${task ? `${task[1] === 'x' ? '☑' : '☐'} ${inline(t.slice(task[0].length))}` : inline(t)}</li>`;
			});
			out.push(`<ul>\n${li.join('\n')}\n</ul>`);
		} else if (/^\d+\. /.test(line)) {
			const start = Number(/^\d+/.exec(line)![0]);
			const items: string[][] = [];
			while (i < lines.length) {
				const l = lines[i]!;
				if (/^\d+\. /.test(l)) items.push([l.replace(/^\d+\. /, '')]);
				else if (l.startsWith('   ')) items.at(-1)!.push(l.trimStart());
				else if (l.trim() === '' && lines[i + 1]?.startsWith('   ')) items.at(-1)!.push('');
				else break;
				i++;
			}
			const li = items.map(p => `<li>${p.join('\n').split('\n\n').map(inline).join('<br><br>\n')}</li>`);
			out.push(`<ol${start === 1 ? '' : ` start="${start}"`}>\n${li.join('\n')}\n</ol>`);
		} else {
			i++;
			const block = [line, ...upTo(l => l.trim() === '' || /^(#{1,6}) /.test(l) || l.startsWith('|') || l.startsWith('- ') || l.startsWith('1. '))];
			// A label alone on its line ("**Analys**", "*Punkt 1:*") stays on its own line.
			const rader = block.map((l, k) => (k < block.length - 1 && LABEL.test(l) ? `${l}  ` : l));
			out.push(`<p>${inline(rader.join('\n'))}</p>`);
		}
	}
	return out.join('\n');
}

/** A whole document: title, plain styles that Word and Outlook keep, the body. */
export function htmlDocument(title: string, md: string): string {
	return `<!DOCTYPE html>
<html lang="sv">
<head>
<meta charset="utf-8">
<title>${esc(title)}</title>
<style>
body { font-family: Calibri, Arial, sans-serif; font-size: 11pt; }
table { border-collapse: collapse; margin: 0.5em 0; }
th, td { border: 1px solid #999; padding: 2px 6px; text-align: left; vertical-align: top; }
th { background: #eee; }
</style>
</head>
<body>
${markdownToHtml(md)}
</body>
</html>
`;
}
