// One indicator's people, most urgent first, in a compact table. Only the rows
// on screen are built, so a 5,000-row queue costs what a 10-row one does.
import {Box, Text} from 'ink';
import React from 'react';
import type {IndicatorResult} from '../domain/triage.js';
import {cell, truncate} from './format.js';
import {visibleWindow} from './navigation.js';
import type {Column, QueueRow} from './screenData.js';
import {tint, useTheme} from './theme.js';

/** title and column headings above the rows */
export const QUEUE_CHROME_LINES = 2;

export interface QueueScreenProps {
	readonly indicator: IndicatorResult;
	readonly rows: readonly QueueRow[];
	readonly columns: readonly Column[];
	readonly cursor: number;
	readonly offset: number;
	readonly width: number;
	readonly height: number;
	readonly filter: string;
}

export function rowText(columns: readonly Column[], row: QueueRow, selected: boolean): string {
	return (selected ? '› ' : '  ') + columns.map(column => cell(column.value(row), column.width, column.align)).join(' ');
}

export function queueTitle(indicator: IndicatorResult, position: number, count: number, filter: string): string {
	const total = indicator.entries.length;
	const where = count === 0 ? `0/${total}` : `${position + 1}/${count}`;
	const filtered = filter === '' ? '' : ` (filtre « ${filter} » : ${count} sur ${total})`;
	const snoozed = indicator.snoozed.length > 0 ? ` · ${indicator.snoozed.length} en attente` : '';
	// the id is what `dashboard --queue` and `report` take
	return `${indicator.definition.label} — ${where}${filtered}${snoozed} · ${indicator.definition.id}`;
}

export function QueueScreen({indicator, rows, columns, cursor, offset, width, height, filter}: QueueScreenProps) {
	const theme = useTheme();
	const page = Math.max(1, height - QUEUE_CHROME_LINES);
	const {from, to} = visibleWindow(cursor, offset, page, rows.length);
	const heading = '  ' + columns.map(column => cell(column.header, column.width, column.align)).join(' ');
	const selected = Math.min(cursor, rows.length - 1);
	return (
		<Box flexDirection="column">
			<Text bold color={tint(theme, indicator.definition.severity === 'urgent' ? 'red' : 'cyan')} wrap="truncate-end">
				{truncate(queueTitle(indicator, selected, rows.length, filter), width)}
			</Text>
			<Text underline wrap="truncate-end">
				{truncate(heading, width)}
			</Text>
			{rows.length === 0 ? (
				<Text>{filter === '' ? 'Personne dans cette file.' : 'Personne ne correspond au filtre.'}</Text>
			) : (
				rows.slice(from, to).map((row, i) => (
					<Text key={row.entry.id} inverse={from + i === selected} wrap="truncate-end">
						{truncate(rowText(columns, row, from + i === selected), width)}
					</Text>
				))
			)}
		</Box>
	);
}
