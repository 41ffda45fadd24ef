// What the screens list, derived from one triage: the dashboard's indicators by
// section, a queue's rows, and the columns that fit each indicator. Pure, so
// that it is computed once per (data, referent) and tested without a terminal.
import {frenchDate, toDay} from '../domain/calendar.js';
import {type ParticipantFacts, stepProblem, type StepProblem} from '../domain/facts.js';
import {INDICATORS, SECTIONS, type SectionId} from '../domain/indicators.js';
import type {Participant, Step} from '../domain/model.js';
import type {IndicatorResult, Triage, TriageEntry} from '../domain/triage.js';
import {foldText} from '../domain/text.js';
import {HIDDEN_NOTE} from '../domain/discretion.js';
import {currentSnoozes, type QueueSnooze, snoozedLabel, SNOOZES_QUEUE} from './snoozes/snoozesQueue.js';

export interface DashboardRow {
	readonly section: SectionId;
	readonly indicator: IndicatorResult;
}

/** The indicators in section order, narrowed by a filter on their label or id. */
export function dashboardRows(result: Pick<Triage, 'indicators'>, filter: string): DashboardRow[] {
	const wanted = foldText(filter);
	const rows: DashboardRow[] = [];
	for (const section of SECTIONS) {
		for (const indicator of result.indicators) {
			if (indicator.definition.section !== section.id) continue;
			if (wanted !== '' && !foldText(`${indicator.definition.label} ${indicator.definition.id}`).includes(wanted)) continue;
			rows.push({section: section.id, indicator});
		}
	}
	return rows;
}

/** Position of an indicator on the unfiltered dashboard (where Esc lands after `--queue`). */
export function dashboardIndexOf(indicatorId: string): number {
	const order = SECTIONS.flatMap(section => INDICATORS.filter(indicator => indicator.section === section.id));
	return Math.max(0, order.findIndex(indicator => indicator.id === indicatorId));
}

export function isAlert(indicator: IndicatorResult): boolean {
	return indicator.definition.severity === 'urgent' && indicator.entries.length > 0;
}

/** The queues whose rows are steps, one per step to fix, and the problem each lists. */
export const STEP_QUEUES: Readonly<Record<string, StepProblem>> = {
	'steps.to-start': 'to-start',
	'steps.to-finish': 'to-finish',
	'steps.after-exit': 'after-exit',
};

/** A step to fix, as a row of its queue: the keys d / t / i act on it. */
export interface QueueStep {
	readonly step: Step;
	/** index in participant.steps: what an edit changes */
	readonly index: number;
	/** days since its start (to start), its end (to finish), the exit (after the exit) */
	readonly figure: number;
}

export interface QueueRow {
	readonly entry: TriageEntry;
	readonly facts: ParticipantFacts;
	readonly participant: Participant;
	/** in a steps queue, the one step this row is about */
	readonly step?: QueueStep;
	/** in « Mises en attente », the one snooze this row is about */
	readonly snooze?: QueueSnooze;
}

/** What identifies a row across a change of the caseload: the person, and the step for a step row. */
export function rowKey(row: QueueRow): string {
	if (row.snooze !== undefined) return `${row.entry.id}~${row.snooze.snooze.indicator}`;
	return row.step === undefined ? row.entry.id : `${row.entry.id}#${row.step.index}`;
}

/** The steps of one person a steps queue lists (its problem), with their figure. */
function stepsToFix(facts: ParticipantFacts, problem: StepProblem): QueueStep[] {
	const {participant, today, closed, exitDay} = facts;
	const steps: QueueStep[] = [];
	participant.steps.forEach((step, index) => {
		if (stepProblem(step, today, closed, exitDay) !== problem) return;
		const from = problem === 'after-exit' ? exitDay! : toDay(problem === 'to-finish' ? step.end! : step.start);
		steps.push({step, index, figure: today - from});
	});
	return steps;
}

/** Folded "name id" of every participant, computed once per caseload for the `/` filter. */
export type SearchIndex = ReadonlyMap<string, string>;

export function searchIndex(participants: readonly Participant[]): SearchIndex {
	return new Map(participants.map(p => [p.id, foldText(`${p.name} ${p.id}`)]));
}

/** The rows of a whole queue narrowed to a filter (same order: the queue's sorts are stable). */
export function filterQueueRows(rows: readonly QueueRow[], filter: string, search: SearchIndex): readonly QueueRow[] {
	const wanted = foldText(filter);
	if (wanted === '') return rows;
	return rows.filter(row => matches(search, row.entry.id, wanted));
}

/** The person's name or id holds the folded filter text. */
function matches(search: SearchIndex, id: string, wanted: string): boolean {
	return (search.get(id) ?? foldText(id)).includes(wanted);
}

/**
 * A queue's rows in urgency order, narrowed by a filter on name or id (accents and
 * case ignored). A steps queue has a row per step to fix, the most overdue first
 * (then in the people's urgency order, each person's steps by start date).
 */
export function queueRows(result: Triage, indicator: IndicatorResult, filter: string, search: SearchIndex): QueueRow[] {
	const wanted = foldText(filter);
	const problem = STEP_QUEUES[indicator.definition.id];
	const rows: QueueRow[] = [];
	for (const entry of indicator.entries) {
		if (wanted !== '' && !matches(search, entry.id, wanted)) continue;
		const facts = result.facts.get(entry.id);
		if (!facts) continue;
		if (indicator.definition.id === SNOOZES_QUEUE) {
			for (const snooze of currentSnoozes(facts, result.today)) rows.push({entry, facts, participant: facts.participant, snooze});
		} else if (problem === undefined) rows.push({entry, facts, participant: facts.participant});
		else for (const step of stepsToFix(facts, problem)) rows.push({entry, facts, participant: facts.participant, step});
	}
	// a row per snooze, the nearest end first (stable: then in the people's order)
	if (indicator.definition.id === SNOOZES_QUEUE) rows.sort((a, b) => a.snooze!.figure - b.snooze!.figure);
	if (problem !== undefined) {
		// stable: at equal figures, people stay in urgency order, each person's steps by start
		const start = (row: QueueRow) => row.step!.step.start;
		const person = new Map<string, number>();
		for (const row of rows) if (!person.has(row.entry.id)) person.set(row.entry.id, person.size);
		rows.sort(
			(a, b) =>
				b.step!.figure - a.step!.figure ||
				person.get(a.entry.id)! - person.get(b.entry.id)! ||
				(start(a) < start(b) ? -1 : start(a) > start(b) ? 1 : 0),
		);
	}
	return rows;
}

/** The queue of the same dashboard section after `indicatorId` (wrapping round) that has people in it. */
export function nextQueue(result: Pick<Triage, 'indicators'>, indicatorId: string): IndicatorResult | undefined {
	const rows = dashboardRows(result, '');
	const here = rows.findIndex(row => row.indicator.definition.id === indicatorId);
	if (here < 0) return undefined;
	const section = rows[here]!.section;
	for (let i = 1; i < rows.length; i++) {
		const row = rows[(here + i) % rows.length]!;
		if (row.section === section && row.indicator.entries.length > 0) return row.indicator;
	}
	return undefined;
}

export interface Column {
	readonly header: string;
	readonly width: number;
	readonly align: 'left' | 'right';
	readonly value: (row: QueueRow) => string;
}

interface ExtraColumn {
	readonly header: string;
	readonly value: (row: QueueRow) => string;
}

const date = (pick: (f: ParticipantFacts) => number | string | undefined) => (row: QueueRow) =>
	frenchDate(pick(row.facts)) || '—';

const INTEGRATION: ExtraColumn = {header: 'Intégration', value: date(f => f.integration)};
const CONTRACT_END: ExtraColumn = {header: 'Fin CER', value: date(f => f.contractEnd)};
const STANDBY: ExtraColumn = {header: 'Veille depuis', value: date(f => f.standbySince)};
const LAST_CONTACT: ExtraColumn = {header: 'Dernier contact', value: date(f => f.lastContact)};

/** The column that explains a queue, next to the indicator's own figure. */
function extraColumn(indicatorId: string): ExtraColumn | undefined {
	if (indicatorId.startsWith('rsa.')) return CONTRACT_END;
	if (indicatorId.startsWith('duration.') || indicatorId === 'caseload.active') return INTEGRATION;
	switch (indicatorId) {
		case 'caseload.intake':
			return {header: '1er RDV', value: date(f => f.firstAppointment)};
		case 'caseload.standby':
		case 'standby.long':
			return STANDBY;
		case 'steps.to-finish':
			return {header: 'Étapes', value: row => String(row.facts.stepsToFinish)};
		case 'steps.to-start':
			return {header: 'Étapes', value: row => String(row.facts.stepsToStart)};
		case 'steps.after-exit':
			return {header: 'Sortie', value: date(f => f.exitDay)};
		case 'plan.provisional-integrated':
		case 'steps.none':
		case 'followup.no-rome':
			return INTEGRATION;
		case 'steps.idle30':
		case 'steps.idle60':
			return {header: 'Dernière étape', value: date(f => f.lastStepActivity)};
		case 'followup.no-event30':
			return {header: 'Dernier événement', value: date(f => f.lastEvent)};
		case 'followup.no-interview30':
			return {header: 'Dernier entretien', value: date(f => f.lastInterview)};
		case 'followup.rhythm-late':
		case 'followup.two-absences':
			return LAST_CONTACT;
		// « Sorties à clôturer » (echeances/exitsQueue.ts)
		case 'exit.close':
			return {header: 'Validée le', value: date(f => f.participant.exitValidatedOn)};
		default:
			return undefined;
	}
}

export interface ColumnOptions {
	readonly width: number;
	/** show the referent column (hidden when one referent is chosen: it would repeat) */
	readonly showReferent: boolean;
	readonly nameOf: (participant: Participant) => string;
	/** longest id of the queue, to size the id column */
	readonly idWidth: number;
	/** discrétion mode: a snooze's reason is hidden as notes are */
	readonly discretion?: boolean;
}

/** Below this width a steps queue leaves the référent·e to the status line: the step's label matters more. */
const STEP_REFERENT_WIDTH = 100;

/**
 * A steps queue: the person, the step's label and dates, how many days it is late.
 * The name and the label share what the fixed columns leave.
 */
function stepQueueColumns(options: ColumnOptions): Column[] {
	const fixed: Column[] = [{header: 'ID', width: Math.max(2, Math.min(options.idWidth, 14)), align: 'left', value: row => row.participant.id}];
	if (options.showReferent && options.width >= STEP_REFERENT_WIDTH) {
		fixed.push({header: 'Référent·e', width: 14, align: 'left', value: row => row.participant.referent ?? '—'});
	}
	const after: Column[] = [
		{header: 'Début', width: 10, align: 'left', value: row => frenchDate(row.step?.step.start) || '—'},
		{header: 'Fin', width: 10, align: 'left', value: row => frenchDate(row.step?.step.end) || '—'},
		{header: 'Jours', width: 5, align: 'right', value: row => String(row.step?.figure ?? row.entry.figure)},
	];
	const used = [...fixed, ...after].reduce((sum, column) => sum + 1 + column.width, 0);
	// the cursor mark (2), then name and label with a space each
	const room = Math.max(16, options.width - 2 - used - 1);
	const nameWidth = Math.max(8, Math.min(30, Math.floor(room * 0.45)));
	const labelWidth = Math.max(8, Math.min(50, room - nameWidth));
	const name: Column = {header: 'Bénéficiaire', width: nameWidth, align: 'left', value: row => options.nameOf(row.participant)};
	const label: Column = {header: 'Étape', width: labelWidth, align: 'left', value: row => row.step?.step.label ?? ''};
	return [name, ...fixed, label, ...after];
}

/**
 * « Mises en attente »: the person, what is on hold, until when, why. The name,
 * the label and the reason share what the fixed columns leave.
 */
function snoozeQueueColumns(options: ColumnOptions): Column[] {
	const fixed: Column[] = [{header: 'ID', width: Math.max(2, Math.min(options.idWidth, 14)), align: 'left', value: row => row.participant.id}];
	if (options.showReferent && options.width >= STEP_REFERENT_WIDTH) {
		fixed.push({header: 'Référent·e', width: 14, align: 'left', value: row => row.participant.referent ?? '—'});
	}
	const until: Column = {header: 'Jusqu’au', width: 10, align: 'left', value: row => frenchDate(row.snooze?.snooze.until) || '—'};
	const used = [...fixed, until].reduce((sum, column) => sum + 1 + column.width, 0);
	// the cursor mark (2), then name, label and reason with a space each
	const room = Math.max(24, options.width - 2 - used - 2);
	const nameWidth = Math.max(8, Math.min(30, Math.floor(room * 0.28)));
	const labelWidth = Math.max(8, Math.min(36, Math.floor(room * 0.38)));
	const reasonWidth = Math.max(8, room - nameWidth - labelWidth);
	const name: Column = {header: 'Bénéficiaire', width: nameWidth, align: 'left', value: row => options.nameOf(row.participant)};
	const label: Column = {header: 'Alerte ou échéance', width: labelWidth, align: 'left', value: row => (row.snooze ? snoozedLabel(row.snooze.snooze.indicator) : '')};
	const reason: Column = {header: 'Raison', width: reasonWidth, align: 'left', value: row => (options.discretion ? HIDDEN_NOTE : (row.snooze?.snooze.reason ?? ''))};
	return [name, ...fixed, label, until, reason];
}

/** The columns of a queue for a terminal width: fixed columns, the name takes the rest. */
export function queueColumns(indicator: IndicatorResult, options: ColumnOptions): Column[] {
	const {definition} = indicator;
	if (definition.id === SNOOZES_QUEUE) return snoozeQueueColumns(options);
	if (STEP_QUEUES[definition.id] !== undefined) return stepQueueColumns(options);
	const extra = extraColumn(definition.id);
	const fixed: Column[] = [];
	fixed.push({header: 'ID', width: Math.max(2, Math.min(options.idWidth, 14)), align: 'left', value: row => row.participant.id});
	if (options.showReferent) {
		fixed.push({header: 'Référent·e', width: 14, align: 'left', value: row => row.participant.referent ?? '—'});
	}
	const figureLabel = definition.figure.label;
	let figureWidth = Math.min(figureLabel.length, 16);
	if (extra) fixed.push({header: extra.header, width: Math.max(10, Math.min(extra.header.length, 17)), align: 'left', value: extra.value});
	// a row is the cursor mark (2), the name, then a space and each column
	const rest = () => options.width - 2 - fixed.reduce((sum, column) => sum + 1 + column.width, 0) - (1 + figureWidth);
	// a wide terminal gives the figure its whole heading, the name keeping 40 columns
	if (rest() > 40) figureWidth = Math.min(figureLabel.length, figureWidth + rest() - 40);
	fixed.push({header: figureLabel, width: figureWidth, align: 'right', value: row => String(row.entry.figure)});
	// names beyond 40 characters are rare: a wider column would only push the figures away
	const nameWidth = Math.min(40, Math.max(8, options.width - 2 - fixed.reduce((sum, column) => sum + 1 + column.width, 0)));
	const name: Column = {header: 'Bénéficiaire', width: nameWidth, align: 'left', value: row => options.nameOf(row.participant)};
	return [name, ...fixed];
}

export function longestId(indicator: IndicatorResult): number {
	let longest = 0;
	for (const entry of indicator.entries) if (entry.id.length > longest) longest = entry.id.length;
	return longest;
}
