// What the user reads once the bilan workbook is written: the command `bilan`
// prints it, the « Bilan » screen's `E` shows it.
import {type Day, frenchDate} from '../domain/calendar.js';

export function bilanWrittenMessage(file: string, from: Day, to: Day, accompanied: number): string {
	return `Bilan du ${frenchDate(from)} au ${frenchDate(to)} écrit : ${file} (${accompanied} personne${accompanied > 1 ? 's' : ''} accompagnée${accompanied > 1 ? 's' : ''} sur la période).`;
}
