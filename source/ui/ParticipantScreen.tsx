// One person's file: identity, status, contract, standby, exit (laid out on the
// width there is: ficheLayout.ts); the steps (those to fix say why); the events,
// latest first, with their notes, as many as fit; and every indicator the person
// is in (acknowledged ones greyed, with the reason). One cursor runs down the
// steps, then the events: the edit keys act on the line it is on.
import {Box, Text} from 'ink';
import React from 'react';
import {frenchDate, isoFromDay} from '../domain/calendar.js';
import {HIDDEN_NOTE} from '../domain/discretion.js';
import {type ParticipantFacts, STEP_PROBLEM_LABELS, stepProblem, type StepProblem} from '../domain/facts.js';
import {indicatorById} from '../domain/indicators.js';
import type {ParcoursEvent, Participant, Step} from '../domain/model.js';
import type {Settings} from '../domain/settings.js';
import {echeancesSectionHeight, EcheancesSection, fichEcheances} from './echeances/EcheancesSection.js';
import {ficheLines, type FicheLines, identityGroups} from './ficheLayout.js';
import {cell, plural, truncate} from './format.js';
import {keysOf} from './keymap.js';
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

export interface ShownEvent {
	readonly event: ParcoursEvent;
	/** index in participant.events: what an edit changes */
	readonly index: number;
}

/** Latest first (planned ones, after today, included and marked); same day: the latest recorded first. */
export function shownEvents(participant: Participant): ShownEvent[] {
	return participant.events
		.map((event, index) => ({event, index}))
		.sort((a, b) => (a.event.date < b.event.date ? 1 : a.event.date > b.event.date ? -1 : b.index - a.index));
}

export interface Membership {
	readonly id: string;
	readonly label: string;
	/** the label for a narrow line (indicators.ts) */
	readonly shortLabel: string;
	readonly urgent: boolean;
	readonly figure?: string;
	/** "en attente jusqu'au …" when the alert is acknowledged */
	readonly snoozed?: string;
}

export function membershipOf(facts: ParticipantFacts, ids: readonly string[], settings: Settings, discretion = false): Membership[] {
	const todayIso = isoFromDay(facts.today);
	return ids.flatMap(id => {
		const definition = indicatorById(id);
		if (!definition) return [];
		const figure = definition.measure(facts, settings);
		const snooze = facts.participant.snoozes?.find(s => s.indicator === id && s.until >= todayIso);
		// the reason is free text: hidden in discrétion mode, as notes are
		const reason = snooze && !discretion ? ` : ${snooze.reason}` : '';
		return [
			{
				id,
				label: definition.label,
				shortLabel: definition.shortLabel,
				urgent: definition.severity === 'urgent',
				figure: figure === undefined ? undefined : `${lowerFirst(definition.figure.label)} : ${figure}`,
				snoozed: snooze ? `en attente jusqu'au ${frenchDate(snooze.until)}${reason}` : undefined,
			},
		];
	});
}

/** An indicator line: the long label when the whole line fits, else the short one (the reason or figure after it). */
export function membershipText(member: Membership, width: number): string {
	const mark = member.urgent && !member.snoozed ? '!' : ' ';
	// on hold: the reason matters more than the figure on a narrow screen
	const tail = member.snoozed ? ` — ${member.snoozed}` : member.figure ? ` (${member.figure})` : '';
	const long = `${mark} ${member.label}${tail}`;
	return truncate(long.length <= width ? long : `${mark} ${member.shortLabel}${tail}`, width);
}

/** Why a step must be fixed, short: what follows its label when the whole reason does not fit. */
const SHORT_PROBLEMS: Record<StepProblem, string> = {
	'to-finish': 'à passer Terminée',
	'to-start': 'à passer En cours',
	'after-exit': 'ouverte après la sortie',
};

/**
 * A step line: state, dates, then the label — kept whole — and, for a step to fix,
 * why: in full when it fits, else short (the status line gives it in full).
 */
export function stepText(shown: ShownStep, width: number, selected: boolean): string {
	const {step, problem} = shown;
	const dates = `${frenchDate(step.start)} → ${frenchDate(step.end) || '…'}`;
	const label = step.type ? `${step.label} (${step.type})` : step.label;
	const start = `${selected ? '›' : ' '}${problem ? '!' : ' '} ${cell(step.state, 11)} ${cell(dates, 23)} ${label}`;
	if (!problem) return truncate(start, width);
	for (const why of [STEP_PROBLEM_LABELS[problem], SHORT_PROBLEMS[problem]]) {
		if (start.length + 3 + why.length <= width) return truncate(`${start} — ${why}`, width);
	}
	return truncate(start, width);
}

/** An event line: date, type, and its note (hidden in discrétion mode). */
export function eventText(event: ParcoursEvent, today: string, width: number, selected: boolean, discretion: boolean): string {
	const planned = event.date > today ? ' (prévu)' : '';
	const note = event.note ? ` — ${discretion ? HIDDEN_NOTE : event.note}` : '';
	return truncate(`${selected ? '›' : ' '} ${frenchDate(event.date)}  ${event.type}${planned}${note}`, width);
}

/** The lines of each part of the fiche for this person on this screen. */
export function ficheLayoutOf(facts: ParticipantFacts, indicators: number, discretion: boolean, width: number, height: number, settings: Settings): FicheLines {
	// the échéances section (and the exit follow-up) at the bottom takes its lines first
	const room = height - echeancesSectionHeight(facts, fichEcheances(facts, settings), height, width);
	return ficheLines(identityGroups(facts, discretion), {steps: facts.participant.steps.length, events: facts.participant.events.length, indicators}, width, room);
}

export interface FicheStatusInput {
	readonly facts: ParticipantFacts;
	readonly cursor: number;
	readonly discretion: boolean;
	/** where the fiche sits: « Fiche 3/12 · file « … » », or how it was opened */
	readonly where: string;
}

/** The status line of a fiche: why the selected step is to fix, or the selected event's note in full, then where the fiche sits. */
export function ficheStatus({facts, cursor, discretion, where}: FicheStatusInput): string {
	const steps = shownSteps(facts);
	const step = steps[cursor];
	if (step?.problem) {
		const key = (command: Parameters<typeof keysOf>[0]) => keysOf(command, 'participant');
		const fix = {'to-start': key('step-start'), 'to-finish': key('step-finish'), 'after-exit': `${key('step-finish')}, ${key('step-interrupt')} ou ${key('step-edit')}`}[step.problem];
		return `! Étape ${STEP_PROBLEM_LABELS[step.problem]} (${fix}) · ${where}`;
	}
	const shown = cursor >= steps.length ? shownEvents(facts.participant)[cursor - steps.length] : undefined;
	if (shown) {
		const {event} = shown;
		const note = event.note ? (discretion ? HIDDEN_NOTE : `« ${event.note} »`) : `pas de note (${keysOf('event-note', 'participant')} : en ajouter une)`;
		return `${frenchDate(event.date)} ${event.type} : ${note} · ${where}`;
	}
	return where;
}

export interface ParticipantScreenProps {
	readonly facts: ParticipantFacts;
	readonly membership: readonly string[];
	readonly settings: Settings;
	/** the line selected: a step, or an event after the steps */
	readonly stepCursor: number;
	readonly stepOffset: number;
	readonly eventOffset?: number;
	readonly discretion: boolean;
	readonly width: number;
	readonly height: number;
}

export function ParticipantScreen({facts, membership, settings, stepCursor, stepOffset, eventOffset = 0, discretion, width, height}: ParticipantScreenProps) {
	const theme = useTheme();
	const steps = shownSteps(facts);
	const events = shownEvents(facts.participant);
	const memberships = membershipOf(facts, membership, settings, discretion);
	const echeances = fichEcheances(facts, settings);
	const lines = ficheLayoutOf(facts, memberships.length, discretion, width, height, settings);
	const onEvent = stepCursor >= steps.length;
	// the section the cursor is not in stays where it was scrolled
	const stepWindow = visibleWindow(onEvent ? stepOffset : stepCursor, stepOffset, lines.steps, steps.length);
	const eventCursor = onEvent ? stepCursor - steps.length : Math.min(eventOffset, Math.max(0, events.length - 1));
	const eventWindow = visibleWindow(eventCursor, eventOffset, lines.events, events.length);
	const toFix = steps.filter(s => s.problem).length;
	const todayIso = isoFromDay(facts.today);
	const [first, ...rest] = lines.identity;
	const shownMembers = memberships.slice(0, memberships.length > lines.indicators ? lines.indicators - 1 : lines.indicators);
	const range = (window: {from: number; to: number}, page: number, count: number) => (count > page ? ` — ${window.from + 1}-${window.to} sur ${count}` : '');
	return (
		<Box flexDirection="column">
			<Text bold color={tint(theme, 'cyan')} wrap="truncate-end">
				{first ?? ''}
			</Text>
			{rest.map((line, i) => (
				<Text key={`i${i}`} wrap="truncate-end">
					{line}
				</Text>
			))}
			<Text bold underline wrap="truncate-end">
				{truncate(`Étapes (${steps.length})${toFix > 0 ? ` — ${plural(toFix, 'à corriger', 'à corriger')}` : ''}${range(stepWindow, lines.steps, steps.length)}`, width)}
			</Text>
			{steps.length === 0 ? (
				<Text dimColor>  Aucune étape.</Text>
			) : (
				steps.slice(stepWindow.from, stepWindow.to).map((shown, i) => {
					const selected = stepWindow.from + i === stepCursor;
					return (
						<Text key={`s${shown.index}`} inverse={selected} color={shown.problem ? tint(theme, 'red') : undefined} wrap="truncate-end">
							{stepText(shown, width, selected)}
						</Text>
					);
				})
			)}
			<Text bold underline wrap="truncate-end">
				{truncate(`Événements (${events.length})${range(eventWindow, lines.events, events.length)}`, width)}
			</Text>
			{events.length === 0 ? (
				<Text dimColor>  Aucun événement.</Text>
			) : (
				events.slice(eventWindow.from, eventWindow.to).map((shown, i) => {
					const selected = onEvent && eventWindow.from + i === eventCursor;
					return (
						<Text key={`e${shown.index}`} inverse={selected} wrap="truncate-end">
							{eventText(shown.event, todayIso, width, selected, discretion)}
						</Text>
					);
				})
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
					{membershipText(member, width)}
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
