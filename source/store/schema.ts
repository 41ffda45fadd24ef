// The store file: a version for migrations, the settings, the participants (REFERENTIEL §5.1).
import {z} from 'zod';
import {participantSchema} from '../domain/model.js';
import {settingsSchema} from '../domain/settings.js';
import {STORE_VERSION} from './storeBasics.js';

// defined without zod so that readers which skip zod (report) share it
export {STORE_VERSION};

const storeShape = {
	version: z.literal(STORE_VERSION),
	settings: settingsSchema.default(settingsSchema.parse({})),
	participants: z.array(participantSchema),
};
export type StoreData = z.infer<z.ZodObject<typeof storeShape>>;

/** The store; a top-level key this version does not know (a newer version's) is kept as it is. */
export const storeSchema = z.looseObject(storeShape) as unknown as z.ZodType<StoreData, z.input<z.ZodObject<typeof storeShape>>>;

export function emptyStore(): StoreData {
	return {version: STORE_VERSION, settings: settingsSchema.parse({}), participants: []};
}
