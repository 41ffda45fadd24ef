// The dashboard with its caseload in React state: where edits plug in. An edit
// handler receives the command of the keymap, what the user is on, and the tools
// to replace the caseload once the change is saved (the triage is then recomputed
// and every screen follows), to say something in the status line, or to show a
// form that owns the keyboard until it is closed.
import React, {Fragment, type ReactNode, useCallback, useEffect, useRef, useState} from 'react';
import type {Participant} from '../domain/model.js';
import type {Settings} from '../domain/settings.js';
import {App, type AppProps, type CommandFollowUp, type Selection, type StatusMessage} from './App.js';
import type {EditCommand} from './keymap.js';
import type {SaveStatus} from './edits/saveStatus.js';
import {useSaveStatus} from './useSaveStatus.js';

export interface EditTools {
	/** the caseload as it is now on screen */
	readonly participants: () => readonly Participant[];
	readonly settings: () => Settings;
	/** after a saved change: the new caseload (and settings) to triage and show */
	readonly replace: (participants: readonly Participant[], settings?: Settings) => void;
	/** a line in the status line until the next key */
	readonly say: (message: string | undefined) => void;
	/** how many lines were said so far: with `sayIfLatest`, a late answer does not cover a newer one */
	readonly said: () => number;
	/** says `message` only when nothing was said since `said()` answered `mark` */
	readonly sayIfLatest: (message: string, mark: number) => void;
	/** a form instead of the screen body; the dashboard's keys pause until closePanel() */
	readonly openPanel: (panel: ReactNode) => void;
	readonly closePanel: () => void;
}

/**
 * One edit command of the keymap on the selection. May return 'open' to open the
 * highlighted person instead (a queue key that needs the file), or a promise the
 * next key waits for.
 */
export type EditHandler = (command: EditCommand, selection: Selection, tools: EditTools) => CommandFollowUp;

export interface DashboardProps extends Omit<AppProps, 'participants' | 'settings' | 'onCommand' | 'message' | 'panel' | 'saveStatus'> {
	readonly initialParticipants: readonly Participant[];
	readonly initialSettings: Settings;
	readonly onEdit?: EditHandler;
	/** started once with the tools (e.g. to show a colleague's saved changes); returns its stop */
	readonly onStart?: (tools: EditTools) => () => void;
	/** « en cours d'enregistrement », « fichier occupé par … »: kept in the status line until it changes */
	readonly saveStatus?: SaveStatus;
}

export function Dashboard({initialParticipants, initialSettings, onEdit, onStart, saveStatus, ...rest}: DashboardProps) {
	const [data, setData] = useState({participants: initialParticipants, settings: initialSettings});
	const [message, setMessage] = useState<StatusMessage | undefined>();
	const [panel, setPanel] = useState<ReactNode>(null);
	const saving = useSaveStatus(saveStatus);
	const latest = useRef(data);
	const panels = useRef(0);
	const saidCount = useRef(0);
	latest.current = data;

	const tools = useRef<EditTools>({
		participants: () => latest.current.participants,
		settings: () => latest.current.settings,
		replace: (participants, settings) => {
			latest.current = {participants, settings: settings ?? latest.current.settings};
			setData(latest.current);
		},
		say: text => {
			saidCount.current++;
			setMessage(text === undefined ? undefined : {text});
		},
		said: () => saidCount.current,
		sayIfLatest: (text, mark) => {
			if (saidCount.current === mark) tools.say(text);
		},
		// each panel a new component (a form after a form starts afresh, and owns the keyboard anew)
		openPanel: node => setPanel(<Fragment key={++panels.current}>{node}</Fragment>),
		closePanel: () => setPanel(null),
	}).current;

	useEffect(() => onStart?.(tools), [onStart, tools]);

	const onCommand = useCallback(
		(command: EditCommand, selection: Selection) => onEdit?.(command, selection, tools),
		[onEdit, tools],
	);

	return (
		<App
			{...rest}
			participants={data.participants}
			settings={data.settings}
			onCommand={onCommand}
			message={message}
			saveStatus={saving}
			panel={panel ?? undefined}
		/>
	);
}
