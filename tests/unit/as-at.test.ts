/** The as-at date: one parser, one default rule, one SQL literal. */
import { describe, expect, it } from 'vitest';
import { defaultAsAt, isAsAt, parseAsAt, toAsAt, todayAsAt } from '$lib/model/as-at';
import { dateLiteral } from '$lib/db/derived';

describe('parseAsAt', () => {
	it.each([
		['2026-09-30', '2026-09-30'],
		['2024-02-29', '2024-02-29'],
		['2025-02-29', null],
		['2025-02-30', null],
		['2026-13-01', null],
		['2026-9-30', null],
		['30/09/2026', null],
		[' 2026-09-30', null],
		["2026-09-30'; DROP TABLE actions; --", null],
		['', null]
	])('%j gives %j', (text, expected) => {
		expect(parseAsAt(text)).toBe(expected);
		expect(isAsAt(text)).toBe(expected !== null);
	});

	it('takes nothing for nothing', () => {
		expect(parseAsAt(null)).toBeNull();
		expect(parseAsAt(undefined)).toBeNull();
	});

	it('toAsAt says in words what it refuses', () => {
		expect(toAsAt('2026-09-30')).toBe('2026-09-30');
		expect(() => toAsAt('2026-02-30')).toThrow('Not a date: "2026-02-30" (expected yyyy-mm-dd)');
	});

	it('the SQL literal goes through the same check', () => {
		expect(dateLiteral('2026-09-30')).toBe("DATE '2026-09-30'");
		expect(() => dateLiteral('2026-02-30')).toThrow(/Not a date/);
	});
});

describe('defaultAsAt', () => {
	// A fixed "now", late in the day in UTC: the date is the UTC one.
	const now = new Date('2026-12-04T23:30:00Z');

	it("is the dataset's own as-at date when it has one", () => {
		expect(defaultAsAt({ as_at: '2026-09-30' }, now)).toBe('2026-09-30');
	});

	it('is today in UTC when the dataset has none, or none that is a date', () => {
		expect(defaultAsAt({ as_at: null }, now)).toBe('2026-12-04');
		expect(defaultAsAt({}, now)).toBe('2026-12-04');
		expect(defaultAsAt(null, now)).toBe('2026-12-04');
		expect(defaultAsAt({ as_at: 'last Tuesday' }, now)).toBe('2026-12-04');
		expect(todayAsAt(now)).toBe('2026-12-04');
	});
});
