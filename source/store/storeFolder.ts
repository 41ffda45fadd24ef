// The store's folder, made when a store is created (import, demo, db copy to a file).
import {promises as fs} from 'node:fs';
import path from 'node:path';
import {StoreError} from './storeBasics.js';
import {systemReason} from './systemError.js';
import {resolveWriteTarget} from './writeTarget.js';

/**
 * Creates the store's folder (private) so that the lock and the first write can
 * happen there — that folder only: a path whose upper folders are missing is a
 * typing slip more often than a wish (`--data a/typo/suivi.json` would otherwise
 * make a new, empty store in new folders), so it is refused, naming the folder.
 */
export async function ensureStoreFolder(file: string): Promise<void> {
	const folder = path.dirname(await resolveWriteTarget(file));
	try {
		await fs.mkdir(folder, {mode: 0o700});
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		// already there: a folder is fine, a file of that name is not (EEXIST's description says so)
		if (code === 'EEXIST' && (await fs.stat(folder).catch(() => undefined))?.isDirectory() === true) return;
		if (code === 'ENOENT') {
			throw new StoreError(
				file,
				`le dossier « ${path.dirname(folder)} » n’existe pas : vérifiez le chemin. plie-triage crée le dossier du fichier de suivi, pas ceux au-dessus. Rien n’a été écrit.`,
			);
		}
		throw new StoreError(file, `création du dossier « ${folder} » impossible : ${systemReason(error) ?? (error as Error).message}. Rien n’a été écrit.`);
	}
}
