import {MalkollError} from '../errors.js';
import {ENTITY_PLURAL, MAX_TEXT, type NamedField, flagFields} from '../domain/fields.js';
import {type Change, type Entity, type Op, entityOfId, getFollowUp, namedOp} from '../domain/ops.js';
import {medGranskning} from '../domain/plan.js';
import type {StoreData} from '../domain/types.js';
import {applyChanges} from '../store/index.js';
import {describeChange} from '../report/describe.js';
import {visibleLine} from '../report/visible.js';
import {kebab} from '../flagga.js';
import {readInput, readStream} from '../input.js';
import {type Ctx, parsePeriod, requireId, storePath, stringFlag, writeJson} from './context.js';

/** meow gives a multiple flag as [] when it is absent. */
function given(ctx: Ctx, flag: string): boolean {
	const v: unknown = ctx.flags[flag];
	return v !== undefined && !(Array.isArray(v) && v.length === 0);
}

/** The field flags given to `command` for `entity`, with their rows and text (none for an `extra` flag such as --analys-file). */
export function fieldFlags(ctx: Ctx, command: 'set' | 'add' | 'edit', entity: Entity, extra: Record<string, string> = {}): Array<[NamedField, string?]> {
	const out: Array<[NamedField, string?]> = [];
	for (const f of flagFields(command)) {
		const flag = f.flag ?? '';
		if (!given(ctx, flag) || out.some(([g]) => g.flag === flag)) continue;
		const own = flagFields(command).find(g => g.entity === entity && g.flag === flag);
		if (!own) throw new MalkollError(`--${kebab(flag)} gäller inte ${ENTITY_PLURAL[entity]}`);
		const raw: unknown = ctx.flags[flag];
		const text = Array.isArray(raw) ? raw.join('\n') : raw;
		if (typeof text !== 'string') throw new MalkollError(`--${kebab(flag)} behöver ett värde`);
		out.push([own, text]);
	}
	for (const [flag, name] of Object.entries(extra)) {
		const own = flagFields(command).find(g => g.entity === entity && g.name === name);
		if (!given(ctx, flag)) continue;
		if (!own) throw new MalkollError(`--${kebab(flag)} gäller inte ${ENTITY_PLURAL[entity]}`);
		if (out.some(([g]) => g.name === own.name)) throw new MalkollError(`välj --${kebab(own.flag ?? name)} eller --${kebab(flag)}, inte båda`);
		out.push([own]);
	}
	return out;
}

/** A flag's text as its field's value; errors name the flag. */
export function parseFlag([f, text]: [NamedField, string?]): unknown {
	return f.parse(text ?? '', `--${kebab(f.flag ?? f.name)}`);
}

/** Reads a text file exactly (UTF-8, nothing trimmed); "-" reads standard input. */
async function readText(file: string, ctx: Ctx): Promise<string> {
	// A UTF-8 character is at most 4 bytes: more than this can never be a text the field takes.
	const limit = {bytes: 4 * MAX_TEXT + 4, over: `längre än de ${MAX_TEXT} tecken en text får vara`};
	let bytes: Buffer;
	try {
		bytes = file === '-' ? await readStream(ctx.io.stdin, '-', limit) : readInput(file, limit);
	} catch (error) {
		if (error instanceof MalkollError) throw new MalkollError(`--analys-file ${error.message}`);
		const code = (error as NodeJS.ErrnoException).code;
		throw new MalkollError(`--analys-file ${file}: ${code === 'ENOENT' ? 'filen finns inte' : code === 'EISDIR' ? 'är en katalog' : 'kan inte läsas'}`);
	}
	try {
		return new TextDecoder('utf-8', {fatal: true}).decode(bytes);
	} catch {
		throw new MalkollError(`--analys-file ${file}: filen är inte giltig UTF-8`);
	}
}

export async function set(ctx: Ctx): Promise<number> {
	const id = requireId(ctx, 'set');
	const entity = entityOfId(id);
	if (!entity) {
		throw new MalkollError(`set: "${visibleLine(id)}" är inget id (mål som 3.4.1.1, indikatorer som 3.4:i2, aktiviteter som 1.4.1:a3)`);
	}
	const values = fieldFlags(ctx, 'set', entity, {analysFile: 'analys'});
	const granskad = ctx.flags.granskad === true;
	if (values.length === 0 && !granskad) throw new MalkollError(`set ${id}: inget att ändra (se malkoll set --help för flaggorna för ${ENTITY_PLURAL[entity]})`);
	const path = await storePath(ctx);
	const parsed: Array<[NamedField, unknown]> = [];
	// The store is read once, under the lock; the period defaults to the store's current one.
	const ops = (data: StoreData): Op[] => {
		const period = parsePeriod(stringFlag(ctx, 'period'), data);
		const ops = parsed.map(([f, given]) => {
			const value = f.merge && given !== undefined ? f.merge(getFollowUp(data, period, entity, id, f.name), given) : given;
			return namedOp({op: 'set', period, entity, id, field: f.name, value});
		});
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
		const file = stringFlag(ctx, 'analysFile');
		for (const v of values) parsed.push([v[0], v[1] === undefined && file !== undefined ? await readText(file, ctx) : parseFlag(v)]);
		({changes} = await applyChanges(path, ops, {author: stringFlag(ctx, 'author'), force: ctx.flags.force === true}));
	} catch (error) {
		if (error instanceof MalkollError && !error.message.includes(path)) throw new MalkollError(`${path}: ${error.message}`);
		throw error;
	}
	if (ctx.flags.json) writeJson(ctx, changes);
	else {
		for (const c of changes) {
			const line = c.field === 'ejGranskad' ? `Granskat ${c.id} (${c.period})` : `Sparat ${describeChange(c)}`;
			ctx.io.stdout.write(`${line}${c.efterInlamning ? ' [efter inlämning]' : ''}\n`);
		}
	}
	return 0;
}
