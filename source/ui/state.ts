// The TUI's state and its input router. Keys are applied here to the current state, never to
// the last rendered frame, so a burst of typing arrives complete; React only draws snapshots.
import {periodSlut, parseDatum} from '../domain/datum.js';
import {type StoreIndex, goalWarnings, indexStore, relatedActivities, relatedIndicators, suggestStatus} from '../domain/bedomning.js';
import {type Change, type Op, getFollowUp, invertChange} from '../domain/ops.js';
import {analysMall} from '../domain/analys.js';
import {parseInmatning} from '../domain/tal.js';
import {buildSummary} from '../domain/summary.js';
import {
	type Goal,
	type Period,
	type Status,
	type StoreData,
	type Varde,
	PERIODER,
	STATUS_NAMN,
	TILLSTAND,
} from '../domain/types.js';
import {ConflictError, MalkollError} from '../errors.js';
import {type EditorState, editorTangent, editorText, nyEditor} from './editor.js';
import {type KommandoId, type Lage, arText, kommandoFor, parseTangenter} from './keys.js';
import {type TradRad, medForaldrar, synligaRader} from './tree.js';
import {type Utkast, lasUtkast, skrivUtkast, tabortUtkast} from './utkast.js';

/** What the TUI needs of the store layer; run.tsx binds it to one file. */
export interface UiStore {
	apply(ops: Op[]): Promise<{data: StoreData; changes: Change[]}>;
	reload(): Promise<StoreData>;
	/** Calls back when another process changes the file; returns stop(). */
	watch?(onChange: () => void): () => void;
}

export type Fokus = 'tree' | 'indicators' | 'activities';

export interface FormFalt {
	field: string;
	etikett: string;
	/** What the chef types (single line), or for a choice the chosen key. */
	ed: EditorState;
	/** The stored value the form was opened with: the `expect` of the op. */
	original: unknown;
	val?: readonly string[];
}

export type Overlay =
	| {typ: 'normal'}
	| {typ: 'editor'; goalId: string; period: Period; original: string; ed: EditorState; fraga: boolean}
	| {typ: 'form'; entity: 'indicator' | 'activity'; id: string; period: Period; falt: FormFalt[]; aktiv: number; fel?: string}
	| {typ: 'sok'; fraga: string}
	| {typ: 'help'; topp: number}
	| {typ: 'summary'; topp: number}
	| {typ: 'period'; index: number}
	| {typ: 'konflikt'; ops: Op[]; index: number; deras: unknown; efter?: () => void}
	| {typ: 'utkast'; utkast: Utkast};

export interface Meddelande {
	text: string;
	fel: boolean;
}

const STATUS_TANGENT: Partial<Record<KommandoId, Status | null>> = {helt: 'helt', delvis: 'delvis', inte: 'inte', ingaData: 'inga-data', rensa: null};

const DRAFT_DELAY_MS = 250;
const SMA_STORE = 100;

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
	sessionChanges: Change[] = [];
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
				return 'form';
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

	/** Reloads after another process changed the store; our edits in progress stay open. */
	async externAndring(): Promise<void> {
		const data = await this.o.store.reload();
		if (JSON.stringify(data) === JSON.stringify(this.data)) return;
		this.satData(data);
		this.visa('Filen ändrades utanför malkoll: visar den nya versionen');
		this.notify();
	}

	/** Writes the draft now (Ctrl-C, signals, crash): nothing typed is lost. */
	sparaUtkastNu(): void {
		if (this.utkastTimer) clearTimeout(this.utkastTimer);
		this.utkastTimer = undefined;
		if (this.lage.typ !== 'editor') return;
		const text = editorText(this.lage.ed);
		if (text === this.lage.original) return;
		skrivUtkast(this.o.path, {goalId: this.lage.goalId, period: this.lage.period, original: this.lage.original, text, at: new Date().toISOString()});
	}

	goalStatus(id: string, period = this.period): Status | undefined {
		return getFollowUp(this.data, period, 'goal', id, 'status') as Status | undefined;
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
	}

	private satData(data: StoreData): void {
		this.data = data;
		this.tipsCache.clear();
		this.idx = indexStore(data);
		if (this.filter) this.behall = this.attGora();
		if (!this.idx.goals.has(this.markerad)) this.markerad = this.idx.children.get('')?.[0]?.id ?? '';
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
				return void this.externRedigering();
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

	/** Runs store writes one after another, in the order the keys came. */
	private skriv(ops: Op[], ok?: (changes: Change[]) => void, konflikt?: (e: ConflictError) => void): void {
		this.sparar++;
		this.ko = this.ko.then(async () => {
			try {
				const {data, changes} = await this.o.store.apply(ops);
				this.satData(data);
				this.sessionChanges.push(...changes);
				this.sparat = new Date().toTimeString().slice(0, 5);
				ok?.(changes);
			} catch (error) {
				if (error instanceof ConflictError) {
					await this.externAndring().catch(() => undefined);
					if (konflikt) konflikt(error);
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
	private fragaKonflikt(ops: Op[], efter?: () => void): void {
		const index = ops.findIndex(op => op.op === 'set' && JSON.stringify(op.expect ?? null) !== JSON.stringify(getFollowUp(this.data, op.period, op.entity, op.id, op.field) ?? null));
		if (index < 0) return this.skriv(ops, () => efter?.());
		const op = ops[index] as Extract<Op, {op: 'set'}>;
		this.lage = {typ: 'konflikt', ops, index, deras: getFollowUp(this.data, op.period, op.entity, op.id, op.field), efter};
	}

	private skrivMedKonflikt(ops: Op[], efter?: () => void): void {
		this.skriv(ops, () => efter?.(), () => this.fragaKonflikt(ops, efter));
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
		const original = this.goalAnalys(goal.id);
		const start = original === '' && goal.forvantatResultat.length > 0 ? analysMall(goal) : original;
		const ed = nyEditor(start);
		// The cursor starts after "Bedömningen grundas på " when the template is offered.
		if (original === '' && start !== '') ed.row = 0, ed.col = [...ed.lines[0]!].length;
		this.lage = {typ: 'editor', goalId: goal.id, period: this.period, original, ed, fraga: false};
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
			const orort = text() === lage.original || (lage.original === '' && this.valtMal && text() === analysMall(this.idx.goals.get(lage.goalId)!));
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
		this.skrivMedKonflikt([op], () => {
			tabortUtkast(this.o.path);
			this.visa(`${lage.goalId}: analysen sparad (${lage.period})`);
		});
	}

	private async externRedigering(): Promise<void> {
		const goal = this.valtMal;
		if (!goal) return;
		if (!this.o.externEditor) return this.visa('Ingen extern editor i det här läget', true);
		const original = this.goalAnalys(goal.id);
		const start = original === '' && goal.forvantatResultat.length > 0 ? analysMall(goal) : original;
		const period = this.period;
		const text = await this.o.externEditor(start);
		this.notify();
		if (text === undefined || text.replace(/\n$/, '') === start.replace(/\n$/, '')) return this.visa('Analysen oförändrad');
		const value = text.replace(/\n$/, '');
		this.skrivMedKonflikt([{op: 'set', period, entity: 'goal', id: goal.id, field: 'analys', value: value.trim() === '' ? undefined : value, expect: original === '' ? undefined : original}], () =>
			this.visa(`${goal.id}: analysen sparad (${period})`),
		);
		this.notify();
	}

	private oppnaForm(): void {
		const {indikatorer, aktiviteter} = this.relaterade();
		const period = this.period;
		const rad = (field: string, etikett: string, original: unknown, text: string, val?: readonly string[]): FormFalt => ({field, etikett, original, ed: nyEditor(text), val});
		const rawOf = (v: unknown) => (v as Varde | undefined)?.raw ?? '';
		if (this.fokus === 'indicators') {
			const ind = indikatorer[this.listIndex];
			if (!ind) return;
			const g = (f: string) => getFollowUp(this.data, period, 'indicator', ind.id, f);
			const falt = [
				rad('utfall', 'Utfall', g('utfall'), rawOf(g('utfall'))),
				rad('man', 'Män', g('man'), rawOf(g('man'))),
				rad('kvinnor', 'Kvinnor', g('kvinnor'), rawOf(g('kvinnor'))),
				rad('prognos', 'Prognos helår', g('prognos'), rawOf(g('prognos'))),
				rad('analys', 'Analys', g('analys'), (g('analys') as string | undefined) ?? ''),
			];
			this.lage = {typ: 'form', entity: 'indicator', id: ind.id, period, falt, aktiv: 0};
		} else if (this.fokus === 'activities') {
			const akt = aktiviteter[this.listIndex];
			if (!akt) return;
			const g = (f: string) => getFollowUp(this.data, period, 'activity', akt.id, f);
			const falt = [
				rad('tillstand', 'Tillstånd', g('tillstand'), (g('tillstand') as string | undefined) ?? '', ['', ...TILLSTAND]),
				rad('avvikelse', 'Avvikelse', g('avvikelse'), (g('avvikelse') as string | undefined) ?? ''),
				rad('analys', 'Analys', g('analys'), (g('analys') as string | undefined) ?? ''),
				rad('nyttSlut', 'Nytt slutdatum', g('nyttSlut'), (g('nyttSlut') as string | undefined) ?? ''),
			];
			this.lage = {typ: 'form', entity: 'activity', id: akt.id, period, falt, aktiv: 0};
		}
	}

	private formTangent(lage: Extract<Overlay, {typ: 'form'}>, t: string): void {
		const falt = lage.falt[lage.aktiv]!;
		if (t === 'esc') {
			this.lage = {typ: 'normal'};
			return this.visa('Formuläret stängdes utan att spara');
		}
		if (t === 'enter') return this.sparaForm(lage);
		if (t === 'tab' || t === 'down') {
			lage.aktiv = (lage.aktiv + 1) % lage.falt.length;
			return;
		}
		if (t === 'shift-tab' || t === 'up') {
			lage.aktiv = (lage.aktiv + lage.falt.length - 1) % lage.falt.length;
			return;
		}
		if (falt.val) {
			// A choice steps with ←/→ or space; typing its first letter picks it.
			const i = falt.val.indexOf(editorText(falt.ed));
			let j = i;
			if (t === 'right' || t === ' ') j = (i + 1) % falt.val.length;
			else if (t === 'left') j = (i + falt.val.length - 1) % falt.val.length;
			else if (arText(t)) j = falt.val.findIndex(v => v.startsWith(t.toLowerCase()));
			if (j >= 0) falt.ed = nyEditor(falt.val[j]!);
			return;
		}
		falt.ed = editorTangent(falt.ed, t);
		lage.fel = undefined;
	}

	private sparaForm(lage: Extract<Overlay, {typ: 'form'}>): void {
		const ops: Op[] = [];
		try {
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
				ops.push({op: 'set', period: lage.period, entity: lage.entity, id: lage.id, field: f.field, value, expect: f.original});
			}
		} catch (error) {
			if (error instanceof MalkollError) {
				lage.fel = error.message;
				return;
			}
			throw error;
		}
		this.lage = {typ: 'normal'};
		if (ops.length === 0) return this.visa('Inget ändrat');
		this.skrivMedKonflikt(ops, () => this.visa(`${lage.id}: sparat (${lage.period})`));
	}

	private konfliktTangent(lage: Extract<Overlay, {typ: 'konflikt'}>, t: string): void {
		const op = lage.ops[lage.index] as Extract<Op, {op: 'set'}>;
		const id = kommandoFor('konflikt', t);
		if (id === 'behallDeras') {
			// Keep theirs: drop this op, go on with the rest.
			const rest = lage.ops.filter((_, i) => i !== lage.index);
			this.lage = {typ: 'normal'};
			if (rest.length > 0) this.fragaKonflikt(rest, lage.efter);
			else this.visa(`${op.id} ${op.field}: behöll den andra ändringen`);
		} else if (id === 'tillbaka') {
			this.lage = {typ: 'normal'};
			if (op.entity === 'goal' && op.field === 'analys') {
				// Back to writing, on top of the other version: the text stays, nothing is saved yet.
				const deras = typeof lage.deras === 'string' ? lage.deras : '';
				this.lage = {typ: 'editor', goalId: op.id, period: op.period, original: deras, ed: nyEditor(typeof op.value === 'string' ? op.value : ''), fraga: false};
			} else this.visa(`${op.id} ${op.field}: inte sparat, den andra ändringen ligger kvar`, true);
		} else if (id === 'behallMitt') {
			const ops = lage.ops.map((o, i) => (i === lage.index ? {...op, expect: lage.deras} : o));
			this.lage = {typ: 'normal'};
			this.fragaKonflikt(ops, lage.efter);
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
			this.period = PERIODER[lage.index]!;
			this.tipsCache.clear();
			this.lage = {typ: 'normal'};
			if (this.filter) {
				this.behall = this.attGora();
				this.bygg();
			}
			this.visa(`Period ${this.period}${this.period === this.data.period ? '' : ` (filen följer upp ${this.data.period})`}`);
		}
	}

	private angra(): void {
		const c = this.sessionChanges.pop();
		if (!c) return this.visa('Inget att ångra i den här sessionen');
		let op: Op;
		try {
			op = invertChange(c);
		} catch (error) {
			return this.visa((error as Error).message, true);
		}
		this.skriv(
			[op],
			() => {
				// The undo itself is not a change to undo again.
				this.sessionChanges.pop();
				this.visa(`Ångrade ${c.id} ${c.field ?? c.op}`);
			},
			() => this.visa(`Kan inte ångra ${c.id} ${c.field ?? ''}: ändrat av någon annan sedan dess`, true),
		);
	}
}
