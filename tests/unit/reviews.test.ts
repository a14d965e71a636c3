/** The review list and a review's page: queries on the tracker fixture (helpers/tracker.ts), and the pure view helpers. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeEngine } from '$lib/db/node';
import type { Engine } from '$lib/db/engine';
import type { Filters } from '$lib/filters/filters';
import { reviewDetail, reviewList, type ReviewDetail, type ReviewListRow } from '$lib/queries/reviews';
import {
	factorGroups,
	formatMonth,
	overdueText,
	profileItems,
	recommendationSummary,
	reviewCount,
	timelineEvents
} from '$lib/views/reviews';
import { filtersWith, loadFixture } from './helpers/fixture';
import { AS_AT, TRACKER } from './helpers/tracker';

let engine: Engine;
beforeAll(async () => {
	engine = await openNodeEngine();
	await loadFixture(engine, TRACKER);
});
afterAll(() => engine?.close());

const f = (values: Partial<Filters['values']> = {}, patch: Partial<Filters> = {}): Filters => filtersWith(patch, values);

const row = (
	review_id: string,
	partnership: string,
	year: number | null,
	death_type: string | null,
	recommendations: number,
	actions: number,
	pct_complete: number | null,
	overdue: number
): ReviewListRow => ({ review_id, partnership, year, death_type, recommendations, actions, pct_complete, overdue });

const Q1 = (recs: number, actions: number, pct: number | null, overdue: number) =>
	row('Q1', 'East', 2022, 'intimate partner homicide', recs, actions, pct, overdue);
const Q2 = (recs: number, actions: number, pct: number | null, overdue: number) =>
	row('Q2', 'West', 2023, 'suicide following domestic abuse', recs, actions, pct, overdue);
const Q3 = row('Q3', 'West', null, null, 0, 0, null, 0);

describe('reviewList', () => {
	it.each<[string, Filters, string, ReviewListRow[]]>([
		// Q2: B11 completed of 6 actions (B10 was completed only after the as-at date); B7, B8, B10 overdue.
		['no filters: newest first, undated last', f(), AS_AT, [Q2(1, 6, 16.7, 3), Q1(2, 7, 0, 5), Q3]],
		['partnership West', f({ partnership: ['West'] }), AS_AT, [Q2(1, 6, 16.7, 3), Q3]],
		// Only Q1-1 has the theme: its actions B1–B3, of which B2 and B3 are overdue.
		['theme risk assessment: counts under the filters', f({ theme: ['risk_assessment'] }), AS_AT, [Q1(1, 3, 0, 2)]],
		['status completed: only Q2, through B11', f({ status: ['completed'] }), AS_AT, [Q2(1, 1, 100, 0)]],
		// On 2025-03-01: B10 and B11 completed (2 of 6); Q1's B1–B6 all past target.
		['at a later as-at date', f(), '2025-03-01', [Q2(1, 6, 33.3, 2), Q1(2, 7, 0, 6), Q3]],
		['nothing matches', f({}, { from: 2030 }), AS_AT, []]
	])('%s', async (_name, filters, asAt, expected) => {
		expect(await reviewList(engine, filters, asAt)).toEqual(expected);
	});
});

describe('reviewDetail', () => {
	let q1: ReviewDetail;
	let q2: ReviewDetail;
	beforeAll(async () => {
		q1 = (await reviewDetail(engine, 'Q1', AS_AT)).detail!;
		q2 = (await reviewDetail(engine, 'Q2', AS_AT)).detail!;
	});

	it('gives the profile of the review, with its year', () => {
		expect(q1.review).toEqual({
			review_id: 'Q1',
			review_type: 'DHR',
			partnership: 'East',
			region: 'East of England',
			death_month: '2020-03-01',
			commissioned_date: '2020-05-04',
			completed_date: '2022-02-10',
			published_date: '2022-09-01',
			death_type: 'intimate partner homicide',
			victim_sex: 'female',
			victim_age_band: '35-44',
			perpetrator_sex: 'male',
			perpetrator_age_band: '45-54',
			relationship: 'former partner',
			children_present: true,
			multiple_victims: false,
			year: 2022
		});
	});

	it('gives its factors', () => {
		expect(q1.factors).toEqual([
			{ subject: 'incident', factor: 'coercive_control' },
			{ subject: 'incident', factor: 'separation' },
			{ subject: 'perpetrator', factor: 'alcohol' },
			{ subject: 'victim', factor: 'mental_health' }
		]);
	});

	it('gives every recommendation by number, with its themes and their source', () => {
		expect(q1.recommendations.map((r) => [r.recommendation_id, r.rec_number, r.scope, r.agency])).toEqual([
			['Q1-1', 1, 'single-agency', 'Police'],
			['Q1-2', 2, 'multi-agency', 'CSP']
		]);
		expect(q1.recommendations[0].themes).toEqual([
			{ theme: 'risk_assessment', source: 'coded' },
			{ theme: 'workforce_training', source: 'auto' }
		]);
		expect(q1.recommendations[0].text).toBe('Improve risk assessment training for call handlers.');
	});

	it('gives each recommendation its actions by target date, closed ones included', () => {
		expect(q1.recommendations.map((r) => r.actions.map((a) => a.action_id))).toEqual([
			['B3', 'B2', 'B1'],
			['B12', 'B6', 'B5', 'B4']
		]);
		expect(q2.recommendations[0].actions.map((a) => a.action_id)).toEqual(['B8', 'B7', 'B11', 'B10', 'B13', 'B9']);
	});

	it('gives each action its status, completion and days overdue at the as-at date', () => {
		const byId = new Map(q2.recommendations[0].actions.map((a) => [a.action_id, a]));
		expect(byId.get('B10')).toEqual({
			action_id: 'B10',
			description: 'Write a leaflet',
			lead_agency: 'Health',
			owner_role: 'Named nurse',
			target_date: '2024-12-15',
			status: 'in progress', // completed 2025-02-01, after the as-at date
			completed_date: null,
			overdue: true,
			days_overdue: 16
		});
		expect(byId.get('B11')).toMatchObject({ status: 'completed', completed_date: '2024-06-01', overdue: false, days_overdue: null });
		expect(byId.get('B9')).toMatchObject({ target_date: null, overdue: false, days_overdue: null });
	});

	it('is null for an id not in the data', async () => {
		expect(await reviewDetail(engine, 'NOPE', AS_AT)).toEqual({ id: 'NOPE', detail: null });
		expect((await reviewDetail(engine, "Q1' OR '1'='1", AS_AT)).detail).toBeNull();
	});

	it('a review with no recommendations has an empty list', async () => {
		const q3 = (await reviewDetail(engine, 'Q3', AS_AT)).detail;
		expect(q3).toMatchObject({ factors: [], recommendations: [] });
		expect(q3!.review.year).toBeNull();
	});

	describe('views', () => {
		it('profileItems: every fact labelled, in words', () => {
			expect(Object.fromEntries(profileItems(q1.review).map((i) => [i.label, i.value]))).toEqual({
				'Type of review': 'Domestic Homicide Review',
				Partnership: 'East',
				Region: 'East of England',
				'Month of death': 'March 2020',
				Commissioned: '4 May 2020',
				Completed: '10 February 2022',
				Published: '1 September 2022',
				'Type of death': 'Intimate partner homicide',
				Victim: 'Female, aged 35-44',
				Perpetrator: 'Male, aged 45-54',
				'Relationship of victim to perpetrator': 'Former partner',
				'Children in the household': 'Yes',
				'More than one person died': 'No'
			});
		});

		it('profileItems: what is missing says "Not recorded"', () => {
			const items = Object.fromEntries(profileItems(q2.review).map((i) => [i.id, i.value]));
			expect(items).toMatchObject({
				type: 'Domestic Abuse Related Death Review',
				'death-month': 'Not recorded',
				commissioned: 'Not recorded',
				published: 'Not recorded',
				victim: 'Male, age not recorded',
				perpetrator: 'Not recorded',
				relationship: 'Not recorded',
				children: 'Not recorded'
			});
		});

		it('factorGroups: by subject in the order incident, victim, perpetrator; labels in vocabulary order', () => {
			expect(factorGroups(q1.factors)).toEqual([
				{ subject: 'incident', label: 'The abuse and the incident', factors: ['Separation', 'Coercive control'] },
				{ subject: 'victim', label: 'The victim', factors: ['Mental health'] },
				{ subject: 'perpetrator', label: 'The perpetrator', factors: ['Alcohol'] }
			]);
			expect(factorGroups([])).toEqual([]);
		});

		it('timelineEvents: milestones and every dated target and completion, in date order', () => {
			expect(timelineEvents(q2).map((e) => [e.date, e.lane, e.label])).toEqual([
				['2023-07-01', 'review', 'Completed'],
				['2023-12-31', 'target', 'Target of action B8'],
				['2024-01-01', 'target', 'Target of action B7'],
				['2024-05-01', 'target', 'Target of action B11'],
				['2024-06-01', 'completed', 'Action B11 completed'],
				['2024-12-15', 'target', 'Target of action B10'],
				['2025-03-31', 'target', 'Target of action B13']
			]);
			const q1Events = timelineEvents(q1);
			expect(q1Events.filter((e) => e.lane === 'review').map((e) => e.label)).toEqual(['Death', 'Commissioned', 'Completed', 'Published']);
			expect(q1Events).toHaveLength(11); // 4 milestones + 7 targets, nothing completed
			expect(q1Events.find((e) => e.label === 'Target of action B6')).toMatchObject({
				overdue: true,
				detail: 'Recommendation 2: Audit 100% of referrals_x (overdue by 91 days)'
			});
		});

		it('recommendationSummary counts recommendations, actions and overdue ones', () => {
			expect(recommendationSummary(q1)).toBe('2 recommendations, 7 actions (5 overdue at the as-at date).');
			expect(recommendationSummary({ ...q1, recommendations: [] })).toBe('0 recommendations, 0 actions.');
		});
	});
});

describe('small formats', () => {
	it.each([
		['2020-03-01', 'March 2020'],
		['1999-12-01', 'December 1999'],
		[null, 'Not recorded']
	])('formatMonth(%s) = %s', (iso, expected) => {
		expect(formatMonth(iso)).toBe(expected);
	});

	it.each<[string, Parameters<typeof overdueText>[0], string]>([
		['overdue, one day', { overdue: true, days_overdue: 1, status: 'in progress', target_date: '2024-12-30' }, '1 day'],
		['overdue, many days', { overdue: true, days_overdue: 1200, status: 'not started', target_date: '2021-01-01' }, '1,200 days'],
		['completed', { overdue: false, days_overdue: null, status: 'completed', target_date: '2024-01-01' }, 'Closed'],
		['not accepted', { overdue: false, days_overdue: null, status: 'not accepted', target_date: null }, 'Closed'],
		['open, due later', { overdue: false, days_overdue: null, status: 'in progress', target_date: '2025-01-01' }, 'Not yet due'],
		['open, no target', { overdue: false, days_overdue: null, status: 'in progress', target_date: null }, 'No target date']
	])('overdueText: %s', (_name, a, expected) => {
		expect(overdueText(a)).toBe(expected);
	});

	it.each([
		[1, '1 review'],
		[250, '250 reviews'],
		[0, '0 reviews']
	])('reviewCount(%i)', (n, expected) => {
		expect(reviewCount(n)).toBe(expected);
	});
});
