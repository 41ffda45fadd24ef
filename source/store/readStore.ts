// Reading the store for a command that only looks (report): no lowdb, no zod,
// and a large file parsed one participant at a time. A file this fast path is not sure about goes
// through openStore's parseStoreText, so the result and every French message are
// the same as `openStore(file)`'s.
import {isAscii} from 'node:buffer';
import {promises as fs} from 'node:fs';
import {migrateStore} from './migrations.js';
import type {StoreData} from './schema.js';
import {STORE_VERSION, StoreError, storeReadError} from './storeBasics.js';
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

const BACKSLASH_U = Buffer.from('\\u');

/**
 * The store parsed from the bytes read as Latin-1, when that is exactly the store
 * the UTF-8 text gives: decoding Latin-1 is a copy, while UTF-8 text with one
 * accent becomes a two-byte string (31 MB file: 80 ms to decode, 62 MB of heap).
 * Pure ASCII reads the same either way; otherwise, without \u escapes, every
 * character ≥ 0x80 is a byte of UTF-8 inside a string (anywhere else the JSON is
 * invalid), and the check decodes those strings (storeCheck.ts). Undefined when
 * this does not apply or the check says no: then the usual path.
 */
function latin1Store(bytes: Buffer): StoreData | undefined {
	const ascii = isAscii(bytes);
	if (!ascii && bytes.indexOf(BACKSLASH_U) >= 0) return undefined;
	let raw: unknown;
	try {
		raw = JSON.parse(bytes.toString('latin1'));
	} catch {
		return undefined;
	}
	// a current file only: migrations never see Latin-1 text
	if (typeof raw !== 'object' || raw === null || (raw as {version?: unknown}).version !== STORE_VERSION) return undefined;
	return isCheckedStore(raw, !ascii) ? raw : undefined;
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
	const limit = options.wholeTextLimit ?? WHOLE_TEXT_LIMIT;
	if (bytes.length <= limit) {
		const store = latin1Store(bytes);
		if (store !== undefined) return store;
	}
	const raw = parseJson(bytes, limit);
	if (raw === undefined) {
		// not JSON, or not laid out as expected: the usual path, with its usual messages
		const {parseStoreText} = await import('./openStore.js');
		return parseStoreText(file, bytes.toString('utf8'));
	}
	const migrated = migrateStore(file, raw);
	if (isCheckedStore(migrated)) return migrated;
	const {storeFromJson} = await import('./openStore.js');
	return storeFromJson(file, raw);
}
