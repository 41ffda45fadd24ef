// Issue 14 point 10: the date `E` is given, when it is ahead and not the stored
// one, becomes the next cellule: stored in the settings, journaled (before →
// after), and the header says it at once instead of « date non renseignée ».
import {promises as fs} from 'node:fs';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {readJournal} from '../../source/store/journal.js';
import {readStoreFile} from '../../source/store/storeFile.js';
import {updateStore} from '../../source/store/transaction.js';
import {inOrder} from '../helpers/caseload.js';
import {type Editor, renderEditor} from './editHarness.js';
import {KEYS} from './renderApp.js';

const T = '2026-11-22';

let editor: Editor | undefined;
afterEach(async () => {
	await editor?.close();
	editor = undefined;
});

async function storedCellule(file: string): Promise<string | undefined> {
	return (await readStoreFile(file)).data.settings.nextCellule;
}

async function journalLines(file: string) {
	return (await readJournal(file))?.lines ?? [];
}

describe('E sets the next cellule date', () => {
	it('with no date stored: the proposed date is stored, journaled, and the header shows it', async () => {
		editor = await renderEditor([inOrder(T, {id: 'W'})]);
		let frame = editor.frame();
		expect(frame).toContain('Cellule de suivi : date non renseignée');
		frame = await editor.press('E');
		expect(frame).toContain('Date de la cellule : 07/12/2026');
		await editor.press(KEYS.enter);
		frame = await editor.waitFor('écrite');
		expect(frame).toContain('Date de la prochaine cellule enregistrée : 07/12/2026');
		frame = await editor.press(' ');
		expect(frame).toContain('Cellule de suivi : 07/12/2026 · préparation à rendre');
		expect(frame).not.toContain('date non renseignée');
		expect(await storedCellule(editor.file)).toBe('2026-12-07');
		const last = (await journalLines(editor.file)).at(-1)!;
		expect(last.action).toBe('date de la prochaine cellule : 07/12/2026');
		expect(last.before).toEqual({'Prochaine cellule': null});
		expect(last.after).toEqual({'Prochaine cellule': '2026-12-07'});
		expect(last.participantId).toBeUndefined();
	});

	it('another date typed replaces the stored one (before → after); the stored date again writes nothing', async () => {
		editor = await renderEditor([inOrder(T, {id: 'W'})], {settings: {nextCellule: '2026-12-08'}});
		expect(editor.frame()).toContain('Cellule de suivi : 08/12/2026');
		await editor.press('E', ...Array.from({length: 10}, () => KEYS.backspace), '15/12', KEYS.enter);
		let frame = await editor.waitFor('écrite');
		expect(frame).toContain('Date de la prochaine cellule enregistrée : 15/12/2026');
		frame = await editor.press(' ');
		expect(frame).toContain('Cellule de suivi : 15/12/2026');
		expect(await storedCellule(editor.file)).toBe('2026-12-15');
		const lines = await journalLines(editor.file);
		expect(lines.at(-1)!.before).toEqual({'Prochaine cellule': '2026-12-08'});
		expect(lines.at(-1)!.after).toEqual({'Prochaine cellule': '2026-12-15'});
		// E again proposes the stored date: exporting it writes no setting, no journal line
		frame = await editor.press('E');
		expect(frame).toContain('Date de la cellule : 15/12/2026');
		await fs.rm(path.join(editor.dir, 'cellule-2026-12-15.xlsx'));
		await editor.press(KEYS.enter);
		frame = await editor.waitFor('écrite');
		expect(frame).not.toContain('prochaine cellule');
		expect(await journalLines(editor.file)).toHaveLength(lines.length);
	});

	it('a date a colleague set meanwhile is not overwritten: named, the workbook still written, the header follows the file', async () => {
		editor = await renderEditor([inOrder(T, {id: 'W'})], {settings: {nextCellule: '2026-12-08'}});
		let frame = await editor.press('E');
		// a colleague sets another date while the form is open
		await updateStore(editor.file, data => {
			data.settings = {...data.settings, nextCellule: '2026-12-10'};
			return [{action: 'réglage'}];
		});
		await editor.press(...Array.from({length: 10}, () => KEYS.backspace), '15/12', KEYS.enter);
		frame = await editor.waitFor('écrite');
		expect(frame).toContain('Préparation de la cellule du 15/12/2026 écrite');
		expect(frame).toContain('Date de la prochaine cellule non enregistrée');
		expect(frame).toContain('un autre poste l’a changée');
		expect(frame).toContain('(enregistrée : 10/12/2026 ; votre saisie : 15/12/2026)');
		expect(await storedCellule(editor.file)).toBe('2026-12-10');
		frame = await editor.press(' ');
		expect(frame).toContain('Cellule de suivi : 10/12/2026');
	});

	it('C sets the date alone from the dashboard: a past date refused in the form, then saved, journaled, in the header', async () => {
		editor = await renderEditor([inOrder(T, {id: 'W'})]);
		let frame = await editor.press('C');
		expect(frame).toContain('Date de la prochaine cellule de suivi');
		expect(frame).toContain('Prochaine cellule : 07/12/2026');
		frame = await editor.press(...Array.from({length: 10}, () => KEYS.backspace), '10/11/2026', KEYS.enter);
		expect(frame).toContain('le 10/11/2026 est passé');
		expect(await storedCellule(editor.file)).toBeUndefined();
		frame = await editor.press(...Array.from({length: 10}, () => KEYS.backspace), '14/12', KEYS.enter);
		expect(frame).toContain('Date de la prochaine cellule enregistrée : 14/12/2026');
		expect(frame).toContain('Cellule de suivi : 14/12/2026 · préparation à rendre');
		expect(await storedCellule(editor.file)).toBe('2026-12-14');
		expect((await journalLines(editor.file)).at(-1)!.after).toEqual({'Prochaine cellule': '2026-12-14'});
		// E now proposes it
		frame = await editor.press('E');
		expect(frame).toContain('Date de la cellule : 14/12/2026');
		frame = await editor.press(KEYS.escape);
		// C then Esc: nothing written
		const lines = (await journalLines(editor.file)).length;
		await editor.press('C');
		frame = await editor.press(KEYS.escape);
		expect(frame).toContain('Annulé : rien n’a été modifié.');
		expect(await journalLines(editor.file)).toHaveLength(lines);
	});
});
