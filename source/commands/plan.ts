// The chef owns the plan: add, edit and remove enhetsmål, activities and indicators; move between
// periods (carrying the previous one forward) and mark a period inlämnad.
import {MalkollError} from '../errors.js';
import {parseDatum} from '../domain/datum.js';
import {type Change, type Entity, type Op, entityOfId, findEntity} from '../domain/ops.js';
import {carryForwardOps, forraPeriod, harUppfoljning, nextGoalId, nextRowId, nivaUnder} from '../domain/plan.js';
import {parseVarde} from '../domain/tal.js';
import {type Activity, type Goal, type Indicator, type Period, PERIODER, RIKTNINGAR, type StoreData, NIVA_NAMN, PERIOD_NAMN} from '../domain/types.js';
import {applyChanges, defaultAuthor, loadStore} from '../store/index.js';
import {describeValue} from '../report/describe.js';
import {visibleLine} from '../report/visible.js';
import {kebab} from '../flagga.js';
import {type Ctx, parsePeriod, requireId, storePath, stringFlag, writeJson} from './context.js';

const KIND: Record<string, Entity> = {
	mal: 'goal',
	enhetsmal: 'goal',
	namndmal: 'goal',
	aktivitet: 'activity',
	indikator: 'indicator',
};

function text(ctx: Ctx, name: string, falt: string): string | undefined {
	const v = stringFlag(ctx, name);
	if (v === undefined) return undefined;
	if (v.trim() === '') throw new MalkollError(`${falt}: får inte vara tomt`);
	return v;
}

/** meow gives a multiple flag as [] when it is absent. */
function given(ctx: Ctx, name: string): boolean {
	const v = ctx.flags[name] as unknown;
	return v !== undefined && !(Array.isArray(v) && v.length === 0);
}

function resultat(ctx: Ctx): Goal['forvantatResultat'] | undefined {
	const v = ctx.flags.resultat as unknown;
	if (!given(ctx, 'resultat')) return undefined;
	const list = (Array.isArray(v) ? v : [v]) as string[];
	return list.filter(r => r.trim() !== '').map((r, i) => ({nr: i + 1, text: r}));
}

function datum(ctx: Ctx, name: 'start' | 'slut'): string | undefined {
	const v = stringFlag(ctx, name);
	return v === undefined ? undefined : parseDatum(v, `--${name}`);
}

function mal(ctx: Ctx, name: 'arsmal' | 'kfArsmal'): Indicator['arsmal'] {
	const v = stringFlag(ctx, name);
	if (v === undefined) return undefined;
	if (v.trim() === '') throw new MalkollError(`--${name === 'arsmal' ? 'arsmal' : 'kf-arsmal'}: ange ett mål, t.ex. "80 %"`);
	return parseVarde(v);
}

function choice<T extends string>(ctx: Ctx, name: string, allowed: readonly T[]): T | undefined {
	const v = stringFlag(ctx, name);
	if (v === undefined) return undefined;
	if (!(allowed as readonly string[]).includes(v)) throw new MalkollError(`--${name}: "${visibleLine(v)}" (välj ${allowed.join(', ')})`);
	return v as T;
}

/** Catalogue fields given as flags, for `add` and `edit`, per kind. */
function definition(ctx: Ctx, entity: Entity): Record<string, unknown> {
	const fields: Record<string, unknown> =
		entity === 'goal'
			? {titel: text(ctx, 'titel', '--titel'), beskrivning: stringFlag(ctx, 'beskrivning'), forvantatResultat: resultat(ctx)}
			: entity === 'activity'
				? {text: text(ctx, 'titel', '--titel'), start: datum(ctx, 'start'), slut: datum(ctx, 'slut')}
				: {
						namn: text(ctx, 'titel', '--titel'),
						enhet: choice(ctx, 'enhet', ['%', 'st', 'index'] as const),
						riktning: choice(ctx, 'riktning', RIKTNINGAR),
						periodicitet: choice(ctx, 'periodicitet', ['år', 'tertial'] as const),
						arsmal: mal(ctx, 'arsmal'),
						kfArsmal: mal(ctx, 'kfArsmal'),
					};
	const allowed = new Set(entity === 'goal' ? ['titel', 'beskrivning', 'resultat'] : entity === 'activity' ? ['titel', 'start', 'slut'] : ['titel', 'enhet', 'riktning', 'periodicitet', 'arsmal', 'kfArsmal']);
	for (const f of ['titel', 'beskrivning', 'resultat', 'start', 'slut', 'enhet', 'riktning', 'periodicitet', 'arsmal', 'kfArsmal']) {
		if (given(ctx, f) && !allowed.has(f)) {
			throw new MalkollError(`--${kebab(f)} gäller inte ${entity === 'goal' ? 'mål' : entity === 'activity' ? 'aktiviteter' : 'indikatorer'}`);
		}
	}
	return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
}

async function apply(ctx: Ctx, path: string, ops: (data: StoreData) => Op[]): Promise<Change[]> {
	try {
		return (await applyChanges(path, ops, {author: stringFlag(ctx, 'author'), force: ctx.flags.force === true})).changes;
	} catch (error) {
		if (error instanceof MalkollError && !error.message.includes(path)) throw new MalkollError(`${path}: ${error.message}`);
		throw error;
	}
}

function print(ctx: Ctx, changes: Change[]): void {
	if (ctx.flags.json) {
		writeJson(ctx, changes);
		return;
	}
	for (const c of changes) {
		const what =
			c.op === 'add' ? 'tillagd' : c.op === 'remove' ? 'borttagen' : `${c.field}${c.period ? ` (${c.period})` : ''}: ${describeValue(c.old)} → ${describeValue(c.new)}`;
		ctx.io.stdout.write(`${c.id} ${what}\n`);
	}
}

/** `malkoll add enhetsmal|aktivitet|indikator --under ID --titel TEXT ...`: prints the new id. */
export async function add(ctx: Ctx): Promise<number> {
	const [kind, ...rest] = ctx.args;
	const entity = kind === undefined ? undefined : KIND[kind];
	if (!entity || rest.length > 0) throw new MalkollError('add: ange vad som läggs till: enhetsmal, aktivitet eller indikator, t.ex. malkoll add enhetsmal --under 1.4.1 --titel "..."');
	const under = stringFlag(ctx, 'under');
	if (under === undefined) throw new MalkollError(`add ${kind}: ange --under ID (målet det hör till)`);
	const fields = definition(ctx, entity);
	if (!fields.titel && !fields.text && !fields.namn) throw new MalkollError(`add ${kind}: ange --titel`);
	if (entity === 'indicator' && !fields.riktning) fields.riktning = 'hogre';
	const path = await storePath(ctx);
	const changes = await apply(ctx, path, data => {
		const parent = data.goals.find(g => g.id === under);
		if (!parent) throw new MalkollError(`--under: okänt mål-id "${visibleLine(under)}"`);
		if (entity === 'goal') {
			if (parent.niva === 'enhetsmal') throw new MalkollError(`--under ${under}: enhetsmål är den lägsta nivån; lägg målet under ett nämndmål`);
			const niva = nivaUnder(parent);
			if (kind === 'enhetsmal' && niva !== 'enhetsmal') throw new MalkollError(`--under ${under}: ett enhetsmål läggs under ett nämndmål, inte under ett ${NIVA_NAMN[parent.niva].toLowerCase()}`);
			const goal: Goal = {id: nextGoalId(data, parent.id), niva, titel: String(fields.titel ?? ''), parentId: parent.id, forvantatResultat: (fields.forvantatResultat as Goal['forvantatResultat']) ?? []};
			if (fields.beskrivning) goal.beskrivning = String(fields.beskrivning);
			return [{op: 'add', entity, item: goal}];
		}
		const id = nextRowId(data, entity, parent.id);
		return [{op: 'add', entity, item: {id, malId: parent.id, ...fields} as Activity | Indicator}];
	});
	if (ctx.flags.json) writeJson(ctx, changes);
	else ctx.io.stdout.write(`${changes[0]!.id}\n`);
	return 0;
}

/** `malkoll edit ID --titel ... --slut ...`: changes catalogue fields; the id stays. */
export async function edit(ctx: Ctx): Promise<number> {
	const id = requireId(ctx, 'edit');
	const entity = entityOfId(id);
	if (!entity) throw new MalkollError(`edit: "${visibleLine(id)}" är inget id`);
	const fields = definition(ctx, entity);
	if (Object.keys(fields).length === 0) throw new MalkollError(`edit ${id}: inget att ändra (--titel, --beskrivning, --resultat, --start, --slut, --arsmal, --riktning ...)`);
	const path = await storePath(ctx);
	print(ctx, await apply(ctx, path, () => Object.entries(fields).map(([field, value]) => ({op: 'def', entity, id, field, value}))));
	return 0;
}

/** `malkoll rm ID`: removes a goal (with its own indicators and activities) or a row. The id is never reused. */
export async function rm(ctx: Ctx): Promise<number> {
	const id = requireId(ctx, 'rm');
	const entity = entityOfId(id);
	if (!entity) throw new MalkollError(`rm: "${visibleLine(id)}" är inget id`);
	const path = await storePath(ctx);
	print(
		ctx,
		await apply(ctx, path, data => {
			if (!findEntity(data, entity, id)) throw new MalkollError(`rm: okänt id "${visibleLine(id)}"`);
			if (entity !== 'goal') return [{op: 'remove', entity, id}];
			if (data.goals.some(g => g.parentId === id)) throw new MalkollError(`rm ${id}: målet har undermål; ta bort dem först`);
			return [
				...data.indicators.filter(i => i.malId === id).map((i): Op => ({op: 'remove', entity: 'indicator', id: i.id})),
				...data.activities.filter(a => a.malId === id).map((a): Op => ({op: 'remove', entity: 'activity', id: a.id})),
				{op: 'remove', entity, id},
			];
		}),
	);
	return 0;
}

function periodLines(data: StoreData): string[] {
	return PERIODER.map(p => {
		const inl = data.inlamnad?.[p];
		const mark = p === data.period ? '▸' : ' ';
		const state = inl ? `inlämnad ${inl.at.slice(0, 10)} av ${visibleLine(inl.av)}` : harUppfoljning(data, p) ? 'påbörjad' : 'ej påbörjad';
		return `${mark} ${p}  ${PERIOD_NAMN[p].padEnd(22)} ${state}`;
	});
}

/** `malkoll period [P] [--carry|--no-carry]`: shows or switches the period followed up. A period
 * with no follow-up yet starts from the previous one with --carry (marked ej granskad). */
export async function period(ctx: Ctx): Promise<number> {
	const path = await storePath(ctx);
	if (ctx.args.length === 0) {
		const data = await loadStore(path);
		if (ctx.flags.json) writeJson(ctx, {period: data.period, inlamnad: data.inlamnad ?? {}, perioder: PERIODER.map(p => ({period: p, paborjad: harUppfoljning(data, p)}))});
		else ctx.io.stdout.write(`${periodLines(data).join('\n')}\n`);
		return 0;
	}
	if (ctx.args.length > 1) throw new MalkollError('period: en period i taget');
	const changes = await apply(ctx, path, data => {
		const to = parsePeriod(ctx.args[0], data);
		const from = forraPeriod(to);
		const ops: Op[] = to === data.period ? [] : [{op: 'meta', field: 'period', value: to}];
		if (from && !harUppfoljning(data, to) && harUppfoljning(data, from)) {
			if (ctx.flags.carry === undefined) {
				throw new MalkollError(`period ${to}: ${to} är inte påbörjad; välj --carry (starta från ${from}, markerat ej granskad) eller --no-carry (börja tomt)`);
			}
			if (ctx.flags.carry) ops.push(...carryForwardOps(data, from, to));
		} else if (ctx.flags.carry) {
			throw new MalkollError(`period ${to}: --carry gäller bara en period som inte är påbörjad${from ? ` (och ${from} har uppföljning)` : ''}`);
		}
		return ops;
	});
	if (ctx.flags.json) writeJson(ctx, changes);
	else {
		const carried = new Set(changes.filter(c => c.field === 'ejGranskad').map(c => c.id)).size;
		const to = (changes.find(c => c.op === 'meta')?.new as Period | undefined) ?? ctx.args[0]!.toUpperCase();
		ctx.io.stdout.write(`Period ${to}${carried ? `: ${carried} bedömningar och texter överförda, markerade ej granskad` : ''}\n`);
	}
	return 0;
}

/** `malkoll submit [--period P] [--reopen]`: marks a period inlämnad; later changes to it need --force. */
export async function submit(ctx: Ctx): Promise<number> {
	if (ctx.args.length > 0) throw new MalkollError(`submit: oväntat argument "${visibleLine(ctx.args[0]!)}"`);
	const path = await storePath(ctx);
	const author = stringFlag(ctx, 'author') ?? defaultAuthor();
	let p: Period | undefined;
	const changes = await apply(ctx, path, data => {
		p = parsePeriod(stringFlag(ctx, 'period'), data);
		const inlamnad = {...data.inlamnad};
		if (ctx.flags.reopen) {
			if (!inlamnad[p]) throw new MalkollError(`submit --reopen: ${p} är inte inlämnad`);
			delete inlamnad[p];
		} else {
			if (inlamnad[p]) throw new MalkollError(`submit: ${p} är redan inlämnad (${inlamnad[p]!.at.slice(0, 10)} av ${inlamnad[p]!.av})`);
			inlamnad[p] = {at: new Date().toISOString(), av: author};
		}
		return [{op: 'meta', field: 'inlamnad', value: Object.keys(inlamnad).length > 0 ? inlamnad : undefined}];
	});
	if (ctx.flags.json) writeJson(ctx, changes);
	else ctx.io.stdout.write(ctx.flags.reopen ? `${p} är öppnad igen\n` : `${p} är markerad inlämnad\n`);
	return 0;
}
