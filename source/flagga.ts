/** A flag's name as typed: "analysFile" → "analys-file". */
export function kebab(name: string): string {
	return name.replace(/[A-Z]/g, c => `-${c.toLowerCase()}`);
}

/** Edits (insert, delete, substitute, swap two neighbours) from a to b: the optimal string alignment
 * distance, the usual Damerau-Levenshtein for typos. */
export function editDistance(a: string, b: string): number {
	const d = Array.from({length: a.length + 1}, (_, i) => Array.from({length: b.length + 1}, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
	for (let i = 1; i <= a.length; i++) {
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
		}
	}
	return d[a.length]![b.length]!;
}

/** The candidates `typed` may be a typo or an abbreviation of: at most two edits away, or starting
 * with it; nearest first, at most three. */
export function suggest(typed: string, candidates: readonly string[]): string[] {
	const t = typed.toLowerCase();
	if (t.length < 2) return [];
	return candidates
		.map(c => ({c, d: c.startsWith(t) ? 0.5 : editDistance(t, c)}))
		.filter(x => x.d <= 2 && x.c !== t)
		.sort((x, y) => x.d - y.d)
		.slice(0, 3)
		.map(x => x.c);
}

/** " (menade du --period?)" or "" when nothing is near. */
export function menadeDu(typed: string, candidates: readonly string[], prefix = ''): string {
	const s = suggest(typed, candidates);
	return s.length === 0 ? '' : ` (menade du ${s.map(x => prefix + x).join(' eller ')}?)`;
}
