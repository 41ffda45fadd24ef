// `plie-triage journal [--participant ID]`: the trail of every change, undo and import.
import {readJournal} from '../store/journal.js';
import {readStoreFile} from '../store/storeFile.js';
import {journalPath} from '../store/storePaths.js';
import type {CommandContext} from './context.js';
import {InputError, UsageError} from '../domain/errors.js';
import {formatJournalLine} from './journalText.js';
import {systemReason} from '../store/systemError.js';
import {settleAtOpening} from '../store/settleAtOpening.js';
import {resolveWriteTarget} from '../store/writeTarget.js';
import {visibleText} from '../domain/text.js';

export async function runJournal(context: CommandContext): Promise<void> {
	const participant = context.flags.participant;
	if (participant !== undefined && (typeof participant !== 'string' || participant.trim() === '')) {
		throw new UsageError('--participant : identifiant du bénéficiaire attendu.');
	}
	if (context.args.length > 0) throw new UsageError(`journal : argument en trop « ${context.args[0]} ».`);
	// a write a crash interrupted is settled first: the journal shown agrees with the store
	await settleAtOpening(context.storePath);
	const store = await readStoreFile(context.storePath); // StoreError (exit 1) when missing or unreadable
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
	const lines = (journal?.lines ?? []).filter(line => id === undefined || line.participantId === id);
	if (lines.length === 0) {
		const whom = id === undefined ? '' : ` pour le bénéficiaire ${id}`;
		process.stdout.write(visibleText(`Journal vide : aucune modification enregistrée${whom} (${context.storePath}).`) + '\n');
		return;
	}
	const names = new Map(store.data.participants.map(p => [p.id, p.name]));
	const count = `${lines.length} entrée${lines.length > 1 ? 's' : ''}`;
	const heading = visibleText(`Journal de ${context.storePath}${id === undefined ? '' : ` — bénéficiaire ${id}`} — ${count}`);
	process.stdout.write([heading, '', ...lines.map(line => formatJournalLine(line, names) + '\n')].join('\n'));
}
