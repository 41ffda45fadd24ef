// A second plie-triage process for the concurrency tests: writes the store many
// times through the built code (run `npx tsc -p .` first), as `import` or the
// dashboard would. Usage:
//   node writer.mjs STORE update|apply TAG COUNT|forever [STALE_MS]
// update: adds an event noted TAG-i to participant SHARED with updateStore (the command path);
// apply:  adds a step labelled TAG-i with applyChange from a base read once (the dashboard path).
// Prints "saved i" after each change and "done N" at the end; on failure the French message on stderr and exit 1.
import {addStep} from '../../dist/domain/edits/index.js';
import {applyChange} from '../../dist/store/applyChange.js';
import {readStoreFile} from '../../dist/store/storeFile.js';
import {updateStore} from '../../dist/store/transaction.js';

const [file, mode, tag, countText, staleText] = process.argv.slice(2);
const count = countText === 'forever' ? Infinity : Number(countText);
const lock = staleText ? {staleMs: Number(staleText)} : undefined;
let done = 0;

async function updateOnce(i) {
	await updateStore(
		file,
		data => {
			const shared = data.participants.find(p => p.id === 'SHARED');
			shared.events.push({date: '2026-11-22', type: 'Autre', note: `${tag}-${i}`});
			return [{participantId: 'SHARED', action: `note ${tag}-${i}`}];
		},
		{lock},
	);
}

let base;
async function applyOnce(i) {
	base ??= (await readStoreFile(file)).data.participants.find(p => p.id === 'SHARED');
	const outcome = await applyChange(file, base, p => addStep(p, {label: `${tag}-${i}`, start: '2026-11-22'}), {lock});
	if (outcome.status !== 'saved') throw new Error(outcome.message ?? outcome.status);
	base = outcome.participant;
}

try {
	for (let i = 0; i < count; i++) {
		await (mode === 'apply' ? applyOnce(i) : updateOnce(i));
		done++;
		process.stdout.write(`saved ${i}\n`);
	}
	process.stdout.write(`done ${done}\n`);
} catch (error) {
	process.stdout.write(`done ${done}\n`);
	process.stderr.write(`plie-triage : ${error.message}\n`);
	process.exitCode = 1;
}
