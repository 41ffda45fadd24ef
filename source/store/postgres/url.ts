// Telling a PostgreSQL store from a file, and refusing a URL that carries a
// password (REFERENTIEL §9: the password comes from PGPASSWORD or ~/.pgpass, never
// from the command line). Light on purpose: no `pg` here, `report` on a file
// imports this module only.
import {UsageError} from '../../domain/errors.js';
import {visibleText} from '../../domain/text.js';

const SCHEME = /^postgres(?:ql)?:\/\//i;

/** `postgres://…` or `postgresql://…`: a libpq URL, not a file. */
export function isDatabaseUrl(location: string): boolean {
	return SCHEME.test(location.trim());
}

/** The title line naming where a listing comes from (« Fichier : … » or « Base : … »), shown inert. */
export function storeLine(location: string): string {
	return `${isDatabaseUrl(location) ? 'Base' : 'Fichier'} : ${visibleText(location)}`;
}

/** True when the URL holds a password (`user:secret@host`, or `?password=`). */
export function hasPassword(url: string): boolean {
	const authority = /^postgres(?:ql)?:\/\/([^/?#]*)/i.exec(url.trim())?.[1] ?? '';
	const at = authority.lastIndexOf('@');
	if (at >= 0 && authority.slice(0, at).includes(':')) return true;
	return /[?&]password=/i.test(url);
}

/**
 * Checks a URL given with `option` (`--data`, `--from`…); returns it trimmed.
 * A password is a usage error whose message never repeats the URL.
 */
export function checkDatabaseUrl(url: string, option = '--data / PLIE_TRIAGE_DATA'): string {
	if (hasPassword(url)) {
		throw new UsageError(
			`${option} : l’adresse PostgreSQL contient un mot de passe. Il ne doit figurer ni sur la ligne de commande, ni dans un fichier : ` +
				'retirez-le de l’adresse (postgresql://identifiant@serveur/base) et donnez-le par PGPASSWORD ou ~/.pgpass.',
		);
	}
	return url.trim();
}
