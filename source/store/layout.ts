// Where things are in a store file in the canonical layout serializeStore writes: two spaces
// per level, one key per line. A JSON string cannot hold a raw line break, so a line break
// followed by exactly N spaces and a key or a brace is structure at depth N/2, never text.
// Only bytes known to be canonical (a receipt says so, or the entry is compared with its
// canonical form) may be cut up with these.

export interface Range {
	start: number;
	end: number;
}

/** The first `text` that starts inside `within` (searched only there). */
function find(bytes: Uint8Array, text: string, within: Range): number {
	const at = Buffer.from(bytes.buffer, bytes.byteOffset + within.start, Math.max(0, within.end - within.start)).indexOf(text, 0, 'utf8');
	return at === -1 ? -1 : within.start + at;
}

/** The followUp object's value, from its "{" to just after its "}". */
export function followUpRange(bytes: Uint8Array): Range | undefined {
	const key = '\n  "followUp": ';
	const at = find(bytes, `${key}{\n`, {start: 0, end: bytes.byteLength});
	if (at === -1) return undefined;
	const start = at + key.length;
	const close = find(bytes, '\n  }', {start, end: bytes.byteLength});
	return close === -1 ? undefined : {start, end: close + 4};
}

/** The value of `key` (an object that is not empty) among the members at `depth` inside `within`. */
export function memberRange(bytes: Uint8Array, key: string, depth: number, within: Range): Range | undefined {
	const indent = ' '.repeat(depth * 2);
	const head = `\n${indent}${JSON.stringify(key)}: `;
	const at = find(bytes, `${head}{\n`, within);
	if (at === -1) return undefined;
	const start = at + Buffer.byteLength(head);
	const close = find(bytes, `\n${indent}}`, {start, end: within.end});
	return close === -1 ? undefined : {start, end: close + indent.length + 2};
}

/** A follow-up entry (followUp → period → bucket → id): the object's text range, or undefined. */
export function entryRange(bytes: Uint8Array, fu: Range, period: string, bucket: string, id: string): Range | undefined {
	const p = memberRange(bytes, period, 2, fu);
	const b = p && memberRange(bytes, bucket, 3, p);
	return b && memberRange(bytes, id, 4, b);
}

/** The members of the object in `within` (from its "{" to its "}") whose keys are indented by
 * `indent` spaces and whose values are objects: key → value range. Walks from one member to the
 * next, so a key that is not there costs nothing. Undefined when the layout is not as expected. */
export function members(bytes: Uint8Array, within: Range, indent: number): Map<string, Range> | undefined {
	const out = new Map<string, Range>();
	const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	if (buf[within.start] !== 0x7b) return undefined;
	if (buf[within.start + 1] === 0x7d) return out;
	const close = `\n${' '.repeat(indent)}}`;
	let at = within.start + 1;
	for (;;) {
		const keyStart = at + 1 + indent;
		if (buf[at] !== 0x0a || buf[keyStart] !== 0x22 || buf[keyStart - 1] !== 0x20) return undefined;
		const keyEnd = buf.indexOf('": ', keyStart + 1);
		if (keyEnd === -1 || keyEnd >= within.end) return undefined;
		let key: unknown;
		try {
			key = JSON.parse(buf.toString('utf8', keyStart, keyEnd + 1));
		} catch {
			return undefined;
		}
		const start = keyEnd + 3;
		let end: number;
		if (buf[start] === 0x7b && buf[start + 1] === 0x7d) end = start + 2;
		else if (buf[start] === 0x7b && buf[start + 1] === 0x0a) {
			const c = find(bytes, close, {start, end: within.end});
			if (c === -1) return undefined;
			end = c + close.length;
		} else return undefined;
		out.set(key as string, {start, end});
		if (buf[end] === 0x2c) at = end + 1;
		else if (buf[end] === 0x0a) return out;
		else return undefined;
	}
}
