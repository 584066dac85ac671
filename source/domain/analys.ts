// An enhetsmål analysis is an overall assessment followed by one note per Förväntat resultat,
// each opened by a line "Punkt N:" (003:159-187). The text is stored as typed; this reads it.
import type {Goal} from './types.js';

const PUNKT = /^[ \t]*Punkt[ \t]+(\d+)[ \t]*:[ \t]*(.*)$/u;

export function splitPunkter(analys: string): {inledning: string; punkter: {nr: number; text: string}[]} {
	const inledning: string[] = [];
	const punkter: {nr: number; rader: string[]}[] = [];
	for (const rad of analys.split('\n')) {
		const m = PUNKT.exec(rad);
		if (m) punkter.push({nr: Number(m[1]), rader: m[2] ? [m[2]] : []});
		else (punkter.at(-1)?.rader ?? inledning).push(rad);
	}
	return {
		inledning: inledning.join('\n').trim(),
		punkter: punkter.map(p => ({nr: p.nr, text: p.rader.join('\n').trim()})),
	};
}

const GRUND = 'Bedömningen grundas på ';

/** The skeleton offered in an empty analysis: the assessment line, then one "Punkt N:" per
 * Förväntat resultat. */
export function analysMall(goal: Goal): string {
	return [GRUND, ...goal.forvantatResultat.flatMap(r => ['', `Punkt ${r.nr}:`, ''])].join('\n');
}

/** True when nothing has been written: empty, or the untouched template. */
export function arTomAnalys(analys: string | undefined, goal: Goal): boolean {
	const text = analys?.trim() ?? '';
	// Only a text that opens like the template can be it; skip building it otherwise.
	return text === '' || (text.startsWith(GRUND.trim()) && text === analysMall(goal).trim());
}
