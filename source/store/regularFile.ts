// Only regular files are read: a named pipe (FIFO) would hang the read until
// someone writes into it, a device such as /dev/zero never ends, a directory is
// not a file. Every reader of the store (and the import) opens through here:
// stat first, so that a device is never even opened; then open with O_NONBLOCK,
// so that a FIFO swapped in meanwhile cannot block the open, and fstat the
// handle, so that what is read is what was checked.
import {close as closeCallback, closeSync, constants, fstat as fstatCallback, fstatSync, open as openCallback, openSync, readSync, type Stats, statSync} from 'node:fs';
import {type FileHandle, open, stat} from 'node:fs/promises';

/** What a path is when it is not a regular file, in French. */
export type NonRegularKind = 'un dossier' | 'un tube nommé (FIFO)' | 'un périphérique' | 'une socket' | 'un fichier spécial';

/**
 * Thrown for a path that exists but is not a regular file. Its `code` lets callers
 * tell it apart like a Node error: EISDIR for a folder (as Node says it), ENOTREG otherwise.
 */
export class NotRegularFileError extends Error {
	readonly code: 'EISDIR' | 'ENOTREG';
	constructor(
		readonly path: string,
		readonly kind: NonRegularKind,
	) {
		super(`${path} : c’est ${kind}, pas un fichier ordinaire.`);
		this.name = 'NotRegularFileError';
		this.code = kind === 'un dossier' ? 'EISDIR' : 'ENOTREG';
	}
}

function kindOf(stats: Stats): NonRegularKind | undefined {
	if (stats.isFile()) return undefined;
	if (stats.isDirectory()) return 'un dossier';
	if (stats.isFIFO()) return 'un tube nommé (FIFO)';
	if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'un périphérique';
	if (stats.isSocket()) return 'une socket';
	return 'un fichier spécial';
}

function check(file: string, stats: Stats): void {
	const kind = kindOf(stats);
	if (kind !== undefined) throw new NotRegularFileError(file, kind);
}

// O_NONBLOCK does not exist on Windows, where FIFOs are not files anyway
const READ_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** Opens `file` for reading if it is a regular file; Node's own errors (ENOENT…) pass through. */
export async function openRegularFile(file: string): Promise<{handle: FileHandle; stats: Stats}> {
	check(file, await stat(file));
	const handle = await open(file, READ_FLAGS);
	try {
		const stats = await handle.stat();
		check(file, stats);
		return {handle, stats};
	} catch (error) {
		await handle.close();
		throw error;
	}
}

/**
 * Thrown when a file changed while it was read (a program still writing it, a
 * copy in progress): what was read is no snapshot of anything, so it is not used.
 */
export class FileChangedError extends Error {
	readonly code = 'ECHANGED';
	constructor(readonly path: string) {
		super(`${path} : le fichier a changé pendant sa lecture.`);
		this.name = 'FileChangedError';
	}
}

/** Whether the file behind `stats` (taken at opening) has been written since, judged by size and modification time. */
export function changedSince(opened: Stats, now: Stats): boolean {
	return now.size !== opened.size || now.mtimeMs !== opened.mtimeMs;
}

/**
 * The `stats.size` bytes a file opened by openRegularFile had at opening — never
 * more, whatever is appended meanwhile (a size limit checked on `stats` holds) —
 * then FileChangedError if it was written while being read.
 */
export async function readOpenedFile(handle: FileHandle, stats: Stats, file: string): Promise<Buffer> {
	const buffer = Buffer.allocUnsafe(stats.size);
	let filled = 0;
	while (filled < stats.size) {
		const {bytesRead} = await handle.read(buffer, filled, stats.size - filled, filled);
		if (bytesRead === 0) break; // it shrank: the check below says so
		filled += bytesRead;
	}
	if (filled !== stats.size || changedSince(stats, await handle.stat())) throw new FileChangedError(file);
	return buffer;
}

/** The whole content of a regular file. */
export async function readRegularFile(file: string): Promise<Buffer> {
	const {handle, stats} = await openRegularFile(file);
	try {
		return await readOpenedFile(handle, stats, file);
	} finally {
		await handle.close();
	}
}

/** The whole content of a regular file, as text. */
export async function readRegularText(file: string): Promise<string> {
	return (await readRegularFile(file)).toString('utf8');
}

/**
 * The same, synchronously: readStoreBytes reads synchronously on purpose (one
 * thread-pool round trip per 512 KiB chunk costs more than it saves there).
 */
export function readRegularFileSync(file: string): Buffer {
	check(file, statSync(file));
	const fd = openSync(file, READ_FLAGS);
	try {
		const stats = fstatSync(fd);
		check(file, stats);
		const buffer = Buffer.allocUnsafe(stats.size);
		let filled = 0;
		while (filled < stats.size) {
			const read = readSync(fd, buffer, filled, stats.size - filled, filled);
			if (read === 0) break; // the file shrank meanwhile: keep what is there
			filled += read;
		}
		return filled === stats.size ? buffer : buffer.subarray(0, filled);
	} finally {
		closeSync(fd);
	}
}

/**
 * Opens `file` as a bare descriptor (for a library that reads and closes it
 * itself, such as the zip reader); the caller owns the descriptor.
 */
export function openRegularFd(file: string): Promise<{fd: number; stats: Stats}> {
	return new Promise((resolve, reject) => {
		try {
			check(file, statSync(file));
		} catch (error) {
			reject(error);
			return;
		}
		openCallback(file, READ_FLAGS, (openError, fd) => {
			if (openError) return reject(openError);
			fstatCallback(fd, (statError, stats) => {
				const refusal = statError ?? (kindOf(stats) === undefined ? undefined : new NotRegularFileError(file, kindOf(stats)!));
				if (refusal) {
					closeCallback(fd, () => reject(refusal));
					return;
				}
				resolve({fd, stats});
			});
		});
	});
}

/** Refuses a path that exists and is not a regular file (a missing one is fine: it may be created). */
export async function refuseNonRegular(file: string): Promise<void> {
	let stats: Stats;
	try {
		stats = await stat(file);
	} catch {
		return; // missing, or unreadable: the reader that needs it says why
	}
	check(file, stats);
}
