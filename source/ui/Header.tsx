// Who and when: referent, today, store file, next cellule and its preparation due date.
import {Box, Text} from 'ink';
import React from 'react';
import {type Day, frenchDate, parseIsoDate} from '../domain/calendar.js';
import type {Settings} from '../domain/settings.js';
import {truncate} from './format.js';
import {tint, useTheme} from './theme.js';
import {usePreparationDue} from './usePreparationDue.js';

export interface HeaderProps {
	readonly referent?: string;
	readonly today: Day;
	readonly storePath: string;
	readonly settings: Settings;
	readonly discretion: boolean;
	readonly width: number;
}

/** The meeting line; `due` is undefined for the moment the holiday calendar takes to load. */
export function celluleLine(meeting: Day | undefined, due: Day | undefined): string {
	if (meeting === undefined) return 'Cellule de suivi : date non renseignée';
	return `Cellule de suivi : ${frenchDate(meeting)} · préparation à rendre au plus tard le ${due === undefined ? '…' : frenchDate(due)}`;
}

export function Header({referent, today, storePath, settings, discretion, width}: HeaderProps) {
	const theme = useTheme();
	const meeting = settings.nextCellule === undefined ? undefined : parseIsoDate(settings.nextCellule);
	const due = usePreparationDue(meeting, settings);
	const mode = discretion ? ' · DISCRÉTION' : '';
	const after = ` · ${frenchDate(today)}${mode}`;
	// a long list of référent·es (a login that assists several) is cut first: the date and
	// DISCRÉTION stay in sight, then the store's path takes what is left
	const room = Math.max(12, width - 'plie-triage · Référent·e : '.length - after.length - 1); // 1: the line's own « … »
	const first = `plie-triage · Référent·e : ${truncate(referent ?? 'Tous', room)}${after} · ${storePath}`;
	return (
		<Box flexDirection="column">
			<Text bold color={tint(theme, 'cyan')}>
				{truncate(first, width)}
			</Text>
			<Text>{truncate(celluleLine(meeting, due), width)}</Text>
		</Box>
	);
}
