// Every threshold of REFERENTIEL §4 and §7, with its default. A PLIE may change them in the store.
import {z} from 'zod';
import {isoDateSchema} from './model.js';

const settingsShape = {
	/** steps.idle30 / steps.idle60 */
	idleDays: z.number().int().positive().default(30),
	longIdleDays: z.number().int().positive().default(60),
	/** rsa.contract-lt15 / rsa.contract-lt30 */
	contractSoonDays: z.number().int().positive().default(15),
	contractDueDays: z.number().int().positive().default(30),
	/** rsa.contract-gt1month */
	contractFarMonths: z.number().int().positive().default(1),
	/** followup.no-event30 / followup.no-interview30 */
	noEventDays: z.number().int().positive().default(30),
	noInterviewDays: z.number().int().positive().default(30),
	/** followup.rhythm-late: every 15 days during the first 3 months, then every 30 days */
	intensiveMonths: z.number().int().positive().default(3),
	intensiveInterviewGapDays: z.number().int().positive().default(15),
	interviewGapDays: z.number().int().positive().default(30),
	/** standby.long */
	longStandbyMonths: z.number().int().positive().default(2),
	/** duration.gte24 and extension */
	maxParcoursMonths: z.number().int().positive().default(24),
	/** renewals examined by the cellule */
	renewalMonths: z.number().int().positive().default(6),
	/** cer.stock (§7): every RSA beneficiary covered by a CER by this day (1 January 2027) */
	contractStockDeadline: isoDateSchema.default('2026-12-31'),
	/** next review meeting, shown in the dashboard header when set */
	nextCellule: isoDateSchema.optional(),
	/** preparation due N working days before the cellule */
	preparationWorkingDays: z.number().int().nonnegative().default(5),
	/** jours ouvrables (Mon–Sat) as 003_… asks, or jours ouvrés (Mon–Fri) */
	workingDays: z.enum(['ouvrables', 'ouvres']).default('ouvrables'),
	/** bilan II.2: the integration rate the PLIE protocol asks for, in % (70 % in 000_…) */
	integrationRateTarget: z.number().min(0).max(100).default(70),
	/** bilan II.4: integrations are cumulated from the start of the protocol */
	protocolStart: isoDateSchema.default('2021-01-01'),
};
const strictSettings = z.object(settingsShape);
export type Settings = z.infer<typeof strictSettings>;

/** The settings; one this version does not know (a newer version's) is kept as it is. */
export const settingsSchema = z.looseObject(settingsShape) as unknown as z.ZodType<Settings, z.input<typeof strictSettings>>;
/** The settings' names (the quick store check knows each of them). */
export const SETTING_NAMES: readonly string[] = Object.keys(settingsShape);

export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});
