// `plie-triage journal [--participant ID] [--referent NOM] [--depuis DATE] [--ordre chronologique]`:
// the trail of every change, undo and import, newest first (a person reviewing
// recent work reads the top), filtered as asked.
import {frenchDate, localToday} from '../domain/calendar.js';
import {InputError, UsageError} from '../domain/errors.js';
import {referentFilter} from '../domain/triage.js';
import {type JournalLine, readJournal} from '../store/journal.js';
import {readStoreFile} from '../store/storeFile.js';
import {journalPath} from '../store/storePaths.js';
import {systemReason} from '../store/systemError.js';
import {type CommandContext, requireCliDate} from './context.js';
import {formatJournalLine} from './journalText.js';
import {requireKnownReferent} from './referentCheck.js';
import {settleAtOpening} from '../store/settleAtOpening.js';
import {resolveWriteTarget} from '../store/writeTarget.js';
import {visibleText} from '../domain/text.js';

const ORDERS = ['recent', 'chronologique'] as const;

function requireOrder(value: unknown): (typeof ORDERS)[number] {
	if (value === undefined) return 'recent';
	const order = ORDERS.find(order => order === String(value).trim().toLowerCase());
	if (order === undefined) throw new UsageError(`--ordre : « ${String(value)} » inconnu (attendu ${ORDERS.join(' ou ')}).`);
	return order;
}

export async function runJournal(context: CommandContext): Promise<void> {
	const participant = context.flags.participant;
	if (participant !== undefined && (typeof participant !== 'string' || participant.trim() === '')) {
		throw new UsageError('--participant : identifiant du bénéficiaire attendu.');
	}
	if (context.args.length > 0) throw new UsageError(`journal : argument en trop « ${context.args[0]} ».`);
	const since = requireCliDate('depuis', context.flags.depuis as string | undefined);
	const order = requireOrder(context.flags.ordre);
	// a write a crash interrupted is settled first: the journal shown agrees with the store
	await settleAtOpening(context.storePath);
	const store = await readStoreFile(context.storePath); // StoreError (exit 1) when missing or unreadable
	const referent = requireKnownReferent(context.referent, store.data.participants, context.storePath);
	// beside the store's real file (through a symbolic link, where the writers put it)
	const journalFile = journalPath(await resolveWriteTarget(context.storePath));
	let journal;
	try {
		journal = await readJournal(await resolveWriteTarget(context.storePath));
	} catch (error) {
		const reason = systemReason(error) ?? (error as Error).message;
		throw new InputError(`${visibleText(journalFile)} : lecture du journal impossible (${reason}).`);
	}
	for (const number of journal?.unreadable ?? []) {
		process.stderr.write(`plie-triage : ${visibleText(journalFile)}, ligne ${number} illisible (ignorée).\n`);
	}
	const id = participant?.trim();
	// a journal line names a participant by id: their référent·e is the one the store holds now
	const inScope = referentFilter(context.referent);
	const referentOf = new Map(store.data.participants.map(p => [p.id, p.referent]));
	const kept = (line: JournalLine): boolean =>
		(id === undefined || line.participantId === id) &&
		(context.referent === undefined || (line.participantId !== undefined && inScope(referentOf.get(line.participantId)))) &&
		(since === undefined || localToday(new Date(line.time)) >= since);
	const lines = (journal?.lines ?? []).filter(kept);
	if (order === 'recent') lines.reverse();
	const scope = [
		id === undefined ? '' : ` — bénéficiaire ${id}`,
		context.referent === undefined ? '' : ` — référent·e ${referent}`,
		since === undefined ? '' : ` — depuis le ${frenchDate(since)}`,
	].join('');
	if (lines.length === 0) {
		const whom = id === undefined ? '' : ` pour le bénéficiaire ${id}`;
		const filters = context.referent !== undefined || since !== undefined ? ` correspondant au filtre${scope}` : '';
		process.stdout.write(visibleText(`Journal vide : aucune modification enregistrée${whom}${filters} (${context.storePath}).`) + '\n');
		return;
	}
	const names = new Map(store.data.participants.map(p => [p.id, p.name]));
	const count = `${lines.length} entrée${lines.length > 1 ? 's' : ''}`;
	const sorted = order === 'recent' ? 'les plus récentes d’abord' : 'dans l’ordre chronologique';
	const heading = visibleText(`Journal de ${context.storePath}${scope} — ${count}, ${sorted}`);
	process.stdout.write([heading, '', ...lines.map(line => formatJournalLine(line, names) + '\n')].join('\n'));
}

