// `plie-triage export --cellule DATE [--since DATE] [--referent NAME] [--out FILE] [--force] [--discret]`:
// the preparation workbook of the cellule de suivi (REFERENTIEL §5.3, issue 6).
import {type Day, frenchDate} from '../domain/calendar.js';
import {readCaseload} from '../store/caseloadStore.js';
import {type CommandContext, requireCliDate} from './context.js';
import {UsageError} from '../domain/errors.js';

export async function runExportCellule(context: CommandContext): Promise<void> {
	const {flags} = context;
	const text = typeof flags.cellule === 'string' && flags.cellule.trim() !== '' ? flags.cellule : undefined;
	const meeting = requireCliDate('cellule', text);
	if (meeting === undefined) {
		throw new UsageError('--cellule : précisez la date de la cellule de suivi, par exemple --cellule 2026-12-08.');
	}
	const since = requireCliDate('since', typeof flags.since === 'string' ? flags.since : undefined);
	if (since !== undefined && since > meeting) {
		throw new UsageError(`--since : le ${frenchDate(since)} est après la cellule du ${frenchDate(meeting)}.`);
	}
	const out = typeof flags.out === 'string' ? flags.out : undefined;
	if (out !== undefined && out.trim() === '') throw new UsageError('--out : nom de fichier vide.');

	// read-only: the light reader (same store and messages as openStore, without lowdb and zod when the file is sound)
	const store = {data: await readCaseload(context.storePath)};
	const {requireKnownReferent} = await import('./referentCheck.js');
	requireKnownReferent(context.referent, store.data.participants, context.storePath);
	const {writeCelluleWorkbook} = await import('../io/celluleWorkbook.js');
	const {preparationDueDate} = await import('../domain/workingDays.js');
	const file = await writeCelluleWorkbook({
		participants: store.data.participants,
		settings: store.data.settings,
		today: context.today,
		meeting,
		since,
		referent: context.referent,
		discret: flags.discret === true,
		out,
		force: flags.force === true,
	});
	process.stdout.write(celluleWrittenMessage(file, meeting, preparationDueDate(meeting, store.data.settings), context.today) + '\n');
}

/** What the user reads once the workbook is written (CLI, and the dashboard's `E`). */
export function celluleWrittenMessage(file: string, meeting: Day, due: Day, today: Day): string {
	const late = today > due ? ' (date dépassée)' : '';
	return `Préparation de la cellule du ${frenchDate(meeting)} écrite : ${file}\nÀ remettre au PLIE au plus tard le ${frenchDate(due)}${late}.`;
}
