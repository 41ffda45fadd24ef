// `E` on the « Bilan » screen, with the dashboard's real edit handler: the bilan
// shown written as its workbook after a question naming the file and the folder,
// « Remplacer ? » for an existing file, the message saying where it went.
import {promises as fs} from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import {afterEach, describe, expect, it} from 'vitest';
import type {Participant} from '../../../source/domain/model.js';
import {person} from '../../helpers/caseload.js';
import {type Editor, renderEditor} from '../editHarness.js';
import {KEYS} from '../renderApp.js';

let editor: Editor | undefined;
afterEach(async () => {
	await editor?.close();
	editor = undefined;
});

/** the screen's text with its wrapped lines joined */
const flat = (frame: string) => frame.replace(/\s+/g, ' ');

function caseload(): Participant[] {
	return [
		person({id: 'A1', name: 'ALBARET Zélie', referent: 'LEBRUN Ana', firstAppointment: '2026-02-01', integrationDate: '2026-03-01'}),
		person({id: 'B2', name: 'BONAFOUX Yves', referent: 'PRADEL Léo', firstAppointment: '2026-02-10', integrationDate: '2026-04-01'}),
	];
}

/** Every text cell of every sheet. */
async function workbookText(file: string): Promise<string> {
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.readFile(file);
	const texts: string[] = [];
	workbook.eachSheet(sheet => sheet.eachRow(row => row.eachCell(cell => texts.push(String(cell.text)))));
	return texts.join('\n');
}

describe('E on the « Bilan » screen', () => {
	it('asks first (file and folder named), writes the bilan shown, 0600, and says where', async () => {
		editor = await renderEditor(caseload());
		await editor.press('b', 'a', 'E');
		let frame = flat(await editor.waitFor('Écrire le bilan'));
		const name = 'bilan-2026-01-01-2026-11-22.xlsx';
		expect(frame).toContain(`Écrire le bilan du 01/01/2026 au 22/11/2026 (tous les référent·es) dans ${name} ?`);
		expect(frame).toContain(`Dossier : ${editor.dir}`);
		expect(frame).toContain('o oui');
		const file = path.join(editor.dir, name);
		await expect(fs.access(file)).rejects.toThrow();
		await editor.press('o');
		frame = flat(await editor.waitFor('écrit'));
		expect(frame).toContain(`Bilan du 01/01/2026 au 22/11/2026 écrit : ${file} (2 personnes accompagnées sur la période).`);
		expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
		const text = await workbookText(file);
		expect(text).toContain('ALBARET Zélie');
		expect(text).toContain('BONAFOUX Yves');
		// a key closes the message: back on the bilan
		frame = await editor.press(' ');
		expect(frame).toContain('Année en cours : du 01/01/2026 au 22/11/2026');
	});

	it('asks « Remplacer ? » when the file exists: n keeps it, o replaces it; n at the first question writes nothing', async () => {
		editor = await renderEditor(caseload());
		await editor.press('b', 'p', 'E');
		await editor.waitFor('Écrire le bilan');
		let frame = await editor.press('n');
		expect(frame).toContain('Bilan non écrit.');
		const file = path.join(editor.dir, 'bilan-2025-01-01-2025-12-31.xlsx');
		await expect(fs.access(file)).rejects.toThrow();
		await fs.writeFile(file, 'ouvert dans Excel', {mode: 0o600});
		await editor.press('E', 'o');
		frame = flat(await editor.waitFor('Remplacer'));
		expect(frame).toContain(`${file} existe déjà (il est peut-être ouvert dans Excel). Remplacer ? (o/n)`);
		frame = await editor.press('n');
		expect(frame).toContain('Fichier non remplacé');
		expect(await fs.readFile(file, 'utf8')).toBe('ouvert dans Excel');
		await editor.press('E', 'o');
		await editor.waitFor('Remplacer');
		await editor.press('o');
		frame = flat(await editor.waitFor('écrit'));
		expect(frame).toContain(`Bilan du 01/01/2025 au 31/12/2025 écrit : ${file} (0 personne accompagnée sur la période).`);
		// a workbook now, not the old text
		expect(await workbookText(file)).toContain('Nombre de dossiers traités');
	});

	it('names the référent·e’s file, and says in discrétion mode that the workbook names everyone', async () => {
		editor = await renderEditor(caseload());
		await editor.press('b', 'a', 'r', 'PRADEL', KEYS.enter, '*');
		await editor.press('E');
		const frame = flat(await editor.waitFor('Écrire le bilan'));
		expect(frame).toContain('(PRADEL Léo) dans bilan-2026-01-01-2026-11-22-pradel-leo.xlsx ?');
		expect(frame).toContain('Mode discrétion : le classeur du bilan n’a pas de version discrète');
		await editor.press('o');
		await editor.waitFor('écrit');
		const text = await workbookText(path.join(editor.dir, 'bilan-2026-01-01-2026-11-22-pradel-leo.xlsx'));
		expect(text).toContain('BONAFOUX Yves');
		expect(text).not.toContain('ALBARET');
	});
});
