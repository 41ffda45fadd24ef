// One behavioural suite, two stores (issue 18): what a user notices of the store —
// reading, an edit saved and journaled, a colleague's change merged, the same
// field a conflict, undo, colleagues followed, an import all or nothing — is the
// same whether the caseload is the JSON file or the team's PostgreSQL base.
import {afterAll, afterEach, describe, expect, it, vi} from 'vitest';
import {toDay} from '../../source/domain/calendar.js';
import {recordInterview, renewContract, setContract, startStep, stepRef} from '../../source/domain/edits/index.js';
import {triageQueues} from '../../source/domain/triage.js';
import type {CaseloadStore} from '../../source/store/caseloadStore.js';
import {person} from '../helpers/caseload.js';
import {type SeededStore, storeKinds} from '../helpers/stores.js';

const T = toDay('2026-11-22');
const step = {label: 'Atelier CV', type: 'Atelier', start: '2026-11-16', state: 'Prévue' as const};
const caseload = () => [
	person({id: 'A', name: 'ESSAI Alpha', rsa: true, integrationDate: '2026-01-05', contractStart: '2026-06-01', contractEnd: '2026-12-01', steps: [step]}),
	person({id: 'B', name: 'ESSAI Bêta', referent: 'MARTEL Inès', integrationDate: '2025-03-01'}),
	person({id: 'C', name: 'ESSAI Gamma', firstAppointment: '2026-11-02'}),
];

const kinds = await storeKinds();

for (const kind of kinds) {
	describe.skipIf(!kind.available)(`store : ${kind.name}`, () => {
		const opened: CaseloadStore[] = [];
		let seeded: SeededStore;

		async function open(): Promise<CaseloadStore> {
			const store = await seeded.open();
			opened.push(store);
			return store;
		}

		async function seed(settings = {}): Promise<void> {
			seeded = await kind.seed(caseload(), settings);
		}

		async function fresh(id: string) {
			const store = await open();
			return (await store.read()).participants.find(p => p.id === id);
		}

		afterEach(async () => {
			for (const store of opened.splice(0)) await store.close();
			await kind.reset();
		});
		afterAll(() => kind.dispose());

		it('reads the caseload, in its order, and its settings as written', async () => {
			await seed({idleDays: 45});
			const data = await (await open()).read();
			expect(data.participants).toEqual(caseload());
			expect(data.participants.map(p => p.id)).toEqual(['A', 'B', 'C']);
			expect(data.settings.idleDays).toBe(45);
		});

		it('report: the queues of the caseload as written', async () => {
			await seed();
			const store = await open();
			const queues = await store.triage({today: T, referent: 'martel ines'});
			const expected = triageQueues(caseload(), {today: T, referent: 'martel ines', settings: (await store.read()).settings});
			expect(queues.indicators.map(i => [i.definition.id, i.entries.map(e => e.id)])).toEqual(
				expected.indicators.map(i => [i.definition.id, i.entries.map(e => e.id)]),
			);
		});

		it('an edit is saved, journaled, and read back by another terminal', async () => {
			await seed();
			const session = await (await open()).openSession();
			const outcome = await session.apply('A', p => recordInterview(p, T));
			expect(outcome.status).toBe('saved');
			expect((await fresh('A'))!.events).toEqual([{date: '2026-11-22', type: 'Entretien individuel'}]);
			const journal = await (await open()).readJournal();
			expect(journal.lines.map(line => [line.participantId, line.action])).toEqual([
				[undefined, 'création'],
				['A', 'Événement « Entretien individuel » du 22/11/2026 ajouté'],
			]);
			expect(journal.lines[1]!.kind).toBe('modification');
		});

		it('a colleague’s change to another field is merged: both are kept', async () => {
			await seed();
			const mine = await (await open()).openSession();
			const colleague = await (await open()).openSession();
			expect((await colleague.apply('A', p => renewContract(p, 6))).status).toBe('saved');
			const outcome = await mine.apply('A', p => startStep(p, stepRef(step)));
			expect(outcome).toMatchObject({status: 'saved', merged: true});
			const a = (await fresh('A'))!;
			expect(a.contractEnd).toBe('2027-06-01');
			expect(a.steps[0]!.state).toBe('En cours');
			// the session shows the merged participant at once
			expect(mine.participant('A')).toEqual(a);
		});

		it('the same field changed on two terminals: the second is a conflict, shown, and not written', async () => {
			await seed();
			const mine = await (await open()).openSession();
			const colleague = await (await open()).openSession();
			expect((await colleague.apply('A', p => setContract(p, {end: '31/12/2026'}))).status).toBe('saved');
			const outcome = await mine.apply('A', p => setContract(p, {end: '15/01/2027'}));
			expect(outcome.status).toBe('conflict');
			if (outcome.status !== 'conflict') return;
			expect(outcome.message).toMatch(/^Conflit : ESSAI Alpha a été modifié·e entre-temps sur un autre poste\./);
			expect(outcome.message).toContain('31/12/2026');
			expect(outcome.message).toContain('15/01/2027');
			expect((await fresh('A'))!.contractEnd).toBe('2026-12-31');
			// the screen now shows the colleague's value
			expect(mine.participant('A')!.contractEnd).toBe('2026-12-31');
			const actions = (await (await open()).readJournal()).lines.map(line => line.action);
			expect(actions.filter(action => action.startsWith('CER'))).toHaveLength(1);
		});

		it('u undoes the session’s changes back to the participant as it was', async () => {
			await seed();
			const before = (await fresh('A'))!;
			const session = await (await open()).openSession();
			await session.apply('A', p => startStep(p, stepRef(step)));
			await session.apply('A', p => renewContract(p, 12));
			expect((await session.undo()).status).toBe('saved');
			expect((await session.undo()).status).toBe('saved');
			expect(session.canUndo).toBe(false);
			expect(await fresh('A')).toEqual(before);
			const kinds = (await (await open()).readJournal()).lines.map(line => line.kind);
			expect(kinds.slice(-2)).toEqual(['annulation', 'annulation']);
		});

		it('a colleague’s save appears in an open session', async () => {
			await seed();
			const watching = await (await open()).openSession();
			const colleague = await (await open()).openSession();
			await colleague.apply('B', p => recordInterview(p, T));
			// looked at as the dashboard looks (editHandler's watch calls reloadIfChanged)
			await vi.waitFor(
				async () => {
					await watching.reloadIfChanged();
					expect(watching.participant('B')!.events).toHaveLength(1);
				},
				{timeout: 5000, interval: 50},
			);
			expect(await watching.reloadIfChanged()).toBe(false);
		});

		it('update writes every change at once, with its journal lines', async () => {
			await seed();
			const store = await open();
			await store.update(data => {
				data.participants.push(person({id: 'D', name: 'ESSAI Delta'}));
				data.participants.find(p => p.id === 'B')!.romeCode = 'K2204';
				return [{action: 'import'}, {participantId: 'D', action: 'import : créé'}, {participantId: 'B', action: 'import : mis à jour'}];
			});
			const data = await (await open()).read();
			expect(data.participants.map(p => p.id)).toEqual(['A', 'B', 'C', 'D']);
			expect(data.participants[1]!.romeCode).toBe('K2204');
			const lines = (await (await open()).readJournal()).lines;
			expect(lines.map(line => line.action)).toEqual(['création', 'import', 'import : créé', 'import : mis à jour']);
			expect(lines[1]!.kind).toBe('import');
		});

		it('update is all or nothing: a change that fails half-way writes nothing', async () => {
			await seed();
			const before = await (await open()).read();
			const store = await open();
			await expect(
				store.update(data => {
					data.participants.push(person({id: 'D'}));
					data.participants[0]!.romeCode = 'K2204';
					throw new Error('ligne 12 illisible');
				}),
			).rejects.toThrow('ligne 12 illisible');
			expect(await (await open()).read()).toEqual(before);
			expect((await (await open()).readJournal()).lines).toHaveLength(1);
		});
	});
}
