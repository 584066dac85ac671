import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {analysMall, arTomAnalys, splitPunkter} from '../source/domain/analys.js';
import type {Goal} from '../source/domain/types.js';

const fixture = (namn: string) => readFileSync(new URL(`fixtures/${namn}`, import.meta.url), 'utf8');

// 003:149-187, enhetsmål under VO 1.4.
const BEMOTANDE: Goal = {
	id: '1.4.1.1',
	niva: 'enhetsmal',
	parentId: '1.4.1',
	titel: 'Den enskilde får ett gott bemötande och enheten erbjuder delaktighet och tillvaratar den enskildes resurser så att enheten uppnår en rättssäker och likställd myndighetsutövning av god kvalitet.',
	forvantatResultat: [
		{nr: 1, text: 'Den enskilde upplever att hen får ett gott bemötande och en likställd myndighetsutövning i samband med handläggningen av det enskilda ärendet.'},
		{nr: 2, text: 'Den enskilde ska vara i centrum då enheten arbetar efter god och nära vård och förebyggande i enlighet av den nya Socialtjänstlagen.'},
		{nr: 3, text: 'Under 2025 avser enheten att öka antalet inkomna genomförandeplaner gällande ärenden med hemtjänstinsatser. En ökning ska ske med 25 %.'},
	],
};

describe('splitPunkter on 003', () => {
	it('splits the bemötande analysis (003:161-187) into the assessment and three notes', () => {
		const {inledning, punkter} = splitPunkter(fixture('domain-003-analys-bemotande.txt'));
		expect(inledning).toBe(
			'Området bedömer att enhetsmålet har uppnåtts helt. Bedömningen grundar sig på att de tre förväntade resultaten har uppnåtts. Som stöd för bedömningen har området även vägt in att tillhörande indikatorerna och aktiviteter har uppfyllts och genomförts under året.',
		);
		expect(punkter.map(p => p.nr)).toEqual([1, 2, 3]);
		expect(punkter[0]!.text.startsWith('Samtliga beslut har följts upp kontinuerligt')).toBe(true);
		expect(punkter[0]!.text.endsWith('kvalitetsuppföljningar på individnivå av beviljade insatser.')).toBe(true);
		// A note keeps its own paragraphs, including the sentence split by a blank line (003:179-181).
		expect(punkter[1]!.text).toContain('via KOMPASS - projektet\n\nsom handlar om att lotsa');
		expect(punkter[2]!.text).toBe(
			'En medarbetare har under året granskat rapporten gällande genomförandeplaner i verksamhetssystemet Paraplyet. Där det saknats genomförandeplaner har en kontakt tagits med utförarna för att säkerställa att genomförandeplanerna inkommer. Vid nyprövningarna av besluten har genomförandeplanerna sedan granskats för att säkerställa att insatserna stämmer överens med beviljade insatser. Området kan se att en ökning av inkomna genomförandeplaner skett under året som gått.',
		);
	});

	it('trims the blank and " " lines a note opens with (003:234-238)', () => {
		const {punkter} = splitPunkter(fixture('domain-003-analys-energi.txt'));
		expect(punkter).toEqual([
			{nr: 1, text: expect.stringMatching(/^Alla medarbetare inom området har utnyttjat möjligheten att sopsortera\..*energi\.$/)},
			{nr: 2, text: 'Medarbetarna har börjat använda förvaltningens el-bil och området bedömer att användandet kommer fortsätta att öka.'},
		]);
	});

	it('keeps the 86.5 % result in Punkt 3 of the arbetsgivare analysis (003:370)', () => {
		const {punkter} = splitPunkter(fixture('domain-003-analys-arbetsgivare.txt'));
		expect(punkter).toHaveLength(3);
		expect(punkter[2]!.text).toMatch(/fick ett resultat på att 86\.5 %\.$/);
	});
});

describe('splitPunkter edge cases', () => {
	it('reads text on the Punkt line itself and tolerates spacing', () => {
		expect(splitPunkter('Bedömningen grundas på A.\n  Punkt 1: Klart.\nMer.\nPunkt  2 :\nSenare.')).toEqual({
			inledning: 'Bedömningen grundas på A.',
			punkter: [
				{nr: 1, text: 'Klart.\nMer.'},
				{nr: 2, text: 'Senare.'},
			],
		});
	});

	it('gives only the overall text when there are no notes (000 nämndmål, 000:423-425)', () => {
		const text = 'Nämnden gör bedömningen att nämndmålet har uppnåtts. Bedömningen grundas på att det förväntade resultatet har uppnåtts.';
		expect(splitPunkter(text)).toEqual({inledning: text, punkter: []});
		expect(splitPunkter('')).toEqual({inledning: '', punkter: []});
	});

	it('does not take "Punkt" inside a sentence for a note', () => {
		expect(splitPunkter('Se Punkt 1: nedan.\nPunkt 1:\nText').punkter).toEqual([{nr: 1, text: 'Text'}]);
	});
});

describe('analysMall', () => {
	it('offers one Punkt per Förväntat resultat', () => {
		expect(analysMall(BEMOTANDE)).toBe('Bedömningen grundas på \n\nPunkt 1:\n\n\nPunkt 2:\n\n\nPunkt 3:\n');
	});

	it('is just the assessment line without Förväntat resultat', () => {
		expect(analysMall({...BEMOTANDE, forvantatResultat: []})).toBe('Bedömningen grundas på ');
	});

	it('splits back into empty notes numbered as the results', () => {
		const goal = {...BEMOTANDE, forvantatResultat: [{nr: 1, text: 'a'}, {nr: 2, text: 'b'}]};
		expect(splitPunkter(analysMall(goal))).toEqual({inledning: 'Bedömningen grundas på', punkter: [{nr: 1, text: ''}, {nr: 2, text: ''}]});
	});

	it('counts the untouched template as no analysis', () => {
		expect(arTomAnalys(undefined, BEMOTANDE)).toBe(true);
		expect(arTomAnalys(' \n', BEMOTANDE)).toBe(true);
		expect(arTomAnalys(analysMall(BEMOTANDE), BEMOTANDE)).toBe(true);
		expect(arTomAnalys(fixture('domain-003-analys-bemotande.txt'), BEMOTANDE)).toBe(false);
	});
});
