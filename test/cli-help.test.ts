import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {COMMAND_NAMES, allFlags} from '../source/commands/help.js';
import {kebab, suggest} from '../source/flagga.js';
import {run, runOk, tmpDir} from './helpers.js';

/** The flags a command's help lists: the rows of its flag sections ("    --period VP|T1|T2|VB  ..."). */
function listed(help: string): string[] {
	return help
		.split('\n')
		.filter(l => /^ {4}(-\w, )?--/.test(l))
		.map(l => /--([a-z-]+)/.exec(l)![1]!)
		.sort();
}

const REFUSED = /hör inte till|okänd flagga/;

describe('help for every command lists exactly the flags the parser takes', () => {
	const commands = COMMAND_NAMES.filter(c => c !== 'help');
	// Every flag any command declares, typed as a user would.
	const every = [...allFlags()].map(([name, spec]) => ({name: kebab(name), string: spec.type === 'string'}));

	it.each(commands)('%s', async command => {
		const help = await runOk(['help', command]);
		expect(await runOk([command, '--help'])).toBe(help);
		expect(help).toMatch(/^Användning: malkoll /);
		expect(help).toMatch(/Exempel\n {4}\$ /);
		// set, add and edit list a flag under each kind it applies to (--analys for all three).
		const shown = [...new Set(listed(help))];
		// Run the command with each flag alone, against a store that is not there: the parser either
		// refuses the flag or lets the command fail (or run) on its own terms.
		const nowhere = join(tmpDir(), 'finns-inte.json');
		const accepted: string[] = [];
		for (const {name, string} of every) {
			const args = [...(command === 'tui' ? [] : [command]), string ? `--${name}=${nowhere}` : `--${name}`];
			const r = await run(args, {MALKOLL_DATA: nowhere, HOME: tmpDir()});
			if (!REFUSED.test(r.stderr)) accepted.push(name);
		}
		expect(shown).toEqual(accepted.sort());
	});

	it('shows the short flags as one types them: -h everywhere, -V for the version', async () => {
		expect(await runOk(['help', 'tui'])).toMatch(/-V, --version +skriv ut versionen/);
		expect(await runOk(['help', 'show'])).toMatch(/-h, --help +den här hjälpen/);
		expect(await runOk(['show', '-h'])).toBe(await runOk(['help', 'show']));
	});

	it('names every command in the general help, and the examples of each run as far as their files allow', async () => {
		const general = await runOk(['--help']);
		expect(await runOk(['help'])).toBe(general);
		for (const c of COMMAND_NAMES.filter(x => x !== 'tui')) expect(general).toContain(`$ malkoll ${c}`);
	});
});

describe('the version', () => {
	it('is printed by -V and --version', async () => {
		const v = await runOk(['-V']);
		expect(v).toMatch(/^\S+\n$/);
		expect(await runOk(['--version'])).toBe(v);
	});

	it('names a short flag as typed when it is refused', async () => {
		const r = await run(['summary', '-V']);
		expect([r.code, r.stderr]).toEqual([2, 'malkoll: flaggan -V hör inte till malkoll summary (se malkoll help summary)\n']);
		const restore = await run(['restore', '3.4.1.1', '-V', '1']);
		expect([restore.code, restore.stderr]).toEqual([2, 'malkoll: flaggan -V hör inte till malkoll restore (se malkoll help restore)\n']);
		// A command after -V is read as its value: the version is printed, nothing run.
		expect(await runOk(['-V', 'summary'])).toBe(await runOk(['--version']));
		const x = await run(['show', '3.4.1.1', '-x']);
		expect([x.code, x.stderr]).toEqual([2, 'malkoll: okänd flagga -x (se malkoll help show)\n']);
	});
});

describe('a mistyped command or flag', () => {
	it('suggests what is at most two edits away or starts with what was typed', () => {
		expect(suggest('sumary', COMMAND_NAMES)).toEqual(['summary']);
		expect(suggest('sho', COMMAND_NAMES)).toEqual(['show', 'set']);
		expect(suggest('hsitory', COMMAND_NAMES)).toEqual(['history']);
		expect(suggest('perio', ['period', 'date', 'json'])).toEqual(['period']);
		expect(suggest('jsno', ['period', 'date', 'json'])).toEqual(['json']);
		expect(suggest('xyzzy', COMMAND_NAMES)).toEqual([]);
	});

	it('gets one line naming it, with the suggestion, and exit 2', async () => {
		const flag = await run(['summary', '--perio', 'VB']);
		expect([flag.code, flag.stderr]).toEqual([2, 'malkoll: okänd flagga --perio (menade du --period?) (se malkoll help summary)\n']);
		const command = await run(['sumary']);
		expect([command.code, command.stderr]).toEqual([2, 'malkoll: okänt kommando "sumary" (menade du summary?) (se malkoll --help)\n']);
		const help = await run(['help', 'sumary']);
		expect([help.code, help.stderr]).toEqual([2, 'malkoll: help: okänt kommando "sumary" (menade du summary?) (se malkoll --help)\n']);
		// A flag of another command is named as such, not guessed at.
		const other = await run(['show', '3.4.1.1', '--csv']);
		expect(other.stderr).toBe('malkoll: flaggan --csv hör inte till malkoll show (se malkoll help show)\n');
		const far = await run(['show', '--xyzzy']);
		expect(far.stderr).toBe('malkoll: okänd flagga --xyzzy (se malkoll help show)\n');
	});
});
