// `malkoll completion bash|zsh|fish`: a completion script made from the command table (help.ts), so
// it offers what the parser takes; it asks `malkoll completion --ids` for the ids of the store, which
// reads the store file and nothing else (no lock, no history, no Ink).
import {readFileSync} from 'node:fs';
import {MalkollError} from '../errors.js';
import {defaultStorePath} from '../store/paths.js';
import {visibleLine} from '../report/visible.js';
import {COMMAND_NAMES, type Flag, GLOBAL, argOf, flagsOf} from './help.js';
import {type Ctx, stringFlag} from './context.js';
import {kebab} from '../flagga.js';

const SHELLS = ['bash', 'zsh', 'fish'] as const;
const FILE_HINTS = new Set(['FIL', 'NÄMNDENS-PLAN']);
const KINDS = 'enhetsmal aktivitet indikator';
const PERIODS = 'VP T1 T2 VB';
/** Commands a user types; tui is what no command means. */
const TYPED = COMMAND_NAMES.filter(c => c !== 'tui');

export async function completion(ctx: Ctx): Promise<number> {
	if (ctx.flags.ids) {
		if (ctx.args.length > 0) throw new MalkollError('completion --ids: inga argument');
		ctx.io.stdout.write(ids(stringFlag(ctx, 'data') || ctx.env.MALKOLL_DATA || defaultStorePath(ctx.env)));
		return 0;
	}
	const shell = ctx.args[0];
	if (ctx.args.length !== 1 || !SHELLS.some(s => s === shell)) throw new MalkollError(`completion: ange ett skal: ${SHELLS.join(', ')} (t.ex. source <(malkoll completion bash))`);
	ctx.io.stdout.write(shell === 'fish' ? fish() : shell === 'zsh' ? zsh() : bash());
	return 0;
}

/** The ids of the store, a line each; a store not made yet has none. */
function ids(file: string): string {
	let text: string;
	try {
		text = readFileSync(file, 'utf8');
	} catch {
		return '';
	}
	let data: {goals?: Array<{id?: unknown}>; indicators?: Array<{id?: unknown}>; activities?: Array<{id?: unknown}>};
	try {
		data = JSON.parse(text);
	} catch {
		throw new MalkollError(`${file}: ingen giltig JSON`);
	}
	const all = [...(data.goals ?? []), ...(data.indicators ?? []), ...(data.activities ?? [])].map(x => x.id);
	// An id goes to a shell: only the characters ids are made of.
	return all.filter((id): id is string => typeof id === 'string' && /^[\w.:-]+$/.test(id)).map(id => `${visibleLine(id)}\n`).join('');
}

const flagWords = (flags: Flag[]) => flags.flatMap(x => [`--${kebab(x.name)}`, ...(x.name === 'carry' ? ['--no-carry'] : [])]);
const valued = () => [...new Set([...TYPED.flatMap(flagsOf), ...flagsOf('tui'), ...GLOBAL].filter(x => x.hint).map(x => x.name))];
/** A flag's hint, the first a command gives it. */
const hintOf = (name: string) => [...TYPED.flatMap(flagsOf), ...GLOBAL].find(x => x.name === name)?.hint ?? '';

/** The candidates for a word after `prev` (a flag's values) or in a command's place, in sh for bash
 * and zsh alike: a list of words, __FIL__ for file names, or the store's ids. */
function candidates(): string {
	const values = valued().map(name => {
		const hint = hintOf(name);
		const what = FILE_HINTS.has(hint) ? 'echo __FIL__' : hint === 'ID' ? '_malkoll_ids "$4"' : hint.includes('|') ? `echo '${hint.replaceAll('|', ' ')}'` : ':';
		return `\t\t--${kebab(name)}) ${what}; return ;;`;
	});
	const flags = [...TYPED, 'tui'].map(c => `\t\t\t${c === 'tui' ? '""' : c}) echo '${flagWords([...flagsOf(c), ...GLOBAL]).join(' ')} -h' ;;`);
	const byArg = {id: '_malkoll_ids "$4"', fil: 'echo __FIL__', kind: `echo '${KINDS}'`, period: `echo '${PERIODS}'`, shell: `echo '${SHELLS.join(' ')}'`, command: `echo '${TYPED.join(' ')}'`, none: ':'};
	const args = TYPED.map(c => `\t\t${c}) ${byArg[argOf(c)]} ;;`);
	return `_malkoll_valued=' ${valued().map(n => `--${kebab(n)}`).join(' ')} '
_malkoll_ids() {
	if [[ -n $1 ]]; then command malkoll completion --ids --data "$1" 2>/dev/null; else command malkoll completion --ids 2>/dev/null; fi
}
# $1 command, $2 previous word, $3 current word, $4 the --data given
_malkoll_kandidater() {
	case "$2" in
${values.join('\n')}
	esac
	if [[ $3 == -* ]]; then
		case "$1" in
${flags.join('\n')}
		esac
		return
	fi
	case "$1" in
		"") echo '${TYPED.join(' ')}' ;;
${args.join('\n')}
	esac
}
`;
}

/** The sh that finds the command and the --data in words[first..cur-1] of an array named $w. */
const scan = (w: string, first: number) => `	local cmd='' data='' i x
	for ((i = ${first}; i < cword; i++)); do
		x="\${${w}[i]}"
		case "$x" in
			--data) data="\${${w}[i+1]}" ;;
			--data=*) data="\${x#--data=}" ;;
		esac
		[[ $x == -* || " $_malkoll_valued " == *" \${${w}[i-1]} "* ]] && continue
		[[ -z $cmd ]] && cmd="$x"
	done`;

function bash(): string {
	return `# malkoll completion for bash: source <(malkoll completion bash)
${candidates()}_malkoll() {
	# Words split on blanks only: bash splits "3.4:i2" at the colon (COMP_WORDBREAKS).
	local line="\${COMP_LINE:0:COMP_POINT}" words
	read -ra words <<< "$line"
	[[ $line == *[[:blank:]] || \${#words[@]} -eq 0 ]] && words+=('')
	local cword=$((\${#words[@]} - 1))
	local cur="\${words[cword]}" prev="\${words[cword-1]}"
${scan('words', 1)}
	local c
	c="$(_malkoll_kandidater "$cmd" "$prev" "$cur" "$data")"
	if [[ $c == __FIL__ ]]; then
		COMPREPLY=($(compgen -f -- "$cur"))
	else
		COMPREPLY=($(compgen -W "$c" -- "$cur"))
		# Bash puts back only what follows the last colon of the word.
		[[ $cur == *:* ]] && COMPREPLY=("\${COMPREPLY[@]#"\${cur%:*}:"}")
	fi
}
complete -o filenames -F _malkoll malkoll
`;
}

function zsh(): string {
	return `#compdef malkoll
# malkoll completion for zsh: source <(malkoll completion zsh) after compinit in ~/.zshrc
${candidates()}_malkoll() {
	local cword=$CURRENT cur="\${words[CURRENT]}" prev="\${words[CURRENT-1]}"
${scan('words', 2)}
	local c
	c="$(_malkoll_kandidater "$cmd" "$prev" "$cur" "$data")"
	if [[ $c == __FIL__ ]]; then
		_files
	else
		local -a l
		l=(\${=c})
		compadd -- $l
	fi
}
compdef _malkoll malkoll
`;
}

const q = (s: string) => `'${s.replace(/[\\']/g, c => `\\${c}`)}'`;

function fish(): string {
	const out = [
		'# malkoll completion for fish: malkoll completion fish > ~/.config/fish/completions/malkoll.fish',
		'function __malkoll_ids',
		'    set -l w (commandline -opc)',
		'    set -l i (contains -i -- --data $w)',
		'    if test -n "$i"; and test (count $w) -gt $i',
		'        command malkoll completion --ids --data $w[(math $i + 1)] 2>/dev/null',
		'    else',
		'        command malkoll completion --ids 2>/dev/null',
		'    end',
		'end',
		'complete -c malkoll -f',
		`complete -c malkoll -n __fish_use_subcommand -a ${q(TYPED.join(' '))}`,
	];
	const flag = (cond: string, x: Flag) => {
		const hint = x.hint;
		const takes = FILE_HINTS.has(hint) ? ' -r -F' : hint === 'ID' ? " -x -a '(__malkoll_ids)'" : hint.includes('|') ? ` -x -a ${q(hint.replaceAll('|', ' '))}` : hint ? ' -x' : '';
		return `complete -c malkoll ${cond}-l ${kebab(x.name)}${takes} -d ${q(x.text)}`;
	};
	for (const x of GLOBAL) out.push(flag('', x).replace(' -l help', ' -s h -l help'));
	for (const x of flagsOf('tui')) out.push(flag('-n __fish_use_subcommand ', x).replace(' -l version', ' -s V -l version'));
	const byArg = {id: "'(__malkoll_ids)'", fil: null, kind: q(KINDS), period: q(PERIODS), shell: q(SHELLS.join(' ')), command: q(TYPED.join(' ')), none: undefined};
	for (const c of TYPED) {
		const cond = `-n '__fish_seen_subcommand_from ${c}' `;
		for (const x of flagsOf(c)) out.push(flag(cond, x));
		const a = byArg[argOf(c)];
		if (a === null) out.push(`complete -c malkoll ${cond}-F`);
		else if (a !== undefined) out.push(`complete -c malkoll ${cond}-a ${a}`);
	}
	return `${out.join('\n')}\n`;
}
