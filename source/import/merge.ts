// --into: a later report of the same year as Ops on a store; nothing it leaves out is removed (a T1 lists only KF uppdrag).
import {MalkollError} from '../errors.js';
import {fields} from '../domain/fields.js';
import {type Entity, namedOp, type Op} from '../domain/ops.js';
import {type Activity, type Goal, type Indicator, PERIODER, type StoreData} from '../domain/types.js';
import {likhet, norm} from './tree.js';

type Rec = Record<string, unknown>;

function sammaNamn(a: string, b: string): boolean {
	return norm(a) === norm(b) || (likhet(a, b) >= 0.8 && likhet(b, a) >= 0.8);
}

/** The ops that bring `ny` (a freshly imported report) into `befintlig`, and notes on what they do. */
export function planMerge(befintlig: StoreData, ny: StoreData): {ops: Op[]; notes: string[]} {
	if (befintlig.year !== ny.year) {
		throw new MalkollError(`rapporten gäller ${ny.year} men lagret gäller ${befintlig.year}; importera till ett nytt lager med --out`);
	}
	if (!sammaNamn(befintlig.organisation.namn, ny.organisation.namn)) {
		throw new MalkollError(`rapporten gäller ${ny.organisation.namn} men lagret gäller ${befintlig.organisation.namn}`);
	}
	const ops: Op[] = [];
	const notes: string[] = [];
	const idMap = new Map<string, string>();
	const taken = new Set<string>([...befintlig.goals.map(g => g.id), ...(befintlig.borttagna ?? [])]);
	const matched = new Set<string>();

	for (const g of ny.goals) {
		const parentId = g.parentId ? idMap.get(g.parentId) : undefined;
		const kandidater = befintlig.goals.filter(e => e.niva === g.niva && e.parentId === parentId && !matched.has(e.id));
		const sammaId = kandidater.find(e => e.id === g.id);
		// The goal of the same id unless its title differs, else the one whose title is most alike.
		let hit = sammaId && (g.niva === 'im' || g.niva === 'vo' || likhet(g.titel, sammaId.titel) >= 0.5) ? sammaId : undefined;
		let best = 0;
		for (const e of hit ? [] : kandidater) {
			const s = Math.min(likhet(g.titel, e.titel), likhet(e.titel, g.titel));
			if (s >= 0.6 && s > best) [best, hit] = [s, e];
		}
		if (hit) {
			matched.add(hit.id);
			idMap.set(g.id, hit.id);
			if (g.beskrivning !== undefined && hit.beskrivning === undefined) ops.push({op: 'def', entity: 'goal', id: hit.id, field: 'beskrivning', value: g.beskrivning});
			// The report's ids, as for a new goal below: the goals it contributes to by their ids in the store.
			if (g.bidrarTill !== undefined && hit.bidrarTill === undefined) {
				ops.push({op: 'def', entity: 'goal', id: hit.id, field: 'bidrarTill', value: g.bidrarTill.map(b => idMap.get(b) ?? b)});
			}
			if (g.forvantatResultat.length > 0 && hit.forvantatResultat.length === 0) {
				ops.push({op: 'def', entity: 'goal', id: hit.id, field: 'forvantatResultat', value: g.forvantatResultat});
			}
			continue;
		}
		let id = g.id;
		if (taken.has(id) || (parentId && !id.startsWith(parentId + '.'))) {
			const under = (n: number) => (parentId ? `${parentId}.${n}` : String(n));
			let n = 1;
			while (taken.has(under(n))) n++;
			id = under(n);
		}
		taken.add(id);
		idMap.set(g.id, id);
		const item: Goal = {...g, id, ...(parentId && {parentId}), ...(g.bidrarTill && {bidrarTill: g.bidrarTill.map(b => idMap.get(b) ?? b)})};
		ops.push({op: 'add', entity: 'goal', item});
		notes.push(`nytt mål ${id}: ${g.titel}`);
	}

	const barn = <T extends Indicator | Activity>(entity: 'indicator' | 'activity', nyLista: T[], gamla: T[], text: (x: T) => string) => {
		const suffix = entity === 'indicator' ? 'i' : 'a';
		const upptagna = new Set<string>([...gamla.map(x => x.id), ...(befintlig.borttagna ?? [])]);
		const anvanda = new Set<string>();
		for (const x of nyLista) {
			const malId = idMap.get(x.malId)!;
			const hit = gamla.find(e => e.malId === malId && !anvanda.has(e.id) && sammaNamn(text(e), text(x)));
			if (hit) {
				anvanda.add(hit.id);
				idMap.set(x.id, hit.id);
				const [rec, nyRec] = [hit, x] as unknown as [Rec, Rec];
				for (const {name: f} of fields(entity, 'plan')) {
					if (nyRec[f] !== undefined && rec[f] === undefined) ops.push(namedOp({op: 'def', entity, id: hit.id, field: f, value: nyRec[f]}));
				}
				continue;
			}
			let n = 1;
			while (upptagna.has(`${malId}:${suffix}${n}`)) n++;
			const id = `${malId}:${suffix}${n}`;
			upptagna.add(id);
			idMap.set(x.id, id);
			ops.push(namedOp({op: 'add', entity, item: {...x, id, malId}}));
		}
	};
	barn('indicator', ny.indicators, befintlig.indicators, x => x.namn);
	barn('activity', ny.activities, befintlig.activities, x => x.text);

	const period = ny.period;
	const fu = ny.followUp[period];
	const gammal = befintlig.followUp[period];
	if (fu) {
		const buckets = [
			['goal', fu.goals, gammal?.goals],
			['indicator', fu.indicators, gammal?.indicators],
			['activity', fu.activities, gammal?.activities],
		] as Array<[Entity, Record<string, Rec>, Record<string, Rec> | undefined]>;
		for (const [entity, bucket, old] of buckets) {
			for (const [nyId, falt] of Object.entries(bucket)) {
				const id = idMap.get(nyId)!;
				for (const {name: f} of fields(entity, 'followUp')) {
					const value = falt[f];
					if (value === undefined) continue;
					if (JSON.stringify(old?.[id]?.[f]) === JSON.stringify(value)) continue;
					if (entity === 'goal' && f === 'status') {
						const goal = befintlig.goals.find(g => g.id === id) ?? ny.goals.find(g => g.id === nyId)!;
						// A unit does not assess the nämnd's levels; their "Inga data" needs no place.
						if (!befintlig.bedomdaNivaer.includes(goal.niva)) {
							if (value !== 'inga-data') notes.push(`${id}: status ${String(value)} hoppas över (nivån bedöms inte i lagret)`);
							continue;
						}
					}
					ops.push(namedOp({op: 'set', period, entity, id, field: f, value}));
				}
			}
		}
	}
	// A later report moves the store on to its period (T1 onto the VP's store, the VB onto that).
	if (PERIODER.indexOf(period) > PERIODER.indexOf(befintlig.period)) {
		ops.push({op: 'meta', field: 'period', value: period});
		notes.push(`perioden är nu ${period}`);
	}
	return {ops, notes};
}
