// A file written while the import reads it (a copy still in progress, a program
// saving it, a writer appending without end): never read past the size it had
// when opened — so that the size limits hold — and refused when it changed,
// since what was read then belongs to no version of the file.
import {appendFileSync, readFileSync, writeFileSync} from 'node:fs';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {ImportFileError} from '../../source/io/faults.js';
import {parseImport} from '../../source/io/parseImport.js';
import {readSheets} from '../../source/io/readSheets.js';
import {FileChangedError, openRegularFile, readOpenedFile} from '../../source/store/regularFile.js';
import {TODAY, TempDir} from './importHelpers.js';
import {row, workbookBytes} from './xlsxParts.js';

let dir: TempDir;
beforeAll(() => {
	dir = new TempDir();
});
afterAll(() => dir.remove());

const CSV = 'ID;Bénéficiaire\r\nC-1;ÉLODIE Zoé\r\n';

describe('a file that grows while it is read', () => {
	it('reads at most the size it had when opened, and refuses it as changed', async () => {
		const file = dir.write('grandit.csv', CSV);
		const {handle, stats} = await openRegularFile(file);
		try {
			// a writer appends between the size check and the read: the limit checked on `stats` must hold
			appendFileSync(file, 'C-2;PELQUIN Noël\r\n'.repeat(10_000));
			const error = await readOpenedFile(handle, stats, file).catch((caught: unknown) => caught);
			expect(error).toBeInstanceOf(FileChangedError);
		} finally {
			await handle.close();
		}
	});

	it('reads an unchanged file whole', async () => {
		const file = dir.write('stable.csv', CSV);
		const {handle, stats} = await openRegularFile(file);
		try {
			expect((await readOpenedFile(handle, stats, file)).toString('utf8')).toBe(CSV);
		} finally {
			await handle.close();
		}
	});

	it('refuses a workbook written to after its first sheet was read, in French, naming it', async () => {
		const file = dir.write(
			'copie.xlsx',
			workbookBytes({
				sheets: [
					{name: 'Bénéficiaires', rows: row(1, ['ID', 'Bénéficiaire']) + row(2, ['C-1', 'ÉLODIE Zoé'])},
					{name: 'Autre', rows: row(1, ['x'])},
				],
			}),
		);
		const original = readFileSync(file);
		let appended = false;
		async function* growing() {
			for await (const sheet of readSheets(file)) {
				if (!appended) {
					appendFileSync(file, Buffer.alloc(4096, 0x41));
					appended = true;
				}
				yield sheet;
			}
		}
		const error = await parseImport(growing(), TODAY).catch((caught: unknown) => caught);
		expect(error).toBeInstanceOf(ImportFileError);
		expect((error as Error).message).toBe(
			`${file} : le fichier a changé pendant sa lecture (un programme l’écrit-il encore ?) : rien n’a été importé. Attendez la fin de l’enregistrement, puis relancez l’import.`,
		);
		// the same bytes, left alone, import
		writeFileSync(file, original);
		const batch = await parseImport(readSheets(file), TODAY);
		expect(batch.participants.map(participant => participant.values.name)).toEqual(['ÉLODIE Zoé']);
	});
});
