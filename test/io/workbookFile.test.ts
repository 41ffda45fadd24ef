// The one way the tool writes a workbook (cellule, bilan): private, whole or not
// at all, never over a file nobody asked to replace — even one that appears while
// the workbook is being written — and through a symbolic link to its target.
import {promises as fs} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {InputError} from '../../source/domain/errors.js';
import {WorkbookFileExistsError, writeWorkbookFile} from '../../source/io/workbookFile.js';

let dir: string;
beforeEach(async () => {
	dir = await fs.mkdtemp(path.join(os.tmpdir(), 'plie-wbfile-'));
});
afterEach(async () => {
	await fs.rm(dir, {recursive: true, force: true});
});

const oneSheet = (text: string) => (workbook: ExcelJS.stream.xlsx.WorkbookWriter) => {
	const sheet = workbook.addWorksheet('Feuille');
	sheet.addRow([text]).commit();
	sheet.commit();
};

async function firstCell(file: string): Promise<unknown> {
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.readFile(file);
	return workbook.worksheets[0]!.getCell('A1').value;
}

const leftovers = async () => (await fs.readdir(dir)).filter(name => name.endsWith('.tmp'));

describe('writeWorkbookFile', () => {
	it('writes a workbook readable by its owner only, and leaves no temporary file', async () => {
		const file = path.join(dir, 'classeur.xlsx');
		await writeWorkbookFile(file, {}, oneSheet('bonjour'));
		expect(await firstCell(file)).toBe('bonjour');
		expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
		expect(await leftovers()).toEqual([]);
	});

	it('refuses to replace a file unless asked, leaving it as it was', async () => {
		const file = path.join(dir, 'classeur.xlsx');
		await fs.writeFile(file, 'ne pas écraser');
		const refusal = writeWorkbookFile(file, {}, oneSheet('nouveau'));
		await expect(refusal).rejects.toBeInstanceOf(WorkbookFileExistsError);
		await expect(refusal).rejects.toThrow(/classeur\.xlsx : le fichier existe déjà.*--force/);
		expect(await fs.readFile(file, 'utf8')).toBe('ne pas écraser');
		await writeWorkbookFile(file, {force: true}, oneSheet('nouveau'));
		expect(await firstCell(file)).toBe('nouveau');
		expect(await leftovers()).toEqual([]);
	});

	it('does not replace a file that appears while the workbook is written', async () => {
		const file = path.join(dir, 'classeur.xlsx');
		const racing = (workbook: ExcelJS.stream.xlsx.WorkbookWriter) =>
			fs.writeFile(file, 'enregistré par un·e collègue entre-temps').then(() => oneSheet('nouveau')(workbook));
		await expect(writeWorkbookFile(file, {}, racing)).rejects.toBeInstanceOf(WorkbookFileExistsError);
		expect(await fs.readFile(file, 'utf8')).toBe('enregistré par un·e collègue entre-temps');
		expect(await leftovers()).toEqual([]);
	});

	it('gives each export its own refusal', async () => {
		class MineExists extends WorkbookFileExistsError {}
		const file = path.join(dir, 'classeur.xlsx');
		await fs.writeFile(file, 'x');
		await expect(writeWorkbookFile(file, {exists: name => new MineExists(name)}, oneSheet('y'))).rejects.toBeInstanceOf(MineExists);
	});

	it('says in French when the name is a folder or the folder is missing', async () => {
		await expect(writeWorkbookFile(dir, {force: true}, oneSheet('x'))).rejects.toThrow(/c’est un dossier/);
		const missing = writeWorkbookFile(path.join(dir, 'absent', 'classeur.xlsx'), {}, oneSheet('x'));
		await expect(missing).rejects.toBeInstanceOf(InputError);
		await expect(missing).rejects.toThrow(/le dossier n’existe pas/);
	});

	it('leaves nothing behind when filling the workbook fails', async () => {
		const file = path.join(dir, 'classeur.xlsx');
		const failing = () => {
			throw new Error('panne');
		};
		await expect(writeWorkbookFile(file, {}, failing)).rejects.toThrow('panne');
		expect(await fs.readdir(dir)).toEqual([]);
	});

	it('writes through a symbolic link to its target, the link staying a link', async () => {
		const realDir = path.join(dir, 'partage');
		await fs.mkdir(realDir);
		const real = path.join(realDir, 'bilan.xlsx');
		await fs.writeFile(real, 'ancien');
		const link = path.join(dir, 'raccourci.xlsx');
		await fs.symlink(real, link);
		await expect(writeWorkbookFile(link, {}, oneSheet('x'))).rejects.toBeInstanceOf(WorkbookFileExistsError);
		await writeWorkbookFile(link, {force: true}, oneSheet('par le lien'));
		expect((await fs.lstat(link)).isSymbolicLink()).toBe(true);
		expect(await firstCell(real)).toBe('par le lien');
		// a link pointing nowhere yet: its target is created
		const dangling = path.join(dir, 'vers-nouveau.xlsx');
		await fs.symlink(path.join(realDir, 'nouveau.xlsx'), dangling);
		await writeWorkbookFile(dangling, {}, oneSheet('créé'));
		expect(await firstCell(path.join(realDir, 'nouveau.xlsx'))).toBe('créé');
		expect((await fs.lstat(dangling)).isSymbolicLink()).toBe(true);
	});
});
