// The workbook's zip, read from its central directory (yauzl): parts are opened by
// name in the order the reader needs them (workbook, styles, shared strings, then
// the sheets), never spooled to disk. Every part read is held to the size limits
// before a byte is inflated, to its announced size while it inflates (yauzl), and
// to its CRC-32 once read. Every failure becomes a French ReadRefusal.
import {crc32} from 'node:zlib';
import {type Stats, close as closeFd, fstat} from 'node:fs';
import type {Readable} from 'node:stream';
import yauzl from 'yauzl';
import {changedSince, openRegularFd} from '../../store/regularFile.js';
import {LIMITS, frenchMegabytes, frenchNumber} from './limits.js';
import {ReadRefusal} from './refusal.js';

const REPAIR = 'Ouvrez-le dans Excel et enregistrez-le de nouveau en .xlsx.';

/** yauzl's English, as a French reason (never shown as is). */
function zipReason(error: unknown, part?: string): string {
	const message = error instanceof Error ? error.message : String(error);
	const inPart = part === undefined ? '' : ` (partie ${part})`;
	if (/end of central directory record signature not found/i.test(message)) {
		return `la fin de l’archive est introuvable : fichier tronqué, ou ce n’est pas un classeur Excel. ${REPAIR}`;
	}
	if (/unexpected EOF|overflows file bounds|file bounds/i.test(message)) return `fichier tronqué${inPart}. ${REPAIR}`;
	if (/too many bytes|not enough bytes/i.test(message)) return `taille annoncée fausse : le classeur est abîmé${inPart}. ${REPAIR}`;
	if (/encrypt/i.test(message)) return 'classeur chiffré : enregistrez-le sans mot de passe.';
	if (/compression method/i.test(message)) return `méthode de compression inconnue${inPart} : enregistrez le classeur avec Excel ou LibreOffice.`;
	if (/invalid (relative path|characters)|absolute path|file name/i.test(message)) return 'noms de fichiers interdits dans l’archive : ce n’est pas un classeur Excel valide.';
	if (/multi-disk/i.test(message)) return 'archive en plusieurs volumes : ce n’est pas un classeur Excel.';
	// zlib (invalid distance too far back, invalid block type…) and anything else
	return `données compressées abîmées${inPart}. ${REPAIR}`;
}

function refusal(error: unknown, part?: string): ReadRefusal {
	return error instanceof ReadRefusal ? error : new ReadRefusal(zipReason(error, part));
}

/** Part names are case-insensitive in a workbook (Open Packaging Conventions). */
function key(name: string): string {
	return name.replace(/^\/+/, '').toLowerCase();
}

export class ZipArchive {
	/** uncompressed bytes of the parts opened so far */
	private readBytes = 0;

	private constructor(
		private readonly zip: yauzl.ZipFile,
		private readonly entries: ReadonlyMap<string, yauzl.Entry>,
		private readonly fd: number,
		private readonly opened: Stats,
	) {}

	/** Opens the zip in `file` (a regular file) and reads its central directory. */
	static async open(file: string): Promise<ZipArchive> {
		const {fd, stats} = await openRegularFd(file);
		let zip: yauzl.ZipFile;
		try {
			zip = await new Promise<yauzl.ZipFile>((resolve, reject) => {
				yauzl.fromFd(fd, {lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false}, (error, opened) =>
					error ? reject(error) : resolve(opened),
				);
			});
		} catch (error) {
			closeFd(fd, () => {});
			throw refusal(error);
		}
		try {
			if (zip.entryCount > LIMITS.zipEntries) {
				throw new ReadRefusal(`archive de ${frenchNumber(zip.entryCount)} fichiers (limite ${frenchNumber(LIMITS.zipEntries)}) : ce n’est pas un classeur ordinaire.`);
			}
			const entries = new Map<string, yauzl.Entry>();
			for await (const entry of (zip as unknown as {eachEntry(): AsyncIterable<yauzl.Entry>}).eachEntry()) {
				const name = key(entry.fileName);
				// two entries of one name: which one a program reads is anyone's guess
				if (entries.has(name)) throw new ReadRefusal(`deux parties portent le même nom (${entry.fileName}) : archive ambiguë, refusée.`);
				entries.set(name, entry);
			}
			return new ZipArchive(zip, entries, fd, stats);
		} catch (error) {
			zip.close();
			throw refusal(error);
		}
	}

	has(name: string): boolean {
		return this.entries.has(key(name));
	}

	/** The size limits, checked on the central directory before anything is inflated. */
	private admit(name: string, entry: yauzl.Entry): void {
		const size = entry.uncompressedSize;
		if (size > LIMITS.partBytes) {
			throw new ReadRefusal(`partie ${name} de ${frenchMegabytes(size)} une fois décompressée (limite ${frenchMegabytes(LIMITS.partBytes)}) : refusée.`);
		}
		if (this.readBytes + size > LIMITS.totalBytes) {
			throw new ReadRefusal(`plus de ${frenchMegabytes(LIMITS.totalBytes)} une fois décompressé (limite) : refusé.`);
		}
		if (size > LIMITS.ratioFloorBytes && size > LIMITS.ratio * entry.compressedSize) {
			throw new ReadRefusal(
				`partie ${name} compressée ${frenchNumber(Math.round(size / Math.max(1, entry.compressedSize)))} fois (limite ${LIMITS.ratio}) : ` +
					'c’est la marque d’une « bombe » de décompression, le fichier est refusé.',
			);
		}
		this.readBytes += size;
	}

	/** The bytes of part `name`, inflated chunk by chunk; the CRC-32 is checked at the end. */
	async *read(name: string): AsyncGenerator<Buffer> {
		const entry = this.entries.get(key(name));
		if (entry === undefined) throw new ReadRefusal(`partie ${name} absente de l’archive. ${REPAIR}`);
		this.admit(name, entry);
		let stream: Readable;
		try {
			stream = await new Promise<Readable>((resolve, reject) => {
				this.zip.openReadStream(entry, (error, opened) => (error ? reject(error) : resolve(opened)));
			});
		} catch (error) {
			throw refusal(error, name);
		}
		let crc = 0;
		let completed = false;
		try {
			for await (const chunk of stream as AsyncIterable<Buffer>) {
				crc = crc32(chunk, crc);
				yield chunk;
			}
			completed = true;
		} catch (error) {
			throw refusal(error, name);
		} finally {
			// the reader stopped early (a refusal further on): free the inflater and the descriptor's reference
			if (!completed) (stream as Readable & {destroy(): void}).destroy();
		}
		if (crc >>> 0 !== entry.crc32 >>> 0) {
			throw new ReadRefusal(`données abîmées (partie ${name} : somme de contrôle CRC-32 fausse). ${REPAIR}`);
		}
	}

	/** Whether the file was written since it was opened (its size or modification time changed). */
	changed(): Promise<boolean> {
		return new Promise(resolve => {
			fstat(this.fd, (error, now) => resolve(error !== null || changedSince(this.opened, now)));
		});
	}

	/** Closes the file once the streams still open have ended. */
	close(): void {
		this.zip.close();
	}
}
