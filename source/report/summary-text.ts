// The summary for a person: what is off track, what is late, what is missing before submission.
// Fits 80 columns; every text from the store goes through visibleLine.
import type {ChalkInstance} from 'chalk';
import type {Summary} from '../domain/summary.js';
import {NIVA_NAMN, PERIOD_NAMN, STATUS_NAMN, TILLSTAND_NAMN} from '../domain/types.js';
import {visibleLine} from './visible.js';

const WIDTH = 80;

function cut(text: string, width: number): string {
	const t = visibleLine(text);
	return t.length <= width ? t : `${t.slice(0, Math.max(0, width - 1))}…`;
}

/** Words of `text` in lines of at most `width` characters. */
function wrap(text: string, width: number): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of visibleLine(text).split(' ')) {
		if (line && line.length + 1 + word.length > width) {
			lines.push(line);
			line = '';
		}
		line = line ? `${line} ${word}` : word.length > width ? cut(word, width) : word;
	}
	if (line) lines.push(line);
	return lines;
}

const ANSI = /\u001b\[[0-9;]*m/g;

/** Keeps every line within the width, measured without colour codes. */
function fit(line: string, width: number): string {
	const plain = line.replace(ANSI, '');
	return plain.length <= width ? line : `${plain.slice(0, width - 1)}…`;
}

export function renderSummaryText(s: Summary, c: ChalkInstance, width = WIDTH): string {
	const out: string[] = [];
	const w = Math.max(60, Math.min(width, 120));
	const head = (text: string) => out.push('', c.bold(text));
	const org = s.organisation.namnd ? `${s.organisation.namn} (${s.organisation.namnd})` : s.organisation.namn;
	out.push(c.bold(cut(`${org} ${s.year}`, w)));
	out.push(`${PERIOD_NAMN[s.period]} (${s.period}), per ${s.asOf}`);
	const c2 = s.counts;
	out.push(c.dim(`Mål: ${c2.inriktningsmal} inriktningsmål, ${c2.vo} VO-mål, ${c2.namndmal} nämndmål, ${c2.enhetsmal} enhetsmål`));
	out.push(c.dim(`${c2.indicators} indikatorer, ${c2.activities} aktiviteter`));

	head('Bedömda mål');
	for (const l of s.goalsByLevel) {
		out.push(
			`  ${NIVA_NAMN[l.niva].padEnd(20)} ${c.green(`helt ${l.helt}`)}  ${c.yellow(`delvis ${l.delvis}`)}  ${c.red(`inte ${l.inte}`)}  ` +
				c.gray(`inga data ${l.ingaData}  ej bedömd ${l.ejBedomd}`),
		);
	}

	head(`Indikatorer som inte nås (${s.unmetIndicators.length})`);
	if (s.unmetIndicators.length === 0) out.push(c.dim('  inga'));
	for (const i of s.unmetIndicators) {
		const mark = i.verdict === 'ej-uppfyllt' ? c.red('✗ ej uppfyllt') : c.yellow('◐ delvis');
		out.push(`  ${i.id.padEnd(10)} ${cut(i.namn, w - 30)}`);
		const varde = visibleLine(i.basis === 'prognos' ? `prognos ${i.prognos ?? '–'}` : `utfall ${i.utfall ?? '–'}`);
		out.push(`  ${''.padEnd(10)} ${mark}  ${varde} mot mål ${visibleLine(i.mal ?? '–')}`);
		if (i.man || i.kvinnor) out.push(`  ${''.padEnd(10)} män ${visibleLine(i.man ?? '–')}, kvinnor ${visibleLine(i.kvinnor ?? '–')}`);
	}
	if (s.missingOutcomes.length > 0) {
		head(`Indikatorer utan utfall eller mål (${s.missingOutcomes.length})`);
		for (const i of s.missingOutcomes) {
			out.push(`  ${i.id.padEnd(10)} ${cut(i.namn, w - 28)} ${c.gray(i.verdict === 'saknar-mal' ? 'saknar mål' : 'saknar utfall')}`);
		}
	}

	head(`Försenade aktiviteter (${s.overdueActivities.length})`);
	if (s.overdueActivities.length === 0) out.push(c.dim('  inga'));
	for (const a of s.overdueActivities) {
		out.push(`  ${a.id.padEnd(10)} ${c.red(`${a.dagarSen} d sen`)}  slut ${a.slut}  ${a.tillstand ? TILLSTAND_NAMN[a.tillstand] : ''}`);
		out.push(`  ${''.padEnd(10)} ${cut(a.text, w - 13)}`);
	}
	if (s.dueSoonActivities.length > 0) {
		head(`Snart slutdatum (${s.dueSoonActivities.length})`);
		for (const a of s.dueSoonActivities) {
			out.push(`  ${a.id.padEnd(10)} ${c.yellow(`om ${a.dagarKvar} d`)}  slut ${a.slut}  ${cut(a.text, w - 40)}`);
		}
	}
	if (s.unreportedActivities.length > 0) {
		head(`Aktiviteter utan rapporterat tillstånd (${s.unreportedActivities.length})`);
		for (const a of s.unreportedActivities) out.push(`  ${a.id.padEnd(10)} ${cut(a.text, w - 13)}`);
	}

	if (s.goalsWithoutStatus.length > 0 || s.goalsWithoutAnalysis.length > 0) {
		head('Saknas före inlämning');
		for (const g of s.goalsWithoutStatus) out.push(`  ${g.id.padEnd(10)} ${c.gray('ej bedömd')}     ${cut(g.titel, w - 27)}`);
		for (const g of s.goalsWithoutAnalysis) out.push(`  ${g.id.padEnd(10)} ${c.gray('saknar analys')} ${cut(g.titel, w - 27)}`);
	}

	if (s.warnings.length > 0) {
		head(`Varningar (${s.warnings.length})`);
		for (const v of s.warnings) {
			wrap(v.text, w - 15).forEach((l, i) => out.push(`  ${(i === 0 ? v.goalId : '').padEnd(10)} ${i === 0 ? c.yellow('!') : ' '} ${l}`));
		}
	}
	if (s.suggestions.length > 0) {
		head('Förslag (du bestämmer)');
		for (const f of s.suggestions) {
			const nu = f.status ? STATUS_NAMN[f.status] : 'ej bedömd';
			out.push(`  ${f.goalId.padEnd(10)} ${nu} → förslag ${STATUS_NAMN[f.forslag]}`);
		}
	}
	return `${out.map(l => fit(l, w)).join('\n')}\n`;
}
