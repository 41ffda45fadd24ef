// Discrétion mode for what is shown over the screen (a message, a question): the
// App provides whether it is on and the function hiding names and notes in a text
// (domain/discretion.ts); a panel reads it when it renders, so a conflict message
// naming a person shows their initials while the mode is on.
import {createContext, useContext} from 'react';

export interface Discretion {
	readonly on: boolean;
	/** the text with names as initials and notes hidden when the mode is on; as is otherwise */
	readonly text: (text: string) => string;
}

export const DiscretionContext = createContext<Discretion>({on: false, text: text => text});

export function useDiscretion(): Discretion {
	return useContext(DiscretionContext);
}
