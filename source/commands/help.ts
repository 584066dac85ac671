// Every command's flags, with their help: the one table the parser (main.ts), the help texts and the
// shell completion (completion.ts) read, so none can list a flag another refuses. The flags of
// set, add and edit come from the field table.
import {ENTITIES, ENTITY_PLURAL, type Entity, type NamedField, flagFields} from '../domain/fields.js';
import {kebab} from '../flagga.js';

export type FieldCommand = 'set' | 'add' | 'edit';
export const FIELD_COMMANDS: readonly FieldCommand[] = ['set', 'add', 'edit'];

/** A flag: its camelCase name, what it takes for help ('' = a switch, no value) and what it does. */
export interface Flag {
	name: string;
	hint: string;
	text: string;
	multiple?: true;
}
/** What a command's arguments are, for completion. */
export type Arg = 'id' | 'fil' | 'kind' | 'period' | 'command' | 'shell' | 'none';

interface Command {
	/** After "malkoll ": the arguments and the main flags. */
	usage: string;
	about: string;
	flags: Flag[];
	examples: string[];
	arg: Arg;
}

const f = (name: string, hint: string, text: string): Flag => ({name, hint, text});
const PERIOD = f('period', 'VP|T1|T2|VB', 'perioden (annars storens aktuella)');
const DATE = f('date', 'ÅÅÅÅ-MM-DD', 'bedöm per detta datum (annars periodens slut)');
const json = (text: string) => f('json', '', text);

/** Taken by every command. */
export const GLOBAL: Flag[] = [
	f('data', 'FIL', 'arbeta mot FIL (annars MALKOLL_DATA eller din egen store)'),
	f('author', 'NAMN', 'vem som står för ändringen i historiken (annars användarnamnet)'),
	f('help', '', 'den här hjälpen'),
	f('color', '', 'färg i terminalen; --no-color: ingen (som NO_COLOR=1 eller FORCE_COLOR=0)'),
];

/** Flags each field command takes besides its fields. */
const OTHER: Record<FieldCommand, Flag[]> = {
	set: [
		f('analysFile', 'FIL', 'analysen ur en fil (- = standard in)'),
		PERIOD,
		f('granskad', '', 'bekräfta en överförd bedömning'),
		f('force', '', 'ändra en inlämnad period'),
		json('ändringarna som JSON'),
	],
	add: [f('under', 'ID', 'målet det hör till'), json('ändringen som JSON')],
	edit: [json('ändringarna som JSON')],
};
const FIELD_ABOUT: Record<FieldCommand, [usage: string, about: string]> = {
	set: ['set ID [--period P] [flaggor]', 'ändra uppföljningen av ett mål, en indikator eller en aktivitet'],
	add: ['add enhetsmal|aktivitet|indikator --under ID --titel TEXT [flaggor]', 'lägg till i planen; skriver ut det nya id:t'],
	edit: ['edit ID [flaggor]', 'ändra planen; id:t står kvar'],
};

/** Every command but set, add and edit (whose flags are the field table's), in the general help's order. */
const COMMANDS: Record<string, Command> = {
	tui: {usage: '[tui] [--data FIL]', about: 'öppna TUI:n (kräver en terminal)', flags: [f('version', '', 'skriv ut versionen')], examples: ['malkoll --data enhet.json', 'malkoll --version'], arg: 'none'},
	summary: {
		usage: 'summary [ENHETER/*.json] [--period P] [--json|--markdown|--html]',
		about: 'briefen inför ledningsgruppen; med filer eller mappar: sammanställningen',
		flags: [PERIOD, DATE, json('som JSON'), f('markdown', '', 'som Markdown'), f('html', '', 'som HTML-dokument (klistras in i Word/Outlook med tabeller)'), f('copy', '', 'kopiera briefen till urklipp (OSC 52 och wl-copy/xclip/pbcopy där de finns)'), f('exitStatus', '', 'avsluta med kod 3 medan "Klart för inlämning?" är nej')],
		examples: ['malkoll summary --period VB', 'malkoll summary --markdown > dagordning.md', 'malkoll summary --exit-status > /dev/null || echo inte klar', 'malkoll summary enheter/ --json'],
		arg: 'fil',
	},
	show: {usage: 'show ID [--period P] [--json]', about: 'ett mål, en indikator eller en aktivitet med allt som hör till', flags: [PERIOD, json('som JSON')], examples: ['malkoll show 3.4.1.1', 'malkoll show 3.4:i2 --period T2 --json'], arg: 'id'},
	report: {
		usage: 'report [--period P] [--text|--markdown|--json|--html]',
		about: 'hela uppföljningen i rapportens ordning, att klistra in i stadens system',
		flags: [PERIOD, DATE, f('text', '', 'som ren text (standard)'), f('markdown', '', 'som Markdown'), f('html', '', 'som HTML-dokument'), json('som JSON: målen i rapportens ordning med indikatorer och aktiviteter')],
		examples: ['malkoll report --period T2', 'malkoll report --markdown > vb.md', "malkoll report --json | jq '.goals[].id'"],
		arg: 'none',
	},
	export: {usage: 'export [--json|--csv [--period P]]', about: 'hela storen som JSON, eller indikatorer och aktiviteter som CSV för Excel', flags: [json('hela storen som JSON (standard)'), f('csv', '', 'en periods indikatorer och aktiviteter som CSV'), f('period', 'VP|T1|T2|VB', 'perioden för --csv')], examples: ['malkoll export --json > backup.json', 'malkoll export --csv --period T2 > t2.csv'], arg: 'none'},
	validate: {usage: 'validate [FIL]', about: 'kontrollera en store mot schemat', flags: [json('resultatet som JSON')], examples: ['malkoll validate enhet.json'], arg: 'fil'},
	history: {usage: 'history [ID] [--since ÅÅÅÅ-MM-DD] [--json]', about: 'de sparade ändringarna, numrerade som versioner', flags: [f('since', 'ÅÅÅÅ-MM-DD', 'bara ändringar från och med datumet'), json('som JSON')], examples: ['malkoll history 3.4.1.1', 'malkoll history --since 2025-06-01'], arg: 'id'},
	restore: {usage: 'restore ID --version N', about: 'återställ uppföljningen av ID till hur den var efter version N', flags: [f('version', 'N', 'versionen ur malkoll history ID'), f('force', '', 'ändra en inlämnad period'), json('ändringarna som JSON')], examples: ['malkoll restore 3.4.1.1 --version 1'], arg: 'id'},
	import: {
		usage: 'import RAPPORT [--out FIL|--into FIL] [--partial] [--json] [--dry-run]',
		about: 'läs en VP, tertialrapport eller verksamhetsberättelse (.txt, .docx eller .pdf)',
		flags: [f('out', 'FIL', 'skriv en ny store'), f('into', 'FIL', 'lägg in perioden i en befintlig store'), f('partial', '', 'spara även det som går att läsa när något saknas'), json('redovisningen som JSON'), f('dryRun', '', 'läs och redovisa, spara inget')],
		examples: ['malkoll import verksamhetsberattelse.txt --out min-enhet.json', 'malkoll import t2.docx --into min-enhet.json --dry-run'],
		arg: 'fil',
	},
	init: {usage: 'init --fran NÄMNDENS-PLAN --namn ENHET [--out FIL] [--force]', about: 'en ny enhets store från nämndens plan', flags: [f('fran', 'FIL', 'nämndens store (.json) eller VP som rapport'), f('namn', 'ENHET', 'enhetens namn'), f('out', 'FIL', 'filen att skriva (annars din egen store)'), f('force', '', 'skriv över en befintlig store (den gamla sparas som .bak)')], examples: ['malkoll init --fran data/aldrenamnden-2025.json --namn "Hemtjänst Syd" --out hemtjanst-syd.json'], arg: 'none'},
	rm: {usage: 'rm ID', about: 'ta bort ett mål (med dess rader) eller en rad; id:t återanvänds aldrig', flags: [json('ändringarna som JSON')], examples: ['malkoll rm 3.4.1.2:a1'], arg: 'id'},
	period: {usage: 'period [P] [--carry|--no-carry]', about: 'visa perioderna, eller byt period', flags: [f('carry', '', 'ta med föregående periods bedömningar (--no-carry: börja tomt)'), json('som JSON')], examples: ['malkoll period', 'malkoll period T2 --carry'], arg: 'period'},
	submit: {usage: 'submit [--period P] [--reopen]', about: 'markera perioden som inlämnad', flags: [PERIOD, f('reopen', '', 'öppna en inlämnad period igen'), json('ändringen som JSON')], examples: ['malkoll submit --period T2'], arg: 'none'},
	completion: {usage: 'completion bash|zsh|fish', about: 'skript för att komplettera kommandon, flaggor och id:n med Tab', flags: [f('ids', '', 'skriv ut storens id:n, ett per rad (används av skriptet)')], examples: ['source <(malkoll completion bash)', 'malkoll completion fish > ~/.config/fish/completions/malkoll.fish'], arg: 'shell'},
	help: {usage: 'help [KOMMANDO]', about: 'ett kommandos flaggor med exempel', flags: [], examples: ['malkoll help set', 'malkoll summary --help'], arg: 'command'},
};

/** Every command name, in the general help's order. */
export const COMMAND_NAMES: readonly string[] = ['tui', 'summary', 'show', ...FIELD_COMMANDS, 'report', 'export', 'validate', 'history', 'restore', 'import', 'init', 'rm', 'period', 'submit', 'completion', 'help'];

const isField = (c: string): c is FieldCommand => FIELD_COMMANDS.some(x => x === c);

const fieldFlag = (x: NamedField): Flag => ({name: x.flag ?? x.name, hint: x.hint, text: x.label, ...(x.multiple ? {multiple: true as const} : {})});

/** The flags a command takes, besides the GLOBAL ones; read anew each time, as the field table may grow. */
export function flagsOf(command: string): Flag[] {
	const own = isField(command) ? [...flagFields(command).map(fieldFlag), ...OTHER[command]] : (COMMANDS[command]?.flags ?? []);
	return own.filter((x, i, all) => all.findIndex(g => g.name === x.name) === i);
}

export function argOf(command: string): Arg {
	return isField(command) ? (command === 'add' ? 'kind' : 'id') : COMMANDS[command]!.arg;
}

/** Every command's flags and the global ones, once each: the parser's declarations for meow. A
 * flag is a string when any command gives it a value ("--version N" on restore). */
export function allFlags(): Map<string, {type: 'string' | 'boolean'; isMultiple: boolean}> {
	const out = new Map<string, {type: 'string' | 'boolean'; isMultiple: boolean}>();
	for (const x of [...COMMAND_NAMES.flatMap(flagsOf), ...GLOBAL]) {
		const prev = out.get(x.name);
		out.set(x.name, {type: x.hint || prev?.type === 'string' ? 'string' : 'boolean', isMultiple: x.multiple === true || prev?.isMultiple === true});
	}
	return out;
}

/** The one-letter flags main.ts takes: -h anywhere, -V without a command. */
export const SHORT: Record<string, string> = {h: 'help', V: 'version'};
const short = (x: Flag) => Object.keys(SHORT).find(k => SHORT[k] === x.name && !x.hint);
const flagText = (x: Flag) => `${short(x) ? `-${short(x)}, ` : ''}--${kebab(x.name)}${x.hint ? ` ${x.hint}` : ''}`;
const exempel = (x: NamedField) => {
	const v = x.example ?? x.values?.[0] ?? '…';
	return `--${kebab(x.flag ?? x.name)} ${/^[\w.:%-]+$/.test(v) ? v : `"${v}"`}`;
};
const capital = (s: string) => s.replace(/^./, c => c.toUpperCase());

/** One line per kind for the general help: "Mål: --status helt|…|none  --analys TEXT". */
export function flagSummary(command: FieldCommand): string[] {
	return ENTITIES.map(e => `${`${capital(ENTITY_PLURAL[e])}:`.padEnd(13)}${flagFields(command).filter(x => x.entity === e).map(x => flagText(fieldFlag(x))).join('  ')}`);
}

const ID: Record<Entity, string> = {goal: '3.4.1.1', indicator: '3.4:i2', activity: '3.5.1:a3'};
const ADD: Record<Entity, string> = {goal: 'enhetsmal --under 3.4.1', indicator: 'indikator --under 3.4.1.1', activity: 'aktivitet --under 3.4.1.1'};

/** `malkoll help CMD`, `malkoll CMD --help`: usage, the flags (per kind for set, add and edit), the global ones and examples. */
export function commandHelp(command: string): string {
	const [usage, about] = isField(command) ? FIELD_ABOUT[command] : [COMMANDS[command]!.usage, COMMANDS[command]!.about];
	const out = [`Användning: malkoll ${usage}`, `  ${about}`];
	const own = flagsOf(command);
	const w = Math.max(...[...own, ...GLOBAL].map(x => flagText(x).length)) + 2;
	const rows = (flags: Flag[]) => flags.map(x => `    ${flagText(x).padEnd(w)}${x.text}${x.multiple ? ' (upprepas, en per rad)' : ''}`);
	if (isField(command)) {
		for (const e of ENTITIES) out.push('', `  ${capital(ENTITY_PLURAL[e])}`, ...rows(flagFields(command).filter(x => x.entity === e).map(fieldFlag)));
		out.push('', '  Övriga', ...rows(OTHER[command]), '', '  Ett tomt värde tömmer fältet.');
	} else if (own.length > 0) out.push('', '  Flaggor', ...rows(own));
	out.push('', '  Allmänt', ...rows(GLOBAL), '', '  Exempel');
	if (isField(command)) {
		for (const e of ENTITIES) {
			const fields = flagFields(command).filter(x => x.entity === e);
			if (fields.length > 0) out.push(`    $ malkoll ${command} ${command === 'add' ? ADD[e] : ID[e]} ${fields.slice(0, 3).map(exempel).join(' ')}`);
		}
	} else out.push(...COMMANDS[command]!.examples.map(x => `    $ ${x}`));
	return `${out.join('\n')}\n`;
}

/** `malkoll --help`: one line per command, the flags of set and add, the global flags. */
export function generalHelp(): string {
	const lines = COMMAND_NAMES.map(c => (isField(c) ? FIELD_ABOUT[c] : [COMMANDS[c]!.usage, COMMANDS[c]!.about]));
	const out = ['Användning', ...lines.flatMap(([usage, about]) => [`  $ malkoll ${usage}`, `        ${about}`])];
	out.push('', 'set:', ...flagSummary('set').map(l => `  ${l}`), '', 'add/edit:', ...flagSummary('add').map(l => `  ${l}`));
	out.push('', 'Allmänt', ...[...GLOBAL, ...COMMANDS.tui!.flags].map(x => `  ${flagText(x).padEnd(16)}${x.text}`));
	out.push('', 'Varje kommandos flaggor med exempel: malkoll help KOMMANDO (eller malkoll KOMMANDO --help).');
	return `${out.join('\n')}\n`;
}
