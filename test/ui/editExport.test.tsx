// `E` on the dashboard: the cellule workbook written next to the store (the
// test's current folder stand-in), asked before replacing, in discrétion mode too.
import {promises as fs} from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import {afterEach, describe, expect, it} from 'vitest';
import {inOrder} from '../helpers/caseload.js';
import {type Editor, renderEditor} from './editHarness.js';
import {KEYS} from './renderApp.js';

const T = '2026-11-22';

let editor: Editor | undefined;
afterEach(async () => {
	await editor?.close();
	editor = undefined;
});

async function namesIn(file: string, sheet: string): Promise<string> {
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.readFile(file);
	const rows: string[] = [];
	workbook.getWorksheet(sheet)!.eachRow(row => rows.push(JSON.stringify(row.values)));
	return rows.join('\n');
}

describe('E: the cellule preparation workbook from the dashboard', () => {
	it('asks the meeting date (the next cellule by default), writes the file, says where and when it is due', async () => {
		editor = await renderEditor([inOrder(T, {id: 'W', name: 'VERNADOU Lise'})], {settings: {nextCellule: '2026-12-08'}});
		let frame = await editor.press('E');
		expect(frame).toContain('Préparation de la cellule de suivi');
		expect(frame).toContain('Date de la cellule : 08/12/2026');
		await editor.press(KEYS.enter);
		frame = await editor.waitFor('écrite');
		const file = path.join(editor.dir, 'cellule-2026-12-08.xlsx');
		expect(frame).toContain('Préparation de la cellule du 08/12/2026 écrite');
		expect(frame).toContain('au plus tard le 02/12/2026');
		expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
		expect(await namesIn(file, 'Liste nominative')).toContain('VERNADOU Lise');
		// any key closes the message
		frame = await editor.press(' ');
		expect(frame).toContain('Effectifs');
	});

	it('for a login that sees only its référent·es (a base), the form, the workbook and its name say whose it is', async () => {
		editor = await renderEditor([inOrder(T, {id: 'W', name: 'VERNADOU Lise', referent: 'MARTEL Inès'})], {settings: {nextCellule: '2026-12-08'}, visible: ['MARTEL Inès']});
		await editor.press('E');
		let frame = await editor.waitFor('Préparation de la cellule de suivi');
		expect(frame).toContain('Préparation de la cellule de suivi — MARTEL Inès');
		await editor.press(KEYS.enter);
		frame = await editor.waitFor('écrite');
		const file = path.join(editor.dir, 'cellule-2026-12-08-martel-ines.xlsx');
		expect(frame).toContain(file.slice(-30));
		expect(await namesIn(file, 'Synthèse')).toContain('MARTEL Inès');
		expect(await namesIn(file, 'Synthèse')).not.toContain('"Tous"');
		await editor.press(' ', 'V');
		frame = await editor.waitFor('Valider les sorties');
		expect(frame).toContain('Valider les sorties présentées en cellule — MARTEL Inès');
		// the bilan screen computes its tables first: E once it is there
		await editor.press(KEYS.escape, KEYS.escape, 'b');
		await editor.waitFor('Période');
		await editor.press('E');
		frame = await editor.waitFor('Écrire le bilan');
		expect(frame).toMatch(/Écrire le bilan .* \(MARTEL Inès\) dans/);
		expect(frame.replaceAll('\n', '')).toMatch(/bilan-2026-07-01-2026-11-22-martel-ines\.xlsx \?/);
	});

	it('proposes a working day when the stored cellule is past, and takes a date typed without its year', async () => {
		editor = await renderEditor([inOrder(T, {id: 'W'})], {settings: {nextCellule: '2026-11-10'}});
		let frame = await editor.press('E');
		expect(frame).toContain('Date de la cellule : 07/12/2026');
		frame = await editor.press(...Array.from({length: 10}, () => KEYS.backspace), '15/12');
		expect(frame).toContain('= 15/12/2026');
		await editor.press(KEYS.enter);
		frame = await editor.waitFor('écrite');
		expect(frame).toContain('Préparation de la cellule du 15/12/2026 écrite');
	});

	it('asks « Remplacer ? » when the file exists: n keeps it, o replaces it', async () => {
		editor = await renderEditor([inOrder(T, {id: 'W'})]);
		// no next cellule in the settings: the first working day two weeks on (Sun 06/12 → Mon 07/12)
		let frame = await editor.press('E');
		expect(frame).toContain('Date de la cellule : 07/12/2026');
		const file = path.join(editor.dir, 'cellule-2026-12-07.xlsx');
		await fs.writeFile(file, 'ouvert dans Excel', {mode: 0o600});
		await editor.press(KEYS.enter);
		frame = await editor.waitFor('existe déjà');
		expect(frame).toContain('Remplacer ? (o/n)');
		frame = await editor.press('n');
		expect(frame).toContain('Fichier non remplacé.');
		expect(await fs.readFile(file, 'utf8')).toBe('ouvert dans Excel');
		await editor.press('E', KEYS.enter);
		await editor.waitFor('Remplacer');
		await editor.press('o');
		frame = await editor.waitFor('écrite');
		expect(frame).toContain('cellule-2026-12-07.xlsx');
		// a real workbook now, not the old text
		expect(await namesIn(file, 'Synthèse')).toContain('Rubrique');
	});

	it('writes initials in discrétion mode and refuses an impossible date in the form', async () => {
		editor = await renderEditor([inOrder(T, {id: 'W', name: 'VERNADOU Lise'})], {settings: {nextCellule: '2026-12-08'}});
		let frame = await editor.press('*', 'E');
		expect(frame).toContain('discrétion');
		expect(frame).toContain('cellule-AAAA-MM-JJ-discret.xlsx');
		frame = await editor.press('32/12/2026', KEYS.enter);
		expect(frame).toContain('date impossible');
		await editor.press(KEYS.backspace.repeat(10), '08/12/2026', KEYS.enter);
		frame = await editor.waitFor('écrite');
		// its own name: the named export is never overwritten by the discreet one
		expect(frame).toContain('cellule-2026-12-08-discret.xlsx');
		await expect(fs.access(path.join(editor.dir, 'cellule-2026-12-08.xlsx'))).rejects.toThrow();
		const names = await namesIn(path.join(editor.dir, 'cellule-2026-12-08-discret.xlsx'), 'Liste nominative');
		expect(names).not.toContain('VERNADOU');
		expect(names).toContain('V. L.');
	});
});
