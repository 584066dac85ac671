// Older store files are brought up to SCHEMA_VERSION in memory, one step at a time; the file is
// rewritten only when a command writes. A newer file is refused rather than half understood.
import {MalkollError} from '../errors.js';
import {SCHEMA_VERSION} from '../domain/types.js';

type Raw = Record<string, unknown>;

/** MIGRATIONS[n] turns a version-n file into version n+1. */
const MIGRATIONS: Record<number, (raw: Raw) => Raw> = {
	// v0 files predate schemaVersion, and had no followUp until something was reported.
	0: raw => ({...raw, schemaVersion: 1, followUp: raw.followUp ?? {}}),
};

export function migrate(value: unknown, file: string): unknown {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		throw new MalkollError(`${file}: $: väntade ett objekt med organisation, mål och uppföljning`);
	}
	let raw = value as Raw;
	const version = raw.schemaVersion ?? 0;
	if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
		throw new MalkollError(`${file}: $.schemaVersion: väntade ett heltal`);
	}
	if (version > SCHEMA_VERSION) {
		throw new MalkollError(`${file}: schemaVersion ${version} är nyare än den här malkoll (${SCHEMA_VERSION}); uppgradera malkoll`);
	}
	for (let v = version; v < SCHEMA_VERSION; v++) raw = MIGRATIONS[v]!(raw);
	return raw;
}
