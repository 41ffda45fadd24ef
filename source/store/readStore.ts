// Reading the store for a command that only looks (report): no lowdb, no zod,
// and a large file parsed one participant at a time. A file this fast path is not sure about goes
// through openStore's parseStoreText, so the result and every French message are
// the same as `openStore(file)`'s.
import {promises as fs} from 'node:fs';
import {MigrationError, migrate} from './migrations.js';
import type {StoreData} from './schema.js';
import {StoreError, storeReadError} from './storeBasics.js';
import {parseStoreBytes} from './storeBytes.js';
import {isCheckedStore} from './storeCheck.js';

// Below this size the whole text is parsed at once (one native JSON.parse is the
// cheapest in time: ~100 ms less CPU at 10,000 participants than parsing each
// participant); above it, memory matters more and the file is parsed participant
// by participant (storeBytes.ts). 64 MiB is about 20,000 participants.
const WHOLE_TEXT_LIMIT = 64 * 1024 * 1024;

export interface ReadOptions {
	/** bytes above which the file is parsed participant by participant (tests lower it) */
	readonly wholeTextLimit?: number;
}

function parseJson(bytes: Buffer, limit: number): unknown {
	if (bytes.length > limit) return parseStoreBytes(bytes);
	try {
		return JSON.parse(bytes.toString('utf8'));
	} catch {
		return undefined;
	}
}

/** The validated store in `file`; throws StoreError like openStore (missing file included). */
export async function readStoreData(file: string, options: ReadOptions = {}): Promise<StoreData> {
	let bytes: Buffer;
	try {
		bytes = await fs.readFile(file);
	} catch (error) {
		throw storeReadError(file, error);
	}
	const raw = parseJson(bytes, options.wholeTextLimit ?? WHOLE_TEXT_LIMIT);
	if (raw === undefined) {
		// not JSON, or not laid out as expected: the usual path, with its usual messages
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
