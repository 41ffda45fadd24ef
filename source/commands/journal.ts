// `plie-triage journal [--participant ID] [--referent NOM] [--depuis DATE] [--ordre chronologique]`:
// the trail of every change, undo and import, newest first (a person reviewing
// recent work reads the top), filtered as asked.
import {frenchDate, localToday} from '../domain/calendar.js';
import {UsageError} from '../domain/errors.js';
import {visibleText} from '../domain/text.js';
import {referentFilter} from '../domain/triage.js';
import {withCaseloadStore} from '../store/caseloadStore.js';
import type {JournalLine} from '../store/journal.js';
import {type CommandContext, requireCliDate} from './context.js';
import {formatJournalLine} from './journalText.js';
import {requireKnownReferent} from './referentCheck.js';

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
	const since = requireCliDate('depuis', context.flags.depuis as string | undefined, {today: context.today});
	const order = requireOrder(context.flags.ordre);
	// StoreError (exit 1) when the store or its journal is missing or unreadable
	const [store, journal] = await withCaseloadStore(
		context.storePath,
		async caseload => [{data: await caseload.read()}, await caseload.readJournal()] as const,
	);
	const referent = requireKnownReferent(context.referent, store.data.participants, context.storePath);
	for (const number of journal.unreadable) {
		process.stderr.write(`plie-triage : ${journal.where}, ligne ${number} illisible (ignorée).\n`);
	}
	const id = participant?.trim();
	// a journal line names a participant by id: their référent·e is the one the store holds now
	const inScope = referentFilter(context.referent);
	const referentOf = new Map(store.data.participants.map(p => [p.id, p.referent]));
	const kept = (line: JournalLine): boolean =>
		(id === undefined || line.participantId === id) &&
		(context.referent === undefined || (line.participantId !== undefined && inScope(referentOf.get(line.participantId)))) &&
		(since === undefined || localToday(new Date(line.time)) >= since);
	const lines = journal.lines.filter(kept);
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

