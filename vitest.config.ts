import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {configDefaults, defineConfig} from 'vitest/config';

/** The long runs (hundreds of processes, SIGKILLs): `npm run test:stress` (vitest.stress.config.ts), which CI runs too. */
export const STRESS = ['test/concurrency.test.ts', 'test/fault-kill.test.ts'];

export default defineConfig({
	test: {
		include: ['test/**/*.test.{ts,tsx}'],
		exclude: [...configDefaults.exclude, ...STRESS],
		// The V8 code cache (source/skript.ts) and the recent stores (ui/senaste.ts) go to folders of the test run's, not the user's.
		env: {FORCE_COLOR: '0', NO_COLOR: '1', MALKOLL_DATA: '', TZ: 'Europe/Stockholm', MALKOLL_CACHE: join(tmpdir(), `malkoll-test-cache-${process.pid}`), XDG_STATE_HOME: join(tmpdir(), `malkoll-test-state-${process.pid}`)},
		testTimeout: 60_000,
		hookTimeout: 120_000,
		pool: 'forks',
		// Two files at a time even on two cores (vitest's default there is one): most tests wait on processes they start.
		maxWorkers: 2,
		// A worker runs file after file without starting afresh: on this suite 150 s instead of 254 s under the same load.
		isolate: false,
	},
});
