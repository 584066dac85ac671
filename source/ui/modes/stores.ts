// o : another unit's store: the recent ones (ui/senaste.ts), then the others in the open store's folder.
import path from 'node:path';
import {kommandoFor} from '../keys.js';
import {type Rad, klipp, visible} from '../text.js';
import type {Ctx, Mode} from './mode.js';

export class StoresMode implements Mode {
	readonly lage = 'stores';
	readonly hel = true;
	index = 0;
	readonly aktuell: string;
	readonly senaste: string[];
	readonly bredvid: string[];

	constructor(private readonly ctx: Ctx) {
		const v = ctx.storeVal();
		this.aktuell = path.resolve(v.aktuell);
		this.senaste = v.senaste.map(p => path.resolve(p)).filter(p => p !== this.aktuell);
		this.bredvid = v.bredvid.map(p => path.resolve(p)).filter(p => p !== this.aktuell && !this.senaste.includes(p));
	}

	get alla(): string[] {
		return [...this.senaste, ...this.bredvid];
	}

	key(t: string): void {
		const id = kommandoFor('stores', t);
		const sista = Math.max(0, this.alla.length - 1);
		if (id === 'tillbaka') this.ctx.open();
		else if (id === 'upp') this.index = Math.max(0, this.index - 1);
		else if (id === 'ner') this.index = Math.min(sista, this.index + 1);
		else if (id === 'forsta') this.index = 0;
		else if (id === 'sista') this.index = sista;
		else if (id === 'valj' && this.alla[this.index]) {
			this.ctx.open();
			this.ctx.bytStore(this.alla[this.index]!);
		}
	}

	view(w: number, h: number): Rad[] {
		const out: Rad[] = [
			[{t: klipp('Öppna en annan store (Enter öppnar, Esc/q stänger)', w), bold: true, c: 'cyan'}],
			[{t: klipp(`Öppen nu: ${visible(this.aktuell)}`, w), dim: true}],
		];
		const lista = (rubrik: string, filer: string[], forsta: number) => {
			out.push([], [{t: rubrik, bold: true}]);
			if (filer.length === 0) out.push([{t: '  (inga)', dim: true}]);
			filer.forEach((f, i) => {
				const vald = forsta + i === this.index;
				out.push([{t: klipp(`${vald ? '▶' : ' '} ${visible(path.basename(f))}  ${visible(path.dirname(f))}`, w), inv: vald}]);
			});
		};
		lista('Senast öppnade', this.senaste, 0);
		lista(`I samma mapp (${visible(path.dirname(this.aktuell))})`, this.bredvid, this.senaste.length);
		// The selected row stays in view in a long folder.
		const vald = out.findIndex(r => r[0]?.inv);
		return vald >= h ? [...out.slice(0, 2), ...out.slice(vald - h + 3, vald + 1)] : out;
	}
}
