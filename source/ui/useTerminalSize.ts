// The terminal's size, updated on 'resize' so that every screen re-lays out.
// Ink 6.8 has no size hook; its stdout stream emits 'resize' like process.stdout.
import {useStdout} from 'ink';
import {useEffect, useState} from 'react';

export interface TerminalSize {
	readonly columns: number;
	readonly rows: number;
}

/** What a stream without a size (a test stream, a pipe) is taken to be: the classic 80×24. */
export const DEFAULT_SIZE: TerminalSize = {columns: 80, rows: 24};

function sizeOf(stream: NodeJS.WriteStream): TerminalSize {
	return {columns: stream.columns || DEFAULT_SIZE.columns, rows: stream.rows || DEFAULT_SIZE.rows};
}

export function useTerminalSize(): TerminalSize {
	const {stdout} = useStdout();
	const [size, setSize] = useState(() => sizeOf(stdout));
	useEffect(() => {
		const onResize = () => setSize(sizeOf(stdout));
		stdout.on('resize', onResize);
		onResize();
		return () => {
			stdout.off('resize', onResize);
		};
	}, [stdout]);
	return size;
}
