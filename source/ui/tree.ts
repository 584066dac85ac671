// The goal tree as the rows a person can see: flattened once per change of the tree, so a
// keypress only moves an index and only the rows on screen are ever rendered.
import {ancestors, type StoreIndex} from '../domain/bedomning.js';
import type {Goal} from '../domain/types.js';

export interface TradRad {
	goal: Goal;
	djup: number;
	harBarn: boolean;
	oppen: boolean;
}

/** Rows in display order. With `behall`, only those goals are shown and all of them open. */
export function synligaRader(idx: StoreIndex, oppna: ReadonlySet<string>, behall?: ReadonlySet<string>): TradRad[] {
	const out: TradRad[] = [];
	const stack: Array<{goal: Goal; djup: number}> = [];
	const barn = (id: string) => (idx.children.get(id) ?? []).filter(g => !behall || behall.has(g.id));
	const roots = barn('');
	for (let i = roots.length - 1; i >= 0; i--) stack.push({goal: roots[i]!, djup: 0});
	while (stack.length > 0) {
		const {goal, djup} = stack.pop()!;
		const kids = barn(goal.id);
		const oppen = kids.length > 0 && (behall !== undefined || oppna.has(goal.id));
		out.push({goal, djup, harBarn: kids.length > 0, oppen});
		if (oppen) for (let i = kids.length - 1; i >= 0; i--) stack.push({goal: kids[i]!, djup: djup + 1});
	}
	return out;
}

/** Ids of the goal and every goal above it. */
export function medForaldrar(idx: StoreIndex, id: string): string[] {
	return idx.goals.has(id) ? [id, ...ancestors(idx, id).map(g => g.id)] : [];
}
