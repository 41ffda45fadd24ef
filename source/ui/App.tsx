// The keyboard dashboard: dashboard → queue → participant. The caseload comes in
// as props (participants + settings); the triage is computed once per (caseload,
// referent) and every screen reads it. Keys are looked up in the keymap; keys the
// dashboard does not handle itself go to `onCommand` (the edits plug in there).
import {type Key, useApp, useInput} from 'ink';
import React, {type ReactNode, useMemo, useRef, useState} from 'react';
import {type Day} from '../domain/calendar.js';
import {computeFacts} from '../domain/facts.js';
import type {Participant} from '../domain/model.js';
import type {Settings} from '../domain/settings.js';
import {indicatorResult, triage} from '../domain/triage.js';
import {dashboardStatus, DashboardScreen, sectionJump} from './DashboardScreen.js';
import {displayName} from './format.js';
import {Frame} from './Frame.js';
import {HelpOverlay, helpLines} from './HelpOverlay.js';
import {type Binding, commandFor, KEYMAP, type View} from './keymap.js';
import {clamp, initialNavState, type Move, type NavAction, navReducer, type NavState} from './navigation.js';
import {budget, ParticipantScreen, shownSteps} from './ParticipantScreen.js';
import {QUEUE_CHROME_LINES, QueueScreen} from './QueueScreen.js';
import {choiceIndex, ReferentPicker, referentChoices, referentLabel} from './ReferentPicker.js';
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
}

/** What a command handler may ask the dashboard to do next: open the highlighted person. */
export type CommandFollowUp = 'open' | void;

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
	/** called with a command of the keymap the dashboard does not handle itself */
	readonly onCommand?: (command: string, selection: Selection) => CommandFollowUp;
	/** shown in the status line until the next key (a new object each time, so the same words can come back) */
	readonly message?: StatusMessage;
	/** false while a form of the caller owns the keyboard */
	readonly inputActive?: boolean;
	/** shown instead of the body (a form), with `inputActive` false */
	readonly panel?: ReactNode;
	/** saves not on disk yet, a busy store: first in the status line, whatever the keys (edits/saveStatus.ts) */
	readonly saveStatus?: string;
}

export function App(props: AppProps) {
	const {participants, settings, storePath, today, bindings = KEYMAP} = props;
	const {exit} = useApp();
	const {columns: width, rows} = useTerminalSize();
	const height = bodyHeight(rows);
	// The state lives in a ref as well as in React: keys that arrive in one chunk
	// (fast typing, a paste, tmux send-keys) each see the state left by the previous one.
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
		const indicator = state.queue ? indicatorResult(result, state.queue.indicatorId) : undefined;
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
		const stepLines = facts ? budget(height, steps.length, facts.participant.events.length, membership.length).steps : 1;
		const stepCursor = clamp(state.participant?.step ?? 0, 0, Math.max(0, steps.length - 1));
		return {dashboard, indicator, queueFilter, queue, queueCursor, shownId, facts, steps, membership, stepLines, stepCursor};
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
		const highlighted = s.view === 'queue' ? d.queue[d.queueCursor]?.entry.id : undefined;
		return {
			view: s.view,
			referent: s.referent,
			indicatorId: s.queue?.indicatorId,
			participantId: s.view === 'participant' ? d.shownId : highlighted,
			stepIndex: s.view === 'participant' ? d.steps[d.stepCursor]?.index : undefined,
			discretion: s.discretion,
		};
	}

	/** Length and page of the list the arrows act on. */
	function listSize(state: NavState): {count: number; page: number} {
		const d = derive(state);
		if (state.overlay === 'referent') return {count: choices.length, page: Math.max(1, height - 1)};
		if (state.overlay === 'help') return {count: helpLines(bindings).length + 1, page: Math.max(1, height - 1)};
		if (state.view === 'dashboard') return {count: d.dashboard.length, page: height};
		if (state.view === 'queue') return {count: d.queue.length, page: Math.max(1, height - QUEUE_CHROME_LINES)};
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

	function handleTyping(input: string, key: Key) {
		if (key.escape) dispatch({type: 'back'});
		else if (key.return) dispatch({type: 'filter-accept'});
		else if (key.backspace || key.delete) dispatch({type: 'filter-erase'});
		else if (key.upArrow) move(-1);
		else if (key.downArrow) move(1);
		else if (input !== '' && !key.ctrl && !key.meta && !key.tab) dispatch({type: 'filter-type', text: input});
	}

	function handleCommand(command: string) {
		switch (command) {
			case 'quit':
				exit();
				return;
			case 'help':
				dispatch({type: 'toggle-help'});
				return;
			case 'back':
				dispatch({type: 'back'});
				return;
			case 'up':
				move(-1);
				return;
			case 'down':
				move(1);
				return;
			case 'pageUp':
				move('pageUp');
				return;
			case 'pageDown':
				move('pageDown');
				return;
			case 'first':
				move('first');
				return;
			case 'last':
				move('last');
				return;
			case 'left':
			case 'right': {
				const s = navRef.current;
				const rows = derive(s).dashboard;
				if (s.view === 'dashboard') dispatch({type: 'select', index: sectionJump(rows, s.dashboard.cursor, command === 'left' ? -1 : 1)});
				return;
			}
			case 'open': {
				const s = navRef.current;
				const d = derive(s);
				if (s.view === 'dashboard') {
					const row = d.dashboard[clamp(s.dashboard.cursor, 0, Math.max(0, d.dashboard.length - 1))];
					if (row) dispatch({type: 'open-queue', indicatorId: row.indicator.definition.id});
				} else if (s.view === 'queue') {
					openParticipantAt(d.queueCursor);
				}
				return;
			}
			case 'next':
				stepThroughQueue(1);
				return;
			case 'previous':
				stepThroughQueue(-1);
				return;
			case 'filter':
				dispatch({type: 'filter-start'});
				return;
			case 'referent':
				dispatch({type: 'open-referents', index: choiceIndex(choices, navRef.current.referent)});
				return;
			case 'discretion':
				dispatch({type: 'toggle-discretion'});
				return;
			default:
				if (props.onCommand?.(command, selection()) === 'open') handleCommand('open');
		}
	}

	useInput(
		(input, key) => {
			setNotice(undefined);
			setDismissed(props.message);
			// keys typed faster than the terminal is read arrive as one string ("/zar\r"): one key each
			const chars = [...input];
			if (chars.length > 1 && !key.ctrl && !key.meta) {
				const plain = Object.fromEntries(Object.keys(key).map(name => [name, false])) as unknown as Key;
				for (const char of chars) handleKey(char === '\r' ? '' : char, char === '\r' ? {...plain, return: true} : plain);
				return;
			}
			handleKey(input, key);
		},
		{isActive: props.inputActive !== false},
	);

	function handleKey(input: string, key: Key) {
		const nav = navRef.current;
		if (nav.typing) return handleTyping(input, key);
		if (nav.overlay === 'help') {
			if (key.escape || input === '?') dispatch({type: 'toggle-help'});
			else if (input === 'q') exit();
			else {
				const command = commandFor(input, key, nav.view, bindings);
				if (command === 'up' || command === 'down' || command === 'pageUp' || command === 'pageDown' || command === 'first' || command === 'last') handleCommand(command);
			}
			return;
		}
		if (nav.overlay === 'referent') {
			if (key.return) {
				const choice = choices[clamp(nav.referentCursor, 0, choices.length - 1)];
				dispatch({type: 'choose-referent', referent: choice?.referent});
				return;
			}
			const command = commandFor(input, key, nav.view, bindings);
			if (command === 'back' || command === 'quit' || command === 'up' || command === 'down' || command === 'pageUp' || command === 'pageDown' || command === 'first' || command === 'last') {
				handleCommand(command);
			}
			return;
		}
		const command = commandFor(input, key, nav.view, bindings);
		if (command !== undefined) handleCommand(command);
	}

	let body: ReactNode;
	let status = '';
	if (props.panel) {
		body = props.panel;
	} else if (nav.overlay === 'help') {
		body = <HelpOverlay width={width} height={height} bindings={bindings} offset={nav.helpOffset} />;
	} else if (nav.overlay === 'referent') {
		body = <ReferentPicker choices={choices} cursor={nav.referentCursor} width={width} height={height} />;
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
		status = `Fiche ${here} · file « ${indicator?.definition.label ?? ''} »`;
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
		body = <DashboardScreen rows={dashboard} cursor={nav.dashboard.cursor} width={width} height={height} />;
		status = dashboardStatus(dashboard, nav.dashboard.cursor);
	}
	const filter = nav.view === 'dashboard' ? nav.dashboard.filter : nav.view === 'queue' ? queueFilter : '';
	if (nav.typing) status = `Filtre : ${filter}▏ (Entrée : valider, Échap : effacer)`;
	else if (filter !== '' && nav.overlay === 'none') status = `Filtre « ${filter} » (Échap : effacer) · ${status}`;
	if (notice) status = notice;
	else if (props.message && props.message !== dismissed) status = props.message.text;
	if (props.saveStatus) status = status ? `${props.saveStatus} · ${status}` : props.saveStatus;

	return (
		<Frame
			color={props.color !== false}
			width={width}
			height={height}
			header={{referent: referentLabel(choices, nav.referent), today, storePath, settings, discretion: nav.discretion}}
			status={status}
			view={nav.view}
			bindings={bindings}
			// a form shows its own keys
			footerText={props.panel ? '' : undefined}
		>
			{body}
		</Frame>
	);
}
