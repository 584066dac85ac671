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

describe('the detail pane (source/ui/views/detail.ts)', () => {
	const rader = async (id: string, w: number, d: StoreData = data, asOf = '2025-12-31') => {
		const {detaljRader} = await import('../source/ui/views/detail.js');
		const {goalDetail} = await import('../source/domain/detail.js');
		const i = indexStore(d);
		const {rader} = detaljRader(goalDetail(d, i, i.goals.get(id)!, 'VB', asOf), {fokus: 'tree', listIndex: 0, organisation: 'Beställarenhet 2'}, w);
		return rader.map(r => r.map(s => s.t).join(''));
	};

	it('wraps Förväntat resultat 3 as two paragraphs under its number, with no "↵"', async () => {
		const r = await rader('3.4.1.1', 60);
		expect(r.join('\n')).not.toContain('↵');
		const i = r.findIndex(l => l.startsWith('3. Samtliga medarbetare'));
		expect(r.slice(i, i + 3)).toEqual(['3. Samtliga medarbetare involveras i hälsoaktiviteter.', '', '   Enligt en mätning år 2024 av lika rättigheter och']);
	});

	it('at the width of an 80-column screen an activity\'s state and days wrap rather than being cut', async () => {
		const d = structuredClone(data);
		d.followUp.VB!.activities['3.5.1:a1'] = {tillstand: 'pagar', nyttSlut: '2026-01-10', ejGranskad: true};
		const r = await rader('3.5.1.1', 34, d);
		const i = r.findIndex(l => l.includes('Pågår'));
		expect(r.slice(i, i + 3)).toEqual(['  Pågår · slutar om 10\u00a0d', '  Slut 2026-01-10 (flyttat)', '  * ej granskad']);
		for (const l of r) expect(l.length).toBeLessThanOrEqual(34);
		expect(r.join('\n')).not.toMatch(/snart \(0 …/);
	});
});

it('the detail pane gives each warning its rule and how to answer it, or the answer', async () => {
	const {detaljRader} = await import('../source/ui/views/detail.js');
	const {goalDetail} = await import('../source/domain/detail.js');
	const d = structuredClone(data);
	d.followUp.VB!.goals['3.4.1.1']!.besvarat = {'helt-men-indikator': 'Enhetens eget mål nås.'};
	const visa = (x: StoreData) => {
		const i = indexStore(x);
		return detaljRader(goalDetail(x, i, i.goals.get('3.4.1.1')!, 'VB', '2025-12-31'), {fokus: 'tree', listIndex: 0, organisation: 'B2'}, 200).rader.map(r => r.map(s => s.t).join(''));
	};
	const fore = visa(data);
	const i = fore.findIndex(l => l.startsWith('! Enhetsmål 3.4.1.1 uppfylls helt, men Sjukfrånvaro (3.4:i2)'));
	expect(fore[i + 1]).toMatch(/^ {2}Regel: Stadens anvisningar: en status motiveras nedifrån/);
	expect(fore[i + 2]).toBe('  Svar: ändra status, eller förklara i indikatorns analys varför målet ändå uppfylls, eller w: besvara med en motivering');
	const efter = visa(d);
	const j = efter.findIndex(l => l.startsWith('✓ Enhetsmål 3.4.1.1 uppfylls helt, men Sjukfrånvaro (3.4:i2)'));
	expect(efter[j + 2]).toBe('  Besvarad: Enhetens eget mål nås.');
});
