// `r`: choose whose caseload the dashboard shows, or everyone's ("Tous").
import type {Visibility} from '../domain/visibility.js';
import {Box, Text} from 'ink';
import React from 'react';
import type {Participant} from '../domain/model.js';
import {foldText} from '../domain/text.js';
import {truncate} from './format.js';
import {visibleWindow} from './navigation.js';

export interface ReferentChoice {
	/** undefined = all referents */
	readonly referent?: string;
	readonly label: string;
	readonly count: number;
}

/**
 * "Tous" then every referent of the caseload, alphabetically, with their number
 * of files; for a login that sees only its référent·es' (a base), « Tous les vôtres ».
 */
export function referentChoices(participants: readonly Participant[], visible?: Visibility): ReferentChoice[] {
	const counts = new Map<string, {name: string; count: number}>();
	for (const p of participants) {
		const name = p.referent?.trim();
		if (!name) continue;
		const key = foldText(name);
		const known = counts.get(key);
		if (known) known.count++;
		else counts.set(key, {name, count: 1});
	}
	const named = [...counts.values()].sort((a, b) => a.name.localeCompare(b.name, 'fr'));
	return [
		{referent: undefined, label: visible === undefined ? 'Tous' : 'Tous les vôtres', count: participants.length},
		...named.map(({name, count}) => ({referent: name, label: name, count})),
	];
}

/** Where the current referent is in the list, so the picker opens on it. */
export function choiceIndex(choices: readonly ReferentChoice[], referent: string | undefined): number {
	if (referent === undefined) return 0;
	const index = choices.findIndex(choice => choice.referent !== undefined && foldText(choice.referent) === foldText(referent));
	return Math.max(0, index);
}

/** The referent as spelled in the caseload (`--referent "rouvray karim"` → "ROUVRAY Karim"), or marked when nobody has that name. */
export function referentLabel(choices: readonly ReferentChoice[], referent: string | undefined): string | undefined {
	if (referent === undefined) return undefined;
	const index = choiceIndex(choices, referent);
	return index > 0 ? choices[index]!.label : `${referent} (aucun dossier)`;
}

/** The choices whose name holds the letters typed (type-ahead), case and accents aside; all of them for no letters. */
export function matchingChoices(choices: readonly ReferentChoice[], query: string): readonly ReferentChoice[] {
	const wanted = foldText(query.trim());
	if (wanted === '') return choices;
	return choices.filter(choice => foldText(choice.label).includes(wanted));
}

export interface ReferentPickerProps {
	/** the choices left by the letters typed */
	readonly choices: readonly ReferentChoice[];
	readonly cursor: number;
	readonly query: string;
	readonly width: number;
	readonly height: number;
}

export function ReferentPicker({choices, cursor, query, width, height}: ReferentPickerProps) {
	const {from, to} = visibleWindow(cursor, 0, Math.max(1, height - 1), choices.length);
	const title = query === '' ? 'Référent·e — tapez des lettres du nom pour réduire la liste' : `Référent·e — recherche : ${query}▏`;
	return (
		<Box flexDirection="column">
			<Text bold wrap="truncate-end">
				{truncate(title, width)}
			</Text>
			{choices.length === 0 ? <Text wrap="truncate-end">{truncate(`Aucun nom ne contient « ${query} » (Retour arrière : effacer une lettre).`, width)}</Text> : null}
			{choices.slice(from, to).map((choice, i) => (
				<Text key={choice.label} inverse={from + i === cursor} wrap="truncate-end">
					{truncate(`${from + i === cursor ? '›' : ' '} ${choice.label} (${choice.count})`, width)}
				</Text>
			))}
		</Box>
	);
}
