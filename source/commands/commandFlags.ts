// Which flags each command takes (issue 13, strict flags): a flag given to a
// command it does not apply to is a usage error naming the flag and the command,
// rather than silently ignored (`report --queue X` did nothing). Flag names are
// the camel-case keys of cli.tsx's FLAGS.
import {UsageError} from '../domain/errors.js';

export type CommandName = 'dashboard' | 'report' | 'import' | 'export' | 'journal' | 'demo' | 'bilan' | 'echeances' | 'db';

/**
 * `--data` (the store) and `--today` (the day of the calculation) are taken by every
 * command, as REFERENTIEL §6's synopsis shows them; a command that computes nothing
 * dated (journal, db) reads the same store on any day.
 */
const COMMON = ['data', 'today'] as const;

export const COMMAND_FLAGS: Readonly<Record<CommandName, readonly string[]>> = {
	dashboard: [...COMMON, 'referent', 'queue', 'demoIfMissing'],
	report: [...COMMON, 'referent', 'json', 'hideSnoozed'],
	import: [...COMMON, 'dryRun', 'details'],
	// export takes one of two shapes: see EXPORT_FLAGS
	export: [...COMMON, 'referent', 'cellule', 'echange', 'since', 'out', 'force', 'discret'],
	journal: [...COMMON, 'participant', 'referent', 'depuis', 'ordre'],
	demo: [...COMMON, 'force'],
	bilan: [...COMMON, 'referent', 'du', 'au', 'semestre', 'annee', 'json', 'out', 'force'],
	echeances: [...COMMON, 'referent', 'jusquAu', 'json', 'ics', 'noms', 'force'],
	db: [...COMMON, 'referent', 'coordination', 'from', 'to', 'force'],
};

/** `export --cellule` and `export --echange` take different flags. */
const EXPORT_FLAGS: Readonly<Record<'cellule' | 'echange', readonly string[]>> = {
	cellule: [...COMMON, 'referent', 'cellule', 'since', 'out', 'force', 'discret'],
	echange: [...COMMON, 'echange', 'out', 'force'],
};

const kebab = (name: string) => name.replace(/[A-Z]/g, letter => `-${letter.toLowerCase()}`);
const camel = (name: string) => name.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());

/** The long flags written in `argv` (before `--`), as FLAGS keys: `--jusqu-au=…` → jusquAu. */
export function flagsGiven(argv: readonly string[]): string[] {
	const names: string[] = [];
	for (const arg of argv) {
		if (arg === '--') break;
		const name = /^--([a-z][a-z-]*)(=|$)/.exec(arg)?.[1];
		if (name !== undefined && name !== 'help' && name !== 'version') names.push(camel(name));
	}
	return names;
}

/** Throws a UsageError when a flag of `given` does not apply to `command`. */
export function refuseForeignFlags(command: CommandName, given: readonly string[]): void {
	const mode = command === 'export' ? (given.includes('echange') ? 'echange' : given.includes('cellule') ? 'cellule' : undefined) : undefined;
	const allowed = mode === undefined ? COMMAND_FLAGS[command] : EXPORT_FLAGS[mode];
	const foreign = given.filter(flag => !allowed.includes(flag));
	if (foreign.length === 0) return;
	const what = command === 'dashboard' ? 'le tableau de bord' : `la commande ${command}${mode === undefined ? '' : ` --${mode}`}`;
	const names = [...new Set(foreign)].map(flag => `--${kebab(flag)}`).join(', ');
	const list = allowed.map(flag => `--${kebab(flag)}`).join(', ');
	throw new UsageError(`${names} : ne s’applique pas à ${what} (ses options : ${list} ; voir --help).`);
}
