// One person's file: identity, status, contract, standby, exit; the steps (those
// to fix say why) with a selected step for the edit keys; the latest events; and
// every indicator the person is in (acknowledged ones greyed, with the reason).
import {Box, Text} from 'ink';
import React from 'react';
import {frenchDate, isoFromDay} from '../domain/calendar.js';
import {type ParticipantFacts, STATUS_LABELS, STEP_PROBLEM_LABELS, stepProblem, type StepProblem} from '../domain/facts.js';
import {indicatorById} from '../domain/indicators.js';
import type {ParcoursEvent, Participant, Step} from '../domain/model.js';
import type {Settings} from '../domain/settings.js';
import {echeancesSectionHeight, EcheancesSection, fichEcheances} from './echeances/EcheancesSection.js';
import {cell, displayName, plural, truncate} from './format.js';
import {visibleWindow} from './navigation.js';
import {tint, useTheme} from './theme.js';

export interface ShownStep {
	readonly step: Step;
	/** index in participant.steps: what an edit changes */
	readonly index: number;
	readonly problem?: StepProblem;
}

/** The steps in date order (the stored order is kept as `index`). */
export function shownSteps(facts: ParticipantFacts): ShownStep[] {
	const {participant, today, closed, exitDay} = facts;
	return participant.steps
		.map((step, index) => ({step, index, problem: stepProblem(step, today, closed, exitDay)}))
		.sort((a, b) => (a.step.start < b.step.start ? -1 : a.step.start > b.step.start ? 1 : a.index - b.index));
}

/** Latest first; planned ones (after today) included and marked. */
export function latestEvents(participant: Participant): ParcoursEvent[] {
	return [...participant.events].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
}

export interface Membership {
	readonly id: string;
	readonly label: string;
	readonly urgent: boolean;
	readonly figure?: string;
	/** "en attente jusqu'au …" when the alert is acknowledged */
	readonly snoozed?: string;
}

export function membershipOf(facts: ParticipantFacts, ids: readonly string[], settings: Settings): Membership[] {
	const todayIso = isoFromDay(facts.today);
	return ids.flatMap(id => {
		const definition = indicatorById(id);
		if (!definition) return [];
		const figure = definition.measure(facts, settings);
		const snooze = facts.participant.snoozes?.find(s => s.indicator === id && s.until >= todayIso);
		return [
			{
				id,
				label: definition.label,
				urgent: definition.severity === 'urgent',
				figure: figure === undefined ? undefined : `${lowerFirst(definition.figure.label)} : ${figure}`,
				snoozed: snooze ? `en attente jusqu'au ${frenchDate(snooze.until)} : ${snooze.reason}` : undefined,
			},
		];
	});
}

function contractText(facts: ParticipantFacts): string {
	const p = facts.participant;
	if (!p.contractStart && !p.contractEnd) return p.rsa ? 'CER : aucun (RSA)' : 'CER : —';
	const range = `CER : ${frenchDate(p.contractStart) || '?'} → ${frenchDate(p.contractEnd) || '?'}`;
	if (facts.contractEnd === undefined) return range;
	const left = facts.contractEnd - facts.today;
	return left >= 0 ? `${range} (${plural(left, 'jour restant', 'jours restants')})` : `${range} (échu depuis ${plural(-left, 'jour', 'jours')})`;
}

export function identityLines(facts: ParticipantFacts, discretion: boolean): string[] {
	const p = facts.participant;
	const first = `${displayName(p, discretion)} · ${p.id} · Référent·e : ${p.referent ?? '—'}`;
	const entry =
		facts.integration !== undefined
			? `Intégration : ${frenchDate(facts.integration)}${facts.months === undefined ? '' : ` (${plural(facts.months, 'mois', 'mois')} en parcours)`}`
			: `1er RDV : ${frenchDate(facts.firstAppointment) || '—'}`;
	const plan = p.planState === 'Prévisionnel' ? ' · Parcours prévisionnel' : '';
	const second = `Statut : ${STATUS_LABELS[facts.status]} · ${entry}${plan} · Critère : ${p.integrationCriterion ?? '—'} · ROME : ${p.romeCode?.trim() || '—'}`;
	const standby =
		facts.standbySince !== undefined
			? `Veille depuis le ${frenchDate(facts.standbySince)}${p.standbyReason ? ` (${p.standbyReason})` : ''}`
			: 'Pas en veille';
	const exit = p.exitDate
		? `Sortie : ${frenchDate(p.exitDate)}${p.exitType ? ` (${p.exitType}${p.exitReason ? ` — ${p.exitReason}` : ''})` : ''}`
		: p.nonIntegrationDate
			? `Non-intégration : ${frenchDate(p.nonIntegrationDate)}${p.nonIntegrationReason ? ` (${p.nonIntegrationReason})` : ''}`
			: 'Pas de sortie';
	const third = `${contractText(facts)} · ${standby} · ${exit}`;
	const fourth = discretion
		? 'N° France Travail et CAF masqués (mode discrétion)'
		: `France Travail : ${p.franceTravailId ?? '—'} · CAF : ${p.cafNumber ?? '—'} · Prolongation : ${p.extension ? 'oui' : 'non'} · Prescripteur : ${p.prescriber ?? '—'}`;
	return [first, second, third, fourth];
}

export function stepText(shown: ShownStep, width: number, selected: boolean): string {
	const {step, problem} = shown;
	const dates = `${frenchDate(step.start)} → ${frenchDate(step.end) || '…'}`;
	const label = step.type ? `${step.label} (${step.type})` : step.label;
	// why it must be fixed comes before the label: on a narrow screen it is what matters
	const why = problem ? `${STEP_PROBLEM_LABELS[problem]} — ` : '';
	return truncate(`${selected ? '›' : ' '}${problem ? '!' : ' '} ${cell(step.state, 11)} ${cell(dates, 23)} ${why}${label}`, width);
}

export function eventText(event: ParcoursEvent, today: string, width: number): string {
	const planned = event.date > today ? ' (prévu)' : '';
	const note = event.note ? ` — ${event.note}` : '';
	return truncate(`  ${frenchDate(event.date)}  ${event.type}${planned}${note}`, width);
}

/**
 * How many lines each part gets. Steps come first (the edit keys act on the selected
 * one), but the indicators (why the person is here) and the latest events keep a few
 * lines; what is left over goes back to them.
 */
export function budget(height: number, steps: number, events: number, indicators: number): {steps: number; events: number; indicators: number} {
	const room = Math.max(3, height - 4 - 3); // identity lines and three headings
	const need = {steps: Math.max(1, steps), events: Math.max(1, Math.min(events, 5)), indicators: Math.max(1, indicators)};
	const roomy = room >= 10;
	let ind = Math.min(need.indicators, roomy ? 3 : 1);
	let ev = Math.min(need.events, roomy ? 2 : 1);
	const st = Math.max(1, Math.min(need.steps, room - ind - ev));
	let spare = room - st - ind - ev;
	const moreInd = Math.max(0, Math.min(spare, need.indicators - ind));
	ind += moreInd;
	spare -= moreInd;
	ev += Math.max(0, Math.min(spare, need.events - ev));
	return {steps: st, events: ev, indicators: ind};
}

export interface ParticipantScreenProps {
	readonly facts: ParticipantFacts;
	readonly membership: readonly string[];
	readonly settings: Settings;
	readonly stepCursor: number;
	readonly stepOffset: number;
	readonly discretion: boolean;
	readonly width: number;
	readonly height: number;
}

export function ParticipantScreen({facts, membership, settings, stepCursor, stepOffset, discretion, width, height}: ParticipantScreenProps) {
	const theme = useTheme();
	const steps = shownSteps(facts);
	const events = latestEvents(facts.participant);
	const memberships = membershipOf(facts, membership, settings);
	const echeances = fichEcheances(facts, settings);
	const lines = budget(height - echeancesSectionHeight(facts, echeances, height, width), steps.length, events.length, memberships.length);
	const {from, to} = visibleWindow(stepCursor, stepOffset, lines.steps, steps.length);
	const toFix = steps.filter(s => s.problem).length;
	const todayIso = isoFromDay(facts.today);
	const [first, ...rest] = identityLines(facts, discretion);
	const shownMembers = memberships.slice(0, memberships.length > lines.indicators ? lines.indicators - 1 : lines.indicators);
	return (
		<Box flexDirection="column">
			<Text bold color={tint(theme, 'cyan')} wrap="truncate-end">
				{truncate(first!, width)}
			</Text>
			{rest.map(line => (
				<Text key={line.slice(0, 12)} wrap="truncate-end">
					{truncate(line, width)}
				</Text>
			))}
			<Text bold underline wrap="truncate-end">
				{truncate(`Étapes (${steps.length})${toFix > 0 ? ` — ${plural(toFix, 'à corriger', 'à corriger')}` : ''}${steps.length > lines.steps ? ` — ${from + 1}-${to} sur ${steps.length}` : ''}`, width)}
			</Text>
			{steps.length === 0 ? (
				<Text dimColor>  Aucune étape.</Text>
			) : (
				steps.slice(from, to).map((shown, i) => (
					<Text
						key={`s${shown.index}`}
						inverse={from + i === stepCursor}
						color={shown.problem ? tint(theme, 'red') : undefined}
						wrap="truncate-end"
					>
						{stepText(shown, width, from + i === stepCursor)}
					</Text>
				))
			)}
			<Text bold underline wrap="truncate-end">
				{truncate(`Derniers événements (${events.length})`, width)}
			</Text>
			{events.length === 0 ? (
				<Text dimColor>  Aucun événement.</Text>
			) : (
				events.slice(0, lines.events).map((event, i) => (
					<Text key={`e${i}`} wrap="truncate-end">
						{eventText(event, todayIso, width)}
					</Text>
				))
			)}
			<Text bold underline wrap="truncate-end">
				{truncate(`Dans les indicateurs (${memberships.length})`, width)}
			</Text>
			{memberships.length === 0 ? <Text dimColor>  Aucun.</Text> : null}
			{shownMembers.map(member => (
				<Text
					key={member.id}
					dimColor={member.snoozed !== undefined}
					color={member.urgent && !member.snoozed ? tint(theme, 'red') : undefined}
					wrap="truncate-end"
				>
					{truncate(
						// on hold: the reason matters more than the figure on a narrow screen
						`${member.urgent && !member.snoozed ? '!' : ' '} ${member.label}${member.snoozed ? ` — ${member.snoozed}` : member.figure ? ` (${member.figure})` : ''}`,
						width,
					)}
				</Text>
			))}
			{memberships.length > shownMembers.length ? (
				<Text dimColor>{`  … et ${memberships.length - shownMembers.length} autre(s)`}</Text>
			) : null}
			<EcheancesSection facts={facts} items={echeances} width={width} height={height} />
		</Box>
	);
}

/** "Jours depuis le 1er RDV" → "jours depuis le 1er RDV": only the first letter (acronyms stay). */
function lowerFirst(text: string): string {
	return text.charAt(0).toLowerCase() + text.slice(1);
}
