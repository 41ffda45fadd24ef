// Why a file is refused while it is read, and where: the sheet, the row as the
// spreadsheet numbers it, the column as its letters. The import turns it into
// ImportFileError, naming the file first.

export interface Place {
	readonly sheet?: string;
	readonly row?: number;
	/** column letters (A, B… AA) */
	readonly column?: string;
}

export class ReadRefusal extends Error {
	constructor(
		/** French, without the place */
		readonly reason: string,
		readonly place: Place = {},
	) {
		super(reason);
		this.name = 'ReadRefusal';
	}
}

/** `feuille « Étapes », ligne 4, colonne C : …` (the parts that are known). */
export function describeRefusal(refusal: ReadRefusal): string {
	const where: string[] = [];
	if (refusal.place.sheet !== undefined) where.push(`feuille « ${refusal.place.sheet} »`);
	if (refusal.place.row !== undefined) where.push(`ligne ${refusal.place.row}`);
	if (refusal.place.column !== undefined) where.push(`colonne ${refusal.place.column}`);
	return where.length === 0 ? refusal.reason : `${where.join(', ')} : ${refusal.reason}`;
}

/** 1 → A, 27 → AA (Excel's column names). */
export function columnLetters(column: number): string {
	let letters = '';
	for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
	return letters;
}
