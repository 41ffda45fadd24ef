// `plie-triage import FICHIER [--dry-run]` (REFERENTIEL §5.2).
import type {CommandContext} from './context.js';
import {InputError, UsageError} from '../domain/errors.js';

export async function runImport(context: CommandContext): Promise<void> {
	const [file, ...extra] = context.args;
	if (file === undefined) throw new UsageError('import : précisez le fichier à importer (plie-triage import FICHIER.xlsx).');
	if (extra.length > 0) throw new UsageError(`import : un seul fichier à la fois (reçu aussi « ${extra.join(' ')} »).`);
	const dryRun = context.flags.dryRun === true;
	const {importFile} = await import('../io/importFile.js');
	const {ImportFileError, ImportRejectedError} = await import('../io/faults.js');
	const {formatImportSummary} = await import('../io/importSummary.js');
	let result;
	try {
		result = await importFile(file, {storePath: context.storePath, today: context.today, dryRun});
	} catch (error) {
		if (error instanceof ImportFileError || error instanceof ImportRejectedError) throw new InputError(error.message);
		throw error;
	}
	for (const warning of result.warnings) process.stderr.write(`avertissement : ${file} : ${warning}\n`);
	process.stdout.write(formatImportSummary(result, context.storePath, dryRun));
}
