// The preparation due date for the header, computed once the holiday calendar is
// loaded: date-holidays costs ~150 ms to load, which the first frame need not wait for.
import {useEffect, useState} from 'react';
import type {Day} from '../domain/calendar.js';
import type {Settings} from '../domain/settings.js';

export function usePreparationDue(meeting: Day | undefined, settings: Settings): Day | undefined {
	const [due, setDue] = useState<{meeting: Day; due: Day}>();
	const {workingDays, preparationWorkingDays} = settings;
	useEffect(() => {
		if (meeting === undefined) return;
		let live = true;
		void import('../domain/workingDays.js').then(({preparationDueDate}) => {
			if (live) setDue({meeting, due: preparationDueDate(meeting, {...settings, workingDays, preparationWorkingDays})});
		});
		return () => {
			live = false;
		};
		// the due date depends only on these settings
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [meeting, workingDays, preparationWorkingDays]);
	return due !== undefined && due.meeting === meeting ? due.due : undefined;
}
