// The five previous versions of the store, kept next to it (caseload.json.bak1 the
// most recent … bak5 the oldest), mode 0600 (forced on the ones already there,
// whatever mode they had): a wrong key or a bad import can be recovered by hand.
// Rotated under the store's lock, before each write.
import {promises as fs} from 'node:fs';
import {PRIVATE_MODE, renameWithRetry, writeFileAtomic} from './secureJsonFile.js';
import {BACKUP_COUNT, backupPath} from './storePaths.js';

async function moveIfPresent(from: string, to: string): Promise<void> {
	try {
		await renameWithRetry(from, to);
		await fs.chmod(to, PRIVATE_MODE);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
	}
}

/** Shifts bak1…bak4 to bak2…bak5 (bak5 dropped) and writes `previousText` (the previous file's text or bytes) as bak1. `storeFile`: the store's real path. */
export async function rotateBackups(storeFile: string, previousText: string | Uint8Array, count = BACKUP_COUNT): Promise<void> {
	if (count <= 0) return;
	await fs.rm(backupPath(storeFile, count), {force: true});
	for (let n = count - 1; n >= 1; n--) await moveIfPresent(backupPath(storeFile, n), backupPath(storeFile, n + 1));
	await writeFileAtomic(backupPath(storeFile, 1), previousText);
}
