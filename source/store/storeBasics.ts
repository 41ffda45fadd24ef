// What every reader of the store needs without loading zod or lowdb (the
// `report` command's start-up): the version, where the file is, the error.
import {stat} from 'node:fs/promises';
import path from 'node:path';
import {InputError} from '../domain/errors.js';
import {systemReason} from './systemError.js';

/** Version 2 (REFERENTIEL §2): orientation, previous CERs, standby reason, exit processing dates. */
export const STORE_VERSION = 2;

export const DEFAULT_STORE_PATH = path.join('data', 'caseload.json');

/** A store that cannot be read, locked or written: exit 1, the message names the file. */
export class StoreError extends InputError {
	override readonly name: string = 'StoreError';
	constructor(
		readonly file: string,
		readonly reason: string,
	) {
		super(`${file} : ${reason}`);
	}
}

/** `--data FILE`, else PLIE_TRIAGE_DATA, else data/caseload.json. */
export function resolveStorePath(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
	return flag ?? (env.PLIE_TRIAGE_DATA || DEFAULT_STORE_PATH);
}

/** The French message for a store file that cannot be read at all. */
export function storeReadError(file: string, error: unknown): StoreError {
	const code = (error as NodeJS.ErrnoException).code;
	if (code === 'ENOENT') {
		return new StoreError(
			file,
			'fichier de suivi introuvable. Importez un fichier (plie-triage import FICHIER) ou créez la démo (plie-triage demo).',
		);
	}
	if (code === 'EISDIR') return new StoreError(file, 'c’est un dossier, pas un fichier de suivi.');
	// NotRegularFileError (regularFile.ts), told by its code so that this light module imports nothing more
	if (code === 'ENOTREG') return new StoreError(file, `c’est ${(error as {kind?: string}).kind ?? 'un fichier spécial'}, pas un fichier de suivi : il n’est pas lu.`);
	if (code === 'EACCES' || code === 'EPERM') return new StoreError(file, 'lecture refusée (droits d’accès).');
	return new StoreError(file, `lecture impossible (${systemReason(error) ?? (error as Error).message}).`);
}

/** Identifies one version of the file on disk (each atomic write makes a new inode); undefined when missing. */
export async function storeRevision(file: string): Promise<string | undefined> {
	try {
		const info = await stat(file);
		return `${info.ino}:${info.mtimeMs}:${info.size}`;
	} catch {
		return undefined;
	}
}
