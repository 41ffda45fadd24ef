// The tableau de bord: every indicator with its count, in the sections of the
// Visual Course dashboard. Two columns when the terminal is wide enough, so that
// all 27 fit at 80×24; alerts are marked '!' and coloured.
import {Box, Text} from 'ink';
import React from 'react';
import {INDICATORS, SECTIONS, type SectionId} from '../domain/indicators.js';
import {cell} from './format.js';
import {keysOf} from './keymap.js';
import {clamp, visibleWindow} from './navigation.js';
import {type DashboardRow, isAlert} from './screenData.js';
import {type Theme, tint, useTheme} from './theme.js';

export interface DashboardScreenProps {
	readonly rows: readonly DashboardRow[];
	readonly cursor: number;
	readonly width: number;
	readonly height: number;
}

type Line = {readonly heading: string} | {readonly row: DashboardRow; readonly index: number; readonly label: string} | {readonly blank: number};

const LEFT: readonly SectionId[] = ['effectifs', 'rectifier'];
const COUNT_WIDTH = 4;
/** below this width the dashboard is one column */
export const TWO_COLUMNS_MIN_WIDTH = 76;

/** Room for a label in a column of `width`: the marks before it, its count after it. */
function labelWidthOf(width: number): number {
	return Math.max(4, width - 3 - COUNT_WIDTH - 1);
}

/**
 * Short labels for a whole section when one of its long labels does not fit: the
 * lines of a section read alike (« Parcours < 6 mois » above « Parcours 6 à 12 mois »),
 * whatever the filter leaves of it.
 */
function shortSection(section: SectionId, labelWidth: number): boolean {
	return INDICATORS.some(indicator => indicator.section === section && indicator.label.length > labelWidth);
}

/** A column's lines; a blank line between sections when the height allows it. */
function linesOf(rows: readonly DashboardRow[], sections: readonly SectionId[], height: number, width: number): Line[] {
	const groups: Line[][] = [];
	const labelWidth = labelWidthOf(width);
	for (const section of SECTIONS) {
		if (!sections.includes(section.id)) continue;
		const short = shortSection(section.id, labelWidth);
		const items = rows
			.map((row, index) => ({row, index, label: short ? row.indicator.definition.shortLabel : row.indicator.definition.label}))
			.filter(item => item.row.section === section.id);
		if (items.length > 0) groups.push([{heading: section.label}, ...items]);
	}
	const tight = groups.flat();
	if (tight.length + groups.length - 1 > height) return tight;
	return groups.flatMap((group, i) => (i === 0 ? group : [{blank: i}, ...group]));
}

/** Wide enough for the longest label and its count; wider only spreads them apart. */
const MAX_COLUMN_WIDTH = 64;

function ItemLine({row, label, selected, width, theme}: {row: DashboardRow; label: string; selected: boolean; width: number; theme: Theme}) {
	const {indicator} = row;
	const count = indicator.entries.length;
	const alert = isAlert(indicator);
	const text = `${selected ? '›' : ' '}${alert ? '!' : ' '} ${cell(label, labelWidthOf(width))} ${cell(String(count), COUNT_WIDTH, 'right')}`;
	const watch = indicator.definition.severity === 'watch' && count > 0;
	return (
		<Text
			inverse={selected}
			bold={alert}
			color={alert ? tint(theme, 'red') : watch ? tint(theme, 'yellow') : undefined}
			dimColor={count === 0 && !selected}
			wrap="truncate-end"
		>
			{text}
		</Text>
	);
}

function Column({lines, cursor, width, height}: {lines: Line[]; cursor: number; width: number; height: number}) {
	const theme = useTheme();
	const cursorLine = lines.findIndex(line => 'row' in line && line.index === cursor);
	// a column taller than the screen scrolls to keep the highlighted indicator visible
	const {from, to} = visibleWindow(Math.max(0, cursorLine), 0, height, lines.length);
	return (
		<Box flexDirection="column" width={width}>
			{lines.slice(from, to).map((line, i) =>
				'blank' in line ? (
					<Text key={`b${line.blank}`}> </Text>
				) : 'heading' in line ? (
					<Text key={`h${from + i}`} bold underline wrap="truncate-end">
						{line.heading}
					</Text>
				) : (
					<ItemLine key={line.row.indicator.definition.id} row={line.row} label={line.label} selected={line.index === cursor} width={width} theme={theme} />
				),
			)}
		</Box>
	);
}

export function DashboardScreen({rows, cursor, width, height}: DashboardScreenProps) {
	// `/` here filters indicator labels: a name typed belongs to the people search
	if (rows.length === 0) return <Text>{`Aucun indicateur ne correspond au filtre. Pour chercher une personne : ${keysOf('people-search', 'dashboard')}`}</Text>;
	const selected = clamp(cursor, 0, rows.length - 1);
	if (width < TWO_COLUMNS_MIN_WIDTH) {
		return <Column lines={linesOf(rows, SECTIONS.map(s => s.id), height, width)} cursor={selected} width={width} height={height} />;
	}
	const columnWidth = Math.min(MAX_COLUMN_WIDTH, Math.floor((width - 1) / 2));
	const right = SECTIONS.map(s => s.id).filter(id => !LEFT.includes(id));
	return (
		<Box flexDirection="row" gap={2}>
			<Column lines={linesOf(rows, LEFT, height, columnWidth)} cursor={selected} width={columnWidth} height={height} />
			<Column lines={linesOf(rows, right, height, columnWidth)} cursor={selected} width={columnWidth} height={height} />
		</Box>
	);
}

/** The status line under the dashboard: the highlighted indicator's full label. */
export function dashboardStatus(rows: readonly DashboardRow[], cursor: number): string {
	const row = rows[clamp(cursor, 0, Math.max(0, rows.length - 1))];
	if (!row) return '';
	const {indicator} = row;
	const snoozed = indicator.snoozed.length > 0 ? ` (+${indicator.snoozed.length} en attente)` : '';
	return `${isAlert(indicator) ? '! ' : ''}${indicator.definition.label} : ${indicator.entries.length}${snoozed} — Entrée : voir les personnes`;
}

/** Index of the first indicator of the previous/next section, for ← and →. */
export function sectionJump(rows: readonly DashboardRow[], cursor: number, direction: 1 | -1): number {
	if (rows.length === 0) return 0;
	const order = SECTIONS.map(s => s.id).filter(id => rows.some(row => row.section === id));
	const current = order.indexOf(rows[clamp(cursor, 0, rows.length - 1)]!.section);
	const target = order[clamp(current + direction, 0, order.length - 1)];
	return rows.findIndex(row => row.section === target);
}
