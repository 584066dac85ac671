import {MalkollError} from '../errors.js';
import {indexStore} from '../domain/bedomning.js';
import {periodSlut} from '../domain/datum.js';
import {detail} from '../domain/detail.js';
import {VERDICT_NAMN} from '../domain/verdict.js';
import {NIVA_NAMN, STATUS_NAMN, TILLSTAND_NAMN} from '../domain/types.js';
import {loadStore} from '../store/index.js';
import {colorFor} from '../report/color.js';
import {visible, visibleLine} from '../report/visible.js';
import {type Ctx, parsePeriod, requireId, storePath, stringFlag, writeJson} from './context.js';

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
	const line = (label: string, v: string | undefined) => out.push(`${c.bold(label.padEnd(18))} ${v === undefined || v === '' ? c.gray('–') : visibleLine(v)}`);
	if (view.entity === 'goal') {
		out.push(c.bold(`${view.id} ${NIVA_NAMN[view.niva]}${view.bedoms ? '' : c.gray(' (bedöms inte här)')}`), visibleLine(view.titel), '');
		for (const g of view.overordnade) out.push(c.dim(`  ↑ ${g.id} ${visibleLine(g.titel)}`));
		if (view.beskrivning) out.push('', c.bold('Beskrivning'), visible(view.beskrivning));
		if (view.forvantatResultat.length > 0) {
			out.push('', c.bold('Förväntat resultat'));
			for (const r of view.forvantatResultat) out.push(`  ${r.nr}. ${visibleLine(r.text)}`);
		}
		out.push('');
		line(`Status ${period}`, view.followUp.status ? STATUS_NAMN[view.followUp.status] : 'ej bedömd');
		if (view.forslag.status) line('Förslag', `${STATUS_NAMN[view.forslag.status]} (${view.forslag.grund.join('; ')})`);
		for (const v of view.varningar) out.push(c.yellow(`! ${visibleLine(v.text)}`));
		out.push('', c.bold(`Analys ${period}`), view.followUp.analys ? visible(view.followUp.analys) : c.gray('–'));
		if (view.indicators.length > 0) out.push('', c.bold('Indikatorer'));
		for (const i of view.indicators) {
			const fu = i.followUp;
			out.push(
				`  ${i.id.padEnd(9)} ${visibleLine(i.namn)}`,
				`  ${''.padEnd(9)} utfall ${fu.utfall?.raw ?? '–'}  män ${fu.man?.raw ?? '–'}  kvinnor ${fu.kvinnor?.raw ?? '–'}  prognos ${fu.prognos?.raw ?? '–'}  årsmål ${i.arsmal?.raw ?? '–'}  → ${VERDICT_NAMN[i.bedomning.verdict]}`,
			);
		}
		if (view.activities.length > 0) out.push('', c.bold('Aktiviteter'));
		for (const a of view.activities) {
			const b = a.bedomning;
			const lage = b.forsenad ? c.red(`försenad ${b.dagarSen} d`) : b.tillstand ? TILLSTAND_NAMN[b.tillstand] : c.gray('ej rapporterad');
			out.push(`  ${a.id.padEnd(9)} slut ${b.slut ?? '–'}  ${lage}`, `  ${''.padEnd(9)} ${visibleLine(a.text)}`);
		}
	} else if (view.entity === 'indicator') {
		out.push(c.bold(`${view.id} Indikator`), visibleLine(view.namn), '');
		line('Mål', view.malId);
		line('Riktning', view.riktning);
		line('Årsmål', view.arsmal?.raw);
		line('KF:s årsmål', view.kfArsmal?.raw);
		const fu = view.followUp;
		line(`Utfall ${period}`, fu.utfall?.raw);
		line('Män', fu.man?.raw);
		line('Kvinnor', fu.kvinnor?.raw);
		line('Prognos helår', fu.prognos?.raw);
		line('Utfall föreg. VB', fu.foregaendeVB?.raw);
		line('Bedömning', VERDICT_NAMN[view.bedomning.verdict]);
		if (fu.analys) out.push('', c.bold('Analys'), visible(fu.analys));
	} else {
		out.push(c.bold(`${view.id} Aktivitet`), visibleLine(view.text), '');
		line('Mål', view.malId);
		line('Startdatum', view.start);
		line('Slutdatum', view.bedomning.slut);
		line('Tillstånd', view.bedomning.tillstand ? TILLSTAND_NAMN[view.bedomning.tillstand] : 'ej rapporterad');
		if (view.bedomning.forsenad) out.push(c.red(`Försenad ${view.bedomning.dagarSen} dagar per ${view.asOf}`));
		line('Avvikelse', view.followUp.avvikelse);
		if (view.followUp.analys) out.push('', c.bold('Analys'), visible(view.followUp.analys));
	}
	ctx.io.stdout.write(`${out.join('\n')}\n`);
	return 0;
}
