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
