// The save status (edits/saveStatus.ts) as React state: re-renders when it changes.
import {useSyncExternalStore} from 'react';
import type {SaveStatus} from './edits/saveStatus.js';

const NONE: SaveStatus = {subscribe: () => () => undefined, current: () => undefined};

export function useSaveStatus(source: SaveStatus | undefined): string | undefined {
	const {subscribe, current} = source ?? NONE;
	return useSyncExternalStore(subscribe, current, current);
}
