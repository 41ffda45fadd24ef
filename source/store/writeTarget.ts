// Where a write really goes, and making it durable. A store, a journal or an
// export reached through a symbolic link is written at the link's target (the
// link stays a link: a store on a shared drive linked from the desktop keeps
// receiving the changes), and a file that does not exist yet is placed in its
// folder's real location. After an atomic rename, the folder itself is synced:
// otherwise a power cut could bring back the old name → old file.
import {promises as fs} from 'node:fs';
import path from 'node:path';

const MAX_LINKS = 40; // as the kernel's ELOOP limit

/**
 * The real path `file` stands for: its realpath when it exists; for a link
 * pointing nowhere, the path it points to; otherwise the folder's realpath and
 * the file's name. Never throws for a missing file or folder (the write will say).
 */
export async function resolveWriteTarget(file: string): Promise<string> {
	let current = path.resolve(file);
	try {
		return await fs.realpath(current);
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code !== 'ENOENT' && code !== 'ENOTDIR') throw error;
	}
	// a dangling link (its target is created by the write), possibly through more links
	for (let hops = 0; hops < MAX_LINKS; hops++) {
		let link: string;
		try {
			link = await fs.readlink(current);
		} catch {
			break; // not a link, or missing: `current` is the name to create
		}
		current = path.resolve(path.dirname(current), link);
	}
	const folder = await fs.realpath(path.dirname(current)).catch(() => path.dirname(current));
	return path.join(folder, path.basename(current));
}

/** fsync of a folder, so that a rename or a removal in it survives a crash; best effort where folders cannot be opened (Windows). */
export async function syncDirectory(directory: string): Promise<void> {
	let handle: fs.FileHandle | undefined;
	try {
		handle = await fs.open(directory, 'r');
		await handle.sync();
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EINVAL' && code !== 'EBADF' && code !== 'EACCES') throw error;
	} finally {
		await handle?.close();
	}
}
