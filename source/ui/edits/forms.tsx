// The edit forms of the participant view: what each asks, its starting values,
// and the pure edit its values become. Saving goes through the handler's `save`.
import React from 'react';
import {type Day, frenchDate, isoFromDay, toDay} from '../../domain/calendar.js';
import {
	addStep,
	type Edit,
	editStep,
	edited,
	recordEvent,
	closableAtExit,
	type ClosingState,
	openAtExit,
	recordExitClosingSteps,
	recordNonIntegration,
	followingContract,
	renewContract,
	renewContractWith,
	sameValue,
	setContract,
	setRomeCode,
	snoozeIndicator,
	unsnoozeIndicator,
	startStandby,
	stepRef,
} from '../../domain/edits/index.js';
import {parseTypedDate} from '../../domain/edits/dates.js';
import {indicatorLabel} from '../../domain/edits/format.js';
import {indicatorById} from '../../domain/indicators.js';
import type {Participant, Step} from '../../domain/model.js';
import {EVENT_TYPES, EXIT_REASONS, EXIT_TYPES, NON_INTEGRATION_REASONS, STANDBY_REASONS, STEP_STATES} from '../../domain/vocabulary.js';
import {Form} from './Form.js';
import type {FieldSpec, Values} from './formState.js';

/**
 * Saves a form's edit, an intention on the person as the form showed them (a
 * colleague's save of the same field meanwhile is a conflict; of another, merged);
 * resolves to the refusal to show in the form, if any.
 */
export type Save = (edit: Edit) => Promise<string | undefined>;

export interface FormContext {
	readonly participant: Participant;
	/** the name as shown (initials in discrétion mode) */
	readonly name: string;
	readonly today: Day;
	readonly save: Save;
	readonly cancel: () => void;
}

const blankIsNull = (text: string | undefined) => (text === undefined || text.trim() === '' ? null : text);

const STEP_FIELDS: readonly FieldSpec[] = [
	{key: 'label', label: 'Libellé', kind: 'text'},
	{key: 'type', label: 'Type', kind: 'text'},
	{key: 'start', label: 'Début', kind: 'date'},
	{key: 'end', label: 'Fin (facultative)', kind: 'date', optional: true},
	{key: 'state', label: 'État', kind: 'choice', options: STEP_STATES},
];

/**
 * Only what the user changed in the form: a field left as shown keeps the value
 * stored now, so a colleague's change saved meanwhile to another field is not undone.
 */
function changed(values: Values, initial: Values, key: string): string | undefined {
	return values[key] === initial[key] ? undefined : values[key];
}

const stepFields = (values: Values, initial: Values) => {
	const end = changed(values, initial, 'end');
	return {
		label: changed(values, initial, 'label'),
		type: changed(values, initial, 'type'),
		start: changed(values, initial, 'start'),
		end: end === undefined ? undefined : blankIsNull(end),
		state: changed(values, initial, 'state'),
	};
};

/** `m`: the selected step's label, type, dates and state. */
export function stepForm(context: FormContext, step: Step) {
	const ref = stepRef(step);
	const initial = {label: step.label, type: step.type, start: frenchDate(step.start), end: frenchDate(step.end), state: step.state};
	return (
		<Form
			today={context.today}
			title={`Modifier l’étape — ${context.name}`}
			fields={STEP_FIELDS}
			initial={initial}
			submit={values => context.save(p => editStep(p, ref, stepFields(values, initial)))}
			onCancel={context.cancel}
		/>
	);
}

/** The state a new step starting on `start` begins in: under way once started (not « Prévue », which steps.to-start would flag at once). */
export function newStepState(start: Day | undefined, today: Day): 'Prévue' | 'En cours' {
	return start !== undefined && start <= today ? 'En cours' : 'Prévue';
}

/**
 * `+`: a new step from today, « En cours » (it has started); a start moved to a
 * later day makes it « Prévue » again, unless a finished state was chosen.
 */
export function newStepForm(context: FormContext) {
	return (
		<Form
			today={context.today}
			title={`Nouvelle étape — ${context.name}`}
			fields={STEP_FIELDS}
			initial={{label: '', type: '', start: frenchDate(context.today), end: '', state: newStepState(context.today, context.today)}}
			derive={(values, changed) => {
				if (changed !== 'start' || (values.state !== 'Prévue' && values.state !== 'En cours')) return values;
				const start = parseTypedDate(values.start ?? '', {today: context.today});
				return start === undefined ? values : {...values, state: newStepState(start, context.today)};
			}}
			submit={values => context.save(p => addStep(p, {...values, end: blankIsNull(values.end)}))}
			onCancel={context.cancel}
		/>
	);
}

/** Tab: an event of any type, on any date, with a note. */
export function eventForm(context: FormContext) {
	return (
		<Form
			today={context.today}
			title={`Nouvel événement — ${context.name}`}
			fields={[
				{key: 'type', label: 'Type', kind: 'choice', options: EVENT_TYPES},
				{key: 'date', label: 'Date', kind: 'date'},
				{key: 'note', label: 'Note (facultative)', kind: 'text'},
			]}
			initial={{type: 'Entretien individuel', date: frenchDate(context.today), note: ''}}
			submit={values => context.save(p => recordEvent(p, {type: values.type ?? '', date: values.date ?? '', note: values.note}))}
			onCancel={context.cancel}
		/>
	);
}

const NO_RENEWAL = 'aucun (dates ci-dessus)';
const RENEWALS: Record<string, number> = {'renouveler pour 6 mois': 6, 'renouveler pour 12 mois': 12};

/**
 * `c`: CER start and end, a renewal (REFERENTIEL §2: the current CER goes to the
 * previous ones, the new one starts the day after its end, for 6 or 12 months), the
 * ROME code. Choosing a renewal fills in the new CER's dates; they may be changed.
 */
export function contractForm(context: FormContext) {
	const p = context.participant;
	const renewals = p.contractEnd === undefined ? [NO_RENEWAL] : [NO_RENEWAL, ...Object.keys(RENEWALS)];
	const initial = {start: frenchDate(p.contractStart), end: frenchDate(p.contractEnd), renewal: NO_RENEWAL, rome: p.romeCode ?? ''};
	const previous = p.previousContracts?.length ?? 0;
	const current =
		p.contractEnd === undefined
			? 'Pas de fin de CER enregistrée : saisissez les dates.'
			: `CER actuel : ${p.contractStart === undefined ? '' : `du ${frenchDate(p.contractStart)} `}au ${frenchDate(p.contractEnd)}` +
				(previous > 0 ? ` (${previous} CER précédent${previous > 1 ? 's' : ''})` : '') +
				'. Un renouvellement le range avec les précédents.';
	/** the CER a renewal of `months` months would give */
	const following = (months: number | undefined) => (months === undefined || p.contractEnd === undefined ? undefined : followingContract(toDay(p.contractEnd), months));
	return (
		<Form
			today={context.today}
			title={`Contrat (CER) et code ROME — ${context.name}`}
			note={current}
			fields={[
				{key: 'start', label: 'Début du CER', kind: 'date', optional: true},
				{key: 'end', label: 'Fin du CER', kind: 'date', optional: true, ahead: true},
				{key: 'renewal', label: 'Renouvellement', kind: 'choice', options: renewals},
				{key: 'rome', label: 'Code ROME', kind: 'text'},
			]}
			initial={initial}
			derive={(values, changed) => {
				if (changed !== 'renewal') return values;
				const next = following(RENEWALS[values.renewal ?? '']);
				if (next === undefined) return {...values, start: initial.start, end: initial.end};
				return {...values, start: frenchDate(next.start), end: frenchDate(next.end)};
			}}
			submit={values =>
				context.save(participant => {
					const months = RENEWALS[values.renewal ?? ''];
					const next = following(months);
					let contract;
					if (months !== undefined && next !== undefined) {
						// the dates a renewal proposed, kept: journaled as a renewal of 6 or 12 months
						const proposed = parseTypedDate(values.start ?? '') === next.start && parseTypedDate(values.end ?? '') === next.end;
						contract = proposed ? renewContract(participant, months) : renewContractWith(participant, {start: values.start ?? '', end: values.end ?? ''});
					} else {
						const start = changed(values, initial, 'start');
						const end = changed(values, initial, 'end');
						contract = setContract(participant, {start: start === undefined ? undefined : blankIsNull(start), end: end === undefined ? undefined : blankIsNull(end)});
					}
					if (!contract.ok) return contract;
					const romeCode = changed(values, initial, 'rome');
					const rome = romeCode === undefined ? contract : setRomeCode(contract.participant, romeCode);
					if (!rome.ok) return rome;
					const said = [
						sameValue(contract.participant, participant) ? undefined : contract.description,
						sameValue(rome.participant, contract.participant) ? undefined : rome.description,
					].filter(Boolean);
					return edited(rome.participant, said.join(' ; ') || 'Contrat et code ROME inchangés');
				})
			}
			onCancel={context.cancel}
		/>
	);
}

const OTHER_REASON = 'Autre';

/**
 * `v` for someone not on standby: from which day (today unless changed) and why
 * (REFERENTIEL §2: one of the five reasons; for « Autre », a précision may be typed
 * and is then recorded as the reason).
 */
export function standbyForm(context: FormContext) {
	return (
		<Form
			today={context.today}
			title={`Mise en veille — ${context.name}`}
			note="La veille suspend le rythme d’entretiens ; « v » sur une personne en veille y met fin."
			fields={[
				{key: 'since', label: 'En veille depuis le', kind: 'date'},
				{key: 'reason', label: 'Motif', kind: 'choice', options: STANDBY_REASONS},
				{key: 'detail', label: `Précision (motif « ${OTHER_REASON} »)`, kind: 'text'},
			]}
			initial={{since: frenchDate(context.today), reason: STANDBY_REASONS[0], detail: ''}}
			submit={values => {
				const detail = (values.detail ?? '').trim();
				if (detail !== '' && values.reason !== OTHER_REASON) {
					return `Précision : seulement avec le motif « ${OTHER_REASON} » (choisissez-le, ou effacez la précision : Ctrl-U).`;
				}
				const reason = detail === '' ? values.reason : detail;
				// asked of the person the form shows: a colleague who started the same standby meanwhile agrees
				return context.save(participant => startStandby(participant, {since: values.since ?? '', reason}));
			}}
			onCancel={context.cancel}
		/>
	);
}

/** Exit motives offered for a type: the seeds' groups (Réduction des freins and Autre use « autres »). */
export function exitReasonsFor(type: string | undefined): readonly string[] {
	if (type === 'Positive') return EXIT_REASONS.positive;
	if (type === 'Dynamique') return EXIT_REASONS.dynamique;
	return EXIT_REASONS.autres;
}

/** What the exit form's « clore les étapes » choice means: the closing state, or none. */
const CLOSING_CHOICES: Readonly<Record<string, ClosingState | undefined>> = {
	'oui, Terminée': 'Terminée',
	'oui, Interrompue': 'Interrompue',
	'non, les laisser ouvertes': undefined,
};

/**
 * `x` for someone integrated: date, type and motive, confirmed before saving. The
 * steps the exit leaves open are closed at its date (Terminée by default, or
 * Interrompue, or left as they are), in the same change: journaled and undone with it.
 */
export function exitForm(context: FormContext) {
	const p = context.participant;
	const type = p.exitType ?? 'Positive';
	const open = p.steps.filter(openAtExit).length;
	const closing = Object.keys(CLOSING_CHOICES);
	const closeAs = (values: Values) => (open === 0 ? undefined : CLOSING_CHOICES[values.close ?? '']);
	const closingWords = (values: Values) => {
		const state = closeAs(values);
		const day = parseTypedDate(values.date ?? '');
		if (state === undefined || day === undefined) return '';
		const exitIso = isoFromDay(day);
		const count = p.steps.filter(step => closableAtExit(step, exitIso)).length;
		const later = p.steps.filter(step => openAtExit(step) && step.start > exitIso).length;
		const close = count === 0 ? '' : ` et clore ${count === 1 ? 'l’étape ouverte' : `les ${count} étapes ouvertes`} (${state}) à cette date`;
		const left = later === 0 ? '' : ` (${later === 1 ? 'une étape prévue après la sortie reste' : `${later} étapes prévues après la sortie restent`} à corriger : m)`;
		return close + left;
	};
	return (
		<Form
			today={context.today}
			title={`Sortie du PLIE — ${context.name}`}
			fields={[
				{key: 'date', label: 'Date de sortie', kind: 'date'},
				{key: 'type', label: 'Type', kind: 'choice', options: EXIT_TYPES},
				{key: 'reason', label: 'Motif', kind: 'choice', options: values => exitReasonsFor(values.type)},
				...(open === 0 ? [] : [{key: 'close', label: `Clore les étapes ouvertes (${open})`, kind: 'choice', options: closing} as const]),
			]}
			initial={{
				date: frenchDate(p.exitDate ?? context.today),
				type,
				reason: p.exitReason && exitReasonsFor(type).includes(p.exitReason) ? p.exitReason : exitReasonsFor(type)[0]!,
				...(open === 0 ? {} : {close: closing[0]!}),
			}}
			confirm={values => `Enregistrer la sortie de ${context.name} le ${values.date} (${values.type} — ${values.reason})${closingWords(values)} ? (o/n)`}
			submit={values =>
				context.save(participant => recordExitClosingSteps(participant, {date: values.date ?? '', type: values.type ?? '', reason: values.reason ?? ''}, closeAs(values)))
			}
			onCancel={context.cancel}
		/>
	);
}

/** `x` for someone in intake: the non-integration, confirmed before saving. */
export function nonIntegrationForm(context: FormContext) {
	const p = context.participant;
	return (
		<Form
			today={context.today}
			title={`Non-intégration (phase d’accueil) — ${context.name}`}
			fields={[
				{key: 'date', label: 'Date', kind: 'date'},
				{key: 'reason', label: 'Motif', kind: 'choice', options: NON_INTEGRATION_REASONS},
			]}
			initial={{date: frenchDate(p.nonIntegrationDate ?? context.today), reason: p.nonIntegrationReason ?? NON_INTEGRATION_REASONS[0]}}
			confirm={values => `Enregistrer la non-intégration de ${context.name} le ${values.date} (${values.reason}) ? (o/n)`}
			submit={values =>
				context.save(participant => recordNonIntegration(participant, {date: values.date ?? '', reason: values.reason ?? ''}, context.today))
			}
			onCancel={context.cancel}
		/>
	);
}

/** Default length of a snooze: a month (the next cellule comes about then). */
const SNOOZE_DAYS = 30;

const SNOOZE = 'mettre en attente';
const RENEW = 'prolonger ou modifier';
const LIFT = 'lever la mise en attente';

/**
 * `z`: one of the person's alerts or échéance kinds put on hold, with a reason and an end date. An
 * alert already on hold shows its reason and end (the note, and the fields filled
 * with them) and may be renewed, changed, or lifted: the alert comes back at once.
 */
export function snoozeForm(context: FormContext, indicatorIds: readonly string[], preferred?: string) {
	const todayIso = isoFromDay(context.today);
	const current = (id: string) => context.participant.snoozes?.find(s => s.indicator === id && s.until >= todayIso);
	const labels = indicatorIds.map(id => `${indicatorLabel(id)}${current(id) ? ' (en attente)' : ''}`);
	const idOf = (label: string | undefined) => indicatorIds[labels.indexOf(label ?? '')] ?? '';
	// the queue's alert, else the first alert not on hold (z is mostly asked to put one on hold), else an
	// alert on hold (to see or lift it), and only then the échéance kinds, which follow the alerts
	const isAlert = (id: string) => indicatorById(id) !== undefined;
	const first =
		preferred !== undefined && indicatorIds.includes(preferred)
			? preferred
			: (indicatorIds.find(id => isAlert(id) && current(id) === undefined) ??
				indicatorIds.find(isAlert) ??
				indicatorIds.find(id => current(id) === undefined) ??
				indicatorIds[0]!);
	/** reason and end shown for an alert: its snooze's, or blank and a month from today */
	const filled = (id: string) => {
		const snooze = current(id);
		return snooze ? {reason: snooze.reason, until: frenchDate(snooze.until)} : {reason: '', until: frenchDate(context.today + SNOOZE_DAYS)};
	};
	const onHold = indicatorIds.flatMap(id => {
		const snooze = current(id);
		return snooze ? [`« ${indicatorLabel(id)} » en attente jusqu’au ${frenchDate(snooze.until)} : ${snooze.reason}`] : [];
	});
	return (
		<Form
			today={context.today}
			title={`Mettre en attente (alerte ou échéance) — ${context.name}`}
			note={onHold.length > 0 ? onHold.join(' · ') : undefined}
			fields={[
				{key: 'indicator', label: 'Alerte ou échéance', kind: 'choice', options: labels},
				// only when one of them is on hold: renew, change or lift it
				...(onHold.length === 0
					? []
					: [{key: 'action', label: 'Action', kind: 'choice', options: (values: Values) => (current(idOf(values.indicator)) ? [RENEW, LIFT] : [SNOOZE])} as const]),
				{key: 'reason', label: 'Raison', kind: 'text'},
				{key: 'until', label: 'Jusqu’au', kind: 'date', ahead: true},
			]}
			initial={{indicator: labels[indicatorIds.indexOf(first)]!, action: current(first) ? RENEW : SNOOZE, ...filled(first)}}
			derive={(values, changed) => (changed === 'indicator' ? {...values, ...filled(idOf(values.indicator))} : values)}
			submit={values =>
				values.action === LIFT
					? context.save(p => unsnoozeIndicator(p, idOf(values.indicator)))
					: context.save(p => snoozeIndicator(p, {indicator: idOf(values.indicator), reason: values.reason ?? '', until: values.until ?? ''}, context.today))
			}
			onCancel={context.cancel}
		/>
	);
}
