// p : the periods of the year; choosing one not started yet starts it from the previous one, or empty.
import type {Op} from '../../domain/ops.js';
import {carryForwardOps, forraPeriod, harUppfoljning} from '../../domain/plan.js';
import {PERIODER, PERIOD_NAMN} from '../../domain/types.js';
import {kommandoFor} from '../keys.js';
import {type Rad, klipp} from '../text.js';
import type {Ctx, Mode} from './mode.js';

export class PeriodMode implements Mode {
	readonly lage = 'period';
	index: number;

	constructor(private readonly ctx: Ctx) {
		this.index = PERIODER.indexOf(ctx.period);
	}

	key(t: string): void {
		const id = kommandoFor('period', t);
		const sista = PERIODER.length - 1;
		if (id === 'tillbaka') this.ctx.open();
		else if (id === 'upp') this.index = Math.max(0, this.index - 1);
		else if (id === 'ner') this.index = Math.min(sista, this.index + 1);
		else if (id === 'forsta') this.index = 0;
		else if (id === 'sista') this.index = sista;
		else if (id === 'valj') this.valj();
	}

	private valj(): void {
		const ctx = this.ctx;
		const till = PERIODER[this.index]!;
		const fran = forraPeriod(till);
		ctx.open();
		if (till === ctx.data.period || !fran || harUppfoljning(ctx.data, till) || !harUppfoljning(ctx.data, fran)) return ctx.setPeriod(till);
		// A period not started yet: start it from the previous one, or empty; either way the file follows it up now.
		const starta = (ops: Op[]) =>
			ctx.write([{op: 'meta', field: 'period', value: till, expect: ctx.data.period}, ...ops], {
				granska: false,
				ok: changes => {
					ctx.setPeriod(till);
					const antal = new Set(changes.filter(c => c.field === 'ejGranskad').map(c => c.id)).size;
					ctx.say(antal ? `${till} startad från ${fran}: ${antal} bedömningar och texter överförda, markerade * ej granskad (c bekräftar)` : `${till} startad tom`);
				},
			});
		ctx.ask(
			`${till} är inte påbörjad. Starta ${till} från ${fran}? Status och analyser förs över, markerade ej granskad. (j/n, Esc avbryter)`,
			() => starta(carryForwardOps(ctx.data, fran, till)),
			() => starta([]),
		);
	}

	view(w: number): Rad[] {
		const data = this.ctx.data;
		const out: Rad[] = [[{t: 'Välj period (Enter väljer, Esc tillbaka)', bold: true, c: 'cyan'}], []];
		PERIODER.forEach((p, i) => {
			const inl = data.inlamnad?.[p];
			const tillstand = inl ? `inlämnad ${inl.at.slice(0, 10)}` : harUppfoljning(data, p) ? 'påbörjad' : 'ej påbörjad';
			const text = `${i === this.index ? '▶' : ' '} ${p}  ${PERIOD_NAMN[p]} · ${tillstand}${p === data.period ? ' (filens)' : ''}`;
			out.push([{t: klipp(text, w), inv: i === this.index}]);
		});
		return out;
	}
}
