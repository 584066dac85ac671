// w : answers a warning on the selected goal with a reason, as `set ID --besvara "REGEL: motivering"`
// does (domain/regler.ts): one line of text per rule, stored in the goal's follow-up (besvarat).
import {goalWarnings} from '../../domain/bedomning.js';
import {field} from '../../domain/fields.js';
import {getFollowUp, namedOp} from '../../domain/ops.js';
import {REGLER, type VarningKod} from '../../domain/regler.js';
import type {Period} from '../../domain/types.js';
import {MalkollError} from '../../errors.js';
import {type EditorState, editorRader, editorTangent, editorText, nyEditor} from '../editor.js';
import {kommandoFor} from '../keys.js';
import {type Rad, klipp, medCursor, radbryt, visible} from '../text.js';
import type {Ctx, Mode} from './mode.js';

/** One rule not yet answered, with each warning it gives on the goal (one per unmet indicator, say): one reason answers them all. */
interface Obesvarad {
	kod: VarningKod;
	texter: string[];
}

export class BesvaraMode implements Mode {
	readonly lage = 'form';
	/** Which of the warnings is being answered (Tab steps). */
	vald = 0;
	ed: EditorState = nyEditor('');
	fel?: string;

	constructor(
		private readonly ctx: Ctx,
		readonly goalId: string,
		readonly period: Period,
		readonly varningar: Obesvarad[],
		readonly force: boolean,
	) {}

	key(t: string): void {
		const id = kommandoFor('form', t);
		if (id === 'tillbaka') return this.ctx.open();
		if (id === 'spara') return this.spara();
		if (id === 'nastaFalt' || id === 'forraFalt') {
			this.vald = (this.vald + (id === 'nastaFalt' ? 1 : this.varningar.length - 1)) % this.varningar.length;
			return;
		}
		this.ed = editorTangent(this.ed, t, {w: Infinity, h: 1});
		this.fel = undefined;
	}

	private spara(): void {
		const {ctx, goalId, period} = this;
		const {kod} = this.varningar[this.vald]!;
		const given = {[kod]: editorText(this.ed).trim()};
		const rad = field('goal', 'followUp', 'besvarat')!;
		try {
			// The field's own check: an empty reason is refused as set --besvara refuses it.
			rad.check(given, `${goalId} Motivering`);
		} catch (error) {
			if (!(error instanceof MalkollError)) throw error;
			this.fel = error.message;
			return;
		}
		ctx.open();
		// Merged under the store's lock into the answers already there, as `set --besvara` does.
		ctx.write(data => [namedOp({op: 'set', period, entity: 'goal', id: goalId, field: 'besvarat', value: rad.merge!(getFollowUp(data, period, 'goal', goalId, 'besvarat'), given)})], {
			ok: () => ctx.say(`${goalId}: ${kod} besvarad (${period}, u ångrar)`),
			force: this.force,
		});
	}

	view(w: number, _h: number): Rad[] {
		const v = this.varningar[this.vald]!;
		const out: Rad[] = [[{t: klipp(`Besvara varning på ${this.goalId} (${this.period})`, w), bold: true, c: 'cyan'}]];
		if (this.varningar.length > 1) out.push([{t: klipp(`${this.vald + 1} av ${this.varningar.length} (Tab nästa)`, w), dim: true}]);
		for (const text of v.texter) for (const r of radbryt(`! ${visible(text)}`, w)) out.push([{t: r, c: 'yellow'}]);
		for (const r of radbryt(`Regel: ${REGLER[v.kod].regel}`, w)) out.push([{t: r, dim: true}]);
		out.push([]);
		out.push([{t: 'Motivering (visas i briefen):', bold: true}]);
		const {rader, cursorRad, cursorKol} = editorRader(this.ed, Math.max(10, w - 1));
		rader.forEach((r, i) => out.push(i === cursorRad ? medCursor(visible(r), cursorKol) : [{t: visible(r)}]));
		if (this.fel) for (const r of radbryt(this.fel, w)) out.push([{t: r, c: 'red'}]);
		return out;
	}
}

/** w on the tree: the selected goal's warnings that a reason answers and that are not yet answered. */
export function oppnaBesvara(ctx: Ctx): void {
	const goal = ctx.tree.valtMal;
	if (!goal) return;
	const period = ctx.period;
	const perKod = new Map<VarningKod, string[]>();
	for (const v of goalWarnings(ctx.data, ctx.idx, goal.id, period, ctx.asOf)) {
		if (!v.besvarad && REGLER[v.kod].besvaras) perKod.set(v.kod, [...(perKod.get(v.kod) ?? []), v.text]);
	}
	const obesvarade = [...perKod].map(([kod, texter]) => ({kod, texter}));
	if (obesvarade.length === 0) return ctx.say(`${goal.id}: ingen obesvarad varning som besvaras med en motivering`);
	ctx.unlessInlamnad(period, force => ctx.open(new BesvaraMode(ctx, goal.id, period, obesvarade, force)));
}
