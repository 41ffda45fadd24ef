import {describe, expect, it} from 'vitest';
import {changedPeople, colleagueNews} from '../../source/domain/colleagueChange.js';
import {inOrder} from '../helpers/caseload.js';

const T = '2026-11-22';

describe('a colleague’s change, said in the status line', () => {
	const a = inOrder(T, {id: 'A', name: 'PLAVIER Noé'});
	const b = inOrder(T, {id: 'B', name: 'SORBIN Léa'});

	it('lists the people whose record changed, with the labels of what changed; a new person is « ajouté·e »', () => {
		const after = [{...a, romeCode: 'M1607', events: [...a.events, {date: T, type: 'Entretien individuel' as const}]}, b, inOrder(T, {id: 'C', name: 'TALMIN Eva'})];
		const changes = changedPeople([a, b], after);
		expect(changes.map(c => [c.participant.id, c.fields, c.added])).toEqual([
			['A', ['événements', 'Code ROME'], false],
			['C', [], true],
		]);
		expect(changedPeople([a, b], [a, b])).toEqual([]);
	});

	it('names who (from the journal), which person and what; several people: the first two and how many more', () => {
		const changes = changedPeople([a, b], [{...a, romeCode: 'M1607'}, {...b, romeCode: 'K2111'}, inOrder(T, {id: 'C'}), inOrder(T, {id: 'D'})]);
		const journal = new Map([['A', {user: 'collegue.b', action: 'code ROME'}]]);
		const news = colleagueNews(changes, p => p.name, id => journal.get(id));
		expect(news).toBe('collegue.b a modifié PLAVIER Noé : code ROME (Code ROME) ; SORBIN Léa : Code ROME ; et 2 autres');
		// no journal (a base, or a journal unreadable): what changed, without who
		expect(colleagueNews(changes.slice(1, 2), p => p.name, () => undefined)).toBe('Modifié sur un autre poste : SORBIN Léa : Code ROME');
		expect(colleagueNews([], p => p.name, () => undefined)).toBeUndefined();
	});
});
