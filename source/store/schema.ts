// The store file: a version for migrations, the settings, the participants (REFERENTIEL §5.1).
import {z} from 'zod';
import {participantSchema} from '../domain/model.js';
import {settingsSchema} from '../domain/settings.js';
import {STORE_VERSION} from './storeBasics.js';

// defined without zod so that readers which skip zod (report) share it
export {STORE_VERSION};

export const storeSchema = z.object({
	version: z.literal(STORE_VERSION),
	settings: settingsSchema.default(settingsSchema.parse({})),
	participants: z.array(participantSchema),
});
export type StoreData = z.infer<typeof storeSchema>;

export function emptyStore(): StoreData {
	return {version: STORE_VERSION, settings: settingsSchema.parse({}), participants: []};
}
