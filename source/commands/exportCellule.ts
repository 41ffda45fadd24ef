// `plie-triage export --cellule [DATE] [--since DATE] [--referent NAME] [--out FILE] [--force] [--discret]`:
// the preparation workbook of the cellule de suivi (REFERENTIEL §5.3, issue 6).
import {referentsShown} from '../domain/visibility.js';
import {type Day, frenchDate, toDay} from '../domain/calendar.js';
import {visibleLines} from '../domain/text.js';
import {readVisibleCaseload} from '../store/caseloadStore.js';
import {type CommandContext, requireCliDate} from './context.js';
import {checkOutPath} from '../store/outPath.js';
import {UsageError} from '../domain/errors.js';
import type {Settings} from '../domain/settings.js';
import {proposedCellule} from '../domain/workingDays.js';

export async function runExportCellule(context: CommandContext): Promise<void> {
	const {flags} = context;
	const text = typeof flags.cellule === 'string' && flags.cellule.trim() !== '' ? flags.cellule : undefined;
	// read-only: the light reader (same store and messages as openStore, without lowdb and zod when the file is sound)
	const store = await readVisibleCaseload(context.storePath);
	// `--cellule` without a date: the next cellule recorded in the store's settings (set from the dashboard)
	const meeting = requireCliDate('cellule', text, {today: context.today, ahead: true}) ?? storedMeeting(store.data.settings, context.today);
	const since = requireCliDate('since', typeof flags.since === 'string' ? flags.since : undefined, {today: context.today});
	if (since !== undefined && since > meeting) {
		throw new UsageError(`--since : le ${frenchDate(since)} est après la cellule du ${frenchDate(meeting)}.`);
	}
	const out = typeof flags.out === 'string' ? flags.out : undefined;
	if (out !== undefined && out.trim() === '') throw new UsageError('--out : nom de fichier vide.');
	// never the store or its files, always an .xlsx name (exit 2 before anything is read)
	const {defaultCelluleFileName} = await import('../io/celluleWorkbook.js');
	await checkOutPath(out ?? defaultCelluleFileName(meeting, context.referent, flags.discret === true), {storePath: context.storePath, extension: '.xlsx', what: 'un classeur Excel'});

	const {requireKnownReferent} = await import('./referentCheck.js');
	const referent = requireKnownReferent(context.referent, store.data.participants, context.storePath);
	// a login that sees only its référent·es' people (a base) has them in the name: never the whole PLIE's file
	const name = out ?? defaultCelluleFileName(meeting, referentsShown(referent, store.visible), flags.discret === true);
	if (out === undefined) await checkOutPath(name, {storePath: context.storePath, extension: '.xlsx', what: 'un classeur Excel'});
	const {celluleWrittenMessage, writeCelluleWorkbook} = await import('../io/celluleWorkbook.js');
	const {preparationDueDate} = await import('../domain/workingDays.js');
	const file = await writeCelluleWorkbook({
		participants: store.data.participants,
		settings: store.data.settings,
		today: context.today,
		meeting,
		since,
		referent,
		visible: store.visible,
		discret: flags.discret === true,
		out: name,
		force: flags.force === true,
	});
	process.stdout.write(visibleLines(celluleWrittenMessage(file, meeting, preparationDueDate(meeting, store.data.settings), context.today)) + '\n');
}

function storedMeeting(settings: Settings, today: Day): Day {
	const {nextCellule} = settings;
	if (nextCellule === undefined) {
		throw new UsageError(
			'--cellule : précisez la date de la cellule de suivi, par exemple --cellule 2026-12-08 (aucune prochaine cellule n’est enregistrée dans le fichier de suivi).',
		);
	}
	const day = toDay(nextCellule);
	if (day < today) {
		throw new UsageError(
			`--cellule : la cellule enregistrée, le ${frenchDate(day)}, est passée ; précisez la date de la prochaine, par exemple --cellule ${frenchDate(proposedCellule(today, settings))}.`,
		);
	}
	return day;
}
