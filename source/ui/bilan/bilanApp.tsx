// The « Bilan » screen inside App: what App derives for it from the navigation
// state, the commands of its keys, and what it shows (the screen and its status
// line, or the form asking two dates). Kept here so that App only routes to it.
import React, {type ReactNode} from 'react';
import type {Day} from '../../domain/calendar.js';
import type {Bilan, BilanPeriod} from '../../domain/bilan/index.js';
import type {Participant} from '../../domain/model.js';
import type {Settings} from '../../domain/settings.js';
import type {IndicatorResult} from '../../domain/triage.js';
import type {CommandIn, EditCommand} from '../keymap.js';
import type {Move, NavAction, NavState} from '../navigation.js';
import {BilanDatesForm} from './BilanDatesForm.js';
import type {BilanLines} from './bilanLines.js';
import type {BilanMemo} from './bilanMemo.js';
import {type BilanPreset, periodOf} from './bilanPeriod.js';
import {bilanQueue, bilanQueueId} from './bilanQueue.js';
import {BILAN_CHROME_LINES, bilanRowStatus, BilanScreen, rowLabel} from './BilanScreen.js';
import {type BilanAction, bilanReducer, cursorIndex, initialBilanState} from './bilanState.js';

export interface BilanDerived {
	readonly bilan: Bilan;
	readonly layout: BilanLines;
	readonly period: BilanPeriod;
	/** the people of the bilan row whose queue is open */
	readonly queue?: IndicatorResult;
}

export interface BilanSources {
	readonly participants: readonly Participant[];
	readonly settings: Settings;
	readonly today: Day;
	readonly memo: BilanMemo;
}

/**
 * The bilan of the period chosen, for the référent·e chosen, while the screen or
 * the queue of one of its rows is shown (not computed again after each edit made elsewhere).
 */
export function bilanView(state: NavState, sources: BilanSources): BilanDerived | undefined {
	if (!state.bilan || (state.view !== 'bilan' && state.queue?.bilanRow === undefined)) return undefined;
	const period = periodOf(state.bilan.choice, sources.today);
	const shown = sources.memo.get(sources.participants, sources.settings, state.referent, period);
	const queue = state.queue?.bilanRow ? bilanQueue(shown.bilan, state.queue.bilanRow) : undefined;
	return {...shown, period, queue};
}

export interface BilanControls {
	readonly state: () => NavState;
	readonly dispatch: (action: NavAction) => void;
	readonly derived: () => BilanDerived | undefined;
	/** the screen body's height */
	readonly height: number;
	/** a line in the status line until the next key */
	readonly say: (text: string) => void;
}

/** The screen's own commands (`b` on the dashboard, the periods); `E` is an edit command (ui/edits/bilanExport.tsx). */
type BilanCommand = Exclude<Extract<CommandIn<'bilan' | 'dashboard'>, 'bilan' | `bilan-${string}`>, EditCommand>;

/** What the screen's keys do (the list keys route here from App's shared commands). */
export function bilanCommands(controls: BilanControls) {
	const page = Math.max(1, controls.height - BILAN_CHROME_LINES);
	const change = (action: BilanAction) => controls.dispatch({type: 'bilan', change: state => bilanReducer(state, action)});
	const preset = (which: BilanPreset) => () => change({type: 'choose', choice: {kind: 'preset', preset: which}});
	const commands: Record<BilanCommand, () => void> = {
		bilan: () => controls.dispatch({type: 'open-bilan', initial: initialBilanState()}),
		'bilan-semester': preset('semester'),
		'bilan-year': preset('year'),
		'bilan-previous-year': preset('previous-year'),
		'bilan-dates': () => change({type: 'dates-form', open: true}),
	};
	return {
		commands,
		move(to: Move) {
			const derived = controls.derived();
			if (derived) change({type: 'move', move: to, layout: derived.layout, page});
		},
		jumpTable(direction: -1 | 1) {
			const derived = controls.derived();
			if (derived) change({type: 'jump-table', direction, layout: derived.layout, page});
		},
		/** Entrée: the queue of the row's people (nothing to open on an empty row). */
		open() {
			const state = controls.state();
			const derived = controls.derived();
			if (!state.bilan || !derived) return;
			const line = derived.layout.lines[derived.layout.rowLines[cursorIndex(derived.layout, state.bilan.at)] ?? -1];
			if (line?.kind !== 'row') return;
			if (line.row.participants.length === 0) {
				controls.say('Personne sur cette ligne : il n’y a pas de file à ouvrir.');
				return;
			}
			const row = {table: line.table.id, row: line.row.id};
			controls.dispatch({type: 'open-bilan-queue', row, indicatorId: bilanQueueId(row, derived.period)});
		},
	};
}

export interface BilanShown {
	readonly body: ReactNode;
	readonly status: string;
	/** the dates form owns the keyboard: the footer shows its keys */
	readonly form: boolean;
}

/** The screen (or its dates form) and the status line for the highlighted row. */
export function bilanShown(state: NavState, derived: BilanDerived, controls: Pick<BilanControls, 'dispatch'> & {width: number; height: number; today: Day}): BilanShown {
	const bilanState = state.bilan!;
	if (bilanState.datesForm) {
		const close = (action: BilanAction) => controls.dispatch({type: 'bilan', change: s => bilanReducer(s, action)});
		return {
			body: (
				<BilanDatesForm
					period={derived.period}
					today={controls.today}
					onChoose={period => close({type: 'choose', choice: {kind: 'dates', ...period}})}
					onCancel={() => close({type: 'dates-form', open: false})}
				/>
			),
			status: '',
			form: true,
		};
	}
	const {bilan, layout} = derived;
	const line = layout.lines[layout.rowLines[cursorIndex(layout, bilanState.at)] ?? -1];
	const status = line?.kind === 'row' ? bilanRowStatus(line.table, line.row, rowLabel(line.row, line.table, bilan.participant, state.discretion)) : '';
	return {
		body: (
			<BilanScreen
				bilan={bilan}
				layout={layout}
				choice={bilanState.choice}
				at={bilanState.at}
				offset={bilanState.offset}
				discretion={state.discretion}
				width={controls.width}
				height={controls.height}
			/>
		),
		status,
		form: false,
	};
}
