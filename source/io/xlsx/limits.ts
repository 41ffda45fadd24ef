// What an import file may hold. Sized from the exchange workbook of 50,000 people
// (≈ 1.25 million rows; 286 MB of XML, its largest sheet 162 MB, 4.2 MB of shared
// strings, compressed 7 to 9 times) with room to spare, and from Excel's own
// maxima where Excel has one. A file past any of them is refused with a French
// message before it can cost minutes or gigabytes; see the README.

const MiB = 1024 * 1024;

export const LIMITS = {
	/** uncompressed bytes of one part read (a sheet, the shared strings…) */
	partBytes: 512 * MiB,
	/** uncompressed bytes of all the parts read, together */
	totalBytes: 1024 * MiB,
	/** uncompressed / compressed size of a part; real workbooks stay under 15 */
	ratio: 100,
	/** parts smaller than this are not held to the ratio (tiny XML compresses very well) */
	ratioFloorBytes: 1 * MiB,
	/** entries in the zip's central directory (a workbook has a few dozen) */
	zipEntries: 10_000,
	/** sheets in a workbook */
	sheets: 1_000,
	/** row number, as Excel's maximum (1,048,576) */
	rowNumber: 1_048_576,
	/** rows holding a value, all sheets together */
	rows: 2_000_000,
	/** column of a cell holding a value: ALL (1,024; Excel allows 16,384, a PLIE export uses ~40) */
	columns: 1_024,
	/** characters in one cell, as Excel's maximum */
	cellChars: 32_767,
	/** texts in the shared-strings table */
	sharedStrings: 2_000_000,
	/** characters in the shared-strings table, together */
	sharedChars: 64 * MiB,
	/** characters the XML parser may take without ending a tag or a text (a cell is at most 32,767) */
	xmlPendingChars: 1 * MiB,
	/** bytes of a CSV file (a 50,000-person extraction is ~20 MB) */
	csvBytes: 128 * MiB,
} as const;

/** Numbers as the French write them: 1 048 576. */
export function frenchNumber(n: number): string {
	return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

/** Sizes in Mo (1 Mo = 1,048,576 bytes), as a file manager shows them. */
export function frenchMegabytes(bytes: number): string {
	return `${frenchNumber(Math.round(bytes / MiB))} Mo`;
}
