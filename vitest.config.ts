import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {defineConfig} from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/**/*.test.{ts,tsx}'],
		// The V8 code cache (source/skript.ts) goes to a folder of the test run's, not the user's cache.
		env: {FORCE_COLOR: '0', NO_COLOR: '1', MALKOLL_DATA: '', TZ: 'Europe/Stockholm', MALKOLL_CACHE: join(tmpdir(), `malkoll-test-cache-${process.pid}`)},
		testTimeout: 60_000,
		hookTimeout: 120_000,
		pool: 'forks',
	},
});
