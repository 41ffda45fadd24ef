// The journal as a référent reads it: one block per change, local date and time
// dd/mm/yyyy HH:mm, who, which participant, what, then "avant → après" per field.
import {formatValue} from '../domain/edits/format.js';
import type {JournalLine} from '../store/journal.js';
import {visibleText} from '../domain/text.js';
import {isRecord} from '../domain/isRecord.js';

const WORDS: Record<string, string> = {
	file: 'Fichier',
	summary: 'Bilan',
	created: 'créés',
	updated: 'mis à jour',
	unchanged: 'inchangés',
	participants: 'bénéficiaires',
	steps: 'étapes',
	events: 'événements',
};

function pad(n: number): string {
	return String(n).padStart(2, '0');
}

/** dd/mm/yyyy HH:mm in the machine's local time (the journal stores UTC). */
export function journalTime(iso: string): string {
	const date = new Date(iso);
	if (Number.isNaN(date.getTime())) return iso;
	return `${pad(date.getDate())}/${pad(date.getMonth() + 1)}/${date.getFullYear()} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

function plain(value: unknown): string {
	if (isRecord(value) && !('state' in value) && !('date' in value) && !('indicator' in value)) {
		return Object.entries(value)
			.map(([key, inner]) => (isRecord(inner) ? `${WORDS[key] ?? key} (${plain(inner)})` : `${WORDS[key] ?? key} : ${plain(inner)}`))
			.join(', ');
	}
	return formatValue(value);
}

const STEP_FIELDS: Record<string, string> = {label: 'Libellé', type: 'Type', start: 'Début', end: 'Fin', state: 'État'};

function isStep(value: unknown): value is Record<string, unknown> {
	return isRecord(value) && 'state' in value && 'start' in value && 'label' in value;
}

/** One unit's "avant → après"; a step changed in place shows only the fields that moved. */
function fieldLines(key: string, before: unknown, after: unknown): string[] {
	if (isStep(before) && isStep(after)) {
		const moved = Object.keys(STEP_FIELDS).filter(field => plain(before[field]) !== plain(after[field]));
		return moved.map(field => `    ${key} — ${STEP_FIELDS[field]} : ${plain(before[field])} → ${plain(after[field])}`);
	}
	return [`    ${key} : ${plain(before)} → ${plain(after)}`];
}

/** The "avant → après" lines of one change. */
function changeLines(line: JournalLine): string[] {
	const {before, after} = line;
	if (isRecord(before) && isRecord(after)) {
		const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
		return keys.flatMap(key => fieldLines(key, before[key], after[key]));
	}
	const lines: string[] = [];
	if (before !== undefined && after !== undefined) lines.push(`    avant : ${plain(before)} → après : ${plain(after)}`);
	else if (before !== undefined) lines.push(`    avant : ${plain(before)}`);
	else if (after !== undefined) lines.push(`    ${plain(after)}`);
	return lines;
}

/**
 * One change as text lines. Every line is made inert (domain/text.ts): names,
 * labels, notes and motives from the data cannot reach the terminal as commands.
 * A write a crash interrupted before it reached the store says so.
 */
export function formatJournalLine(line: JournalLine, names: ReadonlyMap<string, string>): string {
	const name = line.participantId === undefined ? undefined : names.get(line.participantId);
	const who = line.participantId === undefined ? '' : ` · ${line.participantId}${name ? ` (${name})` : ''}`;
	const action = line.kind === 'abandon' ? `NON ENREGISTRÉ (écriture interrompue) : ${line.action}` : line.action;
	return [`${journalTime(line.time)} · ${line.user}${who}`, `  ${action}`, ...changeLines(line)].map(visibleText).join('\n');
}
