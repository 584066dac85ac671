// summary --html and report --html: one self-contained document whose headings and tables paste
// into Word and Outlook as headings and tables; every text escaped, control characters visible.
import {copyFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {markdownToHtml} from '../source/report/html.js';
import {run, tmpDir, tmpStore} from './helpers.js';

const ONDSKA = 'Bedömningen grundas på <script>alert("x")</script> & \u001b[2J\u0007 | *inte fetstil*';

async function html(command: string, file = tmpStore()) {
	const r = await run([command, '--html', '--data', file]);
	expect(r.stderr).toBe('');
	expect(r.code).toBe(0);
	return r.stdout;
}

describe('--html', () => {
	it('summary: one document with the brief\'s sections as headings and tables', async () => {
		const out = await html('summary');
		expect(out).toMatch(/^<!DOCTYPE html>\n<html lang="sv">\n<head>\n<meta charset="utf-8">\n<title>Beställarenhet 2 \(Hägersten-Älvsjö stadsdelsnämnd\) 2025: Verksamhetsberättelse<\/title>/);
		expect(out).toMatch(/<\/body>\n<\/html>\n$/);
		expect(out).not.toMatch(/<(script|link|img)|src=|href=/);
		expect(out).toContain('<h2>Indikatorer som inte nås (4)</h2>\n<table>\n<thead><tr><th>Id</th><th>Indikator</th><th>Utfall</th>');
		expect(out).toContain('<tr><td>3.4:i2</td><td>Sjukfrånvaro</td><td>8,2\u00a0%</td><td>–</td><td>7,2\u00a0%</td>');
		expect(out).toContain('<li>☐ Alla aktiviteter har tillstånd (0/8): saknas');
		// No Markdown is left over: no pipes, no separator rows, no hashes.
		expect(out).not.toMatch(/\|---|^#|\*\*/m);
	});

	it('escapes every text and shows control characters as symbols, in a cell and in prose', async () => {
		const file = tmpStore();
		await run(['set', '3.4.1.1', '--status', 'delvis', '--analys', ONDSKA, '--data', file]);
		await run(['set', '3.5.1:a3', '--state', 'pagar', '--avvikelse', '<b>sen</b>\u001b]52;c;x\u0007', '--data', file]);
		for (const out of [await html('summary', file), await html('report', file)]) {
			expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
			expect(out).not.toContain('<script>');
			expect(out).not.toContain('<b>');
		}
		const report = await html('report', file);
		expect(report).toContain('<p><strong>Analys</strong><br>\nBedömningen grundas på &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; ␛[2J␇ | *inte fetstil*</p>');
		expect(report).toContain('<h5>3.4.1.1 Enhetsmål: Enheten är en god arbetsgivare och har en god arbetsmiljö</h5>');
		expect(report).toContain('<p><strong>Status:</strong> Uppfylls delvis</p>');
		expect(report).toContain('<td>Sjukfrånvaro</td><td>8,2\u00a0%</td>');
		expect(report).toContain('&lt;b&gt;sen&lt;/b&gt;␛]52;c;x␇');
		// Förväntat resultat 3 runs over two paragraphs: one list item, a paragraph break inside it.
		expect(report).toMatch(/<li>Samtliga medarbetare involveras i hälsoaktiviteter\.<br><br>\nEnligt en mätning år 2024/);
		const summary = await html('summary', file);
		expect(summary).toContain('<tr><td>3.4.1.1</td><td>Enhetsmål</td><td>Enheten är en god arbetsgivare och har en god arbetsmiljö</td><td>Uppfylls delvis</td></tr>');
	});

	it('summary of a folder of unit stores: the roll-up as a document too', async () => {
		const dir = tmpDir();
		copyFileSync(tmpStore(), join(dir, 'a.json'));
		const r = await run(['summary', dir, '--html']);
		expect(r.code).toBe(0);
		expect(r.stdout).toMatch(/^<!DOCTYPE html>[^]*<title>Sammanställning 2025<\/title>[^]*<table>/);
		expect(r.stdout).not.toMatch(/\|---/);
	});

	it('is refused beside --markdown or --json, in one line', async () => {
		const r = await run(['summary', '--html', '--markdown', '--data', tmpStore()]);
		expect(r.code).toBe(2);
		expect(r.stderr).toBe('malkoll: summary: välj en av --json, --markdown och --html\n');
		expect((await run(['report', '--html', '--text', '--data', tmpStore()])).stderr).toBe('malkoll: report: välj en av --text, --markdown, --json och --html\n');
	});

	it('reads malkoll\'s Markdown: escapes, labels on their own line, tables with escaped pipes, numbered lists', () => {
		expect(markdownToHtml('**Analys**\nA \\*b\\* \\| c  \nd')).toBe('<p><strong>Analys</strong><br>\nA *b* | c<br>\nd</p>');
		expect(markdownToHtml('| A | B |\n|---|---|\n| x \\| y | <z> |')).toBe('<table>\n<thead><tr><th>A</th><th>B</th></tr></thead>\n<tbody>\n<tr><td>x | y</td><td>&lt;z&gt;</td></tr>\n</tbody>\n</table>');
		expect(markdownToHtml('1. Ett\n2. Två\n\n   Mer om två\n\nSlut')).toBe('<ol>\n<li>Ett</li>\n<li>Två<br><br>\nMer om två</li>\n</ol>\n<p>Slut</p>');
	});
});
