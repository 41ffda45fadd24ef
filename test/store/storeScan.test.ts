// The byte scanner is what keeps `report` fast: it must read our own store files
// (and the usual JSON layouts) itself, and give exactly the triage of the parsed store.
import {describe, expect, it} from 'vitest';
import {generateCaseload} from '../../source/bench/caseload.js';
import {toDay} from '../../source/domain/calendar.js';
import {settingsSchema} from '../../source/domain/settings.js';
import {triageQueues} from '../../source/domain/triage.js';
import {storeSchema} from '../../source/store/schema.js';
import {PARTICIPANT_KEYS, scanStore} from '../../source/store/storeScan.js';
import {participantSchema} from '../../source/domain/model.js';

const TODAY = toDay('2026-11-22');

function store(size: number, seed: number) {
	return storeSchema.parse(JSON.parse(JSON.stringify(generateCaseload(size, TODAY, seed))));
}

function counts(queues: ReturnType<typeof triageQueues>) {
	return queues.indicators.map(indicator => [indicator.definition.id, indicator.entries, indicator.snoozed]);
}

describe('the store scanner', () => {
	const data = store(150, 3);
	const layouts: Array<[string, string]> = [
		['our writer (one space)', JSON.stringify(data, null, 1)],
		['compact', JSON.stringify(data)],
		['two spaces, CRLF', JSON.stringify(data, null, 2).replaceAll('\n', '\r\n')],
		['tabs', JSON.stringify(data, null, '\t')],
	];

	it.each(layouts)('reads a store laid out as %s and counts like the triage of the parsed store', (_, text) => {
		const scanned = scanStore(Buffer.from(text), {today: TODAY})?.queues;
		expect(scanned).toBeDefined();
		expect(counts(scanned!)).toEqual(counts(triageQueues(data.participants, {today: TODAY, settings: data.settings})));
	});

	it('knows every key of a participant (a new field must be added there too)', () => {
		expect(PARTICIPANT_KEYS.map(([key]) => key).sort()).toEqual(Object.keys(participantSchema.shape).sort());
	});

	it('reads notes with quotes and line breaks, accents and snoozed alerts itself, without JSON.parse', () => {
		const withText = structuredClone(data);
		const someone = withText.participants.find(p => p.events.length > 0)!;
		someone.events[0]!.note = 'Appel : « rappeler » — "urgent"\nligne 2\ttab \\ fin';
		someone.name = 'ÉLODIE "Élo" D\'Artagnan';
		someone.snoozes = [{indicator: 'steps.to-start', reason: 'Attente de l’employeur', until: '2026-12-31', since: '2026-11-01'}];
		const scanned = scanStore(Buffer.from(JSON.stringify(withText, null, 1)), {today: TODAY});
		expect(scanned?.parsedAlone).toBe(0);
		// counts include the snoozed entries, with their reasons
		expect(counts(scanned!.queues)).toEqual(counts(triageQueues(withText.participants, {today: TODAY, settings: withText.settings})));
	});

	it('keeps to the referent asked for and can leave snoozed alerts out', () => {
		const referent = data.participants[0]!.referent!;
		const options = {today: TODAY, referent: referent.toUpperCase(), hideSnoozed: true};
		const scanned = scanStore(Buffer.from(JSON.stringify(data, null, 1)), options)?.queues;
		expect(counts(scanned!)).toEqual(counts(triageQueues(data.participants, {...options, settings: data.settings})));
		// named as the store spells the name, not as asked
		expect(scanned!.referent).toBe(referent);
	});

	it('leaves to the usual path what it cannot decide: an old version, missing settings, a broken date, bad JSON', () => {
		const today = {today: TODAY};
		const text = JSON.stringify(data, null, 1);
		expect(scanStore(Buffer.from(JSON.stringify({...data, version: 0})), today)).toBeUndefined();
		expect(scanStore(Buffer.from(JSON.stringify({version: data.version, participants: data.participants})), today)).toBeUndefined();
		const firstDate = data.participants.flatMap(p => p.events)[0]!.date;
		expect(scanStore(Buffer.from(text.replace(`"${firstDate}"`, '"2026-02-30"')), today)).toBeUndefined();
		expect(scanStore(Buffer.from(text.slice(0, -5)), today)).toBeUndefined();
		expect(scanStore(Buffer.from(text + ','), today)).toBeUndefined();
	});

	it('reads an empty store', () => {
		const empty = {version: data.version, settings: settingsSchema.parse({}), participants: []};
		const scanned = scanStore(Buffer.from(JSON.stringify(empty)), {today: TODAY})?.queues;
		expect(scanned?.indicators.every(indicator => indicator.entries.length === 0)).toBe(true);
	});
});
