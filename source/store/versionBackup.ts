// The first write after an upgrade migrates the store to the new version: the file
// as the older version wrote it is kept next to it (caseload.json.v1, mode 0600),
// so that going back to the older plie-triage stays possible. It is written once
// and never replaced: a later migration of a restored copy keeps the first one.
import {randomBytes} from 'node:crypto';
import {promises as fs} from 'node:fs';
import path from 'node:path';
import {PRIVATE_MODE, renameWithRetry} from './secureJsonFile.js';
import {STORE_VERSION} from './storeBasics.js';
import {oldVersionPath} from './storePaths.js';

async function exists(file: string): Promise<boolean> {
	return fs.lstat(file).then(
		() => true,
		() => false,
	);
}

/** Keeps `text` (the store as version `version` wrote it) unless it is current or already kept. */
export async function keepOldVersion(storeFile: string, text: string | Uint8Array, version: number): Promise<void> {
	if (version >= STORE_VERSION) return;
	const target = oldVersionPath(storeFile, version);
	if (await exists(target)) return;
	const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
	const handle = await fs.open(temp, 'wx', PRIVATE_MODE);
	try {
		try {
			await handle.writeFile(text, 'utf8');
			await handle.sync();
		} finally {
			await handle.close();
		}
		await fs.chmod(temp, PRIVATE_MODE);
		// link() never replaces a file; where links are refused (some shared drives), a rename after a last look
		try {
			await fs.link(temp, target);
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code === 'EEXIST') return;
			if (!(await exists(target))) await renameWithRetry(temp, target);
		}
	} finally {
		await fs.rm(temp, {force: true});
	}
}
