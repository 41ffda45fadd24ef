// What PostgreSQL or the network refused, in French, naming the base (its URL,
// which never holds a password: see url.ts). The server's own words (often
// English) follow in brackets when they help, stripped of control characters.
import {InputError, UsageError} from '../../domain/errors.js';
import {StoreError} from '../storeBasics.js';

/** A refusal by the base: a StoreError, so an InputError (exit 1). */
export class DatabaseError extends StoreError {}

/** Text from the server or the data, safe for a terminal. */
export function printable(text: string): string {
	return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '?');
}

interface PgErrorLike {
	readonly code?: unknown;
	readonly message?: unknown;
	readonly detail?: unknown;
}

const NOT_INITIALISED = 'base non préparée pour plie-triage : le propriétaire de la base lance d’abord « plie-triage db init URL ».';

/** The French reason for a failure of `pg` (connection, query), without the location. */
export function pgReason(error: unknown): string {
	const {code, message, detail} = (error ?? {}) as PgErrorLike;
	const said = printable(typeof message === 'string' ? message : String(error));
	switch (code) {
		case 'ECONNREFUSED':
		case 'ENOTFOUND':
		case 'EHOSTUNREACH':
		case 'ETIMEDOUT':
		case 'EAI_AGAIN':
		case 'ENOENT':
			return `serveur PostgreSQL injoignable (${said}) : vérifiez l’adresse et que le serveur est démarré.`;
		case '28P01':
			return 'authentification refusée : mot de passe absent ou faux (donnez-le par PGPASSWORD ou ~/.pgpass).';
		case '28000':
			return `connexion refusée par le serveur : identifiant inconnu ou non autorisé sur cette base (voyez avec l’administrateur) [${said}].`;
		case '3D000':
			return 'base de données inexistante sur ce serveur (l’administrateur la crée, puis « plie-triage db init URL »).';
		case '3F000':
		case '42P01':
		case '42883':
			// a table or function of ours is missing; anything else missing is a bug, said as is
			if (/plie_triage/.test(said)) return NOT_INITIALISED;
			break;
		case '42501':
			return `droits insuffisants pour cette opération [${said}].`;
		case '55P03':
			return 'dossier en cours de modification sur un autre poste (verrou) : rien n’a été écrit, réessayez dans un instant.';
		case '40001':
		case '40P01':
			return 'conflit avec une autre modification en cours : rien n’a été écrit, réessayez.';
		case '23505': {
			const id = typeof detail === 'string' ? /\(id\)=\((.*)\) already exists/.exec(detail)?.[1] : undefined;
			return id === undefined
				? `doublon refusé par la base [${said}]. Rien n’a été écrit.`
				: `bénéficiaire ${printable(id)} : déjà dans la base, suivi·e par un·e autre référent·e (invisible pour vous). Rien n’a été écrit.`;
		}
		case '22P05':
			return 'caractère nul (\\u0000) dans les données : PostgreSQL le refuse. Rien n’a été écrit.';
	}
	if (connectionLost(error)) return CONNECTION_LOST;
	if (/client password must be a string|password authentication failed/i.test(said)) {
		return 'le serveur demande un mot de passe : donnez-le par PGPASSWORD ou ~/.pgpass (jamais dans l’adresse).';
	}
	if (/connection timeout/i.test(said)) return `serveur PostgreSQL trop lent à répondre (${said}) : réessayez.`;
	return `erreur PostgreSQL (${said}).`;
}

const CONNECTION_LOST =
	'connexion au serveur perdue (redémarrage, coupure du réseau) : elle est rouverte à l’opération suivante. Ce qui était en cours n’a peut-être pas été enregistré : vérifiez, puis réessayez.';

/** The server or the network dropped the connection: it must be opened again. */
export function connectionLost(error: unknown): boolean {
	const {code, message} = (error ?? {}) as PgErrorLike;
	if (typeof code === 'string' && ['57P01', '57P02', '57P03', '08000', '08003', '08006', 'ECONNRESET', 'EPIPE'].includes(code)) return true;
	return typeof message === 'string' && /Connection terminated|not queryable|Client was closed/i.test(message);
}

/** `error` as the StoreError the command line reports (exit 1); the tool's own errors pass through. */
export function databaseError(location: string, error: unknown): Error {
	if (error instanceof StoreError || error instanceof InputError || error instanceof UsageError) return error;
	return new DatabaseError(location, pgReason(error));
}
