// The left pane: only the rows inside the window are built, so a 2,000-goal store costs the
// same per keypress as the bundled one.
import {getFollowUp} from '../../domain/ops.js';
import type {Period, Status, StoreData} from '../../domain/types.js';
import type {TreeMode} from '../modes/tree.js';
import {type Farg, type Rad, bredd, fyll, klipp, visible} from '../text.js';

/** A mark per status that reads without colour: the letter carries it, the colour helps. */
export const STATUS_MARK: Record<Status | 'ej', {t: string; c: Farg}> = {
	helt: {t: 'H', c: 'green'},
	delvis: {t: 'D', c: 'yellow'},
	inte: {t: 'I', c: 'red'},
	'inga-data': {t: '-', c: 'gray'},
	ej: {t: '·', c: 'gray'},
};

/** Before the status letter: carried over from the previous period, not yet confirmed (c). */
export const EJ_GRANSKAD = '*';

/** Width of the tree pane: a third-plus of the screen, capped so titles stay readable. */
export function tradBredd(cols: number): number {
	return Math.max(20, Math.min(60, Math.floor(cols * 0.4)));
}

/** `aktiv`: the tree has the keyboard, so the selected row is drawn inverse. */
export function tradRader(ui: TreeMode, data: StoreData, period: Period, aktiv: boolean, w: number, h: number): Rad[] {
	const out: Rad[] = [];
	const rader = ui.synliga;
	const valt = ui.markerad;
	const fokus = ui.fokus === 'tree' && aktiv;
	for (let i = ui.tradTopp; i < Math.min(rader.length, ui.tradTopp + h); i++) {
		const r = rader[i]!;
		const g = r.goal;
		const bedoms = data.bedomdaNivaer.includes(g.niva);
		const status = getFollowUp(data, period, 'goal', g.id, 'status') as Status | undefined;
		const mark = STATUS_MARK[status ?? 'ej'];
		const tips = ui.harTips(g) ? '!' : ' ';
		const pil = r.harBarn ? (r.oppen ? '▾' : '▸') : ' ';
		const ejGranskad = getFollowUp(data, period, 'goal', g.id, 'ejGranskad') === true;
		// The mark takes the space before the status letter: no extra styled run on an ordinary row.
		const start = `${(w < 40 ? ' ' : '  ').repeat(r.djup)}${pil}${ejGranskad ? '' : ' '}`;
		const id = `${visible(g.id)} `;
		const titel = fyll(visible(g.titel), Math.max(0, w - bredd(start) - (ejGranskad ? 5 : 4) - bredd(id)));
		const vald = g.id === valt;
		const rad: Rad = [
			{t: vald ? '›' : ' ', bold: true, c: 'cyan'},
			{t: klipp(start, w), dim: !bedoms, inv: vald && fokus},
			...(ejGranskad ? [{t: EJ_GRANSKAD, c: 'magenta' as const, bold: true, inv: vald && fokus}] : []),
			{t: mark.t, c: mark.c, bold: status !== undefined, inv: vald && fokus},
			{t: tips, c: 'yellow', bold: true, inv: vald && fokus},
			{t: ' ', inv: vald && fokus},
			{t: id, dim: !bedoms, bold: vald, inv: vald && fokus},
			{t: titel, dim: !bedoms, bold: vald, inv: vald && fokus},
		];
		out.push(vald && !fokus ? rad.map(s => ({...s, c: s.c ?? 'cyan'})) : rad);
	}
	if (rader.length === 0) out.push([{t: klipp(ui.filter ? 'Inget att göra: f visar alla mål' : 'Inga mål i filen', w), dim: true}]);
	return out;
}
