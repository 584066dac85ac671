// yoga-layout, Ink's layout engine, as the TUI bundle has it. Its own entry waits for its
// WebAssembly with a top-level await, which a script (skript.ts) cannot have; so in the bundle Ink's
// `import Yoga from 'yoga-layout'` is this module (scripts/build.mjs), whose default export is
// filled in by laddaYoga() before Ink lays anything out. Ink uses Yoga only inside its functions.
import {type Yoga, loadYoga} from 'yoga-layout/load';

let yoga: Yoga | undefined;
let laddning: Promise<void> | undefined;

/** Starts compiling the WebAssembly (in the background) the first time; resolves when Yoga is ready.
 * The inline wasm is read through fetch() when fetch exists, which loads undici (~120 ms), so
 * fetch is hidden while yoga decides how to read it (synchronously, in loadYoga()). */
export function laddaYoga(): Promise<void> {
	if (!laddning) {
		const fetch = globalThis.fetch;
		Reflect.set(globalThis, 'fetch', undefined);
		try {
			laddning = loadYoga().then(y => {
				yoga = y;
			});
		} finally {
			globalThis.fetch = fetch;
		}
	}
	return laddning;
}

export {yoga as default};
