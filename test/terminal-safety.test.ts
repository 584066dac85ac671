// Hostile text in titles and analyses: stored and exported exactly as typed, but on every terminal
// output (TUI, summary, show, history, errors) shown visibly and inert, never stripped in silence.
import {execFileSync, spawnSync} from 'node:child_process';
import {readFileSync, writeFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {applyChanges, loadStore} from '../source/store/index.js';
import {BUNDLED, ROOT, privateCli, run, runOk, tmpDir, tmpStore} from './helpers.js';
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

// Issue 13, item 6: a store whose every text is hostile, and a report whose titles are, through every
// command and (below) every TUI screen in tmux with set-clipboard on.
const EVIL = '\x1b]0;TITEL\x07\x1b]52;c;cHduZWQ=\x07\x1b[2J\u009b31m\u202e\x07';
const TEXT_KEYS = new Set(['titel', 'namn', 'text', 'beskrivning', 'analys', 'avvikelse', 'kommentar', 'raw', 'namnd', 'forvaltning', 'dnr', 'fil', 'av']);

function allHostile(): string {
	const data = JSON.parse(readFileSync(BUNDLED, 'utf8'));
	const walk = (v: unknown): void => {
		if (Array.isArray(v)) return v.forEach(walk);
		if (!v || typeof v !== 'object') return;
		const o = v as Record<string, unknown>;
		for (const k of Object.keys(o)) {
			if (typeof o[k] === 'string' && TEXT_KEYS.has(k)) o[k] = `${o[k] as string}${EVIL}`;
			else walk(o[k]);
		}
	};
	walk(data);
	const file = tmpStore();
	writeFileSync(file, JSON.stringify(data, null, 2));
	return file;
}

/** Seed 003 (the bundled unit's VB) with every goal heading hostile. */
function hostileReport(): string {
	const text = readFileSync(join(ROOT, 'test', 'fixtures', 'seeds', '003_f3a4a286e93c5bae.txt'), 'utf8');
	const file = join(tmpDir(), 'vb.txt');
	writeFileSync(file, text.split('\n').map(l => (/^(Enhetsmål|Nämndmål|KF:s)/.test(l) ? l + EVIL : l)).join('\n'));
	return file;
}

const EVERY_COMMAND = (f: string): string[][] => [
	['summary', '--data', f],
	['summary', '--json', '--data', f],
	['summary', '--markdown', '--data', f],
	['summary', f, BUNDLED],
	['show', '1.4.1.1', '--data', f],
	['show', '3.4:i2', '--data', f],
	['show', '1.4.1:a1', '--data', f],
	['show', '1.4.1.1', '--json', '--data', f],
	['report', '--data', f],
	['report', '--markdown', '--data', f],
	['export', '--json', '--data', f],
	['validate', f],
	['period', '--data', f],
	['set', '1.4.1.1', '--status', 'delvis', '--analys', `ny ${EVIL}`, '--data', f],
	['set', '3.4:i2', '--utfall', '8,0 %', '--data', f],
	['edit', '1.4.1.1', '--titel', `Ny titel ${EVIL}`, '--data', f],
	['add', 'aktivitet', '--under', '1.4.1.1', '--titel', `Ny ${EVIL}`, '--data', f],
	['history', '--data', f],
	['history', '1.4.1.1', '--data', f],
	['restore', '1.4.1.1', '--version', '1', '--data', f],
	['rm', '1.4.1.1:a1', '--data', f],
	['submit', '--data', f],
	['period', 'T1', '--data', f],
	['show', '\x1b]52;c;eA==\x07', '--data', f],
	['init', '--fran', f, '--namn', `Enhet ${EVIL}`, '--out', join(dirname(f), 'ny.json')],
];

describe('a store whose every text is hostile, and a hostile report', () => {
	it('goes through every command with nothing raw on stdout or stderr', async () => {
		const f = allHostile();
		for (const args of EVERY_COMMAND(f)) {
			const r = await run(args);
			inert(r.stdout, `${args[0]} stdout`);
			inert(r.stderr, `${args[0]} stderr`);
		}
		const csv = await run(['export', '--csv', '--data', f]);
		inert(csv.stdout.replace(/\r\n/g, '\n'), 'export --csv');
	});

	it('import shows the notes, warnings and accounting inert, on stderr and in --json', async () => {
		const report = hostileReport();
		const utan = JSON.parse(readFileSync(BUNDLED, 'utf8'));
		const gone = (id: string) => id === '1.4.1.1' || id.startsWith('1.4.1.1:');
		utan.goals = utan.goals.filter((g: {id: string}) => !gone(g.id));
		utan.indicators = utan.indicators.filter((x: {malId: string}) => !gone(x.malId));
		utan.activities = utan.activities.filter((x: {malId: string}) => !gone(x.malId));
		for (const kind of ['goals', 'indicators', 'activities']) for (const id of Object.keys(utan.followUp.VB[kind])) if (gone(id)) delete utan.followUp.VB[kind][id];
		const into = tmpStore();
		writeFileSync(into, JSON.stringify(utan));
		const r = await run(['import', report, '--into', into, '--partial']);
		expect(r.code, r.stderr).toBe(0);
		// The note names the new goal by its title, shown visibly.
		expect(r.stderr).toContain('nytt mål 1.4.1.1: Den enskilde');
		expect(r.stderr).toContain('␛]0;TITEL␇␛]52;c;cHduZWQ=␇␛[2J⟨9B⟩31m⟨U+202E⟩␇');
		inert(r.stderr, 'import --into');
		for (const args of [['import', report], ['import', report, '--out', join(tmpDir(), 'o.json'), '--json'], ['import', report, '--into', tmpStore(), '--dry-run', '--json']]) {
			const x = await run(args);
			inert(x.stdout, `${args.join(' ')} stdout`);
			inert(x.stderr, `${args.join(' ')} stderr`);
		}
	});
});

const harTmux = spawnSync('tmux', ['-V']).status === 0;

describe.skipIf(!harTmux)('the hostile store in a real terminal with set-clipboard on (tmux -L malkoll-safety)', () => {
	const sock = `malkoll-safety-${process.pid}`;
	const tmux = (...args: string[]) => execFileSync('tmux', ['-L', sock, ...args], {encoding: 'utf8'});
	afterAll(() => spawnSync('tmux', ['-L', sock, 'kill-server']));

	it('every command and every TUI screen: no tmux buffer, the pane title stays, nothing hostile reaches the terminal', async () => {
		const f = allHostile();
		const dir = tmpDir();
		const raw = join(dir, 'raw.bin');
		const cli = privateCli();
		const q = (a: string) => `'${a.replace(/'/g, `'\\''`)}'`;
		const script = join(dir, 'run.sh');
		const lines = EVERY_COMMAND(f).map(args => `node ${cli} ${args.map(q).join(' ')}`);
		lines.push(`node ${cli} export --csv --data ${f}`, `node ${cli} import ${hostileReport()}`);
		writeFileSync(script, `${lines.join('\n')}\necho KOMMANDON-KLARA\nexec node ${cli} --data ${f} --author e2e\n`);
		tmux('new-session', '-d', '-s', 'h', '-x', '160', '-y', '50', 'sleep 600');
		tmux('set-option', '-g', 'set-clipboard', 'on');
		tmux('set-option', '-g', 'allow-rename', 'on');
		tmux('set-option', '-g', 'remain-on-exit', 'on');
		tmux('select-pane', '-t', 'h', '-T', 'RUTAN');
		// Everything the pane receives, byte for byte; the script waits until the pipe is open.
		tmux('respawn-pane', '-k', '-t', 'h', `env TERM=xterm-256color bash -c 'read -r; bash ${script}'`);
		tmux('pipe-pane', '-t', 'h', `cat >> ${raw}`);
		tmux('send-keys', '-t', 'h', 'Enter');
		const screen = () => tmux('capture-pane', '-p', '-t', 'h');
		const wait = async (ok: (s: string) => boolean, what: string) => {
			const end = Date.now() + 60_000;
			while (!ok(screen())) {
				if (Date.now() > end) throw new Error(`väntade på ${what}:\n${screen()}`);
				await new Promise(r => setTimeout(r, 100));
			}
		};
		await wait(s => s.includes('Beställarenhet 2') && s.includes('· 2025 · T1') && !s.includes('KOMMANDON-KLARA'), 'TUI:n');
		// Every screen: tree opened whole, detail, lists, editor, form, help, summary, period, search.
		const keys: string[][] = [
			['O'],
			['G'],
			['g'],
			['a'],
			['Escape'],
			['Tab'],
			['Enter'],
			['Escape'],
			['Tab'],
			['r'],
			['Escape'],
			['?'],
			['Escape'],
			['s'],
			['Escape'],
			['p'],
			['Escape'],
			['/'],
			['-l', 'Den'],
			['Enter'],
			['d'],
			['n'],
		];
		for (const k of keys) {
			tmux('send-keys', '-t', 'h', ...k);
			await new Promise(r => setTimeout(r, 150));
			expect(tmux('list-buffers')).toBe('');
		}
		tmux('send-keys', '-t', 'h', 'C-c');
		await new Promise(r => setTimeout(r, 500));
		expect(tmux('list-buffers')).toBe('');
		expect(tmux('display-message', '-p', '-t', 'h', '#{pane_title}').trim()).toBe('RUTAN');
		const bytes = readFileSync(raw, 'utf8');
		expect(bytes).toContain('␛]52;c;cHduZWQ=␇');
		for (const bad of ['\x1b]0;', '\x1b]52;', '\u009b', '\u202e', '\x07']) expect(bytes.includes(bad), JSON.stringify(bad)).toBe(false);
	}, 120_000);
});
