// The shape of a store file, written in zod so the compiler checks it against StoreData. It is
// not run at load time (zod costs ~30 ms to import and ~200 ms to validate a big store cold):
// scripts/schema.mjs turns it into schema/malkoll.schema.json, which validate.ts compiles.
import {z} from 'zod';
import {type Entity, type Field, type FieldName, type FieldValue, type Part, fields} from '../domain/fields.js';
import {BESVARBARA} from '../domain/regler.js';
import {NIVAER, ORGANISATIONSNIVAER, PERIODER, SCHEMA_VERSION, type StoreData, VARDE_ENHETER} from '../domain/types.js';

// The description names the id kind in error messages ("är inget giltigt mål-id").
const GoalId = z.string().regex(/^\d+(\.\d+)*$/).describe('mål-id');
const IndicatorId = z.string().regex(/^\d+(\.\d+)*:i\d+$/).describe('indikator-id');
const ActivityId = z.string().regex(/^\d+(\.\d+)*:a\d+$/).describe('aktivitets-id');
const Datum = z.iso.date();
const Period = z.enum(PERIODER);

const Varde = z.strictObject({
	raw: z.string(),
	value: z.number().optional(),
	unit: z.enum(VARDE_ENHETER).optional(),
	tolerance: z.number().min(0).optional(),
});

const Organisation = z.strictObject({
	namn: z.string(),
	niva: z.enum(ORGANISATIONSNIVAER),
	namnd: z.string().optional(),
	forvaltning: z.string().optional(),
	dnr: z.string().optional(),
});

/** The schema of a value of each kind of field in the table. */
function kindSchema(f: Field): z.ZodType {
	switch (f.kind) {
		case 'text':
			return z.string();
		case 'varde':
			return Varde;
		case 'datum':
			return Datum;
		case 'val':
			return z.enum(f.values ?? []);
		case 'andel':
			return z.number().min(0).max(1);
		case 'resultat':
			return z.array(z.strictObject({nr: z.number().int(), text: z.string()}));
		case 'idlista':
			return z.array(GoalId);
		case 'ja':
			return z.literal(true);
		case 'besvarat':
			return z.partialRecord(z.enum(BESVARBARA), z.string());
	}
}

type Shape<E extends Entity, P extends Part> = {
	[F in FieldName<E, P>]-?: undefined extends Stored<E, P>[F] ? z.ZodOptional<z.ZodType<FieldValue<E, P, F>>> : z.ZodType<FieldValue<E, P, F>>;
};
type Stored<E extends Entity, P extends Part> = import('../domain/fields.js').Stored[E][P];

/** The properties of one entity and part, from the field table: a row that may be cleared is optional. */
function shape<E extends Entity, P extends Part>(entity: E, part: P): Shape<E, P> {
	const rows = fields(entity, part).map(f => [f.name, f.required ? kindSchema(f) : kindSchema(f).optional()]);
	// The table's types (checked against types.ts) are the rows' value types; zod cannot see through the loop.
	return Object.fromEntries(rows) as Shape<E, P>;
}

const {titel, ...goalRest} = shape('goal', 'plan');
const Goal = z.strictObject({id: GoalId, niva: z.enum(NIVAER), titel, parentId: GoalId.optional(), ...goalRest});
const Indicator = z.strictObject({id: IndicatorId, malId: GoalId, ...shape('indicator', 'plan')});
const Activity = z.strictObject({id: ActivityId, malId: GoalId, ...shape('activity', 'plan')});

const PeriodFollowUp = z.strictObject({
	goals: z.record(GoalId, z.strictObject(shape('goal', 'followUp'))),
	indicators: z.record(IndicatorId, z.strictObject(shape('indicator', 'followUp'))),
	activities: z.record(ActivityId, z.strictObject(shape('activity', 'followUp'))),
});

function perPeriod<T extends z.ZodType>(schema: T) {
	return z.strictObject({VP: schema.optional(), T1: schema.optional(), T2: schema.optional(), VB: schema.optional()});
}

export const StoreSchema = z.strictObject({
	schemaVersion: z.literal(SCHEMA_VERSION),
	organisation: Organisation,
	year: z.number().int().min(1900).max(2999),
	bedomdaNivaer: z.array(z.enum(NIVAER)),
	period: Period,
	periodSlut: perPeriod(Datum).optional(),
	delvisMarginal: z.number().min(0).max(1).optional(),
	goals: z.array(Goal),
	indicators: z.array(Indicator),
	activities: z.array(Activity),
	followUp: perPeriod(PeriodFollowUp),
	inlamnad: perPeriod(z.strictObject({at: z.string(), av: z.string()})).optional(),
	borttagna: z.array(z.string()).optional(),
	kalla: z.strictObject({fil: z.string().optional(), rapport: Period.optional(), datum: z.string().optional()}).optional(),
});

/** The JSON Schema of the file, as committed in schema/malkoll.schema.json. */
export function storeJsonSchema(): Record<string, unknown> {
	return {
		...z.toJSONSchema(StoreSchema),
		title: 'Målkoll-fil',
		description: `En organisations mål och uppföljning för ett år (schemaVersion ${SCHEMA_VERSION}).`,
	};
}

type Schema = Omit<z.infer<typeof StoreSchema>, 'schemaVersion'>;
type Data = Omit<StoreData, 'schemaVersion'>;
/** true when the schema and StoreData describe the same values (checked by tsc in the tests);
 * schemaVersion is a number in StoreData but only the current one passes the schema. */
export type StoreSchemaMatchesTypes = [Schema] extends [Data] ? ([Data] extends [Schema] ? true : false) : false;
