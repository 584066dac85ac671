// The analysis of a goal, written over the whole body; Esc with changes asks before discarding.
import {analysMall} from '../../domain/analys.js';
import {type Op, getFollowUp} from '../../domain/ops.js';
import type {Goal, Period} from '../../domain/types.js';
import {type EditorState, editorRader, editorTangent, editorText, nyEditor} from '../editor.js';
import {kommandoFor} from '../keys.js';
import {type Rad, klipp, medCursor, visible} from '../text.js';
import type {Utkast} from '../utkast.js';
import type {Ctx, Mode} from './mode.js';

/** The heading and the hint above the text. */
const HUVUD = 2;

/** The text's width on a screen of `cols` columns: one kept for the cursor at a row's end. */
const textBredd = (cols: number) => Math.max(1, Math.max(20, cols) - 1);

export class EditorMode implements Mode {
	readonly hel = true;
	/** Esc was pressed with changes: "Släng ändringarna?" */
	fraga = false;

	constructor(
		private readonly ctx: Ctx,
		readonly goalId: string,
		readonly period: Period,
		/** The analysis as stored when editing began: the expected value when saving. */
		readonly original: string,
		public ed: EditorState,
		readonly force = false,
	) {}

	get lage() {
		return this.fraga ? ('slang' as const) : ('editor' as const);
	}

	key(t: string): void {
		const ctx = this.ctx;
		if (this.fraga) {
			const id = kommandoFor('slang', t);
			if (id === 'slang') {
				ctx.dropDraft();
				ctx.open();
				ctx.say('Ändringarna slängdes');
			} else if (id === 'spara') this.spara();
			else if (id === 'skrivVidare') this.fraga = false;
			return;
		}
		if (t === 'ctrl-s') return this.spara();
		if (t === 'esc') {
			const text = editorText(this.ed);
			const goal = ctx.idx.goals.get(this.goalId);
			// The goal may have been removed by another process while its analysis was open.
			if (text === this.original || (this.original === '' && goal !== undefined && text === analysMall(goal))) {
				ctx.dropDraft();
				ctx.open();
			} else this.fraga = true;
			return;
		}
		const ed = editorTangent(this.ed, t, {w: textBredd(ctx.cols), h: Math.max(1, ctx.kroppHojd - HUVUD)});
		if (ed === this.ed) return;
		const id = kommandoFor('editor', t);
		if (id === 'tomText') ctx.say('Texten tömdes: C-z ångrar, C-y sätter tillbaka den');
		else if (id === 'angraText') ctx.say('Ångrat i texten');
		this.ed = ed;
		ctx.draftChanged();
	}

	private spara(): void {
		const ctx = this.ctx;
		const text = editorText(this.ed);
		ctx.sparaUtkastNu();
		ctx.open();
		if (text.trim() === '' ? this.original === '' : text === this.original) return ctx.dropDraft();
		ctx.save(
			[analysOp(this.goalId, this.period, text, this.original)],
			() => {
				ctx.dropDraft();
				ctx.say(`${this.goalId}: analysen sparad (${this.period})`);
			},
			this.force,
		);
	}

	utkast(): Utkast | undefined {
		const text = editorText(this.ed);
		if (text !== this.original) return {goalId: this.goalId, period: this.period, original: this.original, text, at: new Date().toISOString()};
	}

	view(w: number, h: number): Rad[] {
		const goal = this.ctx.idx.goals.get(this.goalId);
		const out: Rad[] = [[{t: klipp(`Analys ${this.goalId} (${this.period}): ${visible(goal?.titel ?? '')}`, w), bold: true, c: 'cyan'}]];
		if (this.fraga) out.push([{t: klipp('Släng ändringarna? j = släng, n/Esc = skriv vidare, Ctrl-S = spara', w), c: 'yellow', bold: true}]);
		else out.push([{t: klipp('C-a/C-e radens början/slut · C-u/C-k/C-w raderar · M-b/M-f ord · C-y tillbaka', w), dim: true}]);
		const textW = textBredd(w);
		const {rader, cursorRad, cursorKol} = editorRader(this.ed, textW);
		const synliga = h - out.length;
		const topp = Math.max(0, Math.min(cursorRad - Math.floor(synliga / 2), rader.length - synliga));
		for (let i = topp; i < Math.min(rader.length, topp + synliga); i++) {
			const rad = visible(rader[i]!);
			out.push(i === cursorRad ? medCursor(rad, Math.min(cursorKol, textW - 1)) : [{t: rad}]);
		}
		return out;
	}
}

function analysOp(goalId: string, period: Period, text: string, original: string): Op {
	return {op: 'set', period, entity: 'goal', id: goalId, field: 'analys', value: text.trim() === '' ? undefined : text, expect: original === '' ? undefined : original};
}

function analysNu(ctx: Ctx, goal: Goal, period: Period): {original: string; start: string} {
	const original = (getFollowUp(ctx.data, period, 'goal', goal.id, 'analys') as string | undefined) ?? '';
	return {original, start: original === '' && goal.forvantatResultat.length > 0 ? analysMall(goal) : original};
}

/** a : the analysis of the selected goal, or the report's shape when it has none. */
export function oppnaAnalys(ctx: Ctx): void {
	const goal = ctx.tree.valtMal;
	if (!goal) return;
	const period = ctx.period;
	// Asked before writing, so a "no" never throws away typed text.
	ctx.unlessInlamnad(period, force => {
		const {original, start} = analysNu(ctx, goal, period);
		const ed = nyEditor(start);
		// The cursor starts after "Bedömningen grundas på " when the template is offered.
		if (original === '' && start !== '') ed.row = 0, ed.col = [...ed.lines[0]!].length;
		ctx.open(new EditorMode(ctx, goal.id, period, original, ed, force));
	});
}

/** e : the analysis in $VISUAL/$EDITOR; asked before the editor opens, as for a. */
export function externAnalys(ctx: Ctx): void {
	ctx.unlessInlamnad(ctx.period, async force => {
		const goal = ctx.tree.valtMal;
		if (!goal) return;
		if (!ctx.externEditor) return ctx.say('Ingen extern editor i det här läget', true);
		const period = ctx.period;
		const {original, start} = analysNu(ctx, goal, period);
		const text = await ctx.externEditor(start);
		if (text === undefined || text.replace(/\n$/, '') === start.replace(/\n$/, '')) {
			// say before notify: Ink draws the frame inside notify.
			ctx.say('Analysen oförändrad');
			return ctx.notify();
		}
		ctx.notify();
		ctx.save([analysOp(goal.id, period, text.replace(/\n$/, ''), original)], () => ctx.say(`${goal.id}: analysen sparad (${period})`), force);
		ctx.notify();
	});
}
