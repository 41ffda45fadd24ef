// Child process: the triage alone, on the parsed store as the dashboard holds it
// (facts and memberships kept), in a fresh process (the benchmark's own heap
// holds the generated caseloads).
// Prints the first (cold) call and the following ones, in ms.
import {toDay} from '../domain/calendar.js';
import {triage} from '../domain/triage.js';
import {readStoreData} from '../store/readStore.js';

const [file, todayText, runsText] = process.argv.slice(2);
if (!file || !todayText) throw new Error('usage: computeChild STORE AAAA-MM-JJ [RUNS]');
const data = await readStoreData(file);
const options = {today: toDay(todayText), settings: data.settings};
const times: number[] = [];
for (let i = 0; i <= Number(runsText ?? 15); i++) {
	const start = performance.now();
	triage(data.participants, options);
	times.push(performance.now() - start);
}
process.stdout.write(JSON.stringify({firstMs: times[0], runsMs: times.slice(1)}) + '\n');
