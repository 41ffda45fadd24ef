// The checks every export makes on its target (`--out`) before anything is read
// or written — usage errors (exit 2), whatever --force says:
//   - the name ends with the extension of what is written (`x.csv` would hold an
//     .xlsx workbook that no spreadsheet opens as CSV);
//   - it is not the store, its journal, a backup, the lock or the write's
//     intent: compared after resolving symbolic links (realpath; for a file
//     that does not exist yet, its folder's realpath), and by inode for a hard link.
import {promises as fs} from 'node:fs';
import path from 'node:path';
import {UsageError} from '../domain/errors.js';
import {visibleText} from '../domain/text.js';
import {storeFamily} from './storePaths.js';
import {resolveWriteTarget} from './writeTarget.js';

export interface OutTarget {
	/** the store the export reads (its family is protected) */
	readonly storePath: string;
	/** what is written, with its dot: '.xlsx' */
	readonly extension: string;
	/** in French, for the message: 'un classeur Excel' */
	readonly what: string;
	/** the flag that named the file, for the message (default --out) */
	readonly flag?: string;
}

// file systems that ignore case: the same file under two spellings
const CASELESS = process.platform === 'win32' || process.platform === 'darwin';
const same = (a: string, b: string) => (CASELESS ? a.toLowerCase() === b.toLowerCase() : a === b);

async function identity(file: string): Promise<string | undefined> {
	const info = await fs.stat(file).catch(() => undefined);
	return info ? `${info.dev}:${info.ino}` : undefined;
}

/** Throws UsageError (French) when `out` may not be written; see above. */
export async function checkOutPath(out: string, target: OutTarget): Promise<void> {
	const shown = visibleText(out);
	const flag = target.flag ?? '--out';
	const outReal = await resolveWriteTarget(out);
	const outId = await identity(outReal);
	// the store as named and as really placed (the files beside a symbolic link are protected too)
	const stores = [...new Set([path.resolve(target.storePath), await resolveWriteTarget(target.storePath)])];
	for (const store of stores) {
		for (const member of storeFamily(store)) {
			const real = await resolveWriteTarget(member.file);
			const hit = same(real, outReal) || (outId !== undefined && outId === (await identity(real)));
			if (hit) {
				throw new UsageError(
					`${flag} : « ${shown} » est ${member.what} (${visibleText(real)}) : l’export le remplacerait. Choisissez un autre nom de fichier (--force n’y change rien).`,
				);
			}
		}
	}
	// a folder: the export itself says « c'est un dossier » (exit 1), clearer than a wrong extension
	const folder = (await fs.stat(out).catch(() => undefined))?.isDirectory() === true;
	if (!folder && path.extname(out).toLowerCase() !== target.extension) {
		throw new UsageError(
			`${flag} : « ${shown} » : l’export écrit ${target.what} (${target.extension}) ; donnez un nom de fichier qui finit par ${target.extension}.`,
		);
	}
}
