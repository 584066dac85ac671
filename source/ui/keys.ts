// One table of keys feeds the help screen, the hint row and the input router, so what the
// screen promises is what the handlers do.

/** Where the keyboard is: each mode reads keys of its own, so text never triggers a command. */
const ALLA_LAGEN = ['tree', 'lista', 'editor', 'form', 'formText', 'search', 'help', 'summary', 'period', 'stores', 'slang', 'konflikt', 'utkast', 'fraga'] as const;
export type Lage = (typeof ALLA_LAGEN)[number];

interface Kommando<I extends string = KommandoId> {
	id: I;
	/** Key names as produced by parseTangenter. */
	tangenter: string[];
	/** How the key is written on screen. */
	visas: string;
	text: string;
	lagen: Lage[];
	/** Shown in the hint row, lowest first (the rest only in help): what matters in the mode leads, so 80 columns keep it. */
	tips?: number;
}

/** The ids are read off the table, so a command cannot exist without its key, text and modes. */
function tabell<const I extends string>(k: Array<Kommando<I>>): Array<Kommando<I>> {
	return k;
}

const NAV: Lage[] = ['tree', 'lista'];
/** Screens over the tree that Esc and q close. */
const OVERLAY: Lage[] = ['help', 'summary', 'period', 'stores'];

// Editing text: readline's keys in the analysis editor and every form field (editor.ts applies them).
const TEXT: Lage[] = ['editor', 'form', 'formText'];
const FLERRAD: Lage[] = ['editor', 'formText'];
const TEXTKOMMANDON = tabell([
	// No key of its own: the hint row says what typing does to a number or date opened selected.
	{id: 'ersatt', tangenter: [], visas: 'skriv', text: 'ersätter markerat', lagen: ['form'], tips: 0},
	{id: 'tomText', tangenter: ['ctrl-x'], visas: 'C-x', text: 'töm texten', lagen: TEXT, tips: 4},
	{id: 'angraText', tangenter: ['ctrl-z', 'ctrl-_'], visas: 'C-z/C-_', text: 'ångra', lagen: TEXT, tips: 5},
	{id: 'radStart', tangenter: ['ctrl-a', 'home'], visas: 'C-a/Home', text: 'radens början', lagen: TEXT},
	{id: 'radSlut', tangenter: ['ctrl-e', 'end'], visas: 'C-e/End', text: 'radens slut', lagen: TEXT},
	{id: 'textStart', tangenter: ['ctrl-home'], visas: 'C-Home', text: 'textens början', lagen: TEXT},
	{id: 'textSlut', tangenter: ['ctrl-end'], visas: 'C-End', text: 'textens slut', lagen: TEXT},
	{id: 'ordVanster', tangenter: ['alt-b', 'ctrl-left', 'alt-left'], visas: 'M-b/C-←', text: 'ett ord vänster', lagen: TEXT},
	{id: 'ordHoger', tangenter: ['alt-f', 'ctrl-right', 'alt-right'], visas: 'M-f/C-→', text: 'ett ord höger', lagen: TEXT},
	{id: 'radUpp', tangenter: ['up'], visas: '↑', text: 'upp en rad på skärmen', lagen: FLERRAD},
	{id: 'radNer', tangenter: ['down'], visas: '↓', text: 'ner en rad på skärmen', lagen: FLERRAD},
	{id: 'sidaUpp', tangenter: ['pageup'], visas: 'PgUp', text: 'en skärm upp', lagen: FLERRAD},
	{id: 'sidaNer', tangenter: ['pagedown'], visas: 'PgDn', text: 'en skärm ner', lagen: FLERRAD},
	{id: 'raderaTillStart', tangenter: ['ctrl-u'], visas: 'C-u', text: 'radera till radens början', lagen: TEXT},
	{id: 'raderaTillSlut', tangenter: ['ctrl-k'], visas: 'C-k', text: 'radera till radens slut', lagen: TEXT},
	{id: 'raderaOrd', tangenter: ['ctrl-w'], visas: 'C-w', text: 'radera bakåt till mellanslag', lagen: TEXT},
	{id: 'raderaOrdDel', tangenter: ['alt-backspace'], visas: 'M-⌫', text: 'radera ordet bakåt', lagen: TEXT},
	{id: 'raderaOrdFram', tangenter: ['alt-d', 'ctrl-delete'], visas: 'M-d', text: 'radera ordet framåt', lagen: TEXT},
	{id: 'klistraKill', tangenter: ['ctrl-y'], visas: 'C-y', text: 'sätt tillbaka det raderade', lagen: TEXT},
]);

export const KOMMANDON = tabell([
	{id: 'upp', tangenter: ['up', 'k'], visas: '↑/k', text: 'upp', lagen: [...NAV, ...OVERLAY]},
	{id: 'ner', tangenter: ['down', 'j'], visas: '↓/j', text: 'ner', lagen: [...NAV, ...OVERLAY]},
	{id: 'oppna', tangenter: ['right', 'l', 'enter'], visas: '→/Enter', text: 'öppna', lagen: ['tree']},
	{id: 'redigera', tangenter: ['enter'], visas: 'Enter', text: 'redigera', lagen: ['lista'], tips: 1},
	{id: 'stang', tangenter: ['left', 'h'], visas: '←/h', text: 'stäng/förälder', lagen: ['tree']},
	{id: 'helt', tangenter: ['1'], visas: '1', text: 'helt', lagen: NAV, tips: 4},
	{id: 'delvis', tangenter: ['2'], visas: '2', text: 'delvis', lagen: NAV, tips: 5},
	{id: 'inte', tangenter: ['3'], visas: '3', text: 'inte', lagen: NAV, tips: 6},
	{id: 'ingaData', tangenter: ['4'], visas: '4', text: 'Inga data', lagen: NAV},
	{id: 'rensa', tangenter: ['0'], visas: '0', text: 'rensa status', lagen: NAV},
	{id: 'analys', tangenter: ['a'], visas: 'a', text: 'analys', lagen: NAV, tips: 7},
	{id: 'fokus', tangenter: ['tab'], visas: 'Tab', text: 'indikatorer/aktiviteter', lagen: NAV, tips: 1},
	{id: 'sok', tangenter: ['/'], visas: '/', text: 'sök', lagen: NAV, tips: 2},
	{id: 'oppnaAlla', tangenter: ['O'], visas: 'O', text: 'öppna/stäng alla', lagen: ['tree']},
	{id: 'forsta', tangenter: ['g', 'home'], visas: 'g', text: 'första', lagen: [...NAV, ...OVERLAY]},
	{id: 'sista', tangenter: ['G', 'end'], visas: 'G', text: 'sista', lagen: [...NAV, ...OVERLAY]},
	{id: 'sidaUpp', tangenter: ['pageup'], visas: 'PgUp', text: 'sida upp', lagen: NAV},
	{id: 'sidaNer', tangenter: ['pagedown'], visas: 'PgDn', text: 'sida ner', lagen: NAV},
	{id: 'sidaNer', tangenter: [' ', 'pagedown'], visas: 'Space', text: 'sida ner', lagen: ['help', 'summary'], tips: 2},
	{id: 'sidaUpp', tangenter: ['b', 'pageup'], visas: 'b', text: 'sida upp', lagen: ['help', 'summary']},
	{id: 'detaljNer', tangenter: ['ctrl-d'], visas: 'C-d', text: 'rulla detaljer ner', lagen: NAV},
	{id: 'detaljUpp', tangenter: ['ctrl-u'], visas: 'C-u', text: 'rulla detaljer upp', lagen: NAV},
	{id: 'nasta', tangenter: ['n'], visas: 'n', text: 'nästa träff', lagen: NAV},
	{id: 'foregaende', tangenter: ['N'], visas: 'N', text: 'föregående träff', lagen: NAV},
	{id: 'filter', tangenter: ['f'], visas: 'f', text: 'filter: det som saknas', lagen: NAV},
	{id: 'hjalp', tangenter: ['?'], visas: '?', text: 'hjälp', lagen: [...NAV, 'summary'], tips: 3},
	{id: 'avsluta', tangenter: ['q'], visas: 'q', text: 'avsluta', lagen: NAV, tips: 8},
	{id: 'extern', tangenter: ['e'], visas: 'e', text: 'analys i $EDITOR', lagen: NAV},
	{id: 'kopiera', tangenter: ['y'], visas: 'y', text: 'kopiera analys/brief', lagen: [...NAV, 'summary'], tips: 9},
	{id: 'period', tangenter: ['p'], visas: 'p', text: 'period', lagen: NAV},
	{id: 'summering', tangenter: ['s'], visas: 's', text: 'summering', lagen: NAV},
	{id: 'oppnaStore', tangenter: ['o'], visas: 'o', text: 'öppna en annan store', lagen: NAV},
	{id: 'angra', tangenter: ['u'], visas: 'u', text: 'ångra', lagen: NAV},
	{id: 'ny', tangenter: ['+'], visas: '+', text: 'lägg till mål/rad', lagen: NAV},
	{id: 'andra', tangenter: ['r'], visas: 'r', text: 'ändra titel, text, datum', lagen: NAV},
	{id: 'tabort', tangenter: ['d'], visas: 'd', text: 'ta bort (frågar först)', lagen: NAV},
	{id: 'besvara', tangenter: ['w'], visas: 'w', text: 'besvara en varning med en motivering', lagen: NAV},
	{id: 'granska', tangenter: ['c'], visas: 'c', text: 'bekräfta överförd (*)', lagen: NAV},
	{id: 'inlamna', tangenter: ['i'], visas: 'i', text: 'inlämnad / öppna igen', lagen: NAV},
	{id: 'avsluta', tangenter: ['ctrl-c'], visas: 'C-c', text: 'avsluta var som helst (utkastet sparas)', lagen: [...ALLA_LAGEN]},
	{id: 'spara', tangenter: ['ctrl-s'], visas: 'C-s', text: 'spara', lagen: ['editor', 'slang', 'formText'], tips: 1},
	{id: 'spara', tangenter: ['enter', 'ctrl-s'], visas: 'Enter', text: 'spara', lagen: ['form'], tips: 1},
	{id: 'valj', tangenter: ['enter'], visas: 'Enter', text: 'välj', lagen: ['search', 'period', 'stores'], tips: 1},
	{id: 'nyRad', tangenter: ['enter'], visas: 'Enter', text: 'ny rad', lagen: ['editor', 'formText'], tips: 2},
	{id: 'nastaFalt', tangenter: ['tab', 'down'], visas: 'Tab/↓', text: 'nästa fält', lagen: ['form'], tips: 2},
	{id: 'nastaFalt', tangenter: ['tab'], visas: 'Tab', text: 'nästa fält', lagen: ['formText'], tips: 3},
	{id: 'forraFalt', tangenter: ['shift-tab', 'up'], visas: '↑', text: 'förra fältet', lagen: ['form']},
	{id: 'forraFalt', tangenter: ['shift-tab'], visas: 'S-Tab', text: 'förra fältet', lagen: ['formText']},
	{id: 'tillbaka', tangenter: ['esc'], visas: 'Esc', text: 'tillbaka', lagen: ['editor', 'form', 'formText', 'search', 'lista'], tips: 2},
	{id: 'tillbaka', tangenter: ['esc', 'q'], visas: 'Esc/q', text: 'stäng', lagen: OVERLAY, tips: 1},
	{id: 'ja', tangenter: ['j', 'y'], visas: 'j', text: 'ja', lagen: ['fraga'], tips: 1},
	{id: 'nej', tangenter: ['n'], visas: 'n', text: 'nej', lagen: ['fraga'], tips: 2},
	{id: 'tillbaka', tangenter: ['esc'], visas: 'Esc', text: 'avbryt', lagen: ['fraga'], tips: 3},
	{id: 'slang', tangenter: ['j', 'y'], visas: 'j', text: 'släng ändringarna', lagen: ['slang'], tips: 2},
	{id: 'skrivVidare', tangenter: ['n', 'esc'], visas: 'n/Esc', text: 'skriv vidare', lagen: ['slang'], tips: 3},
	{id: 'behallDeras', tangenter: ['1'], visas: '1', text: 'behåll den andra ändringen', lagen: ['konflikt'], tips: 1},
	{id: 'behallMitt', tangenter: ['2'], visas: '2', text: 'använd ditt', lagen: ['konflikt'], tips: 2},
	{id: 'tillbaka', tangenter: ['esc'], visas: 'Esc', text: 'avbryt', lagen: ['konflikt'], tips: 3},
	{id: 'tillUtkast', tangenter: ['enter'], visas: 'Enter', text: 'fortsätt på utkastet', lagen: ['utkast'], tips: 1},
	{id: 'slangUtkast', tangenter: ['d'], visas: 'd', text: 'släng utkastet', lagen: ['utkast'], tips: 2},
	{id: 'senare', tangenter: ['esc'], visas: 'Esc', text: 'inte nu', lagen: ['utkast'], tips: 3},
	...TEXTKOMMANDON,
]);

export type KommandoId = (typeof KOMMANDON)[number]['id'];

/** The command a key names in a mode, if any. */
export function kommandoFor(lage: Lage, tangent: string): KommandoId | undefined {
	return KOMMANDON.find(k => k.lagen.includes(lage) && k.tangenter.includes(tangent))?.id;
}

/** The hint row of a mode, what matters most first: "Tab indikatorer/aktiviteter  / sök ...". */
export function tipsFor(lage: Lage): Array<{visas: string; text: string}> {
	return KOMMANDON.filter(k => k.tips !== undefined && k.lagen.includes(lage))
		.sort((a, b) => a.tips! - b.tips!)
		.map(k => ({visas: k.visas, text: k.text}));
}

/** What the marks of the tree mean: the first lines of the help screen and the README. */
export const TECKEN: Array<[tecken: string, betyder: string]> = [
	['H D I', 'helt, delvis, inte uppfyllt'],
	['-', 'Inga data'],
	['·', 'ej bedömd'],
	['!', 'varning eller förslag'],
	['*', 'överförd, ej granskad (c)'],
	['▾ ▸', 'öppen/stängd'],
	['›', 'markerat mål'],
	['▶', 'vald rad (Tab, lista, period)'],
	['grå', 'bedöms inte här'],
];

/** The groups of the help screen and the README, each once; the open mode's group comes first. */
export const GRUPPER: Array<{namn: string; lagen: Lage[]}> = [
	{namn: 'Trädet och listorna (Tab)', lagen: ['tree', 'lista']},
	{namn: 'Analysen (a)', lagen: ['editor', 'slang']},
	{namn: 'Formulär (Enter, +, r)', lagen: ['form', 'formText']},
	{namn: 'Sök (/)', lagen: ['search']},
	{namn: 'Hjälp, summering, period, store', lagen: OVERLAY},
	{namn: 'Frågor', lagen: ['fraga', 'konflikt', 'utkast']},
];

/** The key that works everywhere, listed once and not under every group. */
export const OVERALLT = KOMMANDON.find(k => k.tangenter.includes('ctrl-c'))!;

/** Each group's commands, the open mode's group first; a command already listed is not listed again. */
export function hjalpGrupper(lage?: Lage): Array<{namn: string; kommandon: Array<{visas: string; text: string}>}> {
	const forst = GRUPPER.findIndex(g => lage !== undefined && g.lagen.includes(lage));
	const ordning = forst > 0 ? [GRUPPER[forst]!, ...GRUPPER.filter((_, i) => i !== forst)] : GRUPPER;
	const sedda = new Set<string>();
	return ordning.map(g => {
		const kommandon: Array<{visas: string; text: string}> = [];
		for (const k of KOMMANDON) {
			const nyckel = `${k.visas} ${k.text}`;
			if (k === OVERALLT || !k.lagen.some(l => g.lagen.includes(l)) || sedda.has(`${g.namn}|${nyckel}`)) continue;
			sedda.add(`${g.namn}|${nyckel}`);
			kommandon.push({visas: k.visas, text: k.text});
		}
		return {namn: g.namn, kommandon};
	});
}

/** Where the generated section sits in the README. */
export const README_START = '<!-- tangenter: genereras av npm run docs:keys från source/ui/keys.ts -->';
export const README_SLUT = '<!-- /tangenter -->';

/** The README's key section, generated: npm run docs:keys writes it, a test checks it. */
export function tangentMarkdown(): string {
	const cell = (s: string) => s.replaceAll('|', '\\|');
	const rader = ['| Tecken i trädet | Betyder |', '|---|---|', ...TECKEN.map(([t, b]) => `| \`${t}\` | ${b} |`), ''];
	rader.push(`\`${OVERALLT.visas}\` ${OVERALLT.text}. Esc backar alltid ur det som är öppet.`, '');
	for (const g of hjalpGrupper()) {
		rader.push(`**${g.namn}**`, '', '| Tangent | Gör |', '|---|---|', ...g.kommandon.map(k => `| \`${cell(k.visas)}\` | ${cell(k.text)} |`), '');
	}
	return rader.join('\n');
}

/** Each key name and the escape sequences terminals send for it. */
const SEKVENSER: Record<string, string> = Object.fromEntries(
	Object.entries({
		up: ['\x1b[A', '\x1bOA'],
		down: ['\x1b[B', '\x1bOB'],
		right: ['\x1b[C', '\x1bOC'],
		left: ['\x1b[D', '\x1bOD'],
		pageup: ['\x1b[5~'],
		pagedown: ['\x1b[6~'],
		home: ['\x1b[H', '\x1bOH', '\x1b[1~', '\x1b[7~'],
		end: ['\x1b[F', '\x1bOF', '\x1b[4~', '\x1b[8~'],
		delete: ['\x1b[3~'],
		'shift-tab': ['\x1b[Z'],
		esc: ['\x1b', '\x1b\x1b'],
		// xterm's modifier codes (5 Ctrl, 3 Alt), rxvt's, and Alt as a second Esc (macOS Terminal, PuTTY).
		'ctrl-left': ['\x1b[1;5D', '\x1b[5D', '\x1bOd'],
		'ctrl-right': ['\x1b[1;5C', '\x1b[5C', '\x1bOc'],
		'alt-left': ['\x1b[1;3D', '\x1b\x1b[D'],
		'alt-right': ['\x1b[1;3C', '\x1b\x1b[C'],
		'ctrl-home': ['\x1b[1;5H', '\x1b[7^'],
		'ctrl-end': ['\x1b[1;5F', '\x1b[8^'],
		'ctrl-delete': ['\x1b[3;5~', '\x1b[3^'],
		'alt-backspace': ['\x1b\x7f', '\x1b\x08'],
		'alt-b': ['\x1bb'],
		'alt-f': ['\x1bf'],
		'alt-d': ['\x1bd'],
	}).flatMap(([namn, sekvenser]) => sekvenser.map(sekvens => [sekvens, namn])),
);

/** Turns one raw input event (a key, an escape sequence or a burst of typed text) into key
 * names: 'up', 'enter', 'ctrl-s', 'esc', or the typed character itself. */
export function parseTangenter(raw: string): string[] {
	if (raw.startsWith('\x1b')) {
		const namn = SEKVENSER[raw];
		if (namn) return [namn];
		// Esc and a key typed fast arrive as one "alt" sequence: unless it is an Alt key of the
		// table (Alt-B, Alt-F, Alt-D), read them as Esc, then the key.
		if (raw.length === 2 && raw[1] !== '[' && raw[1] !== 'O' && raw[1] !== '\x1b') return ['esc', ...parseTangenter(raw.slice(1))];
		// Unknown escape sequences (other alt-keys, mouse, focus) are dropped, never typed as text.
		return [];
	}
	const out: string[] = [];
	let fore = '';
	for (const ch of raw) {
		const code = ch.codePointAt(0)!;
		// A pasted CRLF is one line break, not two.
		if (ch === '\n' && fore === '\r') continue;
		fore = ch;
		if (ch === '\r' || ch === '\n') out.push('enter');
		else if (ch === '\t') out.push('tab');
		else if (code === 0x7f || code === 0x08) out.push('backspace');
		else if (code >= 1 && code <= 26) out.push(`ctrl-${String.fromCharCode(code + 96)}`);
		// Ctrl-_, which Ctrl-/ and Ctrl-7 also send: readline's undo.
		else if (code === 0x1f) out.push('ctrl-_');
		else if (code < 0x20 || (code >= 0x80 && code <= 0x9f)) continue;
		else out.push(ch);
	}
	return out;
}

/** A key name that types text (a single printable character). */
export function arText(tangent: string): boolean {
	return [...tangent].length === 1;
}
