// The ledningsgrupp brief for a terminal (summary, the TUI's summary screen): where the unit is off
// track, what is late, what changed, and whether the follow-up is ready to submit. Lists are grouped
// by goal; every line fits the width.
import type {ChalkInstance} from 'chalk';
import {REGLER, besvaradMed, hurBesvara} from '../domain/regler.js';
import type {Summary} from '../domain/summary.js';
import {visaTal} from '../domain/tal.js';
import {PERIOD_NAMN, STATUS_NAMN, type Status, TILLSTAND_NAMN, type Tillstand} from '../domain/types.js';
import {NIVA_KORT, cut, fit, sparkline, wrap} from './layout.js';
import {visibleLine} from './visible.js';

type Raknare = Summary['goalsByStatus'];

/** A number as typed, shown the Swedish way ("7,9 %"). */
const tal = (raw: string | undefined) => (raw?.trim() ? visaTal(raw) : '–');

const STAPEL: Array<{key: keyof Raknare; namn: string; tecken: string; farg: (c: ChalkInstance) => ChalkInstance}> = [
	{key: 'helt', namn: 'helt', tecken: '█', farg: c => c.green},
	{key: 'delvis', namn: 'delvis', tecken: '▓', farg: c => c.yellow},
	{key: 'inte', namn: 'inte', tecken: '░', farg: c => c.red},
	{key: 'ingaData', namn: 'inga data', tecken: '╌', farg: c => c.gray},
	{key: 'ejBedomd', namn: 'ej bedömd', tecken: '·', farg: c => c.dim},
];

/** Segment lengths that add up to `width`, by largest remainder. */
function andelar(r: Raknare, width: number): number[] {
	const total = STAPEL.reduce((n, x) => n + r[x.key], 0);
	if (total === 0) return STAPEL.map(() => 0);
	const exakt = STAPEL.map(x => (r[x.key] / total) * width);
	const hel = exakt.map(Math.floor);
	const ordning = exakt.map((e, i) => [e - hel[i]!, i] as const).sort((a, b) => b[0] - a[0]);
	const rest = width - hel.reduce((a, b) => a + b, 0);
	for (let k = 0; k < rest; k++) hel[ordning[k]![1]]!++;
	return hel;
}

export function statusBar(r: Raknare, width: number, c: ChalkInstance): string {
	return andelar(r, width)
		.map((n, i) => STAPEL[i]!.farg(c)(STAPEL[i]!.tecken.repeat(n)))
		.join('');
}

export function statusNamn(status: Status | undefined): string {
	return status ? STATUS_NAMN[status] : 'ej bedömd';
}

function tillstandNamn(t: Tillstand | undefined): string {
	return t ? TILLSTAND_NAMN[t] : 'ej rapporterad';
}

export function orgRubrik(s: Pick<Summary, 'organisation' | 'year'>): string {
	const o = s.organisation;
	return `${o.namnd ? `${o.namn} (${o.namnd})` : o.namn} ${s.year}`;
}

export function renderBriefLines(s: Summary, o: {width: number; color: ChalkInstance}): string[] {
	const c = o.color;
	const w = Math.max(20, o.width);
	const out: string[] = [];
	const head = (text: string) => out.push('', c.bold(text));
	const inga = () => out.push(c.dim('  inga'));
	/** Items under a line per goal: "  3.4 VO-mål: Stockholm ska …", then the item lines indented. */
	function perMal<T extends {goalId: string}>(items: T[], rader: (x: T) => string[]): void {
		const grupper = new Map<string, T[]>();
		for (const x of items) grupper.set(x.goalId, [...(grupper.get(x.goalId) ?? []), x]);
		for (const [goalId, lista] of grupper) {
			const g = s.goalTitles[goalId];
			out.push(`  ${c.bold(goalId)} ${c.dim(cut(g ? `${NIVA_KORT[g.niva]}: ${g.titel}` : '', w - goalId.length - 3))}`);
			for (const x of lista) for (const rad of rader(x)) out.push(`    ${rad}`);
		}
	}
	const id = (text: string) => text.padEnd(9);
	const fri = w - 4 - 10;

	out.push(c.bold(cut(orgRubrik(s), w)));
	out.push(cut(`${PERIOD_NAMN[s.period]} (${s.period}), per ${s.asOf}`, w));
	const n = s.counts;
	out.push(c.dim(cut(`${n.inriktningsmal} inriktningsmål, ${n.vo} VO-mål, ${n.namndmal} nämndmål, ${n.enhetsmal} enhetsmål`, w)));
	out.push(c.dim(cut(`${n.indicators} indikatorer, ${n.activities} aktiviteter`, w)));

	head('Bedömda mål');
	for (const l of s.goalsByLevel) {
		const total = STAPEL.reduce((m, x) => m + l[x.key], 0);
		const label = `${NIVA_KORT[l.niva]} (${total})`.padEnd(17);
		out.push(`  ${label} ${statusBar(l, Math.max(10, Math.min(40, w - 21)), c)}`);
		out.push(`    ${STAPEL.map(x => x.farg(c)(`${x.tecken} ${x.namn} ${l[x.key]}`)).join('  ')}`);
	}

	if (s.period !== 'VP') {
		head(`Mål som uppfylls delvis eller inte (${s.goalsNotMet.length})`);
		if (s.goalsNotMet.length === 0) inga();
		for (const g of s.goalsNotMet) {
			const mark = g.status === 'inte' ? c.red('░ inte  ') : c.yellow('▓ delvis');
			const [forsta = '', ...rest] = wrap(`${NIVA_KORT[g.niva]}: ${g.titel}`, w - 21);
			out.push(`  ${id(g.id)} ${mark} ${forsta}`);
			for (const l of rest) out.push(`  ${id('')} ${' '.repeat(8)} ${l}`);
		}
	}

	if (s.period === 'VP') {
		head(`Indikatorer utan årsmål (${s.missingOutcomes.length})`);
		if (s.missingOutcomes.length === 0) inga();
		perMal(s.missingOutcomes, i => [`${id(i.id)} ${cut(i.namn, fri)}`]);
	} else {
		head(`Indikatorer som inte nås (${s.unmetIndicators.length})`);
		if (s.unmetIndicators.length === 0) inga();
		perMal(s.unmetIndicators, i => {
			const mark = i.verdict === 'ej-uppfyllt' ? c.red('✗ ej uppfyllt') : c.yellow('◐ delvis');
			const varde = i.basis === 'prognos' ? `prognos ${tal(i.prognos)}` : `utfall ${tal(i.utfall)}`;
			const rader = [`${id(i.id)} ${cut(i.namn, fri)}`, `${id('')} ${mark}  ${visibleLine(`${varde} mot mål ${tal(i.mal)}`)}`];
			if (i.man || i.kvinnor) rader.push(`${id('')} ${visibleLine(`män ${tal(i.man)}, kvinnor ${tal(i.kvinnor)}`)}`);
			const t = s.trends[i.id] ?? [];
			if (t.filter(p => p.value !== undefined).length > 1) {
				const serie = t.map(p => `${p.label} ${visibleLine(tal(p.raw))}`).join(' · ');
				rader.push(`${id('')} ${c.cyan(sparkline(t.map(p => p.value)))}  ${c.dim(cut(serie, fri - t.length - 2))}`);
			}
			return rader;
		});
		const saknar = s.missingOutcomes;
		if (saknar.length > 0) {
			head(`Indikatorer utan utfall eller mål (${saknar.length})`);
			perMal(saknar, i => [`${id(i.id)} ${c.gray(i.verdict === 'saknar-mal' ? 'saknar mål   ' : 'saknar utfall')} ${cut(i.namn, fri - 14)}`]);
		}
	}

	head(`Försenade aktiviteter (${s.overdueActivities.length})`);
	if (s.overdueActivities.length === 0) inga();
	perMal(s.overdueActivities, a => [
		`${id(a.id)} ${c.red(`${a.dagarSen} d sen`)}  slut ${a.slut}  ${tillstandNamn(a.tillstand)}`,
		`${id('')} ${cut(a.text, fri)}`,
	]);
	// Unreported activities are listed apart below; here only those someone said are under way.
	const snart = s.dueSoonActivities.filter(a => a.tillstand);
	if (snart.length > 0) {
		head(`Snart slutdatum (${snart.length})`);
		perMal(snart, a => [`${id(a.id)} ${c.yellow(a.dagarKvar === 0 ? 'i dag' : `om ${a.dagarKvar} d`)}  slut ${a.slut}  ${tillstandNamn(a.tillstand)}`, `${id('')} ${cut(a.text, fri)}`]);
	}
	if (s.unreportedActivities.length > 0) {
		head(`Aktiviteter utan rapporterat tillstånd (${s.unreportedActivities.length})`);
		perMal(s.unreportedActivities, a => [`${id(a.id)} ${c.dim(`slut ${a.slut ?? '–'}`)}  ${cut(a.text, fri - 17)}`]);
	}

	if (s.changes.since) {
		head(`Ändrat sedan ${s.changes.since} (${s.changes.items.length})`);
		if (s.changes.items.length === 0) inga();
		const visa = (falt: string, v: string | undefined) => (v === undefined ? '–' : falt === 'status' ? STATUS_NAMN[v as Status] : falt === 'tillstand' ? TILLSTAND_NAMN[v as Tillstand] : visibleLine(v));
		const FALT = {status: 'status', utfall: 'utfall', tillstand: 'tillstånd'};
		perMal(s.changes.items, a => [`${id(a.id)} ${cut(`${FALT[a.falt]} ${visa(a.falt, a.fore)} → ${visa(a.falt, a.efter)}`, fri)}`]);
	} else if (s.period !== 'VP') {
		out.push('', c.dim(cut('Ingen tidigare period i filen att jämföra med.', w)));
	}

	if (s.warnings.length > 0) {
		const besvarade = s.checklist.besvaradeVarningar;
		head(`Varningar (${s.warnings.length}${besvarade > 0 ? `, ${besvarade} besvarade` : ''})`);
		// An open warning says its rule and how to answer it; an answered one, its answer.
		perMal(s.warnings, v => [
			...wrap(v.text, fri - 2).map((l, i) => `${i > 0 ? ' ' : v.besvarad ? c.green('✓') : c.yellow('!')} ${l}`),
			...(v.besvarad ? [] : wrap(`Regel: ${REGLER[v.kod].regel}`, fri - 2).map(l => `  ${c.dim(l)}`)),
			...wrap(v.besvarad ? besvaradMed(v) : `Svar: ${hurBesvara(v.kod, v.goalId)}`, fri - 2).map(l => `  ${v.besvarad ? c.green(l) : l}`),
		]);
	}
	if (s.suggestions.length > 0) {
		head('Förslag (du bestämmer)');
		for (const f of s.suggestions) out.push(`  ${id(f.goalId)} ${statusNamn(f.status)} → förslag ${STATUS_NAMN[f.forslag]}`);
	}

	const kvar = s.checklist.punkter.filter(p => p.saknas.length > 0).length;
	head(`Klart för inlämning? ${s.checklist.klar ? c.green('Ja') : c.red(`Nej, ${kvar} ${kvar === 1 ? 'punkt' : 'punkter'} kvar`)}`);
	for (const p of s.checklist.punkter) {
		const ok = p.saknas.length === 0;
		out.push(`  ${ok ? c.green('✓') : c.red('✗')} ${p.text} (${p.antal - p.saknas.length}/${p.antal})`);
		if (!ok) {
			const lista = wrap(`saknas: ${p.saknas.join(', ')}`, w - 6);
			for (const l of lista.slice(0, 3)) out.push(`      ${c.dim(l)}`);
			if (lista.length > 3) out.push(`      ${c.dim('…')}`);
		}
	}
	return out.map(l => fit(l, w));
}
