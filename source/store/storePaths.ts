// The files kept next to a store `caseload.json`:
//   caseload.journal.jsonl      the journal, one JSON line per change (0600)
//   caseload.json.bak1 … bak5   the five previous versions, bak1 the most recent (0600)
//   caseload.json.lock          proper-lockfile's lock (a directory, only while a write is under way)
//   caseload.json.v1            the file as an older version wrote it, kept when it is first migrated (0600)
import path from 'node:path';

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

/** The store as version `version` wrote it, kept by the write that migrates it (never replaced). */
export function oldVersionPath(storeFile: string, version: number): string {
	return `${storeFile}.v${version}`;
}
