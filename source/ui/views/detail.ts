// The right pane: the detail of the selected goal (domain/detail.ts, as `malkoll show` has it),
// built as rows so it can scroll and never be wider than the pane.
import type {GoalDetail} from '../../domain/detail.js';
import {forraPeriod} from '../../domain/plan.js';
import {VERDICT_NAMN, type Verdict} from '../../domain/verdict.js';
import {NIVA_NAMN, STATUS_NAMN, TILLSTAND_NAMN, type Varde} from '../../domain/types.js';
import {type Farg, type Rad, bredd, klipp, radBredd, radbryt, visible} from '../text.js';
import {EJ_GRANSKAD, STATUS_MARK} from './tree.js';

const VERDICT_FARG: Record<Verdict, Farg> = {uppfyllt: 'green', delvis: 'yellow', 'ej-uppfyllt': 'red', 'saknar-utfall': 'gray', 'saknar-mal': 'gray', 'mats-arsvis': 'gray'};

function v(x: Varde | undefined): string {
	return x?.raw.trim() ? visible(x.raw.trim()) : '–';
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
		for (const varning of g.varningar) text(`! ${varning.text}`, {c: 'yellow'});
	}
	if (g.beskrivning) {
		rubrik('Beskrivning');
		text(g.beskrivning);
	}
	if (g.forvantatResultat.length > 0) {
		rubrik('Förväntat resultat');
		for (const r of g.forvantatResultat) text(`${r.nr}. ${r.text}`);
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
			const rad1 = `  Utfall ${v(fu.utfall)} · Män ${v(fu.man)} · Kv ${v(fu.kvinnor)}`;
			out.push([{t: klipp(rad1, w)}]);
			const rad2 = `  Prognos helår ${v(fu.prognos)} · Årsmål ${v(ind.arsmal)}`;
			out.push([{t: klipp(rad2, w)}]);
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
			const rad: Rad = [{t: `  ${slut} · `}, {t: tillstand, c: a.tillstand === 'genomford' ? 'green' : a.ejRapporterad ? 'gray' : undefined}];
			if (a.forsenad) rad.push({t: ` · FÖRSENAD ${a.dagarSen} d`, c: 'red', bold: true});
			else if (a.snart) rad.push({t: ` · snart (${a.dagarKvar} d)`, c: 'yellow'});
			rad.push(...ejGranskadSeg(fu.ejGranskad, w - radBredd(rad)));
			out.push(rad);
			if (fu.avvikelse) text(`Avvikelse: ${fu.avvikelse}`, {c: 'yellow'}, '  ');
			if (fu.analys && vald) text(fu.analys, {dim: true}, '  ');
		});
	}
	return {rader: out, ankare};
}
