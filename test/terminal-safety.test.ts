// Hostile text in titles and analyses: stored and exported exactly as typed, but on every terminal
// output (TUI, summary, show, history, errors) shown visibly and inert, never stripped in silence.
import {describe, expect, it} from 'vitest';
import {applyChanges, loadStore} from '../source/store/index.js';
import {run, runOk, tmpStore} from './helpers.js';
import {startUi} from './ui-helpers.js';

/** What a pasted text or a hostile file can carry, each with how it must look on screen. */
const HOSTILE: Array<[string, string, string]> = [
	['colour', '\x1b[31mRÖD\x1b[0m', '␛[31mRÖD␛[0m'],
	['cursor movement', '\x1b[2A\x1b[10D', '␛[2A␛[10D'],
	['clear screen', '\x1b[2J\x1b[H', '␛[2J␛[H'],
	['OSC window title', '\x1b]0;pwned\x07', '␛]0;pwned␇'],
	['hyperlink', '\x1b]8;;https://evil.example/\x1b\\klicka\x1b]8;;\x1b\\', '␛]8;;https://evil.example/␛\\klicka␛]8;;␛\\'],
	['one-byte CSI', '\u009b2J', '⟨9B⟩2J'],
	['BEL', 'pling\x07', 'pling␇'],
	['right-to-left override', '\u202eexe.fdp', '⟨U+202E⟩exe.fdp'],
];
const ALL = HOSTILE.map(([, raw]) => raw).join(' ');
const TITEL = `Den enskilde ${ALL}`;
const ANALYS = `Bedömningen grundas på tre resultat.\n${HOSTILE.map(([name, raw]) => `Punkt (${name}): ${raw}`).join('\n')}\n`;

/** Characters a terminal acts on; newline and tab are the only ones let through. */
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

function inert(out: string, what: string): void {
	const m = RAW.exec(out);
	expect(m && `U+${m[0].codePointAt(0)!.toString(16)} at ${m.index}: ${JSON.stringify(out.slice(Math.max(0, m.index - 20), m.index + 20))}`, what).toBeNull();
}

/** Every hostile sequence is shown, in its visible form (possibly escaped further by `esc`). */
function shown(out: string, what: string, esc: (s: string) => string = s => s): void {
	for (const [name, , visible] of HOSTILE) expect(out, `${what}: ${name}`).toContain(esc(visible));
}

async function hostileStore(): Promise<string> {
	const file = tmpStore();
	await applyChanges(
		file,
		[
			{op: 'def', entity: 'goal', id: '1.4.1.1', field: 'titel', value: TITEL},
			// The summaries list unmet indicators and unreported activities by name.
			{op: 'def', entity: 'indicator', id: '3.4:i2', field: 'namn', value: `Sjukfrånvaro ${ALL}`},
			{op: 'def', entity: 'activity', id: '1.4.1:a1', field: 'text', value: `Samverkan ${ALL}`},
		],
		{author: 'klistrat'},
	);
	const r = await run(['set', '1.4.1.1', '--analys', ANALYS, '--author', '\x1b[2Jmallory', '--data', file]);
	expect([r.code, r.stderr]).toEqual([0, '']);
	inert(r.stdout, 'set');
	return file;
}


describe('hostile text in the store', () => {
	it('is stored exactly as typed and comes back unchanged from export --json', async () => {
		const file = await hostileStore();
		const data = await loadStore(file);
		expect(data.goals.find(g => g.id === '1.4.1.1')!.titel).toBe(TITEL);
		expect(data.followUp.VB!.goals['1.4.1.1']!.analys).toBe(ANALYS);
		const exported = await runOk(['export', '--json', '--data', file]);
		// Control characters, C1 and bidi overrides leave as \u escapes; parsed, the text is the same.
		inert(exported, 'export --json');
		expect(exported).toContain('\\u009b2J');
		const parsed = JSON.parse(exported);
		expect(parsed.goals.find((g: {id: string}) => g.id === '1.4.1.1').titel).toBe(TITEL);
		expect(parsed.followUp.VB.goals['1.4.1.1'].analys).toBe(ANALYS);
	});

	it('is shown visibly and inert by show, history and the human summary', async () => {
		const file = await hostileStore();
		const show = await runOk(['show', '1.4.1.1', '--data', file]);
		inert(show, 'show');
		shown(show, 'show');
		const history = await runOk(['history', '1.4.1.1', '--data', file]);
		inert(history, 'history');
		expect(history).toContain('␛[2Jmallory');
		expect(history).toContain('1.4.1.1 Titel: "Den enskilde får ett gott bemötande');
		expect(history).toContain('→ "Den enskilde ␛[31mRÖD␛[0m');
		const summary = await runOk(['summary', '--data', file]);
		inert(summary, 'summary');
		expect(summary).toContain('Sjukfrånvaro ␛[31mRÖD␛[0m');
	});

	it('is shown visibly and inert in the TUI: tree row and detail pane', async () => {
		const file = await hostileStore();
		const t = await startUi({file, cols: 200, rows: 60});
		const frame = t.frame();
		t.r.unmount();
		inert(frame, 'TUI');
		expect(frame).toContain('1.4.1.1 Den enskilde ␛[31mRÖD␛[0m');
		shown(frame, 'TUI');
	});

	it('is escaped for Markdown in summary --markdown and report --markdown', async () => {
		const file = await hostileStore();
		const md = await runOk(['summary', '--markdown', '--data', file]);
		inert(md, 'summary --markdown');
		// Markdown specials are escaped on top of the visible form: ␛\[2J.
		shown(md, 'summary --markdown', s => s.replace(/[\\[\]]/g, c => `\\${c}`));
		const report = await runOk(['report', '--markdown', '--data', file]);
		inert(report, 'report --markdown');
		shown(report, 'report --markdown', s => s.replace(/[\\[\]]/g, c => `\\${c}`));
		const text = await runOk(['report', '--data', file]);
		inert(text, 'report');
		shown(text, 'report');
	});

	it('is escaped for CSV in export --csv', async () => {
		const file = await hostileStore();
		await applyChanges(file, [{op: 'set', period: 'VB', entity: 'indicator', id: '3.4:i2', field: 'analys', value: ANALYS}]);
		const csv = await runOk(['export', '--csv', '--data', file]);
		inert(csv.replace(/\r/g, ''), 'export --csv');
		shown(csv, 'export --csv');
	});

	it('is shown visibly in error messages that echo an id or a value', async () => {
		const file = tmpStore();
		for (const args of [
			['show', '\x1b[2J\u202e1.1', '--data', file],
			['set', '\x1b]0;pwned\x07', '--status', 'helt', '--data', file],
			['set', '3.4.1.1', '--status', '\u009b2Jhelt', '--data', file],
			['set', '3.4:i2', '--utfall', '\x1b[31m8,2', '--data', file],
			['summary', '--period', '\x1b[2JVB', '--data', file],
			['\x1b[2J'],
		]) {
			const r = await run(args);
			expect(r.code, args.join(' ')).toBe(2);
			inert(r.stderr, args.join(' '));
			expect(r.stderr, args.join(' ')).toMatch(/␛\[2J|␛\]0;pwned␇|⟨9B⟩2J|␛\[31m/);
		}
	});
});
