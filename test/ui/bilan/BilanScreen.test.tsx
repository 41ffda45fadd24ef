// The « Bilan » screen in the dashboard (ink-testing-library): `b` opens it, the
// period comes from the presets or two dates, the tables show what computeBilan
// gives, Entrée opens a row's people as a queue and Échap comes back.
import {afterEach, describe, expect, it} from 'vitest';
import {toDay} from '../../../source/domain/calendar.js';
import {type BilanRow, computeBilan} from '../../../source/domain/bilan/index.js';
import {demoCaseload} from '../../../source/domain/demoCaseload.js';
import type {Participant} from '../../../source/domain/model.js';
import {DEFAULT_SETTINGS} from '../../../source/domain/settings.js';
import {initials} from '../../../source/domain/text.js';
import {person} from '../../helpers/caseload.js';
import {KEYS, type Rendered, renderApp} from '../renderApp.js';

const T = '2026-11-22';

let app: Rendered | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

const lines = (frame: string) => frame.split('\n');
const lineWith = (frame: string, text: string) => lines(frame).find(line => line.includes(text)) ?? '';
/** the screen's line for a table row: the label, then the figure at the end */
const rowLine = (frame: string, label: string) => lines(frame).find(line => line.slice(3).startsWith(label)) ?? '';

/**
 * Four people whose 2026 figures are known by hand: A and B integrated, C not
 * (their first appointments in February–March), D integrated on 01/05 and gone on
 * 31/05 (a positive exit) with a step from the 11th to the 16th: gaps of 10 and 15 days.
 */
function caseload(): Participant[] {
	return [
		person({id: 'A1', name: 'ALBARET Zélie', referent: 'LEBRUN Ana', firstAppointment: '2026-02-01', integrationDate: '2026-03-01'}),
		person({id: 'B2', name: 'BONAFOUX Yves', referent: 'PRADEL Léo', firstAppointment: '2026-02-10', integrationDate: '2026-04-01'}),
		person({
			id: 'C3',
			name: 'CASTAGNOL Iris',
			referent: 'LEBRUN Ana',
			firstAppointment: '2026-03-01',
			nonIntegrationDate: '2026-04-15',
			nonIntegrationReason: 'Déménagement',
		}),
		person({
			id: 'D4',
			name: 'DURBAN Hugo',
			referent: 'PRADEL Léo',
			integrationDate: '2026-05-01',
			exitDate: '2026-05-31',
			exitType: 'Positive',
			exitReason: 'CDI',
			steps: [{label: 'Atelier CV', type: 'Atelier', start: '2026-05-11', end: '2026-05-16', state: 'Terminée'}],
		}),
	];
}

/** How the paper template writes a figure: 66,7 %, 12,5 j, a count, oui / non, — when absent. */
function paperFigure(row: BilanRow): string {
	if (row.kind === 'count') return String(row.participants.length);
	if (row.value === null) return '—';
	const decimal = row.value.toFixed(1).replace('.', ',');
	return row.unit === 'percent' ? `${decimal} %` : row.unit === 'days' ? `${decimal} j` : row.value === 1 ? 'oui' : 'non';
}

describe('the « Bilan » screen', () => {
	it('opens with b on the semester under way, and the presets change the period and the figures', async () => {
		app = await renderApp(caseload(), {today: T});
		let frame = await app.press('b');
		expect(frame).toContain('Période : [s Semestre en cours]  a Année en cours  p Année précédente  d Dates…');
		expect(frame).toContain('Semestre en cours : du 01/07/2026 au 22/11/2026');
		expect(frame).toContain('II.1 · Nombre de dossiers traités');
		// nobody had a first appointment since July
		expect(rowLine(frame, 'Nombre d’intégrations')).toMatch(/\s0$/);
		frame = await app.press('a');
		expect(frame).toContain('[a Année en cours]');
		expect(frame).toContain('Année en cours : du 01/01/2026 au 22/11/2026');
		expect(rowLine(frame, 'Nombre d’intégrations')).toMatch(/\s2$/);
		frame = await app.press('p');
		expect(frame).toContain('Année précédente : du 01/01/2025 au 31/12/2025');
		expect(rowLine(frame, 'Total de dossiers traités')).toMatch(/\s0$/);
		frame = await app.press('s');
		expect(frame).toContain('Semestre en cours : du 01/07/2026 au 22/11/2026');
	});

	it('takes the first semester in spring, up to today', async () => {
		app = await renderApp(caseload(), {today: '2026-03-15'});
		const frame = await app.press('b');
		expect(frame).toContain('Semestre en cours : du 01/01/2026 au 15/03/2026');
		// A and B integrated by 15/03? A only (B on 01/04)
		expect(rowLine(frame, 'Nombre d’intégrations')).toMatch(/\s1$/);
	});

	it('writes rates, mean days and absent values as the paper does', async () => {
		app = await renderApp(caseload(), {today: T, columns: 120, rows: 40});
		let frame = await app.press('b', 'a');
		// II.2: 2 integrations out of 3 files, below the protocol's 70 %
		expect(rowLine(frame, 'Taux d’intégration ')).toMatch(/Taux d’intégration\s+66,7 %$/);
		expect(rowLine(frame, 'Taux d’intégration inférieur')).toMatch(/\soui$/);
		expect(rowLine(frame, 'Intégrés ou non intégrés sur la période sans date de 1er RDV')).toMatch(/\s1$/);
		// → four tables on: II.5, then III.2.1 below it
		frame = await app.press(KEYS.right, KEYS.right, KEYS.right, KEYS.right);
		expect(lines(frame)[4]).toBe('II.5 · Sorties de l’accompagnement');
		expect(rowLine(frame, 'Taux d’insertion')).toMatch(/\s100,0 %$/);
		expect(rowLine(frame, 'A - Sorties positives')).toMatch(/\s12,5 j$/);
		expect(rowLine(frame, 'B - Sorties autres')).toMatch(/\s—$/);
		expect(rowLine(frame, 'Moyenne globale')).toMatch(/\s—$/);
	});

	it('shows every table of computeBilan with its section, title and each row’s figure (demo caseload, year)', async () => {
		const demo = demoCaseload(toDay(T));
		const bilan = computeBilan(demo, {from: toDay('2026-01-01'), to: toDay(T), settings: DEFAULT_SETTINGS});
		app = await renderApp(demo, {today: T, columns: 120, rows: 40});
		let frame = await app.press('b', 'a');
		for (const [t, table] of bilan.tables.entries()) {
			if (t > 0) frame = await app.press(KEYS.right);
			const shown = lines(frame);
			// the table's heading at the top of the list, its rows below it
			expect(shown[4], table.id).toBe(`${table.section} · ${table.title}`);
			const visible = Math.min(table.rows.length, shown.length - 7);
			for (let r = 0; r < visible; r++) {
				const row = table.rows[r]!;
				const line = shown[5 + r]!;
				if (table.id === 'liste-nominative') {
					expect(line).toContain(row.id);
					expect(line).toContain(row.label);
				} else {
					expect(line.slice(3).trimEnd(), `${table.id}/${row.id}`).toMatch(new RegExp(`^${escape(row.label)}\\s+${escape(paperFigure(row))}$`));
				}
			}
		}
	});

	it('Entrée opens the queue of a row’s people (a rate: the people it is computed over); Échap comes back to the same row', async () => {
		app = await renderApp(caseload(), {today: T});
		let frame = await app.press('b', 'a', KEYS.enter);
		expect(frame).toContain('Nombre d’intégrations (bilan II.1) — 1/2');
		expect(frame).toContain('ALBARET Zélie');
		expect(frame).toContain('BONAFOUX Yves');
		expect(frame).not.toContain('CASTAGNOL');
		expect(frame).not.toContain('DURBAN');
		// a fiche from there, then back to the queue, then to the bilan
		frame = await app.press(KEYS.enter);
		expect(frame).toContain('ALBARET Zélie');
		expect(frame).toContain('Fiche 1/2');
		frame = await app.press(KEYS.escape, KEYS.escape);
		expect(frame).toContain('Année en cours : du 01/01/2026 au 22/11/2026 · ligne 1 sur');
		expect(lineWith(frame, '›')).toContain('Nombre d’intégrations');
		// II.2's rate: over the 3 files that went to the commission
		frame = await app.press(...Array<string>(8).fill('j'));
		expect(lineWith(frame, '›')).toContain('Taux d’intégration');
		expect(frame).toContain('II.2 · Taux d’intégration : 66,7 % — Entrée : 3 personnes du calcul');
		frame = await app.press(KEYS.enter);
		expect(frame).toContain('Taux d’intégration (bilan II.2) — 1/3');
		for (const name of ['ALBARET Zélie', 'BONAFOUX Yves', 'CASTAGNOL Iris']) expect(frame).toContain(name);
		frame = await app.press(KEYS.escape);
		expect(lineWith(frame, '›')).toContain('Taux d’intégration');
		// an empty row has no queue
		frame = await app.press('g', 'j', 'j', KEYS.enter);
		expect(frame).toContain('Personne sur cette ligne');
		expect(frame).toContain('II.1 · Nombre de dossiers traités');
		// Échap from the bilan: the dashboard
		frame = await app.press(KEYS.escape);
		expect(frame).toContain('Effectifs');
		expect(frame).not.toContain('Période :');
	});

	it('opens the same row’s queue afresh after the period changed (the new period’s people)', async () => {
		app = await renderApp(caseload(), {today: T});
		// the exercice table (9th): « entrés » = integrated during the period
		await app.press('b', 'a', ...Array<string>(8).fill(KEYS.right), 'j');
		let frame = await app.press(KEYS.enter);
		expect(frame).toContain('Nombre de bénéficiaires entrés sur l’exercice (bilan Visual Course) — 1/3');
		await app.press(KEYS.escape, 'd', '01/03/2026', KEYS.tab, '15/03/2026', KEYS.enter);
		frame = await app.press(KEYS.enter);
		expect(frame).toContain('Nombre de bénéficiaires entrés sur l’exercice (bilan Visual Course) — 1/1');
		expect(frame).toContain('ALBARET Zélie');
		expect(frame).not.toContain('DURBAN');
	});

	it('counts only the référent·e chosen with r, in the tables and in the queues', async () => {
		app = await renderApp(caseload(), {today: T});
		await app.press('b', 'a', 'r');
		let frame = await app.press('LEBRUN', KEYS.enter);
		expect(frame).toContain('Référent·e : LEBRUN Ana');
		const bilan = computeBilan(caseload(), {from: toDay('2026-01-01'), to: toDay(T), settings: DEFAULT_SETTINGS, referent: 'LEBRUN Ana'});
		const taux = bilan.tables.find(t => t.id === 'taux-integration')!.rows.find(r => r.id === 'taux')!;
		expect(paperFigure(taux)).toBe('50,0 %');
		expect(rowLine(frame, 'Taux d’intégration ')).toMatch(/\s50,0 %$/);
		frame = await app.press(KEYS.enter);
		expect(frame).toContain('Nombre d’intégrations (bilan II.1) — 1/1');
		expect(frame).toContain('ALBARET Zélie');
		expect(frame).not.toContain('BONAFOUX');
	});

	it('takes two dates typed in a form, and refuses a period that ends before it starts', async () => {
		app = await renderApp(caseload(), {today: T});
		let frame = await app.press('b', 'd');
		expect(frame).toContain('Bilan : période du … au …');
		expect(frame).toContain('Du : 01/07/2026');
		expect(frame).toContain('Entrée valider');
		frame = await app.press('01/03/2026', KEYS.tab, '01/02/2026', KEYS.enter);
		expect(frame).toContain('Le début de la période (01/03/2026) est après sa fin (01/02/2026).');
		frame = await app.press(KEYS.tab, '01/02/2026', KEYS.tab, '30/04/2026', KEYS.enter);
		expect(frame).toContain('[d Dates]');
		expect(frame).toContain('Dates choisies : du 01/02/2026 au 30/04/2026');
		// A, B and C had their first appointment in February–March
		expect(rowLine(frame, 'Total de dossiers traités')).toMatch(/\s3$/);
		// Échap in the form changes nothing
		frame = await app.press('d', '01/01/2020', KEYS.escape);
		expect(frame).toContain('Dates choisies : du 01/02/2026 au 30/04/2026');
	});

	it('fits the terminal at 80×24 and 120×40, drawing only the lines on screen; discrétion shows initials', async () => {
		const demo = demoCaseload(toDay(T));
		const nominative = computeBilan(demo, {from: toDay('2026-01-01'), to: toDay(T), settings: DEFAULT_SETTINGS}).tables.at(-1)!;
		expect(nominative.rows.length).toBeGreaterThan(40);
		const first = nominative.rows[0]!;
		const last = nominative.rows.at(-1)!;
		app = await renderApp(demo, {today: T});
		let frame = await app.press('b', 'a');
		expect(lines(frame).length).toBeLessThanOrEqual(23);
		frame = await app.press('G');
		expect(lines(frame).length).toBeLessThanOrEqual(23);
		expect(lineWith(frame, '›')).toContain(last.label);
		expect(frame).not.toContain(first.id);
		expect(frame).toContain(`Annexe 5 · ${last.label} : ${last.id} — Entrée : 1 personne`);
		frame = await app.press('*');
		expect(frame).not.toContain(last.label);
		expect(lineWith(frame, '›')).toContain(initials(last.label));
		frame = await app.resize(120, 40);
		expect(lines(frame).length).toBeLessThanOrEqual(39);
		expect(lineWith(frame, '›')).toContain(last.id);
	});
});

function escape(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
