// Writes the cellule de suivi preparation workbook (issue 6): exceljs's streaming
// writer (fast enough for 10,000 people), written safely by workbookFile.ts
// (private temp file renamed over the target, never over a file unless asked).
import {referentsShown, type Visibility} from '../domain/visibility.js';
import {InputError} from '../domain/errors.js';
import {type Day, frenchDate, isoFromDay} from '../domain/calendar.js';
import {selectCellule} from '../domain/cellule.js';
import type {Participant} from '../domain/model.js';
import type {Settings} from '../domain/settings.js';
import {foldText} from '../domain/text.js';
import {celluleSheets, NO_REFERENT} from './celluleSheets.js';
import {writePrintedSheet} from './printedSheet.js';
import {WorkbookFileExistsError, writeWorkbookFile} from './workbookFile.js';

export interface CelluleWorkbookOptions {
	readonly participants: readonly Participant[];
	readonly settings: Settings;
	/** the day the workbook is written (shown in Synthèse) */
	readonly today: Day;
	/** the day of the cellule de suivi; every status is computed on that day */
	readonly meeting: Day;
	/** entries and exits from this day on; default one month before the meeting */
	readonly since?: Day;
	/** one referent, or undefined for all */
	readonly referent?: string;
	/** whose participants « all » holds (a référent login on a base sees only theirs): titles name them */
	readonly visible?: Visibility;
	/** discrétion: initials and ids, no birth date, commune, gender, CAF / France Travail numbers, no typed reasons */
	readonly discret?: boolean;
	/** target file; default `cellule-YYYY-MM-DD[-referent][-discret].xlsx` in the current folder */
	readonly out?: string;
	/** replace an existing file (otherwise refused: it may be open in Excel) */
	readonly force?: boolean;
}

/** `MARTEL Inès` → `martel-ines`. */
export function referentSlug(referent: string): string {
	return foldText(referent)
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
}

/** What the user reads once the workbook is written (CLI, and the dashboard's `E`). */
export function celluleWrittenMessage(file: string, meeting: Day, due: Day, today: Day): string {
	const late = today > due ? ' (date dépassée)' : '';
	return `Préparation de la cellule du ${frenchDate(meeting)} écrite : ${file}\nÀ remettre au PLIE au plus tard le ${frenchDate(due)}${late}.`;
}

/** `cellule-2026-12-08[-martel-ines][-discret].xlsx`: the discreet export never takes the named one's place. */
export function defaultCelluleFileName(meeting: Day, referent?: string, discret = false): string {
	const slug = referent === undefined ? '' : referentSlug(referent);
	return `cellule-${isoFromDay(meeting)}${slug === '' ? '' : `-${slug}`}${discret ? '-discret' : ''}.xlsx`;
}

const personCount = (count: number) => `${count} personne${count > 1 ? 's' : ''}`;

/** The heading above a référent·e's rows, repeated at the top of each of their pages. */
export function referentHeading(referent: string, continued: boolean, count: number): string {
	return `Référent·e : ${referent}${continued ? ' (suite)' : ` — ${personCount(count)}`}`;
}

/** The target exists and `force` was not given: the dashboard can ask before replacing it. */
export class CelluleFileExistsError extends WorkbookFileExistsError {}

/** Writes the workbook and returns its path. Refuses to replace a file unless `force`. */
export async function writeCelluleWorkbook(options: CelluleWorkbookOptions): Promise<string> {
	const out = options.out ?? defaultCelluleFileName(options.meeting, referentsShown(options.referent, options.visible), options.discret === true);
	const selection = selectCellule({
		participants: options.participants,
		settings: options.settings,
		meeting: options.meeting,
		since: options.since,
		referent: options.referent,
	});
	if (options.referent !== undefined && selection.triage.facts.size === 0) {
		// a misspelt name would otherwise give an empty workbook, handed in as is
		const known = [...new Set(options.participants.map(p => p.referent).filter(Boolean))].sort().join(', ');
		throw new InputError(
			`aucun·e bénéficiaire suivi·e par « ${options.referent} » : classeur non écrit.${known ? ` Référent·es connu·es : ${known}.` : ''}`,
		);
	}
	const sheets = celluleSheets(selection, {discret: options.discret === true, today: options.today, visible: options.visible});
	const title = `Cellule de suivi du ${frenchDate(options.meeting)} — ${referentsShown(selection.referent, options.visible) ?? 'tous les référent·es'}${options.discret ? ' (discrétion)' : ''}`;
	// with several référent·es, each one's rows on their own pages, under their name
	const referents = new Set([...selection.triage.facts.values()].map(f => f.participant.referent?.trim() || NO_REFERENT));
	const groups = selection.referent === undefined && referents.size > 1 ? {heading: referentHeading} : undefined;
	await writeWorkbookFile(out, {force: options.force, exists: file => new CelluleFileExistsError(file)}, workbook => {
		for (const sheet of sheets) writePrintedSheet(workbook, sheet, {title, emptyText: 'Aucune personne concernée pour cette cellule.', groups});
	});
	return out;
}
