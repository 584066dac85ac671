import {defineConfig} from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/**/*.test.{ts,tsx}'],
		env: {FORCE_COLOR: '0', NO_COLOR: '1', MALKOLL_DATA: '', TZ: 'Europe/Stockholm'},
		testTimeout: 60_000,
		hookTimeout: 120_000,
		pool: 'forks',
	},
});
