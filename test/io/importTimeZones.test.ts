import {afterAll, afterEach, beforeEach, describe, expect, it} from 'vitest';
import {writeExchangeWorkbook} from '../../source/io/exchangeWorkbook.js';
import {importFile} from '../../source/io/importFile.js';
import {EXCHANGE_PARTICIPANT_HEADERS, TODAY, TempDir, dateCell, readStore, writeWorkbook} from './importHelpers.js';

const ORIGINAL_TZ = process.env.TZ;
const ZONES = ['Pacific/Kiritimati', 'America/Los_Angeles', 'Europe/Paris', 'UTC'];

let dir: TempDir;
beforeEach(() => {
	dir = new TempDir();
});
afterEach(() => dir.remove());
afterAll(() => {
	if (ORIGINAL_TZ === undefined) delete process.env.TZ;
	else process.env.TZ = ORIGINAL_TZ;
});

describe('date cells give the calendar date Excel shows, in every time zone', () => {
	for (const writeZone of ZONES) {
		it(`a workbook written under ${writeZone} reads the same dates under every zone`, async () => {
			process.env.TZ = writeZone;
			const file = await writeWorkbook(dir.file('dates.xlsx'), [
				{
					name: 'Bénéficiaires',
					rows: [
						EXCHANGE_PARTICIPANT_HEADERS,
						['D-1', '', 'TALO Rania', dateCell('1990-01-01'), 'Non', dateCell('2026-12-31'), '', ''],
						// a date cell with a time of day (Excel serial 46022.75 = 2025-12-31 18:00)
						['D-2', '', 'RIVEL Samir', 46022.75, 'Non', '', '', ''],
					],
				},
			]);
			const exported = dir.file('export.xlsx');
			await writeExchangeWorkbook([{id: 'D-3', name: 'ZARTA Léo', rsa: false, birthDate: '2000-02-29', steps: [], events: []}], exported);
			for (const readZone of ZONES) {
				process.env.TZ = readZone;
				const store = dir.file(`caseload-${readZone.replace('/', '-')}.json`);
				await importFile(file, {storePath: store, today: TODAY});
				await importFile(exported, {storePath: store, today: TODAY});
				const [d1, d2, d3] = readStore(store).participants;
				expect([d1!.birthDate, d1!.integrationDate, d2!.birthDate, d3!.birthDate]).toEqual(['1990-01-01', '2026-12-31', '2025-12-31', '2000-02-29']);
			}
		});
	}
});
