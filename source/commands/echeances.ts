// `plie-triage echeances [--jusqu-au DATE] [--json | --ics FICHIER [--noms] [--force]]`:
// what falls due next (REFERENTIEL §7), as a list grouped by week, as JSON, or as
// a calendar file. Read-only, from the file (the light reader, as `export`) or the base, without Ink or exceljs.
import {frenchDate} from '../domain/calendar.js';
import {DEFAULT_HORIZON_DAYS, listEcheances, visibleEcheances} from '../domain/echeances/index.js';
import {UsageError} from '../domain/errors.js';
import {readVisibleCaseload} from '../store/caseloadStore.js';
import {type CommandContext, requireCliDate, textFlag} from './context.js';
import {echeancesJsonText, echeancesText} from './echeancesText.js';
import {requireKnownReferent} from './referentCheck.js';

export async function runEcheances(context: CommandContext): Promise<void> {
	const {flags, today} = context;
	const until = requireCliDate('jusqu-au', textFlag(flags, 'jusquAu', 'jusqu-au'), {today, ahead: true}) ?? today + DEFAULT_HORIZON_DAYS;
	if (until < today) {
		throw new UsageError(`--jusqu-au : le ${frenchDate(until)} est avant le jour du calcul (${frenchDate(today)}).`);
	}
	const ics = textFlag(flags, 'ics', 'ics');
	if (ics === undefined) {
		if (flags.noms === true) throw new UsageError('--noms : seulement avec --ics FICHIER (les noms dans le calendrier).');
		if (flags.force === true) throw new UsageError('--force : seulement avec --ics FICHIER (remplacer le calendrier).');
	} else {
		if (flags.json === true) throw new UsageError('choisissez --json ou --ics FICHIER, pas les deux.');
		// never the store or one of its files, whatever --force says; a folder is said to be one, a name not ending in .ics refused
		const {checkOutPath} = await import('../store/outPath.js');
		await checkOutPath(ics, {storePath: context.storePath, extension: '.ics', what: 'un calendrier', flag: '--ics'});
	}

	const {data, visible} = await readVisibleCaseload(context.storePath);
	const referent = requireKnownReferent(context.referent, data.participants, context.storePath);
	const list = listEcheances(data.participants, {today, until, settings: data.settings, referent});

	if (ics !== undefined) {
		const {writeEcheancesCalendar} = await import('../io/echeancesCalendar.js');
		const items = visibleEcheances(list.items);
		await writeEcheancesCalendar(items, ics, {names: flags.noms === true, overwrite: flags.force === true});
		const hidden = list.items.length - items.length;
		const snoozed = hidden > 0 ? ` ; ${hidden} en attente (z) non ${hidden > 1 ? 'inscrites' : 'inscrite'}` : '';
		process.stdout.write(`Calendrier écrit : ${ics} (${items.length} échéance${items.length > 1 ? 's' : ''} jusqu’au ${frenchDate(until)}, retards compris${snoozed}).\n`);
	} else if (flags.json === true) {
		process.stdout.write(echeancesJsonText(list));
	} else {
		process.stdout.write(echeancesText(list, context.storePath, visible));
	}
}
