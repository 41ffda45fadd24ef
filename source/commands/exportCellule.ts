// Placeholder until its issue lands.
import type {CommandContext} from './context.js';
import {UsageError} from './errors.js';

export async function runExportCellule(_context: CommandContext): Promise<void> {
	throw new UsageError('cet export n’est pas encore disponible dans cette version.');
}
