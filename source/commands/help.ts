// The flags of set, add and edit and their help, from the field table the parser reads.
import {ENTITIES, ENTITY_PLURAL, type Entity, type NamedField, flagFields} from '../domain/fields.js';
import {kebab} from '../flagga.js';

export type FieldCommand = 'set' | 'add' | 'edit';
export const FIELD_COMMANDS: readonly FieldCommand[] = ['set', 'add', 'edit'];

/** Flags each command takes besides its fields, with their help. */
const OTHER: Record<FieldCommand, Array<[string, string, string]>> = {
	set: [
		['analysFile', 'FIL', 'analysen ur en fil (- = standard in)'],
		['period', 'P', 'VP, T1, T2 eller VB (annars storens aktuella)'],
		['granskad', '', 'bekräfta en överförd bedömning'],
		['force', '', 'ändra en inlämnad period'],
		['json', '', 'ändringarna som JSON'],
	],
	add: [
		['under', 'ID', 'målet det hör till'],
		['json', '', 'ändringen som JSON'],
	],
	edit: [['json', '', 'ändringarna som JSON']],
};

const USAGE: Record<FieldCommand, string> = {
	set: 'malkoll set ID [--period P] [flaggor]      ändra uppföljningen av ett mål, en indikator eller en aktivitet',
	add: 'malkoll add enhetsmal|aktivitet|indikator --under ID --titel TEXT [flaggor]      lägg till i planen; skriver ut det nya id:t',
	edit: 'malkoll edit ID [flaggor]      ändra planen; id:t står kvar',
};
const ID: Record<Entity, string> = {goal: '3.4.1.1', indicator: '3.4:i2', activity: '3.5.1:a3'};
const ADD: Record<Entity, string> = {goal: 'enhetsmal --under 3.4.1', indicator: 'indikator --under 3.4.1.1', activity: 'aktivitet --under 3.4.1.1'};

/** Every flag a command takes: its fields' and the others. */
export function commandFlags(command: FieldCommand): Array<{flag: string; multiple?: true}> {
	const fields = flagFields(command).map(f => ({flag: f.flag ?? f.name, multiple: f.multiple}));
	return [...fields, ...OTHER[command].map(([flag]) => ({flag}))].filter((f, i, all) => all.findIndex(g => g.flag === f.flag) === i);
}

const flagText = (f: NamedField) => `--${kebab(f.flag ?? f.name)}${f.hint ? ` ${f.hint}` : ''}`;
const exempel = (f: NamedField) => {
	const v = f.example ?? f.values?.[0] ?? '…';
	return `--${kebab(f.flag ?? f.name)} ${/^[\w.:%-]+$/.test(v) ? v : `"${v}"`}`;
};

/** One line per kind for the general help: "Mål: --status helt|…|none  --analys TEXT". */
export function flagSummary(command: FieldCommand): string[] {
	return ENTITIES.map(e => `${`${ENTITY_PLURAL[e].replace(/^./, c => c.toUpperCase())}:`.padEnd(13)}${flagFields(command).filter(f => f.entity === e).map(flagText).join('  ')}`);
}

/** `malkoll help set`, `malkoll set --help`: the command's flags per kind, the others, and an example per kind. */
export function commandHelp(command: FieldCommand): string {
	const out = [`Användning: ${USAGE[command]}`];
	const w = Math.max(...flagFields(command).map(f => flagText(f).length)) + 2;
	for (const e of ENTITIES) {
		out.push('', `  ${ENTITY_PLURAL[e].replace(/^./, c => c.toUpperCase())}`);
		for (const f of flagFields(command).filter(g => g.entity === e)) out.push(`    ${flagText(f).padEnd(w)}${f.label}${f.multiple ? ' (upprepas, en per rad)' : ''}`);
	}
	out.push('', '  Övriga');
	for (const [flag, hint, text] of OTHER[command]) out.push(`    ${`--${kebab(flag)}${hint ? ` ${hint}` : ''}`.padEnd(w)}${text}`);
	out.push('', '  Ett tomt värde tömmer fältet.', '', '  Exempel');
	for (const e of ENTITIES) {
		const rows = flagFields(command).filter(f => f.entity === e);
		const target = command === 'add' ? ADD[e] : ID[e];
		if (rows.length > 0) out.push(`    $ malkoll ${command} ${target} ${rows.slice(0, 3).map(exempel).join(' ')}`);
	}
	return `${out.join('\n')}\n`;
}
