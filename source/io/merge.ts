// Merging an import into the caseload: participants upserted by id; steps matched
// by (participant, label, start) and events by (participant, date, type), added or
// updated, never deleted; the items of other lists (CER précédents) added when the
// participant has no equal one, never deleted. Columns the file does not have leave
// stored values alone, and fields the file cannot hold (a newer version's) are kept.
import {type FieldChange, diffParticipants, sameValue} from '../domain/edits/diff.js';
import {type FieldTable, isListField, PARTICIPANT_FIELDS} from '../domain/fields.js';
import type {Participant, ParcoursEvent, Step} from '../domain/model.js';
import {foldText} from '../domain/text.js';
import type {EventRecord, ImportBatch, ListRecord, ParticipantValues, StepRecord} from './parseImport.js';

export interface Counts {
	created: number;
	updated: number;
	unchanged: number;
}

export interface MergeSummary {
	readonly participants: Counts;
	readonly steps: Counts;
	readonly events: Counts;
	/** the other lists of the file's sheets (previousContracts…), by field */
	readonly lists: Readonly<Record<string, Counts>>;
}

/** What the import changed for one participant already in the store, field by field (steps and events as units). */
export interface ParticipantChanges {
	readonly id: string;
	readonly name: string;
	readonly changes: readonly FieldChange[];
}

export interface MergeResult {
	readonly summary: MergeSummary;
	/** ids of participants created or changed in any way (own fields, steps or events) */
	readonly created: readonly string[];
	readonly updated: readonly string[];
	/** for each updated participant, in file order: before → after */
	readonly changes: readonly ParticipantChanges[];
}

/**
 * Keeps a copy of each stored participant as it was, taken just before the
 * import first changes it: only changed people are copied (a re-import that
 * changes nothing copies nobody).
 */
class BeforeImport {
	readonly copies = new Map<string, Participant>();
	/** the participant the next merge works on */
	current: Participant | undefined;

	constructor(private readonly created: ReadonlySet<string>) {}

	touch(): void {
		const participant = this.current!;
		if (!this.created.has(participant.id) && !this.copies.has(participant.id)) this.copies.set(participant.id, structuredClone(participant));
	}
}

const zero = (): Counts => ({created: 0, updated: 0, unchanged: 0});

export function hasChanges(summary: MergeSummary): boolean {
	return [summary.participants, summary.steps, summary.events, ...Object.values(summary.lists)].some(counts => counts.created + counts.updated > 0);
}

function newParticipant(id: string, values: ParticipantValues): Participant {
	const participant: Record<string, unknown> = {id, name: '', rsa: false};
	for (const [key, value] of Object.entries(values)) if (value !== undefined) participant[key] = value;
	participant.steps = [];
	participant.events = [];
	return participant as Participant;
}

/** Applies the file's values; a blank cell clears the field. True when something changed. */
function applyValues(participant: Participant, values: ParticipantValues, before: BeforeImport): boolean {
	const target = participant as unknown as Record<string, unknown>;
	let changed = false;
	for (const key in values) {
		const value = (values as Record<string, unknown>)[key];
		if (value === undefined) {
			if (target[key] !== undefined) {
				before.touch();
				delete target[key];
				changed = true;
			}
		} else if (target[key] !== value) {
			before.touch();
			target[key] = value;
			changed = true;
		}
	}
	return changed;
}

/**
 * Items of one participant grouped by match key. A key may occur several times
 * (two absences on the same day): the n-th one in the file matches the n-th stored one.
 */
class KeyedItems<T> {
	private readonly groups = new Map<string, T[]>();
	private readonly used = new Map<string, number>();

	constructor(items: readonly T[], key: (item: T) => string) {
		for (const item of items) {
			const k = key(item);
			const group = this.groups.get(k);
			if (group) group.push(item);
			else this.groups.set(k, [item]);
		}
	}

	/** The stored item matching the next occurrence of `k`, if any. */
	take(k: string): T | undefined {
		const n = this.used.get(k) ?? 0;
		this.used.set(k, n + 1);
		return this.groups.get(k)?.[n];
	}
}

const stepKey = (step: Step) => `${foldText(step.label)}\u0000${step.start}`;
const eventKey = (event: ParcoursEvent) => `${event.date}\u0000${event.type}`;

function mergeStep(stored: Step, record: StepRecord, before: BeforeImport): boolean {
	const incoming = record.step;
	const keepsInterrupted = record.stateDerived && stored.state === 'Interrompue';
	const changes =
		(record.hasType && stored.type !== incoming.type) ||
		stored.end !== incoming.end ||
		(stored.state !== incoming.state && !keepsInterrupted) ||
		stored.label !== incoming.label;
	if (!changes) return false;
	before.touch();
	let changed = false;
	if (record.hasType && stored.type !== incoming.type) {
		stored.type = incoming.type;
		changed = true;
	}
	if (stored.end !== incoming.end) {
		if (incoming.end === undefined) delete stored.end;
		else stored.end = incoming.end;
		changed = true;
	}
	// "Interrompue" is known to the référent, not to an extraction that only gives dates.
	if (stored.state !== incoming.state && !keepsInterrupted) {
		stored.state = incoming.state;
		changed = true;
	}
	if (stored.label !== incoming.label) {
		stored.label = incoming.label; // same label up to case/accents: the file's spelling wins
		changed = true;
	}
	return changed;
}

function mergeEvent(stored: ParcoursEvent, record: EventRecord, before: BeforeImport): boolean {
	if (!record.hasNote || stored.note === record.event.note) return false;
	before.touch();
	if (record.event.note === undefined) delete stored.note;
	else stored.note = record.event.note;
	return true;
}

/**
 * Adds `item` when nothing was stored under its key, else merges the record into the
 * stored one; counts what happened and says whether the participant changed.
 */
function upsert<T, R>(
	items: T[],
	stored: T | undefined,
	item: T,
	record: R,
	merge: (stored: T, record: R, before: BeforeImport) => boolean,
	counts: Counts,
	before: BeforeImport,
): boolean {
	if (stored === undefined) {
		before.touch();
		items.push(item);
		counts.created++;
		return true;
	}
	if (merge(stored, record, before)) {
		counts.updated++;
		return true;
	}
	counts.unchanged++;
	return false;
}

/** Where `item` goes in `items` kept in order of `orderBy` (after its equals); the end without one. */
function placeOf(items: ReadonlyArray<Record<string, unknown>>, item: Record<string, unknown>, orderBy: string | undefined): number {
	if (orderBy === undefined || typeof item[orderBy] !== 'string') return items.length;
	const value = item[orderBy] as string;
	const later = items.findIndex(other => typeof other[orderBy] === 'string' && (other[orderBy] as string) > value);
	return later < 0 ? items.length : later;
}

/** Adds a list item (CER précédents…) unless the participant has an equal one; true when added. */
function mergeListItem(participant: Participant, record: ListRecord, table: FieldTable, counts: Counts, created: boolean, before: BeforeImport): boolean {
	const target = participant as unknown as Record<string, unknown>;
	const items = (target[record.field] as Array<Record<string, unknown>> | undefined) ?? [];
	if (!created && items.some(item => sameValue(item, record.item))) {
		counts.unchanged++;
		return false;
	}
	before.touch();
	const field = table[record.field];
	// a participant created by this import takes its items in the file's order
	const at = created ? items.length : placeOf(items, record.item, field !== undefined && isListField(field) ? field.orderBy : undefined);
	items.splice(at, 0, record.item);
	target[record.field] = items;
	counts.created++;
	return true;
}

/**
 * Merges `batch` (already validated) into `participants`, in place; the batch's step and
 * event objects are adopted, not copied. `table`: the model's fields (for the order of lists).
 */
export function mergeBatch(participants: Participant[], batch: ImportBatch, table: FieldTable = PARTICIPANT_FIELDS): MergeResult {
	const lists: Record<string, Counts> = {};
	for (const field of batch.listsRead) if (field !== 'steps' && field !== 'events') lists[field] = zero();
	const summary: MergeSummary = {participants: zero(), steps: zero(), events: zero(), lists};
	const byId = new Map<string, Participant>();
	for (const participant of participants) byId.set(participant.id, participant);
	const created = new Set<string>();
	const touched = new Set<string>();
	const before = new BeforeImport(created);

	for (const record of batch.participants) {
		const existing = byId.get(record.id);
		if (existing === undefined) {
			const participant = newParticipant(record.id, record.values);
			participants.push(participant);
			byId.set(record.id, participant);
			created.add(record.id);
			summary.participants.created++;
		} else if (((before.current = existing), applyValues(existing, record.values, before))) {
			touched.add(record.id);
			summary.participants.updated++;
		} else summary.participants.unchanged++;
	}

	// A participant created by this import has nothing to match: its items are simply added.
	const stepIndex = new Map<string, KeyedItems<Step>>();
	const lastSteps: StepRecord[] = [];
	/** steps given by the Étapes sheet in this file: what it says about them wins */
	const listed = new Set<Step>();
	for (const record of batch.steps) {
		if (record.lastStep) {
			lastSteps.push(record);
			continue;
		}
		const participant = byId.get(record.participantId)!;
		if (created.has(participant.id)) {
			participant.steps.push(record.step);
			listed.add(record.step);
			summary.steps.created++;
			continue;
		}
		let items = stepIndex.get(participant.id);
		if (items === undefined) stepIndex.set(participant.id, (items = new KeyedItems(participant.steps, stepKey)));
		const stored = items.take(stepKey(record.step));
		listed.add(stored ?? record.step);
		before.current = participant;
		if (upsert(participant.steps, stored, record.step, record, mergeStep, summary.steps, before)) touched.add(participant.id);
	}

	// The "dernière étape" columns say a step exists: after the Étapes sheet, it matches any
	// stored step with the same label and start, and leaves alone one the Étapes sheet gave.
	for (const record of lastSteps) {
		const participant = byId.get(record.participantId)!;
		const key = stepKey(record.step);
		const stored = participant.steps.find(step => stepKey(step) === key);
		if (stored !== undefined && listed.has(stored)) continue;
		before.current = participant;
		if (upsert(participant.steps, stored, record.step, record, mergeStep, summary.steps, before)) touched.add(participant.id);
	}

	const eventIndex = new Map<string, KeyedItems<ParcoursEvent>>();
	for (const record of batch.events) {
		const participant = byId.get(record.participantId)!;
		if (created.has(participant.id)) {
			participant.events.push(record.event);
			summary.events.created++;
			continue;
		}
		let items = eventIndex.get(participant.id);
		if (items === undefined) eventIndex.set(participant.id, (items = new KeyedItems(participant.events, eventKey)));
		const stored = items.take(eventKey(record.event));
		before.current = participant;
		if (upsert(participant.events, stored, record.event, record, mergeEvent, summary.events, before)) touched.add(participant.id);
	}

	for (const record of batch.lists) {
		const participant = byId.get(record.participantId)!;
		const counts = (lists[record.field] ??= zero());
		before.current = participant;
		if (mergeListItem(participant, record, table, counts, created.has(participant.id), before)) touched.add(participant.id);
	}

	const updated = [...touched].filter(id => !created.has(id));
	const changes = updated.map(id => {
		const now = byId.get(id)!;
		return {id, name: now.name, changes: diffParticipants(before.copies.get(id)!, now)};
	});
	return {summary, created: [...created], updated, changes};
}
