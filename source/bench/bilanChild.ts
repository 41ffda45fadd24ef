// Child process: each table of the bilan (REFERENTIEL §8) computed alone over a
// period, on the parsed store, in a fresh process. Each call starts from the
// participants (scope and facts on D2 included), so a table's time is all it costs.
// Prints, per table, the first (cold) call and the following ones, in ms.
import {toDay} from '../domain/calendar.js';
import {BILAN_TABLES, bilanScope, type BilanTableId} from '../domain/bilan/index.js';
import {readStoreData} from '../store/readStore.js';

const [file, fromText, toText, runsText] = process.argv.slice(2);
if (!file || !fromText || !toText) throw new Error('usage: bilanChild STORE DU AU [RUNS]');
const data = await readStoreData(file);
const options = {from: toDay(fromText), to: toDay(toText), settings: data.settings};
const runs = Number(runsText ?? 9);
const tables: Record<string, {firstMs: number; runsMs: number[]}> = {};
for (const id of Object.keys(BILAN_TABLES) as BilanTableId[]) {
	const times: number[] = [];
	for (let i = 0; i <= runs; i++) {
		const start = performance.now();
		BILAN_TABLES[id](bilanScope(data.participants, options));
		times.push(performance.now() - start);
	}
	tables[id] = {firstMs: times[0]!, runsMs: times.slice(1)};
}
process.stdout.write(JSON.stringify({tables}) + '\n');
