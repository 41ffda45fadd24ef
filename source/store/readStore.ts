// Reading the store for a command that only looks (report): no lowdb, no zod,
// one participant parsed at a time. A file this fast path is not sure about goes
// through openStore's parseStoreText, so the result and every French message are
// the same as `openStore(file)`'s.
import {promises as fs} from 'node:fs';
import {MigrationError, migrate} from './migrations.js';
import type {StoreData} from './schema.js';
import {StoreError, storeReadError} from './storeBasics.js';
import {parseStoreBytes} from './storeBytes.js';
import {isCheckedStore} from './storeCheck.js';

/** The validated store in `file`; throws StoreError like openStore (missing file included). */
export async function readStoreData(file: string): Promise<StoreData> {
	let bytes: Buffer;
	try {
		bytes = await fs.readFile(file);
	} catch (error) {
		throw storeReadError(file, error);
	}
	const raw = parseStoreBytes(bytes);
	if (raw === undefined) {
		const {parseStoreText} = await import('./openStore.js');
		return parseStoreText(file, bytes.toString('utf8'));
	}
	let migrated: unknown;
	try {
		migrated = migrate(raw);
	} catch (error) {
		if (error instanceof MigrationError) throw new StoreError(file, error.message);
		throw error;
	}
	if (isCheckedStore(migrated)) return migrated;
	const {storeFromJson} = await import('./openStore.js');
	return storeFromJson(file, raw);
}
