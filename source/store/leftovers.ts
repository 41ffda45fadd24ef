// Temp files a killed writer left behind (`.caseload.json.PID.xxxx.tmp`, also for
// backups and the write's intent): they hold personal data, so they are removed at the next write. Every
// plie-triage writer takes the lock first, so under the lock a temp file is a
// leftover unless its process is still alive here and it is recent (a lock-less
// writer such as an older version could be mid-write).
import {promises as fs} from 'node:fs';
import path from 'node:path';
import {processAlive} from './processAlive.js';

const RECENT_MS = 60_000;

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Best effort: never fails the write it precedes. Returns the names removed. */
export async function removeLeftoverTemps(storeFile: string, now = Date.now()): Promise<string[]> {
	const dir = path.dirname(path.resolve(storeFile));
	const pattern = new RegExp(`^\\.${escapeRegExp(path.basename(storeFile))}(?:\\.bak\\d+|\\.pending)?\\.(\\d+)\\.[0-9a-f]+\\.tmp$`);
	const removed: string[] = [];
	try {
		for (const name of await fs.readdir(dir)) {
			const match = pattern.exec(name);
			if (!match) continue;
			const pid = Number(match[1]);
			if (pid === process.pid) continue;
			const full = path.join(dir, name);
			const stat = await fs.stat(full).catch(() => undefined);
			if (!stat) continue;
			if (processAlive(pid) && now - stat.mtimeMs < RECENT_MS) continue;
			await fs.rm(full, {force: true});
			removed.push(name);
		}
	} catch {
		// a folder we cannot list: the write itself will say what is wrong
	}
	return removed;
}
