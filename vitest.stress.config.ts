import {configDefaults, defineConfig} from 'vitest/config';
import base, {STRESS} from './vitest.config.js';

// One file at a time: each starts hundreds of processes, and two at once only starve each other.
export default defineConfig({...base, test: {...base.test, include: STRESS, exclude: configDefaults.exclude, maxWorkers: 1, fileParallelism: false}});
