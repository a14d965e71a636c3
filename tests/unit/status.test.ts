/**
 * The status view's queries on a hand-counted fixture (helpers/status-fixture.ts), and its pure
 * helpers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeEngine } from '$lib/db/node';
import type { Engine } from '$lib/db/engine';
import type { Filters } from '$lib/filters/filters';
import { backlogByMonth, completionCurve, statusByYear, type CurvePoint } from '$lib/queries/status';
import {
	STATUS_SERIES,
	backlogCaption,
	backlogLines,
	captionMonth,
	curveCaption,
	curveLines,
	statusBars,
	statusCaption,
	statusYearTable,
	undatedActions,
	yearFraction
} from '$lib/views/status';
import { filtersWith, loadFixture } from './helpers/fixture';
import { AS_AT, STATUS } from './helpers/status-fixture';

let engine: Engine;
beforeAll(async () => {
	engine = await openNodeEngine();
	await loadFixture(engine, STATUS);
});
afterAll(() => engine?.close());

const f = filtersWith;

describe('statusByYear', () => {
	it.each([
		[
			'as at 2024-12-31 (B8 was completed after it: in progress)',
			AS_AT,
			[
				[2020, 'completed', 3],
				[2020, 'not accepted', 1],
				[2022, 'completed', 1],
				[2022, 'in progress', 1],
				[2023, 'completed', 1],
				[2024, 'in progress', 1],
				[2024, 'not started', 1]
			]
		],
		[
			// S3 (2024) and S4 (2023) were not completed yet at that date, so are out of scope.
			'as at 2022-12-31 (B5 not yet completed; S3, S4 not yet reviewed)',
			'2022-12-31',
			[
				[2020, 'completed', 3],
				[2020, 'not accepted', 1],
				[2022, 'in progress', 2]
			]
		]
	])('%s', async (_name, asAt, expected) => {
		const rows = await statusByYear(engine, f(), asAt);
		expect(rows.map((r) => [r.year, r.status, r.actions])).toEqual(expected);
	});
});

/** Points as runs of equal values: [group, first month, last month, eligible, completed]. */
function runs(points: CurvePoint[]) {
	const out: [string | null, number, number, number, number][] = [];
	for (const p of points) {
		const last = out.at(-1);
		if (last && last[0] === p.group && last[2] === p.months - 1 && last[3] === p.eligible && last[4] === p.completed) last[2] = p.months;
		else out.push([p.group, p.months, p.months, p.eligible, p.completed]);
	}
	return out;
}

describe('completionCurve', () => {
	it.each([
		[
			// Month 0..6: S1, S2, S3 (8 actions; B1 done before publication). From 7 S3 is too recent;
			// B2 and B5 done in month 7, B3 in month 23. From 30 only S1 is old enough; after 57, nobody.
			'all actions',
			f(),
			'all',
			[
				['all', 0, 6, 8, 1],
				['all', 7, 22, 6, 3],
				['all', 23, 29, 6, 4],
				['all', 30, 57, 4, 3]
			]
		],
		[
			'one line per scope when scopes are chosen',
			f({}, { scope: ['multi-agency', 'single-agency'] }),
			'scope',
			[
				['multi-agency', 0, 22, 2, 0],
				['multi-agency', 23, 57, 2, 1],
				['single-agency', 0, 6, 6, 1],
				['single-agency', 7, 29, 4, 3],
				['single-agency', 30, 57, 2, 2]
			]
		],
		[
			// B9 (Housing) is left out: its review was never published.
			'one line per lead agency when agencies are chosen',
			f({}, { agency: ['Health', 'Police', 'Housing'] }),
			'agency',
			[
				['Health', 0, 6, 2, 0],
				['Health', 7, 29, 2, 1],
				['Police', 0, 6, 4, 1],
				['Police', 7, 57, 2, 2]
			]
		]
	])('%s', async (_name, filters, groupBy, expected) => {
		const curve = await completionCurve(engine, filters, AS_AT);
		expect(curve.groupBy).toBe(groupBy);
		expect(runs(curve.points)).toEqual(expected);
	});

	it('leaves out months no review has reached at an early as-at date', async () => {
		// As at 2020-06-01 only S1 (published 2020-03-01) counts, for months 0..3; B1 is done.
		const curve = await completionCurve(engine, f(), '2020-06-01');
		expect(runs(curve.points)).toEqual([['all', 0, 3, 4, 1]]);
	});
});

describe('backlogByMonth', () => {
	it('counts open and overdue actions at every month end from the first review to the as-at date', async () => {
		const rows = await backlogByMonth(engine, f(), AS_AT);
		expect(rows).toHaveLength(60); // January 2020 .. December 2024
		const at = new Map(rows.map((r) => [r.date, [r.open, r.overdue]]));
		expect(Object.fromEntries([
			'2020-01-31', // B1, B2, B3 opened with S1 on 2020-01-15 (B4 not accepted: never open)
			'2020-02-29', // B1 completed 2020-02-01
			'2020-07-31', // B2 past its target 2020-06-30
			'2020-09-30', // B2 completed 2020-09-15
			'2021-01-31', // B3 due that day: not yet overdue
			'2021-02-28', // now it is
			'2022-01-31', // B3 completed 2022-01-10: nothing open
			'2022-05-31', // S2: B5, B6
			'2023-01-31', // B5 completed 2023-01-05, three days late: never overdue at a month end
			'2023-07-31', // B6 past its target
			'2023-10-31', // S4: B9
			'2024-02-29', // S3: B7, B8
			'2024-03-31', // B9 completed 2024-03-01
			'2024-12-31' // B8 is due that day (not overdue) and completed only in 2025
		].map((d) => [d, at.get(d)]))).toEqual({
			'2020-01-31': [3, 0],
			'2020-02-29': [2, 0],
			'2020-07-31': [2, 1],
			'2020-09-30': [1, 0],
			'2021-01-31': [1, 0],
			'2021-02-28': [1, 1],
			'2022-01-31': [0, 0],
			'2022-05-31': [2, 0],
			'2023-01-31': [1, 0],
			'2023-07-31': [1, 1],
			'2023-10-31': [2, 1],
			'2024-02-29': [4, 1],
			'2024-03-31': [3, 1],
			'2024-12-31': [3, 1]
		});
	});

	it('ends on the as-at date when it is not a month end', async () => {
		const rows = await backlogByMonth(engine, f(), '2024-12-15');
		expect(rows).toHaveLength(60);
		expect(rows.slice(-2)).toEqual([
			{ date: '2024-11-30', open: 3, overdue: 1 },
			{ date: '2024-12-15', open: 3, overdue: 1 }
		]);
	});

	it('follows the filters: in progress at the as-at date (B6, B8), from the first of their reviews', async () => {
		const rows = await backlogByMonth(engine, f({}, { status: ['in progress'] }), AS_AT);
		expect(rows[0]).toEqual({ date: '2022-05-31', open: 1, overdue: 0 });
		expect(rows).toHaveLength(32); // May 2022 .. December 2024
		expect(rows.at(-1)).toEqual({ date: '2024-12-31', open: 2, overdue: 1 });
	});

	it('is empty when nothing matches', async () => {
		expect(await backlogByMonth(engine, f({ from: 2030 }), AS_AT)).toEqual([]);
	});
});

describe('status view helpers', () => {
	it('statusYearTable: every year from first to last, a count per status, gaps as zeros; undated left out', async () => {
		const rows = await statusByYear(engine, f(), AS_AT);
		const table = statusYearTable([...rows, { year: null, status: 'completed', actions: 5 }]);
		expect(table.map((r) => [r.year, r.counts, r.total, r.pct_completed])).toEqual([
			[2020, { completed: 3, 'in progress': 0, 'not started': 0, 'not accepted': 1 }, 4, 75],
			[2021, { completed: 0, 'in progress': 0, 'not started': 0, 'not accepted': 0 }, 0, null],
			[2022, { completed: 1, 'in progress': 1, 'not started': 0, 'not accepted': 0 }, 2, 50],
			[2023, { completed: 1, 'in progress': 0, 'not started': 0, 'not accepted': 0 }, 1, 100],
			[2024, { completed: 0, 'in progress': 1, 'not started': 1, 'not accepted': 0 }, 2, 0]
		]);
		expect(undatedActions([...rows, { year: null, status: 'completed', actions: 5 }])).toBe(5);
		expect(statusCaption(table, AS_AT)).toBe('Of the 9 actions of reviews from 2020–2024, 5 (55.6%) were completed at 31 December 2024');
		// The bars: a segment per year and status, in stack order.
		expect(statusBars(table).slice(0, 4)).toEqual([
			{ key: '2020', label: '2020', series: 'completed', value: 3 },
			{ key: '2020', label: '2020', series: 'in progress', value: 0 },
			{ key: '2020', label: '2020', series: 'not started', value: 0 },
			{ key: '2020', label: '2020', series: 'not accepted', value: 1 }
		]);
		expect(STATUS_SERIES.map((s) => s.label)).toEqual(['Completed', 'In progress', 'Not started', 'Not accepted']);
	});

	const pt = (group: string, months: number, eligible: number, completed: number): CurvePoint => ({ group, months, eligible, completed });

	it.each([
		[
			'under the limit: one line per group, largest first',
			[pt('b', 0, 2, 1), pt('a', 0, 4, 1), pt('a', 1, 4, 2)],
			3,
			[
				['a', 'a', ['a'], [[0, 4, 1, 25], [1, 4, 2, 50]]],
				['b', 'b', ['b'], [[0, 2, 1, 50]]]
			]
		],
		[
			'over the limit: the largest (limit - 1), and the rest summed month by month',
			[pt('a', 0, 10, 5), pt('b', 0, 3, 1), pt('c', 0, 2, 0), pt('d', 0, 1, 1), pt('b', 1, 3, 3), pt('d', 1, 1, 1)],
			3,
			[
				['a', 'a', ['a'], [[0, 10, 5, 50]]],
				['b', 'b', ['b'], [[0, 3, 1, 33.3], [1, 3, 3, 100]]],
				['__other', 'Other agencies (2)', ['c', 'd'], [[0, 3, 1, 33.3], [1, 1, 1, 100]]]
			]
		]
	])('curveLines: %s', (_name, points, max, expected) => {
		const lines = curveLines(points, 'agency', max);
		expect(lines.map((l) => [l.key, l.label, l.members, l.points.map((p) => [p.months, p.eligible, p.completed, p.pct])])).toEqual(expected);
	});

	it('curveLines labels scopes in words, and the single line "All actions"', async () => {
		const byScope = await completionCurve(engine, f({}, { scope: ['multi-agency', 'single-agency'] }), AS_AT);
		expect(curveLines(byScope.points, byScope.groupBy).map((l) => l.label)).toEqual(['Single-agency', 'Multi-agency']);
		const all = await completionCurve(engine, f(), AS_AT);
		const lines = curveLines(all.points, all.groupBy);
		expect(lines.map((l) => l.label)).toEqual(['All actions']);
		expect(captionMonth(lines)).toBe(12);
		expect(curveCaption(lines, AS_AT)).toBe(
			'50.0% of actions were completed within 12 months of publication (3 of the 6 actions of reviews published at least 12 months before 31 December 2024)'
		);
	});

	it('curveCaption names whose actions a single line counts', async () => {
		const one = await completionCurve(engine, f({}, { agency: ['Police'] }), AS_AT);
		// Police: B1, B2 (S1) and B7, B8 (S3, too recent for 12 months); B1 and B2 done by month 7.
		expect(curveCaption(curveLines(one.points, one.groupBy), AS_AT, one.groupBy)).toBe(
			'100.0% of the actions led by Police were completed within 12 months of publication (2 of the 2 actions of reviews published at least 12 months before 31 December 2024)'
		);
		const scoped = await completionCurve(engine, f({}, { scope: ['multi-agency'] }), AS_AT);
		expect(curveCaption(curveLines(scoped.points, scoped.groupBy), AS_AT, scoped.groupBy)).toMatch(/^0\.0% of the actions of multi-agency recommendations were completed within 12 months/);
	});

	it.each([
		['2020-12-31', 2021],
		['2020-06-30', 2020.5],
		['2024-02-29', 2024 + 2 / 12],
		['2024-12-15', 2024 + (11 + 15 / 31) / 12]
	])('yearFraction(%s)', (iso, expected) => {
		expect(yearFraction(iso)).toBeCloseTo(expected, 10);
	});

	it('backlogCaption quotes the last date, and the peak when it was higher', () => {
		const rows = [
			{ date: '2024-10-31', open: 5, overdue: 1 },
			{ date: '2024-11-30', open: 7, overdue: 2 },
			{ date: '2024-12-31', open: 6, overdue: 3 }
		];
		expect(backlogCaption(rows)).toBe('6 actions were open at 31 December 2024, 3 of them overdue; the most open was 7, at 30 November 2024');
		expect(backlogCaption(rows.slice(0, 2))).toBe('7 actions were open at 30 November 2024, 2 of them overdue');
		expect(backlogLines(rows)[1]).toEqual({ key: 'overdue', label: 'Of which overdue', points: rows.map((r) => ({ x: yearFraction(r.date), y: r.overdue })) });
	});
});
