// `echeances --ics FICHIER`: the échéances as an iCalendar file (RFC 5545, written
// by the `ics` package) for Outlook or Thunderbird: one all-day event per item,
// private and not blocking the day. Its UID is the same from one export to the
// next (participant and kind, and the step or planned contact for the kinds that
// have one per step or event), so that importing a newer file updates the events
// instead of adding copies; SEQUENCE grows with the export time for the programs
// that only take a newer one. Calendars travel to phones and servers: the summary
// carries initials and the id, never the name, unless `names`.
import {createHash, randomBytes} from 'node:crypto';
import {promises as fs} from 'node:fs';
import path from 'node:path';
import {createEvents, type DateArray, type EventAttributes} from 'ics';
import {type Day, partsOfDay} from '../domain/calendar.js';
import {echeanceLabel, type ListedEcheance, shownText} from '../domain/echeances/index.js';
import {InputError} from '../domain/errors.js';
import {initials} from '../domain/text.js';
import {PRIVATE_MODE, renameWithRetry} from '../store/secureJsonFile.js';
import {systemReason} from '../store/systemError.js';

export interface CalendarOptions {
	/** full names in the summaries (--noms); initials otherwise */
	readonly names: boolean;
	/** replace an existing file (--force) */
	readonly overwrite: boolean;
	/** export time, for SEQUENCE (tests pass it) */
	readonly now?: Date;
}

const UID_DOMAIN = 'plie-triage';
/** SEQUENCE: minutes since this day, a number that grows from one export to the next */
const SEQUENCE_EPOCH = Date.UTC(2026, 0, 1);

function dateArray(day: Day): DateArray {
	const {year, month, day: dayOfMonth} = partsOfDay(day);
	return [year, month, dayOfMonth];
}

/** A short digest of the texts that identify a step or an event, so that no label appears in a UID. */
function digest(...parts: string[]): string {
	return createHash('sha256').update(parts.join('\u0000')).digest('base64url').slice(0, 16);
}

/**
 * The item's UID: participant and kind; for step kinds the step (label and start,
 * as an import identifies it), for rdv.planned the contact (date and type).
 */
export function echeanceUid(item: ListedEcheance): string {
	const who = encodeURIComponent(item.participant.id);
	const which =
		item.step !== undefined
			? `.${digest(item.step.label, item.step.start)}`
			: item.event !== undefined
				? `.${digest(item.event.date, item.event.type)}`
				: '';
	return `${item.kind}.${who}${which}@${UID_DOMAIN}`;
}

function summary(item: ListedEcheance, names: boolean): string {
	const name = shownText(item.participant.name);
	const who = names ? name : initials(name);
	return `${echeanceLabel(item.kind)} — ${who} (${shownText(item.participant.id)})`;
}

function description(item: ListedEcheance, names: boolean): string | undefined {
	// a step's label may say more than a calendar should (« Accompagnement santé »): with --noms only
	if (names && item.step !== undefined) return `Étape : ${shownText(item.step.label)}`;
	if (item.event !== undefined) return item.event.type;
	return undefined;
}

/** The iCalendar text of `items` (those a snooze hides are the caller's to leave out). */
export function calendarText(items: readonly ListedEcheance[], options: Pick<CalendarOptions, 'names' | 'now'>): string {
	const sequence = Math.max(0, Math.floor(((options.now ?? new Date()).getTime() - SEQUENCE_EPOCH) / 60_000));
	const seen = new Map<string, number>();
	const events: EventAttributes[] = items.map(item => {
		let uid = echeanceUid(item);
		// two steps with the same label and start: the second gets its own UID
		const count = (seen.get(uid) ?? 0) + 1;
		seen.set(uid, count);
		if (count > 1) uid = uid.replace(`@${UID_DOMAIN}`, `.${count}@${UID_DOMAIN}`);
		const text = description(item, options.names);
		return {
			uid,
			sequence,
			start: dateArray(item.due),
			end: dateArray(item.due + 1),
			title: summary(item, options.names),
			...(text === undefined ? {} : {description: text}),
			classification: 'PRIVATE',
			transp: 'TRANSPARENT',
			busyStatus: 'FREE',
		};
	});
	const {error, value} = createEvents(events, {productId: '-//PLIE//plie-triage//FR', method: 'PUBLISH', calName: 'Échéances PLIE'});
	if (error !== null || value === null) throw error ?? new Error('ics : calendrier vide');
	return value;
}

/**
 * link() puts the file in place only if no file of that name was created meanwhile
 * (EEXIST); false where the file system has no links, for a rename instead.
 */
async function linked(temp: string, file: string): Promise<boolean> {
	try {
		await fs.link(temp, file);
		return true;
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'EPERM' || code === 'ENOTSUP' || code === 'ENOSYS' || code === 'EOPNOTSUPP') return false;
		throw error;
	}
}

/** Writes the calendar to `file` (mode 0600, atomically); refuses to replace a file unless `overwrite`. */
export async function writeEcheancesCalendar(items: readonly ListedEcheance[], file: string, options: CalendarOptions): Promise<void> {
	const text = calendarText(items, options);
	const existing = await fs.lstat(file).catch(() => undefined);
	if (existing?.isDirectory()) throw new InputError(`${file} : c’est un dossier ; donnez un nom de fichier .ics.`);
	if (existing !== undefined && !options.overwrite) {
		throw new InputError(`${file} : le fichier existe déjà. Ajoutez --force pour le remplacer, ou choisissez un autre nom.`);
	}
	const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
	try {
		const handle = await fs.open(temp, 'wx', PRIVATE_MODE);
		try {
			await handle.writeFile(text, 'utf8');
		} finally {
			await handle.close();
		}
		await fs.chmod(temp, PRIVATE_MODE); // a restrictive file system may ignore open's mode
		if (options.overwrite || !(await linked(temp, file))) await renameWithRetry(temp, file);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'EEXIST' && !options.overwrite) {
			throw new InputError(`${file} : le fichier existe déjà. Ajoutez --force pour le remplacer, ou choisissez un autre nom.`);
		}
		const reason = systemReason(error);
		if (reason !== undefined) throw new InputError(`${file} : écriture impossible (${reason}).`);
		throw error;
	} finally {
		await fs.rm(temp, {force: true});
	}
}
