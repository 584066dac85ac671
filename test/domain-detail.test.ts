// The detail of a goal, an indicator or an activity: the one view model `malkoll show` prints and
// the TUI's detail pane draws, on the bundled store's real values.
import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {indexStore} from '../source/domain/bedomning.js';
import {detail} from '../source/domain/detail.js';
import type {StoreData} from '../source/domain/types.js';
import {BUNDLED} from './helpers.js';

const data = JSON.parse(readFileSync(BUNDLED, 'utf8')) as StoreData;
const idx = indexStore(data);
const vy = (id: string) => detail(data, idx, id, 'VB', '2025-12-31');

describe('detail', () => {
	it('a goal assessed helt while sjukfrånvaro 8,2 % misses årsmål 7,2 %: the suggestion and the VO indicators with it', () => {
		const g = vy('3.4.1.1');
		expect(g?.entity).toBe('goal');
		if (g?.entity !== 'goal') return;
		expect([g.bedoms, g.followUp.status, g.forslag.status]).toEqual([true, 'helt', 'delvis']);
		expect(g.overordnade.map(o => o.id)).toEqual(['3.4.1', '3.4', '3']);
		const sjuk = g.indicators.find(i => i.id === '3.4:i2')!;
		expect([sjuk.followUp.utfall?.raw, sjuk.arsmal?.raw, sjuk.bedomning.verdict]).toEqual(['8,2 %', '7,2 %', 'delvis']);
		expect(g.punkter.map(p => p.nr)).toEqual([1, 2, 3]);
	});

	it('an activity and an indicator have their own views; an unknown id has none', () => {
		expect(vy('1.4.1:a1')).toMatchObject({entity: 'activity', malId: '1.4.1', bedomning: {forsenad: false}});
		expect(vy('3.4:i2')).toMatchObject({entity: 'indicator', namn: 'Sjukfrånvaro', perioder: {VB: {utfall: {raw: '8,2 %'}}}});
		expect(vy('9.9.9')).toBeUndefined();
	});
});
