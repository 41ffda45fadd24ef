import fc from 'fast-check';
import {addMonths as addMonthsFns, differenceInCalendarDays} from 'date-fns';
import {describe, expect, it} from 'vitest';
import {
	addMonths,
	dayFromParts,
	frenchDate,
	isoFromDay,
	monthsBetween,
	parseIsoDate,
	partsOfDay,
	toDay,
	weekday,
} from '../../source/domain/calendar.js';

describe('calendar dates', () => {
	it('refuses dates that do not exist', () => {
		expect(parseIsoDate('2026-02-30')).toBeUndefined();
		expect(parseIsoDate('2026-13-01')).toBeUndefined();
		expect(parseIsoDate('2026-2-3')).toBeUndefined();
		expect(parseIsoDate('2028-02-29')).toBe(toDay('2028-02-28') + 1);
		expect(parseIsoDate('2027-02-29')).toBeUndefined();
	});

	it('reads any YYYY-MM-DD as the calendar does (Date.UTC), existing or not, 1900 and 2100 included', () => {
		const pad = (n: number, width: number) => String(n).padStart(width, '0');
		fc.assert(
			fc.property(fc.integer({min: 100, max: 9999}), fc.integer({min: 0, max: 13}), fc.integer({min: 0, max: 32}), (year, month, day) => {
				const text = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
				expect(parseIsoDate(text)).toBe(dayFromParts(year, month, day));
			}),
			{numRuns: 3000},
		);
		for (const text of ['1900-02-29', '2100-02-29', '2000-02-29', '1899-12-31', '2199-12-31', '2200-01-01']) {
			expect(parseIsoDate(text)).toBe(dayFromParts(Number(text.slice(0, 4)), Number(text.slice(5, 7)), Number(text.slice(8))));
		}
	});

	it('adds months the date-fns way: 31 August + 6 months is the end of February', () => {
		expect(isoFromDay(addMonths(toDay('2026-08-31'), 6))).toBe('2027-02-28');
		expect(isoFromDay(addMonths(toDay('2027-08-31'), 6))).toBe('2028-02-29');
		expect(isoFromDay(addMonths(toDay('2028-02-29'), 12))).toBe('2029-02-28');
		expect(isoFromDay(addMonths(toDay('2026-01-31'), 1))).toBe('2026-02-28');
	});

	it('counts full months as the inverse of addMonths (§3 months)', () => {
		expect(monthsBetween(toDay('2026-05-22'), toDay('2026-11-21'))).toBe(5);
		expect(monthsBetween(toDay('2026-05-22'), toDay('2026-11-22'))).toBe(6);
		// integrated 31/05: 31/05 + 6 months = 30/11, so 6 full months on 30/11 (differenceInMonths says 5)
		expect(monthsBetween(toDay('2026-05-31'), toDay('2026-11-29'))).toBe(5);
		expect(monthsBetween(toDay('2026-05-31'), toDay('2026-11-30'))).toBe(6);
		// 31/01 + 1 month = 28/02 (29/02 in a leap year)
		expect(monthsBetween(toDay('2026-01-31'), toDay('2026-02-27'))).toBe(0);
		expect(monthsBetween(toDay('2026-01-31'), toDay('2026-02-28'))).toBe(1);
		expect(monthsBetween(toDay('2028-01-31'), toDay('2028-02-28'))).toBe(0);
		expect(monthsBetween(toDay('2028-01-31'), toDay('2028-02-29'))).toBe(1);
		// 29/02 + 12 months = 28/02, 31/08 + 6 months = 28/02
		expect(monthsBetween(toDay('2024-02-29'), toDay('2025-02-27'))).toBe(11);
		expect(monthsBetween(toDay('2024-02-29'), toDay('2025-02-28'))).toBe(12);
		expect(monthsBetween(toDay('2026-08-31'), toDay('2027-02-27'))).toBe(5);
		expect(monthsBetween(toDay('2026-08-31'), toDay('2027-02-28'))).toBe(6);
		// no month before the start, none on the day itself
		expect(monthsBetween(toDay('2026-05-22'), toDay('2026-05-22'))).toBe(0);
		expect(monthsBetween(toDay('2026-05-22'), toDay('2026-01-01'))).toBe(0);
	});

	it('agrees with date-fns on any pair of dates (property)', () => {
		const anyDay = fc.integer({min: toDay('2015-01-01'), max: toDay('2035-12-31')});
		fc.assert(
			fc.property(anyDay, anyDay, fc.integer({min: 0, max: 40}), (a, b, n) => {
				const local = (d: number) => {
					const [y, m, dd] = isoFromDay(d).split('-').map(Number);
					return new Date(y!, m! - 1, dd);
				};
				expect(b - a).toBe(differenceInCalendarDays(local(b), local(a)));
				const added = addMonthsFns(local(a), n);
				expect(isoFromDay(addMonths(a, n))).toBe(
					`${added.getFullYear()}-${String(added.getMonth() + 1).padStart(2, '0')}-${String(added.getDate()).padStart(2, '0')}`,
				);
			}),
		);
	});

	it('formats dates dd/mm/yyyy and knows the weekday', () => {
		expect(frenchDate(toDay('2026-11-22'))).toBe('22/11/2026');
		expect(frenchDate('2027-01-05')).toBe('05/01/2027');
		expect(weekday(toDay('2026-11-22'))).toBe(0); // a Sunday
		expect(weekday(toDay('2026-12-08'))).toBe(2); // a Tuesday
		expect(dayFromParts(2026, 2, 29)).toBeUndefined();
	});
});

describe('month arithmetic without date-fns', () => {
	// calendar.ts follows date-fns 4 on calendar numbers; date-fns itself is the reference
	const local = (day: number) => {
		const p = partsOfDay(day);
		return new Date(p.year, p.month - 1, p.day);
	};
	const start = toDay('2023-01-01');
	const days = Array.from({length: 1200}, (_, i) => start + i);

	it('addMonths answers what date-fns addMonths answers', () => {
		for (const day of days) {
			for (const months of [-25, -13, -6, -1, 1, 2, 3, 6, 11, 12, 24]) {
				const expected = addMonthsFns(local(day), months);
				const parts = partsOfDay(addMonths(day, months));
				expect([parts.year, parts.month, parts.day], `${isoFromDay(day)} + ${months}`).toEqual([
					expected.getFullYear(),
					expected.getMonth() + 1,
					expected.getDate(),
				]);
			}
		}
	});

	it('monthsBetween is the largest m ≥ 0 with date-fns addMonths(from, m) ≤ to', () => {
		const after = (day: number, months: number) => {
			const added = addMonthsFns(local(day), months);
			return dayFromParts(added.getFullYear(), added.getMonth() + 1, added.getDate())!;
		};
		for (const from of days) {
			for (let to = start - 40; to < start + 1240; to += 23) {
				const m = monthsBetween(from, to);
				const label = `${isoFromDay(from)} → ${isoFromDay(to)}`;
				if (to < from) {
					expect(m, label).toBe(0);
					continue;
				}
				expect(after(from, m) <= to, label).toBe(true);
				expect(after(from, m + 1) > to, label).toBe(true);
			}
		}
	});

	it('monthsBetween inverts addMonths on any pair of days (property)', () => {
		// from 2000: date-fns works on local dates, and Pacific/Kiritimati skipped 31/12/1994 (CI runs there)
		const anyDay = fc.integer({min: toDay('2000-01-01'), max: toDay('2060-12-31')});
		fc.assert(
			fc.property(anyDay, anyDay, (a, b) => {
				const m = monthsBetween(a, b);
				if (b < a) return m === 0;
				const at = (n: number) => {
					const added = addMonthsFns(local(a), n);
					return dayFromParts(added.getFullYear(), added.getMonth() + 1, added.getDate())!;
				};
				return m >= 0 && at(m) <= b && at(m + 1) > b;
			}),
			{numRuns: 5000},
		);
	});
});
