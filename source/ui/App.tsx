// The keyboard dashboard: dashboard → queue → participant. The caseload comes in
// as props (participants + settings); the triage is computed once per (caseload,
// referent) and every screen reads it. The App owns the keyboard (ui/keys): its
// keys are looked up in the keymap for the scope it is in (a view, the filter, the
// help, the referent picker); edit commands go to `onCommand` (the edits plug in
// there), and a form they open owns the keyboard until it closes.
import {Box, Text, useApp} from 'ink';
import React, {type ReactNode, useMemo, useRef, useState} from 'react';
import {type Day} from '../domain/calendar.js';
import type {EcheanceKind} from '../domain/echeances/index.js';
import {computeFacts} from '../domain/facts.js';
import type {Participant} from '../domain/model.js';
import type {Settings} from '../domain/settings.js';
import {triage} from '../domain/triage.js';
import {dashboardStatus, DashboardScreen, sectionJump} from './DashboardScreen.js';
import {echeancesData, summaryText} from './echeances/echeancesData.js';
import {ECHEANCES_CHROME_LINES, EcheancesScreen, echeanceStatus, fichStatus, KindPicker, kindCounts, nextPersonIndex} from './echeances/EcheancesScreen.js';
import {echeancesSectionHeight, fichEcheances} from './echeances/EcheancesSection.js';
import {EXITS_TO_CLOSE, queueOf} from './echeances/exitsQueue.js';
import {displayName, truncate} from './format.js';
import {Frame} from './Frame.js';
import {helpLength, HelpOverlay} from './HelpOverlay.js';
import {type Binding, type CommandIn, type EditCommand, KEYMAP, type Scope, type View} from './keymap.js';
import {type Settled, textOf} from './keys/keyboard.js';
import type {KeyPress} from './keys/splitKeys.js';
import {KeyboardContext, useKeyboardOwner, useKeyLayer} from './keys/useKeyboard.js';
import {clamp, initialNavState, type Move, type NavAction, navReducer, type NavState} from './navigation.js';
import {budget, ParticipantScreen, shownSteps} from './ParticipantScreen.js';
import {QUEUE_CHROME_LINES, QueueScreen} from './QueueScreen.js';
import {choiceIndex, matchingChoices, ReferentPicker, referentChoices, referentLabel} from './ReferentPicker.js';
import {type DashboardRow, dashboardIndexOf, dashboardRows, longestId, queueColumns, type QueueRow, queueRows, searchIndex} from './screenData.js';
import {bodyHeight} from './theme.js';
import {useTerminalSize} from './useTerminalSize.js';

/** What the user is on, for the commands of the keymap the dashboard does not handle (edits). */
export interface Selection {
	readonly view: View;
	readonly referent?: string;
	readonly indicatorId?: string;
	/** the participant shown, or highlighted in the queue */
	readonly participantId?: string;
	/** index in participant.steps of the selected step (participant view) */
	readonly stepIndex?: number;
	/** discrétion mode (`*`): initials instead of names */
	readonly discretion?: boolean;
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
export function scopesOf(nav: NavState): readonly [AppScope] {
	if (nav.typing) return ['filter'];
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
	const choices = useMemo(() => referentChoices(participants), [participants]);
	const cache = useRef<{dashboard?: [unknown, string, DashboardRow[]]; queue?: [unknown, string, string, QueueRow[]]}>({});

	/** Everything the screens and keys need for a navigation state (lists cached per triage and filter). */
	function derive(state: NavState) {
		const c = cache.current;
		if (!c.dashboard || c.dashboard[0] !== result || c.dashboard[1] !== state.dashboard.filter) {
			c.dashboard = [result, state.dashboard.filter, dashboardRows(result, state.dashboard.filter)];
		}
		const dashboard = c.dashboard[2];
		const indicator = state.queue ? queueOf(result, state.queue.indicatorId, settings) : undefined;
		const queueFilter = state.queue?.filter ?? '';
		let queue: QueueRow[] = [];
		if (indicator) {
			if (!c.queue || c.queue[0] !== result || c.queue[1] !== indicator.definition.id || c.queue[2] !== queueFilter) {
				c.queue = [result, indicator.definition.id, queueFilter, queueRows(result, indicator, queueFilter, search)];
			}
			queue = c.queue[3];
		}
		const queueCursor = clamp(state.queue?.cursor ?? 0, 0, Math.max(0, queue.length - 1));
		const shownId = state.participant?.id;
		const shown = shownId === undefined ? undefined : byId.get(shownId);
		const facts = shown ? (result.facts.get(shown.id) ?? computeFacts(shown, today)) : undefined;
		const steps = facts ? shownSteps(facts) : [];
		const membership = facts ? result.memberOf(facts.participant.id) : [];
		// the échéances (screen, dashboard line, fiche section): once per triage
		const echeances = echeancesData(result, settings);
		const echeanceRows = echeances.ofKind(state.echeances.kind);
		const echeanceCursor = clamp(state.echeances.cursor, 0, Math.max(0, echeanceRows.items.length - 1));
		const fichRoom = facts ? height - echeancesSectionHeight(facts, fichEcheances(facts, settings), height, width) : height;
		const stepLines = facts ? budget(fichRoom, steps.length, facts.participant.events.length, membership.length).steps : 1;
		const stepCursor = clamp(state.participant?.step ?? 0, 0, Math.max(0, steps.length - 1));
		return {dashboard, indicator, queueFilter, queue, queueCursor, shownId, facts, steps, membership, stepLines, stepCursor, echeances, echeanceRows, echeanceCursor};
	}

	const current = derive(nav);
	const {dashboard, indicator, queueFilter, queue, queueCursor, shownId, facts, steps} = current;
	const nameOf = (p: Participant) => displayName(p, nav.discretion);
	const columns = indicator
		? queueColumns(indicator, {width, showReferent: nav.referent === undefined, nameOf, idWidth: longestId(indicator)})
		: [];

	function selection(): Selection {
		const s = navRef.current;
		const d = derive(s);
		const echeance = s.view === 'echeances' ? d.echeanceRows.items[d.echeanceCursor] : undefined;
		const highlighted = s.view === 'queue' ? d.queue[d.queueCursor]?.entry.id : echeance?.participant.id;
		return {
			view: s.view,
			referent: s.referent,
			indicatorId: s.queue?.indicatorId,
			participantId: s.view === 'participant' ? d.shownId : highlighted,
			stepIndex: s.view === 'participant' ? d.steps[d.stepCursor]?.index : undefined,
			discretion: s.discretion,
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
		return {count: d.steps.length, page: d.stepLines};
	}

	function move(to: Move) {
		dispatch({type: 'move', move: to, ...listSize(navRef.current)});
	}

	function openParticipantAt(index: number) {
		const row = derive(navRef.current).queue[index];
		if (row) dispatch({type: 'open-participant', id: row.entry.id, index, step: firstStepToFix(row.entry.id)});
	}

	/** The step the queue is about (or any step to fix) is selected on opening: `d`/`t` act on it at once. */
	function firstStepToFix(id: string): number {
		const facts = result.facts.get(id);
		if (!facts) return 0;
		const steps = shownSteps(facts);
		const wanted = {'steps.to-start': 'to-start', 'steps.to-finish': 'to-finish'}[navRef.current.queue?.indicatorId ?? ''];
		const index = steps.findIndex(s => s.problem !== undefined && (wanted === undefined || s.problem === wanted));
		return Math.max(0, index >= 0 ? index : steps.findIndex(s => s.problem !== undefined));
	}

	/** n / p: the next person of the queue; when the shown person left it (after an edit), the one now in their place. */
	function stepThroughQueue(direction: 1 | -1) {
		if (navRef.current.participant?.from === 'echeances') return stepThroughEcheances(direction);
		const d = derive(navRef.current);
		const index = d.queueCursor;
		const stillThere = d.queue[index]?.entry.id === d.shownId;
		const target = direction === 1 ? (stillThere ? index + 1 : index) : index - 1;
		if (target < 0 || target >= d.queue.length) {
			setNotice(direction === 1 ? 'Dernière personne de la file.' : 'Première personne de la file.');
			return;
		}
		openParticipantAt(target);
	}

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
		// the échéances screen (echeances/)
		echeances: () => dispatch({type: 'open-echeances'}),
		'exits-to-close': () => dispatch({type: 'open-queue', indicatorId: EXITS_TO_CLOSE}),
		'echeance-kinds': () => dispatch({type: 'echeances', action: {type: 'pick'}}),
		'kind-choose': () => dispatch({type: 'echeances', action: {type: 'choose'}}),
	};

	function jumpSection(direction: -1 | 1) {
		const s = navRef.current;
		if (s.view === 'dashboard') dispatch({type: 'select', index: sectionJump(derive(s).dashboard, s.dashboard.cursor, direction)});
	}

	function open() {
		const s = navRef.current;
		const d = derive(s);
		if (s.view === 'dashboard') {
			const row = d.dashboard[clamp(s.dashboard.cursor, 0, Math.max(0, d.dashboard.length - 1))];
			if (row) dispatch({type: 'open-queue', indicatorId: row.indicator.definition.id});
		} else if (s.view === 'queue') {
			openParticipantAt(d.queueCursor);
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
	if (props.panel) {
		body = props.panel;
	} else if (nav.overlay === 'help') {
		body = <HelpOverlay width={width} height={height} bindings={bindings} scope={nav.view} offset={nav.helpOffset} />;
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
				discretion={nav.discretion}
				width={width}
				height={height}
			/>
		);
		const here = queue[queueCursor]?.entry.id === shownId ? `${queueCursor + 1}/${queue.length}` : `hors de la file (${queue.length})`;
		status = nav.participant?.from === 'echeances' ? fichStatus(current.echeanceRows.items, current.echeanceCursor, shownId) : `Fiche ${here} · file « ${indicator?.definition.label ?? ''} »`;
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
				columns={columns}
				cursor={queueCursor}
				offset={nav.queue!.offset}
				width={width}
				height={height}
				filter={queueFilter}
			/>
		);
		const row = queue[queueCursor];
		status = row
			? `${nameOf(row.participant)} · ${row.participant.id} · ${indicator.definition.figure.label} : ${row.entry.figure} — Entrée : ouvrir la fiche`
			: '';
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
	const filter = nav.view === 'dashboard' ? nav.dashboard.filter : nav.view === 'queue' ? queueFilter : '';
	if (nav.typing) status = `Filtre : ${filter}▏ (Entrée : valider, Échap : effacer)`;
	else if (filter !== '' && nav.overlay === 'none') status = `Filtre « ${filter} » (Échap : effacer) · ${status}`;
	if (notice) status = notice;
	else if (props.message && props.message !== dismissed) status = props.message.text;
	if (props.saveStatus) status = status ? `${props.saveStatus} · ${status}` : props.saveStatus;

	return (
		<KeyboardContext.Provider value={keyboard}>
			{turns}
			<Frame
			color={props.color !== false}
			width={width}
			height={height}
			header={{referent: referentLabel(choices, nav.referent), today, storePath, settings, discretion: nav.discretion}}
			status={status}
			// the keys of what owns the keyboard: a form over the screen, or the screen
			scopes={props.panel ? ownerScopes : scopes}
			bindings={bindings}
		>
			{body}
		</Frame>
		</KeyboardContext.Provider>
	);
}
