import {fileURLToPath} from 'node:url';
import {defineConfig} from 'vitest/config';

export default defineConfig({
	root: fileURLToPath(new URL('..', import.meta.url)),
	test: {
		include: ['test/**/*.test.{ts,tsx}'],
		testTimeout: 30_000,
		hookTimeout: 60_000,
		// PostgreSQL for the team-store tests: PLIE_TRIAGE_TEST_DATABASE_URL, or a
		// throwaway cluster started when a test first needs it (skipped, and said, without)
		globalSetup: ['test/helpers/pgGlobalSetup.ts'],
		// the screens under test stand for an interactive terminal, as the dashboard
		// command makes them (Ink would otherwise draw only its last frame when CI is set)
		env: {CI: 'false', CONTINUOUS_INTEGRATION: 'false'},
	},
});
