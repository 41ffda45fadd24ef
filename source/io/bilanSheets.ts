// The bilan workbook's sheets, laid out as the seeds' templates are (000_… §II–III
// and Annex 5, 002_… §IV.A): each table as lines of cells — the same headings, the
// letters row (A, B, C=A+B, A/C…), the same row wording — and the two lists of
// people (Annex 5, Personnes) as printedSheet.ts tables, under their titles. No
// exceljs here: the layout can be read and tested apart from the writing (bilanWorkbook.ts).
import {referentsShown} from '../domain/visibility.js';
import {type Day, frenchDate} from '../domain/calendar.js';
import {type Bilan, type BilanRow, type BilanTable, type BilanTableId, bilanTable} from '../domain/bilan/index.js';
import {lastStartedStep, nextStepAfter} from '../domain/bilan/roster.js';
import {stepTitle} from '../domain/celluleSteps.js';
import {dayOf} from '../domain/facts.js';
import type {Participant, Step} from '../domain/model.js';
import type {CellValue, Column, PreambleLine, SheetTable} from './printedSheet.js';
import type {PaperSize} from './workbookPrint.js';

export type SheetCell =
	| {readonly kind: 'text'; readonly text: string}
	| {readonly kind: 'count'; readonly value: number}
	/** a percentage as §8 gives it (66.7), null when absent */
	| {readonly kind: 'percent'; readonly value: number | null}
	/** a mean in days, null when absent */
	| {readonly kind: 'days'; readonly value: number | null}
	| {readonly kind: 'date'; readonly day: Day}
	| undefined;

/**
 * title: the sheet's title; subtitle: period and référent·e; heading: a table's
 * column headings; letters: the template's A / B / C=A+B row; row: a table row;
 * total: a total row; section: a group heading inside a table; note: an
 * explanation under a table, across its width.
 */
export type LineStyle = 'title' | 'subtitle' | 'heading' | 'letters' | 'row' | 'total' | 'section' | 'note' | 'blank';

export interface SheetLine {
	readonly style: LineStyle;
	readonly cells: readonly SheetCell[];
}

/** A table of the report, laid out as its template, on one page. */
export interface FormSheet {
	readonly kind: 'form';
	readonly name: string;
	/** column widths, in characters */
	readonly widths: readonly number[];
	readonly lines: readonly SheetLine[];
	/** lines 1…n printed again at the top of every page */
	readonly repeatedLines: number;
}

/** A list of people (Annex 5, Personnes), written by printedSheet.ts under its title lines. */
export interface ListSheet {
	readonly kind: 'list';
	readonly table: SheetTable;
	readonly preamble: readonly PreambleLine[];
	/** the single row of a list without anyone */
	readonly emptyText: string;
	readonly paper: PaperSize;
}

export type BilanSheet = FormSheet | ListSheet;

export interface SheetOptions {
	/** the day the workbook is written */
	readonly today: Day;
}

const text = (value: string | undefined): SheetCell => (value === undefined || value === '' ? undefined : {kind: 'text', text: value});
const count = (value: number): SheetCell => ({kind: 'count', value});
const pct = (value: number | null): SheetCell => ({kind: 'percent', value});
const date = (day: Day | undefined): SheetCell => (day === undefined ? undefined : {kind: 'date', day});

function row(table: BilanTable, id: string): BilanRow {
	const found = table.rows.find(r => r.id === id);
	if (found === undefined) throw new Error(`ligne ${id} absente de ${table.id}`);
	return found;
}

/** A row's figure as a cell: its count, or its value in the row's unit. */
function figure(table: BilanTable, id: string): SheetCell {
	const r = row(table, id);
	if (r.kind === 'count') return count(r.participants.length);
	if (r.unit === 'percent') return pct(r.value);
	if (r.unit === 'days') return {kind: 'days', value: r.value};
	return text(r.value === null ? '—' : r.value === 1 ? 'Oui' : 'Non');
}

const line = (style: LineStyle, ...cells: SheetCell[]): SheetLine => ({style, cells});
const blank: SheetLine = {style: 'blank', cells: []};

export const SHEET_NAMES: Readonly<Record<BilanTableId, string>> = {
	dossiers: 'II.1 Dossiers traités',
	'taux-integration': 'II.2 Taux d’intégration',
	'motifs-non-integration': 'II.3 Non-intégrations',
	'cumul-integrations': 'II.4 Cumul des intégrations',
	sorties: 'II.5 Sorties',
	'inter-etapes': 'III.2.1 Inter-étapes',
	inactifs: 'III.2.2 Parcours inactifs',
	durees: 'III.2.3 Durées de parcours',
	exercice: 'Effectif de l’exercice',
	rsa: 'RSA chiffres-clés',
	'liste-nominative': 'Annexe 5 Liste nominative',
};
export const PEOPLE_SHEET = 'Personnes';

/** The two lines every sheet starts with: what it is, for which period and whom. */
function header(bilan: Bilan, title: string, options: SheetOptions): SheetLine[] {
	const names = referentsShown(bilan.referent, bilan.visible);
	const who = names === undefined ? 'tous les référent·es' : `référent·e : ${names}`;
	return [
		line('title', text(title)),
		line('subtitle', text(`Période du ${frenchDate(bilan.from)} au ${frenchDate(bilan.to)} — ${who} — établi le ${frenchDate(options.today)} par plie-triage`)),
		blank,
	];
}

function sheet(name: string, widths: number[], head: SheetLine[], body: SheetLine[]): FormSheet {
	// a table fits one page; its title lines are the ones to repeat should it not
	return {kind: 'form', name, widths, lines: [...head, ...body], repeatedLines: head.length};
}

function dossiers(bilan: Bilan, options: SheetOptions): BilanSheet {
	const t = bilanTable(bilan, 'dossiers');
	return sheet(SHEET_NAMES.dossiers, [30, 30, 36, 30], header(bilan, 'II.1 — Nombre de dossiers traités', options), [
		line(
			'heading',
			text('Nombre d’intégrations'),
			text('Nombre de non-intégrations'),
			text('Nombre de dossiers en phase d’accueil à la date de clôture du rapport d’activité'),
			text('Total de dossiers traités'),
		),
		line('letters', text('A'), text('B'), text('C'), text('A+B+C')),
		line('row', figure(t, 'integres'), figure(t, 'non-integres'), figure(t, 'accueil'), figure(t, 'total')),
		blank,
		line('note', text(`Personnes dont la date du 1er RDV est comprise entre le ${frenchDate(bilan.from)} et le ${frenchDate(bilan.to)} (requête Visual Course « date de 1er RDV »). Intégration ou non-intégration au plus tard le ${frenchDate(bilan.to)}.`)),
		line('row', text('Hors total : intégrés ou non intégrés sur la période sans date de 1er RDV (à compléter dans le dossier)'), undefined, undefined, figure(t, 'sans-1er-rdv')),
	]);
}

function tauxIntegration(bilan: Bilan, options: SheetOptions, target: number): BilanSheet {
	const t = bilanTable(bilan, 'taux-integration');
	return sheet(SHEET_NAMES['taux-integration'], [30, 30, 36, 30], header(bilan, 'II.2 — Taux d’intégration', options), [
		line(
			'heading',
			text('Nombre d’intégrations'),
			text('Non-intégrations'),
			text('Total de dossiers passés en commission d’intégration'),
			text('Taux d’intégration'),
		),
		line('letters', text('A'), text('B'), text('C=A+B'), text('A/C')),
		line('row', figure(t, 'integres'), figure(t, 'non-integres'), figure(t, 'total'), figure(t, 'taux')),
		blank,
		line('row', text('Objectif fixé au protocole d’accord du PLIE'), undefined, undefined, pct(target)),
		line('row', text('Taux d’intégration inférieur à l’objectif'), undefined, undefined, figure(t, 'sous-objectif')),
		blank,
		line('note', text(`Analyser le taux d’intégration global au regard du taux de ${target} % fixé au protocole d’accord du PLIE (facultatif si le taux d’intégration est supérieur ou égal à ${target} %).`)),
	]);
}

function motifs(bilan: Bilan, options: SheetOptions): BilanSheet {
	const t = bilanTable(bilan, 'motifs-non-integration');
	const body: SheetLine[] = [line('heading', text('Motif des non-intégrations'), text('Nombre'))];
	for (const r of t.rows) body.push(line(r.id === 'total' ? 'total' : 'row', text(r.label), figure(t, r.id)));
	body.push(blank, line('note', text('Non-intégrations de la cohorte du II.1 (1er RDV sur la période, non intégrées à la fin de la période).')));
	return sheet(SHEET_NAMES['motifs-non-integration'], [60, 16], header(bilan, 'II.3 — Non-intégrations : motifs', options), body);
}

function cumul(bilan: Bilan, options: SheetOptions, protocolStart: string): BilanSheet {
	const t = bilanTable(bilan, 'cumul-integrations');
	const body: SheetLine[] = [
		line(
			'heading',
			text('Cumul des années'),
			text('Nbre de personnes intégrées depuis le début du protocole'),
			text('Dont allocataires du RSA (critère d’intégration)'),
			text('%'),
		),
		line('letters', undefined, text('A'), text('B'), text('B/A')),
	];
	for (const r of t.rows) {
		const match = /^annee-(\d{4})$/.exec(r.id);
		if (match === null) continue;
		const at = r.label.slice(0, r.label.indexOf(' :'));
		body.push(line('row', text(at), figure(t, r.id), figure(t, `${r.id}-rsa`), figure(t, `${r.id}-part-rsa`)));
	}
	if (t.rows.length === 0) body.push(line('note', text('Aucune année : la période se termine avant le début du protocole.')));
	body.push(blank, line('note', text(`Intégrations depuis le début du protocole, le ${frenchDate(dayOf(protocolStart))} (réglage « protocolStart »).`)));
	return sheet(SHEET_NAMES['cumul-integrations'], [26, 32, 32, 14], header(bilan, 'II.4 — Suivi de l’atteinte des objectifs d’intégration', options), body);
}

function sorties(bilan: Bilan, options: SheetOptions): BilanSheet {
	const t = bilanTable(bilan, 'sorties');
	const body: SheetLine[] = [
		line('heading', text('Sorties positives'), text('Sorties Autres'), text('Total de sorties'), text('Taux d’insertion (%)')),
		line('letters', text('A'), text('B'), text('C= A+B'), text('D= A/C')),
		line('row', figure(t, 'positives'), figure(t, 'autres'), figure(t, 'total'), figure(t, 'taux-insertion')),
		blank,
		line('heading', text('Détail par type de sortie'), undefined, undefined, text('Nombre')),
	];
	for (const r of t.rows) if (r.id.startsWith('type-')) body.push(line('row', text(r.label), undefined, undefined, figure(t, r.id)));
	body.push(blank, line('note', text(`Sorties dont la date est comprise entre le ${frenchDate(bilan.from)} et le ${frenchDate(bilan.to)}.`)));
	return sheet(SHEET_NAMES.sorties, [28, 28, 28, 28], header(bilan, 'II.5 — Sorties de l’accompagnement', options), body);
}

function interEtapes(bilan: Bilan, options: SheetOptions): BilanSheet {
	const t = bilanTable(bilan, 'inter-etapes');
	const basis = (id: string) => count(row(t, id).participants.length);
	const rowLabels: Record<string, string> = {positives: 'A - Sorties positives', autres: 'B - Sorties autres', global: 'Moyenne globale (A+B / 2)'};
	return sheet(SHEET_NAMES['inter-etapes'], [34, 30, 30], header(bilan, 'III.2.1 — Durée d’inter-étapes', options), [
		line('heading', undefined, text('Durée moyenne d’inter-étapes (jours)'), text('Nombre de sorties prises en compte')),
		...['positives', 'autres', 'global'].map(id => line(id === 'global' ? 'total' : 'row', text(rowLabels[id]), figure(t, id), basis(id))),
		blank,
		line('note', text('Pour chaque sortie de la période : les jours de l’intégration à la sortie couverts par aucune étape forment des intervalles (avant la première étape et après la dernière compris) ; sa durée est la longueur moyenne de ces intervalles (0 sans intervalle). La moyenne globale n’est donnée que si les deux groupes existent.')),
	]);
}

function inactifs(bilan: Bilan, options: SheetOptions, idleDays: number): BilanSheet {
	const t = bilanTable(bilan, 'inactifs');
	return sheet(SHEET_NAMES.inactifs, [44, 30, 20], header(bilan, 'III.2.2 — Veille sur les parcours inactifs', options), [
		line(
			'heading',
			text(`Nombre de dossiers « sans étapes depuis plus de ${idleDays} jours » au moment de la rédaction du rapport d’activité`),
			text('Nombre de dossiers en file active'),
			text('%'),
		),
		line('letters', text('A'), text('B'), text('A/B')),
		line('row', figure(t, 'sans-etape-60'), figure(t, 'file-active'), figure(t, 'part')),
		blank,
		line('note', text(`Situation au ${frenchDate(bilan.to)}, fin de la période (indicateurs du tableau de bord).`)),
	]);
}

function durees(bilan: Bilan, options: SheetOptions, maxMonths: number): BilanSheet {
	const t = bilanTable(bilan, 'durees');
	return sheet(SHEET_NAMES.durees, [24, 36, 30, 14], header(bilan, 'III.2.3 — Veille sur les durées de parcours', options), [
		line(
			'heading',
			text('Durée de parcours'),
			text('Nombre de dossiers au moment de la rédaction du rapport d’activité'),
			text('Nombre de dossiers en file active'),
			text('%'),
		),
		line('letters', undefined, text('A'), text('B'), text('A/B')),
		line('row', text(`De 18 à ${maxMonths} mois`), figure(t, '18-24'), figure(t, 'file-active'), figure(t, 'part-18-24')),
		line('row', text(`Plus de ${maxMonths} mois`), figure(t, 'plus-24'), figure(t, 'file-active'), figure(t, 'part-plus-24')),
		blank,
		line('note', text(`Situation au ${frenchDate(bilan.to)}, fin de la période (indicateurs du tableau de bord).`)),
	]);
}

function exercice(bilan: Bilan, options: SheetOptions): BilanSheet {
	const t = bilanTable(bilan, 'exercice');
	const item = (label: string, id: string) => line('row', text(label), figure(t, id));
	return sheet(SHEET_NAMES.exercice, [60, 16], header(bilan, 'Effectif de l’exercice (tableau de bord Visual Course)', options), [
		line('heading', text('Effectif de l’exercice :'), text('Nombre')),
		item('Effectif en fin d’exercice précédent', 'debut'),
		item('Nombre de bénéficiaires entrés sur l’exercice', 'entres'),
		line('section', text('Sorties positives :')),
		item('Sorties emploi de l’exercice', 'sorties-positives-emploi'),
		item('Sorties en formation qualifiante de l’exercice', 'sorties-positives-formation'),
		line('section', text('Sorties autres :')),
		item('Sorties autres', 'sorties-autres'),
		line('section', text('Effectif permanent :')),
		item('Effectif en phase d’accueil', 'accueil-fin'),
		item('File active en parcours', 'actif-fin'),
		blank,
		item('Effectif non intégré sur l’exercice', 'non-integres'),
		blank,
		line('note', text(`Effectif en fin d’exercice précédent : file active au ${frenchDate(bilan.from - 1)}. Effectif permanent : au ${frenchDate(bilan.to)}.`)),
	]);
}

function rsa(bilan: Bilan, options: SheetOptions): BilanSheet {
	const t = bilanTable(bilan, 'rsa');
	const item = (label: string, id: string) => line('row', text(label), figure(t, id));
	const months = t.rows.filter(r => r.id.startsWith('suivis-'));
	return sheet(SHEET_NAMES.rsa, [64, 18], header(bilan, 'IV.A — Les principaux chiffres-clés (référent unique RSA)', options), [
		line('heading', text('Activité sur la période de référence'), text('Nb de personnes')),
		item('Nombre de personnes dont la situation a été traitée au moins 1 fois', 'traites'),
		item('Nombre de personnes pour lesquelles l’accompagnement par le RU a cessé', 'fin-accompagnement'),
		blank,
		line('heading', text('Contractualisation sur la période de référence'), text('Nb de personnes')),
		item('Nombre de personnes ayant signé un 1er CER', 'premier-cer'),
		item('Nombre de personnes ayant signé un renouvellement', 'renouvellement'),
		line('total', text('Total'), figure(t, 'cer-total')),
		blank,
		line('heading', text('Nb de personnes suivies, à la fin de chaque mois :'), text('Nb de personnes')),
		...(months.length === 0
			? [line('note', text('Aucune fin de mois dans la période.'))]
			: months.map((r, i) => line('row', text(`mois ${i + 1} — ${r.label.replace(/^Personnes suivies fin /, '')}`), figure(t, r.id)))),
		blank,
		line('heading', text('Fréquence du suivi sur la période'), text('Nb de personnes')),
		...t.rows.filter(r => r.id.startsWith('frequence-')).map(r => item(r.label, r.id)),
		blank,
		line('note', text('Bénéficiaires du RSA seulement. Situation traitée : un entretien individuel, un atelier collectif ou un contact téléphonique sur la période ; fréquence : nombre d’entretiens individuels sur la période, parmi ces personnes.')),
	]);
}

const yesNo = (value: boolean | undefined) => (value ? 'Oui' : 'Non');
const optionalDay = (iso: string | undefined) => (iso === undefined ? undefined : dayOf(iso));

/** A line of Annex 5: the person, the last step started by D2 and the next one after it. */
interface RosterRow {
	readonly person: Participant;
	readonly last?: Step;
	readonly next?: Step;
}

const column = <R>(header: string, kind: Column<R>['kind'], value: (row: R) => CellValue, width?: number, highlight?: boolean): Column<R> => ({
	header,
	kind,
	value,
	width,
	highlight,
});

/** The 19 Visual Course columns (000_… §VIII, REFERENTIEL §5.2), then the two the référent·e fills in (in yellow). */
const ROSTER_COLUMNS: ReadonlyArray<Column<RosterRow>> = [
	column('Responsable', 'text', r => r.person.referent, 20),
	column('Bénéficiaire', 'text', r => r.person.name, 24),
	column('Genre', 'text', r => r.person.gender, 8),
	column('Date de naissance', 'date', r => optionalDay(r.person.birthDate)),
	column('Commune de résidence', 'text', r => r.person.commune, 16),
	column('Critère Intégration', 'text', r => r.person.integrationCriterion, 14),
	column('RSA', 'text', r => yesNo(r.person.rsa), 6),
	column('Id. France Travail', 'text', r => r.person.franceTravailId, 13),
	column('Agence France Travail', 'text', r => r.person.franceTravailAgency, 14),
	column('N° CAF', 'text', r => r.person.cafNumber, 11),
	column('Date de début CER', 'date', r => optionalDay(r.person.contractStart)),
	column('Date de fin CER', 'date', r => optionalDay(r.person.contractEnd)),
	column('Date intégration', 'date', r => optionalDay(r.person.integrationDate)),
	column('Dernière étape terminée ou en cours', 'text', r => stepTitle(r.last), 28),
	column('Date de début étape', 'date', r => optionalDay(r.last?.start)),
	column('Date de fin étape', 'date', r => optionalDay(r.last?.end)),
	column('Prolong° parcours', 'text', r => yesNo(r.person.extension), 10),
	column('Date de sortie', 'date', r => optionalDay(r.person.exitDate)),
	column('Motif de sortie', 'text', r => r.person.exitReason, 22),
	column('Prochaine étape prévue', 'text', r => stepTitle(r.next), 26, true),
	column('Échéance prévisionnelle', 'date', r => optionalDay(r.next?.start), undefined, true),
];

const collator = new Intl.Collator('fr', {sensitivity: 'base', numeric: true});

function roster(bilan: Bilan): ListSheet {
	const t = bilanTable(bilan, 'liste-nominative');
	// as Visual Course lists them: by Responsable, then Bénéficiaire
	const people = t.rows.map(r => bilan.participant(r.id)!).sort(
		(a, b) => collator.compare(a.referent ?? '', b.referent ?? '') || collator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
	);
	const rows: RosterRow[] = people.map(person => ({person, last: lastStartedStep(person.steps, bilan.to), next: nextStepAfter(person.steps, bilan.to)}));
	return {
		kind: 'list',
		table: {name: SHEET_NAMES['liste-nominative'], columns: ROSTER_COLUMNS, rows, frozenColumns: 2} as SheetTable,
		preamble: [
			{style: 'title', text: `Bénéficiaires accompagnés entre le ${frenchDate(bilan.from)} et le ${frenchDate(bilan.to)}`},
			{
				style: 'subtitle',
				text: `Accompagnateur : ${referentsShown(bilan.referent, bilan.visible) ?? 'tous les référent·es'} — ${people.length} personne${people.length > 1 ? 's' : ''} — étapes au ${frenchDate(bilan.to)} ; en jaune, les colonnes à compléter par l’accompagnateur·rice`,
			},
		],
		emptyText: 'Aucune personne accompagnée sur la période.',
		// 21 columns: on A4 the text would fall under 8 pt; it stays one table, the file sent on
		paper: 'A3',
	};
}

/** A line of Personnes: a person counted in a row of a table. */
interface CountedRow {
	readonly table: string;
	readonly row: string;
	readonly id: string;
	readonly name: string | undefined;
}

const PEOPLE_COLUMNS: ReadonlyArray<Column<CountedRow>> = [
	column('Tableau', 'text', r => r.table, 28),
	column('Ligne', 'text', r => r.row, 72),
	column('ID', 'text', r => r.id, 16),
	column('Bénéficiaire', 'text', r => r.name, 30),
];

/** Every counted person of every row, except the nominative list (itself a list of people). */
function peopleSheet(bilan: Bilan): ListSheet {
	const rows: CountedRow[] = [];
	for (const table of bilan.tables) {
		if (table.id === 'liste-nominative') continue;
		const name = SHEET_NAMES[table.id];
		for (const r of table.rows) {
			if (r.kind !== 'count') continue;
			for (const id of r.participants) rows.push({table: name, row: r.label, id, name: bilan.participant(id)?.name});
		}
	}
	return {
		kind: 'list',
		table: {name: PEOPLE_SHEET, columns: PEOPLE_COLUMNS, rows} as SheetTable,
		preamble: [
			{style: 'title', text: 'Personnes comptées dans chaque ligne des tableaux'},
			{style: 'subtitle', text: `Période du ${frenchDate(bilan.from)} au ${frenchDate(bilan.to)} — ${referentsShown(bilan.referent, bilan.visible) ?? 'tous les référent·es'}`},
		],
		emptyText: 'Aucune personne comptée sur la période.',
		paper: 'A4',
	};
}

export function bilanSheets(bilan: Bilan, options: SheetOptions): BilanSheet[] {
	const {settings} = bilan;
	return [
		dossiers(bilan, options),
		tauxIntegration(bilan, options, settings.integrationRateTarget),
		motifs(bilan, options),
		cumul(bilan, options, settings.protocolStart),
		sorties(bilan, options),
		interEtapes(bilan, options),
		inactifs(bilan, options, settings.longIdleDays),
		durees(bilan, options, settings.maxParcoursMonths),
		exercice(bilan, options),
		rsa(bilan, options),
		roster(bilan),
		peopleSheet(bilan),
	];
}
