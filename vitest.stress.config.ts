import {configDefaults, defineConfig} from 'vitest/config';
import base, {STRESS} from './vitest.config.js';

export default defineConfig({...base, test: {...base.test, include: STRESS, exclude: configDefaults.exclude}});
