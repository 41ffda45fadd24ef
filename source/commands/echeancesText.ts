// What `plie-triage echeances` prints: the JSON of REFERENTIEL §7, or a list
// grouped by week for a person to read (French, dates dd/mm/yyyy, ids shown).
import {referentsShown, type Visibility} from '../domain/visibility.js';
import {frenchDate, isoFromDay} from '../domain/calendar.js';
import {storeLine} from '../store/postgres/url.js';
import {
	echeanceLabel,
	type EcheanceList,
	groupEcheances,
	type ListedEcheance,
	shownText,
	visibleEcheances,
} from '../domain/echeances/index.js';

export interface EcheanceJsonItem {
	participant: string;
	kind: string;
	due: string;
	late: boolean;
	label: string;
	/** only on items a snooze hides */
	snoozed?: true;
}

export interface EcheancesJson {
	today: string;
	until: string;
	referent: string | null;
	items: EcheanceJsonItem[];
}

export function echeancesJson(list: EcheanceList): EcheancesJson {
	return {
		today: isoFromDay(list.today),
		until: isoFromDay(list.until),
		referent: list.referent ?? null,
		items: list.items.map(item => {
			const json: EcheanceJsonItem = {
				participant: item.participant.id,
				kind: item.kind,
				due: isoFromDay(item.due),
				late: item.late,
				label: echeanceLabel(item.kind),
			};
			if (item.snooze !== undefined) json.snoozed = true;
			return json;
		}),
	};
}

/** ISO text of each due day, made once per day: a caseload's items fall on a few hundred days. */
function isoCache(): (day: number) => string {
	const cache = new Map<number, string>();
	return day => {
		let text = cache.get(day);
		if (text === undefined) cache.set(day, (text = isoFromDay(day)));
		return text;
	};
}

/**
 * The text of JSON.stringify(echeancesJson(list), null, 2) + '\n', written item
 * by item: at 10,000 participants (20,000 items) building the objects and then
 * stringifying them with indentation took a tenth of `echeances --json`.
 */
export function echeancesJsonText(list: EcheanceList): string {
	const head = `{\n  "today": ${JSON.stringify(isoFromDay(list.today))},\n  "until": ${JSON.stringify(isoFromDay(list.until))},\n  "referent": ${JSON.stringify(list.referent ?? null)},\n  "items": `;
	if (list.items.length === 0) return `${head}[]\n}\n`;
	const iso = isoCache();
	const labels = new Map<string, string>();
	const parts: string[] = [`${head}[\n`];
	const {items} = list;
	for (let i = 0; i < items.length; i++) {
		const item = items[i]!;
		let label = labels.get(item.kind);
		if (label === undefined) labels.set(item.kind, (label = JSON.stringify(echeanceLabel(item.kind))));
		const snoozed = item.snooze === undefined ? '' : ',\n      "snoozed": true';
		parts.push(
			`    {\n      "participant": ${JSON.stringify(item.participant.id)},\n      "kind": "${item.kind}",\n      "due": "${iso(item.due)}",\n      "late": ${item.late},\n      "label": ${label}${snoozed}\n    }${i < items.length - 1 ? ',\n' : '\n'}`,
		);
	}
	parts.push('  ]\n}\n');
	return parts.join('');
}

/** What the item is about beyond its kind: the step, or the planned contact's type. */
export function echeanceDetail(item: ListedEcheance): string {
	if (item.step !== undefined) return `« ${shownText(item.step.label)} »`;
	if (item.event !== undefined) return item.event.type;
	return '';
}

function plural(count: number, one: string, many: string): string {
	return `${count} ${count > 1 ? many : one}`;
}

const NAME_WIDTH = 28;

/** A name cut to the column, with an ellipsis. */
function column(text: string, width: number): string {
	return text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width, ' ');
}

export function echeancesText(list: EcheanceList, storePath: string, visible?: Visibility): string {
	const lines = [
		`plie-triage — échéances au ${frenchDate(list.today)}, jusqu’au ${frenchDate(list.until)} — référent : ${shownText(referentsShown(list.referent, visible) ?? 'Tous')}`,
		storeLine(storePath),
	];
	if (list.items.length === 0) return [...lines, '', 'Aucune échéance en retard ni à venir d’ici là.'].join('\n') + '\n';
	const shown = visibleEcheances(list.items);
	const idWidth = Math.max(0, ...shown.map(item => shownText(item.participant.id).length));
	for (const group of groupEcheances(shown, list.today, list.until)) {
		lines.push('');
		if (group.items.length === 0) {
			lines.push(`${group.label} : aucune`);
			continue;
		}
		lines.push(`${group.label} (${group.items.length})`);
		for (const item of group.items) {
			const late = item.late ? ` (${plural(list.today - item.due, 'jour', 'jours')} de retard)` : '';
			const detail = echeanceDetail(item);
			const what = `${echeanceLabel(item.kind)}${detail === '' ? '' : ` : ${detail}`}${late}`;
			const id = shownText(item.participant.id).padEnd(idWidth, ' ');
			lines.push(`  ${frenchDate(item.due)}  ${id}  ${column(shownText(item.participant.name), NAME_WIDTH)}  ${what}`);
		}
	}
	const hidden = list.items.length - shown.length;
	if (hidden > 0) {
		lines.push('', `${plural(hidden, 'échéance mise', 'échéances mises')} en attente (z) non ${hidden > 1 ? 'affichées' : 'affichée'} ; --json les montre.`);
	}
	return lines.join('\n') + '\n';
}
