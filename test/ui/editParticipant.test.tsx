// Events, contract, standby, exit, snooze, undo and conflicts through the
// dashboard, with the store file read back after each key.
import {afterEach, describe, expect, it} from 'vitest';
import {readFile} from 'node:fs/promises';
import {addMonths, frenchDate, isoFromDay, toDay} from '../../source/domain/calendar.js';
import type {Participant} from '../../source/domain/model.js';
import {updateStore} from '../../source/store/transaction.js';
import {inOrder, person} from '../helpers/caseload.js';
import {type Editor, renderEditor} from './editHarness.js';
import {KEYS} from './renderApp.js';

const T = '2026-11-22';
const iso = (offset: number) => isoFromDay(toDay(T) + offset);
const fr = (offset: number) => frenchDate(toDay(T) + offset);

let editor: Editor | undefined;
afterEach(async () => {
	await editor?.close();
	editor = undefined;
});

/** Opens the first person of the « File active » queue. */
async function openActive(people: Participant[]): Promise<Editor> {
	editor = await renderEditor(people, {queue: 'caseload.active'});
	await editor.press(KEYS.enter);
	return editor;
}

describe('events', () => {
	it('e records an individual interview today in one key, a an unjustified absence', async () => {
		const e = await openActive([inOrder(T, {id: 'E'})]);
		let frame = await e.press('e');
		expect(frame).toContain(`${fr(0)}  Entretien individuel`);
		frame = await e.press('a');
		expect((await e.disk('E')).events).toEqual(expect.arrayContaining([{date: T, type: 'Entretien individuel'}, {date: T, type: 'Absence injustifiée'}]));
		// pressed twice: refused, nothing recorded twice
		frame = await e.press('e');
		expect(frame).toContain('déjà enregistré');
		expect((await e.disk('E')).events.filter(ev => ev.type === 'Entretien individuel' && ev.date === T)).toHaveLength(1);
	});

	it('Tab opens the event form: type chosen by its initial, a date, a note with a q in it', async () => {
		const e = await openActive([inOrder(T, {id: 'E'})]);
		let frame = await e.press('\t');
		expect(frame).toContain('Nouvel événement');
		frame = await e.press('c', '\t', '19/11/2026', '\t', 'rappel quinzaine', KEYS.enter);
		expect((await e.disk('E')).events).toContainEqual({date: '2026-11-19', type: 'Contact téléphonique', note: 'rappel quinzaine'});
		expect(frame).toContain('Enregistré : Événement « Contact téléphonique »');
	});
});

describe('contract, ROME code, standby', () => {
	it('c renews the CER (REFERENTIEL §2): 23/05/2026→21/11/2026 by 6 months gives 22/11/2026→21/05/2027, the old one kept; u undoes it', async () => {
		const e = await openActive([inOrder(T, {id: 'C', rsa: true, contractStart: '2026-05-23', contractEnd: '2026-11-21', romeCode: undefined})]);
		const before = await e.disk('C');
		let frame = await e.press('c');
		expect(frame).toContain('CER actuel : du 23/05/2026 au 21/11/2026');
		frame = await e.press('\t', '\t', KEYS.down);
		expect(frame).toContain('22/11/2026');
		expect(frame).toContain('21/05/2027');
		frame = await e.press('\t', 'm1607', KEYS.enter);
		expect(await e.disk('C')).toMatchObject({
			contractStart: '2026-11-22',
			contractEnd: '2027-05-21',
			previousContracts: [{start: '2026-05-23', end: '2026-11-21'}],
			romeCode: 'M1607',
		});
		expect(frame).toContain('CER renouvelé pour 6 mois : du 22/11/2026 au 21/05/2027');
		frame = await e.press('u');
		expect(frame).toContain('Annulation : CER renouvelé');
		expect(await e.disk('C')).toEqual(before);
	});

	it('c with a renewal whose dates are changed by hand: the old CER is still kept, the typed dates are the new one', async () => {
		const e = await openActive([inOrder(T, {id: 'C', contractStart: '2026-05-23', contractEnd: '2026-11-21', previousContracts: [{end: '2025-11-30'}]})]);
		// renewal by 12 months: 22/11/2026 → 21/11/2027 proposed; then back to the end date, typed instead
		let frame = await e.press('c', '\t', '\t', KEYS.down, KEYS.down);
		expect(frame).toContain('21/11/2027');
		frame = await e.press('\t', '\t', '\t', '30/09/2027', KEYS.enter);
		expect(frame).toContain('CER renouvelé : du 22/11/2026 au 30/09/2027');
		expect(await e.disk('C')).toMatchObject({
			contractStart: '2026-11-22',
			contractEnd: '2027-09-30',
			previousContracts: [{end: '2025-11-30'}, {start: '2026-05-23', end: '2026-11-21'}],
		});
	});

	it('c refuses an end before the start and a bad ROME code, in the form', async () => {
		const e = await openActive([inOrder(T, {id: 'C', contractStart: iso(-10), contractEnd: iso(100)})]);
		let frame = await e.press('c', '\t', '01/01/2020', KEYS.enter);
		expect(frame).toContain('la fin (01/01/2020) précède le début');
		frame = await e.press(KEYS.backspace.repeat(10), fr(200), '\t', '\t', KEYS.backspace.repeat(5), 'XYZ', KEYS.enter);
		expect(frame).toContain('Code ROME « XYZ » impossible');
		frame = await e.press(KEYS.escape);
		expect(await e.disk('C')).toMatchObject({contractStart: iso(-10), contractEnd: iso(100), romeCode: 'K2204'});
	});

	it('v asks the standby’s first day (today) and reason; v again ends it at once, the reason going with it', async () => {
		const e = await openActive([inOrder(T, {id: 'V'})]);
		let frame = await e.press('v');
		expect(frame).toContain('Mise en veille');
		expect(frame).toContain('En étape emploi ou formation');
		expect((await e.disk('V')).standbySince).toBeUndefined();
		// Tab to the reason, « s » jumps to Santé
		frame = await e.press('\t', 's', KEYS.enter);
		expect(await e.disk('V')).toMatchObject({standbySince: T, standbyReason: 'Santé'});
		expect(frame).toContain(`Veille depuis le ${fr(0)} (Santé)`);
		frame = await e.press('v');
		expect(frame).toContain('Pas en veille');
		const after = await e.disk('V');
		expect(after.standbySince).toBeUndefined();
		expect(after.standbyReason).toBeUndefined();
	});

	it('v: another day, « Autre » with a précision recorded as the reason; a précision with another reason is refused in the form', async () => {
		const e = await openActive([inOrder(T, {id: 'V'})]);
		let frame = await e.press('v', KEYS.backspace.repeat(10), fr(-3), '\t', '\t', 'garde d’enfant', KEYS.enter);
		expect(frame).toContain('seulement avec le motif « Autre »');
		expect((await e.disk('V')).standbySince).toBeUndefined();
		// back to the reason (Tab Tab from the précision): « a » twice goes past « À la demande… » to « Autre »
		frame = await e.press('\t', '\t', 'a', 'a', KEYS.enter);
		expect(await e.disk('V')).toMatchObject({standbySince: iso(-3), standbyReason: 'garde d’enfant'});
		expect(frame).toContain('(garde d’enfant)');
	});
});

describe('exit and non-integration, behind a confirmation', () => {
	it('x: date, type, motive from the list; n goes back to the form, o saves', async () => {
		const e = await openActive([inOrder(T, {id: 'X'})]);
		let frame = await e.press('x');
		expect(frame).toContain('Sortie du PLIE');
		expect(frame).toContain('CDI');
		// type Dynamique (its initial), then the motives of that group
		frame = await e.press('\t', 'd', '\t', KEYS.down);
		expect(frame).toContain('‹ CDI < mi-temps ›');
		frame = await e.press(KEYS.enter);
		expect(frame).toContain(`Enregistrer la sortie de TESTARD`);
		expect(frame).toContain('(o/n)');
		frame = await e.press('n');
		expect(frame).toContain('Sortie du PLIE');
		expect((await e.disk('X')).exitDate).toBeUndefined();
		frame = await e.press(KEYS.enter, 'o');
		expect(await e.disk('X')).toMatchObject({exitDate: T, exitType: 'Dynamique', exitReason: 'CDI < mi-temps'});
		expect(frame).toContain('Sorti·e');
	});

	it('x for someone in intake records a non-integration with a motive of the list', async () => {
		editor = await renderEditor([person({id: 'I', firstAppointment: iso(-20)})], {queue: 'caseload.intake'});
		let frame = await editor.press(KEYS.enter, 'x');
		expect(frame).toContain('Non-intégration');
		frame = await editor.press('\t', 'r', KEYS.enter);
		expect(frame).toContain('(o/n)');
		await editor.press('o');
		expect(await editor.disk('I')).toMatchObject({nonIntegrationDate: T, nonIntegrationReason: 'Relève d\'un accompagnement spécifique'});
	});

	it('x offers to close the open steps at the exit date (Terminée by default): one change, undone with u', async () => {
		const e = await openActive([inOrder(T, {id: 'X'})]);
		let frame = await e.press('x');
		expect(frame).toContain('Clore les étapes ouvertes (1) : ‹ oui, Terminée ›');
		// an exit a few days ago, typed without its year
		frame = await e.press(fr(-3).slice(0, 5), KEYS.enter);
		// the question wraps at 80 columns
		expect(frame.replace(/\s+/g, ' ')).toContain(`le ${fr(-3)} (Positive — CDI) et clore l’étape ouverte (Terminée) à cette date ? (o/n)`);
		frame = await e.press('o');
		const stored = await e.disk('X');
		expect(stored).toMatchObject({exitDate: iso(-3), exitType: 'Positive', exitReason: 'CDI'});
		expect(stored.steps).toEqual([{label: 'Formation', type: 'Formation', start: iso(-50), end: iso(-3), state: 'Terminée'}]);
		expect(frame).toContain('1 étape close (Terminée)');
		// not in « Étape non terminée ou fin > date de sortie »
		expect(frame).not.toContain('Étape non terminée');
		await e.press('u');
		const undone = await e.disk('X');
		expect(undone.exitDate).toBeUndefined();
		expect(undone.steps[0]).toMatchObject({state: 'En cours', end: iso(50)});
	});

	it('x with « non, les laisser ouvertes », or « Interrompue »', async () => {
		const e = await openActive([inOrder(T, {id: 'X'}), inOrder(T, {id: 'Y'})]);
		await e.press('x', '	', '	', '	', KEYS.down, KEYS.down, KEYS.enter, 'o');
		expect((await e.disk('X')).steps[0]).toMatchObject({state: 'En cours', end: iso(50)});
		await e.press(KEYS.escape, KEYS.escape, KEYS.enter, KEYS.down, KEYS.enter);
		// Y's fiche: Interrompue
		await e.press('x', '	', '	', '	', KEYS.down, KEYS.enter, 'o');
		expect((await e.disk('Y')).steps[0]).toMatchObject({state: 'Interrompue', end: T});
	});

	it('Esc leaves the exit form without a change', async () => {
		const e = await openActive([inOrder(T, {id: 'X'})]);
		await e.press('x', KEYS.escape);
		expect((await e.disk('X')).exitDate).toBeUndefined();
	});
});

describe('snooze', () => {
	it('z puts the alert on hold with a reason and an end date: out of the queue and its count, greyed in the file', async () => {
		const lapsed = inOrder(T, {id: 'Z', rsa: true, contractStart: iso(-200), contractEnd: iso(-5)});
		const other = inOrder(T, {id: 'Y', rsa: true, contractStart: iso(-200), contractEnd: iso(-3)});
		editor = await renderEditor([lapsed, other], {queue: 'rsa.contract-expired'});
		let frame = await editor.press(KEYS.enter, 'z');
		expect(frame).toContain('Mettre en attente (alerte ou échéance)');
		expect(frame).toContain('RSA dont le CER est échu');
		frame = await editor.press('\t', 'renouvellement en cours', '\t', '15/12/2026', KEYS.enter);
		const stored = await editor.disk('Z');
		expect(stored.snoozes).toEqual([{indicator: 'rsa.contract-expired', reason: 'renouvellement en cours', until: '2026-12-15', since: T}]);
		// still listed in the file, marked as on hold with its reason
		// at 80 columns the short label leaves room for the reason
		expect(frame).toContain("RSA, CER échu — en attente jusqu'au 15/12/2026 : renouvellement en cours");
		expect(frame).toContain('Enregistré : Alerte « RSA dont le CER est échu » mise en attente');
		frame = await editor.press(KEYS.escape);
		expect(frame).toMatch(/RSA dont le CER est échu — 1\/1 · rsa\.contract-expired · 1 en attente/);
		frame = await editor.press(KEYS.escape);
		expect(frame).toMatch(/RSA dont le CER est échu\s+1\b/);
	});

	it('z on an alert already on hold shows its reason and end, and lifts it (journaled); z again puts it back on hold', async () => {
		const held = inOrder(T, {
			id: 'Z',
			rsa: true,
			contractStart: iso(-200),
			contractEnd: iso(-5),
			snoozes: [{indicator: 'rsa.contract-expired', reason: 'renouvellement signé, à saisir', until: iso(10), since: iso(-2)}],
		});
		editor = await renderEditor([held], {queue: 'caseload.active'});
		let frame = await editor.press(KEYS.enter, 'z');
		// the note is cut at 80 columns; the reason field below holds it whole
		expect(frame).toContain(`« RSA dont le CER est échu » en attente jusqu’au ${fr(10)} : renouvellement`);
		// the alert on hold comes first, before the échéance kinds z also offers in the fiche
		expect(frame).toContain('Alerte ou échéance : ‹ RSA dont le CER est échu (en attente) ›');
		expect(frame).toContain('‹ prolonger ou modifier ›');
		expect(frame).toContain('Raison             : renouvellement signé, à saisir');
		frame = await editor.press('	', KEYS.down);
		expect(frame).toContain('‹ lever la mise en attente ›');
		frame = await editor.press(KEYS.enter);
		expect((await editor.disk('Z')).snoozes).toBeUndefined();
		expect(frame).toContain('Enregistré : Alerte « RSA dont le CER est échu » réactivée');
		expect(frame).toMatch(/! RSA dont le CER est échu/);
		const journal = await readFile(`${editor.dir}/caseload.journal.jsonl`, 'utf8');
		expect(journal).toContain('réactivée');
	});

	it('z refuses an end date already past, in the form', async () => {
		editor = await renderEditor([inOrder(T, {id: 'Z', rsa: true, contractStart: iso(-200), contractEnd: iso(-5)})], {queue: 'rsa.contract-expired'});
		const frame = await editor.press('z', '\t', 'attente', '\t', '01/11/2026', KEYS.enter);
		expect(frame).toContain('déjà passée');
		expect((await editor.disk('Z')).snoozes).toBeUndefined();
	});
});

describe('undo', () => {
	it('u undoes the session’s changes one by one, back to the file as it was, then says there is nothing left', async () => {
		const original = inOrder(T, {id: 'U'});
		const e = await openActive([original]);
		const before = await e.disk('U');
		await e.press('e', 'v', KEYS.enter);
		expect((await e.disk('U')).standbySince).toBe(T);
		let frame = await e.press('u');
		expect(frame).toContain('Annulation : Mise en veille');
		expect((await e.disk('U')).standbySince).toBeUndefined();
		frame = await e.press('u');
		expect(frame).toContain('Annulation : Événement « Entretien individuel »');
		expect(await e.disk('U')).toEqual(before);
		frame = await e.press('u');
		expect(frame).toContain('Rien à annuler dans cette session.');
	});
});

describe('a colleague’s change on disk', () => {
	it('same step changed by both: a conflict message with both values, nothing overwritten, the screen shows the file', async () => {
		const someone = inOrder(T, {id: 'K', steps: [{label: 'Atelier', type: 'Atelier', start: iso(-5), state: 'Prévue'}]});
		editor = await renderEditor([someone], {queue: 'steps.to-start', watchMs: 600_000});
		await editor.press(KEYS.enter);
		await updateStore(editor.file, data => {
			const p = data.participants.find(x => x.id === 'K')!;
			p.steps[0] = {...p.steps[0]!, state: 'Terminée', end: iso(-1)};
			return [{action: 'collègue', participantId: 'K'}];
		});
		let frame = await editor.press('d');
		expect(frame).toContain('Conflit');
		expect(frame).toContain('enregistré entre-temps');
		expect(frame).toContain('Terminée');
		expect(frame).toContain('En cours');
		expect((await editor.disk('K')).steps[0]).toMatchObject({state: 'Terminée', end: iso(-1)});
		frame = await editor.press(' ');
		expect(frame).toMatch(/› +Terminée/);
	});

	it('the step form writes only what was changed in it: a colleague’s new state of that step is kept', async () => {
		const someone = inOrder(T, {id: 'K', steps: [{label: 'Atelier', type: 'Atelier', start: iso(-5), state: 'Prévue'}]});
		editor = await renderEditor([someone], {queue: 'steps.to-start', watchMs: 600_000});
		await editor.press(KEYS.enter, 'm');
		await updateStore(editor.file, data => {
			const p = data.participants.find(x => x.id === 'K')!;
			p.steps[0] = {...p.steps[0]!, state: 'En cours'};
			return [{action: 'collègue', participantId: 'K'}];
		});
		await editor.press('\t', KEYS.backspace.repeat(7), 'Atelier collectif', KEYS.enter);
		expect((await editor.disk('K')).steps).toEqual([{label: 'Atelier', type: 'Atelier collectif', start: iso(-5), state: 'En cours'}]);
	});

	it('a form left open while a colleague saves the same field: the conflict is shown, their value kept (not overwritten)', async () => {
		const e = await openActive([inOrder(T, {id: 'R'})]);
		let frame = await e.press('c');
		expect(frame).toContain('K2204');
		await updateStore(e.file, data => {
			data.participants.find(x => x.id === 'R')!.romeCode = 'A1111';
			return [{action: 'collègue', participantId: 'R'}];
		});
		await new Promise(resolve => setTimeout(resolve, 300)); // the session has seen the colleague's save
		frame = await e.press('\t', '\t', '\t', KEYS.backspace.repeat(5), 'B2222', KEYS.enter);
		expect(frame).toContain('Conflit');
		expect(frame).toContain('A1111');
		expect(frame).toContain('B2222');
		expect((await e.disk('R')).romeCode).toBe('A1111');
	});

	it('a form left open while a colleague saves another field: both kept', async () => {
		const e = await openActive([inOrder(T, {id: 'R', contractStart: iso(-10), contractEnd: iso(100)})]);
		await e.press('c');
		await updateStore(e.file, data => {
			data.participants.find(x => x.id === 'R')!.contractEnd = iso(120);
			return [{action: 'collègue', participantId: 'R'}];
		});
		await new Promise(resolve => setTimeout(resolve, 300));
		await e.press('\t', '\t', '\t', KEYS.backspace.repeat(5), 'B2222', KEYS.enter);
		expect(await e.disk('R')).toMatchObject({romeCode: 'B2222', contractEnd: iso(120)});
	});

	it('a different field changed meanwhile: both changes kept', async () => {
		const someone = inOrder(T, {id: 'K', steps: [{label: 'Atelier', type: 'Atelier', start: iso(-5), state: 'Prévue'}]});
		// no background refresh here: the key must meet the colleague's change at save time
		editor = await renderEditor([someone], {queue: 'steps.to-start', watchMs: 600_000});
		await editor.press(KEYS.enter);
		await updateStore(editor.file, data => {
			data.participants.find(x => x.id === 'K')!.romeCode = 'M1607';
			return [{action: 'collègue', participantId: 'K'}];
		});
		const frame = await editor.press('d');
		expect(frame).toContain('fusionné');
		expect(await editor.disk('K')).toMatchObject({romeCode: 'M1607', steps: [{state: 'En cours'}]});
	});
});

describe('a colleague’s saved change, without a key pressed', () => {
	it('appears on the screen within moments', async () => {
		const e = await openActive([inOrder(T, {id: 'W', standbySince: undefined})]);
		expect(e.frame()).toContain('Pas en veille');
		await updateStore(e.file, data => {
			data.participants.find(x => x.id === 'W')!.standbySince = iso(-1);
			return [{action: 'collègue', participantId: 'W'}];
		});
		expect(await e.waitFor('Veille depuis le')).toContain(`Veille depuis le ${fr(-1)}`);
	});

	it('a fiche whose person leaves the caseload (removed on another post) goes back to its queue and says so', async () => {
		const e = await openActive([inOrder(T, {id: 'W'}), inOrder(T, {id: 'Y'})]);
		expect(e.frame()).toContain('Fiche');
		await updateStore(e.file, data => {
			data.participants = data.participants.filter(x => x.id !== 'W');
			return [{action: 'suppression', participantId: 'W'}];
		});
		const frame = await e.waitFor('n’est plus dans votre liste');
		expect(frame).toContain('La fiche affichée n’est plus dans votre liste');
		expect(frame).toContain('File active');
		const footer = frame.split('\n').at(-1)!;
		expect(footer).not.toMatch(/Fiche/);
	});

	it('is named in the status line: who, which person, what', async () => {
		const e = await openActive([inOrder(T, {id: 'W', standbySince: undefined})]);
		const name = (await e.disk('W')).name;
		await updateStore(
			e.file,
			data => {
				data.participants.find(x => x.id === 'W')!.standbySince = iso(-1);
				return [{action: 'mise en veille', participantId: 'W'}];
			},
			{user: 'collegue.b'},
		);
		const frame = await e.waitFor('a modifié');
		expect(frame).toContain(`collegue.b a modifié ${name} : mise en veille (En veille depuis)`);
	});
});

describe('a save that fails', () => {
	it('says why and shows the file as it is: the interview typed is not shown as if saved', async () => {
		const e = await openActive([inOrder(T, {id: 'F'})]);
		const {promises: fs} = await import('node:fs');
		await fs.writeFile(e.file, '{ abîmé', {mode: 0o600});
		let frame = await e.press('e');
		expect(frame).toContain('Enregistrement impossible');
		frame = await e.press(' ');
		expect(frame).not.toContain(`${fr(0)}  Entretien individuel`);
	});
});

