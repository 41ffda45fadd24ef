// Placeholder until its issue lands: says so instead of failing obscurely.
import type {CommandContext} from './context.js';
import {UsageError} from './errors.js';

export async function runImport(_context: CommandContext): Promise<void> {
	throw new UsageError('la commande « import » n’est pas encore disponible dans cette version.');
}
