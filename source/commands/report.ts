// `plie-triage report [--json]`: the indicators as a table grouped like the
// Visual Course dashboard, or as the JSON of REFERENTIEL §6.
import {frenchDate, isoFromDay} from '../domain/calendar.js';
import {SECTIONS} from '../domain/indicators.js';
import {type Triage, triage} from '../domain/triage.js';
import {openStore} from '../store/openStore.js';
import type {CommandContext} from './context.js';

export interface ReportJson {
	today: string;
	referent: string | null;
	indicators: Array<{id: string; label: string; count: number; participants: string[]}>;
}

export function reportJson(result: Triage): ReportJson {
	return {
		today: isoFromDay(result.today),
		referent: result.referent ?? null,
		indicators: result.indicators.map(indicator => ({
			id: indicator.definition.id,
			label: indicator.definition.label,
			count: indicator.entries.length,
			participants: indicator.entries.map(entry => entry.id),
		})),
	};
}

export function reportTable(result: Triage, storePath: string): string {
	const lines = [
		`plie-triage — indicateurs au ${frenchDate(result.today)} — référent : ${result.referent ?? 'Tous'}`,
		`Fichier : ${storePath}`,
	];
	const width = Math.max(...result.indicators.map(i => i.definition.label.length)) + 2;
	for (const section of SECTIONS) {
		lines.push('', section.label);
		for (const indicator of result.indicators) {
			const {definition} = indicator;
			if (definition.section !== section.id) continue;
			const count = indicator.entries.length;
			const mark = definition.severity === 'urgent' && count > 0 ? '!' : ' ';
			const snoozed = indicator.snoozed.length > 0 ? `  (dont ${indicator.snoozed.length} en attente)` : '';
			lines.push(` ${mark} ${definition.label.padEnd(width, ' ')}${String(count).padStart(6)}${snoozed}`);
		}
	}
	lines.push('', '! : à traiter avant la cellule de suivi');
	return lines.join('\n') + '\n';
}

export async function runReport(context: CommandContext): Promise<void> {
	const store = await openStore(context.storePath);
	const result = triage(store.data.participants, {
		today: context.today,
		settings: store.data.settings,
		referent: context.referent,
		hideSnoozed: context.flags.hideSnoozed === true,
	});
	if (context.flags.json === true) {
		process.stdout.write(JSON.stringify(reportJson(result), null, 2) + '\n');
	} else {
		process.stdout.write(reportTable(result, context.storePath));
	}
}
