// Discrétion mode: what a message quotes about people is hidden (issue 15).
import {describe, expect, it} from 'vitest';
import {discreetText, HIDDEN_NOTE, hiddenTyping} from '../../source/domain/discretion.js';
import {person} from '../helpers/caseload.js';

describe('discreetText', () => {
	const hide = discreetText([
		person({name: 'DURANDAL Marie-Line', events: [{date: '2026-11-18', type: 'Entretien individuel', note: 'rappel quinzaine'}]}),
		person({name: 'DURANDAL Marie', snoozes: [{indicator: 'rsa.contract-expired', reason: 'renouvellement en cours', until: '2026-12-15', since: '2026-11-22'}]}),
	]);

	it('turns names into initials, the longer name whole, and hides notes and snooze reasons', () => {
		const said = hide('Conflit : DURANDAL Marie-Line a été modifiée (rappel quinzaine) ; DURANDAL Marie : renouvellement en cours');
		expect(said).not.toMatch(/DURANDAL|rappel|renouvellement/);
		expect(said).toContain(HIDDEN_NOTE);
		expect(said).toContain('Conflit : ');
	});

	it('leaves a message quoting nobody as it is', () => {
		expect(hide('Enregistré : étape « Atelier CV » → En cours')).toBe('Enregistré : étape « Atelier CV » → En cours');
	});

	it('shows that something is typed, not what', () => {
		expect(hiddenTyping('zoé')).toBe('•••');
	});
});
