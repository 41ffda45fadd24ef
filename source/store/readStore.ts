// Reading the store for a command that only looks (the dashboard; `report` when
// its byte scanner is unsure, see readTriage.ts): no lowdb, no zod, and a large
// file parsed one participant at a time. A file this fast path is not sure about
// goes through openStore's parseStoreText, so the result and every French message
// are the same as `openStore(file)`'s.
import {isAscii} from 'node:buffer';
import {refuseDuplicateIds} from './duplicateIds.js';
import {migrateStore, READ_AS_CURRENT, storedVersion} from './migrations.js';
import type {StoreData} from './schema.js';
import {STORE_VERSION, StoreError, storeReadError} from './storeBasics.js';
import {readRegularFileSync} from './regularFile.js';
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

/** Parsed JSON of a store file, and whether its text was read as Latin-1. */
interface ParsedStore {
	readonly value: unknown;
	/**
	 * The bytes were decoded as Latin-1, which is a copy, while UTF-8 text with one
	 * accent becomes a two-byte string (31 MB file: 80 ms to decode, 62 MB of heap).
	 * Pure ASCII reads the same either way; otherwise, without \u escapes, every
	 * character ≥ 0x80 is a byte of UTF-8 inside a string (anywhere else the JSON is
	 * invalid), and the checks decode the strings they keep (storeCheck.ts).
	 */
	readonly latin1: boolean;
	/** the version the file says it is (a version-1 file is read as current: only its number differs) */
	readonly version: number;
}

/**
 * The file's JSON parsed the cheapest way: as Latin-1 when that can stand for
 * UTF-8 (a current file, no \u escape), participant by participant above `limit`
 * bytes; undefined when it is not JSON or not laid out as expected.
 */
function parseStoreJson(bytes: Buffer, limit: number): ParsedStore | undefined {
	if (bytes.length <= limit && (isAscii(bytes) || bytes.indexOf(BACKSLASH_U) < 0)) {
		let value: unknown;
		try {
			value = JSON.parse(bytes.toString('latin1'));
		} catch {
			return undefined;
		}
		// a current file only (or one read as current: its version number is all that changes): migrations never see Latin-1 text
		const version = storedVersion(value);
		if (typeof value === 'object' && value !== null && READ_AS_CURRENT.has(version)) {
			(value as {version: number}).version = STORE_VERSION;
			return {value, latin1: !isAscii(bytes), version};
		}
	}
	const value = parseJson(bytes, limit);
	return value === undefined ? undefined : {value, latin1: false, version: storedVersion(value)};
}

function parseJson(bytes: Buffer, limit: number): unknown {
	if (bytes.length > limit) return parseStoreBytes(bytes);
	try {
		return JSON.parse(bytes.toString('utf8'));
	} catch {
		return undefined;
	}
}

function withoutDuplicates(file: string, data: StoreData): StoreData {
	refuseDuplicateIds(file, data.participants);
	return data;
}

// Synchronous on purpose: fs.promises.readFile reads in 512 KiB chunks, one
// thread-pool round trip each (~45 ms idle for a 31 MB store); nothing else is
// waiting in a command that only reads.
export async function readStoreBytes(file: string): Promise<Buffer> {
	try {
		return readRegularFileSync(file);
	} catch (error) {
		throw storeReadError(file, error);
	}
}

/** The validated store in `file`; throws StoreError like openStore (missing file included). */
export async function readStoreData(file: string, options: ReadOptions = {}): Promise<StoreData> {
	return storeFromBytes(file, await readStoreBytes(file), options);
}

/** The validated store in `bytes`, read from `file`: the same result and messages as openStore. */
export async function storeFromBytes(file: string, bytes: Buffer, options: ReadOptions = {}): Promise<StoreData> {
	return (await storeAndVersionFromBytes(file, bytes, options)).data;
}

/** storeFromBytes, with the version the file was written in (an older one is kept aside by the next write). */
export async function storeAndVersionFromBytes(file: string, bytes: Buffer, options: ReadOptions = {}): Promise<{data: StoreData; version: number}> {
	const limit = options.wholeTextLimit ?? WHOLE_TEXT_LIMIT;
	const first = parseStoreJson(bytes, limit);
	if (first?.latin1 === true && isCheckedStore(first.value, true)) return {data: withoutDuplicates(file, first.value), version: first.version};
	// Latin-1 text the check refused is parsed again as UTF-8 for zod's messages
	const raw = first === undefined || first.latin1 ? parseJson(bytes, limit) : first.value;
	if (raw === undefined) {
		// not JSON, or not laid out as expected: the usual path, with its usual messages
		const {readStoreText} = await import('./openStore.js');
		return readStoreText(file, bytes.toString('utf8'));
	}
	const version = first !== undefined && !first.latin1 ? first.version : storedVersion(raw);
	const migrated = migrateStore(file, raw);
	if (isCheckedStore(migrated)) return {data: withoutDuplicates(file, migrated), version};
	const {storeFromJson} = await import('./openStore.js');
	return {data: storeFromJson(file, raw), version};
}
