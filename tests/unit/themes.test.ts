/**
 * The themes view: its queries on a hand-counted fixture (tests/unit/helpers/themes-fixture.ts) run
 * in a real DuckDB, and its pure helpers (the rising/falling rule, series, captions) as tables.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeEngine } from '$lib/db/node';
import type { Engine } from '$lib/db/engine';
import type { Filters } from '$lib/filters/filters';
import {
	completeShares,
	factorCooccurrence,
	themeCooccurrence,
	themeYearShares,
	type Cooccurrence,
	type ThemeYearShares
} from '$lib/queries/themes';
import {
	cooccurrenceCaption,
	direction,
	lastCompleteYear,
	sharedMax,
	sharesCaption,
	sharesNote,
	sparseYearFormat,
	themeSeries,
	themeTrends,
	trendPeriods,
	trendSentence,
	type PeriodShare
} from '$lib/views/themes';
import { THEMES } from '$lib/model/themes';
import { filtersWith, loadFixture } from './helpers/fixture';
import { THEMES_AS_AT, THEMES_FIXTURE } from './helpers/themes-fixture';

let engine: Engine;
beforeAll(async () => {
	engine = await openNodeEngine();
	await loadFixture(engine, THEMES_FIXTURE);
});
afterAll(() => engine?.close());

const f = filtersWith;

/** The non-zero cells as [theme, year, reviews with it, reviews that year], in the order returned. */
const nonZero = (d: ThemeYearShares) =>
	d.rows.filter((r) => r.reviews_with_theme > 0).map((r) => [r.theme, r.year, r.reviews_with_theme, r.reviews_in_year]);
const yearsOf = (d: ThemeYearShares) => d.years.map((y) => [y.year, y.reviews]);

describe('themeYearShares(filters)', () => {
	it.each([
		[
			'no filters: T7 has no year; T8 has no recommendation but counts in 2020',
			f(),
			[[2019, 2], [2020, 2], [2021, 1], [2022, 2]],
			1,
			[
				['risk_assessment', 2019, 2, 2], ['risk_assessment', 2021, 1, 1],
				['marac', 2019, 1, 2], ['marac', 2020, 1, 2], ['marac', 2022, 1, 2],
				['information_sharing', 2019, 1, 2], ['information_sharing', 2020, 1, 2], ['information_sharing', 2022, 2, 2],
				['housing', 2021, 1, 1]
			]
		],
		[
			'partnership North',
			f({}, { partnership: ['North'] }),
			[[2019, 1], [2020, 1], [2021, 1], [2022, 1]],
			1,
			[
				['risk_assessment', 2019, 1, 1], ['risk_assessment', 2021, 1, 1],
				['marac', 2019, 1, 1], ['marac', 2020, 1, 1], ['marac', 2022, 1, 1],
				['information_sharing', 2019, 1, 1], ['information_sharing', 2020, 1, 1], ['information_sharing', 2022, 1, 1],
				['housing', 2021, 1, 1]
			]
		],
		[
			// Only single-agency recommendations count: T1's information sharing is on T1-2 (multi-agency), so it drops out.
			'scope single-agency',
			f({}, { scope: ['single-agency'] }),
			[[2019, 2], [2020, 1], [2021, 1]],
			1,
			[
				['risk_assessment', 2019, 2, 2], ['risk_assessment', 2021, 1, 1],
				['marac', 2019, 1, 2], ['marac', 2020, 1, 1],
				['information_sharing', 2020, 1, 1],
				['housing', 2021, 1, 1]
			]
		],
		[
			// Only recommendations tagged MARAC count, so every review in scope has it (100%), 2021 has no
			// review left (a gap), and information sharing counts only where it shares a recommendation with MARAC.
			'theme marac',
			f({}, { theme: ['marac'] }),
			[[2019, 1], [2020, 1], [2021, 0], [2022, 1]],
			1,
			[
				['risk_assessment', 2019, 1, 1],
				['marac', 2019, 1, 1], ['marac', 2020, 1, 1], ['marac', 2022, 1, 1],
				['information_sharing', 2020, 1, 1], ['information_sharing', 2022, 1, 1]
			]
		],
		[
			'period 2020–2021 leaves out the review with no year',
			f({ from: 2020, to: 2021 }),
			[[2020, 2], [2021, 1]],
			0,
			[['risk_assessment', 2021, 1, 1], ['marac', 2020, 1, 2], ['information_sharing', 2020, 1, 2], ['housing', 2021, 1, 1]]
		],
		['nothing matches', f({ from: 2030 }), [], 0, []]
	])('%s', async (_name, filters, years, withoutYear, cells) => {
		const d = await themeYearShares(engine, filters, THEMES_AS_AT);
		expect(yearsOf(d)).toEqual(years);
		expect(d.without_year).toBe(withoutYear);
		expect(nonZero(d)).toEqual(cells);
		// Zeros filled in: every theme of the taxonomy by every year.
		expect(d.themes.map((t) => t.id)).toEqual(THEMES.map((t) => t.id));
		expect(d.rows.length).toBe(THEMES.length * years.length);
		expect(d.reviews).toBe(years.reduce((s, [, n]) => s + n, 0));
	});

	it('shares are percentages of that year\'s reviews, null for a year with none', async () => {
		const d = await themeYearShares(engine, f({}, { theme: ['marac'] }), THEMES_AS_AT);
		const marac = d.rows.filter((r) => r.theme === 'marac').map((r) => [r.year, r.share]);
		expect(marac).toEqual([[2019, 100], [2020, 100], [2021, null], [2022, 100]]);
		const all = await themeYearShares(engine, f(), THEMES_AS_AT);
		expect(all.rows.filter((r) => r.theme === 'information_sharing').map((r) => r.share)).toEqual([50, 50, 0, 100]);
		expect(all.themes.find((t) => t.id === 'information_sharing')!.reviews).toBe(4);
	});
});

/** Each non-zero pair once, as [row, column, reviews], the row's item before the column's in vocabulary order. */
const pairsOf = (c: Cooccurrence) => {
	const at = new Map(c.items.map((i, k) => [i.key, k]));
	return c.cells.filter((x) => x.reviews > 0 && at.get(x.row)! <= at.get(x.col)!).map((x) => [x.row, x.col, x.reviews]);
};

describe('themeCooccurrence(filters)', () => {
	it.each([
		[
			'no filters: every review counts, T7 (no year) included',
			f(),
			{ reviews: 8, with_any: 7 },
			[['risk_assessment', 3], ['marac', 4], ['information_sharing', 4], ['housing', 1]],
			[
				['risk_assessment', 'risk_assessment', 3], ['risk_assessment', 'marac', 1], ['risk_assessment', 'information_sharing', 1], ['risk_assessment', 'housing', 1],
				['marac', 'marac', 4], ['marac', 'information_sharing', 3],
				['information_sharing', 'information_sharing', 4],
				['housing', 'housing', 1]
			]
		],
		[
			'from 2020',
			f({ from: 2020 }),
			{ reviews: 5, with_any: 4 },
			[['risk_assessment', 1], ['marac', 2], ['information_sharing', 3], ['housing', 1]],
			[
				['risk_assessment', 'risk_assessment', 1], ['risk_assessment', 'housing', 1],
				['marac', 'marac', 2], ['marac', 'information_sharing', 2],
				['information_sharing', 'information_sharing', 3],
				['housing', 'housing', 1]
			]
		],
		['nothing matches', f({ from: 2030 }), { reviews: 0, with_any: 0 }, [], []]
	])('%s', async (_name, filters, totals, items, pairs) => {
		const c = await themeCooccurrence(engine, filters, THEMES_AS_AT);
		expect({ reviews: c.reviews, with_any: c.with_any }).toEqual(totals);
		expect(c.items.map((i) => [i.key, i.reviews])).toEqual(items);
		expect(pairsOf(c)).toEqual(pairs);
		// The matrix is square and symmetric.
		expect(c.cells.length).toBe(items.length ** 2);
		for (const x of c.cells) expect(c.cells.find((y) => y.row === x.col && y.col === x.row)!.reviews).toBe(x.reviews);
	});
});

describe('factorCooccurrence(filters)', () => {
	it.each([
		[
			// Victim and perpetrator factors are combined by code: T3's mental health counts once, T6's alcohol once.
			'no filters',
			f(),
			{ reviews: 8, with_any: 6 },
			[['separation', 2], ['coercive_control', 4], ['stalking', 1], ['mental_health', 1], ['alcohol', 3]],
			[
				['separation', 'separation', 2], ['separation', 'coercive_control', 1], ['separation', 'alcohol', 2],
				['coercive_control', 'coercive_control', 4], ['coercive_control', 'stalking', 1], ['coercive_control', 'alcohol', 2],
				['stalking', 'stalking', 1],
				['mental_health', 'mental_health', 1],
				['alcohol', 'alcohol', 3]
			]
		],
		[
			'partnership South',
			f({}, { partnership: ['South'] }),
			{ reviews: 3, with_any: 2 },
			[['separation', 1], ['coercive_control', 2], ['stalking', 1], ['alcohol', 1]],
			[
				['separation', 'separation', 1], ['separation', 'coercive_control', 1], ['separation', 'alcohol', 1],
				['coercive_control', 'coercive_control', 2], ['coercive_control', 'stalking', 1], ['coercive_control', 'alcohol', 1],
				['stalking', 'stalking', 1],
				['alcohol', 'alcohol', 1]
			]
		],
		[
			// A recommendation filter narrows the reviews, and so the factors counted.
			'theme housing (T4 only, no factor recorded)',
			f({}, { theme: ['housing'] }),
			{ reviews: 1, with_any: 0 },
			[],
			[]
		]
	])('%s', async (_name, filters, totals, items, pairs) => {
		const c = await factorCooccurrence(engine, filters, THEMES_AS_AT);
		expect({ reviews: c.reviews, with_any: c.with_any }).toEqual(totals);
		expect(c.items.map((i) => [i.key, i.reviews])).toEqual(items);
		expect(pairsOf(c)).toEqual(pairs);
	});

	it('labels come from the factor vocabulary', async () => {
		const c = await factorCooccurrence(engine, f(), THEMES_AS_AT);
		expect(c.items.map((i) => i.label)).toEqual(['Separation', 'Coercive control', 'Stalking', 'Mental health', 'Alcohol']);
	});

	it('values travel as parameters: a quote in a value is only a value', async () => {
		const c = await factorCooccurrence(engine, f({}, { partnership: ["North' OR '1'='1"] }), THEMES_AS_AT);
		expect(c.reviews).toBe(0);
	});
});

/** Synthetic shares: `counts[theme]` gives reviews with the theme per year from `first`; `perYear` the reviews per year. */
function synthetic(first: number, perYear: number[], counts: Record<string, number[]>): ThemeYearShares {
	const years = perYear.map((n, i) => ({ year: first + i, n }));
	const c = Object.entries(counts).flatMap(([theme, ns]) => ns.map((n, i) => ({ theme, year: first + i, n })).filter((x) => x.n > 0));
	return completeShares(c, years);
}

describe('the rising/falling rule', () => {
	it.each([
		['2026-09-30', 2025],
		['2025-12-31', 2025],
		['2026-01-01', 2025]
	])('lastCompleteYear(%s) is %i', (asAt, year) => {
		expect(lastCompleteYear(asAt)).toBe(year);
	});

	it.each([
		['demo years, partial 2026', [2011, 2026], '2026-09-30', { recent: { from: 2023, to: 2025 }, earlier: { from: 2011, to: 2022 } }],
		['data ending before the as-at date', [2011, 2020], '2026-09-30', { recent: { from: 2018, to: 2020 }, earlier: { from: 2011, to: 2017 } }],
		['as at the last day of the year: that year is complete', [2015, 2025], '2025-12-31', { recent: { from: 2023, to: 2025 }, earlier: { from: 2015, to: 2022 } }],
		['two earlier years', [2021, 2026], '2026-09-30', { recent: { from: 2023, to: 2025 }, earlier: { from: 2021, to: 2022 } }],
		['nothing before the recent years', [2024, 2026], '2026-09-30', null],
		['no complete year', [2026, 2026], '2026-09-30', null]
	])('trendPeriods: %s', (_name, [a, b], asAt, expected) => {
		const years = Array.from({ length: b - a + 1 }, (_, i) => a + i);
		expect(trendPeriods(years, asAt)).toEqual(expected);
	});

	const p = (w: number, n: number): PeriodShare => ({ from: 0, to: 0, with: w, reviews: n, share: n ? (100 * w) / n : null });
	it.each([
		['+10 points and +3 reviews', p(18, 30), p(15, 30), 'rising'],
		['-10 points and -3 reviews', p(3, 30), p(6, 30), 'falling'],
		['+10 points but only +2 reviews', p(12, 20), p(10, 20), 'steady'],
		['+10 points but only +1 review', p(6, 10), p(10, 20), 'steady'],
		['+9 points, +9 reviews', p(29, 100), p(20, 100), 'steady'],
		['3 of 5 against 0 of 5', p(3, 5), p(0, 5), 'rising'],
		['recent period under 5 reviews', p(4, 4), p(0, 10), 'too few'],
		['earlier period under 5 reviews', p(0, 10), p(4, 4), 'too few'],
		['no change', p(0, 30), p(0, 30), 'steady']
	])('direction: %s', (_name, recent, earlier, expected) => {
		expect(direction(recent, earlier)).toBe(expected);
	});

	it('themeTrends compares the last 3 complete years with the years before, leaving out the partial year', () => {
		// 2015–2020 complete, 2021 partial (as at 2021-06-30) and left out of both periods.
		const d = synthetic(2015, [10, 10, 10, 10, 10, 10, 4], {
			marac: [3, 3, 3, 6, 6, 6, 4],
			risk_assessment: [5, 5, 5, 2, 2, 2, 0],
			information_sharing: [5, 5, 5, 5, 5, 6, 0]
		});
		const { periods, trends } = themeTrends(d, '2021-06-30');
		expect(periods).toEqual({ recent: { from: 2018, to: 2020 }, earlier: { from: 2015, to: 2017 } });
		const byId = new Map(trends.map((t) => [t.theme, t]));
		expect(byId.get('marac')).toMatchObject({ recent: { with: 18, reviews: 30, share: 60 }, earlier: { with: 9, reviews: 30, share: 30 }, change: 30, direction: 'rising' });
		expect(byId.get('risk_assessment')).toMatchObject({ recent: { with: 6, share: 20 }, earlier: { with: 15, share: 50 }, direction: 'falling' });
		expect(byId.get('information_sharing')!.direction).toBe('steady');
		expect(byId.get('housing')).toMatchObject({ recent: { with: 0, reviews: 30 }, change: 0, direction: 'steady' });
		expect(trends.length).toBe(THEMES.length);
		expect(trendSentence(byId.get('marac')!)).toBe(
			'MARAC referral: 60% of reviews in 2018–2020 (18 of 30) against 30% in 2015–2017 (9 of 30) — rising.'
		);
	});

	it('themeTrends gives no periods when there is nothing to compare', () => {
		expect(themeTrends(synthetic(2025, [10, 5], { marac: [1, 1] }), '2026-09-30')).toEqual({ periods: null, trends: [] });
	});
});

describe('series, scale and sentences', () => {
	const d = synthetic(2019, [2, 0, 4], { marac: [1, 0, 3], coercive_control: [2, 0, 1] });

	it('a share series skips a year with no review (a gap, not 0%); a count series keeps it', () => {
		expect(themeSeries(d, 'marac', 'share')).toEqual([{ x: 2019, y: 50 }, { x: 2021, y: 75 }]);
		expect(themeSeries(d, 'marac', 'count')).toEqual([{ x: 2019, y: 1 }, { x: 2020, y: 0 }, { x: 2021, y: 3 }]);
	});

	it('the shared scale: shares up to the next 10 (at most 100), counts to the largest count', () => {
		expect(sharedMax(d, 'share')).toBe(100);
		expect(sharedMax(synthetic(2019, [10], { marac: [3] }), 'share')).toBe(30);
		expect(sharedMax(synthetic(2019, [10], { marac: [0] }), 'share')).toBe(10);
		expect(sharedMax(d, 'count')).toBe(3);
	});

	it.each([
		[[2011, 2026], [2012, 2016, 2020, 2024]],
		[[2019, 2021], [2019, 2020, 2021]],
		[[2015, 2021], [2016, 2018, 2020]]
	])('sparseYearFormat over %j labels %j', ([a, b], labelled) => {
		const years = Array.from({ length: b - a + 1 }, (_, i) => a + i);
		const fmt = sparseYearFormat(years);
		expect(years.filter((y) => fmt(y) !== '')).toEqual(labelled);
		expect(fmt(2016.5)).toBe('');
	});

	it('captions state the numbers for the filters', () => {
		expect(sharesCaption(d, 'share')).toBe(
			`Share of each year's reviews in which each of ${THEMES.length} themes appears, 2019–2021: MARAC referral appears most often, in 4 of the 6 reviews (67%).`
		);
		expect(sharesCaption(d, 'count')).toMatch(/^Number of reviews in which each of \d+ themes appears, by year, 2019–2021: /);
	});

	it('the note says when the last year is partial and how many reviews have no date', () => {
		const partial = completeShares([], [{ year: 2026, n: 3 }, { year: 2025, n: 2 }, { year: null, n: 2 }]);
		expect(sharesNote(partial, '2026-09-30')).toContain('2026 is a partial year: the data runs to 30 September 2026.');
		expect(sharesNote(partial, '2026-09-30')).toContain('2 reviews with no date are not shown.');
		expect(sharesNote(partial, '2026-12-31')).not.toContain('partial');
		expect(sharesNote(partial, '2026-09-30')).not.toContain('theme filter');
		expect(sharesNote(partial, '2026-09-30', true)).toContain('With a theme filter on, only recommendations tagged with a chosen theme count');
	});

	it('co-occurrence captions name the most frequent pair', async () => {
		const t = await themeCooccurrence(engine, f(), THEMES_AS_AT);
		expect(cooccurrenceCaption(t, 'theme')).toBe(
			'Reviews in which two themes both appear, among the 8 reviews: MARAC referral with information sharing most often, in 3 (38%).'
		);
		const x = await factorCooccurrence(engine, f(), THEMES_AS_AT);
		expect(cooccurrenceCaption(x, 'factor')).toBe(
			'Reviews in which two case factors were both recorded, among the 8 reviews (6 with any factor recorded): separation with alcohol most often, in 2 (25%).'
		);
		const none = await themeCooccurrence(engine, f({ from: 2030 }), THEMES_AS_AT);
		expect(cooccurrenceCaption(none, 'theme')).toMatch(/no two themes occur in the same review\.$/);
	});
});
