// A lowdb adapter that writes the way personal data must be written: the whole
// file replaced atomically (temp file + rename, so a killed process never leaves
// half a file) and readable by its owner only (mode 0600, temp file included).
// lowdb's own JSONFile writes through a temp file with the default mode, which
// would briefly expose the caseload and leave the store 0644.
import {randomBytes} from 'node:crypto';
import {promises as fs} from 'node:fs';
import path from 'node:path';
import type {Adapter} from 'lowdb';
import {readRegularText} from './regularFile.js';

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

/** Writes `text` (or bytes) to `file` atomically with mode 0600. */
export async function writeFileAtomic(file: string, text: string | Uint8Array): Promise<void> {
	const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
	const handle = await fs.open(temp, 'wx', PRIVATE_MODE);
	try {
		await handle.writeFile(text, 'utf8');
		await handle.sync();
	} finally {
		await handle.close();
	}
	try {
		await fs.chmod(temp, PRIVATE_MODE); // an umask cannot widen it, but a restrictive FS may ignore open's mode
		await renameWithRetry(temp, file);
	} catch (error) {
		await fs.rm(temp, {force: true});
		throw error;
	}
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
			text = await readRegularText(this.file);
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
