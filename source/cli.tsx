#!/usr/bin/env node
// The command line (REFERENTIEL §6): parse the flags, hand over to a command.
// Commands are imported on demand so that `report` never loads Ink, React or exceljs.
import {parseArgs} from 'node:util';
import type {CommandContext} from './commands/context.js';
import {exitCodeOf, UsageError} from './domain/errors.js';

// Every file this process creates (store, journal, backups, exports) is private.
process.umask(0o077);

// React and its reconciler load their development build unless NODE_ENV says
// production: the dashboard profile showed react.development.js and
// react-reconciler.development.js (checks, warnings, DEV fibers) on every key.
// An explicit NODE_ENV (tests run with 'test') is kept.
process.env.NODE_ENV ??= 'production';

// --- team store in PostgreSQL (issue 18) ---------------------------------------
const DB_HELP = `
	Base d'équipe PostgreSQL (--data postgresql://identifiant@serveur/base ; mot de passe : PGPASSWORD ou ~/.pgpass)
	  db init URL              crée ou met à jour le schéma (propriétaire de la base)
	  db grant IDENTIFIANT --referent NOM | --coordination   donne accès à un identifiant PostgreSQL
	  db revoke IDENTIFIANT [--referent NOM | --coordination]  retire cet accès
	  db copy --from SOURCE --to CIBLE [--force]   copie un portefeuille entier, journal compris (fichier ↔ base)
`;
const DB_FLAGS = {
	from: {type: 'string'},
	to: {type: 'string'},
	coordination: {type: 'boolean'},
} as const;
// --- end team store --------------------------------------------------------------

const HELP = `
	Usage
	  $ plie-triage [commande] [options]

	Commandes
	  (aucune)                 tableau de bord au clavier (dans un terminal)
	  report [--json]          les indicateurs, en tableau ou en JSON
	  import FICHIER           importe un .xlsx ou .csv (extraction Visual Course ou classeur d'échange)
	    --dry-run              affiche le bilan et les changements sans rien écrire
	    --details              tous les changements, personne par personne (sinon les 20 premières)
	  export --cellule DATE    classeur de préparation de la cellule de suivi (.xlsx) ; sans DATE,
	                           la prochaine cellule enregistrée dans le fichier de suivi
	    --since DATE           depuis la cellule précédente (défaut : un mois avant)
	    --out FICHIER, --force, --discret
	  export --echange         classeur d'échange (bénéficiaires, étapes, événements, CER précédents ; réimportable)
	    --out FICHIER, --force
	  journal                  le journal des modifications, les plus récentes d'abord
	    --participant ID, --referent NOM, --depuis DATE, --ordre chronologique
	  echeances                ce qui arrive à échéance : en retard, cette semaine, la suivante, d'ici 4 semaines
	    --jusqu-au DATE        jusqu'à ce jour (défaut : dans 28 jours)
	    --json                 en JSON
	    --ics FICHIER          calendrier .ics (Outlook, Thunderbird) ; initiales seulement, sauf --noms ; --force
	  demo [--force]           écrit le portefeuille de démonstration (personnes inventées)

	Options
	  --data FICHIER           fichier de suivi (défaut : $PLIE_TRIAGE_DATA ou data/caseload.json)
	  --today AAAA-MM-JJ       date du jour pour le calcul (défaut : aujourd'hui)
	  --referent NOM           un·e seul·e référent·e (défaut : tous)
	  --queue ID               ouvre le tableau de bord sur la file d'un indicateur
	  --hide-snoozed           report : ne compte pas les alertes mises en attente
	  --help, --version

	Exemples
	  $ plie-triage report --referent "MARTEL Inès"
	  $ plie-triage --queue steps.to-start
	  $ plie-triage export --cellule 2026-12-08
	  $ plie-triage bilan --semestre 2026 --referent "MARTEL Inès"
	  $ plie-triage echeances --referent "MARTEL Inès" --ics echeances.ics
${DB_HELP}`;

const FLAGS = {
	data: {type: 'string'},
	today: {type: 'string'},
	referent: {type: 'string'},
	json: {type: 'boolean'},
	dryRun: {type: 'boolean'},
	details: {type: 'boolean'},
	cellule: {type: 'string'},
	since: {type: 'string'},
	echange: {type: 'boolean'},
	out: {type: 'string'},
	force: {type: 'boolean'},
	discret: {type: 'boolean'},
	participant: {type: 'string'},
	depuis: {type: 'string'},
	ordre: {type: 'string'},
	queue: {type: 'string'},
	hideSnoozed: {type: 'boolean'},
	demoIfMissing: {type: 'boolean'},
	// bilan
	du: {type: 'string'},
	au: {type: 'string'},
	semestre: {type: 'string'},
	annee: {type: 'string'},
	// echeances
	jusquAu: {type: 'string'},
	ics: {type: 'string'},
	noms: {type: 'boolean'},
	...DB_FLAGS,
} as const;

interface CommandLine {
	readonly input: readonly string[];
	readonly flags: Readonly<Record<string, unknown>>;
}

// `report`, `echeances` and the dashboard with their plain flags are read by Node's own
// util.parseArgs instead of meow: the start-up profile of `report` showed meow
// (its bundle, then reading and normalising package.json) at ~45 ms of CPU, its
// largest module cost. Anything parseArgs refuses — another command, --help,
// --version, an unknown or repeated flag, a value starting with '-' — goes
// through meow, which gives the usual messages.
const QUICK_FLAGS: Readonly<Record<'report' | 'bilan' | 'echeances' | 'dashboard', readonly (keyof typeof FLAGS)[]>> = {
	report: ['json', 'hideSnoozed', 'data', 'today', 'referent'],
	bilan: ['json', 'du', 'au', 'semestre', 'annee', 'out', 'force', 'data', 'today', 'referent'],
	echeances: ['json', 'jusquAu', 'ics', 'noms', 'force', 'data', 'today', 'referent'],
	dashboard: ['data', 'today', 'referent', 'queue', 'demoIfMissing'],
};

const kebab = (name: string) => name.replace(/[A-Z]/g, letter => `-${letter.toLowerCase()}`);

function quickCommandLine(argv: readonly string[]): CommandLine | undefined {
	const command = argv[0] === 'report' || argv[0] === 'bilan' || argv[0] === 'echeances' ? argv[0] : undefined;
	if (command === undefined && argv[0] !== undefined && !argv[0].startsWith('--')) return undefined;
	const names = QUICK_FLAGS[command ?? 'dashboard'];
	const options = Object.fromEntries(names.map(name => [kebab(name), {type: FLAGS[name].type}]));
	let values: Record<string, unknown>;
	try {
		({values} = parseArgs({args: argv.slice(command === undefined ? 0 : 1), options, strict: true, allowPositionals: false}));
	} catch {
		return undefined;
	}
	const flags: Record<string, unknown> = {};
	for (const name of names) {
		const value = values[kebab(name)];
		if (Array.isArray(value) || (typeof value === 'string' && value.startsWith('-'))) return undefined;
		if (value !== undefined) flags[name] = value;
	}
	return {input: command === undefined ? [] : [command], flags};
}

/** `--today X --today Y`: meow would keep Y silently (even when X is impossible); ask for one value. */
function refuseRepeatedValues(argv: readonly string[]): void {
	const seen = new Set<string>();
	for (const arg of argv) {
		if (arg === '--') break;
		const name = /^--([a-z-]+)(=|$)/.exec(arg)?.[1];
		const flag = Object.entries(FLAGS).find(([key]) => kebab(key) === name);
		if (name === undefined || flag === undefined || flag[1].type !== 'string') continue;
		if (seen.has(name)) throw new UsageError(`--${name} : donné plusieurs fois ; n’en gardez qu’un.`);
		seen.add(name);
	}
}

/**
 * `--dry-run=oui`: meow reads a switch given a value as that text, which is not `true`,
 * so the import would really write; a switch takes no value, say so.
 */
function refuseValuedSwitches(argv: readonly string[]): void {
	for (const arg of argv) {
		if (arg === '--') break;
		const name = /^--([a-z-]+)=/.exec(arg)?.[1];
		const flag = Object.entries(FLAGS).find(([key]) => kebab(key) === name);
		if (name !== undefined && flag !== undefined && flag[1].type === 'boolean') {
			throw new UsageError(`--${name} : cette option ne prend pas de valeur (écrivez --${name} seul).`);
		}
	}
}

async function commandLine(): Promise<CommandLine> {
	refuseRepeatedValues(process.argv.slice(2));
	refuseValuedSwitches(process.argv.slice(2));
	const quick = quickCommandLine(process.argv.slice(2));
	if (quick) return quick;
	const {default: meow} = await import('meow');
	// Unknown flags are refused here rather than by meow, whose message is in English.
	const cli = meow(HELP, {importMeta: import.meta, allowUnknownFlags: true, flags: FLAGS});
	const unknown = Object.keys(cli.flags).filter(name => !(name in FLAGS) && name !== 'help' && name !== 'version');
	if (unknown.length > 0) {
		const names = unknown.map(name => `« ${name.length === 1 ? '-' : '--'}${kebab(name)} »`).join(', ');
		throw new UsageError(`option inconnue ${names} (voir plie-triage --help).`);
	}
	return {input: cli.input, flags: cli.flags};
}

const COMMANDS = ['report', 'import', 'export', 'journal', 'demo', 'bilan', 'echeances', 'db'] as const;
type Command = (typeof COMMANDS)[number] | 'dashboard';

/** The store of the command being run, once known: an unexpected failure is logged next to it. */
let storeForLog: string | undefined;

async function main(): Promise<void> {
	const cli = await commandLine();
	const [name, ...args] = cli.input;
	if (name !== undefined && !(COMMANDS as readonly string[]).includes(name)) {
		throw new UsageError(`commande inconnue « ${name} ». Commandes : ${COMMANDS.join(', ')} (voir --help).`);
	}
	const command: Command = (name as Command | undefined) ?? 'dashboard';
	// a flag the command does not take is refused, never ignored (exit 2)
	const {flagsGiven, refuseForeignFlags} = await import('./commands/commandFlags.js');
	refuseForeignFlags(command, flagsGiven(process.argv.slice(2)));
	if ((command === 'report' || command === 'export' || command === 'demo' || command === 'bilan' || command === 'echeances') && args.length > 0) {
		throw new UsageError(`${command} : argument en trop « ${args.join(' ')} » (voir --help).`);
	}
	// `--cellule` alone is allowed: the next cellule recorded in the store
	for (const flag of ['data', 'today', 'referent', 'out', 'since', 'participant', 'depuis', 'ordre', 'queue', 'from', 'to'] as const) {
		if (cli.flags[flag] === '') throw new UsageError(`--${flag} : valeur manquante.`);
	}
	const {resolveStorePath} = await import('./store/storeBasics.js');
	const {todayFrom} = await import('./commands/context.js');
	const storePath = resolveStorePath(cli.flags.data as string | undefined);
	storeForLog = storePath;
	// a FIFO, a device, a folder given as the store is refused before anything (lock included) touches it
	const {refuseNonRegular} = await import('./store/regularFile.js');
	await refuseNonRegular(storePath).catch(async (error: unknown) => {
		const {storeReadError} = await import('./store/storeBasics.js');
		throw storeReadError(storePath, error);
	});
	const context: CommandContext = {
		storePath,
		today: todayFrom(cli.flags.today as string | undefined),
		referent: cli.flags.referent as string | undefined,
		args,
		flags: cli.flags,
	};
	if (command !== 'dashboard') (await import('./commands/closedPipe.js')).endQuietlyWhenPipeCloses();
	switch (command) {
		case 'report':
			return (await import('./commands/report.js')).runReport(context);
		case 'demo':
			return (await import('./commands/demo.js')).runDemo(context);
		case 'import':
			return (await import('./commands/import.js')).runImport(context);
		case 'export':
			return (await import('./commands/export.js')).runExport(context);
		case 'journal':
			return (await import('./commands/journal.js')).runJournal(context);
		case 'bilan':
			return (await import('./commands/bilan.js')).runBilan(context);
		case 'echeances':
			return (await import('./commands/echeances.js')).runEcheances(context);
		case 'db':
			return (await import('./commands/db.js')).runDb(context);
		case 'dashboard':
			return (await loadDashboard()).runDashboard(context);
	}
}

/**
 * The dashboard command as one bundled file (built by source/build/bundleDashboard.ts):
 * Ink as separate modules costs ~0.3 s more before the first frame. Without a
 * bundle (sources compiled by tsc alone) the plain modules are used.
 */
async function loadDashboard(): Promise<typeof import('./commands/dashboard.js')> {
	const bundle = new URL('./bundle/dashboard.js', import.meta.url);
	try {
		return (await import(bundle.href)) as typeof import('./commands/dashboard.js');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'ERR_MODULE_NOT_FOUND' || !String((error as Error).message).includes(bundle.pathname)) {
			throw error;
		}
		return import('./commands/dashboard.js');
	}
}

main().catch(async (error: unknown) => {
	// a user's error carries its exit code (domain/errors.ts), whichever copy of its class threw it
	const code = exitCodeOf(error);
	const systemMessage = code === undefined ? (await import('./store/systemError.js')).describeSystemError(error) : undefined;
	// messages quote names, cells, paths: no control character of theirs reaches the terminal
	const {visibleLines} = await import('./domain/text.js');
	if (code !== undefined) {
		process.stderr.write(`plie-triage : ${visibleLines((error as Error).message)}\n`);
	} else if (systemMessage !== undefined) {
		// a file-system refusal no module described: still the path and the reason, exit 1
		process.stderr.write(`plie-triage : ${visibleLines(systemMessage)}\n`);
		process.exitCode = 1;
		return;
	} else {
		// a defect: one French sentence on screen, the details in a log next to the store (exit 1)
		const {writeErrorLog, unexpectedMessage} = await import('./commands/errorLog.js');
		const {resolveStorePath} = await import('./store/storeBasics.js');
		const logged = await writeErrorLog(storeForLog ?? resolveStorePath(undefined), error, process.argv.slice(2));
		process.stderr.write(`plie-triage : ${unexpectedMessage(logged)}\n`);
	}
	process.exitCode = code ?? 1;
});
