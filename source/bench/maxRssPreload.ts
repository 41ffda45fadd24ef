// Preloaded with `node --import` where GNU time is missing: writes the process's
// peak RSS (KB) to PLIE_BENCH_RSS_FILE when it exits.
import {writeFileSync} from 'node:fs';

const file = process.env.PLIE_BENCH_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS), {mode: 0o600}));
