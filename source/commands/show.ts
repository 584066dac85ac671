import {MalkollError} from '../errors.js';
import {indexStore} from '../domain/bedomning.js';
import {periodSlut} from '../domain/datum.js';
import {detail} from '../domain/detail.js';
import {ENTITY_NAMN, type NamedField, fields, formatField, isVarde} from '../domain/fields.js';
import {REGLER, besvaradMed, hurBesvara} from '../domain/regler.js';
import {visaVarde} from '../domain/tal.js';
import {VERDICT_NAMN} from '../domain/verdict.js';
import {NIVA_NAMN, PERIOD_NAMN, STATUS_NAMN, TILLSTAND_NAMN, type Varde} from '../domain/types.js';
import {loadStore} from '../store/index.js';
import {colorFor} from '../report/color.js';
import {visible, visibleLine} from '../report/visible.js';
import {type Ctx, parsePeriod, requireId, storePath, stringFlag, writeJson} from './context.js';

const tal = (v: Varde | undefined) => visaVarde(v) ?? '–';

export async function show(ctx: Ctx): Promise<number> {
	const id = requireId(ctx, 'show');
	const path = await storePath(ctx);
	const data = await loadStore(path);
	const period = parsePeriod(stringFlag(ctx, 'period'), data);
	const view = detail(data, indexStore(data), id, period, periodSlut(data, period));
	if (!view) throw new MalkollError(`${path}: okänt id "${visibleLine(id)}"`);
	if (ctx.flags.json) {
		writeJson(ctx, view);
		return 0;
	}
	const c = colorFor(ctx.io.stdout, ctx.env);
	const out: string[] = [];
	const line = (label: string, v: string | undefined) => out.push(`${c.bold(label.padEnd(21))} ${v === undefined || v === '' ? c.gray('–') : visibleLine(v)}`);
	if (view.entity === 'goal') {
		out.push(c.bold(`${view.id} ${NIVA_NAMN[view.niva]}${view.bedoms ? '' : c.gray(' (bedöms inte här)')}`), visibleLine(view.titel), '');
		for (const g of view.overordnade) out.push(c.dim(`  ↑ ${g.id} ${visibleLine(g.titel)}`));
		if (view.beskrivning) out.push('', c.bold('Beskrivning'), visible(view.beskrivning));
		if (view.forvantatResultat.length > 0) {
			out.push('', c.bold('Förväntat resultat'));
			// A result may run over paragraphs: each line kept, indented under its number.
			for (const r of view.forvantatResultat) out.push(`  ${r.nr}. ${visible(r.text.replace(/\r\n?/g, '\n')).replace(/\n(?=[^\n])/g, `\n${' '.repeat(String(r.nr).length + 4)}`)}`);
		}
		out.push('');
		line(`Status ${period}`, view.followUp.status ? STATUS_NAMN[view.followUp.status] : 'ej bedömd');
		if (view.forslag.status) line('Förslag', `${STATUS_NAMN[view.forslag.status]} (${view.forslag.grund.join('; ')})`);
		for (const v of view.varningar) {
			out.push(v.besvarad ? c.green(`✓ ${visibleLine(v.text)}`) : c.yellow(`! ${visibleLine(v.text)}`), c.dim(`  Regel: ${REGLER[v.kod].regel}`));
			out.push(`  ${v.besvarad ? visibleLine(besvaradMed(v)) : `Svar: ${hurBesvara(v.kod, view.id)}`}`);
		}
		out.push('', c.bold(`Analys ${period}`), view.followUp.analys ? visible(view.followUp.analys) : c.gray('–'));
		if (view.indicators.length > 0) out.push('', c.bold('Indikatorer'));
		for (const i of view.indicators) {
			const fu = i.followUp;
			out.push(
				`  ${i.id.padEnd(9)} ${visibleLine(i.namn)}`,
				`  ${''.padEnd(9)} ${visibleLine(`utfall ${tal(fu.utfall)}  män ${tal(fu.man)}  kvinnor ${tal(fu.kvinnor)}  prognos ${tal(fu.prognos)}  årsmål ${tal(i.arsmal)}`)}  → ${VERDICT_NAMN[i.bedomning.verdict]}`,
			);
		}
		if (view.activities.length > 0) out.push('', c.bold('Aktiviteter'));
		for (const a of view.activities) {
			const b = a.bedomning;
			const lage = b.forsenad ? c.red(`försenad ${b.dagarSen} d`) : b.tillstand ? TILLSTAND_NAMN[b.tillstand] : c.gray('ej rapporterad');
			out.push(`  ${a.id.padEnd(9)} slut ${b.slut ?? '–'}  ${lage}`, `  ${''.padEnd(9)} ${visibleLine(a.text)}`);
		}
	} else {
		// An indicator or an activity: every row of the field table, the plan's and then the period's.
		const e = view.entity;
		const item: Record<string, unknown> = view;
		const fu: Record<string, unknown> = view.followUp;
		const block = (label: string, v: string | undefined) => v && out.push('', c.bold(label), visible(v));
		out.push(c.bold(`${view.id} ${ENTITY_NAMN[e].replace(/^./, x => x.toUpperCase())}`), visibleLine(e === 'indicator' ? view.namn : view.text), '');
		line('Mål', view.malId);
		const plan = fields(e, 'plan').filter(f => !f.required || f.kind !== 'text');
		const period_ = fields(e, 'followUp').filter(f => f.kind !== 'ja');
		// Numbers the Swedish way ("7,9 %"); what was typed stays in the store and the export.
		const visa = (f: NamedField, v: unknown) => (f.kind === 'varde' && isVarde(v) ? visaVarde(v) : formatField(e, f.part, f.name, v));
		for (const f of plan.filter(f => !f.multiline)) line(f.label, visa(f, item[f.name]));
		out.push('', c.bold(`${PERIOD_NAMN[period]} (${period})`));
		for (const f of period_.filter(f => !f.multiline)) line(f.label, visa(f, fu[f.name]));
		if (view.entity === 'indicator') line('Bedömning', VERDICT_NAMN[view.bedomning.verdict]);
		else {
			const b = view.bedomning;
			line('Läge', b.forsenad ? `försenad ${b.dagarSen} dagar per ${view.asOf}` : b.tillstand ? TILLSTAND_NAMN[b.tillstand] : 'ej rapporterad');
		}
		for (const f of plan.filter(f => f.multiline)) block(f.label, formatField(e, 'plan', f.name, item[f.name]));
		for (const f of period_.filter(f => f.multiline)) block(f.label, formatField(e, 'followUp', f.name, fu[f.name]));
	}
	ctx.io.stdout.write(`${out.join('\n')}\n`);
	return 0;
}
