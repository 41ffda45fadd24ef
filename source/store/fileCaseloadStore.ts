// The JSON file as a CaseloadStore: today's functions, wrapped. Modules are loaded
// when a method needs them, so that `report` loads only its byte scanner.
import {access} from 'node:fs/promises';
import type {TriageQueues} from '../domain/triage.js';
import type {CaseloadStore, JournalRead, ReadOptions, StoreChange, TriageScope, UpdateOptions} from './caseloadStore.js';
import type {EditingSession} from './editingSession.js';
import type {JournalContext, JournalEntry} from './journal.js';
import type {StoreData} from './schema.js';
import {StoreError} from './storeBasics.js';

export class FileCaseloadStore implements CaseloadStore {
	readonly kind = 'file';
	/** a file holds everyone's participants: whoever may read it reads them all */
	readonly visible = undefined;

	constructor(readonly location: string) {}

	async read(options: ReadOptions = {}): Promise<StoreData> {
		if (options.create && !(await exists(this.location))) return (await import('./schema.js')).emptyStore();
		return (await import('./readStore.js')).readStoreData(this.location);
	}

	async triage(scope: TriageScope): Promise<TriageQueues> {
		return (await import('./readTriage.js')).triageStoreFile(this.location, scope);
	}

	async namesOf(ids: readonly string[]): Promise<Map<string, string>> {
		const wanted = new Set(ids);
		return new Map((await this.read()).participants.filter(p => wanted.has(p.id)).map(p => [p.id, p.name]));
	}

	async update(change: StoreChange, options: UpdateOptions = {}): Promise<{data: StoreData; entries: JournalEntry[]}> {
		return (await import('./transaction.js')).updateStore(this.location, change, options);
	}

	async tryUpdate(change: StoreChange, options: ReadOptions = {}): Promise<{data: StoreData; entries: JournalEntry[]}> {
		// read as the update would, with the light reader (bytes, not a 310 MB string, for a large store)
		const data = await this.read(options);
		return {data, entries: await change(data)};
	}

	async openSession(options: JournalContext = {}): Promise<EditingSession> {
		const [{storeRevision}, {readStoreData}, {EditSession}] = await Promise.all([
			import('./storeBasics.js'),
			import('./readStore.js'),
			import('./editSession.js'),
		]);
		// taken before the read: a colleague's save during the read is seen by the first check
		const revision = await storeRevision(this.location);
		return new EditSession(this.location, await readStoreData(this.location), options, revision);
	}

	async readJournal(): Promise<JournalRead> {
		const [{readJournal}, {journalPath}, {systemReason}, {settleAtOpening}, {resolveWriteTarget}, {visibleText}] = await Promise.all([
			import('./journal.js'),
			import('./storePaths.js'),
			import('./systemError.js'),
			import('./settleAtOpening.js'),
			import('./writeTarget.js'),
			import('../domain/text.js'),
		]);
		// a write a crash interrupted is settled first: the journal read agrees with the store
		await settleAtOpening(this.location);
		// beside the store's real file (through a symbolic link, where the writers put it)
		const target = await resolveWriteTarget(this.location);
		const where = visibleText(journalPath(target));
		try {
			const journal = await readJournal(target);
			return {lines: journal?.lines ?? [], unreadable: journal?.unreadable ?? [], where};
		} catch (error) {
			throw new StoreError(where, `lecture du journal impossible (${systemReason(error) ?? (error as Error).message}).`);
		}
	}

	async close(): Promise<void> {}
}

async function exists(file: string): Promise<boolean> {
	return access(file).then(
		() => true,
		() => false,
	);
}
