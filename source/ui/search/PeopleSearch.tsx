// `:` from any screen: a person of the file found by name or id as letters are
// typed, with their status and référent·e; Entrée opens their fiche. Only the rows
// on screen are built (their status computed), whatever the size of the file.
import {Box, Text} from 'ink';
import React from 'react';
import {type Day, frenchDate} from '../../domain/calendar.js';
import {hiddenTyping} from '../../domain/discretion.js';
import {computeFacts, STATUS_LABELS} from '../../domain/facts.js';
import type {Participant} from '../../domain/model.js';
import {displayName} from '../../domain/text.js';
import {cell, plural, truncate} from '../format.js';
import {visibleWindow} from '../navigation.js';
import {usePeopleSearch} from './usePeopleSearch.js';

/** title and column headings above the rows */
const CHROME_LINES = 2;
const STATUS_WIDTH = 26;

export interface PeopleSearchProps {
	readonly participants: readonly Participant[];
	readonly today: Day;
	readonly discretion: boolean;
	readonly width: number;
	readonly height: number;
	readonly onOpen: (id: string) => void;
	readonly onClose: () => void;
}

/** Where the person is on `today`: the status, with the day of an exit or a non-integration. */
export function personStatus(participant: Participant, today: Day): string {
	const status = computeFacts(participant, today).status;
	const day = status === 'exited' ? participant.exitDate : status === 'non-integrated' ? participant.nonIntegrationDate : undefined;
	return day ? `${STATUS_LABELS[status]} le ${frenchDate(day)}` : STATUS_LABELS[status];
}

export function PeopleSearch({participants, today, discretion, width, height, onOpen, onClose}: PeopleSearchProps) {
	const page = Math.max(1, height - CHROME_LINES);
	const {state, results, cursor} = usePeopleSearch({participants, page, onOpen, onClose});
	const {from, to} = visibleWindow(cursor, state.offset, page, results.length);
	const shown = results.slice(from, to);
	// in discrétion mode the letters typed are a name too
	const typed = discretion ? hiddenTyping(state.query) : state.query;
	const title =
		state.query === ''
			? `Chercher une personne — tapez son nom ou son identifiant (${plural(participants.length, 'personne', 'personnes')})`
			: `Chercher une personne : ${typed}▏ — ${results.length} sur ${participants.length}`;
	const statuses = shown.map(participant => personStatus(participant, today));
	const idWidth = Math.min(14, Math.max(2, ...shown.map(p => p.id.length)));
	const statusWidth = Math.min(STATUS_WIDTH, Math.max(6, ...statuses.map(status => status.length)));
	const nameWidth = Math.min(40, Math.max(10, Math.floor((width - 2 - idWidth - statusWidth - 3) * 0.6)));
	const referentWidth = Math.max(4, width - 2 - nameWidth - idWidth - statusWidth - 3);
	const row = (name: string, id: string, status: string, referent: string) =>
		`${cell(name, nameWidth)} ${cell(id, idWidth)} ${cell(status, statusWidth)} ${cell(referent, referentWidth)}`;
	return (
		<Box flexDirection="column">
			<Text bold wrap="truncate-end">
				{truncate(title, width)}
			</Text>
			<Text underline wrap="truncate-end">
				{truncate(`  ${row('Bénéficiaire', 'ID', 'Statut', 'Référent·e')}`, width)}
			</Text>
			{results.length === 0 ? (
				<Text wrap="truncate-end">{truncate(`Personne ne correspond à « ${typed} » (Retour arrière : effacer une lettre).`, width)}</Text>
			) : (
				shown.map((participant, i) => {
					const selected = from + i === cursor;
					return (
						<Text key={participant.id} inverse={selected} wrap="truncate-end">
							{truncate(`${selected ? '›' : ' '} ${row(displayName(participant, discretion), participant.id, statuses[i]!, participant.referent ?? '—')}`, width)}
						</Text>
					);
				})
			)}
		</Box>
	);
}
