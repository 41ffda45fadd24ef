// The French summary an import prints: created / updated / unchanged for each kind.
import {formatChangeReport} from './importChanges.js';
import {PARTICIPANT_FIELDS} from '../domain/fields.js';
import type {Counts} from './merge.js';
import type {ImportResult} from './importFile.js';

function line(label: string, counts: Counts): string {
	return `  ${label} : ${counts.created} créé(s), ${counts.updated} mis à jour, ${counts.unchanged} inchangé(s)`;
}

/** `previousContracts` → `CER précédents` (the list's label in the field tables). */
function listLabel(field: string): string {
	return (PARTICIPANT_FIELDS as Record<string, {label: string} | undefined>)[field]?.label ?? field;
}

/** The summary; each updated person's changes follow (the first 20, or all with `details`). */
export function formatImportSummary(result: ImportResult, storePath: string, dryRun: boolean, details = false): string {
	const layout =
		result.layout === 'visual-course'
			? 'extraction Visual Course'
			: result.format === 'csv'
				? 'format d’échange, CSV'
				: 'classeur d’échange';
	const lines = [
		`${dryRun ? 'Simulation d’import' : 'Import'} de « ${result.file} » (${layout}) :`,
		line('bénéficiaires', result.summary.participants),
		line('étapes', result.summary.steps),
		line('événements', result.summary.events),
		...Object.entries(result.summary.lists).map(([field, counts]) => line(listLabel(field), counts)),
	];
	lines.push(...formatChangeReport(result, details));
	// an extraction carries no events: without them every person looks unseen since the integration
	if (result.layout === 'visual-course') {
		lines.push(
			'Note : une extraction Visual Course ne contient pas d’événements (entretiens, ateliers, contacts) ; les indicateurs de suivi (entretiens, rythme des contacts) restent à lire avec prudence tant que les événements ne sont pas saisis (touche e du tableau de bord) ou importés (format d’échange).',
		);
	}
	if (dryRun) lines.push('Simulation (--dry-run) : rien n’a été écrit.');
	else if (result.written) lines.push(`Fichier de suivi mis à jour : ${storePath}`);
	else lines.push(`Aucun changement : ${storePath} n’a pas été modifié.`);
	return lines.join('\n') + '\n';
}
