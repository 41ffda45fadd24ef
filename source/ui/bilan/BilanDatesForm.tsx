// `d` on the « Bilan » screen: the period as two dates typed dd/mm/yyyy in the
// dashboard's form (the first key replaces the date shown, + / − move it a day).
import React from 'react';
import {type Day, frenchDate} from '../../domain/calendar.js';
import type {BilanPeriod} from '../../domain/bilan/index.js';
import {parseTypedDate} from '../../domain/edits/dates.js';
import {Form} from '../edits/Form.js';

export interface BilanDatesFormProps {
	/** the period shown now: the form starts from it */
	readonly period: BilanPeriod;
	readonly onChoose: (period: BilanPeriod) => void;
	readonly onCancel: () => void;
	/** dates typed without their year are read against this day */
	readonly today: Day;
}

/** The French refusal for two typed dates, or the period. */
export function readPeriod(fromText: string, toText: string): BilanPeriod | string {
	const from = parseTypedDate(fromText);
	if (from === undefined) return `Du : « ${fromText.trim()} » n’est pas une date possible (jj/mm/aaaa).`;
	const to = parseTypedDate(toText);
	if (to === undefined) return `Au : « ${toText.trim()} » n’est pas une date possible (jj/mm/aaaa).`;
	if (from > to) return `Le début de la période (${frenchDate(from)}) est après sa fin (${frenchDate(to)}).`;
	return {from, to};
}

export function BilanDatesForm({period, onChoose, onCancel, today}: BilanDatesFormProps) {
	return (
		<Form
			today={today}
			title="Bilan : période du … au …"
			note="Dates incluses (jj/mm/aaaa). Entrée : calculer les tableaux sur cette période."
			fields={[
				{key: 'from', label: 'Du', kind: 'date'},
				{key: 'to', label: 'Au', kind: 'date'},
			]}
			initial={{from: frenchDate(period.from), to: frenchDate(period.to)}}
			submit={values => {
				const read = readPeriod(values.from ?? '', values.to ?? '');
				if (typeof read === 'string') return read;
				onChoose(read);
				return undefined;
			}}
			onCancel={onCancel}
		/>
	);
}
