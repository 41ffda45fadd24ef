import {readFileSync} from 'node:fs';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {importFile} from '../../source/io/importFile.js';
import {journalPath} from '../../source/store/storePaths.js';
import {
	EVENT_HEADERS,
	EXCHANGE_PARTICIPANT_HEADERS,
	STEP_HEADERS,
	TODAY,
	TempDir,
	dateCell,
	readStore,
	writeStore,
	writeWorkbook,
} from './importHelpers.js';

let dir: TempDir;
beforeEach(() => {
	dir = new TempDir();
});
afterEach(() => dir.remove());

function exchange(options: {note?: string; stepState?: string} = {}) {
	return [
		{
			name: 'Bénéficiaires',
			rows: [
				EXCHANGE_PARTICIPANT_HEADERS,
				['E-1', 'MARTEL Inès', 'FENLAM Chloé', dateCell('1990-05-06'), 'Oui', dateCell('2026-02-01'), 'validé', 'K2204'],
				['E-2', 'MARTEL Inès', 'GOUROS Nabil', '06/07/1985', 'non', '', 'Prévisionnel', ''],
			],
		},
		{
			name: 'Étapes',
			rows: [
				STEP_HEADERS,
				['E-1', 'Atelier CV', 'Atelier', dateCell('2026-03-01'), dateCell('2026-03-20'), 'terminée'],
				['E-1', 'Immersion en logistique', 'PMSMP', '10/11/2026', '', options.stepState ?? 'En cours'],
			],
		},
		{
			name: 'Événements',
			rows: [
				EVENT_HEADERS,
				['E-1', dateCell('2026-11-02'), 'entretien individuel', options.note ?? ''],
				['E-1', '2026-11-09', 'ABSENCE INJUSTIFIÉE', ''],
				['E-1', '2026-11-09', 'Absence injustifiée', 'le même jour, une seconde fois'],
				['E-2', '12/11/2026', 'Contact téléphonique', 'Message laissé'],
			],
		},
	];
}

describe('import of an exchange workbook', () => {
	it('reads the three sheets, vocabularies matched without regard to case and accents', async () => {
		const file = await writeWorkbook(dir.file('echange.xlsx'), exchange());
		const store = dir.file('caseload.json');
		const result = await importFile(file, {storePath: store, today: TODAY});
		expect(result.layout).toBe('exchange');
		expect(result.summary).toEqual({
			participants: {created: 2, updated: 0, unchanged: 0},
			steps: {created: 2, updated: 0, unchanged: 0},
			events: {created: 4, updated: 0, unchanged: 0},
			// a version-1 workbook (no CER précédents sheet): no other list counted
			lists: {},
		});
		const [chloe, nabil] = readStore(store).participants;
		expect(chloe).toEqual({
			id: 'E-1',
			referent: 'MARTEL Inès',
			name: 'FENLAM Chloé',
			birthDate: '1990-05-06',
			rsa: true,
			integrationDate: '2026-02-01',
			planState: 'Validé',
			romeCode: 'K2204',
			steps: [
				{label: 'Atelier CV', type: 'Atelier', start: '2026-03-01', end: '2026-03-20', state: 'Terminée'},
				{label: 'Immersion en logistique', type: 'PMSMP', start: '2026-11-10', state: 'En cours'},
			],
			events: [
				{date: '2026-11-02', type: 'Entretien individuel'},
				{date: '2026-11-09', type: 'Absence injustifiée'},
				{date: '2026-11-09', type: 'Absence injustifiée', note: 'le même jour, une seconde fois'},
			],
		});
		expect(nabil).toMatchObject({id: 'E-2', rsa: false, planState: 'Prévisionnel', events: [{date: '2026-11-12', type: 'Contact téléphonique', note: 'Message laissé'}]});
		expect(nabil!.integrationDate).toBeUndefined();
	});

	it('re-imported, creates nothing and leaves the store file untouched', async () => {
		const file = await writeWorkbook(dir.file('echange.xlsx'), exchange());
		const store = dir.file('caseload.json');
		await importFile(file, {storePath: store, today: TODAY});
		const before = readFileSync(store);
		const again = await importFile(file, {storePath: store, today: TODAY});
		expect(again.summary).toEqual({
			participants: {created: 0, updated: 0, unchanged: 2},
			steps: {created: 0, updated: 0, unchanged: 2},
			events: {created: 0, updated: 0, unchanged: 4},
			lists: {},
		});
		expect(readFileSync(store)).toEqual(before);
		expect(readStore(store).participants.flatMap(p => p.events)).toHaveLength(4);
	});

	it('updates matching steps and events, never deletes what the file leaves out, and keeps other participants', async () => {
		const store = dir.file('caseload.json');
		writeStore(store, [
			{
				id: 'E-1',
				name: 'FENLAM Chloé',
				rsa: true,
				steps: [{label: 'Ancienne étape', type: '', start: '2025-01-01', state: 'Terminée'}],
				events: [{date: '2025-02-02', type: 'Autre'}],
				snoozes: [{indicator: 'followup.no-rome', reason: 'en attente', until: '2026-12-31'}],
			},
			{id: 'Z-9', name: 'TURVEL Zoé', rsa: false, steps: [], events: []},
		]);
		const file = await writeWorkbook(dir.file('echange.xlsx'), exchange({note: 'point mensuel', stepState: 'Interrompue'}));
		await importFile(file, {storePath: store, today: TODAY});
		const again = await writeWorkbook(dir.file('echange2.xlsx'), exchange({note: 'point mensuel revu', stepState: 'Terminée'}));
		const result = await importFile(again, {storePath: store, today: TODAY});
		expect(result.summary.steps).toEqual({created: 0, updated: 1, unchanged: 1});
		expect(result.summary.events).toEqual({created: 0, updated: 1, unchanged: 3});
		const participants = readStore(store).participants;
		expect(participants.map(p => p.id)).toEqual(['E-1', 'Z-9', 'E-2']);
		const chloe = participants[0]!;
		expect(chloe.steps.map(s => s.label)).toEqual(['Ancienne étape', 'Atelier CV', 'Immersion en logistique']);
		expect(chloe.steps[2]!.state).toBe('Terminée');
		expect(chloe.events[0]).toEqual({date: '2025-02-02', type: 'Autre'});
		expect(chloe.events[1]).toEqual({date: '2026-11-02', type: 'Entretien individuel', note: 'point mensuel revu'});
		expect(chloe.snoozes).toHaveLength(1);
	});

	it('journals the import: one summary line, one line per participant it created or changed', async () => {
		const store = dir.file('caseload.json');
		writeStore(store, [{id: 'E-1', name: 'FENLAM Chloé', rsa: false, steps: [], events: []}]);
		await importFile(await writeWorkbook(dir.file('echange.xlsx'), exchange()), {storePath: store, today: TODAY});
		const lines = readFileSync(journalPath(store), 'utf8').trim().split('\n').map(line => JSON.parse(line));
		const created = readStore(store).participants.map(p => p.id).filter(id => id !== 'E-1');
		expect(created).toHaveLength(1);
		expect(lines.map(line => [line.kind, line.action, line.participantId])).toEqual([
			['import', 'import', undefined],
			...created.map(id => ['import', 'import : créé', id]),
			['import', 'import : mis à jour', 'E-1'],
		]);
		expect(lines[0].after).toMatchObject({created: 1, summary: {participants: {created: 1, updated: 1, unchanged: 0}}});
	});

	it('accepts steps and events of a participant already in the store but not in the file', async () => {
		const store = dir.file('caseload.json');
		writeStore(store, [{id: 'S-1', name: 'SAVTUR Jules', rsa: false, steps: [], events: []}]);
		const file = await writeWorkbook(dir.file('echange.xlsx'), [
			{name: 'Événements', rows: [EVENT_HEADERS, ['S-1', '03/11/2026', 'Atelier collectif', '']]},
		]);
		const result = await importFile(file, {storePath: store, today: TODAY});
		expect(result.summary.events.created).toBe(1);
		expect(readStore(store).participants[0]!.events).toEqual([{date: '2026-11-03', type: 'Atelier collectif'}]);
	});

	it('--dry-run gives the summary and writes nothing, not even a missing store', async () => {
		const file = await writeWorkbook(dir.file('echange.xlsx'), exchange());
		const missing = dir.file('absent.json');
		const dry = await importFile(file, {storePath: missing, today: TODAY, dryRun: true});
		expect(dry.summary.participants.created).toBe(2);
		expect(dry.written).toBe(false);
		expect(() => readFileSync(missing)).toThrow();
		const store = dir.file('caseload.json');
		writeStore(store, []);
		const before = readFileSync(store);
		await importFile(file, {storePath: store, today: TODAY, dryRun: true});
		expect(readFileSync(store)).toEqual(before);
	});

	it('derives a blank step state from the dates, and warns about unknown sheets', async () => {
		const sheets = exchange();
		sheets[1]!.rows[2] = ['E-1', 'Immersion en logistique', 'PMSMP', '10/12/2026', '', ''];
		const file = await writeWorkbook(dir.file('echange.xlsx'), [...sheets, {name: 'Notes', rows: [['rien']]}]);
		const store = dir.file('caseload.json');
		const result = await importFile(file, {storePath: store, today: TODAY});
		expect(result.warnings).toEqual(['feuille « Notes » non reconnue : ignorée.']);
		expect(readStore(store).participants[0]!.steps[1]!.state).toBe('Prévue');
	});
});
