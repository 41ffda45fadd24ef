// What the status line says about saving, whatever key was pressed since: the
// saves not on disk yet (« en cours d'enregistrement »), and a wait for a store
// another person is writing (« fichier occupé par … »). A small external store
// (subscribe / current) the Dashboard reads with useSyncExternalStore, fed by the
// EditSession's count and the store layer's notices; no React here.
import type {EditSession} from '../../store/editSession.js';

export interface SaveStatus {
	readonly subscribe: (listener: () => void) => () => void;
	/** the text to show, or undefined when everything asked for is on disk */
	readonly current: () => string | undefined;
}

export interface SaveStatusFeed extends SaveStatus {
	/** a wait for the lock (text), or its end (undefined) */
	readonly busy: (text: string | undefined) => void;
}

export function savingText(saving: number, busy: string | undefined): string | undefined {
	const parts: string[] = [];
	if (saving > 0) parts.push(saving === 1 ? '⏳ en cours d’enregistrement…' : `⏳ ${saving} modifications en cours d’enregistrement…`);
	if (busy !== undefined) parts.push(busy.charAt(0).toUpperCase() + busy.slice(1));
	return parts.length === 0 ? undefined : parts.join(' · ');
}

export function createSaveStatus(session: Pick<EditSession, 'saving' | 'onSaving'>): SaveStatusFeed {
	const listeners = new Set<() => void>();
	let busyText: string | undefined;
	let text = savingText(session.saving, busyText);
	const update = () => {
		const next = savingText(session.saving, busyText);
		if (next === text) return;
		text = next;
		for (const listener of listeners) listener();
	};
	session.onSaving(update);
	return {
		subscribe: listener => {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		current: () => text,
		busy: next => {
			busyText = next;
			update();
		},
	};
}
