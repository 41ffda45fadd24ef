// What an import changes, made visible: each updated person's fields before →
// after (the journal keeps them as it does for edits, `--dry-run` shows them),
// and what deserves a second look — a text holding U+FFFD (a character lost to a
// wrong encoding before the file reached us), a stored value a blank cell erases.
import {formatValue} from '../domain/edits/format.js';
import {type FieldChange, journalValues} from '../domain/edits/diff.js';
import {isRecord} from '../domain/isRecord.js';
import type {JournalEntry} from '../store/journal.js';
import type {ParticipantChanges} from './merge.js';
import type {ImportBatch} from './parseImport.js';

const REPLACEMENT = '\uFFFD';

/** The journal lines of an import: one per person created, one per person updated with before and after. */
export function importJournalEntries(created: readonly string[], changes: readonly ParticipantChanges[]): JournalEntry[] {
	return [
		...created.map(participantId => ({participantId, action: 'import : créé'})),
		...changes.map(({id, changes: fields}) => ({
			participantId: id,
			action: 'import : mis à jour',
			before: journalValues(fields, 'before'),
			after: journalValues(fields, 'after'),
		})),
	];
}

const STEP_FIELDS: Readonly<Record<string, string>> = {label: 'libellé', type: 'type', start: 'début', end: 'fin', state: 'état'};

/** One change as lines « label : avant → après »; a step changed in place shows only the fields that moved. */
function changeLines(change: FieldChange): string[] {
	const {before, after} = change;
	if (isRecord(before) && isRecord(after) && 'start' in before && 'label' in before) {
		return Object.keys(STEP_FIELDS)
			.filter(field => formatValue(before[field]) !== formatValue(after[field]))
			.map(field => `${change.label}, ${STEP_FIELDS[field]} : ${formatValue(before[field])} → ${formatValue(after[field])}`);
	}
	if (before === undefined && isRecord(after)) return [`${change.label} : ajouté (${formatValue(after)})`];
	return [`${change.label} : ${formatValue(before)} → ${formatValue(after)}`];
}

/** Values the file's blank cells erase (a field, a step's end, an event's note). */
export function blankedValues(person: ParticipantChanges): string[] {
	const lines: string[] = [];
	for (const change of person.changes) {
		const {before, after} = change;
		if (isRecord(before) && isRecord(after)) {
			for (const field of Object.keys(before)) {
				if (before[field] !== undefined && before[field] !== '' && (after[field] === undefined || after[field] === '')) {
					lines.push(`${change.label}, ${STEP_FIELDS[field] ?? field} : ${formatValue(before[field])} effacé`);
				}
			}
		} else if (before !== undefined && before !== '' && before !== false && (after === undefined || after === '')) {
			lines.push(`${change.label} : ${formatValue(before)} effacé`);
		}
	}
	return lines;
}

/** Where a text of the batch holds U+FFFD: « feuille « X », ligne N : « L�VÊQUE » ». */
export function replacementCharacters(batch: ImportBatch): string[] {
	const found: string[] = [];
	const where = (sheet: string | undefined, row: number) => `${sheet === undefined ? '' : `feuille « ${sheet} », `}ligne ${row}`;
	const check = (text: unknown, sheet: string | undefined, row: number) => {
		if (typeof text === 'string' && text.includes(REPLACEMENT)) found.push(`${where(sheet, row)} : « ${text} »`);
	};
	for (const record of batch.participants) {
		for (const value of Object.values(record.values)) check(value, record.sheet, record.row);
	}
	for (const record of batch.steps) {
		check(record.step.label, record.sheet, record.row);
		check(record.step.type, record.sheet, record.row);
	}
	for (const record of batch.events) check(record.event.note, record.sheet, record.row);
	return found;
}

const SHOWN_PEOPLE = 20;
const SHOWN_NOTICES = 20;

export interface ChangeReport {
	readonly changes: readonly ParticipantChanges[];
	readonly replacements: readonly string[];
}

/** The « à vérifier » and « modifications » parts of the import's summary. */
export function formatChangeReport(report: ChangeReport, details: boolean): string[] {
	const lines: string[] = [];
	const blanked = report.changes.flatMap(person => blankedValues(person).map(line => `${person.name} (${person.id}) — ${line}`));
	if (report.replacements.length > 0 || blanked.length > 0) {
		lines.push('À vérifier :');
		if (report.replacements.length > 0) {
			lines.push(
				`  ${report.replacements.length} texte(s) contiennent « ${REPLACEMENT} », la trace d’un caractère perdu avant l’import (encodage) :`,
				...report.replacements.slice(0, SHOWN_NOTICES).map(line => `    ${line}`),
			);
			if (report.replacements.length > SHOWN_NOTICES) lines.push(`    … et ${report.replacements.length - SHOWN_NOTICES} autre(s)`);
		}
		if (blanked.length > 0) {
			lines.push(
				`  ${blanked.length} valeur(s) enregistrée(s) effacée(s) par une cellule vide du fichier :`,
				...blanked.slice(0, SHOWN_NOTICES).map(line => `    ${line}`),
			);
			if (blanked.length > SHOWN_NOTICES) lines.push(`    … et ${blanked.length - SHOWN_NOTICES} autre(s) (toutes au journal)`);
		}
	}
	if (report.changes.length > 0) {
		const shown = details ? report.changes : report.changes.slice(0, SHOWN_PEOPLE);
		lines.push(`Modifications (avant → après) :`);
		for (const person of shown) {
			lines.push(`  ${person.name} (${person.id}) :`, ...person.changes.flatMap(changeLines).map(line => `    ${line}`));
		}
		if (shown.length < report.changes.length) {
			lines.push(`  … et ${report.changes.length - shown.length} autre(s) personne(s) mise(s) à jour (toutes avec --details).`);
		}
	}
	return lines;
}
