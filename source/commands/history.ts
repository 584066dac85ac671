import {MalkollError} from '../errors.js';
import {parseDatum} from '../domain/datum.js';
import {type Change, type Op, changeTarget, entityOfId, findEntity, getFollowUp, namedOp, same} from '../domain/ops.js';
import type {StoreData} from '../domain/types.js';
import {applyChanges, fardigHistorik, loadStore, readHistory} from '../store/index.js';
import {describeChange} from '../report/describe.js';
import {visibleLine} from '../report/visible.js';
import {type Ctx, requireId, storePath, stringFlag, writeJson} from './context.js';

function describe(c: Change): string {
	const restore = `${c.restore === undefined ? '' : `  [återställd version ${c.restore}]`}${c.efterInlamning ? '  [efter inlämning]' : ''}`;
	return `${c.at.slice(0, 16).replace('T', ' ')}  ${visibleLine(c.author)}  ${describeChange(c)}${restore}`;
}

/** `malkoll history [ID]`: each change a version, numbered from 1 (per id when an id is given). */
export async function history(ctx: Ctx): Promise<number> {
	if (ctx.args.length > 1) throw new MalkollError('history: ett id i taget');
	const id = ctx.args[0]?.trim();
	if (id !== undefined && !entityOfId(id)) throw new MalkollError(`history: "${visibleLine(id)}" är inget id`);
	const since = stringFlag(ctx, 'since');
	const from = since === undefined ? '' : parseDatum(since, '--since');
	const path = await storePath(ctx);
	await fardigHistorik(path);
	const alla = await readHistory(path, id);
	// A removed id keeps its history; an id that never was is a typing error.
	if (id !== undefined && alla.length === 0 && !findEntity(await loadStore(path), entityOfId(id)!, id)) {
		throw new MalkollError(`history: ${id} finns inte i ${path} och har ingen historik`);
	}
	// Versions keep their numbers under --since, so that restore --version N means what history showed.
	const changes = alla.map((c, i) => ({version: i + 1, ...c})).filter(c => c.at.slice(0, 10) >= from);
	if (ctx.flags.json) {
		writeJson(ctx, changes);
		return 0;
	}
	if (changes.length === 0) ctx.io.stdout.write(`${id ? `${id}: ` : ''}inga ändringar i historiken${since ? ` sedan ${from}` : ''}\n`);
	for (const c of changes) ctx.io.stdout.write(`${String(c.version).padStart(4)}  ${describe(c)}\n`);
	return 0;
}

/** The ops that bring the follow-up fields of `id` back to how they were after version N. */
export function restoreOps(changes: Change[], n: number, current: (c: Change) => unknown): Op[] {
	const target = new Map<string, {change: Change; value: unknown}>();
	// i counts every change, as the versions `malkoll history` prints do (adds and removals too).
	changes.forEach((c, i) => {
		if (c.op !== 'set' && c.op !== 'def') return;
		const key = `${c.op}|${c.period ?? ''}|${c.field}`;
		if (i < n) target.set(key, {change: c, value: c.new});
		else if (!target.has(key)) target.set(key, {change: c, value: c.old});
	});
	const ops: Op[] = [];
	for (const {change: c, value} of target.values()) {
		const {entity, id, period, field} = changeTarget(c);
		if (same(current(c), value)) continue;
		ops.push(namedOp(c.op === 'set' ? {op: 'set', period, entity, id, field, value: value ?? undefined} : {op: 'def', entity, id, field, value: value ?? undefined}));
	}
	return ops;
}

export async function restore(ctx: Ctx): Promise<number> {
	const id = requireId(ctx, 'restore');
	const raw = stringFlag(ctx, 'version');
	if (raw === undefined || !/^\d+$/.test(raw.trim())) throw new MalkollError('restore: ange --version N (ett heltal från malkoll history ID)');
	const n = Number(raw);
	const path = await storePath(ctx);
	await fardigHistorik(path);
	const changes = await readHistory(path, id);
	if (changes.length === 0) throw new MalkollError(`restore: ${visibleLine(id)} har ingen historik i ${path}`);
	if (n < 1 || n > changes.length) throw new MalkollError(`restore: ${id} har versionerna 1–${changes.length}, inte ${n}`);
	// Worked out from the store as read under the lock.
	const ops = (data: StoreData): Op[] =>
		restoreOps(changes, n, c => {
			const {entity, id, period, field} = changeTarget(c);
			const item: Record<string, unknown> | undefined = findEntity(data, entity, id);
			return c.op === 'set' ? getFollowUp(data, period, entity, id, field) : item?.[field];
		});
	const {changes: applied} = await applyChanges(path, ops, {author: stringFlag(ctx, 'author'), restore: n, force: ctx.flags.force === true});
	if (applied.length === 0) {
		ctx.io.stdout.write(`${id} är redan som version ${n}\n`);
		return 0;
	}
	if (ctx.flags.json) writeJson(ctx, applied);
	else for (const c of applied) ctx.io.stdout.write(`Återställt ${describe(c)}\n`);
	return 0;
}
