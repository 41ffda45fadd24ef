// Matching of words typed by people: case, accents and surrounding spaces ignored.

/** `  TERMINÉE ` → `terminee`; inner runs of spaces become one. */
export function foldText(text: string): string {
	return text
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/\s+/g, ' ')
		.trim();
}

/** Finds the canonical spelling of `input` in `vocabulary`, or undefined. */
export function matchVocabulary<T extends string>(vocabulary: readonly T[], input: string): T | undefined {
	const folded = foldText(input);
	return vocabulary.find(word => foldText(word) === folded);
}

/** Initials for discrétion mode: `DUPONT Marie-Claire` → `D. M.-C.` */
export function initials(name: string): string {
	return name
		.trim()
		.split(/\s+/)
		.filter(Boolean)
		.map(word => word.split('-').map(part => (part[0] ?? '').toUpperCase() + '.').join('-'))
		.join(' ');
}

/** A person's name as shown: initials in discrétion mode (screens, cellule workbook). */
export function displayName(participant: {readonly name: string}, discretion: boolean): string {
	return discretion ? initials(participant.name) : participant.name;
}

/**
 * Discrétion names for everyone shown together: initials, followed by the id
 * when two people share them (`Q. R. (p12)`), so that no two rows read alike.
 */
export function uniqueInitials(people: Iterable<{readonly id: string; readonly name: string}>): Map<string, string> {
	const list = [...people];
	const counts = new Map<string, number>();
	for (const person of list) {
		const short = initials(person.name);
		counts.set(short, (counts.get(short) ?? 0) + 1);
	}
	const names = new Map<string, string>();
	for (const person of list) {
		const short = initials(person.name);
		names.set(person.id, counts.get(short)! > 1 ? `${short} (${person.id})` : short);
	}
	return names;
}
