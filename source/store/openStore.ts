// Opening the caseload store: a file that is not JSON or not a plie-triage store
// is refused with a French message and never touched.
import {promises as fs} from 'node:fs';
import path from 'node:path';
import {Low} from 'lowdb';
import {type z} from 'zod';
import {refuseDuplicateIds} from './duplicateIds.js';
import {migrateStore, storedVersion} from './migrations.js';
import {emptyStore, type StoreData, storeSchema} from './schema.js';
import {SecureJsonFile} from './secureJsonFile.js';
import {StoreError, storeReadError} from './storeBasics.js';
import {isCheckedStore} from './storeCheck.js';
import {ensureStoreFolder} from './storeFolder.js';

export {DEFAULT_STORE_PATH, resolveStorePath, StoreError} from './storeBasics.js';

const LIST_ITEMS: Readonly<Record<string, string>> = {steps: 'étape', events: 'événement', snoozes: 'mise en attente'};

/** Where an issue is, in words: « bénéficiaire DEMO-007 (n°7), étape n°2, champ « start » ». */
function placeOf(path: readonly PropertyKey[], raw: unknown): string {
	const parts: string[] = [];
	let rest = path;
	if (path[0] === 'participants' && typeof path[1] === 'number') {
		const n = path[1];
		const id = (raw as {participants?: Array<{id?: unknown}>} | undefined)?.participants?.[n]?.id;
		parts.push(typeof id === 'string' && id !== '' ? `bénéficiaire ${id} (n°${n + 1})` : `bénéficiaire n°${n + 1}`);
		rest = path.slice(2);
		const item = LIST_ITEMS[String(rest[0])];
		if (item !== undefined && typeof rest[1] === 'number') {
			parts.push(`${item} n°${rest[1] + 1}`);
			rest = rest.slice(2);
		}
	} else if (path[0] === 'settings') {
		parts.push('réglages');
		rest = path.slice(1);
	}
	if (rest.length > 0) parts.push(`champ « ${rest.map(String).join('.')} »`);
	return parts.join(', ');
}

/** The issue in words, then its path in the JSON (for whoever mends the file by hand). */
function describeIssue(issue: z.core.$ZodIssue, raw: unknown): string {
	if (issue.path.length === 0) return issue.message;
	return `${placeOf(issue.path, raw)} : ${issue.message} [${issue.path.map(String).join('.')}]`;
}

/** V8 shows this many characters either side of an unexpected token, when the text is longer than twice that. */
const V8_CONTEXT = 10;

/**
 * The offset of JSON.parse's error in `text`. V8 gives a position for most errors
 * but not for « Unexpected token 'x', "…context…" is not valid JSON »: then the
 * token is found from the context it quotes, when that context is unambiguous.
 */
function errorOffset(text: string, message: string): number | undefined {
	const position = /position (\d+)/.exec(message);
	if (position !== null) return Number(position[1]);
	const quoted = /^Unexpected token '([\s\S]+?)', (\.\.\.)?"([\s\S]*?)"(?:\.\.\.)? is not valid JSON$/.exec(message);
	if (quoted === null) return undefined;
	const [, token, cut, context] = quoted as unknown as [string, string, string | undefined, string];
	const candidates: number[] = [];
	if (cut === undefined) {
		// the context starts the text (or is all of it, when short): the token is among its first characters
		const last = context === text ? text.length - 1 : Math.min(V8_CONTEXT, text.length - 1);
		for (let i = 0; i <= last; i++) if (text.startsWith(token, i)) candidates.push(i);
	} else {
		for (let at = text.indexOf(context); at !== -1 && candidates.length < 2; at = text.indexOf(context, at + 1)) {
			if (text.startsWith(token, at + V8_CONTEXT)) candidates.push(at + V8_CONTEXT);
		}
	}
	return candidates.length === 1 ? candidates[0] : undefined;
}

/** A character as a reader can see it: control, format and space characters by their code. */
function visibleChar(char: string): string {
	return /^[\p{C}\p{Z}]$/u.test(char) ? `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}` : char;
}

/** Where JSON.parse stopped and why, as a line and column of the file (its own message is English). */
function syntaxErrorPlace(text: string, error: unknown): string {
	if (text.trim() === '') return 'le fichier est vide';
	// plie-triage never writes one; an editor may have added it
	if (text.startsWith('\ufeff')) return 'il commence par une marque d’ordre des octets (BOM) : enregistrez-le en UTF-8 sans BOM';
	const message = (error as Error).message;
	const offset = errorOffset(text, message);
	const token = /^Unexpected token '([\s\S]+?)'/.exec(message)?.[1];
	const what = token === undefined ? 'erreur de syntaxe' : `caractère inattendu « ${visibleChar(token)} »`;
	if (offset === undefined) return /Unexpected end/.test(message) ? 'le texte s’arrête avant la fin (fichier tronqué ?)' : what;
	const before = text.slice(0, offset);
	const line = before.split('\n').length;
	const column = before.length - before.lastIndexOf('\n');
	return `${what} ligne ${line}, colonne ${column}`;
}

/** Parses and validates a store file's text; throws StoreError naming what is wrong. */
export function parseStoreText(file: string, text: string): StoreData {
	return readStoreText(file, text).data;
}

/** parseStoreText, and the version the file was written in (older than STORE_VERSION: migrated in memory). */
export function readStoreText(file: string, text: string): {data: StoreData; version: number} {
	let raw: unknown;
	try {
		raw = JSON.parse(text);
	} catch (error) {
		throw new StoreError(file, `ce n’est pas un fichier JSON valide (${syntaxErrorPlace(text, error)}). Le fichier n’a pas été modifié.`);
	}
	const version = storedVersion(raw);
	return {data: storeFromJson(file, raw), version};
}

/** Migrates and validates parsed JSON; throws StoreError naming what is wrong. */
export function storeFromJson(file: string, raw: unknown): StoreData {
	const migrated = migrateStore(file, raw);
	// the common case, a store as plie-triage writes it, skips zod's copy (see storeCheck.ts)
	if (isCheckedStore(migrated)) {
		refuseDuplicateIds(file, migrated.participants);
		return migrated;
	}
	const result = storeSchema.safeParse(migrated);
	if (!result.success) {
		const issues = result.error.issues
			.slice(0, 3)
			.map(issue => describeIssue(issue, migrated))
			.join(' ; ');
		throw new StoreError(file, `ce n’est pas un fichier de suivi plie-triage valide (${issues}). Le fichier n’a pas été modifié.`);
	}
	refuseDuplicateIds(file, result.data.participants);
	return result.data;
}

export type Store = Low<StoreData>;

export interface OpenOptions {
	/** start an empty store when the file does not exist (it is written on the first change) */
	readonly create?: boolean;
}

export async function openStore(file: string, options: OpenOptions = {}): Promise<Store> {
	const adapter = new SecureJsonFile<StoreData>(file, text => parseStoreText(file, text));
	const db = new Low<StoreData>(adapter, emptyStore());
	try {
		await db.read();
	} catch (error) {
		if (error instanceof StoreError) throw error;
		throw storeReadError(file, error);
	}
	const exists = await fs
		.access(file)
		.then(() => true)
		.catch(() => false);
	if (!exists && !options.create) {
		throw new StoreError(
			file,
			'fichier de suivi introuvable. Importez un fichier (plie-triage import FICHIER) ou créez la démo (plie-triage demo).',
		);
	}
	return db;
}

/** Writes the store, creating its folder if needed (that folder only: lock.ts ensureStoreFolder). */
export async function saveStore(db: Store): Promise<void> {
	await ensureStoreFolder((db.adapter as SecureJsonFile<StoreData>).file);
	await db.write();
}
