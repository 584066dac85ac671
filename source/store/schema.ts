// The shape of a store file, written in zod so the compiler checks it against StoreData. It is
// not run at load time (zod costs ~30 ms to import and ~200 ms to validate a big store cold):
// scripts/schema.mjs turns it into schema/malkoll.schema.json, which validate.ts compiles.
import {z} from 'zod';
import {NIVAER, PERIODER, RIKTNINGAR, SCHEMA_VERSION, STATUSAR, TILLSTAND, type StoreData} from '../domain/types.js';

// The description names the id kind in error messages ("är inget giltigt mål-id").
const GoalId = z.string().regex(/^\d+(\.\d+)*$/).describe('mål-id');
const IndicatorId = z.string().regex(/^\d+(\.\d+)*:i\d+$/).describe('indikator-id');
const ActivityId = z.string().regex(/^\d+(\.\d+)*:a\d+$/).describe('aktivitets-id');
const Datum = z.iso.date();
const Period = z.enum(PERIODER);

const Varde = z.strictObject({
	raw: z.string(),
	value: z.number().optional(),
	unit: z.enum(['%', 'st']).optional(),
	tolerance: z.number().min(0).optional(),
});

const Organisation = z.strictObject({
	namn: z.string(),
	niva: z.enum(['namnd', 'enhet']),
	namnd: z.string().optional(),
	forvaltning: z.string().optional(),
	dnr: z.string().optional(),
});

const Goal = z.strictObject({
	id: GoalId,
	niva: z.enum(NIVAER),
	titel: z.string(),
	parentId: GoalId.optional(),
	beskrivning: z.string().optional(),
	forvantatResultat: z.array(z.strictObject({nr: z.number().int(), text: z.string()})),
	bidrarTill: z.array(GoalId).optional(),
});

const Indicator = z.strictObject({
	id: IndicatorId,
	malId: GoalId,
	namn: z.string(),
	enhet: z.enum(['%', 'st', 'index']).optional(),
	riktning: z.enum(RIKTNINGAR),
	periodicitet: z.enum(['år', 'tertial']).optional(),
	arsmal: Varde.optional(),
	kfArsmal: Varde.optional(),
	delvisMarginal: z.number().min(0).max(1).optional(),
	kommentar: z.string().optional(),
});

const Activity = z.strictObject({
	id: ActivityId,
	malId: GoalId,
	text: z.string(),
	start: Datum.optional(),
	slut: Datum.optional(),
	ursprung: z.enum(['kf-uppdrag', 'namnd', 'sdn', 'enhet']).optional(),
	ansvarig: z.string().optional(),
});

const PeriodFollowUp = z.strictObject({
	goals: z.record(GoalId, z.strictObject({status: z.enum(STATUSAR).optional(), analys: z.string().optional(), ejGranskad: z.literal(true).optional()})),
	indicators: z.record(
		IndicatorId,
		z.strictObject({
			utfall: Varde.optional(),
			man: Varde.optional(),
			kvinnor: Varde.optional(),
			prognos: Varde.optional(),
			foregaendeVB: Varde.optional(),
			matperiod: z.string().optional(),
			analys: z.string().optional(),
			ejGranskad: z.literal(true).optional(),
		}),
	),
	activities: z.record(
		ActivityId,
		z.strictObject({
			tillstand: z.enum(TILLSTAND).optional(),
			avvikelse: z.string().optional(),
			analys: z.string().optional(),
			nyttSlut: Datum.optional(),
			ejGranskad: z.literal(true).optional(),
		}),
	),
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
