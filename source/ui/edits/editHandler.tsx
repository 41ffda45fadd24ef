// The dashboard's edit keys (keymap commands the App hands over): each edit is a
// pure function of source/domain/edits, saved through the session's EditSession
// (lock, merge with a colleague's change, journal, undo). One-key edits show at
// once and are saved in order behind the screen; forms wait for the save so a
// refusal is shown in the form. Nothing is lost silently: a conflict or a failure
// opens a message with what happened, and the screen is refreshed from the file.
import path from 'node:path';
import React from 'react';
import {type Day, frenchDate, toDay} from '../../domain/calendar.js';
import {type Edit, type EditResult, finishStep, interruptStep, recordAbsence, recordInterview, startStep, stepRef, toggleStandby} from '../../domain/edits/index.js';
import {computeFacts, stepProblem} from '../../domain/facts.js';
import {indicatorById} from '../../domain/indicators.js';
import type {Participant} from '../../domain/model.js';
import {triage} from '../../domain/triage.js';
import type {ChangeOutcome} from '../../store/applyChange.js';
import type {EditingSession} from '../../store/editingSession.js';
import type {CommandFollowUp, Selection} from '../App.js';
import type {EditHandler, EditTools} from '../Dashboard.js';
import {displayName} from '../format.js';
import {Confirm} from './Confirm.js';
import {Form} from './Form.js';
import {contractForm, eventForm, exitForm, type FormContext, newStepForm, nonIntegrationForm, snoozeForm, stepForm} from './forms.js';
import {Notice} from './Notice.js';

export interface EditHandlerOptions {
	readonly session: EditingSession;
	readonly today: Day;
	/** where `E` writes the cellule workbook (default: the current folder) */
	readonly directory?: string;
}

/** The queue a one-key step edit may act on from the queue, and the step problem it fixes. */
const QUEUE_STEP_KEYS: Record<string, {queue: string; problem: 'to-start' | 'to-finish'}> = {
	'step-start': {queue: 'steps.to-start', problem: 'to-start'},
	'step-finish': {queue: 'steps.to-finish', problem: 'to-finish'},
};

/** The handler, and `watch` to give Dashboard's `onStart`: a colleague's saved changes appear within `ms`. */
export type Editor = EditHandler & {readonly watch: (tools: EditTools, ms?: number) => () => void};

export function createEditHandler(options: EditHandlerOptions): Editor {
	const {session, today} = options;

	/** one-key edits shown but not saved yet */
	let pending = 0;

	function refresh(tools: EditTools) {
		tools.replace(session.data.participants, session.data.settings);
	}

	/** Tells what a save did. Returns the refusal when a form should show it. */
	function report(outcome: ChangeOutcome, tools: EditTools, from: 'form' | 'key' | 'undo'): string | undefined {
		switch (outcome.status) {
			case 'saved': {
				// while other one-key edits wait their turn, the screen already shows them: keep it
				if (from !== 'key' || pending === 0 || outcome.merged) refresh(tools);
				tools.closePanel();
				const merged = outcome.merged ? ' (fusionné avec une modification enregistrée entre-temps sur un autre poste)' : '';
				// a one-key edit already said what it did when it was shown
				if (from !== 'key' || merged) tools.say(`${from === 'undo' ? '' : 'Enregistré : '}${outcome.description}${merged}`);
				return undefined;
			}
			case 'unchanged':
				if (from === 'form') {
					tools.closePanel();
					tools.say('Rien à enregistrer : aucune modification.');
				} else tools.say(`Rien n’a changé${outcome.description ? ` : ${outcome.description}` : ''}.`);
				return undefined;
			case 'invalid':
				if (from === 'form') return outcome.message;
				refresh(tools);
				tools.say(outcome.message);
				return undefined;
			case 'conflict':
				refresh(tools);
				tools.openPanel(<Notice title="Conflit — votre modification n’a pas été enregistrée" text={outcome.message} alarm onClose={tools.closePanel} />);
				return undefined;
			case 'failed':
				refresh(tools);
				tools.openPanel(<Notice title="Enregistrement impossible" text={outcome.message} alarm onClose={tools.closePanel} />);
				return undefined;
		}
	}

	async function apply(id: string, edit: Edit): Promise<ChangeOutcome> {
		try {
			return await session.apply(id, edit);
		} catch (error) {
			return {status: 'failed', message: `Enregistrement impossible : ${(error as Error).message}`};
		}
	}

	/** A one-key edit: shown at once, then saved (saves are queued in key order). */
	function quickEdit(tools: EditTools, participant: Participant, edit: Edit) {
		const result: EditResult = edit(participant);
		if (!result.ok) {
			tools.say(result.error);
			return;
		}
		tools.replace(tools.participants().map(p => (p.id === participant.id ? result.participant : p)));
		tools.say(result.description);
		pending++;
		void apply(participant.id, edit).then(outcome => {
			pending--;
			report(outcome, tools, 'key');
		});
	}

	function formContext(tools: EditTools, participant: Participant, selection: Selection): FormContext {
		return {
			participant,
			name: displayName(participant, selection.discretion === true),
			today,
			save: async edit => report(await apply(participant.id, edit), tools, 'form'),
			cancel: () => {
				tools.closePanel();
				tools.say('Annulé : rien n’a été modifié.');
			},
		};
	}

	/** `d` / `t` from a steps queue: the person's one step concerned, or their file when there are several. */
	function stepFromQueue(command: string, selection: Selection, tools: EditTools, participant: Participant): CommandFollowUp {
		const wanted = QUEUE_STEP_KEYS[command];
		if (!wanted || selection.indicatorId !== wanted.queue) {
			tools.say(`${command === 'step-start' ? 'd' : 't'} : ouvrez la fiche (Entrée) et choisissez l’étape.`);
			return;
		}
		const facts = computeFacts(participant, today);
		const concerned = participant.steps.filter(step => stepProblem(step, today, facts.closed, facts.exitDay) === wanted.problem);
		if (concerned.length !== 1) return 'open';
		const ref = stepRef(concerned[0]!);
		quickEdit(tools, participant, p => (command === 'step-start' ? startStep(p, ref) : finishStep(p, ref, today)));
		return;
	}

	function undo(tools: EditTools) {
		void session
			.undo()
			.catch((error: Error): ChangeOutcome => ({status: 'failed', message: `Annulation impossible : ${error.message}`}))
			.then(outcome => report(outcome, tools, 'undo'));
	}

	function exportCellule(selection: Selection, tools: EditTools) {
		const settings = tools.settings();
		const meetingDefault = settings.nextCellule ? toDay(settings.nextCellule) : today + 14;
		const write = async (meeting: Day, force: boolean): Promise<string | undefined> => {
			const [{writeCelluleWorkbook, defaultCelluleFileName, CelluleFileExistsError}, {preparationDueDate}, {celluleWrittenMessage}] = await Promise.all([
				import('../../io/celluleWorkbook.js'),
				import('../../domain/workingDays.js'),
				import('../../commands/exportCellule.js'),
			]);
			const name = defaultCelluleFileName(meeting, selection.referent);
			try {
				const file = await writeCelluleWorkbook({
					participants: tools.participants(),
					settings,
					today,
					meeting,
					referent: selection.referent,
					discret: selection.discretion === true,
					out: options.directory === undefined ? name : path.join(options.directory, name),
					force,
				});
				tools.openPanel(<Notice title="Cellule de suivi" text={celluleWrittenMessage(file, meeting, preparationDueDate(meeting, settings), today)} onClose={tools.closePanel} />);
				return undefined;
			} catch (error) {
				if (error instanceof CelluleFileExistsError && !force) {
					tools.openPanel(
						<Confirm
							question={`${error.file} existe déjà (il est peut-être ouvert dans Excel). Remplacer ? (o/n)`}
							onYes={() => void write(meeting, true)}
							onNo={() => {
								tools.closePanel();
								tools.say('Fichier non remplacé.');
							}}
						/>,
					);
					return undefined;
				}
				return (error as Error).message;
			}
		};
		tools.openPanel(
			<Form
				title={`Préparation de la cellule de suivi${selection.referent ? ` — ${selection.referent}` : ' — tous les référents'}${selection.discretion ? ' (discrétion : initiales)' : ''}`}
				note="Le fichier cellule-AAAA-MM-JJ.xlsx sera écrit dans le dossier courant."
				fields={[{key: 'meeting', label: 'Date de la cellule', kind: 'date'}]}
				initial={{meeting: frenchDate(meetingDefault)}}
				submit={async values => {
					const {parseTypedDate} = await import('../../domain/edits/dates.js');
					const meeting = parseTypedDate(values.meeting ?? '');
					if (meeting === undefined) return 'Date de la cellule : date impossible (jj/mm/aaaa).';
					return write(meeting, false);
				}}
				onCancel={() => tools.closePanel()}
			/>,
		);
	}

	/** The person's alerts (urgent indicators) the `z` form offers. */
	function alertsOf(participant: Participant, tools: EditTools): string[] {
		const ids = triage([participant], {today, settings: tools.settings()}).memberOf(participant.id);
		return ids.filter(id => indicatorById(id)?.severity === 'urgent');
	}

	function watch(tools: EditTools, ms = 3000): () => void {
		const timer = setInterval(() => {
			// edits shown but not saved yet would vanish from the screen for a moment: wait for them
			if (pending > 0) return;
			session.reloadIfChanged().then(
				changed => {
					if (changed && pending === 0) refresh(tools);
				},
				() => undefined, // an unreadable file is reported by the next save
			);
		}, ms);
		return () => clearInterval(timer);
	}

	const handler: EditHandler = (command, selection, tools) => {
		if (command === 'undo') return undo(tools);
		if (command === 'export-cellule') return exportCellule(selection, tools);
		const participant = tools.participants().find(p => p.id === selection.participantId);
		if (!participant) {
			tools.say('Personne n’est sélectionné·e : ouvrez une file, puis une fiche.');
			return;
		}
		const step = selection.stepIndex === undefined ? undefined : participant.steps[selection.stepIndex];
		const context = () => formContext(tools, participant, selection);
		if (selection.view === 'queue' && (command === 'step-start' || command === 'step-finish')) {
			return stepFromQueue(command, selection, tools, participant);
		}
		switch (command) {
			case 'step-start':
			case 'step-finish':
			case 'step-interrupt':
			case 'step-edit': {
				if (!step) {
					tools.say('Aucune étape : + pour en ajouter une.');
					return;
				}
				const ref = stepRef(step);
				if (command === 'step-start') quickEdit(tools, participant, p => startStep(p, ref));
				else if (command === 'step-finish') quickEdit(tools, participant, p => finishStep(p, ref, today));
				else if (command === 'step-interrupt') quickEdit(tools, participant, p => interruptStep(p, ref, today));
				else tools.openPanel(stepForm(context(), step));
				return;
			}
			case 'step-add':
				tools.openPanel(newStepForm(context()));
				return;
			case 'interview':
				quickEdit(tools, participant, p => recordInterview(p, today));
				return;
			case 'absence':
				quickEdit(tools, participant, p => recordAbsence(p, today));
				return;
			case 'event-form':
				tools.openPanel(eventForm(context()));
				return;
			case 'standby':
				quickEdit(tools, participant, p => toggleStandby(p, today));
				return;
			case 'contract':
				tools.openPanel(contractForm(context()));
				return;
			case 'exit':
				tools.openPanel(computeFacts(participant, today).status === 'intake' ? nonIntegrationForm(context()) : exitForm(context()));
				return;
			case 'snooze': {
				const ids =
					selection.view === 'queue' && selection.indicatorId !== undefined
						? [selection.indicatorId]
						: alertsOf(participant, tools);
				if (ids.length === 0) {
					tools.say('Aucune alerte à mettre en attente pour cette personne.');
					return;
				}
				tools.openPanel(snoozeForm(context(), ids, selection.indicatorId));
				return;
			}
		}
	};
	return Object.assign(handler, {watch});
}
