// The TUI outside React: the data, the write queue, drafts, reloads and undo. Keys go to the open
// mode (modes/) and are applied to the current state, never to the last rendered frame, so a burst
// of typing arrives complete; React only draws snapshots.
import {type StoreIndex, indexStore} from '../domain/bedomning.js';
import {periodSlut} from '../domain/datum.js';
import {fieldLabel} from '../domain/fields.js';
import {type Change, type Op, invertChange} from '../domain/ops.js';
import {medGranskning} from '../domain/plan.js';
import type {Period, StoreData} from '../domain/types.js';
import {ConflictError, MalkollError} from '../errors.js';
import {kopiera, kopieratMeddelande} from '../report/clipboard.js';
import {defaultAuthor} from '../store/history.js';
import {type Lage, arText, parseTangenter} from './keys.js';
import type {Ctx, Meddelande, Mode, Ops, WriteOpts} from './modes/mode.js';
import {erbjudUtkast, fraga, fragaKonflikt} from './modes/question.js';
import {TreeMode} from './modes/tree.js';
import {senasteStores, storesBredvid} from './senaste.js';
import {avslutaUtkast, skrivUtkast, startaUtkast, tabortUtkast, tagUtkast} from './utkast.js';

/** Bracketed paste (xterm's mode 2004): the terminal sends a paste between these two. */
export const KLISTRA_IN = '\x1b[200~';
export const KLISTRA_UT = '\x1b[201~';
/** The modes whose keys type text: a paste goes there, anywhere else it is refused. */
const TEXTLAGEN = new Set<Lage>(['editor', 'form', 'formText', 'search']);

/** What the TUI needs of the store layer; run.tsx binds it to one file. */
export interface UiStore {
	/** `force` allows changing a period marked inlämnad. */
	/** `varning`: the change is saved but its history is not yet complete (store.ts's acknowledgement rule). */
	apply(ops: Ops, opts?: {force?: boolean}): Promise<{data: StoreData; changes: Change[]; varning?: string}>;
	reload(): Promise<StoreData>;
	/** Calls back when another process changes the file; returns stop(). */
	watch?(onChange: () => void): () => void;
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
	/** Writes to the terminal beside Ink's frames (OSC 52 for y); absent: no terminal. */
	terminal?: (s: string) => void;
	/** PATH for the clipboard tools, the state folder for recent stores (default: process.env). */
	env?: NodeJS.ProcessEnv;
	/** Reads another store and binds the TUI to it (o); absent: o only lists. */
	oppnaStore?: (path: string) => Promise<{store: UiStore; data: StoreData}>;
	/** Bold, dim and inverse on the terminal (run.tsx); absent: plain text, as a test reads it. */
	stil?: boolean;
	/** With `stil`: colour too, unless NO_COLOR, FORCE_COLOR=0 or --no-color. */
	farg?: boolean;
}

const DRAFT_DELAY_MS = 250;
const EGET_MEDDELANDE_MS = 2000;

/** Key order aside: a store read back from disk orders keys by the schema, a saved one as written
 * (an added item). The plain comparison first: it is the common case and half the cost. */
function sammaData(a: unknown, b: unknown): boolean {
	if (JSON.stringify(a) === JSON.stringify(b)) return true;
	const sorterad = (_: string, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) : v);
	return JSON.stringify(a, sorterad) === JSON.stringify(b, sorterad);
}

export class Controller implements Ctx {
	data: StoreData;
	idx: StoreIndex;
	period: Period;
	tree: TreeMode;
	mode: Mode;
	meddelande?: Meddelande;
	sparat?: string;
	sparar = 0;
	/** What this session changed, one group per action, so u undoes an action whole. */
	private sessionChanges: Change[][] = [];
	cols: number;
	rows: number;
	private avslutad = false;
	/** Bumped on every change: the snapshot React subscribes to. */
	version = 0;
	readonly author: string;
	readonly externEditor?: (text: string) => Promise<string | undefined>;

	private listeners = new Set<() => void>();
	private queue: Promise<unknown> = Promise.resolve();
	private utkastTimer?: NodeJS.Timeout;
	private meddelandeAt = 0;
	/** The text of a bracketed paste while it arrives; undefined outside one. */
	private klistrat: string | undefined;
	private o: UiOptions;
	/** Stops following the open store's file; set while the TUI follows one. */
	private stoppaBevakning?: () => void;

	constructor(o: UiOptions) {
		this.o = o;
		this.data = o.data;
		this.idx = indexStore(o.data);
		this.period = o.data.period;
		this.cols = o.cols;
		this.rows = o.rows;
		this.author = o.author ?? defaultAuthor();
		this.externEditor = o.externEditor;
		this.tree = new TreeMode(this);
		this.mode = this.tree;
		const left = startaUtkast(o.path);
		if (left && this.idx.goals.has(left.utkast.goalId)) {
			erbjudUtkast(this, left.utkast, {tagen: () => tagUtkast(o.path, left.fil), slangd: () => tabortUtkast(o.path, left.fil)});
		}
	}

	get asOf(): string {
		return this.o.asOf ?? periodSlut(this.data, this.period);
	}

	/** The frame keeps one row free (Ink redraws fully when the output is as tall as the
	 * terminal), plus header, message and hint rows. */
	get kroppHojd(): number {
		return Math.max(3, this.rows - 4);
	}

	subscribe = (fn: () => void): (() => void) => {
		this.listeners.add(fn);
		return () => this.listeners.delete(fn);
	};

	getVersion = (): number => this.version;

	notify(): void {
		// The windows of the tree and the detail follow the cursor before the frame is drawn.
		this.tree.synka();
		this.version++;
		for (const l of this.listeners) l();
	}

	resize(cols: number, rows: number): void {
		this.cols = cols;
		this.rows = rows;
		this.notify();
	}

	/** One raw input event from the terminal. A paste comes bracketed (run.tsx turns the mode on),
	 * perhaps over several events: its text is collected and typed as text, never run as keys. */
	input(raw: string): void {
		let rest = raw;
		while (rest && !this.avslutad) {
			if (this.klistrat !== undefined) {
				const slut = rest.indexOf(KLISTRA_UT);
				this.klistrat += slut < 0 ? rest : rest.slice(0, slut);
				if (slut < 0) break;
				this.klistra(this.klistrat);
				this.klistrat = undefined;
				rest = rest.slice(slut + KLISTRA_UT.length);
				continue;
			}
			const start = rest.indexOf(KLISTRA_IN);
			for (const t of parseTangenter(start < 0 ? rest : rest.slice(0, start))) {
				if (this.avslutad) break;
				// Ctrl-C quits from anywhere; what is being typed is kept as a draft.
				if (t === 'ctrl-c') this.quit();
				else this.mode.key(t);
			}
			if (start < 0) break;
			this.klistrat = '';
			rest = rest.slice(start + KLISTRA_IN.length);
		}
		this.notify();
	}

	/** Pasted text typed into the open text: a line break is a new line where the text has lines
	 * and a space where it has one, a tab a space, other control characters dropped (a pasted C-x
	 * must not empty the text). Outside a text nothing of it runs as a key. */
	private klistra(text: string): void {
		const lage = this.mode.lage;
		if (!TEXTLAGEN.has(lage)) return this.say('Inklistrat hör hemma i en text: a analys, Tab+Enter formulär', true);
		const flerrad = lage === 'editor' || lage === 'formText';
		// The one key parser (CRLF one line break); an Esc in the text would make it a sequence.
		for (const t of parseTangenter(text.replaceAll('\x1b', ''))) {
			if (t === 'enter') this.mode.key(flerrad ? 'enter' : ' ');
			else if (t === 'tab') this.mode.key(' ');
			else if (arText(t)) this.mode.key(t);
		}
	}

	open(mode: Mode = this.tree): void {
		this.mode = mode;
	}

	say(text: string, fel = false): void {
		this.meddelande = {text, fel};
		this.meddelandeAt = Date.now();
	}

	/** Resolves when every store write started so far has finished. */
	async idle(): Promise<void> {
		let q: Promise<unknown>;
		do {
			q = this.queue;
			await q;
		} while (q !== this.queue);
	}

	/** The store file open now. */
	get path(): string {
		return this.o.path;
	}

	/** How the frame is styled: 'farg', 'stil' (bold, dim and inverse only) or plain text. */
	get stil(): 'farg' | 'stil' | undefined {
		return this.o.stil ? (this.o.farg ? 'farg' : 'stil') : undefined;
	}

	/** Starts following changes other processes make to the file; returns stop(). */
	bevaka(): () => void {
		this.stoppaBevakning?.();
		this.stoppaBevakning = this.o.store.watch?.(() => void this.externAndring().catch(() => undefined)) ?? (() => undefined);
		// Stops whichever store is followed by then: o may have opened another.
		return () => {
			this.stoppaBevakning?.();
			this.stoppaBevakning = undefined;
		};
	}

	kopiera(text: string, vad: string): void {
		if (!text.trim()) return this.say(`Inget att kopiera: ${vad} är tom`, true);
		void kopiera(text, {terminal: this.o.terminal, env: this.o.env}).then(vagar => {
			this.say(kopieratMeddelande(vad, vagar), vagar.length === 0);
			this.notify();
		});
	}

	storeVal(): {aktuell: string; senaste: string[]; bredvid: string[]} {
		return {aktuell: this.o.path, senaste: senasteStores(this.o.env), bredvid: storesBredvid(this.o.path)};
	}

	/** After the writes in flight: the other store replaces this one, with a tree of its own;
	 * u no longer undoes what was done in the one left. */
	bytStore(path: string): void {
		const oppna = this.o.oppnaStore;
		if (!oppna) return this.say('Kan inte öppna en annan store här', true);
		this.queue = this.queue
			.then(() => oppna(path))
			.then(({store, data}) => {
				const bevakade = this.stoppaBevakning !== undefined;
				this.stoppaBevakning?.();
				this.stoppaBevakning = undefined;
				this.o = {...this.o, store, data, path};
				this.data = data;
				this.idx = indexStore(data);
				this.period = data.period;
				this.sessionChanges = [];
				this.sparat = undefined;
				this.tree = new TreeMode(this);
				this.mode = this.tree;
				if (bevakade) this.bevaka();
				this.say(`Öppnade ${path}`);
				const left = startaUtkast(path);
				if (left && this.idx.goals.has(left.utkast.goalId)) {
					erbjudUtkast(this, left.utkast, {tagen: () => tagUtkast(path, left.fil), slangd: () => tabortUtkast(path, left.fil)});
				}
			})
			.catch((error: unknown) => this.say(`Kunde inte öppna ${path}: ${error instanceof Error ? error.message : String(error)}`, true))
			.finally(() => this.notify());
	}

	/** Reloads after another process changed the store; our edits in progress stay open. Runs in
	 * the write queue: a reload read before a save lands must not replace the saved data. */
	externAndring(): Promise<void> {
		const klar = this.queue.then(() => this.reload());
		this.queue = klar.catch(() => undefined);
		return klar;
	}

	private async reload(): Promise<void> {
		const data = await this.o.store.reload();
		if (sammaData(data, this.data)) return;
		this.setData(data);
		// The answer to the chef's own last action stays a while: a reload right behind a save must not hide it.
		if (!this.meddelande || Date.now() - this.meddelandeAt > EGET_MEDDELANDE_MS) this.say('Filen ändrades utanför malkoll: visar den nya versionen');
		this.notify();
	}

	private setData(data: StoreData): void {
		const fore = this.idx;
		this.data = data;
		this.idx = indexStore(data);
		this.tree.dataChanged(fore);
	}

	setPeriod(period: Period, tyst = false): void {
		this.period = period;
		this.tree.periodChanged();
		if (!tyst) this.say(`Period ${period}${period === this.data.period ? '' : ` (filen följer upp ${this.data.period})`}`);
	}

	/** Writes the draft now (Ctrl-C, signals, crash): nothing typed is lost. */
	sparaUtkastNu(): void {
		if (this.utkastTimer) clearTimeout(this.utkastTimer);
		this.utkastTimer = undefined;
		const u = this.mode.utkast?.();
		if (u) skrivUtkast(this.o.path, u);
	}

	draftChanged(): void {
		this.utkastTimer ??= setTimeout(() => this.sparaUtkastNu(), DRAFT_DELAY_MS);
	}

	dropDraft(): void {
		tabortUtkast(this.o.path);
	}

	quit(): void {
		if (this.sparar > 0) {
			// Quit waits for the writes in flight, so the last keypress is on disk.
			void this.idle().then(() => this.quit());
			return;
		}
		this.sparaUtkastNu();
		avslutaUtkast(this.o.path);
		this.avslutad = true;
		this.o.onQuit?.();
	}

	write(ops: Ops, o: WriteOpts = {}): void {
		const inlamnad = !o.force && Array.isArray(ops) ? ops.find(op => op.op === 'set' && this.data.inlamnad?.[op.period]) : undefined;
		if (inlamnad?.op === 'set') return this.fragaInlamnad(inlamnad.period, () => this.write(ops, {...o, force: true}));
		const lista = (data: StoreData) => {
			const l = typeof ops === 'function' ? ops(data) : ops;
			// Every change the chef makes clears "ej granskad" on what it touches.
			return o.granska === false ? l : medGranskning(data, l);
		};
		this.sparar++;
		this.queue = this.queue.then(async () => {
			try {
				const {data, changes, varning} = await this.o.store.apply(lista, {force: o.force});
				this.setData(data);
				if (o.historik !== false && changes.length > 0) this.sessionChanges.push(changes);
				this.sparat = new Date().toTimeString().slice(0, 5);
				o.ok?.(changes);
				// On the message row, not stderr, which would tear Ink's frame.
				if (varning) this.say(varning, true);
			} catch (error) {
				if (error instanceof ConflictError) {
					await this.reload().catch(() => undefined);
					if (o.konflikt) o.konflikt(error);
					else this.say(error.message, true);
				} else if (error instanceof MalkollError) this.say(error.message, true);
				else this.say(`Kunde inte spara: ${error instanceof Error ? error.message : String(error)}`, true);
			} finally {
				this.sparar--;
				this.notify();
			}
		});
	}

	save(ops: Op[], ok?: () => void, force?: boolean): void {
		this.write(ops, {ok: () => ok?.(), konflikt: () => fragaKonflikt(this, ops, ok, force), force});
	}

	ask(text: string, ja: () => void, nej?: () => void): void {
		this.open(fraga(this, text, ja, nej));
	}

	/** "T2 är inlämnad – ändra ändå? (j/n)": `ja` runs only when the chef agrees. */
	private fragaInlamnad(period: Period, ja: () => void): void {
		const inl = this.data.inlamnad?.[period];
		const nar = inl ? ` (${inl.at.slice(0, 10)} av ${inl.av})` : '';
		this.ask(`${period} är inlämnad${nar} – ändra ändå? (j/n)`, ja, () => this.say(`Inget ändrat: ${period} är inlämnad`));
	}

	unlessInlamnad(period: Period, gor: (force: boolean) => void): void {
		if (this.data.inlamnad?.[period]) this.fragaInlamnad(period, () => gor(true));
		else gor(false);
	}

	undo(): void {
		const grupp = this.sessionChanges.pop();
		if (!grupp) return this.say('Inget att ångra i den här sessionen');
		let ops: Op[];
		try {
			ops = [...grupp].reverse().map(invertChange);
		} catch (error) {
			return this.say((error as Error).message, true);
		}
		const c = grupp[0]!;
		const vad = c.op === 'add' ? `tillägget av ${c.id}` : c.op === 'remove' ? `borttagningen av ${grupp.at(-1)!.id}` : c.op === 'meta' ? (c.id === 'period' ? `periodbytet till ${String(c.new)}` : 'ändringen av inlämnad') : `${c.id} ${fieldLabel(c.entity, c.op === 'set' ? 'followUp' : 'plan', c.field ?? '').toLowerCase()}`;
		this.write(ops, {
			granska: false,
			historik: false,
			force: grupp.some(x => x.efterInlamning),
			ok: () => {
				if (grupp.some(x => x.op === 'meta' && x.id === 'period')) this.setPeriod(this.data.period);
				this.say(`Ångrade ${vad}`);
			},
			konflikt: () => this.say(`Kan inte ångra ${vad}: ändrat av någon annan sedan dess`, true),
		});
	}
}
