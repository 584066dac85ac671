// The goal tree and the detail of the selected goal: moving, opening, setting status, and the keys
// that open every other mode. The tree is flattened once per change, so a keypress only moves an
// index; the detail pane is built once per change of what it shows.
import {type StoreIndex, ancestors, goalWarnings, relatedActivities, relatedIndicators, suggestStatus} from '../../domain/bedomning.js';
import {goalDetail} from '../../domain/detail.js';
import {inlamnadOp, removeOps} from '../../domain/plan.js';
import {ENTITY_NAMN, type Entity, findEntity, getFollowUp} from '../../domain/ops.js';
import {buildSummary} from '../../domain/summary.js';
import {type Goal, NIVA_NAMN, type Period, STATUS_NAMN, type Status, type StoreData} from '../../domain/types.js';
import {type KommandoId, kommandoFor} from '../keys.js';
import {type Rad, klipp, visible} from '../text.js';
import {detaljRader} from '../views/detail.js';
import {tradBredd} from '../views/tree.js';
import {oppnaBesvara} from './besvara.js';
import {externAnalys, oppnaAnalys} from './editor.js';
import {oppnaAndra, oppnaNy, oppnaUppfoljning} from './form.js';
import {HelpMode} from './help.js';
import type {Ctx, Mode} from './mode.js';
import {PeriodMode} from './period.js';
import {SearchMode, hoppa} from './search.js';
import {StoresMode} from './stores.js';
import {SummaryMode} from './summary.js';

type Fokus = 'tree' | 'indicators' | 'activities';

interface TradRad {
	goal: Goal;
	djup: number;
	harBarn: boolean;
	oppen: boolean;
}

/** Rows in display order. With `behall`, only those goals are shown and all of them open. */
function synligaRader(idx: StoreIndex, oppna: ReadonlySet<string>, behall?: ReadonlySet<string>): TradRad[] {
	const out: TradRad[] = [];
	const stack: Array<{goal: Goal; djup: number}> = [];
	const barn = (id: string) => (idx.children.get(id) ?? []).filter(g => !behall || behall.has(g.id));
	const roots = barn('');
	for (let i = roots.length - 1; i >= 0; i--) stack.push({goal: roots[i]!, djup: 0});
	while (stack.length > 0) {
		const {goal, djup} = stack.pop()!;
		const kids = barn(goal.id);
		const oppen = kids.length > 0 && (behall !== undefined || oppna.has(goal.id));
		out.push({goal, djup, harBarn: kids.length > 0, oppen});
		if (oppen) for (let i = kids.length - 1; i >= 0; i--) stack.push({goal: kids[i]!, djup: djup + 1});
	}
	return out;
}

/** Ids of the goal and every goal above it. */
export function medForaldrar(idx: StoreIndex, id: string): string[] {
	return idx.goals.has(id) ? [id, ...ancestors(idx, id).map(g => g.id)] : [];
}

const STATUS_TANGENT: Partial<Record<KommandoId, Status | null>> = {helt: 'helt', delvis: 'delvis', inte: 'inte', ingaData: 'inga-data', rensa: null};

const SMA_STORE = 100;

/** Memoises `f` on the identity of its arguments: built once per change, not per frame. */
function memo<A extends unknown[], R>(f: (...a: A) => R): (...a: A) => R {
	let fore: A | undefined;
	let r!: R;
	return (...a: A) => {
		if (!fore || a.some((x, i) => x !== fore![i])) {
			r = f(...a);
			fore = a;
		}
		return r;
	};
}

export class TreeMode implements Mode {
	oppna = new Set<string>();
	markerad: string;
	tradTopp = 0;
	fokus: Fokus = 'tree';
	listIndex = 0;
	detaljTopp = 0;
	filter = false;
	/** Goals the checklist names while the filter is on (without the goals above them). */
	filterAntal = 0;
	/** The last search, for n and N. */
	sokord = '';
	synliga: readonly TradRad[] = [];
	private behall?: Set<string>;
	/** Per goal: does the tree hint at it? Anew for each data, period and date. */
	private readonly tipsCache = memo((_data: StoreData, _period: Period, _asOf: string) => new Map<string, boolean>());

	constructor(private readonly ctx: Ctx) {
		const {data, idx} = ctx;
		// A small store opens fully on the first goal the store assesses: fewest keys to work.
		const roots = idx.children.get('') ?? [];
		const sma = data.goals.length <= SMA_STORE;
		for (const g of sma ? data.goals : roots) this.oppna.add(g.id);
		this.markerad = (sma && data.goals.find(g => data.bedomdaNivaer.includes(g.niva))?.id) || (roots[0]?.id ?? '');
		this.bygg();
	}

	get lage() {
		return this.fokus === 'tree' ? ('tree' as const) : ('lista' as const);
	}

	get valtMal(): Goal | undefined {
		return this.ctx.idx.goals.get(this.markerad);
	}

	get cursor(): number {
		return Math.max(0, this.synliga.findIndex(r => r.goal.id === this.markerad));
	}

	/** The indicators and activities shown with the selected goal, its own and those above it. */
	relaterade() {
		return {indikatorer: relatedIndicators(this.ctx.idx, this.markerad), aktiviteter: relatedActivities(this.ctx.idx, this.markerad)};
	}

	/** The selected indicator or activity when the list has focus. */
	valdRad(): {entity: 'indicator' | 'activity'; id: string} | undefined {
		if (this.fokus === 'tree') return undefined;
		const {indikatorer, aktiviteter} = this.relaterade();
		const rad = (this.fokus === 'indicators' ? indikatorer : aktiviteter)[this.listIndex];
		return rad && {entity: this.fokus === 'indicators' ? 'indicator' : 'activity', id: rad.id};
	}

	/** True when the rules warn about the goal or suggest another status than the chef's. */
	harTips(g: Goal): boolean {
		const {data, idx, period, asOf} = this.ctx;
		const cache = this.tipsCache(data, period, asOf);
		let tips = cache.get(g.id);
		if (tips === undefined) {
			tips = false;
			if (data.bedomdaNivaer.includes(g.niva) && period !== 'VP') {
				const f = suggestStatus(data, idx, g.id, period, asOf);
				tips = goalWarnings(data, idx, g.id, period, asOf).length > 0 || (f.status !== undefined && f.status !== getFollowUp(data, period, 'goal', g.id, 'status'));
			}
			cache.set(g.id, tips);
		}
		return tips;
	}

	private readonly detaljer = memo((data: StoreData, goal: Goal | undefined, period: Period, asOf: string, fokus: Fokus, listIndex: number, w: number) =>
		detaljRader(goal && goalDetail(data, this.ctx.idx, goal, period, asOf), {fokus, listIndex, organisation: data.organisation.namn}, w),
	);

	private detalj(w: number) {
		const {data, period, asOf} = this.ctx;
		return this.detaljer(data, this.valtMal, period, asOf, this.fokus, this.listIndex, w);
	}

	private get detaljBredd(): number {
		const w = Math.max(20, this.ctx.cols);
		return w - tradBredd(w) - 1;
	}

	/** Keeps the cursor in the tree's window and the selected indicator or activity in the detail's. */
	synka(): void {
		const h = this.ctx.kroppHojd;
		const c = this.cursor;
		if (c < this.tradTopp) this.tradTopp = c;
		else if (c >= this.tradTopp + h) this.tradTopp = c - h + 1;
		this.tradTopp = Math.max(0, Math.min(this.tradTopp, Math.max(0, this.synliga.length - h)));
		const {rader, ankare} = this.detalj(this.detaljBredd);
		if (ankare !== undefined && (ankare < this.detaljTopp || ankare + 4 > this.detaljTopp + h)) this.detaljTopp = Math.max(0, ankare - 2);
		this.detaljTopp = Math.max(0, Math.min(this.detaljTopp, rader.length - h));
	}

	/** The detail pane: the window at detaljTopp, with a "more below" row. */
	view(w: number, h: number): Rad[] {
		const {rader} = this.detalj(w);
		const topp = Math.max(0, Math.min(this.detaljTopp, rader.length - h));
		const hoger = rader.slice(topp, topp + h);
		if (rader.length > h && topp + h < rader.length) hoger[h - 1] = [{t: klipp(`↓ mer (C-d)  ${topp + h}/${rader.length}`, w), dim: true}];
		return hoger;
	}

	private bygg(): void {
		this.synliga = synligaRader(this.ctx.idx, this.oppna, this.filter ? this.behall : undefined);
		if (!this.synliga.some(r => r.goal.id === this.markerad)) this.markerad = this.synliga[0]?.goal.id ?? '';
	}

	/** The data changed (a save, a reload): the cursor stays, or goes to the nearest goal above that is still there. */
	dataChanged(fore: StoreIndex): void {
		const idx = this.ctx.idx;
		if (this.filter) this.behall = this.attGora();
		this.markerad = medForaldrar(fore, this.markerad).find(id => idx.goals.has(id)) ?? idx.children.get('')?.[0]?.id ?? '';
		const {indikatorer, aktiviteter} = this.relaterade();
		const lista = this.fokus === 'indicators' ? indikatorer : this.fokus === 'activities' ? aktiviteter : undefined;
		if (lista?.length === 0) this.fokus = 'tree';
		else if (lista) this.listIndex = Math.min(this.listIndex, lista.length - 1);
		this.bygg();
	}

	periodChanged(): void {
		if (!this.filter) return;
		this.behall = this.attGora();
		this.bygg();
	}

	/** What "Klart för inlämning?" lists as missing, as the goals it is on (an indicator's or
	 * activity's own goal; a warning as goal/ref), and the goals above them for context. */
	private attGora(): Set<string> {
		const {data, idx, period, asOf} = this.ctx;
		const s = buildSummary(data, {period, asOf});
		const malFor = new Map<string, string>([...data.indicators, ...data.activities].map(x => [x.id, x.malId]));
		const ids = new Set<string>();
		const listade = new Set<string>();
		for (const punkt of s.checklist.punkter) {
			for (const saknas of punkt.saknas) {
				const forst = saknas.split('/')[0]!;
				const goalId = idx.goals.has(forst) ? forst : malFor.get(forst);
				if (!goalId) continue;
				listade.add(goalId);
				for (const x of medForaldrar(idx, goalId)) ids.add(x);
			}
		}
		this.filterAntal = listade.size;
		return ids;
	}

	/** Goes to a goal, opening the goals above it; leaves the filter when it hides the goal. */
	ga(id: string): void {
		for (const x of medForaldrar(this.ctx.idx, id).slice(1)) this.oppna.add(x);
		if (this.behall && !this.behall.has(id)) {
			this.filter = false;
			this.behall = undefined;
		}
		this.markerad = id;
		this.detaljTopp = 0;
		// A hit is a goal: the keys and the hint row go with it to the tree.
		this.fokus = 'tree';
		this.listIndex = 0;
		this.bygg();
	}

	/** After an item was added: a goal is selected in the tree, a row in its list. */
	visaNy(entity: Entity, parentId: string, id: string): void {
		if (entity === 'goal') {
			this.oppna.add(parentId);
			this.markerad = id;
			this.fokus = 'tree';
			return this.bygg();
		}
		this.fokus = entity === 'indicator' ? 'indicators' : 'activities';
		const {indikatorer, aktiviteter} = this.relaterade();
		this.listIndex = Math.max(0, (entity === 'indicator' ? indikatorer : aktiviteter).findIndex(x => x.id === id));
	}

	private flytta(till: number): void {
		const r = this.synliga[Math.max(0, Math.min(this.synliga.length - 1, till))];
		if (r && r.goal.id !== this.markerad) {
			this.markerad = r.goal.id;
			this.detaljTopp = 0;
			this.listIndex = 0;
		}
	}

	key(t: string): void {
		const id = kommandoFor(this.lage, t);
		if (!id) return;
		const ctx = this.ctx;
		ctx.meddelande = undefined;
		const h = ctx.kroppHojd;
		const {indikatorer, aktiviteter} = this.relaterade();
		const lista = this.fokus === 'indicators' ? indikatorer : this.fokus === 'activities' ? aktiviteter : undefined;
		if (lista && (id === 'upp' || id === 'ner' || id === 'forsta' || id === 'sista')) {
			const max = lista.length - 1;
			this.listIndex = Math.max(0, Math.min(max, id === 'upp' ? this.listIndex - 1 : id === 'ner' ? this.listIndex + 1 : id === 'forsta' ? 0 : max));
			return;
		}
		const r = this.synliga[this.cursor];
		switch (id) {
			case 'upp':
			case 'ner':
			case 'sidaUpp':
			case 'sidaNer':
				return this.flytta(this.cursor + {upp: -1, ner: 1, sidaUpp: -h, sidaNer: h}[id]);
			case 'forsta':
				return this.flytta(0);
			case 'sista':
				return this.flytta(this.synliga.length - 1);
			case 'oppna':
				if (!r?.harBarn) return;
				if (!r.oppen && !this.filter) {
					this.oppna.add(r.goal.id);
					return this.bygg();
				}
				return this.flytta(this.cursor + 1);
			case 'stang':
				if (r?.oppen && !this.filter) this.oppna.delete(r.goal.id);
				else if (r?.goal.parentId) this.markerad = r.goal.parentId;
				return this.bygg();
			case 'oppnaAlla': {
				const alla = ctx.data.goals.filter(g => ctx.idx.children.has(g.id));
				const stang = alla.every(g => this.oppna.has(g.id));
				this.oppna = new Set(stang ? [] : alla.map(g => g.id));
				if (stang) this.markerad = medForaldrar(ctx.idx, this.markerad).at(-1) ?? this.markerad;
				return this.bygg();
			}
			case 'detaljNer':
				this.detaljTopp += Math.floor(h / 2);
				return;
			case 'detaljUpp':
				this.detaljTopp = Math.max(0, this.detaljTopp - Math.floor(h / 2));
				return;
			case 'helt':
			case 'delvis':
			case 'inte':
			case 'ingaData':
			case 'rensa':
				return this.sattStatus(STATUS_TANGENT[id] ?? undefined);
			case 'fokus': {
				const ordning: Fokus[] = ['tree', ...(indikatorer.length ? (['indicators'] as const) : []), ...(aktiviteter.length ? (['activities'] as const) : [])];
				this.fokus = ordning[(ordning.indexOf(this.fokus) + 1) % ordning.length]!;
				this.listIndex = 0;
				return;
			}
			case 'tillbaka':
				this.fokus = 'tree';
				return;
			case 'filter':
				this.filter = !this.filter;
				this.behall = this.filter ? this.attGora() : undefined;
				this.bygg();
				return ctx.say(this.filter ? `Filter: ${this.filterAntal} mål med något checklistan saknar, och målen ovanför (f visar alla)` : 'Visar alla mål');
			case 'nasta':
			case 'foregaende':
				return hoppa(ctx, id === 'nasta' ? 1 : -1);
			case 'tabort':
				return this.tabort();
			case 'granska':
				return this.granska();
			case 'inlamna':
				return this.inlamna();
			default: {
				const oppna: Partial<Record<KommandoId, () => void>> = {
					analys: () => oppnaAnalys(ctx),
					extern: () => externAnalys(ctx),
					redigera: () => oppnaUppfoljning(ctx),
					ny: () => oppnaNy(ctx),
					andra: () => oppnaAndra(ctx),
					period: () => ctx.open(new PeriodMode(ctx)),
					sok: () => ctx.open(new SearchMode(ctx)),
					summering: () => ctx.open(new SummaryMode(ctx)),
					hjalp: () => ctx.open(new HelpMode(ctx, this.lage)),
					oppnaStore: () => ctx.open(new StoresMode(ctx)),
					kopiera: () => this.kopiera(),
					besvara: () => oppnaBesvara(ctx),
					angra: () => ctx.undo(),
					avsluta: () => ctx.quit(),
				};
				oppna[id]?.();
			}
		}
	}

	/** y : the analysis of the selected row, or of the selected goal, for the period on screen. */
	private kopiera(): void {
		const ctx = this.ctx;
		const rad = this.valdRad() ?? (this.valtMal && {entity: 'goal' as const, id: this.valtMal.id});
		if (!rad) return;
		const analys = getFollowUp(ctx.data, ctx.period, rad.entity, rad.id, 'analys');
		ctx.kopiera(typeof analys === 'string' ? analys : '', `analysen för ${rad.id} (${ctx.period})`);
	}

	private sattStatus(status: Status | undefined): void {
		const {ctx, valtMal: goal} = this;
		if (!goal) return;
		if (ctx.period === 'VP') return ctx.say('VP är en plan och får ingen status; byt period med p', true);
		if (!ctx.data.bedomdaNivaer.includes(goal.niva)) return ctx.say(`${goal.id}: den här nivån bedöms inte av ${ctx.data.organisation.namn}`, true);
		const nu = getFollowUp(ctx.data, ctx.period, 'goal', goal.id, 'status') as Status | undefined;
		if (nu === status) return;
		const period = ctx.period;
		ctx.save([{op: 'set', period, entity: 'goal', id: goal.id, field: 'status', value: status, expect: nu}], () =>
			ctx.say(`${goal.id}: ${status ? STATUS_NAMN[status] : 'ej bedömd'} (${period})`),
		);
	}

	/** d : removes the selected row, or the selected goal with its own rows, after a yes. */
	private tabort(): void {
		const ctx = this.ctx;
		const rad = this.valdRad() ?? (this.valtMal && {entity: 'goal' as const, id: this.valtMal.id});
		const item = rad && findEntity(ctx.data, rad.entity, rad.id);
		if (!rad || !item) return;
		let fraga = `Ta bort ${ENTITY_NAMN[rad.entity]}en ${rad.id} "${visible('namn' in item ? item.namn : 'text' in item ? item.text : '')}"`;
		if ('niva' in item) {
			if (ctx.idx.children.get(item.id)?.length) return ctx.say(`${item.id}: målet har undermål; ta bort dem först`, true);
			const egna = [...ctx.data.indicators, ...ctx.data.activities].filter(x => x.malId === item.id).length;
			fraga = `Ta bort ${NIVA_NAMN[item.niva].toLowerCase()} ${item.id} "${visible(item.titel)}"${egna ? ` med ${egna} egna indikatorer och aktiviteter` : ''}`;
		}
		ctx.ask(`${fraga}? Uppföljningen följer med; u ångrar. (j/n)`, () =>
			ctx.write(data => removeOps(data, rad.entity, rad.id), {ok: () => ctx.say(`Tog bort ${rad.id} (u ångrar)`)}),
		);
	}

	/** c : the chef has read what was carried over and confirms it. */
	private granska(): void {
		const ctx = this.ctx;
		const rad = this.valdRad() ?? (this.valtMal && {entity: 'goal' as const, id: this.valtMal.id});
		if (!rad) return;
		const period = ctx.period;
		if (!getFollowUp(ctx.data, period, rad.entity, rad.id, 'ejGranskad')) return ctx.say(`${rad.id}: inget att bekräfta i ${period}`);
		ctx.write([{op: 'set', period, entity: rad.entity, id: rad.id, field: 'ejGranskad', value: undefined, expect: true}], {granska: false, ok: () => ctx.say(`${rad.id}: granskad (${period})`)});
	}

	/** i : marks the period inlämnad, or opens it again. */
	private inlamna(): void {
		const ctx = this.ctx;
		const period = ctx.period;
		const inl = ctx.data.inlamnad?.[period];
		ctx.ask(inl ? `${period} är inlämnad (${inl.at.slice(0, 10)} av ${inl.av}). Öppna ${period} igen? (j/n)` : `Markera ${period} som inlämnad? Senare ändringar i ${period} frågar först. (j/n)`, () =>
			ctx.write(data => [inlamnadOp(data, period, inl ? undefined : ctx.author)], {ok: () => ctx.say(inl ? `${period} är öppnad igen` : `${period} är markerad inlämnad`)}),
		);
	}
}
