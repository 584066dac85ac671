// The brief as one Markdown page to paste into the meeting agenda.
import {REGLER, besvaradMed, hurBesvara} from '../domain/regler.js';
import type {Summary} from '../domain/summary.js';
import {visaTal} from '../domain/tal.js';
import {NIVA_NAMN, PERIOD_NAMN, STATUS_NAMN, type Status, TILLSTAND_NAMN, type Tillstand} from '../domain/types.js';
import {orgRubrik, statusNamn} from './brief.js';
import {sparkline} from './layout.js';
import {visibleLine} from './visible.js';

/** A table cell: control characters visible, Markdown and HTML specials escaped, one line. */
export function mdCell(text: string | number | undefined): string {
	if (text === undefined || text === '') return '–';
	return visibleLine(String(text)).replace(/[\\|*_`[\]<>#]/g, ch => `\\${ch}`);
}

export function mdTable(head: string[], rows: Array<Array<string | number | undefined>>): string[] {
	return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map(r => `| ${r.map(mdCell).join(' | ')} |`)];
}

/** A number as typed, the Swedish way ("7,9 %"). */
const tal = (raw: string | undefined) => (raw?.trim() ? visaTal(raw) : undefined);

function tillstand(t: Tillstand | undefined): string {
	return t ? TILLSTAND_NAMN[t] : 'ej rapporterad';
}

export function renderSummaryMarkdown(s: Summary): string {
	const out: string[] = [];
	const section = (rubrik: string, rader: string[]) => out.push(`## ${rubrik}`, '', ...rader, '');
	out.push(`# ${mdCell(orgRubrik(s))}: ${PERIOD_NAMN[s.period]}`, '', `Per ${s.asOf}.`, '');
	section(
		'Bedömda mål',
		mdTable(
			['Nivå', 'Helt', 'Delvis', 'Inte', 'Inga data', 'Ej bedömd'],
			s.goalsByLevel.map(l => [NIVA_NAMN[l.niva], l.helt, l.delvis, l.inte, l.ingaData, l.ejBedomd]),
		),
	);
	if (s.period !== 'VP') {
		section(
			`Mål som uppfylls delvis eller inte (${s.goalsNotMet.length})`,
			s.goalsNotMet.length > 0 ? mdTable(['Id', 'Nivå', 'Mål', 'Status'], s.goalsNotMet.map(g => [g.id, NIVA_NAMN[g.niva], g.titel, STATUS_NAMN[g.status]])) : ['Inga.'],
		);
	}
	if (s.period === 'VP') {
		section(`Indikatorer utan årsmål (${s.missingOutcomes.length})`, mdTable(['Id', 'Indikator'], s.missingOutcomes.map(i => [i.id, i.namn])));
	} else {
		const trend = (id: string) => {
			const t = s.trends[id] ?? [];
			if (t.filter(p => p.value !== undefined).length < 2) return undefined;
			return `${sparkline(t.map(p => p.value))} ${t.map(p => `${p.label} ${tal(p.raw) ?? '–'}`).join(', ')}`;
		};
		const rader = s.unmetIndicators.map(i => [i.id, i.namn, tal(i.utfall), tal(i.prognos), tal(i.mal), tal(i.man), tal(i.kvinnor), i.verdict === 'delvis' ? 'Delvis uppfyllt' : 'Ej uppfyllt', trend(i.id)]);
		section(
			`Indikatorer som inte nås (${s.unmetIndicators.length})`,
			rader.length > 0 ? mdTable(['Id', 'Indikator', 'Utfall', 'Prognos', 'Mål', 'Män', 'Kvinnor', 'Bedömning', 'Utveckling'], rader) : ['Inga.'],
		);
		if (s.missingOutcomes.length > 0) {
			const namn = {'saknar-utfall': 'Saknar utfall', 'saknar-mal': 'Saknar mål'};
			section(`Indikatorer utan utfall eller mål (${s.missingOutcomes.length})`, mdTable(['Id', 'Indikator', 'Saknas'], s.missingOutcomes.map(i => [i.id, i.namn, namn[i.verdict]])));
		}
	}
	section(
		`Försenade aktiviteter (${s.overdueActivities.length})`,
		s.overdueActivities.length > 0
			? mdTable(['Id', 'Aktivitet', 'Slutdatum', 'Dagar sen', 'Tillstånd'], s.overdueActivities.map(a => [a.id, a.text, a.slut, a.dagarSen, tillstand(a.tillstand)]))
			: ['Inga.'],
	);
	const snart = s.dueSoonActivities.filter(a => a.tillstand);
	if (snart.length > 0) {
		section(`Snart slutdatum (${snart.length})`, mdTable(['Id', 'Aktivitet', 'Slutdatum', 'Dagar kvar', 'Tillstånd'], snart.map(a => [a.id, a.text, a.slut, a.dagarKvar, tillstand(a.tillstand)])));
	}
	if (s.unreportedActivities.length > 0) {
		section(`Aktiviteter utan rapporterat tillstånd (${s.unreportedActivities.length})`, mdTable(['Id', 'Aktivitet', 'Slutdatum'], s.unreportedActivities.map(a => [a.id, a.text, a.slut])));
	}
	if (s.changes.since) {
		const visa = (falt: string, v: string | undefined) => (v === undefined ? '–' : falt === 'status' ? STATUS_NAMN[v as Status] : falt === 'tillstand' ? TILLSTAND_NAMN[v as Tillstand] : v);
		section(
			`Ändrat sedan ${s.changes.since} (${s.changes.items.length})`,
			s.changes.items.length > 0 ? mdTable(['Id', 'Fält', 'Före', 'Nu'], s.changes.items.map(a => [a.id, a.falt === 'tillstand' ? 'tillstånd' : a.falt, visa(a.falt, a.fore), visa(a.falt, a.efter)])) : ['Inget.'],
		);
	}
	if (s.warnings.length > 0) {
		const svar = (v: Summary['warnings'][number]) => (v.besvarad ? besvaradMed(v) : `Nej: ${hurBesvara(v.kod, v.goalId)}`);
		section(`Varningar (${s.warnings.length})`, mdTable(['Mål', 'Varning', 'Regel', 'Besvarad'], s.warnings.map(v => [v.goalId, v.text, REGLER[v.kod].regel, svar(v)])));
	}
	if (s.suggestions.length > 0) {
		section('Förslag (chefen bestämmer)', mdTable(['Mål', 'Status', 'Förslag'], s.suggestions.map(f => [f.goalId, statusNamn(f.status), STATUS_NAMN[f.forslag]])));
	}
	section(
		`Klart för inlämning? ${s.checklist.klar ? 'Ja' : 'Nej'}`,
		s.checklist.punkter.map(p => `- [${p.saknas.length === 0 ? 'x' : ' '}] ${p.text} (${p.antal - p.saknas.length}/${p.antal})${p.saknas.length > 0 ? `: saknas ${mdCell(p.saknas.join(', '))}` : ''}`),
	);
	return `${out.join('\n').trimEnd()}\n`;
}
