// Word and PDF reports import as their text does; the kind of file is told by its content; a .doc, a
// scanned PDF and any other file get one line saying what to do instead, exit 2, and nothing written.
import {existsSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {importCommand} from '../source/commands/import.js';
import type {StoreData} from '../source/domain/types.js';
import {MalkollError} from '../source/errors.js';
import {readDocument} from '../source/import/document.js';
import {importReport} from '../source/import/index.js';
import {docx, pdf, png, scannedPdf, zip} from './fixtures/dokument.js';
import {captured, runCli} from './helpers.js';

const seed = (name: string) => readFileSync(new URL(`fixtures/seeds/${name}`, import.meta.url), 'utf8');
const SEEDS = {'002': seed('002_32659a80fef2e434.txt'), '003': seed('003_f3a4a286e93c5bae.txt'), '000': seed('000_d93415d658a6d1e8.txt'), '001': seed('001_9ed3bdf3a5d824a6.txt')};

/** The whole store as serialised, its source (file name, report) aside. */
function store(d: StoreData): unknown {
	const {kalla: _, ...rest} = d;
	return JSON.parse(JSON.stringify(rest));
}

/** A file named without a telling extension: the content alone says what it is. */
async function imported(bytes: Buffer): Promise<StoreData> {
	return importReport(await readDocument('rapport', bytes), 'rapport').data;
}

describe('Word', () => {
	for (const [nr, text] of Object.entries(SEEDS)) {
		it(`seed ${nr} with its tab rows as Word tables imports as its text`, async () => {
			expect(store(await imported(await docx(text)))).toEqual(store(importReport(text, 'rapport').data));
		});
		it(`seed ${nr} with one paragraph a line imports as its text`, async () => {
			expect(store(await imported(await docx(text, {tables: false})))).toEqual(store(importReport(text, 'rapport').data));
		});
	}

	it('reads a table row as its cells joined by tabs and a paragraph as a line', async () => {
		const text = 'Nämndmål: 1.4.1 Äldrenämnden bidrar\n\nIndikator\tPeriodens utfall\tÅrsmål\n  Sjukfrånvaro\t8,2 %\t7,2 %\nAnalys';
		expect(await readDocument('rapport', await docx(text))).toBe('Nämndmål: 1.4.1 Äldrenämnden bidrar\n\nIndikator\tPeriodens utfall\tÅrsmål\n  Sjukfrånvaro\t8,2 %\t7,2 %\nAnalys');
	});
});

describe('PDF', () => {
	it('seed 003 with page headers and table cells at their own x imports as its text', async () => {
		const bytes = await pdf(SEEDS['003']);
		const text = await readDocument('rapport', bytes);
		expect(text).not.toMatch(/Sid \d+ \(\d+\)/);
		expect(text).toContain('Sjukfrånvaro\t8,2 %\t5,2 %\t8,6 %\t\t7,2 %\tTas fram av nämnd/styrelse\tVB 2025');
		expect(store(importReport(text, 'rapport').data)).toEqual(store(importReport(SEEDS['003'], 'rapport').data));
	});

	it('seed 002 with page headers imports as its text', async () => {
		expect(store(await imported(await pdf(SEEDS['002'], {header: 'Socialnämnden'})))).toEqual(store(importReport(SEEDS['002'], 'rapport').data));
	});

	it('joins a table cell wrapped over lines into its row; an analysis row stays a row of its own', async () => {
		const text = 'Indikator\tPeriodens\tÅrsmål\n\tutfall\t\nSjukfrånvaro\t8,2 %\t7,2 %\ndag 1-14\t\t\nAnalys Utfallet har ökat.\t\t\nunder året.\t\t';
		expect((await readDocument('rapport', await pdf(text))).split('\n').slice(-3)).toEqual(['Indikator\tPeriodens utfall\tÅrsmål', 'Sjukfrånvaro dag 1-14\t8,2 %\t7,2 %', 'Analys Utfallet har ökat. under året.\t\t']);
	});

	it('drops the unit name and "Sid N (M)" at the top of every page, and keeps blank lines', async () => {
		const text = Array.from({length: 30}, (_, i) => `Rad ${i + 1} i rapporten.${i % 3 === 2 && i < 29 ? '\n' : ''}`).join('\n');
		const lines = (await readDocument('rapport', await pdf(text, {perPage: 8}))).split('\n');
		expect(lines.map(l => l.trim())).toEqual(text.split('\n'));
	});
});

describe('files that are not a report', () => {
	const cases: Array<[string, () => Promise<Buffer> | Buffer, RegExp]> = [
		['an old Word file (.doc)', () => Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(2048, 1)]), /\.doc\b.*\.docx eller PDF/],
		['a scanned PDF', scannedPdf, /ingen text.*PDF med text.*Word/],
		['a PNG image', () => png(), /varken text, Word eller PDF/],
		['a zip that is not Word', () => zip('rapport.txt', Buffer.from(SEEDS['003'])), /zip-fil men inget Word-dokument/],
	];
	for (const [what, make, message] of cases) {
		it(`${what}: one line, exit 2, nothing written`, async () => {
			const dir = mkdtempSync(join(tmpdir(), 'malkoll-docs-'));
			const file = join(dir, 'rapport.txt');
			writeFileSync(file, await make());
			const out = join(dir, 'store.json');
			const {stdout, stderr} = captured();
			const error = await importCommand({file, out, stdout, stderr}).catch((e: unknown) => e);
			expect(error).toBeInstanceOf(MalkollError);
			expect((error as MalkollError).exitCode).toBe(2);
			expect((error as MalkollError).message).toMatch(message);
			expect((error as MalkollError).message.startsWith(`${file}: `)).toBe(true);
			expect((error as MalkollError).message).not.toContain('\n');
			expect(existsSync(out)).toBe(false);
		});
	}
});

// The commands are one CommonJS script run through V8's code cache: mammoth and pdfjs-dist must load from it.
describe('malkoll import (built CLI)', () => {
	it('imports a .docx and a .pdf, and refuses a .doc with exit 2', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'malkoll-docs-'));
		writeFileSync(join(dir, 'rapport.docx'), await docx(SEEDS['003']));
		writeFileSync(join(dir, 'rapport.pdf'), await pdf(SEEDS['003']));
		writeFileSync(join(dir, 'rapport.doc'), Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(512)]));
		for (const f of ['rapport.docx', 'rapport.pdf']) {
			const r = runCli(['import', join(dir, f), '--out', join(dir, `${f}.json`)]);
			expect(r.code, r.stderr).toBe(0);
			expect(store(JSON.parse(readFileSync(join(dir, `${f}.json`), 'utf8')))).toEqual(store(importReport(SEEDS['003'], f).data));
		}
		const r = runCli(['import', join(dir, 'rapport.doc'), '--out', join(dir, 'doc.json')]);
		expect(r.code).toBe(2);
		expect(r.stderr.trim().split('\n')).toHaveLength(1);
		expect(existsSync(join(dir, 'doc.json'))).toBe(false);
	});
});
