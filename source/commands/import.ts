// `plie-triage import FICHIER [--dry-run]` (REFERENTIEL §5.2).
//
// The import runs in a worker thread whose young generation is 96 MB instead of
// V8's 16 MB default: an import keeps every row of the file until it is all
// checked, and with the default each of ~250 scavenges copied those rows again
// (~1 s of a 4 s import at 10,000 participants; ~0.25 s in the larger space).
// Node sets that size only when an isolate is created, hence the worker.
import {Worker} from 'node:worker_threads';
import type {CommandContext} from './context.js';
import {InputError, UsageError} from '../domain/errors.js';
import type {ImportJob, ImportOutcome} from './importWorker.js';

const YOUNG_GENERATION_MB = 96;
/**
 * The import's heap, at most: with the young generation, the process stays under
 * 1 GB whatever the file (the reader's limits keep real files far below; this is
 * the net under them). The 50,000-person exchange workbook needs ~OLD_MB_NOTE.
 */
const OLD_GENERATION_MB = 700;

function runInWorker(job: ImportJob): Promise<ImportOutcome> {
	return new Promise((resolve, reject) => {
		const worker = new Worker(new URL('./importWorker.js', import.meta.url), {
			workerData: job,
			resourceLimits: {maxYoungGenerationSizeMb: YOUNG_GENERATION_MB, maxOldGenerationSizeMb: OLD_GENERATION_MB},
		});
		worker.once('message', resolve);
		worker.once('error', (error: Error & {code?: string}) => {
			if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
				reject(
					new InputError(
						`${job.file} : ce fichier demande plus de mémoire qu’un import n’en prend (${OLD_GENERATION_MB} Mo). ` +
							'Rien n’a été écrit ; importez-le en plusieurs fichiers plus petits.',
					),
				);
			} else reject(error); // the worker's own stack: the command line logs it as an unexpected failure
		});
		worker.once('exit', code => reject(new Error(`l’import s’est arrêté (code ${code}) sans donner de résultat`)));
	});
}

export async function runImport(context: CommandContext): Promise<void> {
	const [file, ...extra] = context.args;
	if (file === undefined) throw new UsageError('import : précisez le fichier à importer (plie-triage import FICHIER.xlsx).');
	if (extra.length > 0) throw new UsageError(`import : un seul fichier à la fois (reçu aussi « ${extra.join(' ')} »).`);
	const dryRun = context.flags.dryRun === true;
	const outcome = await runInWorker({file, storePath: context.storePath, today: context.today, dryRun});
	if (!outcome.ok) {
		// a user's error (a bad file, a store refused or locked…) by its exit code; anything else as it was
		if (outcome.exitCode === 2) throw new UsageError(outcome.message);
		if (outcome.exitCode === 1) throw new InputError(outcome.message);
		const error = Object.assign(new Error(outcome.message), {code: outcome.code, path: outcome.path, dest: outcome.dest});
		error.name = outcome.name;
		if (outcome.stack !== undefined) error.stack = outcome.stack;
		throw error;
	}
	const {result} = outcome;
	const {formatImportSummary} = await import('../io/importSummary.js');
	const {visibleLines, visibleText} = await import('../domain/text.js');
	// warnings quote the file's cells: shown inert
	for (const warning of result.warnings) process.stderr.write(`avertissement : ${visibleText(`${file} : ${warning}`)}\n`);
	process.stdout.write(visibleLines(formatImportSummary(result, context.storePath, dryRun, context.flags.details === true)));
}
