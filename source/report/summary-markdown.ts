// The same summary as one Markdown page to paste into the meeting agenda.
import type {Summary} from '../domain/summary.js';
import {NIVA_NAMN, PERIOD_NAMN, STATUS_NAMN, TILLSTAND_NAMN} from '../domain/types.js';
import {visibleLine} from './visible.js';

/** A table cell: control characters visible, Markdown and HTML specials escaped, one line. */
export function mdCell(text: string | number | undefined): string {
	if (text === undefined || text === '') return '–';
	return visibleLine(String(text)).replace(/[\\|*_`[\]<>#]/g, ch => `\\${ch}`);
}

function table(head: string[], rows: Array<Array<string | number | undefined>>): string[] {
	return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map(r => `| ${r.map(mdCell).join(' | ')} |`)];
}

export function renderSummaryMarkdown(s: Summary): string {
	const out: string[] = [];
	const org = s.organisation.namnd ? `${s.organisation.namn} (${s.organisation.namnd})` : s.organisation.namn;
	out.push(`# ${mdCell(org)} ${s.year}: ${PERIOD_NAMN[s.period]}`, '', `Per ${s.asOf}.`, '');
	out.push('## Bedömda mål', '');
	out.push(...table(['Nivå', 'Helt', 'Delvis', 'Inte', 'Inga data', 'Ej bedömd'], s.goalsByLevel.map(l => [NIVA_NAMN[l.niva], l.helt, l.delvis, l.inte, l.ingaData, l.ejBedomd])), '');
	out.push(`## Indikatorer som inte nås (${s.unmetIndicators.length})`, '');
	if (s.unmetIndicators.length > 0) {
		out.push(
			...table(
				['Id', 'Indikator', 'Utfall', 'Prognos', 'Mål', 'Män', 'Kvinnor', 'Bedömning'],
				s.unmetIndicators.map(i => [i.id, i.namn, i.utfall, i.prognos, i.mal, i.man, i.kvinnor, i.verdict === 'delvis' ? 'Delvis uppfyllt' : 'Ej uppfyllt']),
			),
			'',
		);
	}
	out.push(`## Försenade aktiviteter (${s.overdueActivities.length})`, '');
	if (s.overdueActivities.length > 0) {
		out.push(...table(['Id', 'Aktivitet', 'Slutdatum', 'Dagar sen', 'Tillstånd'], s.overdueActivities.map(a => [a.id, a.text, a.slut, a.dagarSen, a.tillstand ? TILLSTAND_NAMN[a.tillstand] : undefined])), '');
	}
	if (s.dueSoonActivities.length > 0) {
		out.push(`## Snart slutdatum (${s.dueSoonActivities.length})`, '', ...table(['Id', 'Aktivitet', 'Slutdatum', 'Dagar kvar'], s.dueSoonActivities.map(a => [a.id, a.text, a.slut, a.dagarKvar])), '');
	}
	if (s.unreportedActivities.length > 0) {
		out.push(`## Aktiviteter utan rapporterat tillstånd (${s.unreportedActivities.length})`, '', ...table(['Id', 'Aktivitet', 'Slutdatum'], s.unreportedActivities.map(a => [a.id, a.text, a.slut])), '');
	}
	const saknas = [...s.goalsWithoutStatus.map(g => [g.id, g.titel, 'ej bedömd']), ...s.goalsWithoutAnalysis.map(g => [g.id, g.titel, 'saknar analys'])];
	if (saknas.length > 0) out.push('## Saknas före inlämning', '', ...table(['Id', 'Mål', 'Saknas'], saknas), '');
	if (s.warnings.length > 0) out.push(`## Varningar (${s.warnings.length})`, '', ...table(['Mål', 'Varning'], s.warnings.map(v => [v.goalId, v.text])), '');
	if (s.suggestions.length > 0) {
		out.push('## Förslag (chefen bestämmer)', '', ...table(['Mål', 'Status', 'Förslag'], s.suggestions.map(f => [f.goalId, f.status ? STATUS_NAMN[f.status] : 'ej bedömd', STATUS_NAMN[f.forslag]])), '');
	}
	return `${out.join('\n').trimEnd()}\n`;
}
