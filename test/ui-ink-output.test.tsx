// The fast Output.get() that scripts/build.mjs patches into Ink (source/ui/ink/output.ts) must make
// the same string as Ink's own, byte for byte: on every frame the TUI draws in colour, on random
// lines full of escape codes, wide and combining characters, and on the cases it hands back.
import {readFileSync, readdirSync} from 'node:fs';
import {dirname, join} from 'node:path';
import * as ansiLib from '@alcalzone/ansi-tokenize';
import chalk from 'chalk';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import Output from '../node_modules/ink/build/output.js';
import {type AnsiLib, type InkOperation, inkRad, snabbRad, snabbUtdata} from '../source/ui/ink/output.js';
import {privateCli} from './helpers.js';
import {KEY, startUi} from './ui-helpers.js';

const lib = ansiLib as unknown as AnsiLib;
type Ops = {operations: InkOperation[]; width: number; height: number};

/** Ink's own result and the fast one for the same writes. */
function bada(width: number, height: number, skriv: (o: Output) => void) {
	const o = new Output({width, height});
	skriv(o);
	const {operations} = o as unknown as Ops;
	return {ink: o.get(), snabb: snabbUtdata(operations, width, height, lib)};
}

describe('every frame of the TUI, in colour', () => {
	const original = Output.prototype.get;
	let jamforda = 0;
	let snabba = 0;
	const fel: string[] = [];
	const level = chalk.level;
	beforeAll(() => {
		chalk.level = 3;
		// Ink (through ink-testing-library) draws each frame with its own get(); the fast one
		// runs beside it on the same operations.
		Output.prototype.get = function (this: Output) {
			const ink = original.call(this);
			const {operations, width, height} = this as unknown as Ops;
			const snabb = snabbUtdata(operations, width, height, lib);
			jamforda++;
			if (snabb) {
				snabba++;
				if (snabb.output !== ink.output || snabb.height !== ink.height) fel.push(`${JSON.stringify(ink.output)}\n≠\n${JSON.stringify(snabb.output)}`);
			}
			return ink;
		};
	});
	afterAll(() => {
		Output.prototype.get = original;
		chalk.level = level;
	});

	test('tree, detail, lists, help, summary, search and the editor are the same as Ink makes them', async () => {
		for (const [cols, rows] of [
			[80, 24],
			[100, 40],
			[40, 12],
		] as const) {
			const t = await startUi({cols, rows, farg: true});
			expect(t.frame()).toContain('\x1b[');
			await t.press('O', 'j', 'j', 'j', 'G', 'k', 'g');
			await t.press(KEY.tab, 'j', KEY.tab, 'j', KEY.tab);
			await t.press('?', 'j', KEY.esc, 's', 'j', KEY.esc, 'f', 'f');
			await t.press('/', 'm', 'å', 'l', KEY.enter, 'n');
			await t.press('a', 'H', 'ä', 'r', ' ', '漢', '字', KEY.enter, 'x', KEY.esc);
			t.r.unmount();
		}
		expect(fel).toEqual([]);
		expect(jamforda).toBeGreaterThan(50);
		// The App's frame is rows at column 0: the fast way takes every one of them.
		expect(snabba).toBe(jamforda);
	});
});

// Random lines: SGR codes as chalk writes them and as others do (compound, 256 and true colour,
// resets, bold with dim), text with wide characters, emoji, marks (also right after a code),
// controls, other escape codes (cursor moves, links, a bare ESC, the single-byte CSI) and blanks.
let seed = 7;
const rnd = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
const KODER = ['\x1b[1m', '\x1b[2m', '\x1b[22m', '\x1b[7m', '\x1b[27m', '\x1b[36m', '\x1b[39m', '\x1b[0m', '\x1b[m', '\x1b[1;33m', '\x1b[0;1m', '\x1b[38;5;208m', '\x1b[38;2;1;2;3m', '\x1b[48;5;4m', '\x1b[49m', '\x1b[4;31;42m', '\x1b[90m', '\x1b[3m'];
const UDDA = ['\x1b[2J', '\x1b[1A', '\x1b]8;;https://x.se\x07länk\x1b]8;;\x07', '\x1b', '\x1bx', '\u009b31m', '\x1b[1;'];
const TEXT = ['a', 'Mål', ' ', '  ', 'ö', '│', '›', '…', '·', '漢字', '👍', '👩‍💻', '🇸🇪', '❤️', '\u0301', 'e\u0301', '\u200d', '\u0903', '\t', '\u00a0', 'x'];

function slumpRad(udda: boolean): string {
	let s = '';
	const n = 1 + Math.floor(rnd() * 14);
	for (let i = 0; i < n; i++) {
		const r = rnd();
		s += r < 0.4 ? pick(KODER) : udda && r < 0.5 ? pick(UDDA) : pick(TEXT);
	}
	return rnd() < 0.3 ? `${s}   ` : s;
}

describe('random lines', () => {
	test('a line alone on its row comes out as Ink makes it', () => {
		// Counts the lines that took Ink's way (only inkRad builds styled characters).
		let inkVag = 0;
		const raknad: AnsiLib = {...lib, styledCharsFromTokens: t => (inkVag++, lib.styledCharsFromTokens(t))};
		const n = 8000;
		for (let i = 0; i < n; i++) {
			const line = slumpRad(i % 2 === 1);
			const {ink, snabb} = bada(30, 1, o => o.write(0, 0, line, {transformers: []}));
			expect(snabb, JSON.stringify(line)).toEqual(ink);
			expect(snabbRad(line, raknad), JSON.stringify(line)).toBe(inkRad(line, lib));
		}
		// The odd codes and marks after a code do take Ink's way; most lines do not.
		expect(inkVag).toBeGreaterThan(n / 10);
		expect(inkVag).toBeLessThan(n / 2);
	});

	test('a mark Ink merges into the end of a code takes Ink\'s way', () => {
		for (const line of ['\x1b[1m\u0301a', '\x1b[31m\u200db\x1b[39m', '\x1b[2m\u0903\x1b[22m']) {
			const {ink, snabb} = bada(10, 1, o => o.write(0, 0, line, {transformers: []}));
			expect(snabb).toEqual(ink);
		}
	});
});

describe('whole outputs', () => {
	test('several writes on their own rows, multi-line text, transformers, rows past the bottom', () => {
		for (let i = 0; i < 2000; i++) {
			const height = 1 + Math.floor(rnd() * 6);
			const {ink, snabb} = bada(25, height, o => {
				let y = Math.floor(rnd() * 2);
				while (y < height + 1) {
					const lines = 1 + Math.floor(rnd() * 3);
					const text = Array.from({length: lines}, () => slumpRad(false)).join('\n');
					const transformers = rnd() < 0.5 ? [] : [(l: string, j: number) => (j % 2 ? chalk.bold(l) : `${l}!`)];
					o.write(0, y, text, {transformers});
					y += lines + Math.floor(rnd() * 2);
				}
			});
			expect(snabb).toEqual(ink);
		}
	});

	test('clipping, a write not at column 0 and two writes on one row are left to Ink', () => {
		const ops = (skriv: (o: Output) => void) => {
			const o = new Output({width: 20, height: 3});
			skriv(o);
			return snabbUtdata((o as unknown as Ops).operations, 20, 3, lib);
		};
		expect(ops(o => o.write(2, 0, 'a', {transformers: []}))).toBeUndefined();
		expect(ops(o => (o.write(0, 0, 'a\nb', {transformers: []}), o.write(0, 1, 'c', {transformers: []})))).toBeUndefined();
		expect(ops(o => (o.clip({x1: 0, x2: 5, y1: undefined, y2: undefined}), o.write(0, 0, 'abcdefgh', {transformers: []}), o.unclip()))).toBeUndefined();
		expect(ops(() => undefined)).toEqual(new Output({width: 20, height: 3}).get());
	});
});

test('the built bundle asks the fast Output.get() first', () => {
	const dir = dirname(privateCli());
	const chunk = readdirSync(dir)
		.filter(f => f.endsWith('.cjs'))
		.map(f => readFileSync(join(dir, f), 'utf8'))
		.find(s => s.includes('const malkollSnabb'));
	expect(chunk).toBeDefined();
	// The bundle's whitespace is minified (scripts/build.mjs): spaces and newlines may or may not be there.
	expect(chunk).toMatch(/get\(\)\s*\{\s*const malkollSnabb\s*=\s*\w+\(this\.operations,\s*this\.width,\s*this\.height,\s*\w+\);\s*if\s*\(malkollSnabb\)\s*return malkollSnabb;/);
	expect(chunk).toMatch(/function snabbRad\(/);
});
