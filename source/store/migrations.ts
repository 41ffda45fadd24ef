// Upgrades older store files step by step to STORE_VERSION. Each entry turns
// version N into N + 1; a file from a newer plie-triage is refused, not guessed at.
import {STORE_VERSION, StoreError} from './storeBasics.js';

type Migration = (data: Record<string, unknown>) => Record<string, unknown>;

/** MIGRATIONS[n] upgrades a version-n file to version n + 1. */
export const MIGRATIONS: Record<number, Migration> = {
	// 0: files written before the version field existed (a bare participant list or no settings)
	0: data => ({...data, version: 1}),
	// 1 → 2: the fields of version 2 are all optional (orientationDate, previousContracts,
	// standbyReason, the exit processing dates): every version-1 store is a version-2
	// store as it is, and everything it holds is kept, fields unknown to us included
	1: data => ({...data, version: 2}),
};

/**
 * Versions whose files the current readers read as they are (only their version
 * number changes): the quick readers of `report` and the dashboard take them
 * without the usual path, so that a store not yet migrated (read-only commands
 * never rewrite it) is read as fast as a current one.
 */
export const READ_AS_CURRENT: ReadonlySet<number> = new Set([1, STORE_VERSION]);

/** The version a parsed store file says it is (0: written before the version field existed). */
export function storedVersion(raw: unknown): number {
	const version = (raw as {version?: unknown} | null)?.version;
	return typeof version === 'number' ? version : 0;
}

export class MigrationError extends Error {}

export function migrate(raw: unknown): unknown {
	if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw;
	let data = raw as Record<string, unknown>;
	let version = storedVersion(data);
	if (version > STORE_VERSION) {
		throw new MigrationError(
			`version ${version} du fichier, plus récente que celle de plie-triage (${STORE_VERSION}) : mettez l’outil à jour`,
		);
	}
	while (version < STORE_VERSION) {
		const step = MIGRATIONS[version];
		if (!step) throw new MigrationError(`version ${version} du fichier inconnue`);
		data = step(data);
		version = data.version as number;
	}
	return data;
}

/** `migrate` for the store in `file`: a version it cannot handle is a StoreError naming the file. */
export function migrateStore(file: string, raw: unknown): unknown {
	try {
		return migrate(raw);
	} catch (error) {
		if (error instanceof MigrationError) throw new StoreError(file, error.message);
		throw error;
	}
}
