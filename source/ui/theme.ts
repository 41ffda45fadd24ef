// Colours are an extra: every meaning is also carried by a symbol ('!', '›'),
// so the screens read the same with NO_COLOR (https://no-color.org).
import {createContext, useContext} from 'react';

export interface Theme {
	readonly color: boolean;
}

export const ThemeContext = createContext<Theme>({color: true});

export function useTheme(): Theme {
	return useContext(ThemeContext);
}

/** The colour to use, or undefined when colours are off. */
export function tint(theme: Theme, color: string): string | undefined {
	return theme.color ? color : undefined;
}

/** Screen lines around the body: two header lines, a status line, the footer. */
export const CHROME_LINES = 4;

/** Lines left to a screen's body: Ink 6 flickers when the output reaches the terminal's height. */
export function bodyHeight(rows: number): number {
	return Math.max(3, rows - 1 - CHROME_LINES);
}
