// The « Échéances » screen (h from the dashboard), its dashboard line, the fiche's
// section, snoozes of an échéance kind, and the exit follow-up of 004_… (V, S, s)
// through the dashboard with its real edit handler; the store file read back.
import {afterEach, describe, expect, it} from 'vitest';
import {isoFromDay, toDay} from '../../source/domain/calendar.js';
import {readJournal} from '../../source/store/journal.js';
import {inOrder, person} from '../helpers/caseload.js';
import {type Editor, renderEditor} from './editHarness.js';
import {KEYS} from './renderApp.js';

// a Wednesday: « Cette semaine » runs to Sunday 22/11
const T = '2026-11-18';
const iso = (offset: number) => isoFromDay(toDay(T) + offset);

let editor: Editor | undefined;
afterEach(async () => {
	await editor?.close();
	editor = undefined;
});

const lines = (frame: string) => frame.split('\n');

/** Two RSA people whose CER ends: one 3 days ago (late), one on Friday (this week); a third whose CER ends in 3 weeks. */
function caseload() {
	return [
		inOrder(T, {id: 'LATE', name: 'RETARD Alix', rsa: true, contractStart: iso(-180), contractEnd: iso(-3)}),
		inOrder(T, {id: 'WEEK', name: 'SEMAINE Basile', rsa: true, contractStart: iso(-180), contractEnd: iso(2)}),
		inOrder(T, {id: 'LATER', name: 'PLUSTARD Cyd', rsa: true, contractStart: iso(-180), contractEnd: iso(21)}),
	];
}

describe('the échéances screen', () => {
	it('the dashboard has its line; h opens the list grouped by week, late first; Entrée opens the fiche with its section; Échap comes back', async () => {
		editor = await renderEditor(caseload(), {today: T});
		let frame = editor.frame();
		expect(frame).toMatch(/Échéances : 1 en retard · 1 cette semaine · pas de prochaine cellule enregistrée/);
		frame = await editor.press('h');
		expect(frame).toContain('Échéances au 18/11/2026 — toutes les sortes');
		const late = lines(frame).findIndex(line => line.startsWith('En retard (1)'));
		const week = lines(frame).findIndex(line => line.startsWith('Cette semaine (1)'));
		const later = lines(frame).findIndex(line => line.startsWith("D'ici le 16/12"));
		expect(late).toBeGreaterThan(0);
		expect(week).toBeGreaterThan(late);
		expect(later).toBeGreaterThan(week);
		expect(lines(frame)[late + 1]).toMatch(/^›! 15\/11\/2026 +−3 j +Fin du CER .*RETARD Alix · LATE/);
		expect(lines(frame)[week + 1]).toMatch(/20\/11\/2026 +2 j +Fin du CER .*SEMAINE Basile · WEEK/);
		expect(frame).toContain('Fin du CER, en retard de 3 jours — RETARD Alix · LATE');
		for (const line of lines(frame)) expect(line.length).toBeLessThanOrEqual(80);
		expect(lines(frame).length).toBeLessThanOrEqual(23);
		frame = await editor.press(KEYS.enter);
		expect(frame).toContain('RETARD Alix');
		expect(frame).toMatch(/Échéances \(\d+\) — 1 en retard/);
		expect(frame).toMatch(/! 15\/11\/2026 +−3 j +Fin du CER/);
		expect(frame).toContain('Échap : les échéances');
		frame = await editor.press('n');
		expect(frame).toContain('SEMAINE Basile');
		frame = await editor.press(KEYS.escape);
		expect(frame).toContain('Échéances au 18/11/2026');
		frame = await editor.press(KEYS.escape);
		expect(frame).toContain('Effectifs');
	});

	it('f narrows the list to one kind, counts shown; Échap closes the picker without change', async () => {
		editor = await renderEditor([...caseload(), person({id: 'VEILLE', standbySince: iso(-70), integrationDate: iso(-300)})], {today: T});
		let frame = await editor.press('h', 'f');
		expect(frame).toContain('Sorte d’échéance à montrer');
		expect(frame).toMatch(/Fin du CER \(3\)/);
		expect(frame).toMatch(/Veille à réexaminer \(2 mois\) \(1\)/);
		frame = await editor.press(KEYS.escape);
		expect(frame).toContain('toutes les sortes');
		// « Fin du CER » is the fifth kind of §7
		frame = await editor.press('f', KEYS.down, KEYS.down, KEYS.down, KEYS.down, KEYS.down, KEYS.enter);
		expect(frame).toContain('« Fin du CER »');
		expect(frame).toContain('LATE');
		expect(frame).toContain('LATER');
		expect(frame).not.toContain('VEILLE');
	});

	it('z on a line puts that kind on hold for that person: it leaves the list, the store names the kind', async () => {
		editor = await renderEditor(caseload(), {today: T});
		let frame = await editor.press('h', 'z');
		expect(frame).toContain('Mettre en attente (alerte ou échéance) — RETARD Alix');
		expect(frame).toContain('Fin du CER');
		frame = await editor.press('\t', 'avenant en cours', '\t', '15/12/2026', KEYS.enter);
		expect((await editor.disk('LATE')).snoozes).toEqual([{indicator: 'cer.end', reason: 'avenant en cours', until: '2026-12-15', since: T}]);
		frame = await editor.saved();
		expect(frame).toContain('1 échéance en attente (z)');
		// only the kind named is hidden: the person's next interview stays
		expect(frame).not.toMatch(/Fin du CER .*RETARD Alix · LATE/);
		expect(frame).toMatch(/Prochain entretien .*RETARD Alix · LATE/);
		expect(frame).toContain('En retard 0 · Cette semaine 1');
	});

	it('Z or S opened from the échéances: Échap comes back to the échéances, on the line left, through the fiche and the queue', async () => {
		editor = await renderEditor(caseload(), {today: T});
		await editor.press('h', 'z', '\t', 'avenant en cours', '\t', '15/12/2026', KEYS.enter);
		await editor.saved();
		let frame = await editor.press(KEYS.down, 'Z');
		expect(frame).toContain('Mises en attente');
		// no internal name in its title (« snoozes » is no indicator --queue takes)
		expect(frame).not.toContain('snoozes');
		frame = await editor.press(KEYS.enter);
		expect(frame).toContain('RETARD Alix');
		frame = await editor.press(KEYS.escape);
		expect(frame).toContain('Mises en attente');
		frame = await editor.press(KEYS.escape);
		expect(frame).toContain('Échéances au 18/11/2026');
		expect(frame).toMatch(/^›.*PLUSTARD Cyd · LATER/m);
		frame = await editor.press('S');
		expect(frame).toContain('File vide');
		frame = await editor.press(KEYS.escape);
		expect(frame).toContain('Échéances au 18/11/2026');
		// from the dashboard, Échap still goes back to the dashboard
		frame = await editor.press(KEYS.escape, 'Z', KEYS.escape);
		expect(frame).toContain('Effectifs');
	});
});

describe('the exit follow-up (004_…)', () => {
	/** A positive exit 20 days ago, presented at today's cellule. */
	const exited = () =>
		person({
			id: 'EXIT',
			name: 'SORTIE Dana',
			integrationDate: iso(-400),
			exitDate: iso(-20),
			exitType: 'Positive',
			exitReason: 'CDI',
		});

	it('V validates the cellule’s exits after a confirmation listing them; S lists them by closure date; s records letters, proof and closure; u undoes', async () => {
		editor = await renderEditor([exited(), inOrder(T, {id: 'STAY'})], {today: T});
		let frame = await editor.press('V');
		expect(frame).toContain('Valider les sorties présentées en cellule');
		expect(frame).toContain('18/11/2026');
		frame = await editor.press(KEYS.enter);
		expect(frame).toContain('À valider en cellule le 18/11/2026 — sorties du 18/10/2026 au 18/11/2026 :');
		expect(frame).toContain('SORTIE Dana · EXIT');
		expect(frame).not.toContain('STAY');
		expect(frame).toContain('Valider cette sortie en cellule le 18/11/2026 ?');
		frame = await editor.press('o');
		expect((await editor.disk('EXIT')).exitValidatedOn).toBe(T);
		expect(frame).toContain('1 sortie validée en cellule le 18/11/2026');

		frame = await editor.press('S');
		expect(frame).toContain('Sorties à clôturer');
		expect(frame).toContain('EXIT');
		frame = await editor.press(KEYS.enter);
		// the four dates on as many lines as 80 columns need, none cut
		expect(frame).toMatch(/^ {2}Suivi de la sortie \(s\) : validée en cellule le 18\/11\/2026$/m);
		expect(frame).toMatch(/^ {2}courriers envoyés le — · justificatif reçu le — · dossier clôturé le —$/m);
		// letters, then proof, then closure: each time the first one missing is proposed at today's date
		frame = await editor.press('s');
		expect(frame).toContain('Suivi de la sortie — SORTIE Dana');
		expect(frame).toContain('Courriers avant le 18/12/2026 · clôture au plus tard le 17/02/2027');
		frame = await editor.press(KEYS.enter);
		expect((await editor.disk('EXIT')).exitLettersSentOn).toBe(T);
		await editor.press('s', KEYS.enter);
		expect((await editor.disk('EXIT')).exitProofReceivedOn).toBe(T);
		frame = await editor.press('s', KEYS.enter);
		const closed = await editor.disk('EXIT');
		expect(closed).toMatchObject({exitValidatedOn: T, exitLettersSentOn: T, exitProofReceivedOn: T, exitClosedOn: T});
		expect(frame).toMatch(/^ {2}courriers envoyés le 18\/11\/2026 · justificatif reçu le 18\/11\/2026$/m);
		expect(frame).toMatch(/^ {2}dossier clôturé le 18\/11\/2026$/m);
		const journal = (await readJournal(editor.file))!.lines.map(line => line.action);
		expect(journal.filter(action => /Suivi de sortie|validée en cellule/i.test(action)).length).toBeGreaterThanOrEqual(4);
		frame = await editor.press('u');
		expect((await editor.disk('EXIT')).exitClosedOn).toBeUndefined();
		expect((await editor.disk('EXIT')).exitProofReceivedOn).toBe(T);
	});

	it('s takes a date without its year, as every date field', async () => {
		const exited = inOrder(T, {id: 'EXIT', name: 'SORTIE Dana', exitDate: '2026-11-10', exitType: 'Positive', exitReason: 'CDI', exitValidatedOn: '2026-11-12'});
		editor = await renderEditor([exited], {today: T, queue: 'exit.close'});
		await editor.press(KEYS.enter, 's');
		// the letters' field, after « validée en cellule le »
		const frame = await editor.press('\t', '\u0015', '15/11');
		expect(frame).not.toContain('date impossible');
		await editor.press(KEYS.enter);
		await editor.saved();
		expect((await editor.disk('EXIT')).exitLettersSentOn).toBe('2026-11-15');
	});

	it('S with no exit to close says the queue is empty, not that the indicators are', async () => {
		editor = await renderEditor([inOrder(T, {id: 'STAY'})], {today: T});
		const frame = await editor.press('S');
		expect(frame).toContain('File vide : personne à traiter ici (Échap : revenir).');
		expect(frame).not.toContain('Les autres files de cette rubrique sont vides aussi');
	});

	it('s on a person without an exit says so, nothing written', async () => {
		editor = await renderEditor([inOrder(T, {id: 'STAY'})], {today: T, queue: 'caseload.active'});
		const before = await editor.disk('STAY');
		const frame = await editor.press(KEYS.enter, 's');
		expect(frame).toContain('Pas de sortie enregistrée');
		expect(await editor.disk('STAY')).toEqual(before);
	});

	it('V with nothing to validate says so', async () => {
		editor = await renderEditor([inOrder(T, {id: 'STAY'})], {today: T});
		const frame = await editor.press('V', KEYS.enter);
		expect(frame).toContain('Aucune sortie à valider');
		expect((await editor.disk('STAY')).exitValidatedOn).toBeUndefined();
	});
});
