import {readFile} from 'node:fs/promises';
import {MalkollError} from '../errors.js';
import {parseDatum} from '../domain/datum.js';
import {type Change, type Entity, type Op, entityOfId, getFollowUp} from '../domain/ops.js';
import {medGranskning} from '../domain/plan.js';
import {parseInmatning} from '../domain/tal.js';
import type {StoreData} from '../domain/types.js';
import {applyChanges} from '../store/index.js';
import {describeValue} from '../report/describe.js';
import {visibleLine} from '../report/visible.js';
import {kebab} from '../flagga.js';
import {type Ctx, parsePeriod, requireId, storePath, stringFlag, writeJson} from './context.js';

const FLAG_FIELD: Record<Entity, Record<string, string>> = {
	goal: {status: 'status', analys: 'analys', analysFile: 'analys'},
	indicator: {utfall: 'utfall', man: 'man', kvinnor: 'kvinnor', prognos: 'prognos', analys: 'analys', analysFile: 'analys'},
	activity: {state: 'tillstand', avvikelse: 'avvikelse', slut: 'nyttSlut', analys: 'analys', analysFile: 'analys'},
};
const ENTITY_PLURAL: Record<Entity, string> = {goal: 'mål', indicator: 'indikatorer', activity: 'aktiviteter'};
const VALUE_FLAGS = ['status', 'analys', 'analysFile', 'utfall', 'man', 'kvinnor', 'prognos', 'state', 'avvikelse', 'slut'];

/** Reads a text file exactly (UTF-8, nothing trimmed); "-" reads standard input. */
async function readText(file: string, ctx: Ctx): Promise<string> {
	let bytes: Buffer;
	try {
		if (file === '-') {
			const chunks: Buffer[] = [];
			for await (const chunk of ctx.io.stdin) chunks.push(Buffer.from(chunk as Buffer));
			bytes = Buffer.concat(chunks);
		} else {
			bytes = await readFile(file);
		}
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		throw new MalkollError(`--analys-file ${file}: ${code === 'ENOENT' ? 'filen finns inte' : code === 'EISDIR' ? 'är en katalog' : 'kan inte läsas'}`);
	}
	try {
		return new TextDecoder('utf-8', {fatal: true}).decode(bytes);
	} catch {
		throw new MalkollError(`--analys-file ${file}: filen är inte giltig UTF-8`);
	}
}

async function value(flag: string, raw: string, ctx: Ctx): Promise<unknown> {
	switch (flag) {
		case 'status':
		case 'state':
			return raw.trim() === 'none' ? undefined : raw.trim();
		case 'slut':
			return raw.trim() === 'none' || raw.trim() === '' ? undefined : parseDatum(raw, '--slut');
		case 'utfall':
		case 'man':
		case 'kvinnor':
		case 'prognos':
			return parseInmatning(raw, `--${flag}`);
		case 'analysFile':
			return readText(raw, ctx);
		default:
			return raw === '' ? undefined : raw;
	}
}

export async function set(ctx: Ctx): Promise<number> {
	const id = requireId(ctx, 'set');
	const entity = entityOfId(id);
	if (!entity) {
		throw new MalkollError(`set: "${visibleLine(id)}" är inget id (mål som 3.4.1.1, indikatorer som 3.4:i2, aktiviteter som 1.4.1:a3)`);
	}
	if (ctx.flags.analys !== undefined && ctx.flags.analysFile !== undefined) throw new MalkollError('set: välj --analys eller --analys-file, inte båda');
	const given = VALUE_FLAGS.filter(f => ctx.flags[f] !== undefined);
	const granskad = ctx.flags.granskad === true;
	if (given.length === 0 && !granskad) throw new MalkollError(`set ${id}: inget att ändra (se malkoll --help för flaggorna för ${ENTITY_PLURAL[entity]})`);
	for (const f of given) {
		if (!(f in FLAG_FIELD[entity])) throw new MalkollError(`set ${id}: --${kebab(f)} gäller inte ${ENTITY_PLURAL[entity]}`);
		if (typeof ctx.flags[f] !== 'string') throw new MalkollError(`set ${id}: --${kebab(f)} behöver ett värde`);
	}
	const path = await storePath(ctx);
	const values: Array<[string, unknown]> = [];
	// The store is read once, under the lock; the period defaults to the store's current one.
	const ops = (data: StoreData): Op[] => {
		const period = parsePeriod(stringFlag(ctx, 'period'), data);
		const ops: Op[] = values.map(([field, v]) => ({op: 'set', period, entity, id, field, value: v}));
		// Changing a carried-over item confirms it; --granskad confirms it unchanged.
		const all = medGranskning(data, ops);
		if (granskad && all.length === ops.length) {
			if (getFollowUp(data, period, entity, id, 'ejGranskad')) all.push({op: 'set', period, entity, id, field: 'ejGranskad'});
			else if (ops.length === 0) throw new MalkollError(`${id}: inget att bekräfta i ${period}; det är inte markerat ej granskad`);
		}
		return all;
	};
	let changes: Change[];
	try {
		// Inside the try so a bad value names the store too.
		for (const f of given) values.push([FLAG_FIELD[entity][f]!, await value(f, ctx.flags[f] as string, ctx)]);
		({changes} = await applyChanges(path, ops, {author: stringFlag(ctx, 'author'), force: ctx.flags.force === true}));
	} catch (error) {
		if (error instanceof MalkollError && !error.message.includes(path)) throw new MalkollError(`${path}: ${error.message}`);
		throw error;
	}
	if (ctx.flags.json) writeJson(ctx, changes);
	else {
		for (const c of changes) {
			const line = c.field === 'ejGranskad' ? `Granskat ${c.id} (${c.period})` : `Sparat ${c.id} ${c.field} (${c.period}): ${describeValue(c.old)} → ${describeValue(c.new)}`;
			ctx.io.stdout.write(`${line}${c.efterInlamning ? ' [efter inlämning]' : ''}\n`);
		}
	}
	return 0;
}
