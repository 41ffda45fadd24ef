// One indicator's people, most urgent first, in a compact table. Only the rows
// on screen are built, so a 5,000-row queue costs what a 10-row one does. A steps
// queue has a row per step to fix (screenData.ts). The title names the indicator's
// id (what `--queue` takes); an emptied queue says so and offers the next one.
import {Box, Text} from 'ink';
import React from 'react';
import {indicatorById} from '../domain/indicators.js';
import type {IndicatorResult} from '../domain/triage.js';
import {cell, plural, truncate} from './format.js';
import {keysOf} from './keymap.js';
import {visibleWindow} from './navigation.js';
import {type Column, type QueueRow, rowKey, STEP_QUEUES} from './screenData.js';
import {SNOOZES_QUEUE} from './snoozes/snoozesQueue.js';
import {tint, useTheme} from './theme.js';

/** title and column headings above the rows */
export const QUEUE_CHROME_LINES = 2;

export interface QueueScreenProps {
	readonly indicator: IndicatorResult;
	readonly rows: readonly QueueRow[];
	/** rows without the filter: the queue's size */
	readonly total: number;
	readonly columns: readonly Column[];
	readonly cursor: number;
	readonly offset: number;
	readonly width: number;
	readonly height: number;
	readonly filter: string;
	/** the queue Entrée opens when this one is empty */
	readonly next?: IndicatorResult;
}

export function rowText(columns: readonly Column[], row: QueueRow, selected: boolean): string {
	return (selected ? '› ' : '  ') + columns.map(column => cell(column.value(row), column.width, column.align)).join(' ');
}

/** « Étapes 'Prévue' → 'En cours' — 1/3 étapes · steps.to-start (filtre …) · 1 en attente » */
export function queueTitle(indicator: IndicatorResult, position: number, count: number, filter: string, total = indicator.entries.length): string {
	const steps = STEP_QUEUES[indicator.definition.id] !== undefined;
	const where = count === 0 ? `0/${total}` : `${position + 1}/${count}`;
	const filtered = filter === '' ? '' : ` (filtre « ${filter} » : ${count} sur ${total})`;
	const snoozed = indicator.snoozed.length > 0 ? ` · ${indicator.snoozed.length} en attente` : '';
	// the id is what --queue takes: only §4's indicators have one a user can type (not « snoozes », a bilan row)
	const id = indicatorById(indicator.definition.id) === undefined ? '' : ` · ${indicator.definition.id}`;
	return `${indicator.definition.label} — ${where}${steps ? ' étapes' : ''}${id}${filtered}${snoozed}`;
}

/** What an empty queue says, and the key that goes on (the status line repeats it). */
export function emptyQueueText(filter: string, next: IndicatorResult | undefined, queueId?: string): string {
	const back = keysOf('back', 'queue');
	if (filter !== '') return `Personne ne correspond au filtre (${back} : effacer le filtre).`;
	if (queueId === SNOOZES_QUEUE) return `Aucune alerte ni échéance en attente (${back} : revenir).`;
	// a queue of the screens (Sorties à clôturer, a bilan row) has no section of indicators after it
	if (queueId !== undefined && indicatorById(queueId) === undefined) return `File vide : personne à traiter ici (${back} : revenir).`;
	const onward = next
		? `${keysOf('open', 'queue')} : file suivante « ${next.definition.label} » (${plural(next.entries.length, 'personne', 'personnes')}).`
		: `Les autres files de cette rubrique sont vides aussi (${back} : tableau de bord).`;
	return `File vide : personne à traiter ici. ${onward}`;
}

export function QueueScreen({indicator, rows, total, columns, cursor, offset, width, height, filter, next}: QueueScreenProps) {
	const theme = useTheme();
	const page = Math.max(1, height - QUEUE_CHROME_LINES);
	const {from, to} = visibleWindow(cursor, offset, page, rows.length);
	const heading = '  ' + columns.map(column => cell(column.header, column.width, column.align)).join(' ');
	const selected = Math.min(cursor, rows.length - 1);
	return (
		<Box flexDirection="column">
			<Text bold color={tint(theme, indicator.definition.severity === 'urgent' ? 'red' : 'cyan')} wrap="truncate-end">
				{truncate(queueTitle(indicator, selected, rows.length, filter, total), width)}
			</Text>
			<Text underline wrap="truncate-end">
				{truncate(heading, width)}
			</Text>
			{rows.length === 0 ? (
				<Text wrap="wrap">{emptyQueueText(filter, next, indicator.definition.id)}</Text>
			) : (
				rows.slice(from, to).map((row, i) => (
					<Text key={rowKey(row)} inverse={from + i === selected} wrap="truncate-end">
						{truncate(rowText(columns, row, from + i === selected), width)}
					</Text>
				))
			)}
		</Box>
	);
}
