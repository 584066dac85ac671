// Validation of a store against schema/malkoll.schema.json, compiled once into plain closures:
// a 15 MB store validates in tens of milliseconds, and the file the editor sees is the very
// schema the app applies. The first problem found is reported as file, JSON path and what is wrong.
import {MalkollError} from '../errors.js';
import {MAX_TEXT} from '../domain/fields.js';
import {PERIODER, type StoreData} from '../domain/types.js';
import schemaFile from '../../schema/malkoll.schema.json' with {type: 'json'};

/** The subset of JSON Schema that z.toJSONSchema produces for StoreSchema. */
export interface JsonSchema {
	type?: 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean';
	properties?: Record<string, JsonSchema>;
	required?: string[];
	additionalProperties?: boolean | JsonSchema;
	propertyNames?: JsonSchema;
	items?: JsonSchema;
	enum?: unknown[];
	const?: unknown;
	pattern?: string;
	format?: string;
	minimum?: number;
	maximum?: number;
	description?: string;
	title?: string;
	$schema?: string;
}

export const STORE_JSON_SCHEMA = schemaFile as JsonSchema;

const KNOWN = new Set([
	'type', 'properties', 'required', 'additionalProperties', 'propertyNames', 'items', 'enum', 'const',
	'pattern', 'format', 'minimum', 'maximum', 'description', 'title', '$schema',
]);

class Invalid extends Error {
	readonly path: Array<string | number> = [];
}

function fail(text: string): never {
	throw new Invalid(text);
}

/** Adds the key of the child a problem was found in, on the way out. */
function within(error: unknown, key: string | number): never {
	if (error instanceof Invalid) error.path.unshift(key);
	throw error;
}

type Check = (value: unknown) => void;

// The keys of every object walked, counted for parse.ts: fewer than the text holds means a duplicate key.
let keyCount = 0;

const TYP_NAMN: Record<string, string> = {string: 'text', number: 'ett tal', integer: 'ett heltal', object: 'ett objekt', array: 'en lista', boolean: 'sant eller falskt'};

function show(v: unknown): string {
	const text = JSON.stringify(v) ?? String(v);
	return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function expected(s: JsonSchema): string {
	if (s.const !== undefined) return show(s.const);
	if (s.enum) return s.enum.map(v => String(v)).join(', ');
	return TYP_NAMN[s.type ?? ''] ?? 'ett värde';
}

function isObject(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function compile(s: JsonSchema): Check {
	for (const key of Object.keys(s)) if (!KNOWN.has(key)) throw new Error(`schema: nyckeln ${key} stöds inte av validate.ts`);
	const checks: Check[] = [];
	switch (s.type) {
		case 'object': {
			const entries = Object.entries(s.properties ?? {});
			const keys = entries.map(([k]) => k);
			const props = entries.map(([, p]) => compile(p));
			const missing = entries.map(([k, p]) => (s.required?.includes(k) ? `saknas (väntade ${expected(p)})` : undefined));
			const own = new Set(keys);
			const extra = typeof s.additionalProperties === 'object' ? compile(s.additionalProperties) : undefined;
			const keyCheck = s.propertyNames ? compile(s.propertyNames) : undefined;
			checks.push(v => {
				if (!isObject(v)) fail(`väntade ${TYP_NAMN.object}`);
				for (let i = 0; i < keys.length; i++) {
					const x = v[keys[i]!];
					try {
						if (x !== undefined) (keyCount++, props[i]!(x));
						else if (missing[i]) fail(missing[i]!);
					} catch (error) {
						within(error, keys[i]!);
					}
				}
				for (const k in v) {
					if (own.has(k)) continue;
					keyCount++;
					try {
						if (!extra) fail('okänt fält');
						keyCheck?.(k);
						if (v[k] !== undefined) extra(v[k]);
					} catch (error) {
						within(error, k);
					}
				}
			});
			break;
		}
		case 'array': {
			const item = s.items ? compile(s.items) : undefined;
			checks.push(v => {
				if (!Array.isArray(v)) fail(`väntade ${TYP_NAMN.array}`);
				if (item) {
					for (let i = 0; i < v.length; i++) {
						try {
							item(v[i]);
						} catch (error) {
							within(error, i);
						}
					}
				}
			});
			break;
		}
		case 'string':
			checks.push(v => {
				if (typeof v !== 'string') fail(`väntade ${TYP_NAMN.string}`);
				if (v.length > MAX_TEXT) fail(`texten är ${v.length} tecken, högst ${MAX_TEXT} tecken tillåts`);
			});
			if (s.pattern) {
				// The schema's patterns are ASCII (ids, dates): no 'u' flag, which made them slower to test.
				const re = new RegExp(s.pattern);
				const what = s.format === 'date' ? 'datum (ÅÅÅÅ-MM-DD)' : (s.description ?? `värde (${s.pattern})`);
				checks.push(v => {
					if (!re.test(v as string)) fail(`${show(v)} är inget giltigt ${what}`);
				});
			}
			break;
		case 'number':
		case 'integer': {
			const integer = s.type === 'integer';
			checks.push(v => {
				if (typeof v !== 'number' || !Number.isFinite(v)) fail(`väntade ${TYP_NAMN[s.type!]}`);
				if (integer && !Number.isInteger(v)) fail(`väntade ${TYP_NAMN.integer}`);
				if (s.minimum !== undefined && v < s.minimum) fail(`${v} är för litet, minst ${s.minimum}`);
				if (s.maximum !== undefined && v > s.maximum) fail(`${v} är för stort, högst ${s.maximum}`);
			});
			break;
		}
		case 'boolean':
			checks.push(v => {
				if (typeof v !== 'boolean') fail(`väntade ${TYP_NAMN.boolean}`);
			});
			break;
		case undefined:
			break;
		default:
			throw new Error(`schema: typen ${String(s.type)} stöds inte av validate.ts`);
	}
	if (s.const !== undefined) {
		checks.push(v => {
			if (v !== s.const) fail(`${show(v)} är fel, väntade ${show(s.const)}`);
		});
	}
	if (s.enum) {
		const allowed = new Set(s.enum);
		checks.push(v => {
			if (!allowed.has(v)) fail(`okänt värde ${show(v)} (tillåtna: ${expected(s)})`);
		});
	}
	if (checks.length === 1) return checks[0]!;
	return v => {
		for (const check of checks) check(v);
	};
}

// Compiled on first use: a command that reads no store never needs it.
let closures: Check | undefined;

/** Checks `value` (already migrated) against the schema and the references between items;
 * throws a one-line MalkollError: `data.json: $.goals[3].titel: väntade text`. */
export function validateStore(value: unknown, file: string): StoreData {
	keyCount = 0;
	try {
		closures ??= compile(STORE_JSON_SCHEMA);
		closures(value);
	} catch (error) {
		if (error instanceof Invalid) throw new MalkollError(`${file}: ${jsonPath(error.path)}: ${error.message}`);
		throw error;
	}
	const data = value as StoreData;
	checkReferences(data, file);
	return data;
}

// What JSON Schema cannot say: ids are unique, parents and malId point at goals that exist and
// form no ring, follow-up belongs to items that exist, and no end date comes before its start.
function checkReferences(data: StoreData, file: string): void {
	const goals = new Map<string, number>();
	const ids = {goals, indicators: new Map<string, number>(), activities: new Map<string, number>()};
	for (const kind of ['goals', 'indicators', 'activities'] as const) {
		const seen = ids[kind];
		data[kind].forEach((item, i) => {
			const first = seen.get(item.id);
			if (first !== undefined) {
				throw new MalkollError(`${file}: $.${kind}[${i}].id: id "${item.id}" finns redan ($.${kind}[${first}])`);
			}
			seen.set(item.id, i);
		});
	}
	data.goals.forEach((goal, i) => {
		if (goal.parentId !== undefined && !goals.has(goal.parentId)) {
			throw new MalkollError(`${file}: $.goals[${i}].parentId: okänt överordnat mål "${goal.parentId}"`);
		}
	});
	checkNoRing(data, goals, file);
	for (const kind of ['indicators', 'activities'] as const) {
		data[kind].forEach((item, i) => {
			if (!goals.has(item.malId)) throw new MalkollError(`${file}: $.${kind}[${i}].malId: okänt mål "${item.malId}"`);
		});
	}
	data.activities.forEach((a, i) => {
		if (a.start && a.slut && a.slut < a.start) throw new MalkollError(`${file}: $.activities[${i}].slut: slutdatum ${a.slut} är före startdatum ${a.start}`);
	});
	for (const period of PERIODER) {
		const fu = data.followUp[period];
		if (!fu) continue;
		for (const kind of ['goals', 'indicators', 'activities'] as const) {
			for (const id in fu[kind]) {
				if (!ids[kind].has(id)) throw new MalkollError(`${file}: ${jsonPath(['followUp', period, kind, id])}: uppföljning för "${id}", som inte finns i planen`);
			}
		}
		for (const id in fu.activities) {
			const a = data.activities[ids.activities.get(id)!]!;
			const nytt = fu.activities[id]!.nyttSlut;
			if (a.start && nytt && nytt < a.start) {
				throw new MalkollError(`${file}: ${jsonPath(['followUp', period, 'activities', id, 'nyttSlut'])}: nytt slutdatum ${nytt} är före startdatum ${a.start}`);
			}
		}
	}
}

/** A goal's parents must end at a top goal: a ring would hide its goals from the tree but not from counts. */
function checkNoRing(data: StoreData, goals: Map<string, number>, file: string): void {
	const done = new Set<string>();
	for (const goal of data.goals) {
		const path: string[] = [];
		const onPath = new Set<string>();
		for (let id: string | undefined = goal.id; id !== undefined && !done.has(id); id = data.goals[goals.get(id)!]!.parentId) {
			if (onPath.has(id)) {
				const ring = [...path.slice(path.indexOf(id)), id];
				throw new MalkollError(`${file}: $.goals[${goals.get(id)}].parentId: överordnade mål bildar en ring: ${ring.join(' → ')}`);
			}
			onPath.add(id);
			path.push(id);
		}
		for (const id of path) done.add(id);
	}
}

/** How many keys the last validateStore found in the objects it walked. */
export function keysValidated(): number {
	return keyCount;
}

/** `$.goals[3].titel`, `$.followUp.VB.indicators["3.4:i2"].utfall`. */
function jsonPath(path: ReadonlyArray<string | number>): string {
	let out = '$';
	for (const key of path) {
		if (typeof key === 'number') out += `[${key}]`;
		else if (/^[A-Za-z_$][\w$]*$/.test(key)) out += `.${key}`;
		else out += `[${JSON.stringify(key)}]`;
	}
	return out;
}
