// A lowdb adapter that writes the way personal data must be written: the whole
// file replaced atomically (temp file + rename, so a killed process never leaves
// half a file; file and folder synced), through symbolic links to their target,
// and readable by its owner only (mode 0600, temp file included).
// lowdb's own JSONFile writes through a temp file with the default mode, which
// would briefly expose the caseload and leave the store 0644.
import {randomBytes} from 'node:crypto';
import {promises as fs} from 'node:fs';
import path from 'node:path';
import type {Adapter} from 'lowdb';
import {type FaultPoint, faultPoint} from './faultPoints.js';
import {resolveWriteTarget, syncDirectory} from './writeTarget.js';

export const PRIVATE_MODE = 0o600;

const RENAME_RETRIES = 10;

/** Windows (and some shared drives) refuse a rename while another process holds the file: retry briefly. */
export async function renameWithRetry(from: string, to: string): Promise<void> {
	for (let attempt = 0; ; attempt++) {
		try {
			await fs.rename(from, to);
			return;
		} catch (error) {
			const code = (error as NodeJS.ErrnoException).code;
			if ((code !== 'EPERM' && code !== 'EACCES' && code !== 'EBUSY') || attempt >= RENAME_RETRIES) throw error;
			await new Promise(resolve => setTimeout(resolve, 20 * (attempt + 1)));
		}
	}
}

export interface AtomicWriteFaults {
	/** test crash point once the temp file is complete, before the rename */
	readonly beforeRename?: FaultPoint;
	/** test crash point once the rename is durable */
	readonly afterRename?: FaultPoint;
}

/**
 * Writes `text` to `file` atomically with mode 0600: a temp file in the folder
 * of the real target (through symbolic links: the link stays), synced, renamed
 * over the target, then the folder synced. Returns the path written.
 */
export async function writeFileAtomic(file: string, text: string, faults: AtomicWriteFaults = {}): Promise<string> {
	const target = await resolveWriteTarget(file);
	const directory = path.dirname(target);
	const temp = path.join(directory, `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
	const handle = await fs.open(temp, 'wx', PRIVATE_MODE);
	try {
		await handle.writeFile(text, 'utf8');
		await handle.sync();
	} finally {
		await handle.close();
	}
	try {
		await fs.chmod(temp, PRIVATE_MODE); // an umask cannot widen it, but a restrictive FS may ignore open's mode
		if (faults.beforeRename) faultPoint(faults.beforeRename);
		await renameWithRetry(temp, target);
	} catch (error) {
		await fs.rm(temp, {force: true});
		throw error;
	}
	await syncDirectory(directory);
	if (faults.afterRename) faultPoint(faults.afterRename);
	return target;
}

export class SecureJsonFile<T> implements Adapter<T> {
	constructor(
		readonly file: string,
		private readonly parse: (text: string) => T,
		private readonly serialize: (data: T) => string = data => JSON.stringify(data, null, 1),
	) {}

	async read(): Promise<T | null> {
		let text: string;
		try {
			text = await fs.readFile(this.file, 'utf8');
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
			throw error;
		}
		return this.parse(text);
	}

	async write(data: T): Promise<void> {
		await writeFileAtomic(this.file, this.serialize(data));
	}
}
