// Field-level differences between two versions of a participant, so that a change
// made on the version a user saw can be re-applied to a fresher version (a colleague
// saved meanwhile) and a real clash detected instead of silently overwritten.
//
// Units of change: each scalar field; each step (identified by label + start); each
// event (date + type); each snooze (indicator). Two people touching different units
// of the same participant both keep their change; the same unit with different
// results is a conflict, unless they changed different fields of a step, event or
// snooze still in its place (mergeChanges: then both fields are kept).
import type {FieldTable} from '../fields.js';
import type {Participant} from '../model.js';
import {eventTitle, fieldLabel, snoozeTitle, stepTitle} from './format.js';

export interface FieldChange {
	/** stable identity of the unit: `contractEnd`, `steps/…`, `events/…`, `snoozes/…` */
	readonly key: string;
	/** the unit in French, for messages and the journal */
	readonly label: string;
	/** undefined = absent (a field not set, a step not there) */
	readonly before: unknown;
	readonly after: unknown;
}

export interface FieldConflict {
	readonly label: string;
	/** value in the version the user edited */
	readonly base: unknown;
	/** value now on disk (a colleague's change) */
	readonly theirs: unknown;
	/** value the user's change would have written */
	readonly mine: unknown;
}

const LISTS = ['steps', 'events', 'snoozes'] as const;
type ListName = (typeof LISTS)[number];

interface ListSpec {
	readonly identity: (item: any) => string;
	readonly title: (item: any) => string;
	/** an item whose identity changed in place (step renamed or re-dated) stays one unit */
	readonly pairRenames: boolean;
}

const SPECS: Record<ListName, ListSpec> = {
	steps: {identity: s => `${s.label}\u0000${s.start}`, title: stepTitle, pairRenames: true},
	events: {identity: e => `${e.date}\u0000${e.type}`, title: eventTitle, pairRenames: false},
	snoozes: {identity: s => String(s.indicator), title: snoozeTitle, pairRenames: false},
};

/** The journal's before/after of these changes: each field by its French label, a missing value as null. */
export function journalValues(changes: readonly FieldChange[], side: 'before' | 'after'): Record<string, unknown> {
	return Object.fromEntries(changes.map(change => [change.label, change[side] ?? null]));
}

/** Deep equality of JSON-like values; a key holding undefined equals a missing key. */
export function sameValue(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
	if (Array.isArray(a) !== Array.isArray(b)) return false;
	if (Array.isArray(a)) {
		const other = b as unknown[];
		return a.length === other.length && a.every((item, index) => sameValue(item, other[index]));
	}
	const left = a as Record<string, unknown>;
	const right = b as Record<string, unknown>;
	const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
	for (const key of keys) if (!sameValue(left[key], right[key])) return false;
	return true;
}

interface Keyed {
	readonly key: string;
	readonly index: number;
	readonly item: unknown;
}

/** Items with their unit key; duplicates get an occurrence suffix so none is lost. */
function keyedItems(list: readonly unknown[] | undefined, name: ListName): Keyed[] {
	const seen = new Map<string, number>();
	return (list ?? []).map((item, index) => {
		const identity = SPECS[name].identity(item);
		const occurrence = seen.get(identity) ?? 0;
		seen.set(identity, occurrence + 1);
		const suffix = occurrence === 0 ? '' : `#${occurrence}`;
		return {key: `${name}/${identity}${suffix}`, index, item};
	});
}

function diffList(name: ListName, before: readonly unknown[] | undefined, after: readonly unknown[] | undefined): FieldChange[] {
	const spec = SPECS[name];
	const old = keyedItems(before, name);
	const current = keyedItems(after, name);
	const oldByKey = new Map(old.map(entry => [entry.key, entry]));
	const currentByKey = new Map(current.map(entry => [entry.key, entry]));
	const changes: FieldChange[] = [];
	const removed = old.filter(entry => !currentByKey.has(entry.key));
	const added = current.filter(entry => !oldByKey.has(entry.key));
	const pairedAdds = new Set<Keyed>();
	for (const entry of removed) {
		const renamed = spec.pairRenames ? added.find(a => a.index === entry.index && !pairedAdds.has(a)) : undefined;
		if (renamed) pairedAdds.add(renamed);
		changes.push({key: entry.key, label: spec.title(entry.item), before: entry.item, after: renamed?.item});
	}
	for (const entry of added) {
		if (!pairedAdds.has(entry)) changes.push({key: entry.key, label: spec.title(entry.item), before: undefined, after: entry.item});
	}
	for (const entry of old) {
		const now = currentByKey.get(entry.key);
		if (now && !sameValue(entry.item, now.item)) {
			changes.push({key: entry.key, label: spec.title(entry.item), before: entry.item, after: now.item});
		}
	}
	return changes;
}

/** What changed from `before` to `after`, unit by unit (fields named by `table`'s labels, the model's by default). */
export function diffParticipants(before: Participant, after: Participant, table?: FieldTable): FieldChange[] {
	const changes: FieldChange[] = [];
	const a = before as Record<string, unknown>;
	const b = after as Record<string, unknown>;
	const fields = new Set([...Object.keys(a), ...Object.keys(b)]);
	for (const field of fields) {
		if (field === 'id' || (LISTS as readonly string[]).includes(field)) continue;
		if (!sameValue(a[field], b[field])) changes.push({key: field, label: fieldLabel(field, table), before: a[field], after: b[field]});
	}
	for (const name of LISTS) changes.push(...diffList(name, before[name], after[name]));
	return changes;
}

/**
 * Splits `mine` into what can be applied over `theirs` and what clashes with it
 * (both are changes from the same version). A step, event or snooze both sides
 * changed is merged field by field when they changed different fields of it
 * (one its type, the other its state) and the item is still where it was.
 */
export function mergeChanges(
	mine: readonly FieldChange[],
	theirs: readonly FieldChange[],
): {apply: FieldChange[]; conflicts: FieldConflict[]} {
	const theirsByKey = new Map(theirs.map(change => [change.key, change]));
	const apply: FieldChange[] = [];
	const conflicts: FieldConflict[] = [];
	for (const change of mine) {
		const other = theirsByKey.get(change.key);
		if (!other) apply.push(change);
		else if (!sameValue(other.after, change.after)) {
			const merged = mergedItem(change, other);
			if (merged === undefined) conflicts.push({label: change.label, base: change.before, theirs: other.after, mine: change.after});
			else apply.push({key: change.key, label: change.label, before: other.after, after: merged});
		}
		// same result on both sides: already there, nothing to apply
	}
	return {apply, conflicts};
}

type Item = Record<string, unknown>;
const isItem = (value: unknown): value is Item => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A list item changed on both sides in different fields: theirs with my fields; undefined when they clash. */
function mergedItem(mine: FieldChange, theirs: FieldChange): Item | undefined {
	const list = mine.key.slice(0, mine.key.indexOf('/')) as ListName;
	if (!(LISTS as readonly string[]).includes(list)) return undefined;
	const [base, ours, their] = [mine.before, mine.after, theirs.after];
	if (!isItem(base) || !isItem(ours) || !isItem(their)) return undefined; // added or removed on a side
	// their item must still be found under the key (not renamed or re-dated by them)
	if (SPECS[list].identity(their) !== SPECS[list].identity(base)) return undefined;
	const merged: Item = {...their};
	for (const field of new Set([...Object.keys(base), ...Object.keys(ours)])) {
		if (sameValue(base[field], ours[field])) continue; // not mine
		if (!sameValue(base[field], their[field]) && !sameValue(their[field], ours[field])) return undefined; // both, differently
		if (ours[field] === undefined) delete merged[field];
		else merged[field] = ours[field];
	}
	return merged;
}

/** `target` with `changes` applied (a new participant; `target` is not modified). */
export function applyChanges(target: Participant, changes: readonly FieldChange[]): Participant {
	const result: Record<string, unknown> = {...target};
	const lists: Record<ListName, unknown[]> = {
		steps: [...target.steps],
		events: [...target.events],
		snoozes: [...(target.snoozes ?? [])],
	};
	for (const change of changes) {
		const slash = change.key.indexOf('/');
		const list = slash > 0 ? (change.key.slice(0, slash) as ListName) : undefined;
		if (list && (LISTS as readonly string[]).includes(list)) {
			const items = lists[list];
			const found = keyedItems(items, list).find(entry => entry.key === change.key);
			if (change.after === undefined) {
				if (found) items.splice(found.index, 1);
			} else if (found) items[found.index] = change.after;
			else items.push(change.after);
		} else if (change.after === undefined) {
			delete result[change.key];
		} else {
			result[change.key] = change.after;
		}
	}
	result.steps = lists.steps;
	result.events = lists.events;
	// no snooze left: drop the key (as the edits do) unless the target already kept an empty list
	if (lists.snoozes.length > 0 || target.snoozes?.length === 0) result.snoozes = lists.snoozes;
	else delete result.snoozes;
	return result as Participant;
}
