// The fiche's « Échéances » section: what falls due for this person (every item of
// §7, whatever the horizon, soonest first; snoozed ones greyed with their end
// day), and for an exited person the exit follow-up dates of 004_… (key `s`).
// A few lines: the fiche's steps keep the room the edit keys need.
import {Box, Text} from 'ink';
import React from 'react';
import {type Day, frenchDate} from '../../domain/calendar.js';
import {echeanceLabel, echeancesOf, type ListedEcheance} from '../../domain/echeances/index.js';
import {EXIT_FOLLOW_UP_FIELDS, EXIT_FOLLOW_UP_WORDS, proofExpected} from '../../domain/edits/exitFollowUp.js';
import type {ParticipantFacts} from '../../domain/facts.js';
import type {Participant} from '../../domain/model.js';
import type {Settings} from '../../domain/settings.js';
import {plural, truncate} from '../format.js';
import {tint, useTheme} from '../theme.js';
import {delayText, itemDetail} from './EcheancesScreen.js';

/** The person's items, snoozed ones included (marked). */
export function fichEcheances(facts: ParticipantFacts, settings: Settings): ListedEcheance[] {
	return echeancesOf(facts, settings);
}

/** How many item lines the section shows: a few on a small terminal, more on a tall one. */
function itemLines(height: number, count: number): number {
	return Math.min(count, height >= 30 ? 5 : 2);
}

/** The section's height: its heading, the exit follow-up lines of an exited person, the item lines. */
export function echeancesSectionHeight(facts: ParticipantFacts, items: readonly ListedEcheance[], height: number, width: number): number {
	const exit = facts.participant.exitDate === undefined ? 0 : exitFollowUpLines(facts.participant, width).length;
	return 1 + exit + itemLines(height, items.length);
}

/**
 * « Suivi de la sortie (s) : validée en cellule le 08/12/2026 · courriers envoyés le — · … »,
 * on as many lines of `width` as its dates need (each line indented by two).
 */
export function exitFollowUpLines(p: Participant, width: number): string[] {
	const fields = EXIT_FOLLOW_UP_FIELDS.filter(field => field !== 'exitProofReceivedOn' || proofExpected(p) || p[field] !== undefined);
	const parts = fields.map(field => `${EXIT_FOLLOW_UP_WORDS[field]} ${frenchDate(p[field]) || '—'}`);
	const lines = ['  Suivi de la sortie (s) :'];
	for (const [i, part] of parts.entries()) {
		const last = lines.length - 1;
		const joined = `${lines[last]}${i === 0 ? ' ' : ' · '}${part}`;
		if (joined.length <= width) lines[last] = joined;
		else lines.push(`  ${part}`);
	}
	return lines;
}

export interface EcheancesSectionProps {
	readonly facts: ParticipantFacts;
	readonly items: readonly ListedEcheance[];
	readonly width: number;
	/** the fiche's height (the section takes echeancesSectionHeight of it) */
	readonly height: number;
}

export function EcheancesSection({facts, items, width, height}: EcheancesSectionProps) {
	const theme = useTheme();
	const today: Day = facts.today;
	const shown = items.slice(0, itemLines(height, items.length));
	const late = items.filter(item => item.late && item.snooze === undefined).length;
	const heading = `Échéances (${items.length})${late > 0 ? ` — ${plural(late, 'en retard', 'en retard')}` : ''}${items.length > shown.length ? ` — les ${shown.length} premières` : ''}`;
	return (
		<Box flexDirection="column">
			<Text bold underline wrap="truncate-end">
				{truncate(items.length === 0 ? 'Échéances : aucune' : heading, width)}
			</Text>
			{facts.participant.exitDate === undefined
				? null
				: exitFollowUpLines(facts.participant, width).map((line, i) => (
						<Text key={`exit${i}`} wrap="truncate-end">
							{truncate(line, width)}
						</Text>
					))}
			{shown.map((item, i) => {
				const detail = itemDetail(item);
				const snoozed = item.snooze === undefined ? '' : ` — en attente jusqu'au ${frenchDate(item.snooze.until)}`;
				return (
					<Text
						key={`${item.kind}${i}`}
						dimColor={item.snooze !== undefined}
						color={item.late && item.snooze === undefined ? tint(theme, 'red') : undefined}
						wrap="truncate-end"
					>
						{truncate(
							`${item.late && item.snooze === undefined ? '!' : ' '} ${frenchDate(item.due)} ${delayText(item.due, today).padStart(6)}  ${echeanceLabel(item.kind)}${detail ? ` — ${detail}` : ''}${snoozed}`,
							width,
						)}
					</Text>
				);
			})}
		</Box>
	);
}
