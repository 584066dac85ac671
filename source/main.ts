// Parses argv with meow, picks a command, turns every user error into one line and exit 2.
// None of the commands imports Ink: the TUI is loaded by dynamic import only.
import meow from 'meow';
import {MalkollError} from './errors.js';
import {visibleLine} from './report/visible.js';
import type {Ctx, Io} from './commands/context.js';
import {kebab} from './flagga.js';
import {FIELD_COMMANDS, type FieldCommand, commandFlags, commandHelp, flagSummary} from './commands/help.js';

declare const MALKOLL_VERSION: string;
const VERSION = typeof MALKOLL_VERSION === 'string' ? MALKOLL_VERSION : 'dev';

const HELP = `
  Användning
    $ malkoll [--data FIL]                      öppna TUI:n (kräver en terminal)
    $ malkoll summary [--period P] [--date ÅÅÅÅ-MM-DD] [--json|--markdown] [--copy]
    $ malkoll show ID [--period P] [--json]
    $ malkoll set ID [--period P] [flaggor]       ändra status, analys, utfall, tillstånd
    $ malkoll summary ENHETER/*.json             sammanställning över flera enheters stores
    $ malkoll report [--period P] [--markdown|--text]   hela uppföljningen i rapportens ordning
    $ malkoll export [--json|--csv]
    $ malkoll validate [FIL]
    $ malkoll history [ID] [--json]
    $ malkoll restore ID --version N
    $ malkoll import RAPPORT [--out FIL|--into FIL] [--partial] [--json] [--dry-run]   .txt, .docx eller .pdf
    $ malkoll init --fran NÄMNDENS-PLAN --namn ENHET [--out FIL] [--force]   ny enhet från nämndens plan
    $ malkoll add enhetsmal|aktivitet|indikator --under ID --titel TEXT [...]
    $ malkoll edit ID [flaggor]                   ändra planen
    $ malkoll help set|add|edit                  kommandots flaggor med exempel
    $ malkoll rm ID
    $ malkoll period [P] [--carry|--no-carry]     byt period; --carry tar med föregående periods bedömningar
    $ malkoll submit [--period P] [--reopen]      markera perioden som inlämnad

  set:
${flagSummary('set').map(l => `    ${l}`).join('\n')}
    Alla:        --granskad (bekräfta en överförd bedömning)  --force (ändra en inlämnad period)

  add/edit:
${flagSummary('add').map(l => `    ${l}`).join('\n')}

  Allmänt
    --data FIL     arbeta mot FIL (annars MALKOLL_DATA eller din egen store)
    --author NAMN  vem som står för ändringen i historiken (annars användarnamnet)
    --period P     VP, T1, T2 eller VB (annars storens aktuella period)
    --no-color     ingen färg (även NO_COLOR=1 eller FORCE_COLOR=0)

  Exempel
    $ malkoll summary --period VB
    $ malkoll set 3.4.1.1 --status delvis --analys "Bedömningen grundas på ..."
    $ malkoll set 3.4:i2 --utfall "7,9 %" --man "6,1 %" --kvinnor "8,3 %"
`;

const FLAGS = {
	// First, so that the others keep their type: the flags of the fields, from the table (--titel, --utfall, --resultat given once per result ...).
	...Object.fromEntries(FIELD_COMMANDS.flatMap(commandFlags).map(f => [f.flag, {type: 'string' as const, isMultiple: f.multiple === true}])),
	data: {type: 'string'},
	author: {type: 'string'},
	period: {type: 'string'},
	date: {type: 'string'},
	json: {type: 'boolean'},
	markdown: {type: 'boolean'},
	text: {type: 'boolean'},
	csv: {type: 'boolean'},
	analysFile: {type: 'string'},
	version: {type: 'string'},
	out: {type: 'string'},
	into: {type: 'string'},
	fran: {type: 'string'},
	namn: {type: 'string'},
	partial: {type: 'boolean'},
	dryRun: {type: 'boolean'},
	under: {type: 'string'},
	carry: {type: 'boolean'},
	reopen: {type: 'boolean'},
	force: {type: 'boolean'},
	granskad: {type: 'boolean'},
	help: {type: 'boolean', shortFlag: 'h'},
	color: {type: 'boolean'},
	copy: {type: 'boolean'},
} as const;

type FlagName = keyof typeof FLAGS;
const GLOBAL: FlagName[] = ['data', 'author', 'help', 'color'];
const ALLOWED: Record<string, FlagName[]> = {
	'': ['version'],
	summary: ['period', 'date', 'json', 'markdown', 'copy'],
	show: ['period', 'json'],
	...Object.fromEntries(FIELD_COMMANDS.map(c => [c, commandFlags(c).map(f => f.flag)])),
	rm: ['json'],
	period: ['carry', 'json'],
	submit: ['period', 'reopen', 'json'],
	export: ['json', 'csv', 'period'],
	report: ['period', 'date', 'markdown', 'text'],
	validate: ['json'],
	history: ['json'],
	restore: ['version', 'force', 'json'],
	import: ['out', 'into', 'partial', 'json', 'dryRun'],
	init: ['fran', 'namn', 'out', 'force'],
};

const COMMANDS: Record<string, (ctx: Ctx) => Promise<number>> = {
	'': async ctx => (await import('./commands/tui.js')).tui(ctx),
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

/** Flags the user actually wrote, by their camelCase name, with how many times each. */
function givenFlagCounts(argv: string[]): Map<string, number> {
	const given = new Map<string, number>();
	for (const arg of argv) {
		if (arg === '--') break;
		const m = /^--?([^=]+)/.exec(arg);
		if (!m || /^-\d/.test(arg)) continue;
		const name = m[1]!.replace(/^no-/, '');
		const key = name === 'h' ? 'help' : name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
		given.set(key, (given.get(key) ?? 0) + 1);
	}
	return given;
}

export async function main(args: string[], io: Io): Promise<number> {
	// meow reads a lone "-" as an argument; after --analys-file it is the file (standard in).
	const argv = args.flatMap((a, i) => (a === '--analys-file' && args[i + 1] === '-' ? ['--analys-file=-'] : a === '-' && args[i - 1] === '--analys-file' ? [] : [a]));
	try {
		// meow's own complaint about a repeated flag is English and not a MalkollError.
		const multiple = (f: string) => (FLAGS as Record<string, {isMultiple?: boolean}>)[f]!.isMultiple === true;
		for (const [flag, n] of [...givenFlagCounts(argv)].filter(([f, n]) => n > 1 && Object.hasOwn(FLAGS, f) && !multiple(f))) {
			throw new MalkollError(`flaggan --${kebab(flag)} är angiven ${n} gånger; ange den en gång`);
		}
		const cli = meow(HELP, {
			importMeta: import.meta,
			argv,
			flags: FLAGS,
			autoHelp: false,
			autoVersion: false,
			pkg: {name: 'malkoll', version: VERSION},
			allowUnknownFlags: true,
			booleanDefault: undefined,
		});
		const [command = '', ...rest] = cli.input;
		const isFieldCommand = (c: string | undefined): c is FieldCommand => FIELD_COMMANDS.some(x => x === c);
		if (command === 'help' || cli.flags.help) {
			const about = command !== 'help' ? (isFieldCommand(command) ? command : undefined) : rest.length > 0 ? rest.join(' ') : undefined;
			if (about !== undefined && !isFieldCommand(about)) throw new MalkollError(`help: ingen hjälp om "${visibleLine(about)}" (set, add eller edit; allt annat i malkoll --help)`);
			io.stdout.write(about ? commandHelp(about) : `${HELP.trim()}\n`);
			return 0;
		}
		if (command === '' && argv.includes('--version') && cli.flags.version === '') {
			io.stdout.write(`${VERSION}\n`);
			return 0;
		}
		if (!Object.hasOwn(ALLOWED, command)) {
			throw new MalkollError(`okänt kommando "${command}" (se malkoll --help)`);
		}
		const allowed = new Set<string>([...GLOBAL, ...ALLOWED[command]!]);
		for (const name of givenFlagCounts(argv).keys()) {
			if (!allowed.has(name)) {
				throw new MalkollError(
					name in FLAGS
						? `flaggan --${kebab(name)} hör inte till ${command ? `malkoll ${command}` : 'malkoll'}`
						: `okänd flagga --${kebab(name)} (se malkoll --help)`,
				);
			}
		}
		const flags = cli.flags as Record<string, string | boolean | undefined>;
		// --no-color is FORCE_COLOR=0 for every command and the TUI: it wins over FORCE_COLOR set in the environment.
		return await COMMANDS[command]!({io, flags, args: rest, env: flags.color === false ? {...io.env, FORCE_COLOR: '0', NO_COLOR: '1'} : io.env});
	} catch (error) {
		if (error instanceof MalkollError) {
			io.stderr.write(`malkoll: ${visibleLine(error.message)}\n`);
			return error.exitCode;
		}
		const message = error instanceof Error ? error.message : String(error);
		io.stderr.write(`malkoll: internt fel: ${visibleLine(message)}\n`);
		if (io.env.MALKOLL_DEBUG && error instanceof Error) io.stderr.write(`${error.stack}\n`);
		return 1;
	}
}
