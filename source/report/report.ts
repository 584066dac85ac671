// The whole follow-up in the report's order, ready to paste goal by goal into the city's system or
// the Word template: each goal depth-first (IM → VO → nämndmål → enhetsmål) with its status, the
// analysis and its Punkt notes, then the goal's indicators and activities.
import {splitPunkter} from '../domain/analys.js';
import {indexStore, skapaKontext} from '../domain/bedomning.js';
import {periodSlut} from '../domain/datum.js';
import {type Goal, NIVA_NAMN, type Period, PERIOD_NAMN, STATUS_NAMN, type StoreData, TILLSTAND_NAMN, type Varde} from '../domain/types.js';
import {visaVarde} from '../domain/tal.js';
import {VERDICT_NAMN} from '../domain/verdict.js';
import {mdCell, mdTable} from './summary-markdown.js';
import {visible, visibleLine} from './visible.js';

export type ReportFormat = 'text' | 'markdown';

/** Store text as typed: Windows line ends made plain, control characters visible. */
function text(t: string | undefined): string {
	return visible((t ?? '').replace(/\r\n?/g, '\n')).trim();
}

/** Markdown prose: inline specials escaped, a line break kept as a hard break. */
function mdText(t: string | undefined): string {
	return text(t)
		.replace(/[\\*_`[\]<>]/g, ch => `\\${ch}`)
		.replace(/^(\s*)(#)/gm, '$1\\$2')
		.replace(/([^\n])\n(?=[^\n])/g, '$1  \n');
}

/** A number the Swedish way ("7,9 %"); the export keeps what was typed. */
const v = (x: Varde | undefined) => visibleLine(visaVarde(x) ?? '–');

const MD_RUBRIK = {im: '##', vo: '###', namndmal: '####', enhetsmal: '#####'} as const;

export function renderReport(data: StoreData, opts: {period?: Period; asOf?: string; format: ReportFormat}): string {
	const period = opts.period ?? data.period;
	const asOf = opts.asOf ?? periodSlut(data, period);
	const md = opts.format === 'markdown';
	const idx = indexStore(data);
	const ctx = skapaKontext(data, idx, period, asOf);
	const fu = data.followUp[period];
	const out: string[] = [];
	const org = data.organisation;
	const orgNamn = org.namnd ? `${org.namn} (${org.namnd})` : org.namn;
	const prosa = md ? mdText : text;
	const stycke = (t: string) => out.push(t, '');

	if (md) stycke(`# ${mdCell(orgNamn)}: ${PERIOD_NAMN[period]} ${data.year}`);
	else stycke(`${visibleLine(orgNamn)}\n${PERIOD_NAMN[period]} ${data.year}`);

	function mal(goal: Goal): void {
		const rubrik = `${goal.id} ${NIVA_NAMN[goal.niva]}: ${goal.titel}`;
		if (md) stycke(`${MD_RUBRIK[goal.niva]} ${mdText(rubrik)}`);
		else stycke(`${'='.repeat(72)}\n${visibleLine(rubrik)}`);
		const gfu = fu?.goals[goal.id];
		if (period !== 'VP') {
			const basis = period === 'VB' ? '' : ' (prognos helår)';
			const status = gfu?.status ? STATUS_NAMN[gfu.status] : 'Ej bedömd';
			stycke(md ? `**Status${basis}:** ${status}` : `Status${basis}: ${status}`);
		}
		if (goal.beskrivning?.trim()) stycke(`${md ? '**Beskrivning**' : 'Beskrivning'}\n${prosa(goal.beskrivning)}`);
		if (goal.forvantatResultat.length > 0) {
			// A result may run over paragraphs: they stay paragraphs, indented under its number.
			const resultat = goal.forvantatResultat.map(r => `${r.nr}. ${prosa(r.text).replace(/\n(?=[^\n])/g, `\n${' '.repeat(String(r.nr).length + 2)}`)}`);
			stycke(`${md ? '**Förväntat resultat**' : 'Förväntat resultat'}\n${resultat.join('\n')}`);
		}
		if (gfu?.analys?.trim()) {
			const {inledning, punkter} = splitPunkter(gfu.analys.replace(/\r\n?/g, '\n'));
			out.push(md ? '**Analys**' : 'Analys');
			if (inledning) out.push(prosa(inledning));
			out.push('');
			for (const p of [...punkter].sort((a, b) => a.nr - b.nr)) stycke(`${md ? `*Punkt ${p.nr}:*` : `Punkt ${p.nr}:`}\n${prosa(p.text)}`.trimEnd());
		}
		const indikatorer = idx.indicatorsByGoal.get(goal.id) ?? [];
		if (indikatorer.length > 0) {
			const rader = indikatorer.map(ind => {
				const i = fu?.indicators[ind.id];
				const cols = [ind.namn, v(i?.utfall), v(i?.man), v(i?.kvinnor), v(i?.foregaendeVB), v(ind.arsmal), v(ind.kfArsmal)];
				if (period === 'T1' || period === 'T2') cols.push(v(i?.prognos));
				cols.push(i?.matperiod?.trim() || '–', VERDICT_NAMN[ctx.verdict(ind).verdict]);
				return {ind, i, cols};
			});
			const head = ['Indikator', 'Periodens utfall', 'Utfall män', 'Utfall kvinnor', `Utfall VB ${data.year - 1}`, 'Årsmål', 'KF:s årsmål'];
			if (period === 'T1' || period === 'T2') head.push('Prognos helår');
			head.push('Period', 'Bedömning');
			if (md) stycke(['**Indikatorer**', '', ...mdTable(head, rader.map(r => r.cols))].join('\n'));
			else out.push('Indikatorer');
			for (const {ind, i, cols} of rader) {
				if (!md) {
					out.push(`  ${visibleLine(ind.namn)} (${ind.id})`);
					for (let k = 1; k < head.length; k++) out.push(`    ${head[k]}: ${visibleLine(cols[k]!)}`);
				}
				if (i?.analys?.trim() && md) stycke(`*Analys ${mdText(ind.namn)}:* ${mdText(i.analys)}`);
				else if (i?.analys?.trim()) out.push(`    Analys:\n${indent(text(i.analys))}`);
				if (!md) out.push('');
			}
		}
		const aktiviteter = idx.activitiesByGoal.get(goal.id) ?? [];
		if (aktiviteter.length > 0) {
			out.push(md ? '**Aktiviteter**' : 'Aktiviteter', '');
			for (const akt of aktiviteter) {
				const a = fu?.activities[akt.id];
				const b = ctx.aktivitet(akt);
				const tillstand = b.tillstand ? TILLSTAND_NAMN[b.tillstand] : 'Ej rapporterad';
				const fakta = [`Startdatum ${akt.start ?? '–'}`, `Slutdatum ${b.slut ?? '–'}${a?.nyttSlut && akt.slut ? ` (planerat ${akt.slut})` : ''}`, tillstand + (b.forsenad ? `, försenad ${b.dagarSen} d` : '')].join(' · ');
				if (md) {
					out.push(`- ${mdText(akt.text)} (${akt.id})  \n  ${fakta}`);
					if (a?.avvikelse?.trim()) out.push(`  *Avvikelse:* ${mdText(a.avvikelse).replace(/\n/g, '\n  ')}`);
					if (a?.analys?.trim()) out.push(`  *Analys:* ${mdText(a.analys).replace(/\n/g, '\n  ')}`);
				} else {
					out.push(`  ${visibleLine(akt.text)} (${akt.id})`, `    ${fakta}`);
					if (a?.avvikelse?.trim()) out.push(`    Avvikelse:\n${indent(text(a.avvikelse))}`);
					if (a?.analys?.trim()) out.push(`    Analys:\n${indent(text(a.analys))}`);
				}
				out.push('');
			}
		}
		for (const barn of idx.children.get(goal.id) ?? []) mal(barn);
	}
	for (const rot of idx.children.get('') ?? []) mal(rot);
	return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

function indent(t: string): string {
	return t
		.split('\n')
		.map(l => (l ? `      ${l}` : ''))
		.join('\n');
}
