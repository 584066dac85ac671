// Partial reads of a store whose bytes a receipt (kvitto.ts) has vouched for: valid, and in the
// canonical layout. Decoding and parsing 20 MB of follow-up text costs more than the whole rest
// of a command, and most commands need little of it:
// - a `set` needs the catalogue and the one follow-up entry it changes (and writes a patch);
// - `summary` needs every entry, but of the indicators' and activities' analyses only whether
//   there is one.
// Anything unexpected returns undefined and the caller reads the whole file as usual.
import {entityOfId} from '../domain/ops.js';
import {PERIODER, type Period, type PeriodFollowUp, type StoreData} from '../domain/types.js';
import {entryRange, followUpRange, members, type Range} from './layout.js';

/** Stands in for a long analysis in utanLangaTexter: text that is there, and not shown. ASCII:
 * as long as the rest is Latin-1 (Swedish is), V8 keeps the text one byte per character, faster to decode. */
export const UTELAMNAD = '[...]';

export function parse(bytes: Uint8Array): unknown {
	return JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'));
}

const LISTOR = {goal: 'goals', indicator: 'indicators', activity: 'activities'} as const;

/** The store with only what a change to the follow-up of `ids` needs: the top-level fields, the
 * catalogue items of `ids`, and in each period their follow-up entries. Undefined when an id is
 * not in the catalogue (the whole read then says so, as it always does) or the layout is odd. */
export function lasVy(bytes: Buffer, ids: readonly string[]): StoreData | undefined {
	const fu = followUpRange(bytes);
	const periods = fu && members(bytes, fu, 4);
	if (!fu || !periods) return undefined;
	const all: Range = {start: 0, end: bytes.byteLength};
	const lists = {goals: listRange(bytes, 'goals', all), indicators: listRange(bytes, 'indicators', all), activities: listRange(bytes, 'activities', all)};
	if (!lists.goals || !lists.indicators || !lists.activities) return undefined;
	if (!(lists.goals.end < lists.indicators.start && lists.indicators.end < lists.activities.start && lists.activities.end < fu.start)) return undefined;
	// The top-level fields, with the three lists and the follow-up left empty.
	const skelett = Buffer.concat([
		bytes.subarray(0, lists.goals.start),
		Buffer.from('[]'),
		bytes.subarray(lists.goals.end, lists.indicators.start),
		Buffer.from('[]'),
		bytes.subarray(lists.indicators.end, lists.activities.start),
		Buffer.from('[]'),
		bytes.subarray(lists.activities.end, fu.start),
		Buffer.from('{}'),
		bytes.subarray(fu.end),
	]);
	const data = parse(skelett) as StoreData;
	if (!Array.isArray(data.goals) || typeof data.followUp !== 'object' || data.followUp === null) return undefined;
	const buckets = new Map<string, (typeof LISTOR)[keyof typeof LISTOR]>();
	for (const id of ids) {
		const entity = entityOfId(id);
		if (!entity) return undefined;
		const lista = LISTOR[entity];
		const item = itemRange(bytes, id, lists[lista]!);
		if (!item) return undefined;
		(data[lista] as unknown[]).push(parse(bytes.subarray(item.start, item.end)));
		buckets.set(id, lista);
	}
	for (const period of periods.keys()) {
		if (!(PERIODER as readonly string[]).includes(period)) return undefined;
		const pfu: PeriodFollowUp = {goals: {}, indicators: {}, activities: {}};
		for (const [id, bucket] of buckets) {
			const r = entryRange(bytes, fu, period, bucket, id);
			if (r) (pfu[bucket] as Record<string, unknown>)[id] = parse(bytes.subarray(r.start, r.end));
		}
		data.followUp[period as Period] = pfu;
	}
	return data;
}

/** A top-level list ("goals": [ … ]) from its "[" to just after its "]". */
function listRange(bytes: Buffer, key: string, within: Range): Range | undefined {
	const head = `\n  ${JSON.stringify(key)}: `;
	const at = bytes.indexOf(`${head}[\n`, within.start);
	if (at === -1) return undefined;
	const start = at + head.length;
	const close = bytes.indexOf('\n  ]', start);
	return close === -1 ? undefined : {start, end: close + 4};
}

/** The catalogue item whose first field is `"id": id`, in a list at depth 1. */
function itemRange(bytes: Buffer, id: string, list: Range): Range | undefined {
	const head = `\n    {\n      "id": ${JSON.stringify(id)},\n`;
	const at = bytes.subarray(list.start, list.end).indexOf(head);
	if (at === -1) return undefined;
	const start = list.start + at + 5;
	const close = bytes.subarray(start, list.end).indexOf('\n    }');
	return close === -1 ? undefined : {start, end: start + close + 6};
}

const FALT_ANALYS = Buffer.from(`\n${' '.repeat(10)}"analys": "`);
const MARKOR = Buffer.from(JSON.stringify(UTELAMNAD));

/** The store's JSON text with every indicator and activity analysis longer than a line replaced by
 * UTELAMNAD: for commands that only ask whether there is one. Never write what this gives. */
export function utanLangaTexter(bytes: Buffer): Buffer | undefined {
	const fu = followUpRange(bytes);
	const periods = fu && members(bytes, fu, 4);
	if (!periods) return undefined;
	// Start and end of every text to leave out, in file order.
	const cuts: number[] = [];
	for (const p of periods.values()) {
		const buckets = members(bytes, p, 6);
		if (!buckets) return undefined;
		for (const bucket of ['indicators', 'activities']) {
			const b: Range | undefined = buckets.get(bucket);
			if (!b) continue;
			for (let at = bytes.indexOf(FALT_ANALYS, b.start); at !== -1 && at < b.end; at = bytes.indexOf(FALT_ANALYS, at + FALT_ANALYS.length)) {
				const start = at + FALT_ANALYS.length - 1;
				const lineEnd = bytes.indexOf(0x0a, start);
				if (lineEnd === -1 || lineEnd > b.end) return undefined;
				const end = bytes[lineEnd - 1] === 0x2c ? lineEnd - 1 : lineEnd;
				if (bytes[end - 1] !== 0x22) return undefined;
				// Only a long text that starts with a visible character: it cannot be blank.
				const first = bytes[start + 1]!;
				if (end - start < 80 || first === 0x20 || first === 0x5c || first === 0x09) continue;
				if (cuts.length > 0 && start < cuts.at(-1)!) return undefined;
				cuts.push(start, end);
			}
		}
	}
	// One copy into a buffer of the final size: many small Buffer.concat parts cost more.
	let size = bytes.byteLength;
	for (let i = 0; i < cuts.length; i += 2) size -= cuts[i + 1]! - cuts[i]! - MARKOR.byteLength;
	const out = Buffer.allocUnsafe(size);
	let from = 0;
	let pos = 0;
	for (let i = 0; i < cuts.length; i += 2) {
		pos += bytes.copy(out, pos, from, cuts[i]);
		pos += MARKOR.copy(out, pos);
		from = cuts[i + 1]!;
	}
	bytes.copy(out, pos, from);
	return out;
}
