import {afterEach, describe, expect, it} from 'vitest';
import {DEFAULT_SETTINGS} from '../../source/domain/settings.js';
import {inOrder} from '../helpers/caseload.js';
import {type Rendered, renderApp} from './renderApp.js';

let app: Rendered | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

async function eventually(read: () => string, text: string): Promise<string> {
	for (let i = 0; i < 100; i++) {
		const frame = read();
		if (frame.includes(text)) return frame;
		await new Promise(resolve => setTimeout(resolve, 20));
	}
	return read();
}

describe('header', () => {
	it('follows the jours ouvrés setting for the due date, and says when no cellule date is set', async () => {
		app = await renderApp([inOrder('2026-11-22')], {
			settings: {...DEFAULT_SETTINGS, nextCellule: '2026-12-08', workingDays: 'ouvres'},
			columns: 120,
			rows: 30,
		});
		// Monday to Friday only: 7, 4, 3, 2, 1 December (Saturday 5 no longer counts)
		expect(await eventually(() => app!.frame(), 'au plus tard le 01/12/2026')).toContain('au plus tard le 01/12/2026');
		app.unmount();
		app = await renderApp([inOrder('2026-11-22')], {columns: 120, rows: 30});
		expect(app.frame()).toContain('Cellule de suivi : date non renseignée');
	});

	it('says « Tous » for everyone, and names the référent·es of a login that sees only theirs (a base)', async () => {
		app = await renderApp([inOrder('2026-11-22')], {columns: 120, rows: 30});
		expect(app.frame().split('\n')[0]).toContain('Référent·e : Tous ·');
		app.unmount();
		app = await renderApp([inOrder('2026-11-22')], {columns: 120, rows: 30, visible: ['PETIT Jules', 'MARTEL Inès']});
		expect(app.frame().split('\n')[0]).toContain('Référent·e : MARTEL Inès, PETIT Jules ·');
	});

	it('a long list of référent·es is cut before the date and DISCRÉTION, which stay in sight at 80 columns', async () => {
		const visible = ['MARTEL Inès', 'PETIT Jules', 'ROUVRAY Karim', 'DURAND Élise', 'LEBRUN Ana'];
		app = await renderApp([inOrder('2026-11-22')], {columns: 80, rows: 24, visible});
		const frame = await app.press('*');
		const line = frame.split('\n')[0]!;
		expect(line).toContain('Référent·e : DURAND Élise, LEBRUN Ana');
		expect(line).toContain('· 22/11/2026 · DISCRÉTION');
		expect(line.length).toBeLessThanOrEqual(80);
	});
});
