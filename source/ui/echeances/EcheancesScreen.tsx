// The « Échéances » screen: what falls due, grouped by week under « En retard »,
// « Cette semaine », « Semaine prochaine », « D'ici le JJ/MM », one line per item
// (due day, days left or late, kind, person). Only the lines on screen are built.
// `f` narrows it to one kind (KindPicker); Entrée opens the person's fiche.
import {Box, Text} from 'ink';
import React from 'react';
import {type Day, frenchDate} from '../../domain/calendar.js';
import {echeanceLabel, type EcheanceGroupId, type EcheanceKind, type ListedEcheance} from '../../domain/echeances/index.js';
import type {Participant} from '../../domain/model.js';
import {cell, plural, truncate} from '../format.js';
import {clamp, visibleWindow} from '../navigation.js';
import {tint, useTheme} from '../theme.js';
import {type EcheanceRows, groupsText, snoozedText} from './echeancesData.js';
import {itemsFitting, KIND_CHOICES, scrolledOffset} from './echeancesNav.js';

/** the title and the groups' counts above the list */
export const ECHEANCES_CHROME_LINES = 2;

/** Short names for the screen's kind column; the status line gives §7's full label. */
export const KIND_SHORT: Readonly<Record<EcheanceKind, string>> = {
	'rdv.next': 'Prochain entretien',
	'rdv.planned': 'Rendez-vous prévu',
	'cer.sign': 'CER à signer (orientation)',
	'cer.stock': 'CER à signer (stock RSA)',
	'cer.end': 'Fin du CER',
	'parcours.renewal': 'Renouvellement (cellule)',
	'parcours.limit': 'Fin des 24 mois',
	'standby.review': 'Veille à réexaminer',
	'step.start': 'Étape à démarrer',
	'step.end': 'Étape à clore',
	'exit.letters': 'Courriers de sortie',
	'exit.proof': 'Justificatif de sortie',
	'exit.close': 'Dossier à clôturer',
};

const KIND_WIDTH = 26;
const GROUP_LABELS: Readonly<Record<EcheanceGroupId, string>> = {
	late: 'En retard',
	'this-week': 'Cette semaine',
	'next-week': 'Semaine prochaine',
	later: "D'ici le",
};

/** « −17 j » late, « auj. » today, « 3 j » to come. */
export function delayText(due: Day, today: Day): string {
	if (due === today) return 'auj.';
	return due < today ? `−${today - due} j` : `${due - today} j`;
}

/** What an item is about beyond its kind: the step's label, the planned contact's type. */
export function itemDetail(item: ListedEcheance): string {
	if (item.step) return item.step.label;
	if (item.event) return item.event.type;
	return '';
}

export function itemText(item: ListedEcheance, today: Day, selected: boolean, nameOf: (p: Participant) => string, referent: boolean): string {
	const detail = itemDetail(item);
	const who = `${nameOf(item.participant)} · ${item.participant.id}${detail ? ` — ${detail}` : ''}`;
	const ref = referent ? `${cell(item.participant.referent ?? '—', 16)} ` : '';
	return `${selected ? '›' : ' '}${item.late ? '!' : ' '} ${frenchDate(item.due)} ${cell(delayText(item.due, today), 6, 'right')}  ${cell(KIND_SHORT[item.kind], KIND_WIDTH)} ${ref}${who}`;
}

/** The status line under the screen: the highlighted item in full. */
export function echeanceStatus(item: ListedEcheance | undefined, today: Day, nameOf: (p: Participant) => string): string {
	if (!item) return '';
	const detail = itemDetail(item);
	const when = item.late ? `, en retard de ${plural(today - item.due, 'jour', 'jours')}` : '';
	return `${echeanceLabel(item.kind)}${detail ? ` (${detail})` : ''}${when} — ${nameOf(item.participant)} · ${item.participant.id} — Entrée : la fiche`;
}

type Line = {readonly heading: EcheanceGroupId; readonly continued: boolean} | {readonly index: number};

/** The lines on screen from item `offset`: its group's heading, then items, a heading where a group starts. */
export function windowLines(rows: EcheanceRows, offset: number, page: number): Line[] {
	const count = rows.items.length;
	if (count === 0) return [];
	const first = clamp(offset, 0, count - 1);
	const fitting = itemsFitting(first, page, rows.groupStarts, count);
	const lines: Line[] = [{heading: rows.groups[first]!, continued: !rows.groupStarts.includes(first)}];
	for (let i = first; i < first + fitting; i++) {
		if (i > first && rows.groupStarts.includes(i)) lines.push({heading: rows.groups[i]!, continued: false});
		lines.push({index: i});
	}
	return lines;
}

export interface EcheancesScreenProps {
	readonly rows: EcheanceRows;
	readonly kind?: EcheanceKind;
	readonly today: Day;
	readonly until: Day;
	readonly snoozed: number;
	readonly cursor: number;
	readonly offset: number;
	readonly nameOf: (p: Participant) => string;
	/** a référent·e column (all référent·es shown, wide terminal) */
	readonly showReferent: boolean;
	readonly width: number;
	readonly height: number;
}

export function EcheancesScreen(props: EcheancesScreenProps) {
	const {rows, today, until, width, height, nameOf} = props;
	const theme = useTheme();
	const page = Math.max(2, height - ECHEANCES_CHROME_LINES);
	const count = rows.items.length;
	const cursor = clamp(props.cursor, 0, Math.max(0, count - 1));
	const offset = scrolledOffset(cursor, props.offset, page, rows.groupStarts, count);
	const kindText = props.kind === undefined ? 'toutes les sortes' : `« ${echeanceLabel(props.kind)} »`;
	const snoozed = snoozedText(props.snoozed);
	const title = `Échéances au ${frenchDate(today)} — ${kindText}${count > 0 ? ` — ${cursor + 1}/${count}` : ''}${snoozed ? ` · ${snoozed}` : ''}`;
	const referent = props.showReferent && width >= 110;
	return (
		<Box flexDirection="column">
			<Text bold color={tint(theme, 'cyan')} wrap="truncate-end">
				{truncate(title, width)}
			</Text>
			<Text wrap="truncate-end">{truncate(groupsText(rows, until), width)}</Text>
			{count === 0 ? (
				<Text>{truncate(`Aucune échéance ${props.kind === undefined ? '' : `${kindText} `}en retard ou d'ici le ${frenchDate(until)}.`, width)}</Text>
			) : (
				windowLines(rows, offset, page).map(line =>
					'heading' in line ? (
						<Text key={`h${line.heading}`} bold underline wrap="truncate-end">
							{truncate(
								`${line.heading === 'later' ? `${GROUP_LABELS.later} ${frenchDate(until).slice(0, 5)}` : GROUP_LABELS[line.heading]} (${rows.counts[line.heading]})${line.continued ? ' — suite' : ''}`,
								width,
							)}
						</Text>
					) : (
						<Text
							key={`i${line.index}`}
							inverse={line.index === cursor}
							color={rows.items[line.index]!.late ? tint(theme, 'red') : undefined}
							wrap="truncate-end"
						>
							{truncate(itemText(rows.items[line.index]!, today, line.index === cursor, nameOf, referent), width)}
						</Text>
					),
				)
			)}
		</Box>
	);
}

export interface KindPickerProps {
	/** visible items of each kind (all kinds, whatever the filter) */
	readonly counts: ReadonlyMap<EcheanceKind, number>;
	readonly total: number;
	readonly cursor: number;
	readonly width: number;
	readonly height: number;
}

/** `f`: every kind with its count; Entrée keeps the one highlighted. */
export function KindPicker({counts, total, cursor, width, height}: KindPickerProps) {
	const {from, to} = visibleWindow(cursor, 0, Math.max(1, height - 1), KIND_CHOICES.length);
	return (
		<Box flexDirection="column">
			<Text bold wrap="truncate-end">
				{truncate('Sorte d’échéance à montrer', width)}
			</Text>
			{KIND_CHOICES.slice(from, to).map((kind, i) => {
				const count = kind === undefined ? total : (counts.get(kind) ?? 0);
				const selected = from + i === cursor;
				return (
					<Text key={kind ?? 'all'} inverse={selected} dimColor={count === 0 && !selected} wrap="truncate-end">
						{truncate(`${selected ? '›' : ' '} ${kind === undefined ? 'Toutes les sortes' : echeanceLabel(kind)} (${count})`, width)}
					</Text>
				);
			})}
		</Box>
	);
}

/** Visible items per kind, for the picker. */
export function kindCounts(items: readonly ListedEcheance[]): Map<EcheanceKind, number> {
	const counts = new Map<EcheanceKind, number>();
	for (const item of items) counts.set(item.kind, (counts.get(item.kind) ?? 0) + 1);
	return counts;
}

/**
 * n / p on a fiche opened from the échéances: the first item of the next (or
 * previous) person after `cursor`; when the shown person's item has left the list
 * (snoozed, done), the item now in its place. Undefined at either end.
 */
export function nextPersonIndex(items: readonly ListedEcheance[], cursor: number, shownId: string | undefined, direction: 1 | -1): number | undefined {
	if (direction === 1 && cursor < items.length && items[cursor]!.participant.id !== shownId) return cursor;
	for (let i = cursor + direction; i >= 0 && i < items.length; i += direction) {
		if (items[i]!.participant.id !== shownId) return i;
	}
	return undefined;
}

/** The status line of a fiche opened from the échéances. */
export function fichStatus(items: readonly ListedEcheance[], cursor: number, shownId: string | undefined): string {
	const item = items[cursor];
	const where = item?.participant.id === shownId ? `échéance ${cursor + 1}/${items.length} « ${KIND_SHORT[item!.kind]} »` : `hors de la liste des échéances (${items.length})`;
	return `Fiche · ${where} · Échap : les échéances`;
}
