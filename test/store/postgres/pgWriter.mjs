// A plie-triage process editing a PostgreSQL base, for the two-terminal test:
// through the built code (npm run build first), as the dashboard (a session read
// once, edits saved one after the other) or as a command (store.update). Usage:
//   node pgWriter.mjs URL session|update TAG COUNT
// session: adds a step labelled TAG-i to SHARED; update: adds an event noted TAG-i.
// Prints "done N" at the end; a change not saved is said on stderr with exit 1.
import {addStep} from '../../../dist/domain/edits/index.js';
import {openCaseloadStore} from '../../../dist/store/caseloadStore.js';

const [url, mode, tag, countText] = process.argv.slice(2);
const count = Number(countText);
const store = await openCaseloadStore(url);
let done = 0;
try {
	const session = mode === 'session' ? await store.openSession() : undefined;
	for (let i = 0; i < count; i++) {
		if (session) {
			const outcome = await session.apply('SHARED', p => addStep(p, {label: `${tag}-${i}`, start: '2026-11-22'}));
			if (outcome.status !== 'saved') throw new Error(`${outcome.status} : ${outcome.message ?? ''}`);
		} else {
			await store.update(data => {
				data.participants.find(p => p.id === 'SHARED').events.push({date: '2026-11-22', type: 'Autre', note: `${tag}-${i}`});
				return [{participantId: 'SHARED', action: `note ${tag}-${i}`}];
			});
		}
		done++;
	}
} catch (error) {
	process.stderr.write(`plie-triage : ${error.message}\n`);
	process.exitCode = 1;
} finally {
	process.stdout.write(`done ${done}\n`);
	await store.close();
}
