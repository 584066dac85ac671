// ? : the keys of the table, grouped, the open mode's group first (the same source as the handlers
// and the hint row); and the scrolling that the help and the summary share.
import {type KommandoId, type Lage, OVERALLT, TECKEN, hjalpGrupper, kommandoFor} from '../keys.js';
import {type Rad, klipp, radBredd, radbryt} from '../text.js';
import type {Ctx, Mode} from './mode.js';

/** Long content over the whole body, moved with the keys of a list; Esc and q close it. */
export abstract class ScrollMode implements Mode {
	readonly hel = true;
	topp = 0;
	abstract readonly lage: 'help' | 'summary';

	constructor(protected readonly ctx: Ctx) {}

	protected abstract rader(w: number): Rad[];

	private max(): number {
		return Math.max(0, this.rader(Math.max(20, this.ctx.cols)).length - this.ctx.kroppHojd);
	}

	key(t: string): void {
		const id = kommandoFor(this.lage, t);
		if (id) this.ctx.meddelande = undefined;
		const h = this.ctx.kroppHojd;
		const steg: Partial<Record<KommandoId, number>> = {upp: -1, ner: 1, sidaUpp: -h, sidaNer: h, forsta: -Infinity, sista: Infinity};
		if (id === 'tillbaka') this.ctx.open();
		else if (id === 'hjalp') this.ctx.open(new HelpMode(this.ctx, this.lage));
		else if (id && steg[id]) this.topp = Math.max(0, Math.min(this.max(), this.topp + steg[id]));
		else if (id) this.kommando(id);
	}

	/** A command of the mode's own (y in the summary). */
	protected kommando(_id: KommandoId): void {}

	view(w: number, h: number): Rad[] {
		const rader = this.rader(w);
		const topp = Math.max(0, Math.min(this.topp, rader.length - h));
		return rader.slice(topp, topp + h);
	}

	/** Where the window is: "rad 12–35 av 80". */
	rad(w: number): Rad {
		const ctx = this.ctx;
		if (ctx.meddelande) return [{t: klipp(ctx.meddelande.text, w), c: ctx.meddelande.fel ? 'red' : 'green', bold: ctx.meddelande.fel}];
		const h = ctx.kroppHojd;
		const antal = this.rader(Math.max(20, ctx.cols)).length;
		const topp = Math.max(0, Math.min(this.topp, antal - h));
		const slut = Math.min(antal, topp + h);
		return [{t: klipp(`rad ${topp + 1}–${slut} av ${antal}${slut < antal ? ' · Space sida ner' : ''}`, w), dim: true}];
	}
}

/** Two columns from this width on: an 80-column terminal gets them. */
const TVA_SPALTER = 76;

export class HelpMode extends ScrollMode {
	readonly lage = 'help';

	/** `fran`: the mode help was opened from, whose keys come first. */
	constructor(
		ctx: Ctx,
		private readonly fran: Lage = 'tree',
	) {
		super(ctx);
	}

	protected rader(w: number): Rad[] {
		const out: Rad[] = [[{t: klipp('Tangenter · Esc/q stänger', w), bold: true, c: 'cyan'}]];
		// The legend flows over as few rows as the width allows.
		for (const r of radbryt(TECKEN.map(([t, b]) => `${t}\u00a0${b.replaceAll(' ', '\u00a0')}`).join('   '), w)) out.push([{t: r.replaceAll('\u00a0', ' ')}]);
		out.push([{t: klipp(`${OVERALLT.visas} ${OVERALLT.text}`, w), dim: true}]);
		const kol = w >= TVA_SPALTER ? Math.floor((w - 2) / 2) : w;
		const grupper = hjalpGrupper(this.fran).map((g): Rad[] => [
			[],
			[{t: klipp(g.namn, kol), bold: true}],
			...g.kommandon.map(k => [{t: klipp(`  ${k.visas.padEnd(7)} ${k.text}`, kol)}]),
		]);
		const block = grupper.flat();
		if (kol === w) return [...out, ...block];
		// Two columns: whole groups, the left column ending at the group boundary nearest half the rows.
		let delning = 0;
		for (let n = 0, i = 0; i < grupper.length; i++) {
			n += grupper[i]!.length;
			if (Math.abs(n - block.length / 2) < Math.abs(delning - block.length / 2)) delning = n;
		}
		const vanster = block.slice(0, delning);
		const hoger = block.slice(delning);
		for (let r = 0; r < Math.max(vanster.length, hoger.length); r++) {
			const l = vanster[r] ?? [];
			out.push([...l, {t: ' '.repeat(Math.max(0, kol + 2 - radBredd(l)))}, ...(hoger[r] ?? [])]);
		}
		return out;
	}
}
