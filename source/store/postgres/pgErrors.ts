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
		case '57P01':
		case '57P02':
		case '57P03':
		case '08000':
		case '08003':
		case '08006':
			return `connexion au serveur perdue (${said}).`;
	}
	if (/client password must be a string|password authentication failed/i.test(said)) {
		return 'le serveur demande un mot de passe : donnez-le par PGPASSWORD ou ~/.pgpass (jamais dans l’adresse).';
	}
	if (/Connection terminated|connection timeout/i.test(said)) return `connexion au serveur perdue ou trop lente (${said}).`;
	return `erreur PostgreSQL (${said}).`;
}

/** `error` as the StoreError the command line reports (exit 1); the tool's own errors pass through. */
export function databaseError(location: string, error: unknown): Error {
	if (error instanceof StoreError || error instanceof InputError || error instanceof UsageError) return error;
	return new DatabaseError(location, pgReason(error));
}
