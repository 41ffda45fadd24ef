// The preview is replaced in place by the dashboard: it must show the same screen,
// with the counts the dashboard will show (read from the file's bytes).
import {render} from 'ink-testing-library';
import React from 'react';
import {afterEach, describe, expect, it} from 'vitest';
import {toDay} from '../../source/domain/calendar.js';
import {demoCaseload} from '../../source/domain/demoCaseload.js';
import {DEFAULT_SETTINGS} from '../../source/domain/settings.js';
import {scanStore} from '../../source/store/storeScan.js';
import {STORE_VERSION} from '../../source/store/storeBasics.js';
import {DashboardPreview} from '../../source/ui/DashboardPreview.js';
import {type Rendered, renderApp, settled} from './renderApp.js';

const T = '2026-11-22';
const demo = demoCaseload(toDay(T));

let app: Rendered | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

async function previewFrame(columns: number, rows: number, visible?: readonly string[]): Promise<string> {
	const file = Buffer.from(JSON.stringify({version: STORE_VERSION, settings: DEFAULT_SETTINGS, participants: demo}, null, 1));
	const scanned = scanStore(file, {today: toDay(T), hideSnoozed: true});
	expect(scanned).toBeDefined();
	const instance = render(
		<DashboardPreview queues={scanned!.queues} settings={scanned!.settings} storePath="data/essai.json" today={toDay(T)} color={false} visible={visible} />,
	);
	const stdout = instance.stdout as unknown as NodeJS.WriteStream & {emit: (event: string) => boolean};
	Object.defineProperty(stdout, 'columns', {value: columns, configurable: true});
	Object.defineProperty(stdout, 'rows', {value: rows, configurable: true});
	stdout.emit('resize');
	const frame = await settled(instance.lastFrame);
	instance.unmount();
	return frame;
}

describe('the dashboard preview', () => {
	it.each([
		[120, 40],
		[80, 24],
	])('at %i×%i, is the first frame of the dashboard, counts included', async (columns, rows) => {
		const preview = await previewFrame(columns, rows);
		app = await renderApp(demo, {columns, rows});
		// the same frame, but for the échéances' line, computed once the participants are read
		const line = /^Échéances : .*$/m;
		expect(preview).toMatch(/^Échéances : calcul en cours…$/m);
		expect(app.frame()).toMatch(/^Échéances : \d+ en retard · \d+ cette semaine/m);
		expect(preview.replace(line, 'Échéances')).toBe(app.frame().replace(line, 'Échéances'));
		expect(preview).toContain('Effectifs');
	});

	it('for a login that sees only some référent·es, names them in the header, as the dashboard does', async () => {
		const visible = ['PETIT Jules', 'MARTEL Inès'];
		const preview = await previewFrame(100, 30, visible);
		app = await renderApp(demo, {columns: 100, rows: 30, visible});
		expect(preview.split('\n')[0]).toContain('Référent·e : MARTEL Inès, PETIT Jules · 22/11/2026');
		const line = /^Échéances : .*$/m;
		expect(preview.replace(line, 'Échéances')).toBe(app.frame().replace(line, 'Échéances'));
	});
});
