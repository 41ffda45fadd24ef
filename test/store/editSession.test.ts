// The dashboard's editing session: keys saved in order even when pressed in a
// burst, `u` undoing back to the first change, a colleague's save shown after a conflict.
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {toDay} from '../../source/domain/calendar.js';
import {finishStep, recordInterview, renewContract, startStep, stepRef} from '../../source/domain/edits/index.js';
import {EditSession, NOTHING_TO_UNDO} from '../../source/store/editSession.js';
import {readJournal} from '../../source/store/journal.js';
import {readStoreFile} from '../../source/store/storeFile.js';
import {person} from '../helpers/caseload.js';
import {createTempStore, removeTempDir} from '../helpers/tempStore.js';

const T = toDay('2026-11-22');
const steps = [
	{label: 'Atelier CV', type: 'Atelier', start: '2026-11-16', state: 'Prévue' as const},
	{label: 'Immersion', type: 'PMSMP', start: '2026-11-18', state: 'Prévue' as const},
];
let dir: string;
let file: string;

async function onDisk(id: string) {
	return (await readStoreFile(file)).data.participants.find(p => p.id === id)!;
}

async function session(): Promise<EditSession> {
	return new EditSession(file, (await readStoreFile(file)).data);
}

beforeEach(async () => {
	({dir, file} = await createTempStore('plie-session-', [
		person({id: 'A', rsa: true, integrationDate: '2026-01-01', contractEnd: '2026-12-01', steps}),
	]));
});

afterEach(() => removeTempDir(dir));

describe('EditSession', () => {
	it('keys pressed in a burst are all saved, in order', async () => {
		const s = await session();
		const outcomes = await Promise.all([
			s.apply('A', p => startStep(p, stepRef(steps[0]!))),
			s.apply('A', p => finishStep(p, stepRef(steps[0]!), T)),
			s.apply('A', p => startStep(p, stepRef(steps[1]!))),
			s.apply('A', p => recordInterview(p, T)),
		]);
		expect(outcomes.map(o => o.status)).toEqual(['saved', 'saved', 'saved', 'saved']);
		const a = await onDisk('A');
		expect(a.steps.map(step => step.state)).toEqual(['Terminée', 'En cours']);
		expect(a.events).toHaveLength(1);
		expect(s.participant('A')).toEqual(a);
		expect((await readJournal(file))!.lines.map(line => line.action).slice(1)).toEqual([
			'Étape « Atelier CV » (16/11/2026) : Prévue → En cours',
			'Étape « Atelier CV » (16/11/2026) : En cours → Terminée, fin le 22/11/2026',
			'Étape « Immersion » (18/11/2026) : Prévue → En cours',
			'Événement « Entretien individuel » du 22/11/2026 ajouté',
		]);
	});

	it('u undoes repeatedly back to the first change, restoring exactly the start', async () => {
		const original = await onDisk('A');
		const s = await session();
		await s.apply('A', p => startStep(p, stepRef(steps[0]!)));
		await s.apply('A', p => renewContract(p, 6));
		await s.apply('A', p => recordInterview(p, T));
		expect(s.undoStack).toHaveLength(3);
		const undone = [await s.undo(), await s.undo(), await s.undo()];
		expect(undone.map(o => o.status)).toEqual(['saved', 'saved', 'saved']);
		expect(await onDisk('A')).toEqual(original);
		expect(s.participant('A')).toEqual(original);
		expect(s.canUndo).toBe(false);
		expect(await s.undo()).toEqual({status: 'invalid', message: NOTHING_TO_UNDO});
		const lines = (await readJournal(file))!.lines;
		expect(lines.filter(line => line.kind === 'annulation').map(line => line.action)).toEqual([
			'Annulation : Événement « Entretien individuel » du 22/11/2026 ajouté',
			'Annulation : CER renouvelé pour 6 mois : du 02/12/2026 au 01/06/2027 (précédent jusqu’au 01/12/2026)',
			'Annulation : Étape « Atelier CV » (16/11/2026) : Prévue → En cours',
		]);
	});

	it('a conflict shows what the colleague saved, and a refused edit changes nothing', async () => {
		const mine = await session();
		const colleague = await session();
		expect((await colleague.apply('A', p => renewContract(p, 12))).status).toBe('saved');
		const outcome = await mine.apply('A', p => renewContract(p, 6));
		expect(outcome.status).toBe('conflict');
		expect(mine.participant('A')!.contractEnd).toBe('2027-12-01');
		expect(mine.canUndo).toBe(false);
		const refused = await mine.apply('A', p => finishStep(p, {label: 'Absente', start: '2026-01-01'}, T));
		expect(refused.status).toBe('invalid');
		expect((await mine.apply('Z', p => recordInterview(p, T))).status).toBe('failed');
	});

	it('sees a colleague’s save when the file changed on disk, and only then', async () => {
		const mine = await session();
		await mine.apply('A', p => startStep(p, stepRef(steps[0]!)));
		expect(await mine.reloadIfChanged()).toBe(false);
		const colleague = await session();
		await colleague.apply('A', p => recordInterview(p, T));
		expect(mine.participant('A')!.events).toEqual([]);
		expect(await mine.reloadIfChanged()).toBe(true);
		expect(mine.participant('A')!.events).toEqual([{date: '2026-11-22', type: 'Entretien individuel'}]);
		expect(mine.participant('A')!.steps[0]!.state).toBe('En cours');
		expect(await mine.reloadIfChanged()).toBe(false);
	});
});
