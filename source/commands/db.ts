// `plie-triage db …`: the team store in PostgreSQL (REFERENTIEL §9).
//   db init URL                                   create or migrate the schema (the base's owner)
//   db grant LOGIN --referent NOM | --coordination  map a database login (owner, coordination)
//   db revoke LOGIN [--referent NOM | --coordination]
//   db copy --from SOURCE --to CIBLE [--force]     a whole caseload, journal included, both ways
import {UsageError} from '../domain/errors.js';
import type {CommandContext} from './context.js';

const SUBCOMMANDS = ['init', 'grant', 'revoke', 'copy'] as const;

const USAGE =
	'db : précisez init URL, grant IDENTIFIANT --referent NOM | --coordination, revoke IDENTIFIANT, ou copy --from SOURCE --to CIBLE (voir --help).';

export async function runDb(context: CommandContext): Promise<void> {
	const [sub, ...args] = context.args;
	if (sub === undefined || !(SUBCOMMANDS as readonly string[]).includes(sub)) {
		throw new UsageError(sub === undefined ? USAGE : `db : sous-commande inconnue « ${sub} ». ${USAGE}`);
	}
	switch (sub as (typeof SUBCOMMANDS)[number]) {
		case 'init':
			return dbInit(context, args);
		case 'grant':
		case 'revoke':
			return dbGrant(context, sub as 'grant' | 'revoke', args);
		case 'copy':
			return dbCopy(context, args);
	}
}

async function requireUrl(text: string | undefined, option: string): Promise<string> {
	const {isDatabaseUrl, checkDatabaseUrl} = await import('../store/postgres/url.js');
	if (text === undefined || !isDatabaseUrl(text)) {
		throw new UsageError(`${option} : adresse PostgreSQL attendue (postgresql://identifiant@serveur:port/base)${text === undefined ? '' : `, reçu « ${text} »`}.`);
	}
	return checkDatabaseUrl(text, option);
}

function noExtra(command: string, extra: readonly string[]): void {
	if (extra.length > 0) throw new UsageError(`${command} : argument en trop « ${extra.join(' ')} » (voir --help).`);
}

async function dbInit(context: CommandContext, args: readonly string[]): Promise<void> {
	const [given, ...extra] = args;
	noExtra('db init', extra);
	const url = await requireUrl(given ?? context.storePath, given === undefined ? '--data' : 'db init');
	const {initDatabase} = await import('../store/postgres/migrate.js');
	const result = await initDatabase(url);
	const migrated = result.documentsMigrated > 0 ? ` ; ${result.documentsMigrated} dossiers mis au modèle de plie-triage` : '';
	process.stdout.write(
		result.applied.length === 0
			? `Base déjà à jour : ${url} (schéma version ${result.to}${migrated}).\n`
			: `Base prête : ${url} (schéma version ${result.to} ; migrations appliquées : ${result.applied.join(', ')}${migrated}).\n` +
					'Ensuite : plie-triage db grant IDENTIFIANT --referent NOM (ou --coordination) --data URL, puis plie-triage db copy --from FICHIER --to URL.\n',
	);
}

const MAX_REFERENT_LENGTH = 100;

async function dbGrant(context: CommandContext, sub: 'grant' | 'revoke', args: readonly string[]): Promise<void> {
	const [login, ...extra] = args;
	noExtra(`db ${sub}`, extra);
	if (login === undefined || login.trim() === '') throw new UsageError(`db ${sub} : précisez l’identifiant PostgreSQL (plie-triage db ${sub} IDENTIFIANT …).`);
	const referent = context.referent?.trim();
	const coordination = context.flags.coordination === true;
	if (referent !== undefined && coordination) throw new UsageError(`db ${sub} : --referent NOM ou --coordination, pas les deux.`);
	if (sub === 'grant' && referent === undefined && !coordination) {
		throw new UsageError('db grant : précisez --referent NOM (ses bénéficiaires) ou --coordination (tous).');
	}
	if (referent === '') throw new UsageError('--referent : nom vide.');
	// a name shown in every title of that login, and in every grant or revoke message
	if (referent !== undefined && /[\p{Cc}\p{Cf}]/u.test(referent)) throw new UsageError('--referent : caractère de contrôle ou invisible dans le nom : tapez-le tel qu’il s’écrit.');
	if (referent !== undefined && referent.length > MAX_REFERENT_LENGTH) throw new UsageError(`--referent : nom de plus de ${MAX_REFERENT_LENGTH} caractères.`);
	const url = await requireUrl(context.storePath, '--data');
	const {Connection} = await import('../store/postgres/connection.js');
	const {grantAccess, revokeAccess} = await import('../store/postgres/grants.js');
	const {printable} = await import('../store/postgres/pgErrors.js');
	const connection = await Connection.open(url);
	const who = `« ${printable(login)} »`;
	try {
		if (sub === 'grant') {
			const result = await grantAccess(connection, login, referent === undefined ? {coordination: true} : {referent});
			if (referent === undefined) {
				process.stdout.write(`Accès accordé : ${who} (coordination) voit et modifie tous les bénéficiaires de ${url}, et attribue les accès.\n`);
			} else {
				process.stdout.write(
					`Accès accordé : ${who} voit et modifie les bénéficiaires de ${printable(result.referent ?? referent)} dans ${url} (${result.participants} à ce jour).\n`,
				);
				if (result.participants === 0) {
					process.stderr.write(`avertissement : aucun bénéficiaire n’est suivi par « ${printable(referent)} » pour l’instant (nom mal orthographié ?).\n`);
				}
			}
			return;
		}
		const result = await revokeAccess(connection, login, coordination ? {coordination: true} : referent === undefined ? {all: true} : {referent});
		const left = result.remaining.length === 0 ? 'il n’a plus accès à aucun bénéficiaire' : `il garde : ${result.remaining.map(printable).join(', ')}`;
		const what = coordination ? 'rôle de coordination' : referent === undefined ? 'tous ses accès' : `accès aux bénéficiaires de ${printable(result.referent ?? referent)}`;
		if (result.removed === 0) process.stdout.write(`${who} n’avait pas d’accès à retirer (${what}) dans ${url} : rien n’a changé ; ${left}.\n`);
		else process.stdout.write(`Accès retiré à ${who} (${what}) dans ${url} ; ${left}.\n`);
	} finally {
		await connection.close();
	}
}

async function dbCopy(context: CommandContext, args: readonly string[]): Promise<void> {
	noExtra('db copy', args);
	const from = context.flags.from;
	const to = context.flags.to;
	if (typeof from !== 'string' || typeof to !== 'string') {
		throw new UsageError('db copy : précisez --from SOURCE et --to CIBLE (un fichier de suivi et une adresse postgresql://…, dans un sens ou dans l’autre).');
	}
	const {isDatabaseUrl, checkDatabaseUrl} = await import('../store/postgres/url.js');
	if (isDatabaseUrl(from)) checkDatabaseUrl(from, '--from');
	if (isDatabaseUrl(to)) checkDatabaseUrl(to, '--to');
	const {copyCaseload, describeCounts} = await import('../store/copyCaseload.js');
	const result = await copyCaseload(from, to, {force: context.flags.force === true});
	for (const line of result.unreadable) process.stderr.write(`avertissement : ${from} : ligne ${line} du journal illisible, non copiée.\n`);
	process.stdout.write(`Copie faite : ${from} → ${to} : ${describeCounts(result.target)} (comptes vérifiés des deux côtés).\n`);
}
