// The fast store check must never accept what zod refuses, nor return anything
// other than what zod returns: a store read by `report` is the same store either way.
import {describe, expect, it} from 'vitest';
import {generateCaseload} from '../../source/bench/caseload.js';
import {toDay} from '../../source/domain/calendar.js';
import {SETTING_NAMES} from '../../source/domain/settings.js';
import {parseStoreText, StoreError} from '../../source/store/openStore.js';
import {storeFromBytes} from '../../source/store/readStore.js';
import {storeSchema} from '../../source/store/schema.js';
import {isCheckedStore, SETTING_FIELDS} from '../../source/store/storeCheck.js';

const sorted = (keys: Iterable<string>) => [...keys].sort();

function sampleStore(): Record<string, unknown> {
	return JSON.parse(JSON.stringify(generateCaseload(60, toDay('2026-11-22'), 7)));
}

describe('the fast store check', () => {
	it('knows every setting of the schema (a new setting must be added there too)', () => {
		expect(sorted(Object.keys(SETTING_FIELDS))).toEqual(sorted(SETTING_NAMES));
	});

	it('keeps the fields it does not know (a newer version’s), at every level, as zod does', () => {
		const fast = sampleStore() as Record<string, any>;
		fast.extra = {from: 'v3'};
		fast.settings.newThreshold = 12;
		fast.participants[0].surnom = 'Élo';
		fast.participants[4].steps[0].comment = 'x';
		fast.participants[4].events[0].lieu = 'Agence';
		const expected = storeSchema.parse(structuredClone(fast));
		expect(isCheckedStore(fast)).toBe(true);
		expect(fast).toEqual(expected);
		expect(fast.participants[0].surnom).toBe('Élo');
		expect(expected.participants[4]!.steps[0]).toHaveProperty('comment', 'x');
		expect((expected as Record<string, any>).settings.newThreshold).toBe(12);
		expect((expected as Record<string, any>).extra).toEqual({from: 'v3'});
	});

	it('leaves a field it does not know to the UTF-8 reading when the text was read as Latin-1 (it would stay undecoded)', () => {
		const store = sampleStore() as Record<string, any>;
		store.participants[0].surnom = Buffer.from('Élo', 'utf8').toString('latin1');
		expect(isCheckedStore(store, true)).toBe(false);
	});

	it('accepts a store as plie-triage writes it and returns what zod returns', () => {
		const fast = sampleStore();
		const expected = storeSchema.parse(sampleStore());
		expect(isCheckedStore(fast)).toBe(true);
		expect(fast).toEqual(expected);
	});

	it('fills the same defaults as zod', () => {
		const fast = sampleStore();
		const people = fast.participants as Array<Record<string, unknown>>;
		delete people[0]!.rsa;
		delete people[1]!.steps;
		delete people[2]!.events;
		delete (people[3]!.steps as Array<Record<string, unknown>>)[0]!.type;
		const expected = storeSchema.parse(structuredClone(fast));
		expect(isCheckedStore(fast)).toBe(true);
		expect(fast).toEqual(expected);
		expect(people[0]!.rsa).toBe(false);
		expect(people[1]!.steps).toEqual([]);
	});

	it('reads a store written before the bilan settings as zod does: their defaults filled in, still the fast path', () => {
		const fast = sampleStore();
		const settings = fast.settings as Record<string, unknown>;
		delete settings.integrationRateTarget;
		delete settings.protocolStart;
		const expected = storeSchema.parse(structuredClone(fast));
		expect(isCheckedStore(fast)).toBe(true);
		expect(fast).toEqual(expected);
		expect(settings).toMatchObject({integrationRateTarget: 70, protocolStart: '2021-01-01'});
	});

	it('keeps a PLIE’s own bilan settings', () => {
		const fast = sampleStore();
		Object.assign(fast.settings as object, {integrationRateTarget: 65.5, protocolStart: '2022-01-01'});
		expect(isCheckedStore(fast)).toBe(true);
		expect(fast.settings).toMatchObject({integrationRateTarget: 65.5, protocolStart: '2022-01-01'});
	});

	const variants: Array<[string, (store: Record<string, any>) => void]> = [
		['a missing setting (zod fills its default)', s => delete s.settings.idleDays],
		['no settings at all', s => delete s.settings],
		['an impossible stock deadline', s => (s.settings.contractStockDeadline = '2026-02-30')],
		['an impossible date', s => (s.participants[0].birthDate = '2026-02-30')],
		['a step start that is not a date', s => (s.participants[4].steps[0].start = '12/03/2026')],
		['an unknown step state', s => (s.participants[4].steps[0].state = 'terminée')],
		['an unknown event type', s => (s.participants[4].events[0].type = 'Visite')],
		['a null instead of a text', s => (s.participants[0].commune = null)],
		['an empty id', s => (s.participants[0].id = '')],
		['a missing name', s => delete s.participants[0].name],
		['rsa as text', s => (s.participants[0].rsa = 'Oui')],
		['a negative threshold', s => (s.settings.idleDays = -3)],
		['a fractional threshold', s => (s.settings.idleDays = 2.5)],
		['an integration rate target above 100 %', s => (s.settings.integrationRateTarget = 170)],
		['an integration rate target as text', s => (s.settings.integrationRateTarget = '70 %')],
		['an impossible protocol start', s => (s.settings.protocolStart = '2021-02-30')],
		['an unknown plan state', s => (s.participants[0].planState = 'Brouillon')],
		['a participant that is not an object', s => s.participants.push(42)],
		['participants that are not a list', s => (s.participants = {})],
		['a snooze without a reason', s => (s.participants[0].snoozes = [{indicator: 'steps.none', until: '2026-12-01'}])],
		['a __proto__ key', s => (s.participants[0] = JSON.parse(JSON.stringify(s.participants[0]).replace('{', '{"__proto__":{"x":1},')))],
	];

	for (const [what, change] of variants) {
		it(`leaves ${what} to zod, which decides as before`, () => {
			const store = sampleStore();
			change(store);
			const zod = storeSchema.safeParse(structuredClone(store));
			expect(isCheckedStore(store)).toBe(false);
			if (zod.success) {
				// the file is still read, normalised by zod
				expect(parseStoreText('f.json', JSON.stringify(store))).toEqual(zod.data);
			} else {
				expect(() => parseStoreText('f.json', JSON.stringify(store))).toThrow(StoreError);
			}
		});
	}

	it('reads a store written before contractStockDeadline with its default, by the light reader too', async () => {
		const store = sampleStore();
		delete (store.settings as Record<string, unknown>).contractStockDeadline;
		const bytes = Buffer.from(JSON.stringify(store));
		expect((await storeFromBytes('f.json', bytes)).settings.contractStockDeadline).toBe('2026-12-31');
		(store.settings as Record<string, unknown>).contractStockDeadline = '2027-03-31';
		const kept = await storeFromBytes('f.json', Buffer.from(JSON.stringify(store)));
		expect(kept.settings.contractStockDeadline).toBe('2027-03-31');
	});

	it('refuses a broken file with the message naming the field, as before', () => {
		const store = sampleStore();
		(store.participants as any)[3].steps[0].start = '2026-13-01';
		expect(() => parseStoreText('f.json', JSON.stringify(store))).toThrow(/participants\.3\.steps\.0\.start/);
	});
});
