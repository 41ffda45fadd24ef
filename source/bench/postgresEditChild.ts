// Child process: one edit round trip on a PostgreSQL base, as the dashboard makes
// it (EditingSession.apply: the row's UPDATE checked against its revision, with its
// journal line), repeated on different participants. Prints {runsMs}.
import {toDay} from '../domain/calendar.js';
import {recordInterview} from '../domain/edits/index.js';
import {openCaseloadStore} from '../store/caseloadStore.js';

const [url, todayText, countText] = process.argv.slice(2);
if (!url || !todayText) throw new Error('usage: postgresEditChild URL AAAA-MM-JJ [N]');
const today = toDay(todayText);
const count = Number(countText ?? 50);
const store = await openCaseloadStore(url);
try {
	const session = await store.openSession();
	const ids = session.data.participants.map(p => p.id);
	const runsMs: number[] = [];
	for (let i = 0; i < count; i++) {
		const id = ids[(i * 97) % ids.length]!;
		const start = performance.now();
		const outcome = await session.apply(id, p => recordInterview(p, today + 1 + i));
		runsMs.push(performance.now() - start);
		if (outcome.status !== 'saved') throw new Error(`${id} : ${outcome.status}`);
	}
	process.stdout.write(`${JSON.stringify({runsMs})}\n`);
} finally {
	await store.close();
}
