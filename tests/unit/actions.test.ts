/** The overdue-actions tracker's queries, on the hand-counted tracker fixture (see helpers/tracker.ts). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeEngine } from '$lib/db/node';
import type { Engine } from '$lib/db/engine';
import type { Filters } from '$lib/filters/filters';
import {
	likeLiteral,
	openActionBuckets,
	openActions,
	openActionTotals,
	type BucketKey,
	type OpenActionOptions
} from '$lib/queries/actions';
import {
	actionsCsv,
	bucketCaption,
	cappedSentence,
	matchedOfBuckets,
	csvFileName,
	daysOverdueText,
	filtersInWords,
	formatShortDate,
	narrowedSentence,
	readTrackerParams,
	totalsOfBuckets,
	totalsSentence,
	withTrackerParams
} from '$lib/views/actions';
import { filtersWith, loadFixture } from './helpers/fixture';
import { AS_AT, TRACKER } from './helpers/tracker';

let engine: Engine;
beforeAll(async () => {
	engine = await openNodeEngine();
	await loadFixture(engine, TRACKER);
});
afterAll(() => engine?.close());

const f = (values: Partial<Filters['values']> = {}, patch: Partial<Filters> = {}): Filters => filtersWith(patch, values);
const ids = async (filters: Filters, opts: OpenActionOptions = {}, asAt = AS_AT) =>
	(await openActions(engine, filters, asAt, opts)).map((r) => r.action_id);

describe('openActions', () => {
	it('lists open actions, most days overdue first, then due later, then no target date', async () => {
		expect(await ids(f())).toEqual(['B8', 'B7', 'B6', 'B5', 'B4', 'B3', 'B10', 'B2', 'B1', 'B13', 'B9']);
	});

	it('gives each row its recommendation, status at the as-at date, days overdue and bucket', async () => {
		const rows = await openActions(engine, f(), AS_AT);
		const byId = new Map(rows.map((r) => [r.action_id, r]));
		expect(byId.get('B10')).toEqual({
			action_id: 'B10',
			review_id: 'Q2',
			recommendation_id: 'Q2-1',
			rec_number: 1,
			recommendation_text: 'Ask about abuse when someone presents with self-harm.',
			description: 'Write a leaflet',
			lead_agency: 'Health',
			owner_role: 'Named nurse',
			target_date: '2024-12-15',
			status: 'in progress', // completed only in 2025
			days_overdue: 16,
			days_late: 16,
			bucket: '0-30'
		});
		expect(byId.get('B1')).toMatchObject({ days_overdue: null, days_late: 0, bucket: 'not-due' });
		expect(byId.get('B13')).toMatchObject({ days_overdue: null, days_late: -90, bucket: 'not-due' });
		expect(byId.get('B9')).toMatchObject({ target_date: null, days_overdue: null, days_late: null, bucket: 'not-due' });
		expect(byId.get('B7')).toMatchObject({ days_overdue: 365, bucket: '91-365' });
		expect(byId.get('B8')).toMatchObject({ days_overdue: 366, bucket: 'over-365' });
	});

	it.each<[string, BucketKey, string[]]>([
		['not yet due, including no target date', 'not-due', ['B1', 'B13', 'B9']],
		['up to 30 days (1 and 30 days in, 31 out)', '0-30', ['B3', 'B10', 'B2']],
		['31–90 days', '31-90', ['B5', 'B4']],
		['91–365 days (a full leap year is 365 days)', '91-365', ['B7', 'B6']],
		['over a year', 'over-365', ['B8']]
	])('bucket %s', async (_name, bucket, expected) => {
		expect(await ids(f(), { bucket })).toEqual(expected);
	});

	it.each<[string, string, string[]]>([
		['owner role, any case', 'SERGEANT', ['B1']],
		['description', 'leaflet', ['B10']],
		['recommendation text', 'marac', ['B6', 'B5', 'B4']],
		['lead agency', 'housing', ['B13']],
		['review id', 'q2', ['B8', 'B7', 'B10', 'B13', 'B9']],
		['surrounding spaces ignored', '  leaflet ', ['B10']],
		['% is a literal, not a wildcard', '%', ['B6']],
		['_ is a literal, not a wildcard', '_', ['B6']],
		['a backslash is a literal', '\\', []],
		['a quote is only a value', "' OR '1'='1", []],
		['no match', 'zebra', []]
	])('search: %s', async (_name, search, expected) => {
		expect(await ids(f(), { search })).toEqual(expected);
	});

	it('an empty search is no search', async () => {
		expect(await ids(f(), { search: '   ' })).toHaveLength(11);
	});

	it('search and bucket together', async () => {
		expect(await ids(f(), { search: 'health', bucket: '31-90' })).toEqual(['B5']);
	});

	it.each<[string, Filters, string[]]>([
		['partnership East', f({ partnership: ['East'] }), ['B6', 'B5', 'B4', 'B3', 'B2', 'B1']],
		['theme risk assessment', f({ theme: ['risk_assessment'] }), ['B3', 'B2', 'B1']],
		['lead agency Health', f({ agency: ['Health'] }), ['B8', 'B7', 'B5', 'B10', 'B9']],
		['status not started', f({ status: ['not started'] }), ['B8', 'B5', 'B2']],
		['status completed: nothing open', f({ status: ['completed'] }), []]
	])('under the shared filters: %s', async (_name, filters, expected) => {
		expect(await ids(filters)).toEqual(expected);
	});

	it('is computed at the as-at date', async () => {
		// On 2024-06-30: B8 was 182 days overdue, nothing over a year; B11 was already completed (1 June).
		expect(await ids(f(), { bucket: 'over-365' }, '2024-06-30')).toEqual([]);
		const at = await openActions(engine, f(), '2024-06-30', {});
		expect(at.find((r) => r.action_id === 'B8')).toMatchObject({ days_overdue: 182, bucket: '91-365' });
		expect(at.map((r) => r.action_id)).not.toContain('B11');
	});
});

describe('openActionTotals', () => {
	it.each<[string, Filters, { open: number; overdue: number }]>([
		['no filters', f(), { open: 11, overdue: 8 }],
		['partnership East', f({ partnership: ['East'] }), { open: 6, overdue: 5 }],
		['partnership West', f({ partnership: ['West'] }), { open: 5, overdue: 3 }],
		['nothing', f({}, { from: 2030 }), { open: 0, overdue: 0 }]
	])('%s', async (_name, filters, expected) => {
		expect(await openActionTotals(engine, filters, AS_AT)).toEqual(expected);
	});
});

describe('openActionBuckets', () => {
	const counts = async (filters: Filters, search: string | null = null) =>
		Object.fromEntries((await openActionBuckets(engine, filters, AS_AT, search)).map((b) => [b.bucket, b.n]));

	it.each<[string, Filters, string | null, Record<BucketKey, number>]>([
		['no filters', f(), null, { 'not-due': 3, '0-30': 3, '31-90': 2, '91-365': 2, 'over-365': 1 }],
		['search "health": one in each', f(), 'health', { 'not-due': 1, '0-30': 1, '31-90': 1, '91-365': 1, 'over-365': 1 }],
		['partnership East', f({ partnership: ['East'] }), null, { 'not-due': 1, '0-30': 2, '31-90': 2, '91-365': 1, 'over-365': 0 }],
		['nothing: zeros, every bucket', f({}, { from: 2030 }), null, { 'not-due': 0, '0-30': 0, '31-90': 0, '91-365': 0, 'over-365': 0 }]
	])('%s', async (_name, filters, search, expected) => {
		expect(await counts(filters, search)).toEqual(expected);
	});

	it('lists the buckets in order with their labels', async () => {
		expect((await openActionBuckets(engine, f(), AS_AT)).map((b) => b.label)).toEqual([
			'Not yet due',
			'Up to 30 days',
			'31–90 days',
			'91–365 days',
			'Over a year'
		]);
	});
});

describe('likeLiteral', () => {
	it.each([
		['plain', 'plain'],
		['100%', '100\\%'],
		['a_b', 'a\\_b'],
		['back\\slash', 'back\\\\slash']
	])('%s -> %s', (input, expected) => {
		expect(likeLiteral(input)).toBe(expected);
	});
});

describe('the tracker in words and in CSV (views/actions)', () => {
	it.each<[{ open: number; overdue: number }, string]>([
		[{ open: 1223, overdue: 835 }, '1,223 open actions, 835 overdue, as at 31 December 2024.'],
		[{ open: 1, overdue: 0 }, '1 open action, 0 overdue, as at 31 December 2024.'],
		[{ open: 0, overdue: 0 }, '0 open actions, 0 overdue, as at 31 December 2024.']
	])('totalsSentence %j', (t, expected) => {
		expect(totalsSentence(t, AS_AT)).toBe(expected);
	});

	it.each<[number, string, BucketKey | null, string]>([
		[5, '', null, ''],
		[5, '  ', null, ''],
		[3, 'marac', null, '3 actions match “marac”.'],
		[1, ' leaflet ', null, '1 action matches “leaflet”.'],
		[2, '', '31-90', '2 actions are overdue by 31–90 days.'],
		[1, 'health', 'not-due', '1 action matches “health” and is not yet due (or no target date).']
	])('narrowedSentence(%i, %j, %s)', (n, search, bucket, expected) => {
		expect(narrowedSentence(n, search, bucket)).toBe(expected);
	});

	it.each<[string, Filters, string, BucketKey | null, string]>([
		['nothing', f(), '', null, 'No filters: every open action. As at 31 December 2024.'],
		[
			'filters, search and band',
			f({ partnership: ['East', 'West'], status: ['not started'] }, { from: 2019, to: 2022 }),
			'nurse',
			'0-30',
			'Filters: reviews of 2019–2022; partnership: East or West; action status: Not started; search: “nurse”; overdue by up to 30 days. As at 31 December 2024.'
		],
		['a theme by its label, from a year on', f({ theme: ['marac'] }, { from: 2020 }), '', null, 'Filters: reviews from 2020; theme: MARAC referral. As at 31 December 2024.']
	])('filtersInWords: %s', (_name, filters, search, bucket, expected) => {
		expect(filtersInWords(filters, AS_AT, search, bucket)).toBe(expected);
	});

	it('daysOverdueText says why a row has no days overdue', () => {
		expect(daysOverdueText({ days_overdue: 1200, target_date: '2021-09-17' })).toBe('1,200');
		expect(daysOverdueText({ days_overdue: null, target_date: '2025-01-01' })).toBe('Not yet due');
		expect(daysOverdueText({ days_overdue: null, target_date: null })).toBe('No target date');
	});

	it('actionsCsv writes the rows in the order given, with plain values', async () => {
		const rows = await openActions(engine, f(), AS_AT, { search: 'marac' });
		const csv = actionsCsv([rows[2], rows[0]]);
		expect(csv.split('\r\n')).toEqual([
			'Action id,Days overdue,Overdue band,Action,Lead agency,Owner role,Review,Recommendation number,Recommendation,Target date,Status',
			'B4,31,31–90 days,Agree an information sharing protocol,CSP,DHR coordinator,Q1,2,Share information at MARAC within two working days.,2024-11-30,In progress',
			'B6,91,91–365 days,Audit 100% of referrals_x,CSP,Partnership manager,Q1,2,Share information at MARAC within two working days.,2024-10-01,In progress',
			''
		]);
		expect(actionsCsv([]).split('\r\n')).toHaveLength(2); // the header and the final CRLF
		expect(csvFileName(AS_AT)).toBe('dhr-open-actions-2024-12-31.csv');
	});

	it('an action with no target date has empty cells, not "null"', async () => {
		const [b9] = await openActions(engine, f(), AS_AT, { search: 'yearly' });
		expect(actionsCsv([b9]).split('\r\n')[1]).toBe(
			'B9,,Not yet due,Review the pathway yearly,Health,Safeguarding lead,Q2,1,Ask about abuse when someone presents with self-harm.,,In progress'
		);
	});

	it('bucketCaption says how many are past target, and by more than a year', async () => {
		expect(bucketCaption(await openActionBuckets(engine, f(), AS_AT), '')).toBe(
			'Of the 11 open actions, 8 are past their target date and 1 by more than a year.'
		);
		expect(bucketCaption(await openActionBuckets(engine, f(), AS_AT, 'leaflet'), 'leaflet')).toBe(
			'Of the 1 open action matching “leaflet”, 1 is past its target date and 0 by more than a year.'
		);
	});

	it.each<[string, string, { search: string; bucket: BucketKey | null }]>([
		['nothing', '', { search: '', bucket: null }],
		['both', 'q=nurse&bucket=31-90&partnership=East', { search: 'nurse', bucket: '31-90' }],
		['an unknown bucket is ignored', 'bucket=soon', { search: '', bucket: null }]
	])('readTrackerParams: %s', (_name, qs, expected) => {
		expect(readTrackerParams(new URLSearchParams(qs))).toEqual(expected);
	});

	it.each<[string, string, { search?: string; bucket?: BucketKey | null }, string]>([
		['sets the search, keeps the filters', '/actions?partnership=East', { search: 'nurse' }, '/actions?partnership=East&q=nurse'],
		['an empty search removes q', '/actions?q=nurse&partnership=East', { search: ' ' }, '/actions?partnership=East'],
		['sets the bucket, keeps the search', '/actions?q=nurse', { bucket: '0-30' }, '/actions?q=nurse&bucket=0-30'],
		['null bucket removes it', '/actions?bucket=0-30#table', { bucket: null }, '/actions#table']
	])('withTrackerParams: %s', (_name, from, next, expected) => {
		expect(withTrackerParams(new URL(from, 'http://x.test'), next)).toBe(expected);
	});
});

describe('formatShortDate', () => {
	it.each([
		['2012-06-30', '30 Jun 2012'],
		['2024-01-01', '1 Jan 2024'],
		[null, 'None']
	])('%s -> %s', (iso, expected) => {
		expect(formatShortDate(iso)).toBe(expected);
	});
});

describe('openActions with a limit', () => {
	it('gives the first rows of the same order', async () => {
		const all = await openActions(engine, f(), AS_AT);
		expect(all.length).toBeGreaterThan(2);
		const first = await openActions(engine, f(), AS_AT, { limit: 2 });
		expect(first).toEqual(all.slice(0, 2));
	});

	it('with a search, a band or filters too (the texts are joined after the pick)', async () => {
		for (const [filters, opts] of [
			[f(), { search: 'police' }],
			[f(), { bucket: 'over-365' as const }],
			[f({ agency: ['Police'] }), {}]
		] as const) {
			const all = await openActions(engine, filters, AS_AT, opts);
			for (const limit of [0, 1, all.length, all.length + 3]) {
				expect(await openActions(engine, filters, AS_AT, { ...opts, limit })).toEqual(all.slice(0, limit));
			}
		}
	});
});

describe('a list cut at the limit', () => {
	it('counts the actions matched from the bands: all of them, or the band chosen', async () => {
		const buckets = await openActionBuckets(engine, f(), AS_AT, 'a');
		const all = await openActions(engine, f(), AS_AT, { search: 'a' });
		expect(matchedOfBuckets(buckets, null)).toBe(all.length);
		const band = all[0].bucket;
		expect(matchedOfBuckets(buckets, band)).toBe(all.filter((r) => r.bucket === band).length);
	});

	it('says how many are listed of how many', () => {
		expect(cappedSentence(5000, 204389)).toBe(
			'Listed: the 5,000 most overdue of 204,389 open actions. Search, choose a band or add filters to narrow the list, or list them all (slower).'
		);
	});
});

describe('totalsOfBuckets', () => {
	it('gives the same open and overdue counts as openActionTotals when there is no search', async () => {
		for (const filters of [f(), f({ agency: ['Police'] }), f({}, { from: 2020 })]) {
			expect(totalsOfBuckets(await openActionBuckets(engine, filters, AS_AT))).toEqual(await openActionTotals(engine, filters, AS_AT));
		}
	});
});
