// What the échéances screen, the dashboard's line and the fiche show, derived
// from the screen's triage (its facts, for the référent·e chosen): the items of
// REFERENTIEL §7 on day T up to the horizon T + 28 days — as `echeances` without
// --jusqu-au — those a snooze hides left out; and the counts of the dashboard's
// line, up to the next cellule when it comes later. Computed once per triage.
import {type Day, frenchDate, toDay} from '../../domain/calendar.js';
import {
	DEFAULT_HORIZON_DAYS,
	type EcheanceGroupId,
	type EcheanceKind,
	type EcheanceSummary,
	echeanceSummary,
	echeancesOfFacts,
	groupOf,
	type ListedEcheance,
} from '../../domain/echeances/index.js';
import type {Settings} from '../../domain/settings.js';
import type {Triage} from '../../domain/triage.js';
import {plural} from '../format.js';

export interface EcheancesData {
	readonly today: Day;
	/** the horizon: T + 28 days */
	readonly until: Day;
	/** the items shown: late or due by the horizon, not snoozed, in §7's order */
	readonly items: readonly ListedEcheance[];
	/** how many items a snooze hides (late or due by the horizon) */
	readonly snoozed: number;
	readonly summary: EcheanceSummary;
	/** the items of one kind (or all), cached */
	readonly ofKind: (kind: EcheanceKind | undefined) => EcheanceRows;
}

/** A list of items and where its week groups start. */
export interface EcheanceRows {
	readonly items: readonly ListedEcheance[];
	/** each item's group */
	readonly groups: readonly EcheanceGroupId[];
	/** the indices where a group begins (the first item included) */
	readonly groupStarts: readonly number[];
	/** items per group, every group present */
	readonly counts: Readonly<Record<EcheanceGroupId, number>>;
}

const cache = new WeakMap<Triage, EcheancesData>();

export function echeancesData(result: Triage, settings: Settings): EcheancesData {
	let data = cache.get(result);
	if (!data) cache.set(result, (data = compute(result, settings)));
	return data;
}

function compute(result: Triage, settings: Settings): EcheancesData {
	const today = result.today;
	const until = today + DEFAULT_HORIZON_DAYS;
	const cellule = settings.nextCellule === undefined ? undefined : toDay(settings.nextCellule);
	// one pass up to the later of the horizon and the cellule: the screen and the line agree
	const list = echeancesOfFacts(result.facts.values(), {today, until: Math.max(until, cellule ?? until), settings});
	const items: ListedEcheance[] = [];
	let snoozed = 0;
	for (const item of list.items) {
		if (!item.late && item.due > until) continue;
		if (item.snooze === undefined) items.push(item);
		else snoozed++;
	}
	const byKind = new Map<EcheanceKind | undefined, EcheanceRows>();
	return {
		today,
		until,
		items,
		snoozed,
		summary: echeanceSummary(list.items, today, cellule),
		ofKind: kind => {
			let rows = byKind.get(kind);
			if (!rows) byKind.set(kind, (rows = rowsOf(kind === undefined ? items : items.filter(item => item.kind === kind), today)));
			return rows;
		},
	};
}

function rowsOf(items: readonly ListedEcheance[], today: Day): EcheanceRows {
	const groups: EcheanceGroupId[] = [];
	const groupStarts: number[] = [];
	const counts: Record<EcheanceGroupId, number> = {late: 0, 'this-week': 0, 'next-week': 0, later: 0};
	for (let i = 0; i < items.length; i++) {
		const group = groupOf(items[i]!.due, today);
		if (i === 0 || group !== groups[i - 1]) groupStarts.push(i);
		groups.push(group);
		counts[group]++;
	}
	return {items, groups, groupStarts, counts};
}

/** The dashboard's line while the store is still being read (DashboardPreview). */
export const ECHEANCES_PENDING = 'Échéances : calcul en cours…';

/** « Échéances : 3 en retard · 5 cette semaine · 9 avant la cellule du 08/12 » */
export function summaryText(summary: EcheanceSummary): string {
	const parts = [`${summary.late} en retard`, `${summary.thisWeek} cette semaine`];
	if (summary.cellule === undefined) parts.push('pas de prochaine cellule enregistrée');
	else if (summary.beforeCellule === undefined) parts.push(`cellule du ${frenchDate(summary.cellule).slice(0, 5)} passée`);
	else parts.push(`${summary.beforeCellule} avant la cellule du ${frenchDate(summary.cellule).slice(0, 5)}`);
	return `Échéances : ${parts.join(' · ')}`;
}

/** The screen's title: the week groups and their counts. */
export function groupsText(rows: EcheanceRows, until: Day): string {
	const c = rows.counts;
	return `En retard ${c.late} · Cette semaine ${c['this-week']} · Semaine prochaine ${c['next-week']} · D'ici le ${frenchDate(until).slice(0, 5)} ${c.later}`;
}

/** « 3 échéances en attente (z) » */
export function snoozedText(count: number): string {
	return count === 0 ? '' : `${plural(count, 'échéance en attente', 'échéances en attente')} (z)`;
}
