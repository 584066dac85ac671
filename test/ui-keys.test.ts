import {describe, expect, test} from 'vitest';
import {editorRader, editorTangent, editorText, nyEditor} from '../source/ui/editor.js';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {KOMMANDON, README_SLUT, README_START, TECKEN, kommandoFor, parseTangenter, tangentMarkdown} from '../source/ui/keys.js';
import {ROOT} from './helpers.js';

describe('parseTangenter', () => {
	test.each([
		['\x1b[A', ['up']],
		['\x1bOB', ['down']],
		['\x1b[5~', ['pageup']],
		['\x1b', ['esc']],
		['\x1bq', ['esc', 'q']],
		['\x13', ['ctrl-s']],
		['\x03', ['ctrl-c']],
		['\r', ['enter']],
		['\x7f', ['backspace']],
		['\t', ['tab']],
		['\x1b[Z', ['shift-tab']],
		['8,2 %\r', ['8', ',', '2', ' ', '%', 'enter']],
		['åäö', ['å', 'ä', 'ö']],
		['\x1b[200~', []],
		['a\x9bb', ['a', 'b']],
	])('%j → %j', (raw, keys) => {
		expect(parseTangenter(raw)).toEqual(keys);
	});
});

describe('key table', () => {
	test('a key means one command per mode, so help, hints and handlers agree', () => {
		for (const k of KOMMANDON) {
			for (const lage of k.lagen) {
				for (const t of k.tangenter) expect(kommandoFor(lage, t), `${lage} ${t}`).toBe(k.id);
			}
		}
	});

	test('letters are commands only outside text fields', () => {
		expect(kommandoFor('tree', 'q')).toBe('avsluta');
		expect(kommandoFor('editor', 'q')).toBeUndefined();
		expect(kommandoFor('form', '2')).toBeUndefined();
		expect(kommandoFor('editor', 'ctrl-s')).toBe('spara');
	});

	test('the plan keys work in the tree and the lists, never in a form; questions take j/n', () => {
		for (const lage of ['tree', 'lista'] as const) {
			expect(['+', 'r', 'd', 'c', 'i'].map(t => kommandoFor(lage, t))).toEqual(['ny', 'andra', 'tabort', 'granska', 'inlamna']);
		}
		for (const lage of ['form', 'formText'] as const) expect(['+', 'r', 'd', 'c', 'i', 'j'].map(t => kommandoFor(lage, t))).toEqual(Array(6).fill(undefined));
		expect(['j', 'y', 'n', 'esc', 'q'].map(t => kommandoFor('fraga', t))).toEqual(['ja', 'ja', 'nej', 'tillbaka', undefined]);
		// A multi-line field (Förväntat resultat) takes Enter as a new line; Ctrl-S saves any form.
		expect([kommandoFor('formText', 'enter'), kommandoFor('formText', 'ctrl-s'), kommandoFor('form', 'enter'), kommandoFor('form', 'ctrl-s')]).toEqual(['nyRad', 'spara', 'spara', 'spara']);
	});
});

describe('editor model', () => {
	test('typing, new lines, backspace across a line and arrows keep the text exact', () => {
		let s = nyEditor('Punkt 1:');
		for (const t of ['enter', 'S', 'j', 'u', 'k', 'backspace', 'backspace', 'backspace', 'backspace', 'backspace', 'x', 'left', 'left', 'å']) s = editorTangent(s, t);
		expect(editorText(s)).toBe('Punkt 1å:x');
		s = editorTangent(editorTangent(s, 'home'), 'delete');
		expect(editorText(s)).toBe('unkt 1å:x');
	});

	test('wraps at spaces and puts the cursor on the right screen row', () => {
		const s = nyEditor('Sjukfrånvaron 8,2 % mot årsmålet 7,2 %');
		const {rader, cursorRad, cursorKol} = editorRader(s, 20);
		expect(rader).toEqual(['Sjukfrånvaron 8,2 % ', 'mot årsmålet 7,2 %']);
		expect([cursorRad, cursorKol]).toEqual([1, 18]);
	});
});

describe('the README key section', () => {
	test('equals the one generated from the key table (npm run docs:keys writes it)', () => {
		const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
		const a = readme.indexOf(README_START);
		const b = readme.indexOf(README_SLUT);
		expect(a).toBeGreaterThan(0);
		expect(readme.slice(a + README_START.length, b).trim()).toBe(tangentMarkdown().trim());
	});

	test('lists every key of the tree, each legend mark, and C-c once', () => {
		const md = tangentMarkdown();
		for (const k of KOMMANDON.filter(k => k.lagen.includes('tree'))) expect(md).toContain(`\`${k.visas}\``);
		for (const [t] of TECKEN) expect(md).toContain(`| \`${t}\` |`);
		expect(md.match(/C-c/g)).toHaveLength(1);
	});
});
