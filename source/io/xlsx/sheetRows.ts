// One worksheet's rows, as the spreadsheet shows them: each <c> of <sheetData>
// becomes a plain value — its shared or inline text (rich text joined, phonetic
// runs left out), its number, the day of a date cell (by its style, or t="d"),
// its boolean, or its error (t="e", and a formula whose result the file does not
// give), which the import reports instead of reading a blank. Rows without any
// value are not handed over; row and column numbers are the spreadsheet's own.
import {type CellError, type Plain, dayOfDateCell, plainText} from '../cells.js';
import type {SheetRow} from '../readSheets.js';
import {dayFromParts} from '../../domain/calendar.js';
import {LIMITS, frenchNumber} from './limits.js';
import {ReadRefusal, columnLetters} from './refusal.js';
import {StringItem, decodeEscapes, ownCopy} from './stringItem.js';
import {parseXml} from './xmlText.js';

export interface SheetSetting {
	readonly name: string;
	/** the shared-strings table, by index */
	readonly strings: readonly string[];
	/** for each style index, whether numbers show as dates */
	readonly dateStyles: readonly boolean[];
	readonly date1904: boolean;
	/** rows with values read so far in the whole workbook (one limit for all sheets) */
	readonly counted: {rows: number};
}

const CELL_REF = /^([A-Za-z]{1,3})(\d*)$/;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/;

/** A (1-based) column number from the letters of `A1`, or undefined. */
function columnOf(ref: string): number | undefined {
	const match = CELL_REF.exec(ref);
	if (match === null) return undefined;
	const letters = match[1]!.toUpperCase();
	let column = 0;
	for (let i = 0; i < letters.length; i++) column = column * 26 + (letters.charCodeAt(i) - 64);
	return column;
}

function error(text: string): CellError {
	return {error: text};
}

/** Reads the sheet's XML; yields the rows each chunk completed. Throws ReadRefusal (with the place). */
export async function* readSheetRows(chunks: AsyncIterable<Uint8Array>, setting: SheetSetting, part: string): AsyncGenerator<SheetRow[]> {
	const {strings, dateStyles, date1904, counted} = setting;
	const sharedPlain: Plain[] = new Array(strings.length);
	let batch: SheetRow[] = [];
	let inData = false;
	let values: Plain[] | undefined;
	let rowNumber = 0;
	let hasValue = false;
	// the cell being read
	let column = 0;
	let type = 'n';
	let style = -1;
	let inValue = false;
	let hasValueElement = false;
	let hasFormula = false;
	let inInline = false;
	let valueText = '';

	const refuse = (reason: string, withColumn = true): never => {
		throw new ReadRefusal(reason, {sheet: setting.name, row: rowNumber || undefined, column: withColumn && column > 0 ? columnLetters(column) : undefined});
	};
	const inline = new StringItem(reason => refuse(reason));

	const shared = (text: string): Plain => {
		const index = Number(text);
		if (!Number.isInteger(index) || index < 0 || index >= strings.length || text.trim() === '') {
			return refuse(`la cellule renvoie au texte partagé n° ${text.trim()}, qui n’existe pas : le classeur est abîmé.`);
		}
		let plain = sharedPlain[index];
		if (plain === undefined && !(index in sharedPlain)) sharedPlain[index] = plain = plainText(strings[index]!);
		return plain;
	};

	const number = (text: string): Plain => {
		if (text.trim() === '') return undefined;
		const n = Number(text);
		if (!Number.isFinite(n)) return error(`nombre illisible « ${text.slice(0, 40)} »`);
		if (style >= 0 && dateStyles[style] === true) {
			const day = dayOfDateCell(n, date1904);
			if (day !== undefined) return {day};
		}
		return n;
	};

	const isoDay = (text: string): Plain => {
		const match = ISO_DAY.exec(text.trim());
		const day = match === null ? undefined : dayFromParts(Number(match[1]), Number(match[2]), Number(match[3]));
		return day === undefined ? error(`date illisible « ${text.slice(0, 40)} »`) : {day};
	};

	const cellValue = (): Plain => {
		if (type === 'inlineStr') return plainText(inline.take());
		if (!hasValueElement) return hasFormula ? error('formule sans résultat enregistré') : undefined;
		switch (type) {
			case 'n':
				return number(valueText);
			case 's':
				return shared(valueText);
			case 'str': {
				const text = decodeEscapes(valueText);
				if (text.length > LIMITS.cellChars) refuse(`texte de plus de ${frenchNumber(LIMITS.cellChars)} caractères, au-delà de ce qu’Excel permet : refusé.`);
				return plainText(ownCopy(text));
			}
			case 'b':
				if (valueText.trim() === '1') return true;
				if (valueText.trim() === '0') return false;
				return error(`booléen illisible « ${valueText.slice(0, 40)} »`);
			case 'e':
				return error(valueText.trim() || '#ERREUR');
			case 'd':
				return isoDay(valueText);
			default:
				return error(`type de cellule inconnu « ${type.slice(0, 20)} »`);
		}
	};

	const handler = {
		open(name: string, attributes: Readonly<Record<string, string>>): void {
			if (!inData) {
				if (name === 'sheetData') inData = true;
				return;
			}
			if (inInline) {
				inline.open(name);
				return;
			}
			switch (name) {
				case 'c': {
					const ref = attributes.r;
					const at = ref === undefined ? column + 1 : columnOf(ref);
					column = at ?? column + 1;
					if (at === undefined) refuse(`référence de cellule illisible « ${ref!.slice(0, 20)} » : le classeur est abîmé.`, false);
					type = attributes.t ?? 'n';
					const s = attributes.s;
					style = s === undefined ? -1 : Number(s);
					hasValueElement = false;
					hasFormula = false;
					valueText = '';
					return;
				}
				case 'v':
					inValue = true;
					hasValueElement = true;
					return;
				case 'f':
					hasFormula = true;
					return;
				case 'is':
					inInline = true;
					return;
				case 'row': {
					const r = attributes.r;
					const next = r === undefined ? rowNumber + 1 : Number(r);
					// the row cannot be named by its number: placed after the last one read
					if (!Number.isInteger(next) || next < 1) {
						const after = rowNumber > 0 ? `, après la ligne ${rowNumber}` : '';
						throw new ReadRefusal(`numéro de ligne illisible « ${String(r).slice(0, 20)} »${after} : le classeur est abîmé.`, {sheet: setting.name});
					}
					rowNumber = next;
					if (rowNumber > LIMITS.rowNumber) refuse(`ligne au-delà de la ${frenchNumber(LIMITS.rowNumber)}e, le maximum d’Excel : le classeur est abîmé.`, false);
					values = [];
					hasValue = false;
					column = 0;
					return;
				}
				default:
					return;
			}
		},
		close(name: string): void {
			if (!inData) return;
			if (inInline) {
				if (name === 'is') inInline = false;
				else inline.close(name);
				return;
			}
			switch (name) {
				case 'v':
					inValue = false;
					return;
				case 'c': {
					const value = cellValue();
					if (value === undefined) return;
					if (column > LIMITS.columns) {
						refuse(`valeur au-delà de la colonne ${columnLetters(LIMITS.columns)} (${frenchNumber(LIMITS.columns)} colonnes au plus) : refusé.`);
					}
					if (values === undefined) refuse('cellule hors de toute ligne : le classeur est abîmé.');
					values![column] = value;
					hasValue = true;
					return;
				}
				case 'row':
					if (hasValue) {
						if (++counted.rows > LIMITS.rows) refuse(`plus de ${frenchNumber(LIMITS.rows)} lignes remplies dans le classeur (limite) : refusé.`, false);
						batch.push({number: rowNumber, values: values!});
					}
					values = undefined;
					column = 0;
					return;
				case 'sheetData':
					inData = false;
					return;
				default:
					return;
			}
		},
		text(text: string): void {
			if (inValue) {
				valueText += text;
				if (valueText.length > LIMITS.cellChars * 7) refuse(`valeur de plus de ${frenchNumber(LIMITS.cellChars)} caractères, au-delà de ce qu’Excel permet : refusé.`);
			} else if (inInline) inline.text(text);
		},
	};

	for await (const _ of parseXml(chunks, handler, part)) {
		if (batch.length > 0) {
			yield batch;
			batch = [];
		}
	}
}
