// A question over the right pane, answered with one key: yes/no, which of two conflicting changes
// to keep, or what to do with a draft left from last time.
import {type Op, getFollowUp, namedOp} from '../../domain/ops.js';
import {fieldLabel} from '../../domain/fields.js';
import {describeValue} from '../../report/describe.js';
import {type KommandoId, kommandoFor} from '../keys.js';
import {NY_NAMN} from '../plan.js';
import {type Rad, radbryt} from '../text.js';
import type {Utkast} from '../utkast.js';
import {nyEditor} from '../editor.js';
import {EditorMode} from './editor.js';
import {formFranUtkast} from './form.js';
import type {Ctx, Mode} from './mode.js';

/** A paragraph, wrapped to the pane; `max` rows at most. */
type Stycke = [text: string, stil?: Omit<Rad[number], 't'>, max?: number];

export class QuestionMode implements Mode {
	constructor(
		private readonly ctx: Ctx,
		readonly lage: 'fraga' | 'konflikt' | 'utkast',
		/** What each answer does; any other command of the mode (Esc) only closes. */
		private readonly svar: Partial<Record<KommandoId, () => void>>,
		/** Paragraphs; an empty one is a blank row. */
		private readonly text: Stycke[],
	) {}

	key(t: string): void {
		const id = kommandoFor(this.lage, t);
		if (!id) return;
		this.ctx.open();
		this.svar[id]?.();
	}

	view(w: number): Rad[] {
		return this.text.flatMap(([t, stil, max]) => (t === '' ? [[]] : radbryt(t, w).slice(0, max).map(r => [{t: r, ...stil}])));
	}
}

export function fraga(ctx: Ctx, text: string, ja: () => void, nej?: () => void): QuestionMode {
	return new QuestionMode(ctx, 'fraga', {ja, nej}, [[text, {c: 'yellow', bold: true}], [''], [nej ? 'j = ja, n = nej, Esc = avbryt' : 'j = ja, n/Esc = nej', {dim: true}]]);
}

/** Opens the conflict question for the first op whose expected value no longer holds. */
export function fragaKonflikt(ctx: Ctx, ops: Op[], efter?: () => void, force?: boolean): void {
	const index = ops.findIndex(op => op.op === 'set' && JSON.stringify(op.expect ?? null) !== JSON.stringify(getFollowUp(ctx.data, op.period, op.entity, op.id, op.field) ?? null));
	if (index < 0) return ctx.write(ops, {ok: () => efter?.(), force});
	const op = ops[index] as Extract<Op, {op: 'set'}>;
	const deras = getFollowUp(ctx.data, op.period, op.entity, op.id, op.field);
	const falt = `${op.id} ${fieldLabel(op.entity, 'followUp', op.field).toLowerCase()}`;
	const svar = {
		// Keep theirs: drop this op, go on with the rest.
		behallDeras: () => {
			const rest = ops.filter((_, i) => i !== index);
			if (rest.length > 0) fragaKonflikt(ctx, rest, efter, force);
			else ctx.say(`${falt}: behöll den andra ändringen`);
		},
		behallMitt: () => fragaKonflikt(ctx, ops.map((o, i) => (i === index ? namedOp({...op, expect: deras}) : o)), efter, force),
		tillbaka: () => {
			// Back to writing, on top of the other version: the text stays, nothing is saved yet.
			if (op.entity === 'goal' && op.field === 'analys') ctx.open(new EditorMode(ctx, op.id, op.period, typeof deras === 'string' ? deras : '', nyEditor(typeof op.value === 'string' ? op.value : ''), force));
			else ctx.say(`${falt}: inte sparat, den andra ändringen ligger kvar`, true);
		},
	};
	ctx.open(
		new QuestionMode(ctx, 'konflikt', svar, [
			[`Konflikt: ${falt} ändrades av någon annan medan du arbetade.`, {c: 'yellow', bold: true}],
			[''],
			[`1  Behåll deras: ${describeValue(deras, 200)}`],
			[''],
			[`2  Använd ditt: ${describeValue(op.value, 200)}`],
			[''],
			['Välj 1 eller 2. Inget sparas förrän du valt.', {dim: true}],
		]),
	);
}

/** At start: a draft left by Ctrl-C, a signal or a crash is offered back. */
export function erbjudUtkast(ctx: Ctx, u: Utkast, fil: {tagen(): void; slangd(): void}): void {
	const svar = {
		tillUtkast: () => {
			fil.tagen();
			ctx.tree.ga(u.goalId);
			ctx.setPeriod(u.period, true);
			if (u.form) return formFranUtkast(ctx, u.form, u.period);
			ctx.open(new EditorMode(ctx, u.goalId, u.period, u.original, nyEditor(u.text)));
		},
		slangUtkast: () => {
			fil.slangd();
			ctx.say('Utkastet slängdes');
		},
		senare: () => ctx.say('Utkastet finns kvar till nästa start'),
	};
	const vad = u.form ? `formuläret ${u.form.slag === 'ny' ? `${NY_NAMN[u.form.entity].toLowerCase()} under` : 'för'} ${u.form.id}` : `analysen för ${u.goalId}`;
	ctx.open(
		new QuestionMode(ctx, 'utkast', svar, [
			[`Ett osparat utkast till ${vad} (${u.period}) finns kvar${u.at ? ` från ${u.at.slice(0, 16).replace('T', ' ')}` : ''}:`, {c: 'yellow', bold: true}],
			[''],
			[u.text, {dim: true}, 6],
			[''],
			['Med Esc finns utkastet kvar till nästa start.', {dim: true}],
		]),
	);
}
