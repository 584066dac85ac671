// The TUI's state and its input router. Keys are applied here to the current state, never to
// the last rendered frame, so a burst of typing arrives complete; React only draws snapshots.
import {periodSlut, parseDatum} from '../domain/datum.js';
import {type StoreIndex, goalWarnings, indexStore, relatedActivities, relatedIndicators, suggestStatus} from '../domain/bedomning.js';
import {type Change, type Entity, type Op, findEntity, getFollowUp, invertChange, namedOp} from '../domain/ops.js';
import {carryForwardOps, forraPeriod, harUppfoljning, medGranskning} from '../domain/plan.js';
import {analysMall} from '../domain/analys.js';
import {parseInmatning} from '../domain/tal.js';
import {buildSummary} from '../domain/summary.js';
import {
	type Goal,
	NIVA_NAMN,
	type Period,
	type Status,
	type StoreData,
	type Varde,
	PERIODER,
	STATUS_NAMN,
	TILLSTAND,
	TILLSTAND_NAMN,
} from '../domain/types.js';
import {ConflictError, MalkollError} from '../errors.js';
import {type EditorState, editorTangent, editorText, nyEditor} from './editor.js';
import {type KommandoId, type Lage, arText, kommandoFor, parseTangenter} from './keys.js';
import {ENTITY_NAMN, NY_NAMN, andraOps, lasForm, nyOp, nyaTyper, planFalt, typFalt} from './plan.js';
import {type TradRad, medForaldrar, synligaRader} from './tree.js';
import {type FormUtkast, type Utkast, lasUtkast, skrivUtkast, tabortUtkast} from './utkast.js';
import {visible} from './text.js';
import {defaultAuthor} from '../store/history.js';

/** Ops, or the ops worked out from the store as read under its lock (a new item's id). */
export type Ops = Op[] | ((current: StoreData) => Op[]);

/** What the TUI needs of the store layer; run.tsx binds it to one file. */
export interface UiStore {
	/** `force` allows changing a period marked inlämnad. */
	apply(ops: Ops, opts?: {force?: boolean}): Promise<{data: StoreData; changes: Change[]}>;
	reload(): Promise<StoreData>;
	/** Calls back when another process changes the file; returns stop(). */
	watch?(onChange: () => void): () => void;
}

export type Fokus = 'tree' | 'indicators' | 'activities';

export interface FormFalt {
	field: string;
	etikett: string;
	/** What the chef types, or for a choice the chosen key. */
	ed: EditorState;
	/** The stored value the form was opened with: the `expect` of the op. */
	original: unknown;
	val?: readonly string[];
	/** How each choice is shown (else the key itself). */
	valNamn?: Record<string, string>;
	/** Takes several lines: Enter makes a new line, Ctrl-S saves. */
	flerrad?: boolean;
}

/** A form over the panes. uppfoljning: the period's values of an indicator or activity (set ops);
 * ny: a new item under the goal `id`; andra: the definition of the item `id` (def ops). */
export interface FormLage {
	typ: 'form';
	slag: 'uppfoljning' | 'ny' | 'andra';
	entity: Entity;
	id: string;
	period: Period;
	falt: FormFalt[];
	aktiv: number;
	fel?: string;
	/** The chef agreed to change a period marked inlämnad. */
	force?: boolean;
}

export type Overlay =
	| {typ: 'normal'}
	| {typ: 'editor'; goalId: string; period: Period; original: string; ed: EditorState; fraga: boolean; force?: boolean}
	| FormLage
	| {typ: 'sok'; fraga: string}
	| {typ: 'help'; topp: number}
	| {typ: 'summary'; topp: number}
	| {typ: 'period'; index: number}
	| {typ: 'konflikt'; ops: Op[]; index: number; deras: unknown; efter?: () => void; force?: boolean}
	| {typ: 'utkast'; utkast: Utkast}
	/** A yes/no question; without `nej`, n is the same as Esc (nothing happens). */
	| {typ: 'fraga'; text: string; ja: () => void; nej?: () => void};

export interface Meddelande {
	text: string;
	fel: boolean;
}

const STATUS_TANGENT: Partial<Record<KommandoId, Status | null>> = {helt: 'helt', delvis: 'delvis', inte: 'inte', ingaData: 'inga-data', rensa: null};

const DRAFT_DELAY_MS = 250;
const EGET_MEDDELANDE_MS = 2000;
const SMA_STORE = 100;

/** Key order aside: a store read back from disk orders keys by the schema, a saved one as written
 * (an added item). The plain comparison first: it is the common case and half the cost. */
function sammaData(a: unknown, b: unknown): boolean {
	if (JSON.stringify(a) === JSON.stringify(b)) return true;
	const sorterad = (_: string, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) : v);
	return JSON.stringify(a, sorterad) === JSON.stringify(b, sorterad);
}

export interface UiOptions {
	store: UiStore;
	data: StoreData;
	/** The store file; drafts are kept beside it. */
	path: string;
	cols: number;
	rows: number;
	/** Runs $VISUAL/$EDITOR on a text; undefined when the chef gave up. Absent in tests. */
	externEditor?: (text: string) => Promise<string | undefined>;
	onQuit?: () => void;
	/** Overrides the as-of date (default: the end of the period followed up). */
	asOf?: string;
	/** Who marks a period inlämnad (default: the logged-in user). */
	author?: string;
}

export class UiController {
	data: StoreData;
	idx: StoreIndex;
	period: Period;
	oppna = new Set<string>();
	markerad: string;
	tradTopp = 0;
	fokus: Fokus = 'tree';
	listIndex = 0;
	detaljTopp = 0;
	filter = false;
	sokord = '';
	lage: Overlay = {typ: 'normal'};
	meddelande?: Meddelande;
	sparat?: string;
	sparar = 0;
	/** What this session changed, one group per action, so u undoes an action whole. */
	sessionChanges: Change[][] = [];
	cols: number;
	rows: number;
	avslutad = false;
	/** Bumped on every change: the snapshot React subscribes to. */
	version = 0;

	private rader: TradRad[] = [];
	/** Per goal: does the tree hint at it (warning or another suggested status)? Cleared when the data or period changes. */
	private tipsCache = new Map<string, boolean>();
	private behall?: Set<string>;
	private listeners = new Set<() => void>();
	private ko: Promise<unknown> = Promise.resolve();
	private utkastTimer?: NodeJS.Timeout;
	private meddelandeAt = 0;
	private readonly o: UiOptions;
	private readonly asOfFast?: string;

	constructor(o: UiOptions) {
		this.o = o;
		this.data = o.data;
		this.idx = indexStore(o.data);
		this.period = o.data.period;
		this.asOfFast = o.asOf;
		this.cols = o.cols;
		this.rows = o.rows;
		// A small store opens fully on the first goal the store assesses: fewest keys to work.
		const roots = this.idx.children.get('') ?? [];
		const sma = o.data.goals.length <= SMA_STORE;
		for (const g of sma ? o.data.goals : roots) this.oppna.add(g.id);
		this.markerad = (sma && o.data.goals.find(g => o.data.bedomdaNivaer.includes(g.niva))?.id) || (roots[0]?.id ?? '');
		this.bygg();
		const utkast = lasUtkast(o.path);
		if (utkast && this.idx.goals.has(utkast.goalId)) this.lage = {typ: 'utkast', utkast};
	}

	get asOf(): string {
		return this.asOfFast ?? periodSlut(this.data, this.period);
	}

	subscribe = (fn: () => void): (() => void) => {
		this.listeners.add(fn);
		return () => this.listeners.delete(fn);
	};

	getVersion = (): number => this.version;

	/** The rows of the tree in display order (filter applied). */
	get synliga(): readonly TradRad[] {
		return this.rader;
	}

	get valtMal(): Goal | undefined {
		return this.idx.goals.get(this.markerad);
	}

	get cursor(): number {
		return Math.max(0, this.rader.findIndex(r => r.goal.id === this.markerad));
	}

	/** The keyboard mode right now (selects the commands of keys.ts). */
	get tangentLage(): Lage {
		switch (this.lage.typ) {
			case 'normal':
				return this.fokus === 'tree' ? 'tree' : 'lista';
			case 'editor':
				return this.lage.fraga ? 'slang' : 'editor';
			case 'form':
				return this.lage.falt[this.lage.aktiv]?.flerrad ? 'formText' : 'form';
			case 'fraga':
				return 'fraga';
			case 'sok':
				return 'search';
			case 'help':
				return 'help';
			case 'summary':
				return 'summary';
			case 'period':
				return 'period';
			case 'konflikt':
				return 'konflikt';
			case 'utkast':
				return 'utkast';
		}
	}

	/** Rows the body of the screen has: the frame keeps one row free (Ink redraws fully
	 * when the output is as tall as the terminal), plus header, message and hint rows. */
	get kroppHojd(): number {
		return Math.max(3, this.rows - 4);
	}

	resize(cols: number, rows: number): void {
		this.cols = cols;
		this.rows = rows;
		this.synkaTopp();
		this.notify();
	}

	/** One raw input event from the terminal. */
	input(raw: string): void {
		for (const t of parseTangenter(raw)) this.tangent(t);
		this.notify();
	}

	/** Resolves when every store write started so far has finished. */
	async idle(): Promise<void> {
		let ko: Promise<unknown>;
		do {
			ko = this.ko;
			await ko;
		} while (ko !== this.ko);
	}

	/** Starts following changes other processes make to the file; returns stop(). */
	bevaka(): () => void {
		return this.o.store.watch?.(() => void this.externAndring().catch(() => undefined)) ?? (() => undefined);
	}

	/** Reloads after another process changed the store; our edits in progress stay open. Runs in
	 * the write queue: a reload read before a save lands must not replace the saved data. */
	externAndring(): Promise<void> {
		const klar = this.ko.then(() => this.lasOm());
		this.ko = klar.catch(() => undefined);
		return klar;
	}

	private async lasOm(): Promise<void> {
		const data = await this.o.store.reload();
		if (sammaData(data, this.data)) return;
		this.satData(data);
		// The answer to the chef's own last action stays a while: a reload right behind a save must not hide it.
		if (!this.meddelande || Date.now() - this.meddelandeAt > EGET_MEDDELANDE_MS) this.visa('Filen ändrades utanför malkoll: visar den nya versionen');
		this.notify();
	}

	/** Writes the draft now (Ctrl-C, signals, crash): nothing typed is lost. */
	sparaUtkastNu(): void {
		if (this.utkastTimer) clearTimeout(this.utkastTimer);
		this.utkastTimer = undefined;
		if (this.lage.typ === 'form') return this.sparaFormUtkast(this.lage);
		if (this.lage.typ !== 'editor') return;
		const text = editorText(this.lage.ed);
		if (text === this.lage.original) return;
		skrivUtkast(this.o.path, {goalId: this.lage.goalId, period: this.lage.period, original: this.lage.original, text, at: new Date().toISOString()});
	}

	private sparaFormUtkast(lage: FormLage): void {
		const falt = lage.falt.map(f => ({field: f.field, text: editorText(f.ed), original: f.original}));
		if (falt.every(f => f.text === editorText(this.formFalt(lage).find(x => x.field === f.field)?.ed ?? nyEditor('')))) return;
		const item = findEntity(this.data, lage.entity, lage.id);
		const goalId = lage.slag === 'ny' || !item ? lage.id : 'malId' in item ? item.malId : item.id;
		const text = falt.filter(f => f.field !== 'typ' && f.text !== '').map(f => `${lage.falt.find(x => x.field === f.field)!.etikett}: ${f.text}`).join('\n');
		skrivUtkast(this.o.path, {goalId, period: lage.period, original: '', text, at: new Date().toISOString(), form: {slag: lage.slag, entity: lage.entity, id: lage.id, falt}});
	}

	/** The fields of a form as it opens on the data now. */
	private formFalt(lage: Pick<FormLage, 'slag' | 'entity' | 'id' | 'period'>): FormFalt[] {
		if (lage.slag === 'uppfoljning') return this.uppfoljningFalt(lage.entity as 'indicator' | 'activity', lage.id, lage.period);
		if (lage.slag === 'andra') return planFalt(lage.entity, findEntity(this.data, lage.entity, lage.id));
		const parent = this.idx.goals.get(lage.id);
		const typer = parent ? nyaTyper(this.data, parent, 'tree') : [lage.entity];
		return typer.length > 1 ? [typFalt(typer, lage.entity, parent), ...planFalt(lage.entity)] : planFalt(lage.entity);
	}

	goalStatus(id: string, period = this.period): Status | undefined {
		return getFollowUp(this.data, period, 'goal', id, 'status') as Status | undefined;
	}

	/** Carried over from the previous period and not yet confirmed or changed. */
	ejGranskad(entity: Entity, id: string, period = this.period): boolean {
		return getFollowUp(this.data, period, entity, id, 'ejGranskad') === true;
	}

	goalAnalys(id: string, period = this.period): string {
		return (getFollowUp(this.data, period, 'goal', id, 'analys') as string | undefined) ?? '';
	}

	/** The indicators and activities shown with a goal, its own and those above it. */
	relaterade(id = this.markerad): {indikatorer: ReturnType<typeof relatedIndicators>; aktiviteter: ReturnType<typeof relatedActivities>} {
		return {indikatorer: relatedIndicators(this.idx, id), aktiviteter: relatedActivities(this.idx, id)};
	}

	/** True when the rules warn about the goal or suggest another status than the chef's. */
	harTips(g: Goal): boolean {
		let tips = this.tipsCache.get(g.id);
		if (tips === undefined) {
			tips = false;
			if (this.data.bedomdaNivaer.includes(g.niva) && this.period !== 'VP') {
				const f = suggestStatus(this.data, this.idx, g.id, this.period, this.asOf);
				tips = goalWarnings(this.data, this.idx, g.id, this.period, this.asOf).length > 0 || (f.status !== undefined && f.status !== this.goalStatus(g.id));
			}
			this.tipsCache.set(g.id, tips);
		}
		return tips;
	}

	notify(): void {
		this.version++;
		for (const l of this.listeners) l();
	}

	private visa(text: string, fel = false): void {
		this.meddelande = {text, fel};
		this.meddelandeAt = Date.now();
	}

	private satData(data: StoreData): void {
		const fore = this.idx;
		this.data = data;
		this.tipsCache.clear();
		this.idx = indexStore(data);
		if (this.filter) this.behall = this.attGora();
		// A removed goal leaves the cursor on the nearest goal above it that is still there.
		const kvar = medForaldrar(fore, this.markerad).find(id => this.idx.goals.has(id));
		this.markerad = kvar ?? this.idx.children.get('')?.[0]?.id ?? '';
		const {indikatorer, aktiviteter} = this.relaterade();
		const lista = this.fokus === 'indicators' ? indikatorer : this.fokus === 'activities' ? aktiviteter : undefined;
		if (lista?.length === 0) this.fokus = 'tree';
		else if (lista) this.listIndex = Math.min(this.listIndex, lista.length - 1);
		this.bygg();
	}

	private bygg(): void {
		this.rader = synligaRader(this.idx, this.oppna, this.filter ? this.behall : undefined);
		if (!this.rader.some(r => r.goal.id === this.markerad)) this.markerad = this.rader[0]?.goal.id ?? '';
		this.synkaTopp();
	}

	private synkaTopp(): void {
		const h = this.kroppHojd;
		const c = this.cursor;
		if (c < this.tradTopp) this.tradTopp = c;
		else if (c >= this.tradTopp + h) this.tradTopp = c - h + 1;
		this.tradTopp = Math.max(0, Math.min(this.tradTopp, Math.max(0, this.rader.length - h)));
	}

	private flytta(till: number): void {
		const r = this.rader[Math.max(0, Math.min(this.rader.length - 1, till))];
		if (!r) return;
		if (r.goal.id !== this.markerad) {
			this.markerad = r.goal.id;
			this.detaljTopp = 0;
			this.listIndex = 0;
		}
		this.synkaTopp();
	}

	private tangent(t: string): void {
		if (this.avslutad) return;
		// Ctrl-C quits from anywhere; the analysis being typed is kept as a draft.
		if (t === 'ctrl-c') return this.avsluta();
		const lage = this.lage;
		switch (lage.typ) {
			case 'editor':
				return this.editorTangent(lage, t);
			case 'form':
				return this.formTangent(lage, t);
			case 'sok':
				return this.sokTangent(lage, t);
			case 'konflikt':
				return this.konfliktTangent(lage, t);
			case 'utkast':
				return this.utkastTangent(lage, t);
			case 'fraga':
				return this.fragaTangent(lage, t);
			default:
		}
		const id = kommandoFor(this.tangentLage, t);
		if (!id) return;
		if (lage.typ === 'help' || lage.typ === 'summary') return this.rullaTangent(lage, id);
		if (lage.typ === 'period') return this.periodTangent(lage, id);
		this.meddelande = undefined;
		this.kommando(id);
	}

	private kommando(id: KommandoId): void {
		const h = this.kroppHojd;
		const lista = this.fokus === 'indicators' ? this.relaterade().indikatorer : this.fokus === 'activities' ? this.relaterade().aktiviteter : undefined;
		if (lista && ['upp', 'ner', 'forsta', 'sista'].includes(id)) {
			const max = lista.length - 1;
			this.listIndex = Math.max(0, Math.min(max, id === 'upp' ? this.listIndex - 1 : id === 'ner' ? this.listIndex + 1 : id === 'forsta' ? 0 : max));
			return;
		}
		switch (id) {
			case 'upp':
				return this.flytta(this.cursor - 1);
			case 'ner':
				return this.flytta(this.cursor + 1);
			case 'forsta':
				return this.flytta(0);
			case 'sista':
				return this.flytta(this.rader.length - 1);
			case 'sidaUpp':
				return this.flytta(this.cursor - h);
			case 'sidaNer':
				return this.flytta(this.cursor + h);
			case 'oppna': {
				const r = this.rader[this.cursor];
				if (!r?.harBarn) return;
				if (!r.oppen && !this.filter) {
					this.oppna.add(r.goal.id);
					this.bygg();
				} else this.flytta(this.cursor + 1);
				return;
			}
			case 'stang': {
				const r = this.rader[this.cursor];
				if (r?.oppen && !this.filter) {
					this.oppna.delete(r.goal.id);
					this.bygg();
				} else if (r?.goal.parentId) {
					this.markerad = r.goal.parentId;
					this.bygg();
				}
				return;
			}
			case 'oppnaAlla': {
				const alla = this.data.goals.filter(g => this.idx.children.has(g.id));
				const stang = alla.every(g => this.oppna.has(g.id));
				this.oppna = new Set(stang ? [] : alla.map(g => g.id));
				if (stang) this.markerad = medForaldrar(this.idx, this.markerad).at(-1) ?? this.markerad;
				this.bygg();
				return;
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
			case 'analys':
				return this.oppnaEditor();
			case 'extern':
				// Asked before the editor opens, as for a: a no never throws away typed text.
				return this.medInlamnad(this.period, force => void this.externRedigering(force));
			case 'fokus': {
				const {indikatorer, aktiviteter} = this.relaterade();
				const ordning: Fokus[] = ['tree', ...(indikatorer.length ? (['indicators'] as const) : []), ...(aktiviteter.length ? (['activities'] as const) : [])];
				this.fokus = ordning[(ordning.indexOf(this.fokus) + 1) % ordning.length]!;
				this.listIndex = 0;
				return;
			}
			case 'tillbaka':
				this.fokus = 'tree';
				return;
			case 'redigera':
				return this.oppnaForm();
			case 'period':
				this.lage = {typ: 'period', index: PERIODER.indexOf(this.period)};
				return;
			case 'sok':
				this.lage = {typ: 'sok', fraga: ''};
				return;
			case 'nasta':
			case 'foregaende':
				return this.hoppaTraff(id === 'nasta' ? 1 : -1);
			case 'filter':
				this.filter = !this.filter;
				this.behall = this.filter ? this.attGora() : undefined;
				this.bygg();
				this.visa(this.filter ? `Filter: ${this.rader.length} mål med något att göra (f visar alla)` : 'Visar alla mål');
				return;
			case 'summering':
				this.lage = {typ: 'summary', topp: 0};
				return;
			case 'angra':
				return this.angra();
			case 'ny':
				return this.oppnaNy();
			case 'andra':
				return this.oppnaAndra();
			case 'tabort':
				return this.tabort();
			case 'granska':
				return this.granska();
			case 'inlamna':
				return this.inlamna();
			case 'hjalp':
				this.lage = {typ: 'help', topp: 0};
				return;
			case 'avsluta':
				return this.avsluta();
			default:
		}
	}

	private avsluta(): void {
		if (this.sparar > 0) {
			// Quit waits for the writes in flight, so the last keypress is on disk.
			void this.idle().then(() => this.avsluta());
			return;
		}
		this.sparaUtkastNu();
		this.avslutad = true;
		this.o.onQuit?.();
	}

	/** Runs store writes one after another, in the order the keys came. A change to a period
	 * marked inlämnad asks first; every change the chef makes clears "ej granskad" on what it touches. */
	private skriv(
		ops: Ops,
		o: {ok?: (changes: Change[]) => void; konflikt?: (e: ConflictError) => void; force?: boolean; granska?: boolean; historik?: boolean} = {},
	): void {
		const inlamnad = !o.force && Array.isArray(ops) ? ops.find(op => op.op === 'set' && this.data.inlamnad?.[op.period]) : undefined;
		if (inlamnad?.op === 'set') return this.fragaInlamnad(inlamnad.period, () => this.skriv(ops, {...o, force: true}));
		const lista = (data: StoreData) => {
			const l = typeof ops === 'function' ? ops(data) : ops;
			return o.granska === false ? l : medGranskning(data, l);
		};
		this.sparar++;
		this.ko = this.ko.then(async () => {
			try {
				const {data, changes} = await this.o.store.apply(lista, {force: o.force});
				this.satData(data);
				if (o.historik !== false && changes.length > 0) this.sessionChanges.push(changes);
				this.sparat = new Date().toTimeString().slice(0, 5);
				o.ok?.(changes);
			} catch (error) {
				if (error instanceof ConflictError) {
					await this.lasOm().catch(() => undefined);
					if (o.konflikt) o.konflikt(error);
					else this.visa(error.message, true);
				} else if (error instanceof MalkollError) this.visa(error.message, true);
				else this.visa(`Kunde inte spara: ${error instanceof Error ? error.message : String(error)}`, true);
			} finally {
				this.sparar--;
				this.notify();
			}
		});
	}

	/** Opens the conflict question for the first op whose expected value no longer holds. */
	private fragaKonflikt(ops: Op[], efter?: () => void, force?: boolean): void {
		const index = ops.findIndex(op => op.op === 'set' && JSON.stringify(op.expect ?? null) !== JSON.stringify(getFollowUp(this.data, op.period, op.entity, op.id, op.field) ?? null));
		if (index < 0) return this.skriv(ops, {ok: () => efter?.(), force});
		const op = ops[index] as Extract<Op, {op: 'set'}>;
		this.lage = {typ: 'konflikt', ops, index, deras: getFollowUp(this.data, op.period, op.entity, op.id, op.field), efter, force};
	}

	private skrivMedKonflikt(ops: Op[], efter?: () => void, force?: boolean): void {
		this.skriv(ops, {ok: () => efter?.(), konflikt: () => this.fragaKonflikt(ops, efter, force), force});
	}

	/** "T2 är inlämnad – ändra ändå? (j/n)": `ja` runs only when the chef agrees. */
	private fragaInlamnad(period: Period, ja: () => void): void {
		const inl = this.data.inlamnad?.[period];
		const nar = inl ? ` (${inl.at.slice(0, 10)} av ${inl.av})` : '';
		this.lage = {typ: 'fraga', text: `${period} är inlämnad${nar} – ändra ändå? (j/n)`, ja, nej: () => this.visa(`Inget ändrat: ${period} är inlämnad`)};
	}

	/** Runs `gor` at once, or after a yes when the period is marked inlämnad (then with force). */
	private medInlamnad(period: Period, gor: (force: boolean) => void): void {
		if (this.data.inlamnad?.[period]) this.fragaInlamnad(period, () => gor(true));
		else gor(false);
	}

	private sattStatus(status: Status | undefined): void {
		const goal = this.valtMal;
		if (!goal) return;
		if (this.period === 'VP') return this.visa('VP är en plan och får ingen status; byt period med p', true);
		if (!this.data.bedomdaNivaer.includes(goal.niva)) {
			return this.visa(`${goal.id}: den här nivån bedöms inte av ${this.data.organisation.namn}`, true);
		}
		const nu = this.goalStatus(goal.id);
		if (nu === status) return;
		const period = this.period;
		this.skrivMedKonflikt([{op: 'set', period, entity: 'goal', id: goal.id, field: 'status', value: status, expect: nu}], () =>
			this.visa(`${goal.id}: ${status ? STATUS_NAMN[status] : 'ej bedömd'} (${period})`),
		);
	}

	private oppnaEditor(): void {
		const goal = this.valtMal;
		if (!goal) return;
		const period = this.period;
		// Asked before writing, so a "no" never throws away typed text.
		this.medInlamnad(period, force => {
			const original = this.goalAnalys(goal.id, period);
			const start = original === '' && goal.forvantatResultat.length > 0 ? analysMall(goal) : original;
			const ed = nyEditor(start);
			// The cursor starts after "Bedömningen grundas på " when the template is offered.
			if (original === '' && start !== '') ed.row = 0, ed.col = [...ed.lines[0]!].length;
			this.lage = {typ: 'editor', goalId: goal.id, period, original, ed, fraga: false, force};
		});
	}

	private editorTangent(lage: Extract<Overlay, {typ: 'editor'}>, t: string): void {
		const text = () => editorText(lage.ed);
		if (lage.fraga) {
			const id = kommandoFor('slang', t);
			if (id === 'slang') {
				tabortUtkast(this.o.path);
				this.lage = {typ: 'normal'};
				this.visa('Ändringarna slängdes');
			} else if (id === 'spara') this.sparaEditor(lage);
			else if (id === 'skrivVidare') lage.fraga = false;
			return;
		}
		if (t === 'ctrl-s') return this.sparaEditor(lage);
		if (t === 'esc') {
			const goal = this.idx.goals.get(lage.goalId);
			// The goal may have been removed by another process while its analysis was open.
			const orort = text() === lage.original || (lage.original === '' && goal !== undefined && text() === analysMall(goal));
			if (orort) {
				tabortUtkast(this.o.path);
				this.lage = {typ: 'normal'};
			} else lage.fraga = true;
			return;
		}
		const ed = editorTangent(lage.ed, t);
		if (ed === lage.ed) return;
		lage.ed = ed;
		this.planeraUtkast();
	}

	private planeraUtkast(): void {
		if (this.utkastTimer) return;
		this.utkastTimer = setTimeout(() => {
			this.utkastTimer = undefined;
			this.sparaUtkastNu();
		}, DRAFT_DELAY_MS);
	}

	private sparaEditor(lage: Extract<Overlay, {typ: 'editor'}>): void {
		const text = editorText(lage.ed);
		const value = text.trim() === '' ? undefined : text;
		this.sparaUtkastNu();
		this.lage = {typ: 'normal'};
		if ((value ?? '') === lage.original) return tabortUtkast(this.o.path);
		const op: Op = {op: 'set', period: lage.period, entity: 'goal', id: lage.goalId, field: 'analys', value, expect: lage.original === '' ? undefined : lage.original};
		this.skrivMedKonflikt(
			[op],
			() => {
				tabortUtkast(this.o.path);
				this.visa(`${lage.goalId}: analysen sparad (${lage.period})`);
			},
			lage.force,
		);
	}

	private async externRedigering(force: boolean): Promise<void> {
		const goal = this.valtMal;
		if (!goal) return;
		if (!this.o.externEditor) return this.visa('Ingen extern editor i det här läget', true);
		const original = this.goalAnalys(goal.id);
		const start = original === '' && goal.forvantatResultat.length > 0 ? analysMall(goal) : original;
		const period = this.period;
		const text = await this.o.externEditor(start);
		if (text === undefined || text.replace(/\n$/, '') === start.replace(/\n$/, '')) {
			// visa before notify: Ink draws the frame inside notify.
			this.visa('Analysen oförändrad');
			return this.notify();
		}
		this.notify();
		const value = text.replace(/\n$/, '');
		this.skrivMedKonflikt(
			[{op: 'set', period, entity: 'goal', id: goal.id, field: 'analys', value: value.trim() === '' ? undefined : value, expect: original === '' ? undefined : original}],
			() => this.visa(`${goal.id}: analysen sparad (${period})`),
			force,
		);
		this.notify();
	}

	/** The selected indicator or activity when the list has focus. */
	private valdRad(): {entity: 'indicator' | 'activity'; id: string} | undefined {
		const {indikatorer, aktiviteter} = this.relaterade();
		if (this.fokus === 'indicators') {
			const ind = indikatorer[this.listIndex];
			return ind && {entity: 'indicator', id: ind.id};
		}
		if (this.fokus === 'activities') {
			const akt = aktiviteter[this.listIndex];
			return akt && {entity: 'activity', id: akt.id};
		}
		return undefined;
	}

	private oppnaForm(): void {
		const rad = this.valdRad();
		if (!rad) return;
		const period = this.period;
		this.medInlamnad(period, force => {
			this.lage = {typ: 'form', slag: 'uppfoljning', entity: rad.entity, id: rad.id, period, falt: this.uppfoljningFalt(rad.entity, rad.id, period), aktiv: 0, force};
		});
	}

	private uppfoljningFalt(entity: 'indicator' | 'activity', id: string, period: Period): FormFalt[] {
		const g = (f: string) => getFollowUp(this.data, period, entity, id, f);
		const rad = (field: string, etikett: string, text: string, extra: Partial<FormFalt> = {}): FormFalt => ({field, etikett, original: g(field), ed: nyEditor(text), ...extra});
		const raw = (f: string) => (g(f) as Varde | undefined)?.raw ?? '';
		const str = (f: string) => (g(f) as string | undefined) ?? '';
		if (entity === 'indicator') {
			return [rad('utfall', 'Utfall', raw('utfall')), rad('man', 'Män', raw('man')), rad('kvinnor', 'Kvinnor', raw('kvinnor')), rad('prognos', 'Prognos helår', raw('prognos')), rad('analys', 'Analys', str('analys'))];
		}
		return [
			rad('tillstand', 'Tillstånd', str('tillstand'), {val: ['', ...TILLSTAND], valNamn: {'': 'ej rapporterad', ...TILLSTAND_NAMN}}),
			rad('avvikelse', 'Avvikelse', str('avvikelse')),
			rad('analys', 'Analys', str('analys')),
			rad('nyttSlut', 'Nytt slutdatum', str('nyttSlut')),
		];
	}

	/** + : a new enhetsmål under the selected nämndmål, or an activity or indicator under the selected goal. */
	private oppnaNy(): void {
		const goal = this.valtMal;
		if (!goal) return;
		const typer = nyaTyper(this.data, goal, this.fokus);
		const falt = planFalt(typer[0]!);
		this.lage = {typ: 'form', slag: 'ny', entity: typer[0]!, id: goal.id, period: this.period, falt: typer.length > 1 ? [typFalt(typer, typer[0]!, goal), ...falt] : falt, aktiv: typer.length > 1 ? 1 : 0};
	}

	/** r : the title and texts of the selected goal, or the dates or target of the selected row. */
	private oppnaAndra(): void {
		const rad = this.valdRad() ?? (this.valtMal && {entity: 'goal' as const, id: this.valtMal.id});
		if (!rad) return;
		const item = findEntity(this.data, rad.entity, rad.id);
		if (!item) return;
		this.lage = {typ: 'form', slag: 'andra', entity: rad.entity, id: rad.id, period: this.period, falt: planFalt(rad.entity, item), aktiv: 0};
	}

	private formTangent(lage: FormLage, t: string): void {
		const falt = lage.falt[lage.aktiv]!;
		const id = kommandoFor(this.tangentLage, t);
		if (id === 'tillbaka') {
			this.lage = {typ: 'normal'};
			tabortUtkast(this.o.path);
			return this.visa('Formuläret stängdes utan att spara');
		}
		if (id === 'spara') return this.sparaForm(lage);
		if (id === 'nastaFalt' || id === 'forraFalt') {
			lage.aktiv = (lage.aktiv + (id === 'nastaFalt' ? 1 : lage.falt.length - 1)) % lage.falt.length;
			return;
		}
		if (falt.val) {
			// A choice steps with ←/→ or space; typing its first letter picks it.
			const i = falt.val.indexOf(editorText(falt.ed));
			let j = i;
			if (t === 'right' || t === ' ') j = (i + 1) % falt.val.length;
			else if (t === 'left') j = (i + falt.val.length - 1) % falt.val.length;
			else if (arText(t)) j = falt.val.findIndex(v => (falt.valNamn?.[v] ?? v).toLowerCase().startsWith(t.toLowerCase()));
			if (j >= 0 && j !== i) {
				falt.ed = nyEditor(falt.val[j]!);
				if (falt.field === 'typ') this.bytTyp(lage, falt.val[j] as Entity);
			}
			return;
		}
		const ed = editorTangent(falt.ed, t);
		if (ed === falt.ed) return;
		falt.ed = ed;
		lage.fel = undefined;
		this.planeraUtkast();
	}

	/** Another kind on a new item's form: its own fields, the title typed so far kept. */
	private bytTyp(lage: FormLage, entity: Entity): void {
		const titel = lage.falt[1]?.ed;
		const falt = planFalt(entity);
		if (titel) falt[0]!.ed = titel;
		lage.entity = entity;
		lage.falt = [lage.falt[0]!, ...falt];
	}

	private sparaForm(lage: FormLage): void {
		this.sparaUtkastNu();
		try {
			if (lage.slag === 'uppfoljning') this.sparaUppfoljning(lage);
			else this.sparaPlan(lage);
		} catch (error) {
			if (error instanceof MalkollError) {
				lage.fel = error.message;
				return;
			}
			throw error;
		}
	}

	private sparaUppfoljning(lage: FormLage): void {
		const ops: Op[] = [];
		for (const f of lage.falt) {
			const text = editorText(f.ed);
			const namn = `${lage.id} ${f.etikett}`;
			let value: unknown;
			if (['utfall', 'man', 'kvinnor', 'prognos'].includes(f.field)) {
				if (text === ((f.original as Varde | undefined)?.raw ?? '')) continue;
				value = parseInmatning(text, namn);
			} else if (f.field === 'nyttSlut') {
				if (text === ((f.original as string | undefined) ?? '')) continue;
				value = text.trim() === '' ? undefined : parseDatum(text, namn);
			} else {
				if (text === ((f.original as string | undefined) ?? '')) continue;
				value = text.trim() === '' ? undefined : text;
			}
			ops.push(namedOp({op: 'set', period: lage.period, entity: lage.entity, id: lage.id, field: f.field, value, expect: f.original}));
		}
		this.lage = {typ: 'normal'};
		if (ops.length === 0) return this.visa('Inget ändrat');
		this.skrivMedKonflikt(
			ops,
			() => {
				tabortUtkast(this.o.path);
				this.visa(`${lage.id}: sparat (${lage.period})`);
			},
			lage.force,
		);
	}

	private sparaPlan(lage: FormLage): void {
		const parent = this.idx.goals.get(lage.id);
		const namn = lage.slag === 'ny' ? NY_NAMN[lage.entity] : lage.id;
		const varden = lasForm(lage.falt, namn);
		if (lage.slag === 'andra') {
			const ops = andraOps(lage.entity, lage.id, varden);
			this.lage = {typ: 'normal'};
			if (ops.length === 0) return this.visa('Inget ändrat');
			return this.skriv(ops, {
				ok: () => {
					tabortUtkast(this.o.path);
					this.visa(`${lage.id}: ändrat (u ångrar)`);
				},
			});
		}
		const entity = lage.entity;
		this.lage = {typ: 'normal'};
		this.skriv(data => [nyOp(data, entity, lage.id, varden)], {
			ok: changes => {
				tabortUtkast(this.o.path);
				const id = changes[0]!.id;
				if (entity === 'goal') {
					this.oppna.add(lage.id);
					this.markerad = id;
					this.fokus = 'tree';
					this.bygg();
				} else {
					this.fokus = entity === 'indicator' ? 'indicators' : 'activities';
					const {indikatorer, aktiviteter} = this.relaterade();
					this.listIndex = Math.max(0, (entity === 'indicator' ? indikatorer : aktiviteter).findIndex(x => x.id === id));
				}
				this.visa(`Lade till ${id} under ${parent?.id ?? lage.id} (u ångrar)`);
			},
		});
	}

	/** d : removes the selected row, or the selected goal with its own rows, after a yes. */
	private tabort(): void {
		const rad = this.valdRad();
		if (rad) {
			const item = findEntity(this.data, rad.entity, rad.id);
			const namn = item && 'namn' in item ? item.namn : item && 'text' in item ? item.text : '';
			this.lage = {
				typ: 'fraga',
				text: `Ta bort ${ENTITY_NAMN[rad.entity]}en ${rad.id} "${visible(namn)}"? Uppföljningen följer med; u ångrar. (j/n)`,
				ja: () => this.skriv([{op: 'remove', entity: rad.entity, id: rad.id}], {ok: () => this.visa(`Tog bort ${rad.id} (u ångrar)`)}),
			};
			return;
		}
		const goal = this.valtMal;
		if (!goal) return;
		if (this.idx.children.get(goal.id)?.length) return this.visa(`${goal.id}: målet har undermål; ta bort dem först`, true);
		const egna = [...this.data.indicators, ...this.data.activities].filter(x => x.malId === goal.id).length;
		this.lage = {
			typ: 'fraga',
			text: `Ta bort ${NIVA_NAMN[goal.niva].toLowerCase()} ${goal.id} "${visible(goal.titel)}"${egna ? ` med ${egna} egna indikatorer och aktiviteter` : ''}? Uppföljningen följer med; u ångrar. (j/n)`,
			ja: () =>
				this.skriv(
					data => [
						...data.indicators.filter(i => i.malId === goal.id).map((i): Op => ({op: 'remove', entity: 'indicator', id: i.id})),
						...data.activities.filter(a => a.malId === goal.id).map((a): Op => ({op: 'remove', entity: 'activity', id: a.id})),
						{op: 'remove', entity: 'goal', id: goal.id},
					],
					{ok: () => this.visa(`Tog bort ${goal.id} (u ångrar)`)},
				),
		};
	}

	/** c : the chef has read what was carried over and confirms it. */
	private granska(): void {
		const rad = this.valdRad() ?? (this.valtMal && {entity: 'goal' as const, id: this.valtMal.id});
		if (!rad) return;
		const period = this.period;
		if (!getFollowUp(this.data, period, rad.entity, rad.id, 'ejGranskad')) return this.visa(`${rad.id}: inget att bekräfta i ${period}`);
		this.skriv([{op: 'set', period, entity: rad.entity, id: rad.id, field: 'ejGranskad', value: undefined, expect: true}], {
			granska: false,
			ok: () => this.visa(`${rad.id}: granskad (${period})`),
		});
	}

	/** i : marks the period inlämnad, or opens it again. */
	private inlamna(): void {
		const period = this.period;
		const inl = this.data.inlamnad?.[period];
		const av = this.o.author ?? defaultAuthor();
		const ops = (data: StoreData): Op[] => {
			const inlamnad = {...data.inlamnad};
			if (inl) delete inlamnad[period];
			else inlamnad[period] = {at: new Date().toISOString(), av};
			return [{op: 'meta', field: 'inlamnad', value: Object.keys(inlamnad).length > 0 ? inlamnad : undefined}];
		};
		this.lage = {
			typ: 'fraga',
			text: inl ? `${period} är inlämnad (${inl.at.slice(0, 10)} av ${inl.av}). Öppna ${period} igen? (j/n)` : `Markera ${period} som inlämnad? Senare ändringar i ${period} frågar först. (j/n)`,
			ja: () => this.skriv(ops, {ok: () => this.visa(inl ? `${period} är öppnad igen` : `${period} är markerad inlämnad`)}),
		};
	}

	private fragaTangent(lage: Extract<Overlay, {typ: 'fraga'}>, t: string): void {
		const id = kommandoFor('fraga', t);
		if (id !== 'ja' && id !== 'nej' && id !== 'tillbaka') return;
		this.lage = {typ: 'normal'};
		if (id === 'ja') lage.ja();
		else if (id === 'nej' && lage.nej) lage.nej();
	}

	private konfliktTangent(lage: Extract<Overlay, {typ: 'konflikt'}>, t: string): void {
		const op = lage.ops[lage.index] as Extract<Op, {op: 'set'}>;
		const id = kommandoFor('konflikt', t);
		if (id === 'behallDeras') {
			// Keep theirs: drop this op, go on with the rest.
			const rest = lage.ops.filter((_, i) => i !== lage.index);
			this.lage = {typ: 'normal'};
			if (rest.length > 0) this.fragaKonflikt(rest, lage.efter, lage.force);
			else this.visa(`${op.id} ${op.field}: behöll den andra ändringen`);
		} else if (id === 'tillbaka') {
			this.lage = {typ: 'normal'};
			if (op.entity === 'goal' && op.field === 'analys') {
				// Back to writing, on top of the other version: the text stays, nothing is saved yet.
				const deras = typeof lage.deras === 'string' ? lage.deras : '';
				this.lage = {typ: 'editor', goalId: op.id, period: op.period, original: deras, ed: nyEditor(typeof op.value === 'string' ? op.value : ''), fraga: false, force: lage.force};
			} else this.visa(`${op.id} ${op.field}: inte sparat, den andra ändringen ligger kvar`, true);
		} else if (id === 'behallMitt') {
			const ops = lage.ops.map((o, i) => (i === lage.index ? namedOp({...op, expect: lage.deras}) : o));
			this.lage = {typ: 'normal'};
			this.fragaKonflikt(ops, lage.efter, lage.force);
		}
	}

	private utkastTangent(lage: Extract<Overlay, {typ: 'utkast'}>, t: string): void {
		const u = lage.utkast;
		const id = kommandoFor('utkast', t);
		if (id === 'tillUtkast') {
			for (const id of medForaldrar(this.idx, u.goalId).slice(1)) this.oppna.add(id);
			this.filter = false;
			this.markerad = u.goalId;
			this.bygg();
			this.period = u.period;
			this.tipsCache.clear();
			if (u.form) return this.tillFormUtkast(u.form, u.period);
			this.lage = {typ: 'editor', goalId: u.goalId, period: u.period, original: u.original, ed: nyEditor(u.text), fraga: false};
		} else if (id === 'slangUtkast') {
			tabortUtkast(this.o.path);
			this.lage = {typ: 'normal'};
			this.visa('Utkastet slängdes');
		} else if (id === 'senare') {
			this.lage = {typ: 'normal'};
			this.visa('Utkastet finns kvar till nästa start');
		}
	}

	/** Opens the form again with the text typed before; the stored values it opened with stay the expected ones. */
	private tillFormUtkast(u: FormUtkast, period: Period): void {
		const lage: FormLage = {typ: 'form', slag: u.slag, entity: u.entity, id: u.id, period, falt: [], aktiv: 0};
		const typ = u.falt.find(f => f.field === 'typ')?.text;
		if (u.slag === 'ny' && typ) lage.entity = typ as Entity;
		if (u.slag !== 'ny' && !findEntity(this.data, u.entity, u.id)) return this.visa(`${u.id} finns inte längre; utkastet sparas inte`, true);
		lage.falt = this.formFalt(lage).map(f => {
			const d = u.falt.find(x => x.field === f.field);
			return d ? {...f, ed: nyEditor(d.text), original: u.slag === 'ny' ? f.original : d.original} : f;
		});
		lage.aktiv = lage.falt[0]?.field === 'typ' ? 1 : 0;
		this.lage = lage;
	}

	private sokTangent(lage: Extract<Overlay, {typ: 'sok'}>, t: string): void {
		const id = kommandoFor('search', t);
		if (id === 'tillbaka') {
			this.lage = {typ: 'normal'};
			return;
		}
		if (id === 'valj') {
			this.sokord = lage.fraga;
			this.lage = {typ: 'normal'};
			return this.hoppaTraff(1);
		}
		if (t === 'backspace') lage.fraga = [...lage.fraga].slice(0, -1).join('');
		else if (arText(t)) lage.fraga += t;
	}

	/** Goals whose id or title contains the search words, in tree order. */
	traffar(fraga = this.sokord): Goal[] {
		const q = fraga.trim().toLowerCase();
		if (q === '') return [];
		return this.data.goals.filter(g => g.id.startsWith(q) || g.titel.toLowerCase().includes(q));
	}

	private hoppaTraff(steg: number): void {
		const traffar = this.traffar();
		if (traffar.length === 0) return this.visa(this.sokord ? `Ingen träff på "${this.sokord}"` : 'Sök först med /', true);
		const ordning = new Map(this.data.goals.map((g, i) => [g.id, i]));
		const har = ordning.get(this.markerad) ?? -1;
		const sorted = traffar.map(g => ordning.get(g.id)!);
		// Like vim: the next hit after the cursor, wrapping around.
		const mal = steg > 0 ? (sorted.find(i => i > har) ?? sorted[0]!) : ([...sorted].reverse().find(i => i < har) ?? sorted.at(-1)!);
		const goal = this.data.goals[mal]!;
		for (const id of medForaldrar(this.idx, goal.id).slice(1)) this.oppna.add(id);
		if (this.behall && !this.behall.has(goal.id)) {
			this.filter = false;
			this.behall = undefined;
		}
		this.markerad = goal.id;
		this.detaljTopp = 0;
		this.bygg();
		this.visa(`Träff ${sorted.indexOf(mal) + 1} av ${sorted.length} på "${this.sokord}" (n/N)`);
	}

	/** Goals with something to act on, and the goals above them for context. */
	private attGora(): Set<string> {
		const s = buildSummary(this.data, {period: this.period, asOf: this.asOf});
		const ids = new Set<string>();
		const add = (id: string | undefined) => {
			if (id) for (const x of medForaldrar(this.idx, id)) ids.add(x);
		};
		for (const i of s.unmetIndicators) add(i.goalId);
		for (const a of s.overdueActivities) add(a.goalId);
		for (const g of s.goalsWithoutStatus) add(g.id);
		return ids;
	}

	private rullaTangent(lage: Extract<Overlay, {typ: 'help' | 'summary'}>, id: KommandoId): void {
		const h = this.kroppHojd;
		if (id === 'tillbaka') this.lage = {typ: 'normal'};
		else if (id === 'avsluta') this.avsluta();
		else if (id === 'hjalp') this.lage = {typ: 'help', topp: 0};
		else if (id === 'upp') lage.topp = Math.max(0, lage.topp - 1);
		else if (id === 'ner') lage.topp++;
		else if (id === 'sidaUpp') lage.topp = Math.max(0, lage.topp - h);
		else if (id === 'sidaNer') lage.topp += h;
		else if (id === 'forsta') lage.topp = 0;
		else if (id === 'sista') lage.topp = Number.MAX_SAFE_INTEGER;
	}

	private periodTangent(lage: Extract<Overlay, {typ: 'period'}>, id: KommandoId): void {
		if (id === 'tillbaka') this.lage = {typ: 'normal'};
		else if (id === 'upp') lage.index = Math.max(0, lage.index - 1);
		else if (id === 'ner') lage.index = Math.min(PERIODER.length - 1, lage.index + 1);
		else if (id === 'forsta') lage.index = 0;
		else if (id === 'sista') lage.index = PERIODER.length - 1;
		else if (id === 'valj') {
			const till = PERIODER[lage.index]!;
			const fran = forraPeriod(till);
			this.lage = {typ: 'normal'};
			if (till === this.data.period || !fran || harUppfoljning(this.data, till) || !harUppfoljning(this.data, fran)) return this.bytPeriod(till);
			// A period not started yet: start it from the previous one, or empty; either way the file follows it up now.
			const starta = (ops: Op[]) =>
				this.skriv([{op: 'meta', field: 'period', value: till, expect: this.data.period}, ...ops], {
					granska: false,
					ok: changes => {
						this.bytPeriod(till);
						const antal = new Set(changes.filter(c => c.field === 'ejGranskad').map(c => c.id)).size;
						this.visa(antal ? `${till} startad från ${fran}: ${antal} bedömningar och texter överförda, markerade * ej granskad (c bekräftar)` : `${till} startad tom`);
					},
				});
			this.lage = {typ: 'fraga', text: `${till} är inte påbörjad. Starta ${till} från ${fran}? Status och analyser förs över, markerade ej granskad. (j/n, Esc avbryter)`, ja: () => starta(carryForwardOps(this.data, fran, till)), nej: () => starta([])};
		}
	}

	private bytPeriod(period: Period): void {
		this.period = period;
		this.tipsCache.clear();
		if (this.filter) {
			this.behall = this.attGora();
			this.bygg();
		}
		this.visa(`Period ${this.period}${this.period === this.data.period ? '' : ` (filen följer upp ${this.data.period})`}`);
	}

	private angra(): void {
		const grupp = this.sessionChanges.pop();
		if (!grupp) return this.visa('Inget att ångra i den här sessionen');
		let ops: Op[];
		try {
			ops = [...grupp].reverse().map(invertChange);
		} catch (error) {
			return this.visa((error as Error).message, true);
		}
		const c = grupp[0]!;
		const vad = c.op === 'add' ? `tillägget av ${c.id}` : c.op === 'remove' ? `borttagningen av ${grupp.at(-1)!.id}` : c.op === 'meta' ? (c.id === 'period' ? `periodbytet till ${String(c.new)}` : 'ändringen av inlämnad') : `${c.id} ${c.field}`;
		this.skriv(ops, {
			granska: false,
			// The undo itself is not a change to undo again.
			historik: false,
			force: grupp.some(x => x.efterInlamning),
			ok: () => {
				if (grupp.some(x => x.op === 'meta' && x.id === 'period')) this.bytPeriod(this.data.period);
				this.visa(`Ångrade ${vad}`);
			},
			konflikt: () => this.visa(`Kan inte ångra ${vad}: ändrat av någon annan sedan dess`, true),
		});
	}
}
