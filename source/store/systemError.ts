// A file-system refusal (folder missing, a file where a folder is expected, no
// space, no right…) in French: the store's readers say why they cannot read, and
// the command line turns any refusal no module described into its path and reason
// (exit 1). Here, under the commands and io, so that every layer can use it.

const REASONS: Readonly<Record<string, string>> = {
	ENOENT: 'fichier ou dossier introuvable',
	ENOTDIR: 'un élément du chemin est un fichier, pas un dossier',
	EEXIST: 'un fichier porte déjà ce nom (un dossier est attendu)',
	EISDIR: 'c’est un dossier, pas un fichier',
	EACCES: 'accès refusé (droits d’accès)',
	EPERM: 'opération refusée (droits d’accès)',
	EROFS: 'disque en lecture seule',
	ENOSPC: 'disque plein',
	EDQUOT: 'quota disque dépassé',
	ENAMETOOLONG: 'nom de fichier trop long',
	EBUSY: 'fichier occupé (ouvert dans un autre programme ?)',
	EMFILE: 'trop de fichiers ouverts',
	ELOOP: 'trop de liens symboliques',
	// FileChangedError (regularFile.ts)
	ECHANGED: 'le fichier a changé pendant sa lecture : un programme l’écrit-il encore ? Attendez la fin de l’enregistrement, puis recommencez',
};

interface SystemErrorLike {
	readonly code?: unknown;
	readonly path?: unknown;
	readonly dest?: unknown;
}

/** The French reason of a Node file-system error (no path), or undefined. */
export function systemReason(error: unknown): string | undefined {
	const code = (error as SystemErrorLike | null)?.code;
	const kind = (error as {kind?: unknown} | null)?.kind;
	// NotRegularFileError (regularFile.ts): a FIFO, a device where a file is read
	if (code === 'ENOTREG' && typeof kind === 'string') return `c’est ${kind}, pas un fichier ordinaire`;
	return typeof code === 'string' ? REASONS[code] : undefined;
}

/** The French message of a Node file-system error, or undefined when `error` is not one. */
export function describeSystemError(error: unknown): string | undefined {
	if (typeof error !== 'object' || error === null) return undefined;
	const {code, path, dest} = error as SystemErrorLike;
	if (typeof code !== 'string') return undefined;
	const reason = systemReason(error);
	if (reason === undefined) return undefined;
	const where = typeof path === 'string' ? path : undefined;
	const target = typeof dest === 'string' ? ` → ${dest}` : '';
	return `${where === undefined ? '' : `${where}${target} : `}${reason}.`;
}
