// What every mode of the TUI is (its keys, its handler, a pure view) and the small context they
// share; controller.ts implements the context, a test can hand a mode its own.
import type {StoreIndex} from '../../domain/bedomning.js';
import type {Change, Op} from '../../domain/ops.js';
import type {Period, StoreData} from '../../domain/types.js';
import type {ConflictError} from '../../errors.js';
import type {Lage} from '../keys.js';
import type {Rad} from '../text.js';
import type {Utkast} from '../utkast.js';
import type {TreeMode} from './tree.js';

/** Ops, or the ops worked out from the store as read under its lock (a new item's id). */
export type Ops = Op[] | ((current: StoreData) => Op[]);

export interface WriteOpts {
	ok?: (changes: Change[]) => void;
	konflikt?: (e: ConflictError) => void;
	/** Allows changing a period marked inlämnad. */
	force?: boolean;
	/** false: the change does not clear "ej granskad" on what it touches. */
	granska?: boolean;
	/** false: not a change u can undo (an undo itself). */
	historik?: boolean;
}

export interface Meddelande {
	text: string;
	fel: boolean;
}

export interface Mode {
	/** Which commands of keys.ts the keys name now. */
	readonly lage: Lage;
	/** The view takes the whole body; else it is the right pane beside the tree. */
	readonly hel?: boolean;
	key(t: string): void;
	/** Rows of the body or the pane; never changes state. */
	view(w: number, h: number): Rad[];
	/** The message row while the mode is open (search shows what is typed). */
	rad?(w: number): Rad;
	/** What is typed and not saved, for the draft file; undefined when nothing is. */
	utkast?(): Utkast | undefined;
}

/** What the modes read; kept apart from what they do, as Gemini CLI keeps UI state and UI actions. */
export interface UiState {
	readonly data: StoreData;
	readonly idx: StoreIndex;
	/** The period followed up on screen (may differ from the file's). */
	readonly period: Period;
	readonly asOf: string;
	/** The tree: the selection every mode works on. */
	readonly tree: TreeMode;
	readonly cols: number;
	/** Rows of the body between the header and the message and hint rows. */
	readonly kroppHojd: number;
	meddelande?: Meddelande;
	/** Who marks a period inlämnad. */
	readonly author: string;
	/** Runs $VISUAL/$EDITOR on a text; undefined when the chef gave up. */
	readonly externEditor?: (text: string) => Promise<string | undefined>;
}

/** What the modes ask of the controller. */
export interface UiActions {
	/** Writes in the order the keys came; a change to a period marked inlämnad asks first. */
	write(ops: Ops, o?: WriteOpts): void;
	/** Writes ops carrying `expect`; when another change came between, asks which to keep. */
	save(ops: Op[], ok?: () => void, force?: boolean): void;
	/** A yes/no question; without `nej`, n is the same as Esc (nothing happens). */
	ask(text: string, ja: () => void, nej?: () => void): void;
	/** Runs `gor` at once, or after a yes when the period is marked inlämnad (then with force). */
	unlessInlamnad(period: Period, gor: (force: boolean) => void): void;
	/** Opens a mode over the tree; none: back to the tree. */
	open(mode?: Mode): void;
	say(text: string, fel?: boolean): void;
	setPeriod(period: Period, tyst?: boolean): void;
	/** The draft changed: written a moment later. */
	draftChanged(): void;
	/** Writes the draft now: before a save that may fail. */
	sparaUtkastNu(): void;
	dropDraft(): void;
	undo(): void;
	/** Copies to the clipboard (report/clipboard.ts) and says how: "Kopierat analysen (OSC 52 och xclip)". */
	kopiera(text: string, vad: string): void;
	/** o : the stores to open, recent first, then those beside the open one. */
	storeVal(): {aktuell: string; senaste: string[]; bredvid: string[]};
	/** Opens another store in place of this one. */
	bytStore(path: string): void;
	undo(): void;
	quit(): void;
	notify(): void;
}

export type Ctx = UiState & UiActions;
