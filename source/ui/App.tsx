// The keyboard dashboard: dashboard → queue → participant. The caseload comes in
// as props (participants + settings); the triage is computed once per (caseload,
// referent) and every screen reads it. The App owns the keyboard (ui/keys): its
// keys are looked up in the keymap for the scope it is in (a view, the filter, the
// help, the referent picker); edit commands go to `onCommand` (the edits plug in
// there), and a form they open owns the keyboard until it closes.
import {referentsShown, type Visibility} from '../domain/visibility.js';
import {Box, Text, useApp} from 'ink';
import React, {type ReactNode, useEffect, useMemo, useRef, useState} from 'react';
import {type Day, frenchDate} from '../domain/calendar.js';
import type {Bilan} from '../domain/bilan/index.js';
import {discreetText, hiddenTyping} from '../domain/discretion.js';
import type {EcheanceKind} from '../domain/echeances/index.js';
import {computeFacts} from '../domain/facts.js';
import type {Participant} from '../domain/model.js';
import type {Settings} from '../domain/settings.js';
import {type IndicatorResult, triage} from '../domain/triage.js';
import {dashboardStatus, DashboardScreen, sectionJump} from './DashboardScreen.js';
import {echeancesData, summaryText} from './echeances/echeancesData.js';
import {ECHEANCES_CHROME_LINES, EcheancesScreen, echeanceStatus, fichStatus, KindPicker, kindCounts, nextPersonIndex} from './echeances/EcheancesScreen.js';
import {echeancesSectionHeight, fichEcheances} from './echeances/EcheancesSection.js';
import {EXITS_TO_CLOSE, queueOf} from './echeances/exitsQueue.js';
import {SNOOZES_QUEUE} from './snoozes/snoozesQueue.js';
import {displayName, truncate} from './format.js';
import {Frame} from './Frame.js';
import {DiscretionContext} from './discretion.js';
import {helpLength, HelpOverlay} from './HelpOverlay.js';
import {type Binding, type CommandIn, type EditCommand, KEYMAP, keysOf, type Scope, type View} from './keymap.js';
import {type Settled, textOf} from './keys/keyboard.js';
import type {KeyPress} from './keys/splitKeys.js';
import {KeyboardContext, useKeyboardOwner, useKeyLayer} from './keys/useKeyboard.js';
import {clamp, initialNavState, type Move, type NavAction, navReducer, type NavState} from './navigation.js';
import {ficheLayoutOf, ficheStatus, ParticipantScreen, shownEvents, shownSteps} from './ParticipantScreen.js';
import {emptyQueueText, QUEUE_CHROME_LINES, QueueScreen} from './QueueScreen.js';
import {choiceIndex, matchingChoices, ReferentPicker, referentChoices, referentLabel} from './ReferentPicker.js';
import {PeopleSearch} from './search/PeopleSearch.js';
import {type DashboardRow, dashboardIndexOf, dashboardRows, filterQueueRows, longestId, nextQueue, queueColumns, type QueueRow, queueRows, rowKey, searchIndex} from './screenData.js';
import {bodyHeight} from './theme.js';
import {useTerminalSize} from './useTerminalSize.js';
import {bilanCommands, bilanShown, bilanView} from './bilan/bilanApp.js';
import {BilanMemo} from './bilan/bilanMemo.js';

/** What the user is on, for the commands of the keymap the dashboard does not handle (edits). */
export interface Selection {
	readonly view: View;
	readonly referent?: string;
	readonly indicatorId?: string;
	/** the participant shown, or highlighted in the queue */
	readonly participantId?: string;
	/** index in participant.steps of the selected step (participant view) */
	readonly stepIndex?: number;
	/** index in participant.events of the selected event (participant view, cursor below the steps) */
	readonly eventIndex?: number;
	/** discrétion mode (`*`): initials instead of names */
	readonly discretion?: boolean;
	/** the bilan shown on the « Bilan » screen (its `E` writes it) */
	readonly bilan?: Bilan;
	/** why nobody is selected, in words (an emptied queue, a filter that matches no one) */
	readonly nobody?: string;
	/** the kind of the échéance highlighted on the échéances screen */
	readonly echeanceKind?: EcheanceKind;
}

/**
 * What an edit command's handler returns: 'open' to open the highlighted person
 * instead, or a promise the next key waits for (an undo being saved).
 */
export type CommandFollowUp = 'open' | void | Promise<unknown>;

/** The scopes the App's own screens and overlays put the keyboard in. */
type AppScope = View | 'filter' | 'help' | 'picker' | 'echeance-kinds';

/** The App's own commands: every command of its scopes but the edits. */
type AppCommand = Exclude<CommandIn<AppScope>, EditCommand>;

const EDIT_COMMANDS: ReadonlySet<string> = new Set(KEYMAP.filter(binding => 'edit' in binding).map(binding => binding.command));

function isEditCommand(command: string): command is EditCommand {
	return EDIT_COMMANDS.has(command);
}

/** Where the keyboard is, for the keymap: typing a filter, an overlay, or a view. */
export function scopesOf(nav: NavState): readonly [AppScope | 'people'] {
	if (nav.typing) return ['filter'];
	// the people search takes its own keys (ui/search); this is for the footer
	if (nav.overlay === 'people') return ['people'];
	if (nav.overlay === 'help') return ['help'];
	if (nav.overlay === 'referent') return ['picker'];
	if (nav.view === 'echeances' && nav.echeances.picking) return ['echeance-kinds'];
	return [nav.view];
}

export interface StatusMessage {
	readonly text: string;
}

export interface AppProps {
	readonly participants: readonly Participant[];
	readonly settings: Settings;
	readonly storePath: string;
	readonly today: Day;
	/** initial referent (`--referent`); `r` changes it */
	readonly referent?: string;
	/** open on this indicator's queue (`--queue`, already checked to exist) */
	readonly queue?: string;
	/** false with NO_COLOR: symbols only */
	readonly color?: boolean;
	/** the keymap; defaults to KEYMAP (extra bindings appear in the help) */
	readonly bindings?: readonly Binding[];
	/** called with an edit command of the keymap */
	readonly onCommand?: (command: EditCommand, selection: Selection) => CommandFollowUp;
	/** shown in the status line until the next key (a new object each time, so the same words can come back) */
	readonly message?: StatusMessage;
	/** shown instead of the body (a form); it owns the keyboard while shown (usePanelKeys) */
	readonly panel?: ReactNode;
	/** saves not on disk yet, a busy store: first in the status line, whatever the keys (edits/saveStatus.ts) */
	readonly saveStatus?: string;
	/** whose participants the store shows (a référent login on a base): « Tous » then names them */
	readonly visible?: Visibility;
}

export function App(props: AppProps) {
	const {participants, settings, storePath, today, bindings = KEYMAP} = props;
	const {exit} = useApp();
	const {columns: width, rows} = useTerminalSize();
	const height = bodyHeight(rows);
	// The state lives in a ref as well as in React: an action dispatched by a key is
	// seen by what the same key does next (open a queue, then its first person).
	const [nav, setNav] = useState<NavState>(() =>
		initialNavState({referent: props.referent, queue: props.queue, dashboardIndex: props.queue === undefined ? 0 : dashboardIndexOf(props.queue)}),
	);
	const navRef = useRef(nav);
	function dispatch(action: NavAction) {
		navRef.current = navReducer(navRef.current, action);
		setNav(navRef.current);
	}
	const [notice, setNotice] = useState<string | undefined>();
	const [dismissed, setDismissed] = useState<StatusMessage | undefined>();

	// the one triage of this caseload for this referent (not per key press)
	const result = useMemo(
		() => triage(participants, {today, settings, referent: nav.referent, hideSnoozed: true}),
		[participants, settings, today, nav.referent],
	);
	const search = useMemo(() => searchIndex(participants), [participants]);
	const byId = useMemo(() => new Map(participants.map(p => [p.id, p])), [participants]);
	const choices = useMemo(() => referentChoices(participants, props.visible), [participants, props.visible]);
	const cache = useRef<{
		dashboard?: [unknown, string, DashboardRow[]];
		queue?: [unknown, string, QueueRow[]];
		filtered?: [readonly QueueRow[], string, readonly QueueRow[]];
		/** a person found by `:` outside this triage: their indicators, per triage and version of the person */
		outside?: [unknown, Participant, readonly string[]];
		/** the queue's widest id, per queue of a triage */
		idWidth?: [IndicatorResult, number];
	}>({});
	const bilans = useRef(new BilanMemo(props.visible)).current;
	/** the queue row whose fiche is open (n / p go on from it) */
	const openedRow = useRef<string | undefined>(undefined);

	/** Everything the screens and keys need for a navigation state (lists cached per triage and filter). */
	function derive(state: NavState) {
		const c = cache.current;
		if (!c.dashboard || c.dashboard[0] !== result || c.dashboard[1] !== state.dashboard.filter) {
			c.dashboard = [result, state.dashboard.filter, dashboardRows(result, state.dashboard.filter)];
		}
		const dashboard = c.dashboard[2];
		// the « Bilan » screen's bilan, and the queue of one of its rows
		const bilan = bilanView(state, {participants, settings, today, memo: bilans});
		const indicator = state.queue?.bilanRow ? bilan?.queue : state.queue ? queueOf(result, state.queue.indicatorId, settings) : undefined;
		const queueFilter = state.queue?.filter ?? '';
		let queue: readonly QueueRow[] = [];
		let queueTotal = 0;
		if (indicator) {
			// the whole queue once per triage; each letter typed in the filter only narrows it
			if (!c.queue || c.queue[0] !== result || c.queue[1] !== indicator.definition.id) {
				c.queue = [result, indicator.definition.id, queueRows(result, indicator, '', search)];
			}
			if (!c.filtered || c.filtered[0] !== c.queue[2] || c.filtered[1] !== queueFilter) {
				c.filtered = [c.queue[2], queueFilter, filterQueueRows(c.queue[2], queueFilter, search)];
			}
			queue = c.filtered[2];
			queueTotal = c.queue[2].length;
		}
		// an emptied queue offers the next one of its section
		const next = indicator && queue.length === 0 && queueFilter === '' ? nextQueue(result, indicator.definition.id) : undefined;
		const queueCursor = clamp(state.queue?.cursor ?? 0, 0, Math.max(0, queue.length - 1));
		const shownId = state.participant?.id;
		const shown = shownId === undefined ? undefined : byId.get(shownId);
		const facts = shown ? (result.facts.get(shown.id) ?? computeFacts(shown, today)) : undefined;
		const steps = facts ? shownSteps(facts) : [];
		const events = facts ? shownEvents(facts.participant) : [];
		// a person found by `:` may be outside this referent's triage: their indicators on their own
		let membership: readonly string[] = [];
		if (facts && result.facts.has(facts.participant.id)) membership = result.memberOf(facts.participant.id);
		else if (facts) {
			if (!c.outside || c.outside[0] !== result || c.outside[1] !== facts.participant) {
				c.outside = [result, facts.participant, triage([facts.participant], {today, settings, hideSnoozed: true}).memberOf(facts.participant.id)];
			}
			membership = c.outside[2];
		}
		const layout = facts ? ficheLayoutOf(facts, membership.length, state.discretion, width, height, settings) : undefined;
		// one cursor over the steps, then the events
		const stepCursor = clamp(state.participant?.step ?? 0, 0, Math.max(0, steps.length + events.length - 1));
		// the échéances (screen, dashboard line, fiche section): once per triage
		const echeances = echeancesData(result, settings);
		const echeanceRows = echeances.ofKind(state.echeances.kind);
		const echeanceCursor = clamp(state.echeances.cursor, 0, Math.max(0, echeanceRows.items.length - 1));
		return {dashboard, indicator, queueFilter, queue, queueTotal, next, queueCursor, shownId, facts, steps, events, membership, layout, stepCursor, bilan, echeances, echeanceRows, echeanceCursor};
	}

	function idWidthOf(indicator: IndicatorResult): number {
		const c = cache.current;
		if (!c.idWidth || c.idWidth[0] !== indicator) c.idWidth = [indicator, longestId(indicator)];
		return c.idWidth[1];
	}

	const current = derive(nav);
	// names and notes in messages and panels, hidden in discrétion mode (built once per caseload, when first needed)
	const hide = useMemo(() => discreetText(participants), [participants]);
	const discretion = useMemo(() => ({on: nav.discretion, text: nav.discretion ? hide : (text: string) => text}), [nav.discretion, hide]);
	const {dashboard, indicator, queueFilter, queue, queueCursor, shownId, facts, steps} = current;
	// the person shown left the caseload this screen may show (given to another référent·e, removed,
	// on another post): back to where the fiche was opened from, said, rather than a fiche of nobody
	const gone = nav.view === 'participant' && shownId !== undefined && facts === undefined;
	useEffect(() => {
		if (!gone) return;
		dispatch({type: 'back'});
		setNotice('La fiche affichée n’est plus dans votre liste (modifiée ou retirée sur un autre poste).');
	}, [gone]);
	const nameOf = (p: Participant) => displayName(p, nav.discretion);
	const columns = indicator
		? queueColumns(indicator, {width, showReferent: nav.referent === undefined, nameOf, idWidth: idWidthOf(indicator), discretion: nav.discretion})
		: [];

	function selection(): Selection {
		const s = navRef.current;
		const d = derive(s);
		const row = s.view === 'queue' ? d.queue[d.queueCursor] : undefined;
		const echeance = s.view === 'echeances' ? d.echeanceRows.items[d.echeanceCursor] : undefined;
		return {
			view: s.view,
			referent: s.referent,
			// a row of « Mises en attente » is one snooze: z shows it (to lift or renew it)
			indicatorId: s.queue?.bilanRow ? undefined : (row?.snooze?.snooze.indicator ?? s.queue?.indicatorId),
			participantId: s.view === 'participant' ? d.shownId : (row?.entry.id ?? echeance?.participant.id),
			// a steps queue's row is one step: d / t / i act on it
			stepIndex: s.view === 'participant' ? d.steps[d.stepCursor]?.index : row?.step?.index,
			eventIndex: s.view === 'participant' ? d.events[d.stepCursor - d.steps.length]?.index : undefined,
			discretion: s.discretion,
			bilan: s.view === 'bilan' ? d.bilan?.bilan : undefined,
			nobody: s.view === 'queue' && !row ? emptyQueueText(d.queueFilter, d.next, s.queue?.indicatorId) : undefined,
			echeanceKind: echeance?.kind,
		};
	}

	/** Length and page of the list the arrows act on. */
	function listSize(state: NavState): {count: number; page: number; groupStarts?: readonly number[]} {
		const d = derive(state);
		if (state.overlay === 'referent') return {count: matchingChoices(choices, state.pickerQuery).length, page: Math.max(1, height - 1)};
		if (state.overlay === 'help') return {count: helpLength(bindings, state.view), page: Math.max(1, height - 1)};
		if (state.view === 'dashboard') return {count: d.dashboard.length, page: height};
		if (state.view === 'queue') return {count: d.queue.length, page: Math.max(1, height - QUEUE_CHROME_LINES)};
		if (state.view === 'echeances') return {count: d.echeanceRows.items.length, page: Math.max(2, height - ECHEANCES_CHROME_LINES), groupStarts: d.echeanceRows.groupStarts};
		return {count: d.steps.length + d.events.length, page: d.layout?.steps ?? 1};
	}

	function move(to: Move) {
		const s = navRef.current;
		if (s.view === 'bilan' && s.overlay === 'none') return bilanKeys.move(to);
		const d = s.view === 'participant' && s.overlay === 'none' ? derive(s) : undefined;
		const fiche = d?.layout ? {steps: d.steps.length, stepPage: d.layout.steps, eventPage: d.layout.events} : undefined;
		dispatch({type: 'move', move: to, ...listSize(s), fiche});
	}

	function openParticipantAt(index: number) {
		const row = derive(navRef.current).queue[index];
		if (!row) return;
		openedRow.current = rowKey(row);
		dispatch({type: 'open-participant', id: row.entry.id, index, step: firstStepToFix(row)});
	}

	/** The row's step (a steps queue), or any step to fix, is selected on opening: `d`/`t` act on it at once. */
	function firstStepToFix(row: QueueRow): number {
		const steps = shownSteps(row.facts);
		const index = row.step === undefined ? steps.findIndex(s => s.problem !== undefined) : steps.findIndex(s => s.index === row.step!.index);
		return Math.max(0, index);
	}

	/** n / p: the next row of the queue; when the row shown left it (after an edit), the one now in its place. */
	function stepThroughQueue(direction: 1 | -1) {
		if (navRef.current.participant?.from === 'echeances') return stepThroughEcheances(direction);
		if (navRef.current.returnTo) {
			setNotice(`Fiche ouverte par la recherche, hors d’une file : ${keysOf('back', 'participant')} pour revenir.`);
			return;
		}
		const d = derive(navRef.current);
		const index = d.queueCursor;
		const row = d.queue[index];
		const stillThere = row !== undefined && rowKey(row) === openedRow.current;
		const target = direction === 1 ? (stillThere ? index + 1 : index) : index - 1;
		if (d.queue.length === 0) {
			setNotice(`La file est vide : tout est traité (${keysOf('back', 'participant')} : la file).`);
			return;
		}
		if (target < 0 || target >= d.queue.length) {
			setNotice(direction === 1 ? 'Dernière personne de la file.' : 'Première personne de la file.');
			return;
		}
		openParticipantAt(target);
	}

	const bilanKeys = bilanCommands({state: () => navRef.current, dispatch, derived: () => derive(navRef.current).bilan, height, say: setNotice});

	/** n / p on a fiche opened from the échéances: the next (previous) person of the list. */
	function stepThroughEcheances(direction: 1 | -1) {
		const d = derive(navRef.current);
		const target = nextPersonIndex(d.echeanceRows.items, d.echeanceCursor, d.shownId, direction);
		if (target === undefined) setNotice(direction === 1 ? 'Dernière personne de la liste des échéances.' : 'Première personne de la liste des échéances.');
		else openEcheanceAt(target);
	}

	/** The fiche of the échéance at `index`; the step it is about selected. */
	function openEcheanceAt(index: number) {
		const item = derive(navRef.current).echeanceRows.items[index];
		const facts = item ? result.facts.get(item.participant.id) : undefined;
		if (!item || !facts) return;
		const step = item.step === undefined ? 0 : Math.max(0, shownSteps(facts).findIndex(s => s.step === item.step));
		dispatch({type: 'open-participant', id: item.participant.id, index, step, from: 'echeances'});
	}

	/** The App's own commands, one action each (a binding without one does not compile). */
	const actions: Record<AppCommand, (key: KeyPress) => Settled> = {
		quit: () => exit(),
		help: () => dispatch({type: 'toggle-help'}),
		back: () => dispatch({type: 'back'}),
		up: () => move(-1),
		down: () => move(1),
		pageUp: () => move('pageUp'),
		pageDown: () => move('pageDown'),
		first: () => move('first'),
		last: () => move('last'),
		left: () => jumpSection(-1),
		right: () => jumpSection(1),
		open: () => open(),
		next: () => stepThroughQueue(1),
		previous: () => stepThroughQueue(-1),
		filter: () => dispatch({type: 'filter-start'}),
		referent: () => dispatch({type: 'open-referents', index: choiceIndex(choices, navRef.current.referent)}),
		discretion: () => dispatch({type: 'toggle-discretion'}),
		'people-search': () => dispatch({type: 'open-people'}),
		'filter-accept': () => dispatch({type: 'filter-accept'}),
		'filter-clear': () => dispatch({type: 'back'}),
		'filter-erase': () => dispatch({type: 'filter-erase'}),
		'filter-type': key => dispatch({type: 'filter-type', text: textOf(key)}),
		'picker-choose': () => {
			const s = navRef.current;
			const shown = matchingChoices(choices, s.pickerQuery);
			const choice = shown[clamp(s.referentCursor, 0, shown.length - 1)];
			if (choice) dispatch({type: 'choose-referent', referent: choice.referent});
		},
		'picker-erase': () => dispatch({type: 'picker-erase'}),
		'picker-type': key => dispatch({type: 'picker-type', text: textOf(key)}),
		...bilanKeys.commands,
		// the échéances screen (echeances/)
		echeances: () => dispatch({type: 'open-echeances'}),
		'exits-to-close': () => dispatch({type: 'open-queue', indicatorId: EXITS_TO_CLOSE}),
		snoozes: () => dispatch({type: 'open-queue', indicatorId: SNOOZES_QUEUE}),
		'echeance-kinds': () => dispatch({type: 'echeances', action: {type: 'pick'}}),
		'kind-choose': () => dispatch({type: 'echeances', action: {type: 'choose'}}),
	};

	function jumpSection(direction: -1 | 1) {
		const s = navRef.current;
		if (s.view === 'bilan') bilanKeys.jumpTable(direction);
		if (s.view === 'dashboard') dispatch({type: 'select', index: sectionJump(derive(s).dashboard, s.dashboard.cursor, direction)});
	}

	function open() {
		const s = navRef.current;
		const d = derive(s);
		if (s.view === 'dashboard') {
			const row = d.dashboard[clamp(s.dashboard.cursor, 0, Math.max(0, d.dashboard.length - 1))];
			if (row) dispatch({type: 'open-queue', indicatorId: row.indicator.definition.id});
		} else if (s.view === 'queue') {
			if (d.next) dispatch({type: 'open-queue', indicatorId: d.next.definition.id});
			else openParticipantAt(d.queueCursor);
		} else if (s.view === 'bilan') {
			bilanKeys.open();
		} else if (s.view === 'echeances') {
			openEcheanceAt(d.echeanceCursor);
		}
	}

	/** An edit key: the edit handler acts on the selection; it may ask to open the highlighted person instead. */
	function edit(command: EditCommand): Settled {
		const outcome = props.onCommand?.(command, selection());
		if (outcome === 'open') return open();
		return outcome;
	}

	const global: Record<CommandIn<'global'>, () => void> = {quit: () => exit()};
	const {keyboard, turns, ownerScopes} = useKeyboardOwner({bindings, global: command => global[command as CommandIn<'global'>]?.()});
	const scopes = scopesOf(nav);
	useKeyLayer(keyboard, 0, scopes, (command, key) => {
		// a panel owns the keyboard (one without keys of its own leaves the screen's keys paused)
		if (props.panel) return undefined;
		// a status message lasts until the next key
		setNotice(undefined);
		setDismissed(props.message);
		if (isEditCommand(command)) return edit(command);
		if (Object.hasOwn(actions, command)) return actions[command as AppCommand](key);
		return undefined;
	});

	let body: ReactNode;
	let status = '';
	const bilanScreen = nav.view === 'bilan' && nav.overlay === 'none' && current.bilan ? bilanShown(nav, current.bilan, {dispatch, width, height, today}) : undefined;
	if (props.panel) {
		body = props.panel;
	} else if (bilanScreen) {
		({body, status} = bilanScreen);
	} else if (nav.overlay === 'help') {
		body = <HelpOverlay width={width} height={height} bindings={bindings} scope={nav.view} offset={nav.helpOffset} />;
	} else if (nav.overlay === 'people') {
		body = (
			<PeopleSearch
				participants={participants}
				today={today}
				discretion={nav.discretion}
				width={width}
				height={height}
				onOpen={id => dispatch({type: 'open-found', id})}
				onClose={() => dispatch({type: 'back'})}
			/>
		);
	} else if (nav.overlay === 'referent') {
		body = <ReferentPicker choices={matchingChoices(choices, nav.pickerQuery)} cursor={nav.referentCursor} query={nav.pickerQuery} width={width} height={height} />;
	} else if (nav.view === 'participant' && facts) {
		body = (
			<ParticipantScreen
				facts={facts}
				membership={current.membership}
				settings={settings}
				stepCursor={current.stepCursor}
				stepOffset={nav.participant!.stepOffset}
				eventOffset={nav.participant!.eventOffset}
				discretion={nav.discretion}
				width={width}
				height={height}
			/>
		);
		const where = nav.returnTo
			? `Fiche trouvée par la recherche (${keysOf('back', 'participant')} : revenir)`
			: nav.participant?.from === 'echeances'
				? fichStatus(current.echeanceRows.items, current.echeanceCursor, shownId)
				: ficheWhere(queue, queueCursor, openedRow.current, indicator?.definition.label ?? '');
		status = ficheStatus({facts, cursor: current.stepCursor, discretion: nav.discretion, where});
	} else if (nav.view === 'echeances') {
		const {echeances, echeanceRows, echeanceCursor} = current;
		body = nav.echeances.picking ? (
			<KindPicker counts={kindCounts(echeances.items)} total={echeances.items.length} cursor={nav.echeances.kindCursor} width={width} height={height} />
		) : (
			<EcheancesScreen
				rows={echeanceRows}
				kind={nav.echeances.kind}
				today={today}
				until={echeances.until}
				snoozed={echeances.snoozed}
				cursor={echeanceCursor}
				offset={nav.echeances.offset}
				nameOf={nameOf}
				showReferent={nav.referent === undefined}
				width={width}
				height={height}
			/>
		);
		status = nav.echeances.picking ? '' : echeanceStatus(echeanceRows.items[echeanceCursor], today, nameOf);
	} else if (nav.view !== 'dashboard' && indicator) {
		body = (
			<QueueScreen
				indicator={indicator}
				rows={queue}
				total={current.queueTotal}
				next={current.next}
				columns={columns}
				cursor={queueCursor}
				offset={nav.queue!.offset}
				width={width}
				height={height}
				filter={nav.discretion ? hiddenTyping(queueFilter) : queueFilter}
			/>
		);
		const row = queue[queueCursor];
		status = row ? queueRowStatus(row, nameOf(row.participant), indicator.definition.figure.label) : emptyQueueText(queueFilter, current.next, indicator.definition.id);
	} else {
		// the échéances' line above the indicators (echeances/echeancesData.ts)
		body = (
			<Box flexDirection="column">
				<Text wrap="truncate-end">{truncate(summaryText(current.echeances.summary), width)}</Text>
				<DashboardScreen rows={dashboard} cursor={nav.dashboard.cursor} width={width} height={height - 1} />
			</Box>
		);
		status = dashboardStatus(dashboard, nav.dashboard.cursor);
	}
	const typedFilter = nav.view === 'dashboard' ? nav.dashboard.filter : nav.view === 'queue' ? queueFilter : '';
	// discrétion: the filter typed is often a name
	const filter = nav.discretion ? hiddenTyping(typedFilter) : typedFilter;
	if (nav.typing) status = `Filtre : ${filter}▏ (${keysOf('filter-accept', 'filter')} : valider, ${keysOf('filter-clear', 'filter')} : effacer)`;
	else if (nav.overlay === 'people') status = `${keysOf('people-open', 'people')} : ouvrir la fiche · ${keysOf('back', 'people')} : revenir où vous étiez`;
	else if (filter !== '' && nav.overlay === 'none') status = `Filtre « ${filter} » (${keysOf('back', nav.view)} : effacer) · ${status}`;
	if (notice) status = notice;
	else if (props.message && props.message !== dismissed) status = discretion.text(props.message.text);
	if (props.saveStatus) status = status ? `${props.saveStatus} · ${status}` : props.saveStatus;

	return (
		<KeyboardContext.Provider value={keyboard}>
		<DiscretionContext.Provider value={discretion}>
			{turns}
			<Frame
			color={props.color !== false}
			width={width}
			height={height}
			header={{referent: referentLabel(choices, nav.referent) ?? referentsShown(undefined, props.visible), today, storePath, settings, discretion: nav.discretion}}
			status={status}
			// the keys of what owns the keyboard: a form over the screen, or the screen
			scopes={props.panel || bilanScreen?.form ? ownerScopes : scopes}
			bindings={bindings}
		>
			{body}
		</Frame>
		</DiscretionContext.Provider>
		</KeyboardContext.Provider>
	);
}

/** Where the fiche is in its queue, as it is now (after the last fix of a queue, it says the queue is empty). */
export function ficheWhere(queue: readonly QueueRow[], cursor: number, opened: string | undefined, label: string): string {
	const row = queue[cursor];
	if (row !== undefined && rowKey(row) === opened) return `Fiche ${cursor + 1}/${queue.length} · file « ${label} »`;
	if (queue.length === 0) return `Fiche · file « ${label} » vide : tout est traité (${keysOf('back', 'participant')} : la file)`;
	return `Fiche · traité, plus dans la file « ${label} » : ${queue.length} restant${queue.length > 1 ? 's' : ''} (${keysOf('next', 'participant')} : suivant)`;
}

/** The highlighted row in words: who, and for a step row the step (what d / t / i will change). */
function queueRowStatus(row: QueueRow, name: string, figureLabel: string): string {
	const who = `${name} · ${row.participant.id}`;
	if (row.snooze !== undefined) {
		const {snooze, figure} = row.snooze;
		const left = figure === 0 ? 'dernier jour' : `${figure} jour${figure > 1 ? 's' : ''}`;
		return `${who} · jusqu’au ${frenchDate(snooze.until)} (${left}) — ${keysOf('snooze', 'queue')} : voir, lever`;
	}
	if (row.step === undefined) return `${who} · ${figureLabel} : ${row.entry.figure} — Entrée : ouvrir la fiche`;
	const {step} = row.step;
	const dates = `${frenchDate(step.start)} → ${frenchDate(step.end) || '…'}`;
	return `${who} · ${step.state} ${dates} « ${step.label} » · ${figureLabel} : ${row.step.figure} — d/t/i : l’étape`;
}
