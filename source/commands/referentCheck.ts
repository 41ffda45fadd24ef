// `--referent NAME` that matches nobody in the store is almost always a typo:
// refuse it (usage error, exit 2) with the names the store does hold, rather
// than print indicators that are all zero. A name that matches is answered as the store spells it;
// part of a name (a surname alone: `--referent rouvray`) is taken when it designates one référent·e.
import {referentFilter} from '../domain/triage.js';
import {UsageError} from '../domain/errors.js';
import {namesWithWords} from '../domain/referentWords.js';

const LISTED = 12;

export function requireKnownReferent(
	referent: string | undefined,
	participants: ReadonlyArray<{readonly referent?: string}>,
	storePath: string,
): string | undefined {
	if (referent === undefined) return undefined;
	const wanted = referentFilter(referent);
	const matching = participants.find(participant => wanted(participant.referent));
	// the name as the store writes it (`martel ines` → `MARTEL Inès`)
	if (matching !== undefined) return matching.referent!.trim();
	const names = [...new Set(participants.map(p => p.referent?.trim()).filter((name): name is string => !!name))].sort((a, b) =>
		a.localeCompare(b, 'fr'),
	);
	// every word typed is a word of the name (accents, case and order aside)
	const partial = namesWithWords(names, referent);
	if (partial.length === 1) return partial[0];
	if (partial.length > 1) {
		throw new UsageError(`--referent : « ${referent} » désigne plusieurs référent·es (${partial.slice(0, LISTED).join(', ')}) ; donnez le nom complet.`);
	}
	const known =
		names.length === 0
			? 'aucun·e référent·e n’y est renseigné·e'
			: `référent·es connu·es : ${names.slice(0, LISTED).join(', ')}${names.length > LISTED ? `… (${names.length} en tout)` : ''}`;
	throw new UsageError(`--referent : aucun bénéficiaire suivi par « ${referent} » dans ${storePath} (${known}).`);
}
