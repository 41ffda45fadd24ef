// Writes a workbook the way personal data must be written (cellule, bilan…):
// never over an existing file unless asked, into a private temp file (0600 from
// its first byte) renamed over the target once complete, so a killed process
// never leaves half a workbook; through a symbolic link, at the link's target
// (the link stays); the folder synced after the rename.
import {randomBytes} from 'node:crypto';
import {promises as fs} from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import {InputError} from '../domain/errors.js';
import {PRIVATE_MODE, renameWithRetry} from '../store/secureJsonFile.js';
import {resolveWriteTarget, syncDirectory} from '../store/writeTarget.js';

/** The target exists and `force` was not given: a screen can ask before replacing it. */
export class WorkbookFileExistsError extends InputError {
	constructor(readonly file: string) {
		super(`${file} : le fichier existe déjà (il est peut-être ouvert dans Excel). Ajoutez --force pour le remplacer, ou choisissez un autre nom avec --out.`);
	}
}

export interface WorkbookFileOptions {
	/** replace an existing file (otherwise refused: it may be open in Excel) */
	readonly force?: boolean;
	/** the refusal for an existing file, so that each export keeps its own error class */
	readonly exists?: (file: string) => WorkbookFileExistsError;
}

/** A file-system failure, in French, naming the file. */
export function describeFsError(file: string, error: unknown): InputError {
	const code = (error as NodeJS.ErrnoException).code;
	if (code === 'ENOENT' || code === 'ENOTDIR') return new InputError(`${file} : le dossier n’existe pas.`);
	if (code === 'EACCES' || code === 'EPERM' || code === 'EBUSY' || code === 'EROFS') {
		return new InputError(`${file} : écriture impossible (fichier ouvert dans Excel ou droits d’accès insuffisants).`);
	}
	if (code === 'EISDIR') return new InputError(`${file} : c’est un dossier, pas un fichier.`);
	return new InputError(`${file} : écriture impossible (${(error as Error).message}).`);
}

async function exists(file: string): Promise<boolean> {
	try {
		await fs.lstat(file);
		return true;
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'ENOENT' || code === 'ENOTDIR') return false; // the folder check comes when writing
		throw describeFsError(file, error);
	}
}

/**
 * Writes `out` with exceljs's streaming writer (shared strings: the form Excel
 * itself writes), `fill` adding the sheets. Refuses to replace a file unless
 * `force`, even one created while the workbook was being written.
 */
export async function writeWorkbookFile(
	out: string,
	options: WorkbookFileOptions,
	fill: (workbook: ExcelJS.stream.xlsx.WorkbookWriter) => void | Promise<void>,
): Promise<void> {
	const refusal = options.exists ?? ((file: string) => new WorkbookFileExistsError(file));
	const target = await resolveWriteTarget(out).catch(error => {
		throw describeFsError(out, error);
	});
	if (await exists(target)) {
		const stat = await fs.stat(target).catch(() => undefined);
		if (stat?.isDirectory()) throw new InputError(`${out} : c’est un dossier ; donnez un nom de fichier avec --out.`);
		if (options.force !== true) throw refusal(out);
	}
	const folder = path.dirname(target);
	const temp = path.join(folder, `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
	let handle: fs.FileHandle;
	try {
		handle = await fs.open(temp, 'wx', PRIVATE_MODE);
	} catch (error) {
		throw describeFsError(out, error);
	}
	try {
		const stream = handle.createWriteStream();
		// Windows refuses to rename a file still open: wait for the handle to close, not just 'finish'.
		const closed = new Promise<void>((resolve, reject) => {
			stream.once('close', resolve);
			stream.once('error', reject);
		});
		closed.catch(() => undefined); // awaited below; a write error must not go unhandled meanwhile
		const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({stream, useStyles: true, useSharedStrings: true});
		workbook.creator = 'plie-triage';
		await fill(workbook);
		await workbook.commit();
		await closed;
		await fs.chmod(temp, PRIVATE_MODE); // a restrictive file system may ignore open's mode
		if (options.force !== true && (await linkedInPlace(temp, target, () => refusal(out)))) {
			await fs.rm(temp, {force: true});
		} else {
			await renameWithRetry(temp, target);
		}
		await syncDirectory(folder);
	} catch (error) {
		await handle.close().catch(() => undefined);
		await fs.rm(temp, {force: true});
		if (!(error instanceof InputError) && (error as NodeJS.ErrnoException).code !== undefined) throw describeFsError(out, error);
		throw error;
	}
}

/**
 * Without --force, the finished file takes its name by link(), which refuses to
 * replace a file created meanwhile (a colleague's, Excel's); false where links
 * are not supported, for a rename instead.
 */
async function linkedInPlace(temp: string, target: string, refusal: () => InputError): Promise<boolean> {
	try {
		await fs.link(temp, target);
		return true;
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw refusal();
		return false;
	}
}
