// Every key of the program, defined once: command ↔ key strokes ↔ French label ↔
// footer hint ↔ the scopes (screens and input modes) where it acts. The keyboard
// (ui/keys) looks keys up here for whatever owns the keyboard now; the footer, the
// help `?` and the README's table of keys are generated from it; each scope's
// handler is a Record over the commands this table gives it, so a binding without
// a handler does not compile.
import type {KeyName, KeyPress} from './keys/splitKeys.js';

/**
 * Where keys act, in the order the help and the README list them. `global` applies
 * on every screen (before the screen's own keys); the others are screens, overlays
 * and input modes. A new screen adds its scope here, its bindings below, and a
 * handler over `CommandIn<'its-scope'>` (see README, « Ajouter un écran »).
 */
export const SCOPES = {
	global: 'Partout',
	dashboard: 'Tableau de bord',
	queue: 'File',
	participant: 'Fiche',
	bilan: 'Bilan d’activité (b)',
	echeances: 'Échéances',
	'echeance-kinds': 'Choix de la sorte d’échéance (f)',
	filter: 'Saisie d’un filtre (/)',
	picker: 'Choix du ou de la référent·e (r)',
	people: 'Recherche d’une personne (:)',
	help: 'Aide (?)',
	form: 'Formulaires',
	'form-text': 'Champ de texte',
	'form-date': 'Champ de date',
	'form-choice': 'Champ à choix',
	'list-confirm': 'Liste à confirmer',
	confirm: 'Questions oui / non',
	notice: 'Messages',
} as const;

export type Scope = keyof typeof SCOPES;

/** The three levels of the dashboard (navigation.ts), the « Bilan » screen (ui/bilan), and the échéances one key away. */
export type View = 'dashboard' | 'queue' | 'participant' | 'bilan' | 'echeances';

export type KeyStroke =
	/** a character typed without Ctrl or Alt */
	| {readonly char: string}
	/** a named key; `shift` must match (Maj-Tab is not Tab) */
	| {readonly key: KeyName; readonly shift?: boolean}
	/** Ctrl and a letter */
	| {readonly ctrl: string}
	/** any printable character, or a paste: text typed into a field, a filter, a type-ahead */
	| {readonly text: true}
	/** any key at all (a message closed by a key) */
	| {readonly any: true};

export interface Binding {
	readonly command: string;
	readonly strokes: readonly KeyStroke[];
	/** what the key does, in French (help, README) */
	readonly label: string;
	/** the footer's wording, shown in the footer of the scopes listed in `footer` */
	readonly hint?: string;
	readonly footer?: readonly Scope[];
	readonly scopes: readonly Scope[];
	/** handed to the edit handler (ui/edits) rather than handled by the screen */
	readonly edit?: true;
}

const VIEWS = ['dashboard', 'queue', 'participant', 'echeances'] as const;

export const KEYMAP = [
	{command: 'quit', strokes: [{ctrl: 'c'}], label: 'quitter, même pendant une saisie (les enregistrements en cours se terminent)', scopes: ['global']},

	// moving in a list: the dashboard's indicators, a queue, a fiche's steps
	{command: 'up', strokes: [{key: 'up'}, {char: 'k'}], label: 'ligne précédente', hint: '↑↓ choisir', footer: ['queue', 'echeances'], scopes: VIEWS},
	{command: 'down', strokes: [{key: 'down'}, {char: 'j'}], label: 'ligne suivante', hint: '↑↓ choisir', scopes: VIEWS},
	{command: 'pageUp', strokes: [{key: 'pageUp'}], label: 'page précédente', scopes: VIEWS},
	{command: 'pageDown', strokes: [{key: 'pageDown'}], label: 'page suivante', scopes: VIEWS},
	{command: 'first', strokes: [{char: 'g'}, {key: 'home'}], label: 'première ligne', scopes: VIEWS},
	{command: 'last', strokes: [{char: 'G'}, {key: 'end'}], label: 'dernière ligne', scopes: VIEWS},
	{command: 'left', strokes: [{key: 'left'}], label: 'section précédente', scopes: ['dashboard']},
	{command: 'right', strokes: [{key: 'right'}], label: 'section suivante', scopes: ['dashboard']},
	// not in the dashboard's footer: its status line already says « Entrée : voir les personnes »
	{command: 'open', strokes: [{key: 'enter'}], label: 'ouvrir la file / la fiche', hint: 'Entrée ouvrir', footer: ['queue', 'echeances'], scopes: ['dashboard', 'queue', 'echeances']},

	// the edits (ui/edits): on the selected step, the person shown, or the person highlighted in the queue
	{command: 'step-start', strokes: [{char: 'd'}], label: 'étape → En cours (dans une file d’étapes : l’étape de la ligne)', hint: 'd/t/i étape', footer: ['participant'], scopes: ['participant', 'queue'], edit: true},
	{command: 'step-finish', strokes: [{char: 't'}], label: 'étape → Terminée, fin aujourd’hui si absente (après une sortie : à la date de sortie)', hint: 'd/t/i étape', scopes: ['participant', 'queue'], edit: true},
	{command: 'step-interrupt', strokes: [{char: 'i'}], label: 'étape → Interrompue, fin aujourd’hui (après une sortie : à la date de sortie)', hint: 'd/t/i étape', scopes: ['participant', 'queue'], edit: true},
	{command: 'step-edit', strokes: [{char: 'm'}], label: 'modifier la ligne choisie : étape (libellé, type, dates, état) ou événement (type, date, note)', scopes: ['participant'], edit: true},
	{command: 'step-add', strokes: [{char: '+'}, {char: 'A'}], label: 'ajouter une étape', scopes: ['participant'], edit: true},
	{command: 'interview', strokes: [{char: 'e'}], label: 'entretien individuel aujourd’hui', hint: 'e entretien', footer: ['participant'], scopes: ['participant', 'queue'], edit: true},
	{command: 'event-note', strokes: [{char: 'N'}], label: 'note de l’événement choisi ; juste après e ou a, de l’événement qu’ils ont enregistré', scopes: ['participant', 'queue'], edit: true},
	{command: 'event-delete', strokes: [{key: 'delete'}, {char: '-'}], label: 'supprimer l’événement choisi (après confirmation ; u le rétablit)', scopes: ['participant'], edit: true},
	{command: 'event-form', strokes: [{key: 'tab'}], label: 'autre événement : type, date, note', scopes: ['participant'], edit: true},
	{command: 'absence', strokes: [{char: 'a'}], label: 'absence injustifiée aujourd’hui', scopes: ['participant', 'queue'], edit: true},
	{command: 'contract', strokes: [{char: 'c'}], label: 'CER (début, fin, renouvellement de 6 ou 12 mois : l’ancien passe aux CER précédents) et code ROME', scopes: ['participant'], edit: true},
	{command: 'standby', strokes: [{char: 'v'}], label: 'mettre en veille (depuis le, motif) / sortir de veille (une demande sur ce que l’écran montre, pas une bascule)', scopes: ['participant', 'queue'], edit: true},
	{command: 'exit', strokes: [{char: 'x'}], label: 'sortie : date, type, motif (phase d’accueil : non-intégration)', scopes: ['participant', 'queue'], edit: true},
	{command: 'snooze', strokes: [{char: 'z'}], label: 'mettre une alerte ou une échéance en attente : raison et date de fin (écran des échéances : la sorte de la ligne, pour cette personne)', hint: 'z attente', footer: ['echeances'], scopes: ['participant', 'queue', 'echeances'], edit: true},
	// the exit procedure (004_…): in the fiche, or on the highlighted person of a queue (« Sorties à clôturer »)
	{command: 'exit-follow-up', strokes: [{char: 's'}], label: 'suivi de la sortie : validée en cellule, courriers envoyés, justificatif reçu, dossier clôturé (le premier manquant proposé à la date du jour)', scopes: ['participant', 'queue'], edit: true},
	{command: 'validate-exits', strokes: [{char: 'V'}], label: 'après une cellule : la valider pour les sorties de sa feuille « Sorties » (liste à confirmer)', scopes: VIEWS, edit: true},
	{command: 'undo', strokes: [{char: 'u'}], label: 'annuler la dernière modification (plusieurs fois)', hint: 'u annuler', footer: ['participant'], scopes: VIEWS, edit: true},
	{command: 'set-cellule', strokes: [{char: 'C'}], label: 'date de la prochaine cellule de suivi (enregistrée pour l’en-tête, E et export --cellule)', scopes: VIEWS, edit: true},
	{command: 'export-cellule', strokes: [{char: 'E'}], label: 'préparation de la cellule de suivi (.xlsx dans le dossier courant ; en mode discrétion, sa version …-discret.xlsx)', hint: 'E cellule', footer: ['dashboard'], scopes: VIEWS, edit: true},

	{command: 'next', strokes: [{char: 'n'}], label: 'bénéficiaire suivant·e de la file', hint: 'n suivant', footer: ['participant'], scopes: ['participant']},
	{command: 'previous', strokes: [{char: 'p'}], label: 'bénéficiaire précédent·e de la file', scopes: ['participant']},
	{command: 'back', strokes: [{key: 'escape'}], label: 'revenir d’un niveau (ou effacer le filtre)', hint: 'Échap retour', footer: ['queue', 'echeances'], scopes: VIEWS},
	{command: 'echeances', strokes: [{char: 'é'}, {char: 'h'}], label: 'échéances : ce qui arrive à échéance, semaine par semaine', hint: 'é échéances', footer: ['dashboard'], scopes: ['dashboard']},
	{command: 'exits-to-close', strokes: [{char: 'S'}], label: 'file « Sorties à clôturer » : sorties validées en cellule, dossier non clôturé, par date de clôture', scopes: ['dashboard', 'echeances']},
	{command: 'snoozes', strokes: [{char: 'Z'}], label: 'file « Mises en attente » : les alertes et échéances en attente (z), la fin la plus proche d’abord (z sur une ligne : la voir, la lever)', scopes: ['dashboard', 'echeances']},
	{command: 'echeance-kinds', strokes: [{char: 'f'}], label: 'ne montrer qu’une sorte d’échéance (ou toutes)', hint: 'f sorte', footer: ['echeances'], scopes: ['echeances']},
	{command: 'filter', strokes: [{char: '/'}], label: 'filtrer la liste : les intitulés des indicateurs (tableau de bord), les personnes par nom ou identifiant (file)', hint: '/ filtrer', footer: ['queue'], scopes: ['dashboard', 'queue']},
	{command: 'people-search', strokes: [{char: ':'}], label: 'chercher une personne par son nom ou son identifiant, dans tout le fichier (accueil, parcours, sorties)', hint: ': chercher', footer: ['dashboard'], scopes: VIEWS},
	{command: 'referent', strokes: [{char: 'r'}], label: 'choisir le ou la référent·e (ou Tous)', hint: 'r référent', footer: ['dashboard'], scopes: VIEWS},
	{command: 'discretion', strokes: [{char: '*'}], label: 'mode discrétion : initiales, sans n° CAF ni France Travail, notes, motifs de mise en attente ni texte tapé (filtre, recherche)', scopes: VIEWS},
	{command: 'help', strokes: [{char: '?'}], label: 'aide : les touches de cet écran, puis toutes les autres', hint: '? aide', footer: VIEWS, scopes: VIEWS},

	// the help scrolls by lines
	{command: 'up', strokes: [{key: 'up'}, {char: 'k'}], label: 'remonter d’une ligne', hint: '↑↓ défiler', footer: ['help'], scopes: ['help']},
	{command: 'down', strokes: [{key: 'down'}, {char: 'j'}], label: 'descendre d’une ligne', scopes: ['help']},
	{command: 'pageUp', strokes: [{key: 'pageUp'}], label: 'page précédente', scopes: ['help']},
	{command: 'pageDown', strokes: [{key: 'pageDown'}], label: 'page suivante', scopes: ['help']},
	{command: 'first', strokes: [{char: 'g'}, {key: 'home'}], label: 'début de l’aide', scopes: ['help']},
	{command: 'last', strokes: [{char: 'G'}, {key: 'end'}], label: 'fin de l’aide', scopes: ['help']},
	{command: 'help', strokes: [{key: 'escape'}, {char: '?'}], label: 'fermer l’aide', hint: 'Échap fermer', footer: ['help'], scopes: ['help']},
	{command: 'quit', strokes: [{char: 'q'}], label: 'quitter', hint: 'q quitter', footer: [...VIEWS, 'help'], scopes: [...VIEWS, 'help']},

	// choosing a kind of échéance (f)
	{command: 'up', strokes: [{key: 'up'}, {char: 'k'}], label: 'sorte précédente', hint: '↑↓ choisir', footer: ['echeance-kinds'], scopes: ['echeance-kinds']},
	{command: 'down', strokes: [{key: 'down'}, {char: 'j'}], label: 'sorte suivante', scopes: ['echeance-kinds']},
	{command: 'first', strokes: [{char: 'g'}, {key: 'home'}], label: 'première (toutes les sortes)', scopes: ['echeance-kinds']},
	{command: 'last', strokes: [{char: 'G'}, {key: 'end'}], label: 'dernière', scopes: ['echeance-kinds']},
	{command: 'kind-choose', strokes: [{key: 'enter'}], label: 'ne montrer que cette sorte', hint: 'Entrée choisir', footer: ['echeance-kinds'], scopes: ['echeance-kinds']},
	{command: 'back', strokes: [{key: 'escape'}], label: 'fermer sans rien changer', hint: 'Échap annuler', footer: ['echeance-kinds'], scopes: ['echeance-kinds']},

	// typing a filter: letters go to the filter, so q is a q
	{command: 'up', strokes: [{key: 'up'}], label: 'ligne précédente de la liste filtrée', hint: '↑↓ choisir', footer: ['filter'], scopes: ['filter']},
	{command: 'down', strokes: [{key: 'down'}], label: 'ligne suivante de la liste filtrée', scopes: ['filter']},
	{command: 'filter-accept', strokes: [{key: 'enter'}], label: 'garder le filtre et revenir à la liste', hint: 'Entrée valider', footer: ['filter'], scopes: ['filter']},
	{command: 'filter-clear', strokes: [{key: 'escape'}], label: 'effacer le filtre', hint: 'Échap effacer', footer: ['filter'], scopes: ['filter']},
	{command: 'filter-erase', strokes: [{key: 'backspace'}, {key: 'delete'}], label: 'effacer le dernier caractère', scopes: ['filter']},
	{command: 'filter-type', strokes: [{text: true}], label: 'le texte cherché (nom ou identifiant, sans accents ni casse)', scopes: ['filter']},

	// a list to choose from, with type-ahead: letters narrow the list
	{command: 'up', strokes: [{key: 'up'}], label: 'nom précédent', hint: '↑↓ choisir', footer: ['picker'], scopes: ['picker']},
	{command: 'down', strokes: [{key: 'down'}], label: 'nom suivant', scopes: ['picker']},
	{command: 'pageUp', strokes: [{key: 'pageUp'}], label: 'page précédente', scopes: ['picker']},
	{command: 'pageDown', strokes: [{key: 'pageDown'}], label: 'page suivante', scopes: ['picker']},
	{command: 'first', strokes: [{key: 'home'}], label: 'premier nom', scopes: ['picker']},
	{command: 'last', strokes: [{key: 'end'}], label: 'dernier nom', scopes: ['picker']},
	{command: 'picker-choose', strokes: [{key: 'enter'}], label: 'choisir', hint: 'Entrée choisir', footer: ['picker'], scopes: ['picker']},
	{command: 'back', strokes: [{key: 'escape'}], label: 'fermer sans rien changer', hint: 'Échap annuler', footer: ['picker'], scopes: ['picker']},
	{command: 'picker-erase', strokes: [{key: 'backspace'}, {key: 'delete'}], label: 'effacer la dernière lettre cherchée', scopes: ['picker']},
	{command: 'picker-type', strokes: [{text: true}], label: 'lettres d’un nom : la liste ne garde que les noms qui les contiennent', hint: 'lettres : chercher', footer: ['picker'], scopes: ['picker']},

	// the « Bilan » screen (ui/bilan): the activity-report tables over a period, opened from the dashboard
	{command: 'bilan', strokes: [{char: 'b'}], label: 'bilan d’activité : les tableaux du rapport sur une période', scopes: ['dashboard']},
	{command: 'up', strokes: [{key: 'up'}, {char: 'k'}], label: 'ligne précédente', scopes: ['bilan']},
	{command: 'down', strokes: [{key: 'down'}, {char: 'j'}], label: 'ligne suivante', scopes: ['bilan']},
	{command: 'pageUp', strokes: [{key: 'pageUp'}], label: 'page précédente', scopes: ['bilan']},
	{command: 'pageDown', strokes: [{key: 'pageDown'}], label: 'page suivante', scopes: ['bilan']},
	{command: 'first', strokes: [{char: 'g'}, {key: 'home'}], label: 'première ligne', scopes: ['bilan']},
	{command: 'last', strokes: [{char: 'G'}, {key: 'end'}], label: 'dernière ligne', scopes: ['bilan']},
	{command: 'left', strokes: [{key: 'left'}], label: 'tableau précédent (début du tableau)', scopes: ['bilan']},
	{command: 'right', strokes: [{key: 'right'}], label: 'tableau suivant', scopes: ['bilan']},
	{command: 'open', strokes: [{key: 'enter'}], label: 'la file des personnes de la ligne (d’un taux : celles du calcul) ; Échap y revient au bilan', hint: 'Entrée personnes', footer: ['bilan'], scopes: ['bilan']},
	{command: 'bilan-semester', strokes: [{char: 's'}], label: 'période : semestre en cours (du 1er janvier ou du 1er juillet à aujourd’hui)', hint: 's/a/p/d période', footer: ['bilan'], scopes: ['bilan']},
	{command: 'bilan-year', strokes: [{char: 'a'}], label: 'période : année en cours (du 1er janvier à aujourd’hui)', scopes: ['bilan']},
	{command: 'bilan-previous-year', strokes: [{char: 'p'}], label: 'période : année précédente (du 1er janvier au 31 décembre)', scopes: ['bilan']},
	{command: 'bilan-dates', strokes: [{char: 'd'}], label: 'période : deux dates à taper (du … au …, jj/mm/aaaa)', scopes: ['bilan']},
	{command: 'bilan-export', strokes: [{char: 'E'}], label: 'écrire le classeur du bilan (.xlsx dans le dossier courant ; demande avant de remplacer un fichier)', hint: 'E classeur', footer: ['bilan'], scopes: ['bilan'], edit: true},
	{command: 'referent', strokes: [{char: 'r'}], label: 'choisir le ou la référent·e : les tableaux ne comptent que ses bénéficiaires', scopes: ['bilan']},
	{command: 'discretion', strokes: [{char: '*'}], label: 'mode discrétion : initiales dans la liste nominative et les files', scopes: ['bilan']},
	{command: 'back', strokes: [{key: 'escape'}], label: 'revenir au tableau de bord', hint: 'Échap retour', footer: ['bilan'], scopes: ['bilan']},
	{command: 'help', strokes: [{char: '?'}], label: 'aide : les touches de cet écran, puis toutes les autres', hint: '? aide', footer: ['bilan'], scopes: ['bilan']},
	{command: 'quit', strokes: [{char: 'q'}], label: 'quitter', hint: 'q quitter', footer: ['bilan'], scopes: ['bilan']},
	// the people search (ui/search): letters are the name or id sought
	{command: 'up', strokes: [{key: 'up'}], label: 'personne précédente', hint: '↑↓ choisir', footer: ['people'], scopes: ['people']},
	{command: 'down', strokes: [{key: 'down'}], label: 'personne suivante', scopes: ['people']},
	{command: 'pageUp', strokes: [{key: 'pageUp'}], label: 'page précédente', scopes: ['people']},
	{command: 'pageDown', strokes: [{key: 'pageDown'}], label: 'page suivante', scopes: ['people']},
	{command: 'first', strokes: [{key: 'home'}], label: 'première personne', scopes: ['people']},
	{command: 'last', strokes: [{key: 'end'}], label: 'dernière personne', scopes: ['people']},
	{command: 'people-open', strokes: [{key: 'enter'}], label: 'ouvrir sa fiche (Échap ramène ensuite où vous étiez)', hint: 'Entrée fiche', footer: ['people'], scopes: ['people']},
	{command: 'back', strokes: [{key: 'escape'}], label: 'fermer la recherche', hint: 'Échap fermer', footer: ['people'], scopes: ['people']},
	{command: 'people-erase', strokes: [{key: 'backspace'}, {key: 'delete'}], label: 'effacer le dernier caractère', scopes: ['people']},
	{command: 'people-clear', strokes: [{ctrl: 'u'}], label: 'tout effacer', hint: 'Ctrl-U effacer', footer: ['people'], scopes: ['people']},
	{command: 'people-type', strokes: [{text: true}], label: 'le nom ou l’identifiant cherché : sans accents ni casse, les mots dans n’importe quel ordre', hint: 'lettres : chercher', footer: ['people'], scopes: ['people']},

	// forms (ui/edits/Form.tsx): while one is open every letter is typed into it, q included
	{command: 'form-submit', strokes: [{key: 'enter'}], label: 'valider et enregistrer', hint: 'Entrée valider', footer: ['form'], scopes: ['form']},
	{command: 'form-cancel', strokes: [{key: 'escape'}], label: 'annuler sans rien modifier', hint: 'Échap annuler', footer: ['form'], scopes: ['form']},
	{command: 'form-next', strokes: [{key: 'tab'}], label: 'champ suivant', hint: 'Tab champ suivant', footer: ['form'], scopes: ['form']},
	{command: 'form-previous', strokes: [{key: 'tab', shift: true}], label: 'champ précédent', scopes: ['form']},
	{command: 'form-previous', strokes: [{key: 'up'}], label: 'champ précédent', scopes: ['form-text']},
	{command: 'form-next', strokes: [{key: 'down'}], label: 'champ suivant', scopes: ['form-text']},
	{command: 'form-clear', strokes: [{ctrl: 'u'}], label: 'vider le champ', hint: 'Ctrl-U vider', footer: ['form-text'], scopes: ['form-text', 'form-date']},
	{command: 'form-later', strokes: [{char: '+'}, {key: 'up'}], label: 'un jour plus tard', hint: '+/− un jour', footer: ['form-date'], scopes: ['form-date']},
	{command: 'form-earlier', strokes: [{char: '-'}, {char: '−'}, {key: 'down'}], label: 'un jour plus tôt', scopes: ['form-date']},
	{command: 'form-option-previous', strokes: [{key: 'up'}], label: 'choix précédent', hint: '↑↓ ou initiale', footer: ['form-choice'], scopes: ['form-choice']},
	{command: 'form-option-next', strokes: [{key: 'down'}], label: 'choix suivant', scopes: ['form-choice']},
	{command: 'form-erase', strokes: [{key: 'backspace'}, {key: 'delete'}], label: 'effacer le dernier caractère', scopes: ['form']},
	{command: 'form-type', strokes: [{text: true}], label: 'la valeur (date en jj/mm/aaaa : la première touche remplace la date affichée ; choix : l’initiale)', scopes: ['form']},

	// a question over a list (the exits a cellule validates): the list scrolls
	{command: 'list-up', strokes: [{key: 'up'}], label: 'remonter dans la liste', hint: '↑↓ défiler', footer: ['list-confirm'], scopes: ['list-confirm']},
	{command: 'list-down', strokes: [{key: 'down'}], label: 'descendre dans la liste', scopes: ['list-confirm']},
	{command: 'list-page-up', strokes: [{key: 'pageUp'}], label: 'page précédente de la liste', scopes: ['list-confirm']},
	{command: 'list-page-down', strokes: [{key: 'pageDown'}], label: 'page suivante de la liste', scopes: ['list-confirm']},
	{command: 'confirm-yes', strokes: [{char: 'o'}, {char: 'O'}, {key: 'enter'}], label: 'oui', hint: 'o oui', footer: ['confirm'], scopes: ['confirm']},
	{command: 'confirm-no', strokes: [{char: 'n'}, {char: 'N'}, {key: 'escape'}], label: 'non', hint: 'n/Échap non', footer: ['confirm'], scopes: ['confirm']},
	{command: 'notice-close', strokes: [{any: true}], label: 'fermer le message', hint: 'une touche : continuer', footer: ['notice'], scopes: ['notice']},
] as const satisfies readonly Binding[];

type Entry = (typeof KEYMAP)[number];

export type Command = Entry['command'];

type CommandsOf<E, S> = E extends {readonly command: infer C; readonly scopes: readonly (infer T)[]} ? ([Extract<T, S>] extends [never] ? never : C) : never;

/** The commands bound in scope(s) S: a handler for S is a Record over them. */
export type CommandIn<S extends Scope> = CommandsOf<Entry, S>;

/** Commands the dashboard hands to the edit handler (source/ui/edits). */
export type EditCommand = Extract<Entry, {readonly edit: true}>['command'];

const KEY_NAMES: Record<KeyName, string> = {
	up: '↑',
	down: '↓',
	left: '←',
	right: '→',
	pageUp: 'PgUp',
	pageDown: 'PgDn',
	home: 'Début',
	end: 'Fin',
	insert: 'Inser',
	delete: 'Suppr',
	enter: 'Entrée',
	tab: 'Tab',
	backspace: 'Retour arrière',
	escape: 'Échap',
};

/** A stroke as the help, the README and the messages write it. */
export function strokeText(stroke: KeyStroke): string {
	if ('char' in stroke) return stroke.char === ' ' ? 'Espace' : stroke.char;
	if ('key' in stroke) return stroke.shift ? `Maj-${KEY_NAMES[stroke.key]}` : KEY_NAMES[stroke.key];
	if ('ctrl' in stroke) return `Ctrl-${stroke.ctrl.toUpperCase()}`;
	if ('text' in stroke) return 'lettres';
	return 'une touche';
}

export function keysText(binding: Binding): string {
	return binding.strokes.map(strokeText).join(' ');
}

/** The keys of a command, as the help writes them (for messages that name a key). */
export function keysOf(command: Command, scope: Scope, bindings: readonly Binding[] = KEYMAP): string {
	const binding = bindings.find(b => b.command === command && b.scopes.includes(scope));
	return binding ? keysText(binding) : '';
}

function matches(stroke: KeyStroke, key: KeyPress): boolean {
	if ('any' in stroke) return true;
	if ('text' in stroke) return key.type === 'paste' || (key.type === 'char' && !key.ctrl && !key.meta);
	if (key.type !== 'char' && key.type !== 'key') return false;
	if (key.meta) return false;
	if ('char' in stroke) return key.type === 'char' && !key.ctrl && key.char === stroke.char;
	if ('ctrl' in stroke) return key.type === 'char' && key.ctrl && key.char === stroke.ctrl;
	return key.type === 'key' && !key.ctrl && key.name === stroke.key && key.shift === (stroke.shift ?? false);
}

/**
 * The binding a key press has in `scopes`, most specific scope first: the first
 * scope with a binding for the key wins, and in a scope the first binding listed.
 */
export function bindingFor(key: KeyPress, scopes: readonly Scope[], bindings: readonly Binding[] = KEYMAP): Binding | undefined {
	for (const scope of scopes) {
		for (const binding of bindings) {
			if (binding.scopes.includes(scope) && binding.strokes.some(stroke => matches(stroke, key))) return binding;
		}
	}
	return undefined;
}

/** The footer's hints for what owns the keyboard (its scopes, most specific first), each once. */
export function footerHints(scopes: readonly Scope[], bindings: readonly Binding[] = KEYMAP): string[] {
	const hints: string[] = [];
	for (const scope of [...scopes].reverse()) {
		for (const binding of bindings) {
			if (binding.hint && binding.footer?.includes(scope) && !hints.includes(binding.hint)) hints.push(binding.hint);
		}
	}
	return hints;
}

/** The bindings of one scope, in the table's order. */
export function bindingsIn(scope: Scope, bindings: readonly Binding[] = KEYMAP): Binding[] {
	return bindings.filter(binding => binding.scopes.includes(scope));
}
