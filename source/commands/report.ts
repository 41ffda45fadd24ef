// `plie-triage report [--json]`: the indicators as a table grouped like the
// Visual Course dashboard, or as the JSON of REFERENTIEL §6.
import {referentsShown, type Visibility} from '../domain/visibility.js';
import {frenchDate, isoFromDay} from '../domain/calendar.js';
import {SECTIONS} from '../domain/indicators.js';
import type {TriageQueues} from '../domain/triage.js';
import {inertJson, visibleText} from '../domain/text.js';
import {type CaseloadStore, openCaseloadStore} from '../store/caseloadStore.js';
import {storeLine} from '../store/postgres/url.js';
import type {CommandContext} from './context.js';

/** What a report shows of a triage. */
export type ReportedTriage = TriageQueues;

export interface ReportJson {
	today: string;
	referent: string | null;
	indicators: Array<{id: string; label: string; count: number; participants: string[]}>;
}

export function reportJson(result: ReportedTriage): ReportJson {
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

/**
 * The alerts on hold (z), to review before the cellule: person, alert, until when
 * and why, the nearest end first. `names` by participant id (the id alone without).
 */
export function snoozeLines(result: ReportedTriage, names: ReadonlyMap<string, string> = new Map()): string[] {
	const held = result.indicators.flatMap(indicator => indicator.snoozed.map(entry => ({entry, label: indicator.definition.label})));
	if (held.length === 0) return [];
	held.sort((x, y) => (x.entry.until < y.entry.until ? -1 : x.entry.until > y.entry.until ? 1 : 0));
	const lines = ['', `Mises en attente en cours (${held.length}) — à revoir avant la cellule :`];
	for (const {entry, label} of held) {
		const who = names.get(entry.id);
		lines.push(visibleText(`  ${who === undefined ? entry.id : `${who} (${entry.id})`} — ${label} — jusqu’au ${frenchDate(entry.until)} : ${entry.reason}`));
	}
	return lines;
}

export function reportTable(result: ReportedTriage, storePath: string, hideSnoozed = false, names?: ReadonlyMap<string, string>, visible?: Visibility): string {
	// the referent and the path come from the user or the data: shown inert (domain/text.ts)
	const lines = [
		`plie-triage — indicateurs au ${frenchDate(result.today)} — référent : ${visibleText(referentsShown(result.referent, visible) ?? 'Tous')}`,
		storeLine(storePath),
	];
	const width = Math.max(...result.indicators.map(i => i.definition.label.length)) + 2;
	const idWidth = Math.max(...result.indicators.map(i => i.definition.id.length));
	for (const section of SECTIONS) {
		lines.push('', section.label);
		for (const indicator of result.indicators) {
			const {definition} = indicator;
			if (definition.section !== section.id) continue;
			const count = indicator.entries.length;
			const mark = definition.severity === 'urgent' && count > 0 ? '!' : ' ';
			// with --hide-snoozed the alerts put on hold are already out of the count
			const waiting = indicator.snoozed.length;
			const snoozed = waiting === 0 ? '' : hideSnoozed ? `  (+ ${waiting} en attente, non compté${waiting > 1 ? 's' : ''})` : `  (dont ${waiting} en attente)`;
			// the id is what --queue and `z` name: shown so that a user can copy it
			lines.push(` ${mark} ${definition.label.padEnd(width, ' ')}${String(count).padStart(6)}  ${definition.id.padEnd(idWidth, ' ')}${snoozed}`.trimEnd());
		}
	}
	lines.push(...snoozeLines(result, names));
	lines.push('', '! : à traiter avant la cellule de suivi');
	return lines.join('\n') + '\n';
}

/**
 * The text of JSON.stringify(reportJson(result), null, 2) + '\n', one indicator at
 * a time, so that a 50,000-person report never builds one large string. Each
 * indicator's text is written out directly (its id list is one JSON.stringify
 * at the right indentation) rather than stringified as an object and re-indented:
 * fewer large strings, so less garbage at the end of `report`.
 */
export function* reportJsonChunks(result: ReportedTriage): Generator<string> {
	const head = `{\n  "today": ${JSON.stringify(isoFromDay(result.today))},\n  "referent": ${JSON.stringify(result.referent ?? null)},\n  "indicators": `;
	const {indicators} = result;
	if (indicators.length === 0) {
		yield `${head}[]\n}\n`;
		return;
	}
	yield `${head}[\n`;
	for (let i = 0; i < indicators.length; i++) {
		const {definition, entries} = indicators[i]!;
		const ids: string[] = [];
		for (let k = 0; k < entries.length; k++) ids.push(entries[k]!.id);
		// `[\n        "a",\n        "b"\n]`: items at the depth they have in the report, the bracket moved there too
		const list = ids.length === 0 ? '[]' : JSON.stringify(ids, null, 8).slice(0, -1) + '      ]';
		const separator = i < indicators.length - 1 ? ',\n' : '\n';
		yield `    {\n      "id": ${JSON.stringify(definition.id)},\n      "label": ${JSON.stringify(definition.label)},\n      "count": ${JSON.stringify(entries.length)},\n      "participants": ${list}\n    }${separator}`;
	}
	yield '  ]\n}\n';
}

async function writeChunks(chunks: Iterable<string>): Promise<void> {
	for (const raw of chunks) {
		// ids and the referent may hold controls JSON.stringify leaves raw (DEL, C1, bidi)
		const chunk = inertJson(raw);
		if (!process.stdout.write(chunk)) await new Promise(resolve => process.stdout.once('drain', resolve));
	}
}

export async function runReport(context: CommandContext): Promise<void> {
	// read-only: the light reader (no lowdb, no zod unless the file needs it), and
	// only the queues: no facts kept per person once counted
	const store = await openCaseloadStore(context.storePath);
	try {
		await report(context, store);
	} finally {
		await store.close();
	}
}

async function report(context: CommandContext, store: CaseloadStore): Promise<void> {
	const triageFor = (referent: string | undefined) =>
		store.triage({today: context.today, referent, hideSnoozed: context.flags.hideSnoozed === true});
	let result = await triageFor(context.referent);
	// every count at zero for a referent: read the store again (rare) to tell a typo from an empty
	// caseload, or a surname alone from the full name it designates (then counted under that name)
	if (context.referent !== undefined && result.indicators.every(indicator => indicator.entries.length === 0)) {
		const {requireKnownReferent} = await import('./referentCheck.js');
		const {sameReferent} = await import('../domain/triage.js');
		const named = requireKnownReferent(context.referent, (await store.read()).participants, context.storePath);
		if (named !== undefined && !sameReferent(named, context.referent)) result = await triageFor(named);
	}
	if (context.flags.json === true) {
		await writeChunks(reportJsonChunks(result));
	} else {
		// the alerts on hold are listed by name: read the people only when there are some
		const held = new Set(result.indicators.flatMap(indicator => indicator.snoozed.map(entry => entry.id)));
		const names = held.size > 0 ? await store.namesOf([...held]) : undefined;
		process.stdout.write(reportTable(result, context.storePath, context.flags.hideSnoozed === true, names, store.visible));
	}
}
