// ? : every key of the table, per mode (the same source as the handlers); and the scrolling that
// the help and the summary share.
import {KOMMANDON, type KommandoId, type Lage, kommandoFor} from '../keys.js';
import {type Rad, klipp} from '../text.js';
import type {Ctx, Mode} from './mode.js';

/** Long content over the whole body, moved with the keys of a list. */
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
		const h = this.ctx.kroppHojd;
		const steg: Partial<Record<KommandoId, number>> = {upp: -1, ner: 1, sidaUpp: -h, sidaNer: h, forsta: -Infinity, sista: Infinity};
		if (id === 'tillbaka') this.ctx.open();
		else if (id === 'avsluta') this.ctx.quit();
		else if (id === 'hjalp') this.ctx.open(new HelpMode(this.ctx));
		else if (id && steg[id]) this.topp = Math.max(0, Math.min(this.max(), this.topp + steg[id]));
	}

	view(w: number, h: number): Rad[] {
		const rader = this.rader(w);
		const topp = Math.max(0, Math.min(this.topp, rader.length - h));
		return rader.slice(topp, topp + h);
	}
}

const LAGE_NAMN: Partial<Record<Lage, string>> = {
	tree: 'Trädet',
	lista: 'Indikatorer och aktiviteter',
	editor: 'Analysfältet',
	form: 'Formulär',
	formText: 'Formulär, fält med flera rader',
	fraga: 'Frågor (j/n)',
	search: 'Sök',
	konflikt: 'Konflikt med en annan ändring',
	utkast: 'Osparat utkast vid start',
};

export class HelpMode extends ScrollMode {
	readonly lage = 'help';

	protected rader(w: number): Rad[] {
		const out: Rad[] = [[{t: 'Tangenter (Esc tillbaka, q avslutar)', bold: true, c: 'cyan'}]];
		for (const [lage, namn] of Object.entries(LAGE_NAMN) as Array<[Lage, string]>) {
			out.push([], [{t: namn, bold: true}]);
			for (const k of KOMMANDON.filter(k => k.lagen.includes(lage))) out.push([{t: klipp(`  ${k.visas.padEnd(9)} ${k.text}`, w)}]);
		}
		return out;
	}
}
