// The chef owns the plan: add, edit and remove enhetsmål, activities and indicators; move between
// periods (carrying the previous one forward) and mark a period inlämnad.
import {MalkollError} from '../errors.js';
import {type Change, type Entity, type Op, entityOfId, findEntity, namedOp} from '../domain/ops.js';
import {carryForwardOps, forraPeriod, harUppfoljning, inlamnadOp, nextGoalId, nextRowId, nivaUnder, removeOps} from '../domain/plan.js';
import {type Period, PERIODER, type StoreData, NIVA_NAMN, PERIOD_NAMN} from '../domain/types.js';
import {applyChanges, defaultAuthor, loadStore} from '../store/index.js';
import {describeChange} from '../report/describe.js';
import {fieldFlags, parseFlag} from './set.js';
import {visibleLine} from '../report/visible.js';
import {type Ctx, parsePeriod, requireId, storePath, stringFlag, writeJson} from './context.js';

const KIND: Record<string, Entity> = {mal: 'goal', enhetsmal: 'goal', namndmal: 'goal', aktivitet: 'activity', indikator: 'indicator'};

/** Catalogue fields given as flags, parsed by the table; an empty value clears the field (undefined). */
function definition(ctx: Ctx, command: 'add' | 'edit', entity: Entity): Array<[string, unknown]> {
	return fieldFlags(ctx, command, entity).map(v => [v[0].name, parseFlag(v)]);
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
		ctx.io.stdout.write(`${describeChange(c)}\n`);
	}
}

/** `malkoll add enhetsmal|aktivitet|indikator --under ID --titel TEXT ...`: prints the new id. */
export async function add(ctx: Ctx): Promise<number> {
	const [kind, ...rest] = ctx.args;
	const entity = kind !== undefined && Object.hasOwn(KIND, kind) ? KIND[kind] : undefined;
	if (!entity || rest.length > 0) throw new MalkollError('add: ange vad som läggs till: enhetsmal, aktivitet eller indikator, t.ex. malkoll add enhetsmal --under 1.4.1 --titel "..."');
	const under = stringFlag(ctx, 'under');
	if (under === undefined) throw new MalkollError(`add ${kind}: ange --under ID (målet det hör till)`);
	const fields = Object.fromEntries(definition(ctx, 'add', entity).filter(([, v]) => v !== undefined));
	if (!fields.titel && !fields.text && !fields.namn) throw new MalkollError(`add ${kind}: ange --titel`);
	if (entity === 'indicator') fields.riktning ??= 'hogre';
	const path = await storePath(ctx);
	const changes = await apply(ctx, path, data => {
		const parent = data.goals.find(g => g.id === under);
		if (!parent) throw new MalkollError(`--under: okänt mål-id "${visibleLine(under)}"`);
		if (entity !== 'goal') return [namedOp({op: 'add', entity, item: {id: nextRowId(data, entity, parent.id), malId: parent.id, ...fields}})];
		if (parent.niva === 'enhetsmal') throw new MalkollError(`--under ${under}: enhetsmål är den lägsta nivån; lägg målet under ett nämndmål`);
		const niva = nivaUnder(parent);
		if (kind === 'enhetsmal' && niva !== 'enhetsmal') throw new MalkollError(`--under ${under}: ett enhetsmål läggs under ett nämndmål, inte under ett ${NIVA_NAMN[parent.niva].toLowerCase()}`);
		return [namedOp({op: 'add', entity, item: {id: nextGoalId(data, parent.id), niva, parentId: parent.id, forvantatResultat: [], ...fields}})];
	});
	if (ctx.flags.json) writeJson(ctx, changes);
	else ctx.io.stdout.write(`${changes.map(c => c.id).join('\n')}\n`);
	return 0;
}

/** `malkoll edit ID --titel ... --slut ...`: changes catalogue fields; the id stays. */
export async function edit(ctx: Ctx): Promise<number> {
	const id = requireId(ctx, 'edit');
	const entity = entityOfId(id);
	if (!entity) throw new MalkollError(`edit: "${visibleLine(id)}" är inget id`);
	const fields = definition(ctx, 'edit', entity);
	if (fields.length === 0) throw new MalkollError(`edit ${id}: inget att ändra (se malkoll edit --help)`);
	const path = await storePath(ctx);
	print(ctx, await apply(ctx, path, () => fields.map(([field, value]) => namedOp({op: 'def', entity, id, field, value}))));
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
			if (entity === 'goal' && data.goals.some(g => g.parentId === id)) throw new MalkollError(`rm ${id}: målet har undermål; ta bort dem först`);
			return removeOps(data, entity, id);
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
		const meta = changes.find(c => c.op === 'meta');
		const to = meta ? String(meta.new) : String(ctx.args[0]).toUpperCase();
		ctx.io.stdout.write(`Period ${to}${carried ? `: ${carried} bedömningar och texter överförda, markerade ej granskad` : ''}\n`);
	}
	return 0;
}

/** `malkoll submit [--period P] [--reopen]`: marks a period inlämnad; later changes to it need --force. */
export async function submit(ctx: Ctx): Promise<number> {
	if (ctx.args.length > 0) throw new MalkollError(`submit: oväntat argument "${visibleLine(ctx.args.join(' '))}"`);
	const path = await storePath(ctx);
	const author = stringFlag(ctx, 'author') ?? defaultAuthor();
	let p: Period | undefined;
	const changes = await apply(ctx, path, data => {
		p = parsePeriod(stringFlag(ctx, 'period'), data);
		const redan = data.inlamnad?.[p];
		if (ctx.flags.reopen && !redan) throw new MalkollError(`submit --reopen: ${p} är inte inlämnad`);
		if (!ctx.flags.reopen && redan) throw new MalkollError(`submit: ${p} är redan inlämnad (${redan.at.slice(0, 10)} av ${redan.av})`);
		return [inlamnadOp(data, p, ctx.flags.reopen ? undefined : author)];
	});
	if (ctx.flags.json) writeJson(ctx, changes);
	else ctx.io.stdout.write(ctx.flags.reopen ? `${p} är öppnad igen\n` : `${p} är markerad inlämnad\n`);
	return 0;
}
