// First screen: the indicator counts by section. (The full dashboard is issue 4.)
import {Box, Text, useApp, useInput} from 'ink';
import React, {useMemo} from 'react';
import {type Day, frenchDate} from '../domain/calendar.js';
import {SECTIONS} from '../domain/indicators.js';
import {triage} from '../domain/triage.js';
import type {Store} from '../store/openStore.js';

export interface AppProps {
	readonly store: Store;
	readonly storePath: string;
	readonly today: Day;
	readonly referent?: string;
}

export function App({store, storePath, today, referent}: AppProps) {
	const {exit} = useApp();
	useInput(input => {
		if (input === 'q') exit();
	});
	const result = useMemo(
		() => triage(store.data.participants, {today, settings: store.data.settings, referent, hideSnoozed: true}),
		[store, today, referent],
	);
	return (
		<Box flexDirection="column">
			<Text bold>
				plie-triage — {referent ?? 'Tous'} — {frenchDate(today)} — {storePath}
			</Text>
			{SECTIONS.map(section => (
				<Box key={section.id} flexDirection="column">
					<Text underline>{section.label}</Text>
					{result.indicators
						.filter(indicator => indicator.definition.section === section.id)
						.map(indicator => (
							<Text key={indicator.definition.id}>
								{'  '}
								{indicator.definition.label} : {indicator.entries.length}
							</Text>
						))}
				</Box>
			))}
			<Text dimColor>q : quitter</Text>
		</Box>
	);
}
