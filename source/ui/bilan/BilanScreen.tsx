// The « Bilan » screen: the period chosen (presets or two dates), then the
// activity-report tables as the seeds lay them out — each under its section and
// title, a row per line with its count or value — scrolling as one list. Only the
// lines on screen are built: the nominative list has a line per person.
import {Box, Text} from 'ink';
import React from 'react';
import type {Bilan, BilanRow, BilanTable} from '../../domain/bilan/index.js';
import type {Participant} from '../../domain/model.js';
import {cell, displayName, plural, truncate} from '../format.js';
import {tint, useTheme} from '../theme.js';
import {type BilanLine, type BilanLines, figureText, NOMINATIVE_TABLE, tableHeading} from './bilanLines.js';
import {choiceLabel, type PeriodChoice, periodText, PRESETS} from './bilanPeriod.js';
import {cursorIndex, type RowKey, windowStart} from './bilanState.js';

/** the period line and the line naming the period above the tables */
export const BILAN_CHROME_LINES = 2;

const FIGURE_WIDTH = 10;
const ID_WIDTH = 14;
const PRESET_KEYS = {semester: 's', year: 'a', 'previous-year': 'p'} as const;

export interface BilanScreenProps {
	readonly bilan: Bilan;
	readonly layout: BilanLines;
	readonly choice: PeriodChoice;
	readonly at: RowKey | undefined;
	readonly offset: number;
	readonly discretion: boolean;
	readonly width: number;
	readonly height: number;
}

/** « Période : [s Semestre en cours]  a Année en cours  p Année précédente  d Dates… »: the choice in brackets. */
export function periodChooser(choice: PeriodChoice): string {
	const items = PRESETS.map(({preset, label}) => {
		const text = `${PRESET_KEYS[preset]} ${label}`;
		return choice.kind === 'preset' && choice.preset === preset ? `[${text}]` : text;
	});
	items.push(choice.kind === 'dates' ? '[d Dates]' : 'd Dates…');
	return `Période : ${items.join('  ')}`;
}

/** A row's label on screen: a person's name in the nominative list follows the discrétion mode. */
export function rowLabel(row: BilanRow, table: BilanTable, person: (id: string) => Participant | undefined, discretion: boolean): string {
	if (table.id !== NOMINATIVE_TABLE) return row.label;
	const participant = person(row.id);
	return participant ? displayName(participant, discretion) : row.id;
}

function isTotal(row: BilanRow): boolean {
	return row.id === 'total' || row.id.endsWith('-total');
}

/** The status line for the highlighted row: its whole label, its figure, what Entrée opens. */
export function bilanRowStatus(table: BilanTable, row: BilanRow, label: string): string {
	const count = row.participants.length;
	const people =
		count === 0
			? 'personne sur cette ligne'
			: row.kind === 'count'
				? `Entrée : ${plural(count, 'personne', 'personnes')}`
				: `Entrée : ${plural(count, 'personne', 'personnes')} du calcul`;
	return `${table.section} · ${label} : ${table.id === NOMINATIVE_TABLE ? row.id : figureText(row)} — ${people}`;
}

function LineView({line, selected, width, bilan, discretion}: {line: BilanLine; selected: boolean; width: number; bilan: Bilan; discretion: boolean}) {
	const theme = useTheme();
	if (line.kind === 'blank') return <Text> </Text>;
	if (line.kind === 'heading') {
		return (
			<Text bold underline color={tint(theme, 'cyan')} wrap="truncate-end">
				{truncate(tableHeading(line.table), width)}
			</Text>
		);
	}
	const {table, row} = line;
	const label = rowLabel(row, table, bilan.participant, discretion);
	// the nominative list reads as a list: id, then name; a table row as on paper: label, then figure
	const text =
		table.id === NOMINATIVE_TABLE
			? `${selected ? '›' : ' '}  ${cell(row.id, ID_WIDTH)} ${label}`
			: `${selected ? '›' : ' '}  ${cell(label, Math.max(4, width - 3 - FIGURE_WIDTH - 1))} ${cell(figureText(row), FIGURE_WIDTH, 'right')}`;
	return (
		<Text inverse={selected} bold={isTotal(row)} dimColor={!selected && row.participants.length === 0 && row.kind === 'count'} wrap="truncate-end">
			{truncate(text, width)}
		</Text>
	);
}

export function BilanScreen({bilan, layout, choice, at, offset, discretion, width, height}: BilanScreenProps) {
	const page = Math.max(1, height - BILAN_CHROME_LINES);
	const count = layout.rowLines.length;
	const index = cursorIndex(layout, at);
	const from = windowStart(layout, index, offset, page);
	const to = Math.min(layout.lines.length, from + page);
	const where = count === 0 ? '' : ` · ligne ${index + 1} sur ${count}`;
	return (
		<Box flexDirection="column">
			<Text bold wrap="truncate-end">
				{truncate(periodChooser(choice), width)}
			</Text>
			<Text wrap="truncate-end">{truncate(`${choiceLabel(choice)} : ${periodText(bilan)}${where}`, width)}</Text>
			{layout.lines.slice(from, to).map((line, i) => (
				<LineView key={from + i} line={line} selected={line.kind === 'row' && line.index === index} width={width} bilan={bilan} discretion={discretion} />
			))}
		</Box>
	);
}
