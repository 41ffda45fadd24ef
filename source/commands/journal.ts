// `plie-triage journal [--participant ID]`: the trail of every change, undo and import.
import {withCaseloadStore} from '../store/caseloadStore.js';
import type {CommandContext} from './context.js';
import {UsageError} from '../domain/errors.js';
import {formatJournalLine} from './journalText.js';

export async function runJournal(context: CommandContext): Promise<void> {
	const participant = context.flags.participant;
	if (participant !== undefined && (typeof participant !== 'string' || participant.trim() === '')) {
		throw new UsageError('--participant : identifiant du bénéficiaire attendu.');
	}
	if (context.args.length > 0) throw new UsageError(`journal : argument en trop « ${context.args[0]} ».`);
	// StoreError (exit 1) when the store is missing or unreadable
	const [store, journal] = await withCaseloadStore(
		context.storePath,
		async caseload => [{data: await caseload.read()}, await caseload.readJournal()] as const,
	);
	for (const number of journal.unreadable) {
		process.stderr.write(`plie-triage : ${journal.where}, ligne ${number} illisible (ignorée).\n`);
	}
	const id = participant?.trim();
	const lines = journal.lines.filter(line => id === undefined || line.participantId === id);
	if (lines.length === 0) {
		const whom = id === undefined ? '' : ` pour le bénéficiaire ${id}`;
		process.stdout.write(`Journal vide : aucune modification enregistrée${whom} (${context.storePath}).\n`);
		return;
	}
	const names = new Map(store.data.participants.map(p => [p.id, p.name]));
	const count = `${lines.length} entrée${lines.length > 1 ? 's' : ''}`;
	const heading = `Journal de ${context.storePath}${id === undefined ? '' : ` — bénéficiaire ${id}`} — ${count}`;
	process.stdout.write([heading, '', ...lines.map(line => formatJournalLine(line, names) + '\n')].join('\n'));
}
