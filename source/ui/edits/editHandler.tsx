// The dashboard's edit keys (keymap commands the App hands over): each edit is a
// pure function of source/domain/edits, saved through the session's EditSession
// (lock, merge with a colleague's change, journal, undo). One-key edits show at
// once and are saved in order behind the screen: the status line says « en cours
// d'enregistrement » until they are on disk, then « Enregistré : … » (saveStatus.ts);
// forms wait for the save so a refusal is shown in the form. A one-key edit is
// an intention on the version the user sees (`v` ends the standby the screen
// shows, it does not flip what the file holds now); a form sets the fields changed in it. Nothing
// is lost silently: a conflict or a failure opens a message with what happened,
// and the screen is refreshed from the file.
import {referentsShown} from '../../domain/visibility.js';
import path from 'node:path';
import React from 'react';
import {type Day, frenchDate, isoFromDay, toDay} from '../../domain/calendar.js';
import {closeStepAtExit, deleteEvent, type Edit, type EditResult, type EventRef, eventRef, eventTitle, finishStep, interruptStep, recordAbsence, recordInterview, setStandby, startStep, type StepRef, stepRef} from '../../domain/edits/index.js';
import {computeFacts, stepProblem} from '../../domain/facts.js';
import {proposedCellule} from '../../domain/workingDays.js';
import {indicatorById} from '../../domain/indicators.js';
import type {ParcoursEvent, Participant, Step} from '../../domain/model.js';
import type {Settings} from '../../domain/settings.js';
import {triage} from '../../domain/triage.js';
import type {ChangeOutcome} from '../../store/applyChange.js';
import type {EditingSession} from '../../store/editingSession.js';
import type {SettingsOutcome} from '../../store/nextCellule.js';
import type {StoreNoticeSink} from '../../store/storeNotices.js';
import {visibleLines, visibleText} from '../../domain/text.js';
import {type Attribution, changedPeople, colleagueNews} from '../../domain/colleagueChange.js';
import type {CommandFollowUp, Selection} from '../App.js';
import type {EditHandler, EditTools} from '../Dashboard.js';
import {displayName} from '../format.js';
import {type EditCommand, keysOf} from '../keymap.js';
import {exportBilan} from './bilanExport.js';
import {Confirm} from './Confirm.js';
import {eventEditForm, eventNoteForm} from './eventForms.js';
import {Form} from './Form.js';
import {contractForm, eventForm, exitForm, type FormContext, newStepForm, nonIntegrationForm, snoozeForm, standbyForm, stepForm} from './forms.js';
import {exitFollowUpForm, validateExits} from './exitForms.js';
import {participantEcheances} from '../../domain/echeances/index.js';
import {Notice} from './Notice.js';
import {createSaveStatus, type SaveStatus} from './saveStatus.js';

export interface EditHandlerOptions {
	readonly session: EditingSession;
	readonly today: Day;
	/** where `E` writes the cellule workbook (default: the current folder) */
	readonly directory?: string;
}

/** The one-key step edits: on the fiche's selected step, or on a steps queue's row. */
type StepCommand = 'step-start' | 'step-finish' | 'step-interrupt';

/**
 * The handler, and `watch` to give Dashboard's `onStart`: a colleague's saved
 * changes appear within `ms`; `saveStatus` for the Dashboard's status line;
 * `storeNotice` to receive the store's notices (setStoreNoticeSink) while the
 * dashboard is on screen.
 */
export type Editor = EditHandler & {
	readonly watch: (tools: EditTools, ms?: number) => () => void;
	readonly saveStatus: SaveStatus;
	readonly storeNotice: StoreNoticeSink;
};

export function createEditHandler(options: EditHandlerOptions): Editor {
	const {session, today} = options;

	/** one-key edits shown but not saved yet */
	let pending = 0;
	const saveStatus = createSaveStatus(session);
	/** the store's notices (a stale lock taken over…) until the screen can show them */
	const notices: string[] = [];
	let shownTools: EditTools | undefined;
	const storeNotice: StoreNoticeSink = notice => {
		if (notice.kind === 'busy') saveStatus.busy(notice.text);
		else if (notice.kind === 'free') saveStatus.busy(undefined);
		else if (shownTools) shownTools.say(capitalize(notice.text));
		else notices.push(notice.text);
	};

	function refresh(tools: EditTools) {
		tools.replace(session.data.participants, session.data.settings);
	}

	/** Tells what a save did (`then`: what may follow, after « Enregistré : … »). Returns the refusal when a form should show it. Texts quoting data are made inert. */
	function report(outcome: ChangeOutcome, tools: EditTools, from: 'form' | 'key' | 'undo', keyMark?: number, then = ''): string | undefined {
		// a one-key edit's save lands later: its news does not cover what a later key said meanwhile
		const say = (text: string) => (keyMark === undefined ? tools.say(text) : tools.sayIfLatest(text, keyMark));
		switch (outcome.status) {
			case 'saved': {
				// while other one-key edits wait their turn, the screen already shows them: keep it
				if (from !== 'key' || pending === 0 || outcome.merged) refresh(tools);
				if (from !== 'key') tools.closePanel();
				const merged = outcome.merged ? ' (fusionné avec une modification enregistrée entre-temps sur un autre poste)' : '';
				// on disk now (file and folder synced): only now the screen says so
				say(`${from === 'undo' ? '' : 'Enregistré : '}${outcome.description}${merged}${then}`);
				return undefined;
			}
			case 'unchanged':
				if (outcome.byColleague) {
					// the same was asked on another computer meanwhile: both agree, show the file's version
					if (from !== 'key' || pending === 0) refresh(tools);
					if (from !== 'key') tools.closePanel();
					say(`Déjà enregistré sur un autre poste : ${outcome.description}.`);
				} else if (from === 'form') {
					tools.closePanel();
					tools.say('Rien à enregistrer : aucune modification.');
				} else say(`Rien n’a changé${outcome.description ? ` : ${outcome.description}` : ''}.`);
				return undefined;
			case 'invalid':
				if (from === 'form') return visibleLines(outcome.message);
				refresh(tools);
				tools.say(outcome.message);
				return undefined;
			case 'conflict':
				refresh(tools);
				tools.openPanel(<Notice title="Conflit — votre modification n’a pas été enregistrée" text={visibleLines(outcome.message)} alarm onClose={tools.closePanel} />);
				return undefined;
			case 'failed':
				refresh(tools);
				tools.openPanel(<Notice title="Enregistrement impossible" text={visibleLines(outcome.message)} alarm onClose={tools.closePanel} />);
				return undefined;
		}
	}

	/** `seen`: the participant as the screen showed it when the user asked (the edit's base); default the session's. */
	async function apply(id: string, edit: Edit, seen?: Participant): Promise<ChangeOutcome> {
		try {
			return await session.apply(id, edit, seen);
		} catch (error) {
			return {status: 'failed', message: `Enregistrement impossible : ${(error as Error).message}`};
		}
	}

	/**
	 * A one-key edit: shown at once, then saved (saves are queued in key order).
	 * The status line says it is being saved until it is on disk. `then`: what may
	 * follow, said after it. Returns the person as shown now, or undefined when refused.
	 */
	function quickEdit(tools: EditTools, participant: Participant, edit: Edit, then = ''): Participant | undefined {
		const result: EditResult = edit(participant);
		if (!result.ok) {
			tools.say(result.error);
			return undefined;
		}
		tools.replace(tools.participants().map(p => (p.id === participant.id ? result.participant : p)));
		tools.say(result.description + then); // saveStatus prefixes « en cours d'enregistrement » until it is on disk
		const mark = tools.said();
		pending++;
		void apply(participant.id, edit, participant).then(outcome => {
			pending--;
			report(outcome, tools, 'key', mark, then);
		});
		return result.participant;
	}

	/** The event `e` or `a` recorded last, and for whom: `N` gives it a note while the cursor is on a step or in a queue. */
	let recorded: {readonly participantId: string; readonly ref: EventRef} | undefined;

	/** `e` / `a`: recorded in one key; `N` then adds a note to it. */
	function recordToday(tools: EditTools, participant: Participant, edit: Edit): void {
		const then = ` · ${keysOf('event-note', 'participant')} : note`; // short: the whole message fits 80 columns
		const shown = quickEdit(tools, participant, edit, then);
		if (shown) recorded = {participantId: participant.id, ref: eventRef(shown, shown.events.length - 1)};
	}

	/** The event the fiche's cursor is on, with its ref. */
	function selectedEvent(participant: Participant, selection: Selection): {event: ParcoursEvent; ref: EventRef} | undefined {
		const index = selection.eventIndex;
		const event = index === undefined ? undefined : participant.events[index];
		return event && index !== undefined ? {event, ref: eventRef(participant, index)} : undefined;
	}

	/** The event `e` / `a` recorded last for this person, if it is still there. */
	function recordedEvent(participant: Participant): {event: ParcoursEvent; ref: EventRef} | undefined {
		if (recorded?.participantId !== participant.id) return undefined;
		const {ref} = recorded;
		const index = participant.events.findIndex(event => event.date === ref.date && event.type === ref.type);
		return index < 0 ? undefined : {event: participant.events[index]!, ref: eventRef(participant, index)};
	}

	function formContext(tools: EditTools, participant: Participant, selection: Selection): FormContext {
		return {
			participant,
			name: displayName(participant, selection.discretion === true),
			today,
			// an intention on the person as the form showed them: a colleague's save of the same
			// field meanwhile is a conflict, shown; of another field (or of another field of the same step), merged
			save: async edit => report(await apply(participant.id, edit, participant), tools, 'form'),
			cancel: () => {
				tools.closePanel();
				tools.say('Annulé : rien n’a été modifié.');
			},
		};
	}

	/**
	 * What `d` / `t` / `i` do to a step: En cours, Terminée, Interrompue. A step an
	 * exit left open (steps.after-exit) is closed at the exit date, not today.
	 */
	function stepEdit(command: StepCommand, participant: Participant, step: Step): Edit {
		const ref = stepRef(step);
		const facts = computeFacts(participant, today);
		if (command !== 'step-start' && stepProblem(step, today, facts.closed, facts.exitDay) === 'after-exit') {
			return p => closeStepAtExit(p, ref, command === 'step-finish' ? 'Terminée' : 'Interrompue');
		}
		if (command === 'step-start') return p => startStep(p, ref);
		return command === 'step-finish' ? p => finishStep(p, ref, today) : p => interruptStep(p, ref, today);
	}

	/** `u`: the next key waits for the undo, which changes the screen only once saved. */
	function undo(tools: EditTools): Promise<unknown> {
		return session
			.undo()
			.catch((error: Error): ChangeOutcome => ({status: 'failed', message: `Annulation impossible : ${error.message}`}))
			.then(outcome => report(outcome, tools, 'undo'));
	}

	/**
	 * Stores `meeting` as the next cellule (settings, journaled), the screen's
	 * header following once it is on disk. Returns what happened, in a sentence
	 * ('' when nothing is worth saying), and whether it was refused.
	 */
	async function storeNextCellule(tools: EditTools, meeting: Day, seen: string | undefined): Promise<{text: string; refused: boolean}> {
		const outcome = await session.setNextCellule(isoFromDay(meeting), seen).catch((error: Error): SettingsOutcome => ({status: 'failed', message: error.message}));
		if (outcome.status !== 'failed') {
			// one-key edits still waiting keep their place on screen: then only the settings change
			if (pending === 0) refresh(tools);
			else tools.replace(tools.participants(), session.data.settings);
		}
		switch (outcome.status) {
			case 'saved':
				return {text: `Date de la prochaine cellule enregistrée : ${frenchDate(meeting)}.`, refused: false};
			case 'unchanged':
				return {text: outcome.byColleague ? `Date de la prochaine cellule déjà enregistrée sur un autre poste : ${frenchDate(meeting)}.` : '', refused: false};
			case 'conflict':
				return {text: outcome.message, refused: true};
			case 'failed':
				return {text: `Date de la prochaine cellule non enregistrée : ${outcome.message}`, refused: true};
		}
	}

	/** The stored next cellule while it is ahead, else a working day two weeks on (never a Sunday). */
	function celluleDefault(settings: Settings): {stored: Day | undefined; proposed: Day} {
		const stored = settings.nextCellule === undefined ? undefined : toDay(settings.nextCellule);
		return {stored, proposed: stored !== undefined && stored >= today ? stored : proposedCellule(today, settings)};
	}

	/** `C`: the next cellule's date alone, stored (settings, journaled) once the form is validated. */
	function setCellule(tools: EditTools): void {
		const settings = tools.settings();
		const {stored, proposed} = celluleDefault(settings);
		tools.openPanel(
			<Form
				title="Date de la prochaine cellule de suivi"
				note={stored === undefined ? 'Aucune date enregistrée : une date ouvrée dans deux semaines est proposée.' : `Enregistrée : ${frenchDate(stored)}.`}
				fields={[{key: 'meeting', label: 'Prochaine cellule', kind: 'date', ahead: true}]}
				initial={{meeting: frenchDate(proposed)}}
				today={today}
				submit={async values => {
					const {parseTypedDate} = await import('../../domain/edits/dates.js');
					const meeting = parseTypedDate(values.meeting ?? '', {today, ahead: true});
					if (meeting === undefined) return 'Prochaine cellule : date impossible (jj/mm/aaaa ou jj/mm).';
					if (meeting < today) return `Prochaine cellule : le ${frenchDate(meeting)} est passé ; donnez une date à venir.`;
					if (meeting === stored) {
						tools.closePanel();
						tools.say(`Rien à enregistrer : la prochaine cellule est déjà le ${frenchDate(meeting)}.`);
						return undefined;
					}
					const news = await storeNextCellule(tools, meeting, settings.nextCellule);
					tools.closePanel();
					if (news.refused) tools.openPanel(<Notice title="Prochaine cellule" text={visibleLines(news.text)} alarm onClose={tools.closePanel} />);
					else if (news.text !== '') tools.say(news.text);
					return undefined;
				}}
				onCancel={() => {
					tools.closePanel();
					tools.say('Annulé : rien n’a été modifié.');
				}}
			/>,
		);
	}

	function exportCellule(selection: Selection, tools: EditTools): void {
		const settings = tools.settings();
		const {stored, proposed: meetingDefault} = celluleDefault(settings);
		/** what became of the date as the next cellule, said under the workbook's message */
		let dateNews = '';
		const write = async (meeting: Day, force: boolean): Promise<string | undefined> => {
			const [{writeCelluleWorkbook, defaultCelluleFileName, CelluleFileExistsError, celluleWrittenMessage}, {preparationDueDate}] = await Promise.all([
				import('../../io/celluleWorkbook.js'),
				import('../../domain/workingDays.js'),
			]);
			// a login that sees only its référent·es' people (a base) has them in the name: never the whole PLIE's file
			const name = defaultCelluleFileName(meeting, referentsShown(selection.referent, session.visible), selection.discretion === true);
			const out = options.directory === undefined ? name : path.join(options.directory, name);
			try {
				// never the store or one of its files (a store named like the workbook)
				if (session.file !== undefined) await (await import('../../store/outPath.js')).checkOutPath(out, {storePath: session.file, extension: '.xlsx', what: 'un classeur Excel'});
				const file = await writeCelluleWorkbook({
					participants: tools.participants(),
					settings,
					today,
					meeting,
					referent: selection.referent,
					visible: session.visible,
					discret: selection.discretion === true,
					out,
					force,
				});
				tools.openPanel(
					<Notice title="Cellule de suivi" text={visibleLines(celluleWrittenMessage(file, meeting, preparationDueDate(meeting, settings), today) + dateNews)} onClose={tools.closePanel} />,
				);
				return undefined;
			} catch (error) {
				if (error instanceof CelluleFileExistsError && !force) {
					tools.openPanel(
						<Confirm
							question={visibleLines(`${error.file} existe déjà (il est peut-être ouvert dans Excel). Remplacer ? (o/n)`)}
							onYes={() => write(meeting, true)}
							onNo={() => {
								tools.closePanel();
								tools.say('Fichier non remplacé.');
							}}
						/>,
					);
					return undefined;
				}
				return visibleLines((error as Error).message);
			}
		};
		tools.openPanel(
			<Form
				title={`Préparation de la cellule de suivi — ${referentsShown(selection.referent, session.visible) ?? 'tous les référent·es'}${selection.discretion ? ' (discrétion : initiales)' : ''}`}
				note={`Le fichier cellule-AAAA-MM-JJ${selection.discretion ? '-discret' : ''}.xlsx sera écrit dans le dossier courant.`}
				fields={[{key: 'meeting', label: 'Date de la cellule', kind: 'date', ahead: true}]}
				initial={{meeting: frenchDate(meetingDefault)}}
				today={today}
				submit={async values => {
					const {parseTypedDate} = await import('../../domain/edits/dates.js');
					const meeting = parseTypedDate(values.meeting ?? '', {today, ahead: true});
					if (meeting === undefined) return 'Date de la cellule : date impossible (jj/mm/aaaa ou jj/mm).';
					// a date ahead other than the stored one becomes the next cellule (header, export --cellule)
					if (meeting >= today && meeting !== stored) {
						const {text} = await storeNextCellule(tools, meeting, settings.nextCellule);
						dateNews = text === '' ? '' : `\n${text}`;
					}
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

	/** the last selection's discrétion mode: a colleague's change names people as the screen does */
	let discretion = false;

	/** Says who changed which person and what (the journal's last line on each, when the store has a file). */
	async function tellColleagueChange(before: readonly Participant[], tools: EditTools): Promise<void> {
		const changes = changedPeople(before, session.data.participants);
		if (changes.length === 0) return;
		const last = new Map<string, Attribution>();
		if (session.file !== undefined) {
			const journal = await (await import('../../store/journal.js')).readJournal(session.file).catch(() => undefined);
			for (const line of journal?.lines ?? []) if (line.participantId !== undefined) last.set(line.participantId, {user: line.user, action: line.action});
		}
		const news = colleagueNews(changes, p => displayName(p, discretion), id => last.get(id));
		if (news !== undefined && pending === 0) tools.say(visibleText(news));
	}

	/** The kinds of the person's échéances (§7), which `z` offers after the alerts. */
	function echeanceKindsOf(participant: Participant, tools: EditTools): string[] {
		return [...new Set(participantEcheances(participant, today, tools.settings()).map(item => item.kind))];
	}

	function watch(tools: EditTools, ms = 3000): () => void {
		shownTools = tools;
		if (notices.length > 0) tools.say(notices.splice(0).map(capitalize).join(' · '));
		const timer = setInterval(() => {
			// edits shown but not saved yet would vanish from the screen for a moment: wait for them
			if (pending > 0) return;
			const before = session.data.participants;
			session.reloadIfChanged().then(
				changed => {
					if (!changed || pending > 0) return;
					refresh(tools);
					void tellColleagueChange(before, tools);
				},
				() => undefined, // an unreadable file is reported by the next save
			);
		}, ms);
		return () => clearInterval(timer);
	}

	/** What an edit key does: with what the user is on and the dashboard's tools. */
	type EditAction = (selection: Selection, tools: EditTools) => CommandFollowUp;
	type PersonEdit = (on: {participant: Participant; step: Step | undefined; selection: Selection; tools: EditTools; context: () => FormContext}) => CommandFollowUp;

	/** An edit of the person selected (shown, or highlighted in the queue), with the selected step if any. */
	const forPerson =
		(edit: PersonEdit): EditAction =>
		(selection, tools) => {
			const participant = tools.participants().find(p => p.id === selection.participantId);
			if (!participant) {
				tools.say(selection.nobody ?? 'Personne n’est sélectionné·e : ouvrez une file, puis une fiche.');
				return;
			}
			const step = selection.stepIndex === undefined ? undefined : participant.steps[selection.stepIndex];
			return edit({participant, step, selection, tools, context: () => formContext(tools, participant, selection)});
		};

	/** A step key: needs a selected step. */
	const onStep =
		(act: (ref: StepRef, on: Parameters<PersonEdit>[0] & {step: Step}) => void): PersonEdit =>
		on => {
			if (!on.step && on.selection.eventIndex !== undefined) {
				on.tools.say('Le curseur est sur un événement : remontez-le (↑) sur une étape.');
				return;
			}
			if (!on.step) {
				on.tools.say(`Aucune étape : ${keysOf('step-add', 'participant')} pour en ajouter une.`);
				return;
			}
			act(stepRef(on.step), {...on, step: on.step});
		};

	/** `d` / `t` / `i`: on the selected step in the fiche, or the step of a steps queue's row; elsewhere in a queue, open the fiche first. */
	const stepKey = (command: StepCommand): EditAction =>
		forPerson(on => {
			if (on.selection.view === 'queue' && on.step === undefined) {
				on.tools.say(`${keysOf(command, 'queue')} : ouvrez la fiche (${keysOf('open', 'queue')}) et choisissez l’étape.`);
				return;
			}
			return onStep((_ref, {tools, participant, step}) => quickEdit(tools, participant, stepEdit(command, participant, step)))(on);
		});

	/** Every edit key of the keymap, one action each (a key without one does not compile). */
	const EDITS: Record<EditCommand, EditAction> = {
		undo: (_selection, tools) => undo(tools),
		'export-cellule': (selection, tools) => exportCellule(selection, tools),
		'set-cellule': (_selection, tools) => setCellule(tools),
		// the « Bilan » screen's workbook (bilanExport.tsx)
		'bilan-export': (selection, tools) => exportBilan(selection, tools, {today, directory: options.directory, storeFile: session.file}),
		'step-start': stepKey('step-start'),
		'step-finish': stepKey('step-finish'),
		'step-interrupt': stepKey('step-interrupt'),
		// `m` changes the line the cursor is on: a step, or an event
		'step-edit': forPerson(on => {
			const event = selectedEvent(on.participant, on.selection);
			if (event) on.tools.openPanel(eventEditForm(on.context(), event.ref, event.event));
			else onStep((_ref, {tools, context, step}) => tools.openPanel(stepForm(context(), step)))(on);
		}),
		'step-add': forPerson(({tools, context}) => tools.openPanel(newStepForm(context()))),
		interview: forPerson(({tools, participant}) => recordToday(tools, participant, p => recordInterview(p, today))),
		absence: forPerson(({tools, participant}) => recordToday(tools, participant, p => recordAbsence(p, today))),
		'event-note': forPerson(({tools, participant, selection, context}) => {
			const event = selectedEvent(participant, selection) ?? recordedEvent(participant);
			if (!event) {
				tools.say(`${keysOf('event-note', 'participant')} : mettez le curseur sur un événement (↓ sous les étapes), ou tapez-le après ${keysOf('interview', 'participant')} ou ${keysOf('absence', 'participant')}.`);
				return;
			}
			tools.openPanel(eventNoteForm(context(), event.ref, event.event));
		}),
		'event-delete': forPerson(({tools, participant, selection, context}) => {
			const event = selectedEvent(participant, selection);
			if (!event) {
				tools.say(`${keysOf('event-delete', 'participant')} supprime un événement : descendez le curseur (↓) sur les événements. Une étape ne se supprime pas : ${keysOf('step-interrupt', 'participant')} l’interrompt, ${keysOf('step-edit', 'participant')} la modifie.`);
				return;
			}
			const note = event.event.note ? ` (« ${event.event.note} »)` : '';
			tools.openPanel(
				<Confirm
					question={visibleLines(`Supprimer ${eventTitle(event.event).replace(/^Événement/, 'l’événement')}${note} ? (o/n) — ${keysOf('undo', 'participant')} le rétablira.`)}
					onYes={async () => {
						const refusal = await context().save(p => deleteEvent(p, event.ref));
						if (refusal !== undefined) {
							tools.closePanel();
							tools.say(refusal);
						}
					}}
					onNo={() => {
						tools.closePanel();
						tools.say('Rien n’a été supprimé.');
					}}
				/>,
			);
		}),
		'event-form': forPerson(({tools, context}) => tools.openPanel(eventForm(context()))),
		// starting a standby asks its day and reason (a small form); ending it is one key.
		// Both are asked of the person the screen shows: two people asking the same agree.
		standby: forPerson(({tools, participant, context}) => {
			if (participant.standbySince === undefined) tools.openPanel(standbyForm(context()));
			else quickEdit(tools, participant, p => setStandby(p, 'end', today));
		}),
		contract: forPerson(({tools, context}) => tools.openPanel(contractForm(context()))),
		exit: forPerson(({tools, participant, context}) =>
			tools.openPanel(computeFacts(participant, today).status === 'intake' ? nonIntegrationForm(context()) : exitForm(context())),
		),
		snooze: forPerson(({tools, participant, selection, context}) => {
			// on the échéances screen: the highlighted item's kind; in a queue: its indicator; in the fiche: the alerts, then the échéances
			const ids =
				selection.view === 'echeances' && selection.echeanceKind !== undefined
					? [selection.echeanceKind]
					: selection.view === 'queue' && selection.indicatorId !== undefined
						? [selection.indicatorId]
						: [...alertsOf(participant, tools), ...echeanceKindsOf(participant, tools)];
			if (ids.length === 0) {
				tools.say('Aucune alerte ni échéance à mettre en attente pour cette personne.');
				return;
			}
			tools.openPanel(snoozeForm(context(), ids, selection.view === 'echeances' ? selection.echeanceKind : selection.indicatorId));
		}),
		// the exit procedure (004_…): edits/exitForms.tsx
		'exit-follow-up': forPerson(({tools, participant, context}) => {
			if (participant.exitDate === undefined) tools.say(`Pas de sortie enregistrée : ${keysOf('exit', 'participant')} pour l’enregistrer, puis ${keysOf('exit-follow-up', 'participant')} pour son suivi.`);
			else tools.openPanel(exitFollowUpForm(context()));
		}),
		'validate-exits': (selection, tools) => validateExits({selection, tools, today, visible: session.visible, apply, refresh: () => refresh(tools)}),
	};

	const handler: EditHandler = (command, selection, tools) => {
		discretion = selection.discretion === true;
		return EDITS[command](selection, tools);
	};
	return Object.assign(handler, {watch, saveStatus, storeNotice});
}

function capitalize(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}
