// Whose participants « all » means. On a file, or for a coordination login on a
// base, everyone's; for a login mapped to référent·es (REFERENTIEL §9, row-level
// security) only theirs: titles then name them, never « Tous », so that a
// référent·e's bilan or workbook does not read as the whole PLIE's.

/** The référent·es whose participants the store shows; undefined: everyone's. */
export type Visibility = readonly string[] | undefined;

const collator = new Intl.Collator('fr', {sensitivity: 'base', numeric: true});

/**
 * Whom a screen or a sheet is about: the référent·e chosen, else the référent·es
 * whose participants the store shows, in order; undefined when it is everyone
 * (then each caller says « Tous » in its own words).
 */
export function referentsShown(referent: string | undefined, visible: Visibility): string | undefined {
	if (referent !== undefined) return referent;
	if (visible === undefined || visible.length === 0) return undefined;
	return [...visible].sort(collator.compare).join(', ');
}
