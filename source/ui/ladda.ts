// Loads the TUI bundle (start.ts and all it needs: Ink, React, the app, the store layer), which
// scripts/build.mjs writes as one CommonJS script, dist/tui-HASH.cjs, and runs it through V8's code
// cache (skript.ts): parsing and compiling that megabyte, and compiling the functions the first
// frame runs, was a third of the time from start to the first frame. The cache is written once the
// first frame is drawn.
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import type {Ctx} from '../commands/context.js';
import {laddaSkript} from '../skript.js';

/** The bundle's file name in dist/, set by scripts/build.mjs. */
declare const MALKOLL_TUI: string;

export interface TuiBundle {
	startaTui(ctx: Ctx, efterForstaBilden?: () => void): Promise<number>;
}

/** The TUI bundle, compiled from the code cache when there is a usable one. `efterForstaBilden`
 * (for startaTui) writes the cache when it was missing or refused. */
export async function laddaTui(katalog: string = path.dirname(fileURLToPath(import.meta.url)), namn: string = MALKOLL_TUI): Promise<{tui: TuiBundle; efterForstaBilden: () => void}> {
	const {exports, sparaCache} = laddaSkript<TuiBundle>(path.join(katalog, namn));
	return {tui: exports, efterForstaBilden: sparaCache};
}
