// French words for what an edit touched: field names and values as a référent
// reads them (dates dd/mm/yyyy, Oui/Non). Shared by edit descriptions, conflict
// messages and the `journal` command.
import {frenchDate, parseIsoDate} from '../calendar.js';
import {indicatorById} from '../indicators.js';
import {echeanceLabel, isEcheanceKind} from '../echeances/kinds.js';
import {type FieldTable, labelsOf, PARTICIPANT_FIELDS} from '../fields.js';
import type {ParcoursEvent, Snooze, Step} from '../model.js';
import {isRecord} from '../isRecord.js';

/** The French name of each participant field (the field tables' labels). */
const FIELD_LABELS = labelsOf(PARTICIPANT_FIELDS);

/** The French name of `field` in `table` (a field no table knows keeps its key: a newer version's). */
export function fieldLabel(field: string, table?: FieldTable): string {
	return (table === undefined ? FIELD_LABELS : labelsOf(table)).get(field) ?? field;
}

export function stepTitle(step: Pick<Step, 'label' | 'start'>): string {
	return `Étape « ${step.label} » (${frenchDate(step.start)})`;
}

export function eventTitle(event: Pick<ParcoursEvent, 'type' | 'date'>): string {
	return `Événement « ${event.type} » du ${frenchDate(event.date)}`;
}

/** What a snooze names: an indicator (§4) or an échéance kind (§7), by its French label. */
export function indicatorLabel(id: string): string {
	return indicatorById(id)?.label ?? (isEcheanceKind(id) ? echeanceLabel(id) : id);
}

export function snoozeTitle(snooze: Pick<Snooze, 'indicator'>): string {
	return `Mise en attente « ${indicatorLabel(snooze.indicator)} »`;
}

function formatStep(step: Record<string, unknown>): string {
	const type = step.type ? ` (${String(step.type)})` : '';
	const end = step.end ? ` au ${frenchDate(String(step.end))}` : ', sans fin';
	return `« ${String(step.label)} »${type} du ${frenchDate(String(step.start))}${end}, ${String(step.state)}`;
}

function formatEvent(event: Record<string, unknown>): string {
	const note = event.note ? ` — ${String(event.note)}` : '';
	return `${String(event.type)} le ${frenchDate(String(event.date))}${note}`;
}

/** A previous CER: « du 23/05/2026 au 21/11/2026 », or « jusqu’au 21/11/2026 » when its start is unknown. */
function formatContract(contract: Record<string, unknown>): string {
	const end = frenchDate(String(contract.end));
	return contract.start ? `du ${frenchDate(String(contract.start))} au ${end}` : `jusqu’au ${end}`;
}

function formatSnooze(snooze: Record<string, unknown>): string {
	return `jusqu’au ${frenchDate(String(snooze.until))} — ${String(snooze.reason)}`;
}

/** A stored value as a référent reads it; absent values show as "—". */
export function formatValue(value: unknown): string {
	if (value === undefined || value === null || value === '') return '—';
	if (typeof value === 'boolean') return value ? 'Oui' : 'Non';
	if (typeof value === 'string') return parseIsoDate(value) === undefined ? value : frenchDate(value);
	if (typeof value === 'number') return String(value);
	if (Array.isArray(value)) return value.length === 0 ? '—' : value.map(formatValue).join(' ; ');
	if (isRecord(value)) {
		if ('state' in value && 'start' in value && 'label' in value) return formatStep(value);
		if ('date' in value && 'type' in value) return formatEvent(value);
		if ('indicator' in value && 'until' in value) return formatSnooze(value);
		if ('end' in value && Object.keys(value).every(key => key === 'start' || key === 'end')) return formatContract(value);
		return Object.entries(value)
			.map(([key, inner]) => `${fieldLabel(key)} : ${formatValue(inner)}`)
			.join(', ');
	}
	return String(value);
}
