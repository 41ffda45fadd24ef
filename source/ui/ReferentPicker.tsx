// `r`: choose whose caseload the dashboard shows, or everyone's ("Tous").
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

/** "Tous" then every referent of the caseload, alphabetically, with their number of files. */
export function referentChoices(participants: readonly Participant[]): ReferentChoice[] {
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
		{referent: undefined, label: 'Tous', count: participants.length},
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

export function ReferentPicker({choices, cursor, width, height}: {choices: readonly ReferentChoice[]; cursor: number; width: number; height: number}) {
	const {from, to} = visibleWindow(cursor, 0, Math.max(1, height - 1), choices.length);
	return (
		<Box flexDirection="column">
			<Text bold wrap="truncate-end">
				{truncate('Référent·e (Entrée : choisir, Échap : annuler)', width)}
			</Text>
			{choices.slice(from, to).map((choice, i) => (
				<Text key={choice.label} inverse={from + i === cursor} wrap="truncate-end">
					{truncate(`${from + i === cursor ? '›' : ' '} ${choice.label} (${choice.count})`, width)}
				</Text>
			))}
		</Box>
	);
}
