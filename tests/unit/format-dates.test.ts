import { describe, expect, it } from 'vitest';
import { formatDate, formatShortDate, parseDate } from '$lib/format';

describe('parseDate reads dates the British way', () => {
	it.each([
		['30/09/2026', '2026-09-30'],
		['30/9/2026', '2026-09-30'],
		['1.2.2024', '2024-02-01'],
		['01-02-2024', '2024-02-01'],
		['2026-09-30', '2026-09-30'],
		[' 29/02/2024 ', '2024-02-29'],
		['30 September 2026', '2026-09-30'],
		['30 Sept 2026', '2026-09-30'],
		['1st March 2024', '2024-03-01']
	])('%s -> %s', (text, iso) => {
		expect(parseDate(text)).toEqual({ iso });
	});

	it('reads 02/03/2024 as 2 March, never 3 February', () => {
		expect(parseDate('02/03/2024')).toEqual({ iso: '2024-03-02' });
	});

	it.each([
		['09/30/2026', /no month 30/],
		['31/02/2026', /February 2026 has no day 31/],
		['29/02/2025', /February 2025 has no day 29/],
		['30/09/26', /two-figure year/],
		['yesterday', /not a date/],
		['30 Septober 2026', /not the name of a month/],
		['', /No date given/],
		['30/09/1066', /out of range/]
	])('%s is refused in plain words', (text, why) => {
		const r = parseDate(text);
		expect('error' in r && r.error).toMatch(why);
	});
});

describe('dates shown', () => {
	it('day first, in words and in figures', () => {
		expect(formatDate('2026-09-30')).toBe('30 September 2026');
		expect(formatShortDate('2026-09-30')).toBe('30/09/2026');
		expect(formatShortDate(null)).toBe('');
	});
});
