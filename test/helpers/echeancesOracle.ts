// REFERENTIEL §7 read literally, a second time, for the tests: ISO dates compared
// as text, months added by date-fns on local dates, nothing shared with
// source/domain (no facts, no calendar.ts, no contactRhythm.ts). The command's
// JSON must equal what this gives.
import {addDays, addMonths} from 'date-fns';
import type {Participant} from '../../source/domain/model.js';

export interface OracleItem {
	participant: string;
	kind: string;
	due: string;
	late: boolean;
	label: string;
	snoozed?: true;
}

const TABLE: ReadonlyArray<readonly [string, string]> = [
	['rdv.next', 'Prochain entretien à tenir'],
	['rdv.planned', 'Rendez-vous prévu'],
	['cer.sign', "Contrat d'engagement à signer (1 mois après l'orientation)"],
	['cer.stock', 'CER à signer (couverture du stock RSA)'],
	['cer.end', 'Fin du CER'],
	['parcours.renewal', 'Renouvellement du parcours (cellule)'],
	['parcours.limit', 'Fin des 24 mois sans prolongation'],
	['standby.review', 'Veille à réexaminer (2 mois)'],
	['step.start', 'Étape prévue à démarrer'],
	['step.end', 'Étape à clore'],
	['exit.letters', 'Courriers de sortie (1 mois après la cellule)'],
	['exit.proof', 'Justificatif de sortie positive'],
	['exit.close', 'Dossier de sortie à clôturer (3 mois)'],
];

function local(iso: string): Date {
	const [y, m, d] = iso.split('-').map(Number);
	return new Date(y!, m! - 1, d!);
}

function isoOf(date: Date): string {
	return `${String(date.getFullYear()).padStart(4, '0')}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

const plusMonths = (iso: string, months: number) => isoOf(addMonths(local(iso), months));
const plusDays = (iso: string, days: number) => isoOf(addDays(local(iso), days));
const isContact = (type: string) => type === 'Entretien individuel' || type === 'Atelier collectif';

export interface OracleSettings {
	readonly contractStockDeadline: string;
}

/** The items of `participants` on day `today` up to `until` (ISO), in §7's order. */
export function oracleEcheances(
	participants: readonly Participant[],
	today: string,
	until: string,
	settings: OracleSettings = {contractStockDeadline: '2026-12-31'},
): OracleItem[] {
	const items: Array<OracleItem & {order: number}> = [];
	let order = 0;
	for (const p of participants) {
		const closed = (p.exitDate !== undefined && p.exitDate <= today) || (p.nonIntegrationDate !== undefined && p.nonIntegrationDate <= today);
		const active = !closed && p.integrationDate !== undefined && p.integrationDate <= today;
		const standby = active && p.standbySince !== undefined && p.standbySince <= today;
		const add = (kind: string, due: string) => {
			const snoozed = (p.snoozes ?? []).some(s => s.indicator === kind && s.until >= today);
			const label = TABLE.find(([id]) => id === kind)![1];
			items.push({participant: p.id, kind, due, late: due < today, label, ...(snoozed ? {snoozed: true as const} : {}), order: order++});
		};
		if (active && !standby) {
			const contacts = p.events.filter(e => isContact(e.type) && e.date <= today).map(e => e.date).sort();
			const last = contacts[contacts.length - 1];
			const r = last !== undefined && last > p.integrationDate! ? last : p.integrationDate!;
			add('rdv.next', plusDays(r, 15) < plusMonths(p.integrationDate!, 3) ? plusDays(r, 15) : plusDays(r, 30));
		}
		if (!closed) for (const e of p.events) if (isContact(e.type) && e.date > today) add('rdv.planned', e.date);
		if (!closed && p.rsa && p.orientationDate !== undefined) {
			const starts = [p.contractStart, ...(p.previousContracts ?? []).map(c => c.start)];
			if (!starts.some(start => start !== undefined && start >= p.orientationDate!)) add('cer.sign', plusMonths(p.orientationDate, 1));
		}
		if (!closed && p.rsa && p.contractEnd === undefined && p.orientationDate === undefined) add('cer.stock', settings.contractStockDeadline);
		if (!closed && p.rsa && p.contractEnd !== undefined) add('cer.end', p.contractEnd);
		if (active) {
			let k = 1;
			while (plusMonths(p.integrationDate!, 6 * k) < today) k++;
			add('parcours.renewal', plusMonths(p.integrationDate!, 6 * k));
		}
		if (active && p.extension !== true) add('parcours.limit', plusMonths(p.integrationDate!, 24));
		if (standby) add('standby.review', plusMonths(p.standbySince!, 2));
		if (!closed) for (const s of p.steps) if (s.state === 'Prévue') add('step.start', s.start);
		if (!closed) for (const s of p.steps) if ((s.state === 'Prévue' || s.state === 'En cours') && s.end !== undefined) add('step.end', s.end);
		if (p.exitValidatedOn !== undefined && p.exitClosedOn === undefined) {
			if (p.exitLettersSentOn === undefined) add('exit.letters', plusMonths(p.exitValidatedOn, 1));
			const closure = plusDays(plusMonths(p.exitValidatedOn, 3), -1);
			if (p.exitType === 'Positive' && p.exitProofReceivedOn === undefined) add('exit.proof', closure);
			add('exit.close', closure);
		}
	}
	const position = (kind: string) => TABLE.findIndex(([id]) => id === kind);
	return items
		.filter(item => item.late || item.due <= until)
		.sort(
			(a, b) =>
				(a.due < b.due ? -1 : a.due > b.due ? 1 : 0) ||
				position(a.kind) - position(b.kind) ||
				(a.participant < b.participant ? -1 : a.participant > b.participant ? 1 : 0) ||
				a.order - b.order,
		)
		.map(({order: _, ...item}) => item);
}
