// The kinds of échéance of REFERENTIEL §7, in the order of its table (which is
// also the order of items falling due on the same day). Data, so that a screen
// can filter by kind, a snooze can name one, and the labels live in one place.

export const ECHEANCE_KINDS = [
	{id: 'rdv.next', label: 'Prochain entretien à tenir'},
	{id: 'rdv.planned', label: 'Rendez-vous prévu', per: 'event'},
	{id: 'cer.sign', label: "Contrat d'engagement à signer (1 mois après l'orientation)"},
	{id: 'cer.stock', label: 'CER à signer (couverture du stock RSA)'},
	{id: 'cer.end', label: 'Fin du CER'},
	{id: 'parcours.renewal', label: 'Renouvellement du parcours (cellule)'},
	{id: 'parcours.limit', label: 'Fin des 24 mois sans prolongation'},
	{id: 'standby.review', label: 'Veille à réexaminer (2 mois)'},
	{id: 'step.start', label: 'Étape prévue à démarrer', per: 'step'},
	{id: 'step.end', label: 'Étape à clore', per: 'step'},
	{id: 'exit.letters', label: 'Courriers de sortie (1 mois après la cellule)'},
	{id: 'exit.proof', label: 'Justificatif de sortie positive'},
	{id: 'exit.close', label: 'Dossier de sortie à clôturer (3 mois)'},
] as const satisfies ReadonlyArray<{readonly id: string; readonly label: string; readonly per?: 'step' | 'event'}>;

export type EcheanceKind = (typeof ECHEANCE_KINDS)[number]['id'];
export type EcheanceKindDefinition = (typeof ECHEANCE_KINDS)[number];

export const ECHEANCE_KIND_IDS: readonly EcheanceKind[] = ECHEANCE_KINDS.map(kind => kind.id);

const POSITIONS = new Map<string, number>(ECHEANCE_KIND_IDS.map((id, i) => [id, i]));
const LABELS = new Map<string, string>(ECHEANCE_KINDS.map(kind => [kind.id, kind.label]));

export function isEcheanceKind(id: string): id is EcheanceKind {
	return POSITIONS.has(id);
}

/** The French label of a kind (§7 table, « label (écran) »). */
export function echeanceLabel(kind: EcheanceKind): string {
	return LABELS.get(kind)!;
}

/** Position in §7's table: the order of kinds falling due on the same day. */
export function kindPosition(kind: EcheanceKind): number {
	return POSITIONS.get(kind)!;
}
