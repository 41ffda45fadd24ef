// Every key of the dashboard, defined once. The input handler looks keys up here,
// the footer shows the ones marked for a view, and the help overlay (`?`) lists
// them all, so what is on screen is always what the program does.
import type {Key} from 'ink';

export type View = 'dashboard' | 'queue' | 'participant';

export type Command =
	| 'up'
	| 'down'
	| 'pageUp'
	| 'pageDown'
	| 'first'
	| 'last'
	| 'left'
	| 'right'
	| 'open'
	| 'back'
	| 'next'
	| 'previous'
	| 'filter'
	| 'referent'
	| 'discretion'
	| 'help'
	| 'quit'
	| EditCommand;

/** Commands the dashboard hands to the edit handler (source/ui/edits). */
export type EditCommand =
	| 'step-start'
	| 'step-finish'
	| 'step-interrupt'
	| 'step-edit'
	| 'step-add'
	| 'interview'
	| 'event-form'
	| 'absence'
	| 'contract'
	| 'standby'
	| 'exit'
	| 'snooze'
	| 'undo'
	| 'export-cellule';

/** One way to press a key: a printable character, or a named key of Ink's `Key`. */
export type KeyStroke = {readonly char: string} | {readonly key: NamedKey};
export type NamedKey = 'upArrow' | 'downArrow' | 'leftArrow' | 'rightArrow' | 'pageUp' | 'pageDown' | 'home' | 'end' | 'return' | 'escape' | 'tab';

export interface Binding {
	readonly command: Command;
	readonly strokes: readonly KeyStroke[];
	/** how the keys are written in the help and the footer */
	readonly keys: string;
	/** what the key does, in French */
	readonly label: string;
	/** the footer's wording (keys and a word) */
	readonly hint: string;
	/** views where the binding acts; undefined = everywhere */
	readonly views?: readonly View[];
	/** views whose footer shows it */
	readonly footer?: readonly View[];
}

const ALL_VIEWS: readonly View[] = ['dashboard', 'queue', 'participant'];

export const KEYMAP: readonly Binding[] = [
	{command: 'up', strokes: [{key: 'upArrow'}, {char: 'k'}], keys: '↑ k', label: 'ligne précédente', hint: '↑↓ choisir', footer: ['dashboard', 'queue']},
	{command: 'down', strokes: [{key: 'downArrow'}, {char: 'j'}], keys: '↓ j', label: 'ligne suivante', hint: '↑↓ choisir'},
	{command: 'pageUp', strokes: [{key: 'pageUp'}], keys: 'PgUp', label: 'page précédente', hint: 'PgUp'},
	{command: 'pageDown', strokes: [{key: 'pageDown'}], keys: 'PgDn', label: 'page suivante', hint: 'PgDn page'},
	{command: 'first', strokes: [{char: 'g'}, {key: 'home'}], keys: 'g Début', label: 'première ligne', hint: 'g début'},
	{command: 'last', strokes: [{char: 'G'}, {key: 'end'}], keys: 'G Fin', label: 'dernière ligne', hint: 'G fin'},
	{command: 'left', strokes: [{key: 'leftArrow'}], keys: '←', label: 'section précédente', hint: '←→ section', views: ['dashboard']},
	{command: 'right', strokes: [{key: 'rightArrow'}], keys: '→', label: 'section suivante', hint: '←→ section', views: ['dashboard']},
	{command: 'open', strokes: [{key: 'return'}], keys: 'Entrée', label: 'ouvrir la file / la fiche', hint: 'Entrée ouvrir', views: ['dashboard', 'queue'], footer: ['dashboard', 'queue']},
	// the edits (source/ui/edits): on the selected step, the person shown, or the person highlighted in the queue
	{command: 'step-start', strokes: [{char: 'd'}], keys: 'd', label: 'étape → En cours (aussi dans la file « Prévue → En cours »)', hint: 'd/t/i étape', views: ['participant', 'queue'], footer: ['participant']},
	{command: 'step-finish', strokes: [{char: 't'}], keys: 't', label: 'étape → Terminée, fin aujourd’hui si absente (aussi dans sa file)', hint: 'd/t/i étape', views: ['participant', 'queue'], footer: ['participant']},
	{command: 'step-interrupt', strokes: [{char: 'i'}], keys: 'i', label: 'étape → Interrompue, fin aujourd’hui', hint: 'd/t/i étape', views: ['participant'], footer: ['participant']},
	{command: 'step-edit', strokes: [{char: 'm'}], keys: 'm', label: 'modifier l’étape : libellé, type, dates, état', hint: 'm modifier', views: ['participant']},
	{command: 'step-add', strokes: [{char: '+'}, {char: 'A'}], keys: '+ A', label: 'ajouter une étape', hint: '+ étape', views: ['participant']},
	{command: 'interview', strokes: [{char: 'e'}], keys: 'e', label: 'entretien individuel aujourd’hui', hint: 'e entretien', views: ['participant', 'queue'], footer: ['participant']},
	{command: 'event-form', strokes: [{key: 'tab'}], keys: 'Tab', label: 'autre événement : type, date, note', hint: 'Tab événement', views: ['participant']},
	{command: 'absence', strokes: [{char: 'a'}], keys: 'a', label: 'absence injustifiée aujourd’hui', hint: 'a absence', views: ['participant', 'queue']},
	{command: 'contract', strokes: [{char: 'c'}], keys: 'c', label: 'CER (début, fin, renouvellement de 6 ou 12 mois) et code ROME', hint: 'c contrat', views: ['participant']},
	{command: 'standby', strokes: [{char: 'v'}], keys: 'v', label: 'mettre en veille (depuis le, motif) / sortir de veille', hint: 'v veille', views: ['participant', 'queue']},
	{command: 'exit', strokes: [{char: 'x'}], keys: 'x', label: 'sortie : date, type, motif (phase d’accueil : non-intégration)', hint: 'x sortie', views: ['participant', 'queue']},
	{command: 'snooze', strokes: [{char: 'z'}], keys: 'z', label: 'mettre une alerte en attente : raison et date de fin', hint: 'z attente', views: ['participant', 'queue']},
	{command: 'undo', strokes: [{char: 'u'}], keys: 'u', label: 'annuler la dernière modification (plusieurs fois)', hint: 'u annuler', footer: ['participant']},
	{command: 'export-cellule', strokes: [{char: 'E'}], keys: 'E', label: 'préparation de la cellule de suivi (.xlsx dans le dossier courant)', hint: 'E cellule', footer: ['dashboard']},
	{command: 'next', strokes: [{char: 'n'}], keys: 'n', label: 'bénéficiaire suivant·e de la file', hint: 'n suivant', views: ['participant'], footer: ['participant']},
	{command: 'previous', strokes: [{char: 'p'}], keys: 'p', label: 'bénéficiaire précédent·e de la file', hint: 'p précédent', views: ['participant']},
	{command: 'back', strokes: [{key: 'escape'}], keys: 'Échap', label: 'revenir d’un niveau (ou effacer le filtre)', hint: 'Échap retour', footer: ['queue']},
	{command: 'filter', strokes: [{char: '/'}], keys: '/', label: 'filtrer la liste (nom ou identifiant)', hint: '/ filtrer', views: ['dashboard', 'queue'], footer: ['queue']},
	{command: 'referent', strokes: [{char: 'r'}], keys: 'r', label: 'choisir le ou la référent·e (ou Tous)', hint: 'r référent', footer: ['dashboard']},
	{command: 'discretion', strokes: [{char: '*'}], keys: '*', label: 'mode discrétion : initiales, sans n° CAF ni France Travail', hint: '* discrétion'},
	{command: 'help', strokes: [{char: '?'}], keys: '?', label: 'aide : toutes les touches', hint: '? aide', footer: ALL_VIEWS},
	{command: 'quit', strokes: [{char: 'q'}], keys: 'q Ctrl-C', label: 'quitter', hint: 'q quitter', footer: ALL_VIEWS},
];

/** The letters of the edits (d t i: step state, e a: events, v: standby, x: exit, z: snooze, u: undo, E: export). */
export const EDIT_KEYS = ['d', 't', 'i', 'e', 'a', 'v', 'x', 'z', 'u', 'E'] as const;

function matches(stroke: KeyStroke, input: string, key: Key): boolean {
	if ('char' in stroke) return input === stroke.char && !key.ctrl && !key.meta;
	return key[stroke.key] === true;
}

/** The command bound to a key press in a view, or undefined. Ctrl-C is handled by Ink itself. */
export function commandFor(input: string, key: Key, view: View, bindings: readonly Binding[] = KEYMAP): Command | undefined {
	for (const binding of bindings) {
		if (binding.views && !binding.views.includes(view)) continue;
		if (binding.strokes.some(stroke => matches(stroke, input, key))) return binding.command;
	}
	return undefined;
}

export function footerBindings(view: View, bindings: readonly Binding[] = KEYMAP): Binding[] {
	return bindings.filter(binding => binding.footer?.includes(view));
}
