// The dashboard's first frame while the store is still being read: the counts
// come from the byte scan of the file (store/storeScan.ts), in a few hundred
// milliseconds at 10,000 participants, and the screen is the dashboard's own
// (same frame, same rows). The full dashboard replaces it in place once the
// participants are read; keys typed meanwhile wait for it. The échéances' line
// needs every participant's dates: it says they are on their way.
import {referentsShown, type Visibility} from '../domain/visibility.js';
import {Box, Text} from 'ink';
import React from 'react';
import type {Day} from '../domain/calendar.js';
import type {Settings} from '../domain/settings.js';
import type {TriageQueues} from '../domain/triage.js';
import {dashboardStatus, DashboardScreen} from './DashboardScreen.js';
import {ECHEANCES_PENDING} from './echeances/echeancesData.js';
import {truncate} from './format.js';
import {Frame} from './Frame.js';
import {dashboardRows} from './screenData.js';
import {bodyHeight} from './theme.js';
import {useTerminalSize} from './useTerminalSize.js';

export interface DashboardPreviewProps {
	readonly queues: TriageQueues;
	readonly settings: Settings;
	readonly storePath: string;
	readonly today: Day;
	readonly color?: boolean;
	/** whose participants the store shows (a référent login on a base): the header names them */
	readonly visible?: Visibility;
}

export function DashboardPreview({queues, settings, storePath, today, color, visible}: DashboardPreviewProps) {
	const {columns: width, rows} = useTerminalSize();
	const height = bodyHeight(rows);
	const dashboard = dashboardRows(queues, '');
	return (
		<Frame
			color={color !== false}
			width={width}
			height={height}
			header={{referent: referentsShown(undefined, visible), today, storePath, settings, discretion: false}}
			status={dashboardStatus(dashboard, 0)}
			scopes={['dashboard']}
		>
			<Box flexDirection="column">
				<Text wrap="truncate-end">{truncate(ECHEANCES_PENDING, width)}</Text>
				<DashboardScreen rows={dashboard} cursor={0} width={width} height={height - 1} />
			</Box>
		</Frame>
	);
}
