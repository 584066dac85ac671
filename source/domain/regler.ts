// The rules behind the warnings (domain.md §3.2–3.4): where each comes from, and how a chef answers
// it. A warning is answered by changing what it points at, or, where the rule allows, by a short
// reason stored with the goal's follow-up (`besvarat`), shown in the brief.

export type VarningKod = 'helt-men-indikator' | 'helt-men-forsenad' | 'status-utan-analys' | 'analys-sager-annat' | 'analys-utan-grund';

export interface Regel {
	/** One line: the rule, and where it comes from. */
	regel: string;
	/** One line: what to change to answer it. */
	atgard: string;
	/** May be answered with a reason instead (`set ID --besvara "KOD: motivering"`). */
	besvaras: boolean;
}

export const REGLER: Record<VarningKod, Regel> = {
	'helt-men-indikator': {
		regel: 'Stadens anvisningar: en status motiveras nedifrån, så ett mål som uppfylls helt ska inte ha en indikator som inte nås.',
		atgard: 'ändra status, eller förklara i indikatorns analys varför målet ändå uppfylls',
		besvaras: true,
	},
	'helt-men-forsenad': {
		regel: 'Stadens anvisningar: en status motiveras nedifrån, så ett mål som uppfylls helt ska inte ha en försenad aktivitet.',
		atgard: 'ändra status, eller skriv aktivitetens avvikelse',
		besvaras: true,
	},
	'status-utan-analys': {
		regel: 'Stadens anvisningar: varje bedömning motiveras i målets analys.',
		atgard: 'skriv analysen',
		besvaras: false,
	},
	'analys-sager-annat': {
		regel: 'Status och analys ska säga samma sak: "delvis" eller "inte uppnåtts" i texten motsäger Uppfylls helt.',
		atgard: 'ändra status eller texten',
		besvaras: true,
	},
	'analys-utan-grund': {
		regel: 'Stadens anvisningar: varje status motiveras med "Bedömningen grundas på …" (förväntade resultat, indikatorer, aktiviteter).',
		atgard: 'skriv "Bedömningen grundas på …" i analysen',
		besvaras: true,
	},
};

export const VARNING_KODER = Object.keys(REGLER) as VarningKod[];
export const BESVARBARA = VARNING_KODER.filter(k => REGLER[k].besvaras);

/** How to answer a warning on `goalId`, in one line: change it, or mark it answered from the
 * command line (or, `iTui`, with the TUI's w: ui/modes/besvara.ts). */
export function hurBesvara(kod: VarningKod, goalId: string, iTui = false): string {
	const r = REGLER[kod];
	if (!r.besvaras) return r.atgard;
	return `${r.atgard}, eller ${iTui ? 'w: besvara med en motivering' : `besvara: malkoll set ${goalId} --besvara "${kod}: motivering"`}`;
}

/** How an answered warning was answered: the chef's reason, or the indicator's analysis or the activity's avvikelse. */
export function besvaradMed(v: {kod: VarningKod; ref?: string; motivering?: string}): string {
	if (v.motivering) return `Besvarad: ${v.motivering}`;
	return v.kod === 'helt-men-forsenad' ? `Besvarad i avvikelsen för ${v.ref}` : `Besvarad i analysen av ${v.ref}`;
}
