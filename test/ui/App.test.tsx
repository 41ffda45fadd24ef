import {afterEach, describe, expect, it} from 'vitest';
import {toDay} from '../../source/domain/calendar.js';
import {demoCaseload} from '../../source/domain/demoCaseload.js';
import type {Participant} from '../../source/domain/model.js';
import {INDICATORS} from '../../source/domain/indicators.js';
import {DEFAULT_SETTINGS} from '../../source/domain/settings.js';
import {triage} from '../../source/domain/triage.js';
import {inOrder, person} from '../helpers/caseload.js';
import {KEYS, type Rendered, renderApp} from './renderApp.js';
import type {Binding} from '../../source/ui/keymap.js';

const T = '2026-11-22';
const demo = demoCaseload(toDay(T));
const counts = new Map(
	triage(demo, {today: toDay(T), settings: DEFAULT_SETTINGS, hideSnoozed: true}).indicators.map(i => [i.definition.id, i.entries]),
);

let app: Rendered | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

const lines = (frame: string) => frame.split('\n');
/** the line of the frame that holds `text` */
const lineWith = (frame: string, text: string) => lines(frame).find(line => line.includes(text)) ?? '';
/** a queue's table rows: between the title + headings and the status line + footer */
const tableRows = (frame: string) => lines(frame).slice(4, -2).filter(line => line.trim() !== '');

describe('dashboard', () => {
	it('shows every section and each indicator with its count, alerts marked with !', async () => {
		app = await renderApp(demo, {columns: 120, rows: 40});
		const frame = app.frame();
		for (const section of ['Effectifs', 'Parcours à rectifier', 'Inactivité', 'RSA / CER', 'Suivi']) expect(frame).toContain(section);
		expect(lineWith(frame, 'File active en parcours')).toMatch(new RegExp(`File active en parcours\\s+${counts.get('caseload.active')!.length}\\b`));
		expect(lineWith(frame, 'RSA dont le CER est échu')).toMatch(/! RSA dont le CER est échu\s+1\b/);
		// an info indicator is never marked, even with people in it
		expect(lineWith(frame, 'File active en parcours')).not.toContain('!');
		expect(counts.get('caseload.active')!.length).toBeGreaterThan(0);
	});

	it('does not mark an urgent indicator whose count is 0', async () => {
		app = await renderApp([inOrder(T, {id: 'OK-1'})], {columns: 120, rows: 40});
		expect(lineWith(app.frame(), 'Rythme')).not.toContain('!');
		expect(lineWith(app.frame(), 'Rythme')).toMatch(/\s0$/);
	});

	it('states referent, today, the store and the cellule with its preparation due date in the header', async () => {
		app = await renderApp(demo, {settings: {...DEFAULT_SETTINGS, nextCellule: '2026-12-08'}});
		// the due date follows once the holiday calendar is loaded (it is not waited for by the first frame)
		for (let i = 0; i < 100 && !app.frame().includes('02/12/2026'); i++) await new Promise(resolve => setTimeout(resolve, 20));
		const [first, second] = lines(app.frame());
		expect(first).toContain('Tous');
		expect(first).toContain('22/11/2026');
		expect(first).toContain('data/essai.json');
		expect(second).toContain('08/12/2026');
		expect(second).toContain('02/12/2026');
	});

	it('fits 80×24 in rows − 1 lines, no line wider than 80, all 27 indicators visible', async () => {
		app = await renderApp(demo, {columns: 80, rows: 24});
		const frame = app.frame();
		expect(lines(frame).length).toBeLessThanOrEqual(23);
		for (const line of lines(frame)) expect(line.length).toBeLessThanOrEqual(80);
		// where a long label does not fit, its section shows short labels, each telling its indicator apart
		for (const indicator of INDICATORS) expect(lines(frame).some(line => line.includes(indicator.label) || line.includes(`${indicator.shortLabel} `))).toBe(true);
		expect(frame).toContain('Veille > 2 mois');
		expect(frame).toContain("Phase d'accueil");
		expect(frame).toContain('> 24 mois sans prolongation');
		expect(lineWith(frame, 'Étapes à démarrer')).not.toContain('Étapes à terminer');
		expect(frame).toContain('Étapes à terminer');
	});

	it('re-lays out on resize, staying within the new height', async () => {
		app = await renderApp(demo, {columns: 200, rows: 60});
		expect(lineWith(app.frame(), 'Deux absences')).toContain('Deux absences injustifiées : à présenter en cellule');
		const small = await app.resize(60, 15);
		expect(lines(small).length).toBeLessThanOrEqual(14);
		for (const line of lines(small)) expect(line.length).toBeLessThanOrEqual(60);
		// the highlighted indicator stays on screen when moving down a narrow, short dashboard
		const moved = await app.press('G');
		expect(lineWith(moved, '›')).toContain('En veille depuis plus de 2 mois');
	});

	it('shows the footer keys and the highlighted indicator in full', async () => {
		app = await renderApp(demo);
		const frame = await app.press(KEYS.down, KEYS.down, KEYS.down, KEYS.down, KEYS.down, KEYS.down, KEYS.down, KEYS.down, KEYS.down);
		expect(lines(frame).at(-1)).toContain('q quitter');
		expect(lines(frame).at(-2)).toContain("Étapes 'Prévue' ou 'En cours' → 'Terminée' : 1");
	});

	it('moves between sections with ← and →', async () => {
		app = await renderApp(demo);
		const frame = await app.press(KEYS.right, KEYS.right);
		expect(lineWith(frame, '›')).toMatch(/›. Sans étape +\d/);
		expect(lineWith(await app.press(KEYS.left), '›')).toContain('Étapes à terminer');
	});
});

describe('queue', () => {
	it('opens with Enter on an indicator: its people in urgency order, n/N shown; Esc goes back', async () => {
		app = await renderApp(demo, {columns: 100, rows: 30});
		await app.press(...Array(16).fill(KEYS.down)); // rsa.no-contract
		let frame = await app.press(KEYS.down); // rsa.contract-expired
		expect(lineWith(frame, '›')).toContain('RSA dont le CER est échu');
		frame = await app.press(KEYS.up, KEYS.enter);
		const entries = counts.get('rsa.no-contract')!;
		expect(frame).toContain(`RSA sans date de contrat — 1/${entries.length}`);
		expect(frame).toContain("Jours depuis l'entrée");
		const ids = entries.map(e => e.id);
		const shown = tableRows(frame).filter(line => /DEMO-\d+/.test(line)).map(line => /DEMO-\d+/.exec(line)![0]);
		expect(shown).toEqual(ids);
		frame = await app.press(KEYS.down);
		expect(frame).toContain(`2/${entries.length}`);
		frame = await app.press(KEYS.escape);
		expect(frame).toContain('Effectifs');
		expect(lineWith(frame, '›')).toContain('RSA sans date de contrat');
	});

	it('shows the column that fits the indicator (CER end for RSA, months for durations)', async () => {
		app = await renderApp(demo, {queue: 'rsa.contract-lt15', columns: 100});
		expect(app.frame()).toContain('Fin CER');
		expect(app.frame()).toContain('Jours restants');
		app.unmount();
		app = await renderApp(demo, {queue: 'duration.18to24', columns: 100});
		expect(app.frame()).toContain('Mois en parcours');
		expect(app.frame()).toContain('Intégration');
	});

	it('renders only the visible rows of a 5,000-row queue and pages through it', async () => {
		const many: Participant[] = [];
		for (let i = 0; i < 5_000; i++) {
			many.push(inOrder(T, {id: `N${String(i).padStart(4, '0')}`, name: `NOMBREUX Personne${i}`, romeCode: undefined}));
		}
		app = await renderApp(many, {queue: 'followup.no-rome', columns: 80, rows: 24});
		let frame = app.frame();
		expect(frame).toContain('1/5000');
		expect(lines(frame).length).toBeLessThanOrEqual(23);
		expect(tableRows(frame).length).toBe(24 - 1 - 4 - 2); // rows − 1, minus header, status, footer, title, headings
		frame = await app.press(KEYS.pageDown);
		expect(frame).toMatch(/— \d+\/5000/);
		const position = Number(/— (\d+)\/5000/.exec(frame)![1]);
		expect(position).toBeGreaterThan(10);
		frame = await app.press('G');
		expect(frame).toContain('5000/5000');
		expect(lineWith(frame, '›')).toContain('N4999');
		frame = await app.press(KEYS.pageUp);
		expect(Number(/— (\d+)\/5000/.exec(frame)![1])).toBe(5000 - (position - 1));
		frame = await app.press('g');
		expect(frame).toContain('1/5000');
		expect(lineWith(frame, '›')).toContain('N0000');
	});

	it('filters by name or id, ignoring accents and case, and Esc clears the filter', async () => {
		const people = [
			inOrder(T, {id: 'A-1', name: 'DUPRÉ Élodie', romeCode: undefined}),
			inOrder(T, {id: 'B-2', name: 'MARTIN Jules', romeCode: undefined}),
			inOrder(T, {id: 'C-3', name: 'LEROY Anaïs', romeCode: undefined}),
		];
		app = await renderApp(people, {queue: 'followup.no-rome'});
		let frame = await app.press('/', 'e', 'L', 'o', 'd');
		expect(frame).toContain('DUPRÉ Élodie');
		expect(frame).not.toContain('MARTIN Jules');
		expect(frame).toContain('Filtre : eLod');
		frame = await app.press(KEYS.backspace, KEYS.backspace, KEYS.backspace, KEYS.backspace, 'b', '-', '2', KEYS.enter);
		expect(frame).toContain('MARTIN Jules');
		expect(frame).not.toContain('DUPRÉ');
		expect(frame).toContain('1 sur 3');
		// the filter is kept once validated; Enter now opens the one person left
		frame = await app.press(KEYS.enter);
		expect(frame).toContain('Statut : En parcours');
		frame = await app.press(KEYS.escape);
		expect(frame).toContain('1 sur 3');
		frame = await app.press(KEYS.escape);
		expect(frame).toContain('DUPRÉ Élodie');
		expect(frame).toContain('LEROY Anaïs');
		expect(frame).toContain('1/3');
	});

	it('handles keys that arrive in one burst (fast typing, paste) one by one', async () => {
		const people = [inOrder(T, {id: 'A-1', name: 'DUPRÉ Élodie', romeCode: undefined}), inOrder(T, {id: 'B-2', name: 'MARTIN Jules', romeCode: undefined})];
		app = await renderApp(people, {queue: 'followup.no-rome'});
		let frame = await app.press('/mart\r');
		expect(frame).toContain('1 sur 2');
		expect(frame).not.toContain('DUPRÉ');
		frame = await app.press('\r*');
		expect(frame).toContain('Statut : En parcours');
		expect(frame).toContain('M. J.');
		expect(frame).not.toContain('MARTIN');
	});

	it('filters the dashboard indicators too', async () => {
		app = await renderApp(demo);
		const frame = await app.press('/', 'c', 'e', 'r');
		expect(frame).toContain('RSA dont le CER est échu');
		expect(frame).not.toContain('File active');
		expect(await app.press(KEYS.escape)).toContain('File active');
	});

	it('opens directly on a queue with --queue, Esc leads to the dashboard', async () => {
		app = await renderApp(demo, {queue: 'steps.to-start'});
		expect(app.frame()).toContain(`Étapes 'Prévue' → 'En cours' — 1/${counts.get('steps.to-start')!.length}`);
		const frame = await app.press(KEYS.escape);
		expect(frame).toContain('Parcours à rectifier');
		expect(lineWith(frame, '›')).toContain('Étapes à démarrer');
	});
});

describe('participant', () => {
	it('shows identity, status, contract, steps to fix with why, events and indicators', async () => {
		const someone = inOrder(T, {
			id: 'Z-9',
			name: 'ZÉPHIR Noé',
			referent: 'MARTEL Inès',
			rsa: true,
			cafNumber: '7654321',
			franceTravailId: '1234567A',
			contractStart: '2026-06-01',
			contractEnd: '2026-12-01',
			steps: [
				{label: 'Formation CACES', type: 'Formation', start: '2026-09-01', end: '2026-11-10', state: 'En cours'},
				{label: 'Chantier espaces verts', type: 'Emploi', start: '2026-11-01', state: 'Prévue'},
			],
			events: [{date: '2026-11-18', type: 'Entretien individuel', note: 'Point CACES'}],
		});
		app = await renderApp([someone], {queue: 'steps.to-finish', columns: 120, rows: 30});
		const frame = await app.press(KEYS.enter);
		expect(frame).toContain('ZÉPHIR Noé · Z-9 · Référent·e : MARTEL Inès');
		expect(frame).toContain('Statut : En parcours');
		expect(frame).toContain('Intégration : 14/08/2026 (3 mois en parcours)');
		expect(frame).toContain('CER : 01/06/2026 → 01/12/2026 (9 jours restants)');
		expect(frame).toContain('CAF : 7654321');
		expect(lineWith(frame, 'Formation CACES')).toContain("! En cours");
		expect(lineWith(frame, 'Formation CACES')).toContain("fin dépassée : passer à 'Terminée'");
		expect(lineWith(frame, 'Chantier espaces verts')).toContain("commencée : passer à 'En cours'");
		expect(frame).toContain('18/11/2026  Entretien individuel — Point CACES');
		expect(frame).toContain("! Étapes 'Prévue' ou 'En cours' → 'Terminée'");
		expect(frame).toContain('RSA, échéance du CER < 15 jours');
		expect(frame).toContain('Fiche 1/1');
	});

	it('greys an acknowledged alert with its reason', async () => {
		const snoozed = inOrder(T, {id: 'S-1', romeCode: undefined, snoozes: [{indicator: 'followup.no-rome', reason: 'ROME en attente France Travail', until: '2026-12-31'}]});
		app = await renderApp([snoozed], {queue: 'caseload.active', columns: 120, rows: 30});
		const frame = await app.press(KEYS.enter);
		expect(lineWith(frame, 'Intégrés sans code ROME')).toContain("en attente jusqu'au 31/12/2026 : ROME en attente France Travail");
	});

	it('goes to the next and previous person of the queue with n and p', async () => {
		const ids = counts.get('followup.rhythm-late')!.map(e => e.id);
		app = await renderApp(demo, {queue: 'followup.rhythm-late', columns: 100, rows: 30});
		let frame = await app.press(KEYS.enter);
		expect(lines(frame)[2]).toContain(ids[0]);
		frame = await app.press('n');
		expect(lines(frame)[2]).toContain(ids[1]);
		expect(frame).toContain(`Fiche 2/${ids.length}`);
		frame = await app.press('n', 'p', 'p');
		expect(lines(frame)[2]).toContain(ids[0]);
		frame = await app.press('p');
		expect(frame).toContain('Première personne de la file.');
		frame = await app.press(KEYS.escape);
		expect(frame).toContain(`1/${ids.length}`);
	});

	it('moves a selected step with ↑/↓ and reports it to the edit commands', async () => {
		const seen: Array<{command: string; stepIndex?: number; participantId?: string}> = [];
		const someone = inOrder(T, {
			id: 'E-1',
			steps: [
				{label: 'Seconde', type: 'Emploi', start: '2026-10-01', state: 'En cours'},
				{label: 'Première', type: 'Formation', start: '2026-01-01', end: '2026-03-01', state: 'Terminée'},
			],
		});
		app = await renderApp([someone], {
			queue: 'caseload.active',
			onCommand: (command, selection) => {
				seen.push({command, ...selection});
			},
		});
		let frame = await app.press(KEYS.enter);
		// steps are shown by date: the first shown is the stored second
		expect(lineWith(frame, '›')).toContain('Première');
		frame = await app.press(KEYS.down);
		expect(lineWith(frame, '›')).toContain('Seconde');
		await app.press('t');
		expect(seen).toEqual([expect.objectContaining({command: 'step-finish', view: 'participant', participantId: 'E-1', stepIndex: 0})]);
		// the edit binding is in the generated help
		expect(await app.press('?')).toContain('étape → Terminée');
	});
});

describe('modes and overlays', () => {
	it('hides names and CAF / France Travail numbers in discrétion mode', async () => {
		const someone = inOrder(T, {id: 'D-1', name: 'DURAND-VIEL Marie-Claire', cafNumber: '7654321', franceTravailId: '1234567A', romeCode: undefined});
		app = await renderApp([someone], {queue: 'followup.no-rome'});
		let frame = await app.press('*');
		expect(frame).not.toContain('DURAND');
		expect(frame).toContain('D.-V. M.-C.');
		expect(frame).toContain('DISCRÉTION');
		frame = await app.press(KEYS.enter);
		expect(frame).not.toContain('DURAND');
		expect(frame).not.toContain('7654321');
		expect(frame).not.toContain('1234567A');
		frame = await app.press('*');
		expect(frame).toContain('DURAND-VIEL Marie-Claire');
		expect(frame).toContain('7654321');
	});

	it('shows the help generated from the keymap with ?, the screen’s keys first, its own keys in the footer; Esc closes it', async () => {
		app = await renderApp(demo);
		let frame = await app.press('?');
		expect(lines(frame)[3]).toBe('Tableau de bord (cet écran)');
		expect(frame).toContain('PgDn');
		expect(frame).toContain('section suivante');
		expect(lines(frame).length).toBeLessThanOrEqual(23);
		// the footer is the help's
		expect(lines(frame).at(-1)).toBe('↑↓ défiler  Échap fermer  q quitter');
		// the help is taller than 24 rows: its end is one key away, the other screens' keys there
		frame = await app.press('G');
		expect(frame).toContain('alerte à traiter');
		expect(frame).toContain('fermer le message');
		frame = await app.press(KEYS.escape);
		expect(frame).toContain('Effectifs');
		expect(lines(frame).at(-1)).toContain('? aide');
	});

	it('lists the fiche’s keys first when the help is opened from a fiche', async () => {
		app = await renderApp(demo, {queue: 'caseload.active'});
		await app.press(KEYS.enter);
		const frame = await app.press('?');
		expect(lines(frame)[3]).toBe('Fiche (cet écran)');
		expect(lines(frame)[4]).toContain('ligne précédente');
		expect(frame).toContain('étape → En cours');
		expect(frame).toContain('entretien individuel aujourd’hui');
	});

	it('scrolls the help when the keymap is taller than the screen', async () => {
		const extra: Binding[] = Array.from({length: 12}, (_, i) => ({command: `extra-${i}`, strokes: [{char: String(i % 10)}], label: `commande supplémentaire ${i}`, scopes: ['dashboard']}));
		const {KEYMAP} = await import('../../source/ui/keymap.js');
		app = await renderApp(demo, {bindings: [...KEYMAP, ...extra]});
		let frame = await app.press('?');
		expect(lines(frame).length).toBeLessThanOrEqual(23);
		expect(frame).not.toContain('commande supplémentaire 11');
		// the dashboard's own keys come first, the extras after them: a page or two down
		for (let page = 0; page < 3 && !frame.includes('commande supplémentaire 11'); page++) frame = await app.press(KEYS.pageDown);
		expect(frame).toContain('commande supplémentaire 11');
		expect(frame).toMatch(/lignes \d+-\d+ sur \d+/);
		frame = await app.press('G');
		expect(frame).toContain('alerte à traiter');
		frame = await app.press('g');
		expect(frame).toContain('ligne précédente');
	});

	it('scrolls a long list of steps with the selected step', async () => {
		const steps = Array.from({length: 30}, (_, i) => ({
			label: `Étape numéro ${i + 1}`,
			type: 'Atelier',
			start: `2026-0${1 + Math.floor(i / 10)}-${String(1 + (i % 10)).padStart(2, '0')}`,
			end: `2026-0${1 + Math.floor(i / 10)}-${String(2 + (i % 10)).padStart(2, '0')}`,
			state: 'Terminée' as const,
		}));
		app = await renderApp([inOrder(T, {id: 'L-1', steps: [...steps, {label: 'Étape en cours', type: 'Emploi', start: '2026-10-01', state: 'En cours'}]})], {queue: 'caseload.active'});
		let frame = await app.press(KEYS.enter);
		expect(lines(frame).length).toBeLessThanOrEqual(23);
		expect(frame).toContain('Étape numéro 1 ');
		// the cursor runs down the steps, then the events: the last step is 30 lines down
		frame = await app.press(...Array(30).fill(KEYS.down));
		expect(lineWith(frame, '›')).toContain('Étape en cours');
		expect(frame).not.toContain('Étape numéro 1 ');
		expect(frame).toMatch(/Étapes \(31\) — \d+-31 sur 31/);
		expect(lines(frame).length).toBeLessThanOrEqual(23);
	});

	it('chooses a referent with r: counts are recomputed for that caseload, then for everyone again', async () => {
		const people = [
			inOrder(T, {id: 'A-1', referent: 'MARTEL Inès'}),
			inOrder(T, {id: 'B-1', referent: 'ROUVRAY Karim'}),
			inOrder(T, {id: 'B-2', referent: 'ROUVRAY Karim'}),
		];
		app = await renderApp(people);
		expect(lineWith(app.frame(), 'File active')).toMatch(/\s3\s/);
		let frame = await app.press('r');
		expect(frame).toContain('Tous (3)');
		expect(frame).toContain('ROUVRAY Karim (2)');
		frame = await app.press(KEYS.down, KEYS.down, KEYS.enter);
		expect(lines(frame)[0]).toContain('ROUVRAY Karim');
		expect(lineWith(frame, 'File active')).toMatch(/\s2\s/);
		frame = await app.press('r', KEYS.home, KEYS.enter);
		expect(lines(frame)[0]).toContain('Tous');
		expect(lineWith(frame, 'File active')).toMatch(/\s3\s/);
	});

	it('narrows the referent list with the letters typed (type-ahead), q and g included', async () => {
		const people = [
			inOrder(T, {id: 'A-1', referent: 'MARTEL Inès'}),
			inOrder(T, {id: 'B-1', referent: 'ROUVRAY Karim'}),
			inOrder(T, {id: 'C-1', referent: 'GARNIER Quentin'}),
		];
		app = await renderApp(people);
		let frame = await app.press('r', 'ines');
		expect(frame).toContain('recherche : ines');
		expect(frame).toContain('MARTEL Inès (1)');
		expect(frame).not.toContain('ROUVRAY');
		expect(frame).not.toContain('Tous (');
		frame = await app.press(KEYS.backspace.repeat(4), 'q');
		expect(app.exited()).toBe(false);
		expect(frame).toContain('GARNIER Quentin (1)');
		expect(frame).not.toContain('MARTEL');
		frame = await app.press(KEYS.enter);
		expect(lines(frame)[0]).toContain('GARNIER Quentin');
		frame = await app.press('r', 'zz');
		expect(frame).toContain('Aucun nom ne contient « zz »');
		frame = await app.press(KEYS.enter, KEYS.escape);
		expect(lines(frame)[0]).toContain('GARNIER Quentin');
	});

	it('starts on the --referent caseload', async () => {
		const people = [person({id: 'X-1', referent: 'MARTEL Inès', firstAppointment: '2026-11-01'}), person({id: 'X-2', referent: 'ROUVRAY Karim', firstAppointment: '2026-11-01'})];
		app = await renderApp(people, {referent: 'martel ines'});
		expect(lineWith(app.frame(), "phase d'accueil")).toMatch(/\s1\s/);
		expect(lines(app.frame())[0]).toContain('MARTEL Inès');
		app.unmount();
		app = await renderApp(people, {referent: 'PERSONNE Inconnue'});
		expect(lines(app.frame())[0]).toContain('PERSONNE Inconnue (aucun dossier)');
	});

	it('quits with q from the participant view, Esc never quits', async () => {
		app = await renderApp(demo, {queue: 'caseload.active'});
		await app.press(KEYS.enter, KEYS.escape, KEYS.escape, KEYS.escape, KEYS.escape);
		expect(app.exited()).toBe(false);
		expect(app.frame()).toContain('Effectifs');
		await app.press(KEYS.enter, KEYS.enter, 'q');
		expect(app.exited()).toBe(true);
	});

	it('types q into the filter instead of quitting', async () => {
		app = await renderApp(demo, {queue: 'caseload.active'});
		const frame = await app.press('/', 'q');
		expect(app.exited()).toBe(false);
		expect(frame).toContain('Filtre : q');
	});
});
