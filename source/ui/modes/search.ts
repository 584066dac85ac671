// / : the goals whose id or title holds what is typed; Enter goes to the first hit after the cursor.
import type {Goal, StoreData} from '../../domain/types.js';
import {arText, kommandoFor} from '../keys.js';
import {type Rad, klipp, visible} from '../text.js';
import type {Ctx, Mode} from './mode.js';

/** Goals whose id or title contains the search words, in tree order. */
export function traffar(data: StoreData, fraga: string): Goal[] {
	const q = fraga.trim().toLowerCase();
	if (q === '') return [];
	return data.goals.filter(g => g.id.startsWith(q) || g.titel.toLowerCase().includes(q));
}

/** n and N: the next hit after the cursor (or before it), wrapping around, as in vim. */
export function hoppa(ctx: Ctx, steg: number): void {
	const {data, tree} = ctx;
	const hits = traffar(data, tree.sokord);
	if (hits.length === 0) return ctx.say(tree.sokord ? `Ingen träff på "${tree.sokord}"` : 'Sök först med /', true);
	const ordning = new Map(data.goals.map((g, i) => [g.id, i]));
	const har = ordning.get(tree.markerad) ?? -1;
	const sorted = hits.map(g => ordning.get(g.id)!);
	const mal = steg > 0 ? (sorted.find(i => i > har) ?? sorted[0]!) : ([...sorted].reverse().find(i => i < har) ?? sorted.at(-1)!);
	tree.ga(data.goals[mal]!.id);
	ctx.say(`Träff ${sorted.indexOf(mal) + 1} av ${sorted.length} på "${tree.sokord}" (n/N)`);
}

export class SearchMode implements Mode {
	readonly lage = 'search';
	fraga = '';

	constructor(private readonly ctx: Ctx) {}

	key(t: string): void {
		const id = kommandoFor('search', t);
		if (id === 'tillbaka') return this.ctx.open();
		if (id === 'valj') {
			this.ctx.tree.sokord = this.fraga;
			this.ctx.open();
			return hoppa(this.ctx, 1);
		}
		if (t === 'backspace') this.fraga = [...this.fraga].slice(0, -1).join('');
		else if (arText(t)) this.fraga += t;
	}

	/** The detail of the selected goal stays beside the tree while typing. */
	view(w: number, h: number): Rad[] {
		return this.ctx.tree.view(w, h);
	}

	rad(w: number): Rad {
		return [{t: '/', bold: true}, {t: klipp(visible(this.fraga), w - 20)}, {t: ' ', inv: true}, {t: `  ${antalTraffar(traffar(this.ctx.data, this.fraga).length)}`, dim: true}];
	}
}

const antalTraffar = (n: number) => `${n} ${n === 1 ? 'träff' : 'träffar'}`;
