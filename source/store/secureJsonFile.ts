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
import {readRegularText} from './regularFile.js';
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

/**
 * What a file is written from: text, bytes, or text in pieces (the store, written
 * participant by participant: a 50,000-person store as one string took an import past 1 GB).
 */
export type FileContent = string | Uint8Array | Iterable<string>;

const PIECE = 1 << 20;

/** Writes text pieces gathered into ~1 MiB writes. */
async function writePieces(handle: fs.FileHandle, pieces: Iterable<string>): Promise<void> {
	let pending = '';
	for (const piece of pieces) {
		pending += piece;
		if (pending.length >= PIECE) {
			await handle.writeFile(pending, 'utf8');
			pending = '';
		}
	}
	if (pending !== '') await handle.writeFile(pending, 'utf8');
}

/** A complete, synced temp file beside its target, waiting to be renamed over it. */
export interface PreparedWrite {
	readonly temp: string;
	/** the real path written (through symbolic links) */
	readonly target: string;
	/** the file's identity once in place: a rename keeps it (device, inode, size) */
	readonly identity: string;
}

/** The identity of a file on disk (see PreparedWrite), undefined when missing. */
export async function fileIdentity(file: string): Promise<string | undefined> {
	const info = await fs.stat(file).catch(() => undefined);
	return info ? `${info.dev}:${info.ino}:${info.size}` : undefined;
}

/** First half of an atomic write: `content` in a private temp file in the folder of `file`'s real target, synced. */
export async function prepareAtomicWrite(file: string, content: FileContent): Promise<PreparedWrite> {
	const target = await resolveWriteTarget(file);
	const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
	const handle = await fs.open(temp, 'wx', PRIVATE_MODE);
	let identity: string;
	try {
		if (typeof content === 'string' || content instanceof Uint8Array) await handle.writeFile(content, 'utf8');
		else await writePieces(handle, content);
		await handle.sync();
		await handle.chmod(PRIVATE_MODE); // an umask cannot widen it, but a restrictive FS may ignore open's mode
		const info = await handle.stat();
		identity = `${info.dev}:${info.ino}:${info.size}`;
	} catch (error) {
		await handle.close().catch(() => undefined);
		await fs.rm(temp, {force: true});
		throw error;
	}
	await handle.close();
	return {temp, target, identity};
}

/** Second half: the rename over the target, then the folder synced (the new name survives a power cut). */
export async function completeAtomicWrite(prepared: PreparedWrite, afterRename?: FaultPoint): Promise<void> {
	try {
		await renameWithRetry(prepared.temp, prepared.target);
	} catch (error) {
		await fs.rm(prepared.temp, {force: true});
		throw error;
	}
	await syncDirectory(path.dirname(prepared.target));
	if (afterRename) faultPoint(afterRename);
}

/**
 * Writes `content` to `file` atomically with mode 0600: a temp file in the folder
 * of the real target (through symbolic links: the link stays), synced, renamed
 * over the target, then the folder synced. Returns the path written.
 */
export async function writeFileAtomic(file: string, content: FileContent): Promise<string> {
	const prepared = await prepareAtomicWrite(file, content);
	await completeAtomicWrite(prepared);
	return prepared.target;
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
