// The steps the cellule sheets show: the last step done or under way (Visual Course
// "Dernière étape terminée ou en cours"), the current one, the next planned one.
import type {Day} from './calendar.js';
import {dayOf, isCurrentStep} from './facts.js';
import type {Step} from './model.js';

function later(a: Step, b: Step): boolean {
	const startA = dayOf(a.start);
	const startB = dayOf(b.start);
	if (startA !== startB) return startA > startB;
	return (a.end ?? '9999') > (b.end ?? '9999');
}

/** The started step ('En cours' or 'Terminée', or a current 'Prévue') with the latest start on day T. */
export function lastStepDoneOrUnderWay(steps: readonly Step[], today: Day): Step | undefined {
	let best: Step | undefined;
	for (const step of steps) {
		if (dayOf(step.start) > today) continue;
		const counts = step.state === 'En cours' || step.state === 'Terminée' || isCurrentStep(step, today);
		if (counts && (best === undefined || later(step, best))) best = step;
	}
	return best;
}

/** The current step with the latest start, if any. */
export function currentStep(steps: readonly Step[], today: Day): Step | undefined {
	let best: Step | undefined;
	for (const step of steps) {
		if (isCurrentStep(step, today) && (best === undefined || later(step, best))) best = step;
	}
	return best;
}

/** The next step still to begin: state 'Prévue', starting after T, earliest first. */
export function nextPlannedStep(steps: readonly Step[], today: Day): Step | undefined {
	let best: Step | undefined;
	for (const step of steps) {
		if (step.state !== 'Prévue' || dayOf(step.start) <= today) continue;
		if (best === undefined || later(best, step)) best = step;
	}
	return best;
}

/** `Formation — CACES 1-3-5` style label: the label, with its type when it adds something. */
export function stepTitle(step: Step | undefined): string {
	if (step === undefined) return '';
	const type = step.type.trim();
	const label = step.label.trim();
	if (type === '' || label.toLowerCase().includes(type.toLowerCase())) return label;
	return `${type} — ${label}`;
}
