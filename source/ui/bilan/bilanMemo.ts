// The bilan the screen shows, computed once per (caseload, settings, référent·e,
// period) rather than at each key: at 10,000 people a bilan takes tens of ms.
import type {Visibility} from '../../domain/visibility.js';
import {type Bilan, type BilanPeriod, computeBilan} from '../../domain/bilan/index.js';
import type {Participant} from '../../domain/model.js';
import type {Settings} from '../../domain/settings.js';
import {bilanLines, type BilanLines} from './bilanLines.js';

export interface ShownBilan {
	readonly bilan: Bilan;
	readonly layout: BilanLines;
}

export class BilanMemo {
	/** whose participants « all » holds, for the titles (the session's, fixed) */
	constructor(private readonly visible?: Visibility) {}

	private last?: {participants: readonly Participant[]; settings: Settings; referent?: string; period: BilanPeriod; shown: ShownBilan};

	get(participants: readonly Participant[], settings: Settings, referent: string | undefined, period: BilanPeriod): ShownBilan {
		const last = this.last;
		if (last && last.participants === participants && last.settings === settings && last.referent === referent && last.period.from === period.from && last.period.to === period.to) {
			return last.shown;
		}
		const bilan = computeBilan(participants, {...period, settings, referent, visible: this.visible});
		const shown = {bilan, layout: bilanLines(bilan)};
		this.last = {participants, settings, referent, period, shown};
		return shown;
	}
}
