// The interview rhythm of REFERENTIEL §4 (followup.rhythm-late) and §7 (rdv.next):
// a contact every 15 days during the first 3 months of the parcours, then every
// 30 days. One definition for the indicator and the échéance, so that "late"
// means the same in both (test/domain/echeances/consistency.test.ts).
import {addMonths, type Day} from './calendar.js';
import type {Settings} from './settings.js';

export type RhythmSettings = Pick<Settings, 'intensiveMonths' | 'intensiveInterviewGapDays' | 'interviewGapDays'>;

/** R: the later of the integration and the last contact (a contact of the intake does not count). */
export function contactReference(integration: Day, lastContact: Day | undefined): Day {
	return lastContact !== undefined && lastContact > integration ? lastContact : integration;
}

/**
 * The day by which the next contact is due: R + 15 days when that falls before
 * addMonths(integration, 3), else R + 30 days. It depends on R alone, not on T:
 * once late, a person stays late until a contact moves R.
 */
export function nextContactDue(integration: Day, lastContact: Day | undefined, settings: RhythmSettings): Day {
	const reference = contactReference(integration, lastContact);
	const intensive = reference + settings.intensiveInterviewGapDays;
	return intensive < addMonths(integration, settings.intensiveMonths) ? intensive : reference + settings.interviewGapDays;
}
