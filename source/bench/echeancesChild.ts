// Child process: the échéances alone, on the parsed store as a screen holds it,
// in a fresh process: those of one référent·e (the screen's case: issue 16's
// 50 ms budget) and those of the whole caseload (what `echeances --json` computes).
// Prints the first (cold) call and the following ones, in ms.
import {toDay} from '../domain/calendar.js';
import {DEFAULT_HORIZON_DAYS, listEcheances} from '../domain/echeances/index.js';
import {readStoreData} from '../store/readStore.js';

const [file, todayText, runsText] = process.argv.slice(2);
if (!file || !todayText) throw new Error('usage: echeancesChild STORE AAAA-MM-JJ [RUNS]');
const data = await readStoreData(file);
const today = toDay(todayText);
const referent = data.participants[0]?.referent;
const options = {today, until: today + DEFAULT_HORIZON_DAYS, settings: data.settings};

function time(run: () => unknown, runs: number): {firstMs: number; runsMs: number[]} {
	const times: number[] = [];
	for (let i = 0; i <= runs; i++) {
		const start = performance.now();
		run();
		times.push(performance.now() - start);
	}
	return {firstMs: times[0]!, runsMs: times.slice(1)};
}

const runs = Number(runsText ?? 15);
const oneReferent = time(() => listEcheances(data.participants, {...options, referent}), runs);
const everyone = time(() => listEcheances(data.participants, options), Math.max(2, Math.floor(runs / 3)));
process.stdout.write(JSON.stringify({oneReferent, everyone}) + '\n');
