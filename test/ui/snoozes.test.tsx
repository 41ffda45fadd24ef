// The « Mises en attente » queue (Z from the dashboard): every current snooze of
// the people in scope, nearest end first, to review before the cellule; Entrée
// opens the fiche, z on a row shows that snooze and lifts it (journaled).
import {readFile} from 'node:fs/promises';
import {afterEach, describe, expect, it} from 'vitest';
import {frenchDate, isoFromDay, toDay} from '../../source/domain/calendar.js';
import type {Participant} from '../../source/domain/model.js';
import {inOrder} from '../helpers/caseload.js';
import {type Editor, renderEditor} from './editHarness.js';
import {KEYS, renderApp} from './renderApp.js';

const T = '2026-11-18';
const iso = (offset: number) => isoFromDay(toDay(T) + offset);
const fr = (offset: number) => frenchDate(iso(offset));

let editor: Editor | undefined;
afterEach(async () => {
	await editor?.close();
	editor = undefined;
});

/** Two people with snoozes (one of them two: an alert and an échéance), one whose snooze has ended, one with none. */
function caseload(): Participant[] {
	return [
		inOrder(T, {
			id: 'HOLD1',
			name: 'ATTENTE Alix',
			referent: 'LEBRUN Ana',
			rsa: true,
			contractStart: iso(-200),
			contractEnd: iso(-5),
			snoozes: [
				{indicator: 'rsa.contract-expired', reason: 'renouvellement signé', until: iso(20), since: iso(-2)},
				{indicator: 'cer.end', reason: 'avenant en cours', until: iso(3), since: iso(-1)},
			],
		}),
		inOrder(T, {
			id: 'HOLD2',
			name: 'PATIENCE Basile',
			referent: 'MARTEL Inès',
			snoozes: [{indicator: 'followup.no-interview30', reason: 'hospitalisé', until: iso(9), since: iso(-4)}],
		}),
		inOrder(T, {
			id: 'ENDED',
			name: 'FINI Cyd',
			referent: 'LEBRUN Ana',
			snoozes: [{indicator: 'followup.no-interview30', reason: 'vieille raison', until: iso(-1), since: iso(-30)}],
		}),
		inOrder(T, {id: 'NONE', name: 'AUCUNE Dora', referent: 'LEBRUN Ana'}),
	];
}

const rows = (frame: string) => frame.split('\n').filter(line => /HOLD\d|ENDED|NONE/.test(line) && !line.includes('·'));

describe('« Mises en attente » (Z)', () => {
	it('lists every current snooze, nearest end first, with what, until when and why; Entrée opens the fiche, Échap comes back, n goes on', async () => {
		const app = await renderApp(caseload(), {today: T});
		let frame = await app.press('Z');
		expect(frame).toContain('Mises en attente — 1/3');
		const listed = rows(frame);
		expect(listed).toHaveLength(3);
		expect(listed[0]).toMatch(/ATTENTE Alix\s+HOLD1\s+Échéance : Fin du CER\s+/);
		expect(listed[0]).toContain(`${fr(3)} avenant en cours`);
		expect(listed[1]).toMatch(/PATIENCE Basile\s+HOLD2/);
		expect(listed[1]).toContain(`${fr(9)} hospitalisé`);
		expect(listed[2]).toMatch(/ATTENTE Alix\s+HOLD1/);
		expect(listed[2]).toContain(`${fr(20)} renouvellement signé`);
		// an ended snooze is not listed, nor a person with none
		expect(frame).not.toContain('ENDED');
		expect(frame).not.toContain('NONE');
		expect(frame).toContain(`ATTENTE Alix · HOLD1 · jusqu’au ${fr(3)} (3 jours) — z : voir, lever`);

		frame = await app.press(KEYS.down, KEYS.enter);
		expect(frame).toContain('Fiche 2/3 · file « Mises en attente »');
		expect(frame).toContain('PATIENCE Basile');
		frame = await app.press('n');
		expect(frame).toContain('Fiche 3/3 · file « Mises en attente »');
		expect(frame).toContain('ATTENTE Alix');
		frame = await app.press(KEYS.escape);
		expect(frame).toContain('Mises en attente — 3/3');
		frame = await app.press(KEYS.escape);
		expect(frame).toContain('Échéances :');
		app.unmount();
	});

	it('only the chosen référent·e’s people; in discrétion mode initials and no reason', async () => {
		const app = await renderApp(caseload(), {today: T, referent: 'MARTEL Inès'});
		let frame = await app.press('Z');
		expect(frame).toContain('Mises en attente — 1/1');
		expect(frame).toContain('HOLD2');
		expect(frame).not.toContain('HOLD1');
		frame = await app.press('*');
		expect(frame).not.toContain('hospitalisé');
		expect(frame).not.toContain('PATIENCE Basile');
		expect(frame).toContain('[note masquée]');
		app.unmount();
	});

	it('fits 80×24 and 120×40, rendering only the rows on screen', async () => {
		const many = Array.from({length: 60}, (_, i) =>
			inOrder(T, {id: `H${String(i).padStart(2, '0')}`, name: `PERSONNE Numéro${i}`, snoozes: [{indicator: 'followup.no-interview30', reason: `raison ${i}`, until: iso(i), since: T}]}),
		);
		for (const [columns, height] of [[80, 24], [120, 40]] as const) {
			const app = await renderApp(many, {today: T, columns, rows: height});
			const frame = await app.press('Z');
			const lines = frame.split('\n');
			expect(lines.length).toBeLessThanOrEqual(height - 1);
			for (const line of lines) expect([...line].length).toBeLessThanOrEqual(columns);
			expect(frame).toContain('H00');
			expect(frame).not.toContain('H59');
			expect(frame).toContain('raison 0');
			app.unmount();
		}
	});

	it('z on a row shows that snooze and lifts it (journaled): the row leaves the queue', async () => {
		editor = await renderEditor(caseload(), {today: T});
		let frame = await editor.press('Z', KEYS.down, KEYS.down, 'z');
		expect(frame).toContain('Mettre en attente (alerte ou échéance) — ATTENTE Alix');
		// the snooze of the row, with its end and reason
		expect(frame).toContain(`« RSA dont le CER est échu » en attente jusqu’au ${fr(20)} : renouvellement`);
		expect(frame).toContain('Raison             : renouvellement signé');
		expect(frame).toContain('‹ prolonger ou modifier ›');
		frame = await editor.press('\t', KEYS.down);
		expect(frame).toContain('‹ lever la mise en attente ›');
		frame = await editor.press(KEYS.enter);
		expect((await editor.disk('HOLD1')).snoozes).toEqual([{indicator: 'cer.end', reason: 'avenant en cours', until: iso(3), since: iso(-1)}]);
		expect(frame).toContain('réactivée');
		expect(frame).toContain('Mises en attente — ');
		expect(frame).not.toContain('renouvellement signé');
		expect(rows(frame)).toHaveLength(2);
		const journal = await readFile(`${editor.dir}/caseload.journal.jsonl`, 'utf8');
		expect(journal).toContain('réactivée');
	});

	it('an empty queue says that nothing is on hold', async () => {
		const app = await renderApp([inOrder(T, {id: 'NONE'})], {today: T});
		const frame = await app.press('Z');
		expect(frame).toContain('Aucune alerte ni échéance en attente');
		app.unmount();
	});
});
