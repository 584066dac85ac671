// Parses argv with meow, picks a command, turns every user error into one line and exit 2.
// None of the commands imports Ink: the TUI is loaded by dynamic import only.
import meow from 'meow';
import {MalkollError, reportError} from './errors.js';
import {visibleLine} from './report/visible.js';
import type {Ctx, Io} from './commands/context.js';
import {kebab, menadeDu} from './flagga.js';
import {COMMAND_NAMES, GLOBAL, SHORT, allFlags, commandHelp, flagsOf, generalHelp} from './commands/help.js';

declare const MALKOLL_VERSION: string;
const VERSION = typeof MALKOLL_VERSION === 'string' ? MALKOLL_VERSION : 'dev';

// Every command's flags, from the table the help and the completion read (commands/help.ts).
const FLAGS = Object.fromEntries([...allFlags()].map(([name, spec]) => [name, {...spec, shortFlag: Object.keys(SHORT).find(k => SHORT[k] === name)}]));

const COMMANDS: Record<string, (ctx: Ctx) => Promise<number>> = {
	tui: async ctx => (await import('./commands/tui.js')).tui(ctx),
	completion: async ctx => (await import('./commands/completion.js')).completion(ctx),
	summary: async ctx => (await import('./commands/summary.js')).summary(ctx),
	show: async ctx => (await import('./commands/show.js')).show(ctx),
	set: async ctx => (await import('./commands/set.js')).set(ctx),
	add: async ctx => (await import('./commands/plan.js')).add(ctx),
	edit: async ctx => (await import('./commands/plan.js')).edit(ctx),
	rm: async ctx => (await import('./commands/plan.js')).rm(ctx),
	period: async ctx => (await import('./commands/plan.js')).period(ctx),
	submit: async ctx => (await import('./commands/plan.js')).submit(ctx),
	report: async ctx => (await import('./commands/report.js')).report(ctx),
	export: async ctx => (await import('./commands/export.js')).exportCommand(ctx),
	validate: async ctx => (await import('./commands/validate.js')).validate(ctx),
	history: async ctx => (await import('./commands/history.js')).history(ctx),
	restore: async ctx => (await import('./commands/history.js')).restore(ctx),
	init: async ctx => (await import('./commands/init.js')).init(ctx),
	async import({io, flags, args}) {
		const {importCommand} = await import('./commands/import.js');
		if (args.length !== 1) throw new MalkollError('import: ange en rapportfil, t.ex. malkoll import vb2025.txt --out enhet.json');
		return importCommand({
			file: args[0]!,
			out: flags.out as string | undefined,
			into: flags.into as string | undefined,
			partial: Boolean(flags.partial),
			json: Boolean(flags.json),
			dryRun: Boolean(flags.dryRun),
			author: flags.author as string | undefined,
			stdout: io.stdout,
			stderr: io.stderr,
		});
	},
};

/** Flags the user actually wrote, by their camelCase name: how many times, and the first as typed. */
function givenFlags(argv: string[]): Map<string, {n: number; typed: string}> {
	const given = new Map<string, {n: number; typed: string}>();
	for (const arg of argv) {
		if (arg === '--') break;
		const m = /^--?([^=]+)/.exec(arg);
		if (!m || /^-\d/.test(arg)) continue;
		const name = m[1]!.replace(/^no-/, '');
		const key = arg.startsWith('--') ? name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase()) : (SHORT[name] ?? `-${name}`);
		given.set(key, {n: (given.get(key)?.n ?? 0) + 1, typed: given.get(key)?.typed ?? arg.replace(/=.*/s, '')});
	}
	return given;
}

export async function main(args: string[], io: Io): Promise<number> {
	// meow reads a lone "-" as an argument; after --analys-file it is the file (standard in).
	const argv = args.flatMap((a, i) => (a === '--analys-file' && args[i + 1] === '-' ? ['--analys-file=-'] : a === '-' && args[i - 1] === '--analys-file' ? [] : [a]));
	try {
		// meow's own complaint about a repeated flag is English and not a MalkollError.
		for (const [flag, {n, typed}] of givenFlags(argv)) {
			if (n > 1 && Object.hasOwn(FLAGS, flag) && !FLAGS[flag]!.isMultiple) throw new MalkollError(`flaggan ${typed} är angiven ${n} gånger; ange den en gång`);
		}
		const cli = meow('', {
			importMeta: import.meta,
			argv,
			flags: FLAGS,
			autoHelp: false,
			autoVersion: false,
			pkg: {name: 'malkoll', version: VERSION},
			allowUnknownFlags: true,
			booleanDefault: undefined,
		});
		const [typed = '', ...rest] = cli.input;
		const command = typed === '' ? 'tui' : typed;
		const known = (c: string) => COMMAND_NAMES.includes(c);
		const unknown = (c: string) => `okänt kommando "${visibleLine(c)}"${menadeDu(c, COMMAND_NAMES)} (se malkoll --help)`;
		if (command === 'help' || cli.flags.help) {
			const about = command !== 'help' ? command : rest[0];
			if (about !== undefined && !known(about)) throw new MalkollError(`help: ${unknown(rest.join(' ') || about)}`);
			io.stdout.write(about === undefined || (typed === '' && rest.length === 0) ? generalHelp() : commandHelp(about));
			return 0;
		}
		// Before a command, --version is the switch (restore's --version N takes a number).
		if (givenFlags(argv).has('version') && typed === '') {
			io.stdout.write(`${VERSION}\n`);
			return 0;
		}
		if (!known(command)) throw new MalkollError(unknown(command));
		const own = [...GLOBAL, ...flagsOf(command)].map(x => x.name);
		for (const [name, {typed: as}] of givenFlags(argv)) {
			// -V is the version, never restore's --version N.
			if (own.includes(name) && !(as === '-V' && typed)) continue;
			if (Object.hasOwn(FLAGS, name)) throw new MalkollError(`flaggan ${as} hör inte till malkoll${typed ? ` ${command}` : ''} (se malkoll help ${command})`);
			throw new MalkollError(`okänd flagga ${visibleLine(as)}${as.startsWith('--') ? menadeDu(kebab(name), own.map(kebab), '--') : ''} (se malkoll help ${command})`);
		}
		const flags = cli.flags as Record<string, string | boolean | undefined>;
		if (typeof flags.author === 'string' && flags.author.trim() === '') throw new MalkollError('--author: ange ett namn (utan flaggan skrivs ditt användarnamn)');
		// --no-color is FORCE_COLOR=0 for every command and the TUI: it wins over FORCE_COLOR set in the environment.
		return await COMMANDS[command]!({io, flags, args: rest, env: flags.color === false ? {...io.env, FORCE_COLOR: '0', NO_COLOR: '1'} : io.env});
	} catch (error) {
		return reportError(error, io);
	}
}
