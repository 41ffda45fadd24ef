// Saving dashboard edits: written at once with a backup and a journal line; a
// colleague's save in between is merged, or reported as a conflict with both
// values — never silently overwritten; undo writes the previous participant back.
import {promises as fs} from 'node:fs';
import lockfile from 'proper-lockfile';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {toDay} from '../../source/domain/calendar.js';
import {
	addStep,
	type Edit,
	recordInterview,
	renewContract,
	setContract,
	setRomeCode,
	startStep,
	stepRef,
	setStandby,
	standbyWish,
} from '../../source/domain/edits/index.js';
import type {Participant} from '../../source/domain/model.js';
import {applyChange, type ChangeOutcome, undoChange} from '../../source/store/applyChange.js';
import {readJournal} from '../../source/store/journal.js';
import {readStoreFile} from '../../source/store/storeFile.js';
import {backupPath} from '../../source/store/storePaths.js';
import {updateStore} from '../../source/store/transaction.js';
import {person} from '../helpers/caseload.js';
import {createTempStore, removeTempDir} from '../helpers/tempStore.js';

const T = toDay('2026-11-22');
const step = {label: 'Atelier CV', type: 'Atelier', start: '2026-11-16', state: 'Prévue' as const};
let dir: string;
let file: string;

async function participant(id: string): Promise<Participant> {
	const {data} = await readStoreFile(file);
	return data.participants.find(p => p.id === id)!;
}

async function colleague(id: string, edit: Edit): Promise<void> {
	await updateStore(file, data => {
		const index = data.participants.findIndex(p => p.id === id);
		const result = edit(data.participants[index]!);
		if (!result.ok) throw new Error(result.error);
		data.participants[index] = result.participant;
		return [{participantId: id, action: result.description}];
	});
}

function saved(outcome: ChangeOutcome) {
	if (outcome.status !== 'saved') throw new Error(`not saved: ${JSON.stringify(outcome)}`);
	return outcome;
}

beforeEach(async () => {
	({dir, file} = await createTempStore('plie-apply-', [
		person({id: 'A', name: 'ALPHA Test', rsa: true, integrationDate: '2026-01-01', contractEnd: '2026-12-01', steps: [step]}),
		person({id: 'B', name: 'BRAVO Test', integrationDate: '2026-02-01'}),
	]));
});

afterEach(() => removeTempDir(dir));

describe('applyChange', () => {
	it('writes the edit at once, with a backup of the previous version and a journal line', async () => {
		const before = await fs.readFile(file, 'utf8');
		const base = await participant('A');
		const outcome = saved(await applyChange(file, base, p => startStep(p, stepRef(step)), {user: 'agent.test'}));
		expect(outcome.merged).toBe(false);
		expect((await participant('A')).steps[0]!.state).toBe('En cours');
		expect(outcome.data.participants.find(p => p.id === 'A')).toEqual(await participant('A'));
		expect(await fs.readFile(backupPath(file, 1), 'utf8')).toBe(before);
		const journal = (await readJournal(file))!.lines.at(-1)!;
		expect(journal).toMatchObject({
			user: 'agent.test',
			kind: 'modification',
			participantId: 'A',
			action: 'Étape « Atelier CV » (16/11/2026) : Prévue → En cours',
			before: {'Étape « Atelier CV » (16/11/2026)': step},
			after: {'Étape « Atelier CV » (16/11/2026)': {...step, state: 'En cours'}},
		});
		expect(Number.isNaN(Date.parse(journal.time))).toBe(false);
	});

	it('keeps a colleague’s change to another field of the same participant', async () => {
		const base = await participant('A');
		await colleague('A', p => setRomeCode(p, 'K2204'));
		const outcome = saved(await applyChange(file, base, p => renewContract(p, 6)));
		expect(outcome.merged).toBe(true);
		expect(await participant('A')).toMatchObject({romeCode: 'K2204', contractEnd: '2027-06-01'});
	});

	it('keeps a colleague’s change to another participant', async () => {
		const base = await participant('A');
		await colleague('B', p => setStandby(p, standbyWish(p), T));
		saved(await applyChange(file, base, p => recordInterview(p, T)));
		expect((await participant('B')).standbySince).toBe('2026-11-22');
		expect((await participant('A')).events).toEqual([{date: '2026-11-22', type: 'Entretien individuel'}]);
	});

	it('the same field changed by a colleague: conflict with both values, nothing written', async () => {
		const base = await participant('A');
		await colleague('A', p => renewContract(p, 12));
		const text = await fs.readFile(file, 'utf8');
		const lines = (await readJournal(file))!.lines.length;
		const outcome = await applyChange(file, base, p => renewContract(p, 6));
		expect(outcome.status).toBe('conflict');
		if (outcome.status !== 'conflict') return;
		expect(outcome.conflicts).toEqual([{label: 'Fin du CER', base: '2026-12-01', theirs: '2027-12-01', mine: '2027-06-01'}]);
		expect(outcome.message).toContain('Fin du CER — enregistré entre-temps : 01/12/2027 ; votre saisie : 01/06/2027');
		expect(outcome.participant.contractEnd).toBe('2027-12-01');
		expect(await fs.readFile(file, 'utf8')).toBe(text);
		expect((await readJournal(file))!.lines).toHaveLength(lines);
	});

	it('a refused edit or one that changes nothing writes nothing', async () => {
		const base = await participant('A');
		const text = await fs.readFile(file, 'utf8');
		const invalid = await applyChange(file, base, p => setContract(p, {start: '02/12/2026'}));
		expect(invalid).toEqual({status: 'invalid', message: 'CER : la fin (01/12/2026) précède le début (02/12/2026).'});
		const same = await applyChange(file, base, p => setRomeCode(p, ''));
		expect(same.status).toBe('unchanged');
		expect(await fs.readFile(file, 'utf8')).toBe(text);
		await expect(fs.access(backupPath(file, 2))).rejects.toThrow();
	});

	it('a missing store is a French failure, not an exception', async () => {
		const base = await participant('A');
		await fs.rm(file);
		const outcome = await applyChange(file, base, p => setRomeCode(p, 'K2204'));
		expect(outcome.status).toBe('failed');
		if (outcome.status === 'failed') expect(outcome.message).toContain('fichier de suivi introuvable');
		await expect(fs.access(file)).rejects.toThrow();
	});

	it('a store locked by another writer for too long: French failure, nothing written', async () => {
		const base = await participant('A');
		const text = await fs.readFile(file, 'utf8');
		const release = await lockfile.lock(file, {realpath: false, lockfilePath: `${file}.lock`});
		try {
			const outcome = await applyChange(file, base, p => setRomeCode(p, 'K2204'), {lock: {waitMs: 200}});
			expect(outcome.status).toBe('failed');
			if (outcome.status === 'failed') expect(outcome.message).toContain('fichier occupé par une autre modification en cours');
			await expect(updateStore(file, () => [{action: 'x'}], {lock: {waitMs: 200}})).rejects.toThrow(/fichier occupé par/);
		} finally {
			await release();
		}
		expect(await fs.readFile(file, 'utf8')).toBe(text);
	});
});

describe('fields this version does not know (a newer version’s)', () => {
	it('survive an edit and its undo, in the participant, its steps and the store', async () => {
		await updateStore(file, data => {
			const a = data.participants.find(p => p.id === 'A')! as Record<string, any>;
			a.surnom = 'Élo';
			a.steps[0].lieu = 'Agence';
			(data as Record<string, any>).exportedBy = 'plie-triage 3';
			return [{action: 'champs d’une version plus récente'}];
		});
		const base = await participant('A');
		const outcome = saved(await applyChange(file, base, p => startStep(p, stepRef(p.steps[0]!))));
		const raw = () => fs.readFile(file, 'utf8').then(text => JSON.parse(text));
		let disk = await raw();
		expect(disk.exportedBy).toBe('plie-triage 3');
		expect(disk.participants[0]).toMatchObject({surnom: 'Élo', steps: [{lieu: 'Agence', state: 'En cours'}]});
		saved(await undoChange(file, outcome.undo));
		disk = await raw();
		expect(disk.participants[0]).toMatchObject({surnom: 'Élo', steps: [{lieu: 'Agence', state: 'Prévue'}]});
	});
});

describe('undoChange', () => {
	it('undoes changes one after the other, restoring exactly each previous participant', async () => {
		const original = await participant('A');
		const edits: Edit[] = [
			p => startStep(p, stepRef(step)),
			p => renewContract(p, 12),
			p => addStep(p, {label: 'Immersion', type: 'PMSMP', start: '01/12/2026'}),
			p => setStandby(p, standbyWish(p), T),
		];
		const stack = [];
		const versions = [original];
		let current = original;
		for (const edit of edits) {
			const outcome = saved(await applyChange(file, current, edit));
			stack.push(outcome.undo);
			current = outcome.participant;
			versions.push(current);
		}
		expect(await participant('A')).toEqual(versions.at(-1));
		while (stack.length > 0) {
			const record = stack.pop()!;
			saved(await undoChange(file, record));
			expect(await participant('A')).toEqual(versions[stack.length]);
		}
		expect(await participant('A')).toEqual(original);
		const kinds = (await readJournal(file))!.lines.map(line => line.kind);
		expect(kinds.filter(kind => kind === 'annulation')).toHaveLength(4);
		expect((await readJournal(file))!.lines.at(-1)!.action).toBe('Annulation : Étape « Atelier CV » (16/11/2026) : Prévue → En cours');
	});

	it('keeps a colleague’s later change to another field; the same field is a conflict', async () => {
		const first = saved(await applyChange(file, await participant('A'), p => renewContract(p, 6)));
		await colleague('A', p => setRomeCode(p, 'N1103'));
		saved(await undoChange(file, first.undo));
		expect(await participant('A')).toMatchObject({contractEnd: '2026-12-01', romeCode: 'N1103'});

		const second = saved(await applyChange(file, await participant('A'), p => renewContract(p, 6)));
		await colleague('A', p => renewContract(p, 12));
		const outcome = await undoChange(file, second.undo);
		expect(outcome.status).toBe('conflict');
		expect((await participant('A')).contractEnd).toBe('2028-06-01');
	});
});
