// The sheets of the cellule de suivi workbook as plain tables: French headings,
// one accessor per column, in the order the PLIE reads them. No exceljs here, so
// the layout can be read (and tested) apart from the writing (printedSheet.ts).
import {referentsShown, type Visibility} from '../domain/visibility.js';
import {type Day, monthsBetween} from '../domain/calendar.js';
import type {CelluleSelection, Renewal, Situation} from '../domain/cellule.js';
import {currentStep, lastStepDoneOrUnderWay, nextPlannedStep, stepTitle} from '../domain/celluleSteps.js';
import {closureDue, lettersDue} from '../domain/echeances/rules.js';
import {dayOf, type ParticipantFacts, STATUS_LABELS} from '../domain/facts.js';
import {SECTIONS} from '../domain/indicators.js';
import type {Participant, Step} from '../domain/model.js';
import {uniqueInitials} from '../domain/text.js';
import type {CellValue, Column, ColumnKind, SheetTable} from './printedSheet.js';

export type {CellValue, Column, ColumnKind, SheetTable} from './printedSheet.js';

export const CELLULE_SHEET_NAMES = [
	'Synthèse',
	'Entrées',
	'Renouvellements',
	'Sorties',
	'Suivi des sorties',
	'Situations à évoquer',
	'Parcours +18 mois',
	'Veilles',
	'Liste nominative',
	'Liste nominative (parcours)',
] as const;

/** The group of a person's rows when the export covers several référent·es. */
export const NO_REFERENT = 'Sans référent·e';

export interface SheetOptions {
	/**
	 * discrétion: initials (made unique with the id), an ID column, no birth date,
	 * commune, gender, CAF or France Travail number, no reason typed by the user
	 */
	readonly discret: boolean;
	/** the day the workbook is written (shown in Synthèse) */
	readonly today: Day;
	/** whose participants the store shows (a référent login on a base): Synthèse names them */
	readonly visible?: Visibility;
}

const yesNo = (value: boolean | undefined) => (value ? 'Oui' : 'Non');
const optionalDay = (iso: string | undefined): Day | undefined => (iso ? dayOf(iso) : undefined);

function table<R>(name: string, columns: Column<R>[], rows: readonly R[], frozenColumns?: number, groupOf?: (row: R) => string): SheetTable {
	return {name, columns, rows, frozenColumns, groupOf} as SheetTable;
}

export function celluleSheets(selection: CelluleSelection, options: SheetOptions): SheetTable[] {
	const meeting = selection.meeting;
	const discret = options.discret;
	const initials = discret ? uniqueInitials([...selection.triage.facts.values()].map(f => f.participant)) : undefined;
	const name = (p: Participant) => initials?.get(p.id) ?? p.name;
	/** in discrétion, initials may coincide between two exports: the id says who is who */
	const idColumn = <R>(facts: (row: R) => ParticipantFacts): Column<R>[] =>
		discret ? [{header: 'ID', kind: 'text', value: r => facts(r).participant.id}] : [];
	/** the columns every sheet about people starts with; `facts` finds the person in a row */
	const personOf = <R>(facts: (row: R) => ParticipantFacts): Column<R>[] => [
		...idColumn(facts),
		{header: 'Bénéficiaire', kind: 'text', value: r => name(facts(r).participant)},
		{header: 'Référent·e', kind: 'text', value: r => facts(r).participant.referent},
	];
	const person = personOf<ParticipantFacts>(f => f);
	const referentOf = (f: ParticipantFacts) => f.participant.referent?.trim() || NO_REFERENT;
	const byReferent = <R>(facts: (row: R) => ParticipantFacts) => (row: R) => referentOf(facts(row));
	const people = byReferent<ParticipantFacts>(f => f);
	const stepColumns = (pick: (f: ParticipantFacts) => Step | undefined, title: string): Column<ParticipantFacts>[] => [
		{header: title, kind: 'text', value: f => stepTitle(pick(f))},
		{header: 'Début étape', kind: 'date', value: f => optionalDay(pick(f)?.start)},
		{header: 'Fin étape', kind: 'date', value: f => optionalDay(pick(f)?.end)},
		{header: 'État étape', kind: 'text', value: f => pick(f)?.state},
	];
	const lastStep = (f: ParticipantFacts) => lastStepDoneOrUnderWay(f.participant.steps, meeting);
	const currentOrLast = (f: ParticipantFacts) => currentStep(f.participant.steps, meeting) ?? lastStep(f);

	return [
		synthesis(selection, options),
		table(
			'Entrées',
			[
				...person,
				{header: 'Date 1er RDV', kind: 'date', value: f => f.firstAppointment},
				{header: "Date d'intégration", kind: 'date', value: f => f.integration},
				{header: 'Prescripteur', kind: 'text', value: f => f.participant.prescriber},
				{header: "Critère d'intégration", kind: 'text', value: f => f.participant.integrationCriterion},
				{header: 'RSA', kind: 'text', value: f => yesNo(f.participant.rsa)},
				{header: 'Date de début CER', kind: 'date', value: f => optionalDay(f.participant.contractStart)},
				{header: 'Date de fin CER', kind: 'date', value: f => f.contractEnd},
				{header: 'Situation', kind: 'text', value: f => STATUS_LABELS[f.status]},
			],
			selection.entries,
			undefined,
			people,
		),
		table(
			'Renouvellements',
			[
				...personOf<Renewal>(r => r.facts),
				{header: "Date d'intégration", kind: 'date', value: r => r.facts.integration},
				{header: 'Fin de la période', kind: 'date', value: r => r.periodEnd},
				{header: 'Renouvellement à', kind: 'text', value: r => `${r.periodMonths} mois`},
				{header: 'Mois en parcours', kind: 'number', value: r => r.facts.months},
				{header: 'Prolongation', kind: 'text', value: r => yesNo(r.facts.participant.extension)},
				{header: 'En veille', kind: 'text', value: r => yesNo(r.facts.standby)},
				{header: 'Étape en cours ou dernière étape', kind: 'text', value: r => stepTitle(currentOrLast(r.facts))},
			],
			selection.renewals,
			undefined,
			byReferent<Renewal>(r => r.facts),
		),
		table(
			'Sorties',
			[
				...person,
				{header: "Date d'intégration", kind: 'date', value: f => f.integration},
				{header: 'Date de sortie', kind: 'date', value: f => f.exitDay},
				{header: 'Type de sortie', kind: 'text', value: f => f.participant.exitType},
				{header: 'Motif de sortie', kind: 'text', value: f => f.participant.exitReason},
				{
					header: 'Mois en parcours',
					kind: 'number',
					value: f => (f.integration !== undefined && f.integration <= f.exitDay! ? monthsBetween(f.integration, f.exitDay!) : undefined),
				},
			],
			selection.exits,
			undefined,
			people,
		),
		exitFollowUpSheet(selection.exitFollowUp, person, people),
		table(
			'Situations à évoquer',
			[
				...personOf<Situation>(s => s.facts),
				{header: 'Situation', kind: 'text', value: s => STATUS_LABELS[s.facts.status]},
				{header: 'Motifs', kind: 'text', value: s => s.reasons.join('\n'), width: 70},
				{
					header: 'Alertes mises en attente',
					kind: 'text',
					value: s => (discret ? s.snoozedWithoutReason : s.snoozed).join('\n'),
					width: 50,
				},
			],
			selection.situations,
			undefined,
			byReferent<Situation>(s => s.facts),
		),
		table(
			'Parcours +18 mois',
			[
				...person,
				{header: "Date d'intégration", kind: 'date', value: f => f.integration},
				{header: 'Mois en parcours', kind: 'number', value: f => f.months},
				{header: 'Prolongation', kind: 'text', value: f => yesNo(f.participant.extension)},
				...stepColumns(lastStep, 'Dernière étape terminée ou en cours'),
			],
			selection.longParcours,
			undefined,
			people,
		),
		table(
			'Veilles',
			[
				...person,
				{header: 'En veille depuis le', kind: 'date', value: f => f.standbySince},
				{header: 'Mois en veille', kind: 'number', value: f => monthsBetween(f.standbySince!, meeting)},
				...stepColumns(currentOrLast, 'Étape en cours (ou dernière étape)'),
			],
			selection.standby,
			undefined,
			people,
		),
		// the Visual Course list is too wide for one page at a readable size: identity here, parcours next
		table('Liste nominative', [...idColumn<ParticipantFacts>(f => f), ...nominativeIdentity(name, discret)], selection.roster, 2 + (discret ? 1 : 0), people),
		table(
			'Liste nominative (parcours)',
			[...idColumn<ParticipantFacts>(f => f), ...nominativeParcours(name, meeting)],
			selection.roster,
			2 + (discret ? 1 : 0),
			people,
		),
	];
}

/**
 * « Suivi des sorties » (004_…): the assistants' table of exits being processed —
 * validated in cellule, letters sent (due a month after), proof received
 * (positive exits; « sans objet » for the others), file closed (due three months
 * after, the last day included). The due dates are §7's exit.letters and exit.close.
 */
function exitFollowUpSheet(rows: readonly ParticipantFacts[], person: Column<ParticipantFacts>[], groupOf: (f: ParticipantFacts) => string): SheetTable {
	const p = (f: ParticipantFacts) => f.participant;
	const validated = (f: ParticipantFacts) => optionalDay(p(f).exitValidatedOn);
	const positive = (f: ParticipantFacts) => p(f).exitType === 'Positive';
	return table(
		'Suivi des sorties',
		[
			...person,
			{header: 'Date de sortie', kind: 'date', value: f => f.exitDay},
			{header: 'Type de sortie', kind: 'text', value: f => p(f).exitType},
			{header: 'Validée en cellule le', kind: 'date', value: validated},
			{header: 'Courriers avant le', kind: 'date', value: f => mapDay(validated(f), lettersDue)},
			{header: 'Courriers envoyés le', kind: 'date', value: f => optionalDay(p(f).exitLettersSentOn)},
			{
				header: 'Justificatif reçu le',
				kind: 'date',
				kindOf: f => (positive(f) ? 'date' : 'text'),
				value: f => (positive(f) ? optionalDay(p(f).exitProofReceivedOn) : 'sans objet'),
			},
			{header: 'Clôture avant le', kind: 'date', value: f => mapDay(validated(f), closureDue)},
			{header: 'Dossier clôturé le', kind: 'date', value: f => optionalDay(p(f).exitClosedOn)},
		],
		rows,
		undefined,
		groupOf,
	);
}

const mapDay = (day: Day | undefined, change: (day: Day) => Day): Day | undefined => (day === undefined ? undefined : change(day));

/**
 * The 19 columns of the Visual Course list (000_… section VIII) and the next
 * planned step, in two sheets that each print on one page width at ≥ 8 pt: both
 * start with Responsable and Bénéficiaire. In discrétion the gender, birth date,
 * commune, France Travail id and CAF number are left out.
 */
function nominativeIdentity(name: (p: Participant) => string, discret: boolean): Column<ParticipantFacts>[] {
	const p = (f: ParticipantFacts) => f.participant;
	const personal = (column: Column<ParticipantFacts>): Column<ParticipantFacts>[] => (discret ? [] : [column]);
	return [
		{header: 'Responsable', kind: 'text', value: f => p(f).referent},
		{header: 'Bénéficiaire', kind: 'text', value: f => name(p(f))},
		...personal({header: 'Genre', kind: 'text', value: f => p(f).gender}),
		...personal({header: 'Date de naissance', kind: 'date', value: f => optionalDay(p(f).birthDate)}),
		...personal({header: 'Commune de résidence', kind: 'text', value: f => p(f).commune}),
		{header: 'Critère Intégration', kind: 'text', value: f => p(f).integrationCriterion},
		{header: 'RSA', kind: 'text', value: f => yesNo(p(f).rsa)},
		...personal({header: 'Id. France Travail', kind: 'text', value: f => p(f).franceTravailId}),
		{header: 'Agence France Travail', kind: 'text', value: f => p(f).franceTravailAgency},
		...personal({header: 'N° CAF', kind: 'text', value: f => p(f).cafNumber}),
		{header: 'Date de début CER', kind: 'date', value: f => optionalDay(p(f).contractStart)},
		{header: 'Date de fin CER', kind: 'date', value: f => f.contractEnd},
		{header: 'Date intégration', kind: 'date', value: f => f.integration},
	];
}

function nominativeParcours(name: (p: Participant) => string, meeting: Day): Column<ParticipantFacts>[] {
	const p = (f: ParticipantFacts) => f.participant;
	const lastStep = (f: ParticipantFacts) => lastStepDoneOrUnderWay(f.participant.steps, meeting);
	const next = (f: ParticipantFacts) => nextPlannedStep(f.participant.steps, meeting);
	return [
		{header: 'Responsable', kind: 'text', value: f => p(f).referent},
		{header: 'Bénéficiaire', kind: 'text', value: f => name(p(f))},
		{header: 'Date intégration', kind: 'date', value: f => f.integration},
		{header: 'Dernière étape terminée ou en cours', kind: 'text', value: f => stepTitle(lastStep(f))},
		{header: 'Date de début étape', kind: 'date', value: f => optionalDay(lastStep(f)?.start)},
		{header: 'Date de fin étape', kind: 'date', value: f => optionalDay(lastStep(f)?.end)},
		{header: 'Prolong° parcours', kind: 'text', value: f => yesNo(p(f).extension)},
		{header: 'Date de sortie', kind: 'date', value: f => f.exitDay},
		{header: 'Motif de sortie', kind: 'text', value: f => p(f).exitReason},
		{header: 'Prochaine étape prévue', kind: 'text', value: f => stepTitle(next(f))},
		{header: 'Échéance prévisionnelle', kind: 'date', value: f => optionalDay(next(f)?.start)},
	];
}

interface SynthesisRow {
	readonly heading: string;
	readonly label: string;
	readonly value: CellValue;
	readonly kind: ColumnKind;
	readonly snoozed?: number;
}

function synthesis(selection: CelluleSelection, options: SheetOptions): SheetTable {
	const rows: SynthesisRow[] = [
		{heading: 'Cellule de suivi', label: 'Référent·e', value: referentsShown(selection.referent, options.visible) ?? 'Tous', kind: 'text'},
		{heading: 'Cellule de suivi', label: 'Date de la cellule', value: selection.meeting, kind: 'date'},
		{
			heading: 'Cellule de suivi',
			label: `À remettre au PLIE au plus tard le (${describeDueRule(selection)})`,
			value: selection.dueDate,
			kind: 'date',
		},
		{heading: 'Cellule de suivi', label: 'Entrées et sorties depuis le', value: selection.since, kind: 'date'},
		{heading: 'Cellule de suivi', label: 'Renouvellements avant le', value: selection.nextMeeting, kind: 'date'},
		{heading: 'Cellule de suivi', label: 'Situations et indicateurs calculés au', value: selection.meeting, kind: 'date'},
		{heading: 'Cellule de suivi', label: 'Document établi le', value: options.today, kind: 'date'},
		{
			heading: 'Cellule de suivi',
			label:
				'Mode discrétion (initiales et identifiant ; sans date de naissance, commune, genre, n° CAF, identifiant France Travail ni motif de mise en attente)',
			value: options.discret ? 'Oui' : 'Non',
			kind: 'text',
		},
		...(
			[
				['Entrées', selection.entries.length],
				['Renouvellements', selection.renewals.length],
				['Sorties', selection.exits.length],
				['Suivi des sorties', selection.exitFollowUp.length],
				['Situations à évoquer', selection.situations.length],
				['Parcours +18 mois', selection.longParcours.length],
				['Veilles', selection.standby.length],
				['Liste nominative', selection.roster.length],
			] as const
		).map(([label, count]) => ({heading: 'Feuilles', label, value: count, kind: 'number' as const})),
	];
	for (const section of SECTIONS) {
		for (const indicator of selection.triage.indicators) {
			if (indicator.definition.section !== section.id) continue;
			rows.push({
				heading: section.label,
				label: indicator.definition.label,
				value: indicator.entries.length,
				kind: 'number',
				snoozed: indicator.snoozed.length,
			});
		}
	}
	return table<SynthesisRow>(
		'Synthèse',
		[
			{header: 'Rubrique', kind: 'text', value: r => r.heading},
			{header: 'Libellé', kind: 'text', value: r => r.label},
			{header: 'Valeur', kind: 'text', value: r => r.value, kindOf: r => r.kind, width: 14},
			{header: 'Dont en attente', kind: 'number', value: r => r.snoozed},
		],
		rows,
	);
}

function describeDueRule(selection: CelluleSelection): string {
	const {preparationWorkingDays, workingDays} = selection.settings;
	return `${preparationWorkingDays} jours ${workingDays === 'ouvres' ? 'ouvrés' : 'ouvrables'} avant la cellule`;
}
