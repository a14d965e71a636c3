/** The filter model's round trip through the URL, and what it refuses. */
import { describe, expect, it } from 'vitest';
import { emptyFilters, filtersToParams, isEmpty, parseFilters, toggle, withValues } from '$lib/filters/filters';

const known = { partnership: new Set(['Ashbury CSP', 'Brackenford CSP']), theme: new Set(['marac']) };

describe('parseFilters', () => {
	it.each([
		['empty', '', {}, []],
		['a period', 'from=2015&to=2020', { from: 2015, to: 2020 }, []],
		['a bad year', 'from=15', {}, ['Ignored "from=15": not a year.']],
		['a backwards period', 'from=2020&to=2015', {}, ['Ignored the period 2020–2015: it ends before it starts.']],
		['an as-at date', 'asat=2025-03-31', { asAt: '2025-03-31' }, []],
		['an impossible date', 'asat=2025-02-30', {}, ['Ignored the as-at date "2025-02-30": not a date in the form yyyy-mm-dd.']],
		['an unknown partnership', 'partnership=Nowhere', {}, ['Ignored partnership "Nowhere": not in this dataset.']]
	])('%s', (_n, query, expected, notices) => {
		const r = parseFilters(new URLSearchParams(query), known);
		expect(r.filters).toMatchObject({ ...emptyFilters(), ...expected, values: emptyFilters().values });
		expect(r.notices).toEqual(notices);
	});

	it('keeps known values, sorted and without repeats, and drops unknown ones', () => {
		const r = parseFilters(new URLSearchParams('partnership=Brackenford+CSP&partnership=Ashbury+CSP&partnership=Ashbury+CSP&theme=nope'), known);
		expect(r.filters.values.partnership).toEqual(['Ashbury CSP', 'Brackenford CSP']);
		expect(r.filters.values.theme).toEqual([]);
		expect(r.notices).toEqual(['Ignored theme "nope": not in this dataset.']);
	});

	it('accepts any value while the data is not loaded yet', () => {
		expect(parseFilters(new URLSearchParams('agency=Anything')).filters.values.agency).toEqual(['Anything']);
	});
});

describe('filtersToParams', () => {
	it('round-trips, in a stable order', () => {
		let f = withValues(emptyFilters(), 'theme', ['marac']);
		f = toggle(f, 'partnership', 'Brackenford CSP');
		f = toggle(f, 'partnership', 'Ashbury CSP');
		f = { ...f, from: 2012, asAt: '2026-01-31' };
		const qs = filtersToParams(f).toString();
		expect(qs).toBe('from=2012&partnership=Ashbury+CSP&partnership=Brackenford+CSP&theme=marac&asat=2026-01-31');
		expect(parseFilters(new URLSearchParams(qs), known).filters).toEqual(f);
	});
	it('toggle switches a value off again; isEmpty sees no filters', () => {
		const f = toggle(toggle(emptyFilters(), 'status', 'completed'), 'status', 'completed');
		expect(isEmpty(f)).toBe(true);
	});
});
