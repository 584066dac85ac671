// The whole frame as rows: header, the body (the open mode's view, beside the tree unless it takes
// the whole body), the message row and the hint row; one row shorter than the terminal and no row
// wider than it.
import path from 'node:path';
import {PERIOD_NAMN} from '../../domain/types.js';
import type {Controller} from '../controller.js';
import {tipsFor} from '../keys.js';
import {type Rad, bredd, fyll, klipp, klippRad, radBredd, visible} from '../text.js';
import {tradBredd, tradRader} from './tree.js';

function huvud(ui: Controller, w: number): Rad {
	const org = ui.data.organisation;
	const basis = ui.period === 'VP' ? 'plan' : ui.period === 'VB' ? 'utfall' : 'prognos';
	const lang = ` ${visible(org.namn)} · ${ui.data.year} · ${ui.period} ${PERIOD_NAMN[ui.period]} (${basis})`;
	// The file names the store that is open: o can open another unit's.
	const hoger = `${visible(path.basename(ui.path))} · ${ui.tree.filter ? 'FILTER · ' : ''}${ui.data.inlamnad?.[ui.period] ? 'INLÄMNAD · ' : ''}${ui.sparar > 0 ? 'Sparar…' : ui.sparat ? `Sparat ${ui.sparat}` : 'Ingen ändring'} `;
	const vw = Math.max(0, w - bredd(hoger) - 1);
	// Narrow: the period's code is enough, the file name stays.
	const vanster = bredd(lang) <= vw ? lang : ` ${visible(org.namn)} · ${ui.data.year} · ${ui.period} (${basis})`;
	return [{t: fyll(vanster, vw), bold: true, inv: true}, {t: ' ', inv: true}, {t: hoger, inv: true, c: ui.sparar > 0 ? 'yellow' : undefined}];
}

function tipsRad(ui: Controller, w: number): Rad {
	const out: Rad = [];
	let used = 0;
	// In the table's order of priority; the two spaces after the last one need not fit.
	for (const t of tipsFor(ui.mode.lage)) {
		const del = `${used > 0 ? '  ' : ''}${t.visas} ${t.text}`;
		if (used + bredd(del) > w) break;
		out.push({t: `${used > 0 ? '  ' : ''}${t.visas}`, bold: true, c: 'cyan'}, {t: ` ${t.text}`, dim: true});
		used += bredd(del);
	}
	return out;
}

function meddelandeRad(ui: Controller, w: number): Rad {
	if (ui.mode.rad) return ui.mode.rad(w);
	if (!ui.meddelande) return [];
	return [{t: klipp(visible(ui.meddelande.text), w), c: ui.meddelande.fel ? 'red' : 'green', bold: ui.meddelande.fel}];
}

/** Joins the left and right panes row by row with a divider. */
function sidOmSida(vanster: Rad[], hoger: Rad[], vw: number, hw: number, h: number): Rad[] {
	const out: Rad[] = [];
	for (let i = 0; i < h; i++) {
		const l = klippRad(vanster[i] ?? [], vw);
		const pad = vw - radBredd(l);
		out.push([...l, {t: `${' '.repeat(pad)}│`, dim: true}, ...klippRad(hoger[i] ?? [], hw)]);
	}
	return out;
}

export function skarm(ui: Controller): Rad[] {
	const w = Math.max(20, ui.cols);
	const h = ui.kroppHojd;
	const tw = tradBredd(w);
	const dw = w - tw - 1;
	const kropp = ui.mode.hel ? ui.mode.view(w, h) : sidOmSida(tradRader(ui.tree, ui.data, ui.period, ui.mode === ui.tree, tw, h), ui.mode.view(dw, h), tw, dw, h);
	const rader: Rad[] = [huvud(ui, w)];
	for (let i = 0; i < h; i++) rader.push(klippRad(kropp[i] ?? [], w));
	rader.push(klippRad(meddelandeRad(ui, w), w), klippRad(tipsRad(ui, w), w));
	return rader;
}
