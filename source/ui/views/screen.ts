// The whole frame as rows: header, the two panes (or what is open), the message row and the
// hint row; one row shorter than the terminal and no row wider than it.
import {PERIOD_NAMN} from '../../domain/types.js';
import {tipsFor} from '../keys.js';
import type {UiController} from '../state.js';
import {type Rad, bredd, fyll, klipp, klippRad, radBredd, visible} from '../text.js';
import {detaljRader} from './detail.js';
import {editorVy, fonster, formVy, fragaVy, hjalpRader, periodVy, summeringRader} from './overlays.js';
import {tradRader} from './tree.js';

/** Width of the tree pane: a third-plus of the screen, capped so titles stay readable. */
export function tradBredd(cols: number): number {
	return Math.max(20, Math.min(60, Math.floor(cols * 0.4)));
}

function huvud(ui: UiController, w: number): Rad {
	const org = ui.data.organisation;
	const basis = ui.period === 'VP' ? 'plan' : ui.period === 'VB' ? 'utfall' : 'prognos';
	const vanster = ` ${visible(org.namn)} · ${ui.data.year} · ${ui.period} ${PERIOD_NAMN[ui.period]} (${basis})`;
	const hoger = `${ui.filter ? 'FILTER · ' : ''}${ui.data.inlamnad?.[ui.period] ? 'INLÄMNAD · ' : ''}${ui.sparar > 0 ? 'Sparar…' : ui.sparat ? `Sparat ${ui.sparat}` : 'Ingen ändring'} `;
	const vw = Math.max(0, w - bredd(hoger) - 1);
	return [{t: fyll(vanster, vw), bold: true, inv: true}, {t: ' ', inv: true}, {t: hoger, inv: true, c: ui.sparar > 0 ? 'yellow' : undefined}];
}

function tipsRad(ui: UiController, w: number): Rad {
	const out: Rad = [];
	let used = 0;
	for (const t of tipsFor(ui.tangentLage)) {
		const del = `${t.visas} ${t.text}  `;
		if (used + bredd(del) > w) break;
		out.push({t: t.visas, bold: true, c: 'cyan'}, {t: ` ${t.text}  `, dim: true});
		used += bredd(del);
	}
	return out;
}

function meddelandeRad(ui: UiController, w: number): Rad {
	if (ui.lage.typ === 'sok') {
		const antal = ui.traffar(ui.lage.fraga).length;
		return [{t: '/', bold: true}, {t: klipp(`${visible(ui.lage.fraga)}`, w - 20)}, {t: ' ', inv: true}, {t: `  ${antal} träffar`, dim: true}];
	}
	if (!ui.meddelande) return [];
	return [{t: klipp(ui.meddelande.text, w), c: ui.meddelande.fel ? 'red' : 'green', bold: ui.meddelande.fel}];
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

export function skarm(ui: UiController): Rad[] {
	const w = Math.max(20, ui.cols);
	const h = ui.kroppHojd;
	const lage = ui.lage;
	let kropp: Rad[];
	const tw = tradBredd(w);
	const dw = w - tw - 1;
	switch (lage.typ) {
		case 'editor':
			kropp = editorVy(ui, lage, w, h);
			break;
		case 'help':
			kropp = fonster(hjalpRader(w), lage, h);
			break;
		case 'summary':
			kropp = fonster(summeringRader(ui, w), lage, h);
			break;
		default: {
			let hoger: Rad[];
			if (lage.typ === 'form') hoger = formVy(ui, lage, dw);
			else if (lage.typ === 'period') hoger = periodVy(ui, lage, dw);
			else if (lage.typ === 'konflikt' || lage.typ === 'utkast' || lage.typ === 'fraga') hoger = fragaVy(lage, dw);
			else {
				const {rader, ankare} = detaljRader(ui, dw);
				// Keeps the selected indicator or activity in view as the list cursor moves.
				if (ankare !== undefined && (ankare < ui.detaljTopp || ankare + 4 > ui.detaljTopp + h)) ui.detaljTopp = Math.max(0, ankare - 2);
				ui.detaljTopp = Math.max(0, Math.min(ui.detaljTopp, rader.length - h));
				hoger = rader.slice(ui.detaljTopp, ui.detaljTopp + h);
				if (rader.length > h && ui.detaljTopp + h < rader.length) hoger[h - 1] = [{t: klipp(`↓ mer (C-d)  ${ui.detaljTopp + h}/${rader.length}`, dw), dim: true}];
			}
			kropp = sidOmSida(tradRader(ui, tw, h), hoger, tw, dw, h);
		}
	}
	const rader: Rad[] = [huvud(ui, w)];
	for (let i = 0; i < h; i++) rader.push(klippRad(kropp[i] ?? [], w));
	rader.push(klippRad(meddelandeRad(ui, w), w), klippRad(tipsRad(ui, w), w));
	return rader;
}
