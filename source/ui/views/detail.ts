// The right pane: the detail of the selected goal (domain/detail.ts, as `malkoll show` has it),
// built as rows so it can scroll and never be wider than the pane.
import type {GoalDetail} from '../../domain/detail.js';
import {forraPeriod} from '../../domain/plan.js';
import {VERDICT_NAMN, type Verdict} from '../../domain/verdict.js';
import {NIVA_NAMN, STATUS_NAMN, TILLSTAND_NAMN, type Varde} from '../../domain/types.js';
import {REGLER, besvaradMed, hurBesvara} from '../../domain/regler.js';
import {NBSP, visaVarde} from '../../domain/tal.js';
import {type Farg, type Rad, bredd, klipp, klippRad, radbryt, visible} from '../text.js';
import {EJ_GRANSKAD, STATUS_MARK} from './tree.js';

const VERDICT_FARG: Record<Verdict, Farg> = {uppfyllt: 'green', delvis: 'yellow', 'ej-uppfyllt': 'red', 'saknar-utfall': 'gray', 'saknar-mal': 'gray', 'mats-arsvis': 'gray'};

/** A number the Swedish way ("7,9 %"), never broken from its unit. */
function v(x: Varde | undefined): string {
	return visible(visaVarde(x) ?? '–');
}

/** Segments laid out in lines of `w` columns: a " · part" that does not fit starts the next line, indented. */
function flyt(segs: Rad, w: number, indrag = '  '): Rad[] {
	const rader: Rad[] = [[]];
	let used = 0;
	for (const s of segs) {
		const b = bredd(s.t);
		if (used > 0 && used + b > w && s.t.startsWith(' · ')) {
			const t = indrag + s.t.slice(3);
			rader.push([{...s, t}]);
			used = bredd(t);
		} else {
			rader.at(-1)!.push(s);
			used += b;
		}
	}
	return rader.map(r => klippRad(r, w));
}

/** " · * ej granskad" after a row's verdict or state, when it fits. */
function ejGranskadSeg(ejGranskad: boolean | undefined, kvar: number): Rad {
	const t = ` · ${EJ_GRANSKAD} ej granskad`;
	return ejGranskad && bredd(t) <= kvar ? [{t, c: 'magenta', bold: true}] : [];
}

/** All rows of the detail pane and the row where the selected indicator/activity starts. */
export function detaljRader(g: GoalDetail | undefined, ui: {fokus: string; listIndex: number; organisation: string}, w: number): {rader: Rad[]; ankare?: number} {
	const out: Rad[] = [];
	let ankare: number | undefined;
	if (!g) return {rader: [[{t: 'Inget mål valt', dim: true}]]};
	const text = (t: string, extra: Omit<Rad[number], 't'> = {}, indrag = '') => {
		for (const r of radbryt(t, Math.max(1, w - indrag.length))) out.push([{t: indrag + r, ...extra}]);
	};
	const rubrik = (t: string) => out.push([], [{t: klipp(t, w), bold: true, c: 'cyan'}]);
	const {period, bedoms} = g;
	out.push([{t: klipp(`${visible(g.id)} · ${NIVA_NAMN[g.niva]}`, w), dim: true}]);
	text(g.titel, {bold: true});

	const status = g.followUp.status;
	const basis = period === 'VP' ? 'plan' : period === 'VB' ? 'utfall' : 'prognos';
	if (!bedoms) {
		out.push([{t: klipp(`Bedöms inte här (${visible(ui.organisation)})`, w), dim: true}]);
		if (status) out.push([{t: klipp(`Status ${period}: ${STATUS_NAMN[status]}`, w), dim: true}]);
	} else if (period === 'VP') {
		out.push([{t: 'VP: plan, ingen status', dim: true}]);
	} else {
		const mark = STATUS_MARK[status ?? 'ej'];
		out.push([
			{t: `Status ${period} (${basis}): `},
			{t: mark.t, c: mark.c, bold: true},
			{t: klipp(` ${status ? STATUS_NAMN[status] : 'ej bedömd'}`, Math.max(0, w - 22)), c: mark.c},
		]);
		if (g.followUp.ejGranskad) out.push([{t: klipp(`${EJ_GRANSKAD} Ej granskad: överförd från ${forraPeriod(period) ?? 'förra perioden'}, c bekräftar`, w), c: 'magenta', bold: true}]);
		const f = g.forslag;
		if (f.status && f.status !== status) {
			out.push([{t: klipp(`! Förslag: ${STATUS_NAMN[f.status]}`, w), c: 'yellow'}]);
			for (const grund of f.grund) text(`· ${grund}`, {dim: true}, '  ');
		}
		// Each warning with its rule and how to answer it, or the chef's answer.
		for (const varning of g.varningar) {
			text(`${varning.besvarad ? '✓' : '!'} ${varning.text}`, {c: varning.besvarad ? 'green' : 'yellow'});
			text(`Regel: ${REGLER[varning.kod].regel}`, {dim: true}, '  ');
			text(varning.besvarad ? besvaradMed(varning) : `Svar: ${hurBesvara(varning.kod, g.id, true)}`, {}, '  ');
		}
	}
	if (g.beskrivning) {
		rubrik('Beskrivning');
		text(g.beskrivning);
	}
	if (g.forvantatResultat.length > 0) {
		rubrik('Förväntat resultat');
		// Each result's paragraphs hang under its number.
		for (const r of g.forvantatResultat) {
			const nr = `${r.nr}. `;
			radbryt(r.text, Math.max(1, w - nr.length)).forEach((rad, j) => out.push([{t: j === 0 ? nr + rad : rad && ' '.repeat(nr.length) + rad}]));
		}
	}
	if (bedoms && period !== 'VP') {
		rubrik(`Analys ${period} (a skriver, e i editor)`);
		if (g.followUp.analys) text(g.followUp.analys);
		else out.push([{t: '(ingen analys ännu)', dim: true}]);
	}

	const {indicators: indikatorer, activities: aktiviteter} = g;
	if (indikatorer.length > 0) {
		rubrik(`Indikatorer (${indikatorer.length})${ui.fokus === 'indicators' ? ' – Enter redigerar' : ''}`);
		indikatorer.forEach((ind, i) => {
			const vald = ui.fokus === 'indicators' && ui.listIndex === i;
			if (vald) ankare = out.length;
			const {followUp: fu, bedomning: b} = ind;
			const egen = ind.malId === g.id ? '' : ` (mål ${ind.malId})`;
			radbryt(`${visible(ind.namn)}${egen}`, w - 2).forEach((r, j) => out.push([{t: `${j === 0 ? (vald ? '▶ ' : '• ') : '  '}${r}`, inv: vald, bold: j === 0}]));
			out.push(...flyt([{t: `  Utfall ${v(fu.utfall)}`}, {t: ` · Män ${v(fu.man)}`}, {t: ` · Kv ${v(fu.kvinnor)}`}], w));
			out.push(...flyt([{t: `  Prognos helår ${v(fu.prognos)}`}, {t: ` · Årsmål ${v(ind.arsmal)}`}], w));
			const verdict = VERDICT_NAMN[b.verdict];
			out.push([{t: '  → '}, {t: klipp(verdict, w - 4), c: VERDICT_FARG[b.verdict], bold: true}, ...ejGranskadSeg(fu.ejGranskad, w - 4 - bredd(verdict))]);
			if (fu.analys) text(fu.analys, {dim: true}, '  ');
		});
	}
	if (aktiviteter.length > 0) {
		rubrik(`Aktiviteter (${aktiviteter.length})${ui.fokus === 'activities' ? ' – Enter redigerar' : ''}`);
		aktiviteter.forEach((akt, i) => {
			const vald = ui.fokus === 'activities' && ui.listIndex === i;
			if (vald) ankare = out.length;
			const {followUp: fu, bedomning: a} = akt;
			const rader = radbryt(visible(akt.text), w - 2);
			const visa = vald ? rader : rader.slice(0, 2);
			visa.forEach((r, j) => out.push([{t: `${j === 0 ? (vald ? '▶ ' : '• ') : '  '}${j === visa.length - 1 && visa.length < rader.length ? klipp(`${r}…`, w - 2) : r}`, inv: vald}]));
			const tillstand = a.tillstand ? TILLSTAND_NAMN[a.tillstand] : 'ej rapporterad';
			const slut = a.slut ? `Slut ${a.slut}${fu.nyttSlut ? ' (flyttat)' : ''}` : 'Inget slutdatum';
			// State and days first, the end date after: at 80 columns what matters wraps rather than being cut.
			const rad: Rad = [{t: '  '}, {t: tillstand, c: a.tillstand === 'genomford' ? 'green' : a.ejRapporterad ? 'gray' : undefined}];
			if (a.forsenad) rad.push({t: ` · FÖRSENAD ${a.dagarSen}${NBSP}d`, c: 'red', bold: true});
			else if (a.snart) rad.push({t: ` · ${a.dagarKvar === 0 ? 'slutar i dag' : `slutar om ${a.dagarKvar}${NBSP}d`}`, c: 'yellow'});
			rad.push({t: ` · ${slut}`});
			if (fu.ejGranskad) rad.push({t: ` · ${EJ_GRANSKAD} ej granskad`, c: 'magenta', bold: true});
			out.push(...flyt(rad, w));
			if (fu.avvikelse) text(`Avvikelse: ${fu.avvikelse}`, {c: 'yellow'}, '  ');
			if (fu.analys && vald) text(fu.analys, {dim: true}, '  ');
		});
	}
	return {rader: out, ankare};
}
