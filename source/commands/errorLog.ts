// An unexpected failure (a defect of the program, not of the user's files) is
// told on screen in one French sentence; its details — the stack, the command —
// go to a log next to the store, private (0600) like the store, for whoever
// maintains the tool. Never on screen: a stack trace means nothing to a référent.
import {chmod, open} from 'node:fs/promises';
import path from 'node:path';
import {systemReason} from '../store/systemError.js';

/** `data/caseload.json` → `data/caseload.erreurs.log`. */
export function errorLogPath(storePath: string): string {
	const base = path.basename(storePath).replace(/\.json$/i, '');
	return path.join(path.dirname(storePath), `${base}.erreurs.log`);
}

function details(error: unknown): string {
	if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
	return String(error);
}

/** Appends the failure to the log; returns the log's path, or why it could not be written (French). */
export async function writeErrorLog(storePath: string, error: unknown, argv: readonly string[]): Promise<{file: string} | {reason: string}> {
	const file = errorLogPath(storePath);
	const text = [`--- ${new Date().toISOString()} · node ${process.version} · plie-triage ${argv.join(' ')}`, details(error), ''].join('\n');
	try {
		const handle = await open(file, 'a', 0o600);
		try {
			await handle.writeFile(text, 'utf8');
		} finally {
			await handle.close();
		}
		await chmod(file, 0o600); // a log that existed with a wider mode
		return {file};
	} catch (failure) {
		return {reason: systemReason(failure) ?? 'écriture impossible'};
	}
}

/** The one sentence shown for an unexpected failure. */
export function unexpectedMessage(logged: {file: string} | {reason: string}): string {
	const where =
		'file' in logged
			? `Le détail est enregistré dans « ${logged.file} » : transmettez ce fichier à la personne qui maintient plie-triage.`
			: `Son détail n’a pas pu être enregistré (${logged.reason}).`;
	return `erreur inattendue (un défaut du programme, pas de vos données) ; le fichier de suivi n’est jamais écrit à moitié. ${where}`;
}
