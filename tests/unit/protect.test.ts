/**
 * Small-number protection of what the views draw, on hand-made results where a hidden count could
 * otherwise be worked out from a total and the other cells.
 */
import { describe, expect, it } from 'vitest';
import { isHidden } from '$lib/privacy/suppress';
import {
	barsShown,
	protectAgencyRows,
	protectBuckets,
	protectCurveLines,
	protectShares,
	protectStatusTable,
	protectThemeYear,
	protectTiles,
	tooFewReviews
} from '$lib/privacy/protect';
import type { AgencyRow } from '$lib/queries/agencies';
import type { ThemeYearShares } from '$lib/queries/themes';

const R = { below: 5 };
const hidden = (v: unknown) => isHidden(v);

describe('tiles', () => {
	it('hides small counts and a percentage built on one', () => {
		const t = protectTiles({ reviews: 3, recommendations: 20, actions: 40, actions_completed: 2, pct_completed: 5, actions_overdue: 12 }, R);
		expect(hidden(t.reviews)).toBe(true);
		expect(t.recommendations).toBe(20);
		expect(hidden(t.actions_completed)).toBe(true);
		expect(hidden(t.pct_completed)).toBe(true); // 5% of 40 would give the 2 back
		expect(t.actions_overdue).toBe(12);
	});

	it('changes nothing when protection is off', () => {
		const t = { reviews: 3, recommendations: 20, actions: 40, actions_completed: 2, pct_completed: 5, actions_overdue: 12 };
		expect(protectTiles(t, null)).toEqual(t);
	});
});

describe('status by year (statuses add up to the year total in the table)', () => {
	it('hides a second status of the year, so the small one cannot be worked out', () => {
		const [row] = protectStatusTable(
			[{ year: 2020, counts: { completed: 30, 'in progress': 8, 'not started': 2, 'not accepted': 0 }, total: 40, pct_completed: 75 }],
			R
		);
		expect(row.total).toBe(40);
		expect(hidden(row.counts['not started'])).toBe(true);
		expect(hidden(row.counts['in progress'])).toBe(true); // else 40 - 30 - 8 - 0 = 2
		expect(row.counts.completed).toBe(30);
		expect(row.counts['not accepted']).toBe(0);
		expect(row.pct_completed).toBe(75);
	});
});

describe('overdue bands (they add up to the open actions)', () => {
	it('hides a second band', () => {
		const b = protectBuckets(
			[
				{ bucket: 'not-due', label: 'Not yet due', n: 50 },
				{ bucket: '1-30', label: '1–30 days', n: 3 },
				{ bucket: '31-90', label: '31–90 days', n: 9 },
				{ bucket: '91-365', label: '91–365 days', n: 20 },
				{ bucket: 'over-365', label: 'Over a year', n: 0 }
			] as never,
			R
		);
		expect(b.map((x) => hidden(x.n))).toEqual([false, true, true, false, false]);
	});
});

describe('agencies (a row: completed + open + not accepted = actions; a column adds up to a tile)', () => {
	const row = (agency: string, actions: number, completed: number, open: number, overdue: number): AgencyRow => ({
		agency,
		recommendations: 10,
		actions,
		completed,
		pct_completed: actions ? Math.round((1000 * completed) / actions) / 10 : null,
		completed_dated: completed,
		on_time: completed,
		pct_on_time: completed ? 100 : null,
		median_days: completed ? 200 : null,
		open,
		overdue
	});

	it('hides open when completed is hidden in a row (actions less one gives the other)', () => {
		const [a] = protectAgencyRows([row('Police', 30, 3, 27, 20)], R);
		expect(hidden(a.completed)).toBe(true);
		expect(hidden(a.open)).toBe(true);
		expect(hidden(a.pct_completed)).toBe(true);
		expect(hidden(a.median_days)).toBe(true);
		expect(a.actions).toBe(30);
	});

	it('hides a second agency in a column with one small value', () => {
		const rows = protectAgencyRows([row('A', 30, 20, 10, 2), row('B', 40, 30, 10, 9), row('C', 50, 30, 20, 15)], R);
		expect(rows.map((r) => hidden(r.overdue))).toEqual([true, true, false]);
	});

	it('draws bars with the values the table shows', () => {
		const bars = barsShown([{ key: 'A', value: 2 }, { key: 'B', value: 9 }], new Map([['A', NaN], ['B', NaN]]), R);
		expect(bars.every((b) => hidden(b.value))).toBe(true);
	});
});

describe('theme shares', () => {
	const d: ThemeYearShares = {
		themes: [{ id: 'marac', label: 'MARAC', reviews: 14 }],
		years: [{ year: 2020, reviews: 10 }, { year: 2021, reviews: 12 }],
		rows: [
			{ theme: 'marac', year: 2020, reviews_with_theme: 3, reviews_in_year: 10, share: 30 },
			{ theme: 'marac', year: 2021, reviews_with_theme: 11, reviews_in_year: 12, share: 91.7 }
		],
		reviews: 22,
		without_year: 0
	};

	it('hides the small year, the other year of the theme (its total is shown) and both shares', () => {
		const p = protectShares(d, R);
		expect(p.rows.map((r) => hidden(r.reviews_with_theme))).toEqual([true, true]);
		expect(p.rows.map((r) => hidden(r.share))).toEqual([true, true]);
		expect(p.themes[0].reviews).toBe(14);
		expect(p.years.map((y) => y.reviews)).toEqual([10, 12]);
	});
});

describe('theme × year matrix and completion curve', () => {
	it('complements within a theme row', () => {
		const m = protectThemeYear(
			{
				themes: [{ id: 't', label: 'T', total: 30 }],
				years: [2020, 2021, 2022],
				cells: [
					{ theme: 't', year: 2020, recommendations: 2 },
					{ theme: 't', year: 2021, recommendations: 12 },
					{ theme: 't', year: 2022, recommendations: 16 }
				],
				without_year: 0
			},
			R
		);
		expect(m.cells.map((c) => hidden(c.recommendations))).toEqual([true, true, false]);
	});

	it('hides a curve point with a small base or count, and its percentage', () => {
		const [l] = protectCurveLines([{ points: [{ months: 0, eligible: 4, completed: 1, pct: 25 }, { months: 1, eligible: 40, completed: 3, pct: 7.5 }, { months: 2, eligible: 40, completed: 20, pct: 50 }] }], R);
		expect(l.points.map((p) => hidden(p.pct))).toEqual([true, true, false]);
	});
});

describe('lists narrowed to fewer than N reviews', () => {
	it('counts the reviews behind the rows', () => {
		const rows = [{ review_id: 'a' }, { review_id: 'a' }, { review_id: 'b' }];
		expect(tooFewReviews(rows, R)).toBe(2);
		expect(tooFewReviews(rows, null)).toBeNull();
		expect(tooFewReviews([], R)).toBeNull();
		expect(tooFewReviews(['a', 'b', 'c', 'd', 'e'].map((review_id) => ({ review_id })), R)).toBeNull();
	});
});
