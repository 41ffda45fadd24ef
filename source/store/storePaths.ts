// The files kept next to a store `caseload.json`:
//   caseload.journal.jsonl      the journal, one JSON line per change (0600)
//   caseload.json.bak1 … bak5   the five previous versions, bak1 the most recent (0600)
//   caseload.json.lock          proper-lockfile's lock (a directory, only while a write is under way)
//   caseload.json.v1            the file as an older version wrote it, kept when it is first migrated (0600)
//   caseload.json.lock.owner    who holds the lock (user, machine, process), for « fichier occupé par … »
//   caseload.json.pending       the write under way: its journal lines, before the store is replaced (0600)
// Writers put them next to the store's real file (through a symbolic link: see writeTarget.ts).
import path from 'node:path';
import {STORE_VERSION} from './storeBasics.js';

export const BACKUP_COUNT = 5;

export function journalPath(storeFile: string): string {
	const dir = path.dirname(storeFile);
	const base = path.basename(storeFile).replace(/\.json$/i, '');
	return path.join(dir, `${base}.journal.jsonl`);
}

/** n = 1 (most recent previous version) … BACKUP_COUNT. */
export function backupPath(storeFile: string, n: number): string {
	return `${storeFile}.bak${n}`;
}

export function lockPath(storeFile: string): string {
	return `${storeFile}.lock`;
}

export function lockOwnerPath(storeFile: string): string {
	return `${lockPath(storeFile)}.owner`;
}

export function pendingPath(storeFile: string): string {
	return `${storeFile}.pending`;
}

/** The store and every file kept beside it, each with what it is in French (for refusing them as an export's target). */
export function storeFamily(storeFile: string): Array<{readonly file: string; readonly what: string}> {
	return [
		{file: storeFile, what: 'le fichier de suivi'},
		{file: journalPath(storeFile), what: 'le journal du fichier de suivi'},
		...Array.from({length: BACKUP_COUNT}, (_, i) => ({file: backupPath(storeFile, i + 1), what: `une sauvegarde du fichier de suivi (bak${i + 1})`})),
		{file: lockPath(storeFile), what: 'le verrou du fichier de suivi'},
		{file: lockOwnerPath(storeFile), what: 'le verrou du fichier de suivi'},
		{file: pendingPath(storeFile), what: 'l’écriture en cours du fichier de suivi'},
		// the copies older versions wrote, kept at migration (caseload.json.v1…)
		...Array.from({length: STORE_VERSION - 1}, (_, i) => ({file: oldVersionPath(storeFile, i + 1), what: `la copie de la version ${i + 1} du fichier de suivi`})),
	];
}

/** The store as version `version` wrote it, kept by the write that migrates it (never replaced). */
export function oldVersionPath(storeFile: string, version: number): string {
	return `${storeFile}.v${version}`;
}
