/**
 * The next version of a tracker (src/lib/import/update.ts): reviews paired by partnership and id or
 * name, actions paired by id or description, what changed counted exactly on the fixed fixtures
 * (helpers/tracker.ts and helpers/tracker-next.ts), the status and overdue rules held equal to the
 * SQL macros of db/derived.ts, and `applyUpdate` replacing the updated reviews only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeEngine } from '$lib/db/node';
import type { Engine } from '$lib/db/engine';
import { dateLiteral } from '$lib/db/derived';
import { applyUpdate, compareTables, isOverdue, pairReviews, reviewsInCommon, statusAt, updateRecord, UpdateError } from '$lib/import/update';
import type { Tables } from '$lib/import/build';
import { loadFixture } from './helpers/fixture';
import { AS_AT, TRACKER } from './helpers/tracker';
import { NEXT_AS_AT, nextTables, trackerTables } from './helpers/tracker-next';

const ids = (rows: readonly { action_id: string }[]) => rows.map((r) => r.action_id).sort();

describe('what changed since the last import', () => {
	const changes = compareTables(trackerTables(), nextTables(), { asAt: NEXT_AS_AT, keptAsAt: AS_AT });

	it('pairs the reviews by partnership and id; the kept review not in the import is not listed', () => {
		expect(changes.reviews.map((r) => [r.review_id, r.kept_review_id, r.partnership, r.matched_by])).toEqual([
			['Q1', 'Q1', 'East', 'id'],
			['Q2', 'Q2', 'West', 'id']
		]);
		expect(changes.new_reviews).toEqual([]);
		expect(changes.as_at).toBe('2025-03-31');
		expect(changes.kept_as_at).toBe('2024-12-31');
	});

	it('counts in total: 3 completed, 1 newly overdue, 1 added, 1 removed, 2 moved, 1 status changed', () => {
		expect(changes.totals).toEqual({ completed: 3, overdue: 1, added: 1, removed: 1, moved: 2, status: 1 });
	});

	it('counts per review', () => {
		expect(changes.reviews[0].counts).toEqual({ completed: 1, overdue: 0, added: 1, removed: 1, moved: 1, status: 1 });
		expect(changes.reviews[1].counts).toEqual({ completed: 2, overdue: 1, added: 0, removed: 0, moved: 1, status: 0 });
	});

	it('lists each change with its dates', () => {
		const [q1, q2] = changes.reviews;
		expect(q1.completed.map((c) => [c.action_id, c.completed_date])).toEqual([['B3', '2025-01-20']]);
		expect(q2.completed.map((c) => [c.action_id, c.completed_date])).toEqual([
			['B8', '2025-02-10'],
			['B10', '2025-02-01']
		]);
		expect(q2.overdue).toMatchObject([{ action_id: 'B13', target_date: '2025-03-01', days_overdue: 30, rec_number: 1 }]);
		expect(q1.moved.map((m) => [m.action_id, m.from, m.to])).toEqual([['B1', '2024-12-31', '2025-06-30']]);
		expect(q2.moved.map((m) => [m.action_id, m.from, m.to])).toEqual([['B13', '2025-03-31', '2025-03-01']]);
		expect(q1.status.map((s) => [s.action_id, s.from, s.to])).toEqual([['B5', 'not started', 'in progress']]);
		expect(q1.added).toMatchObject([{ action_id: 'B14', review_id: 'Q1', recommendation_id: 'Q1-1', description: 'Check the call script each quarter', lead_agency: 'Police' }]);
		expect(q1.removed).toMatchObject([{ action_id: 'B2', description: 'Add the checklist to the call script' }]);
	});

	it('finds nothing when the same tables are compared at the same date', () => {
		const same = compareTables(trackerTables(), trackerTables(), { asAt: AS_AT });
		expect(same.totals).toEqual({ completed: 0, overdue: 0, added: 0, removed: 0, moved: 0, status: 0 });
		expect(same.reviews).toHaveLength(3);
	});

	it('keeps a short record of the update for the meta: counts, dates, no action lists', () => {
		expect(updateRecord(changes, '2025-04-02T10:00:00.000Z')).toEqual({
			updated_at: '2025-04-02T10:00:00.000Z',
			previous_as_at: '2024-12-31',
			as_at: '2025-03-31',
			totals: { completed: 3, overdue: 1, added: 1, removed: 1, moved: 2, status: 1 },
			reviews: [
				{ review_id: 'Q1', partnership: 'East', counts: { completed: 1, overdue: 0, added: 1, removed: 1, moved: 1, status: 1 } },
				{ review_id: 'Q2', partnership: 'West', counts: { completed: 2, overdue: 1, added: 0, removed: 0, moved: 1, status: 0 } }
			],
			new_reviews: []
		});
	});
});

describe('pairing', () => {
	it('falls back to the same partnership and the review name ignoring case and punctuation', () => {
		const kept = [{ review_id: 'DHR-3', partnership: 'Anytown CSP' }, { review_id: 'DHR 4', partnership: 'Anytown CSP' }];
		const incoming = [
			{ review_id: 'dhr 3', partnership: 'anytown csp' },
			{ review_id: 'DHR 4', partnership: 'Anytown CSP' },
			{ review_id: 'DHR 4', partnership: 'Othertown CSP' }
		];
		const { pairs, unpaired } = pairReviews(kept, incoming);
		expect(pairs.map((p) => [p.incoming.review_id, p.kept.review_id, p.by])).toEqual([
			['dhr 3', 'DHR-3', 'name'],
			['DHR 4', 'DHR 4', 'id']
		]);
		expect(unpaired.map((r) => r.partnership)).toEqual(['Othertown CSP']);
		expect(reviewsInCommon(kept, incoming)).toBe(2);
	});

	it('pairs actions with generated ids by their description when a row above was removed (ids shifted)', () => {
		const rec = { recommendation_id: 'R-R1', review_id: 'R', rec_number: 1, text: 'Train staff.' };
		const a = (n: number, description: string, status = 'in progress') => ({ action_id: `R-R1-A${n}`, recommendation_id: 'R-R1', description, status, target_date: '2030-01-01' });
		const kept: Tables = { reviews: [{ review_id: 'R', partnership: 'P' }], review_factors: [], recommendations: [rec], recommendation_themes: [], recommendation_categories: [], actions: [a(1, 'Write the course'), a(2, 'Book the rooms'), a(3, 'Run the course')] };
		const incoming: Tables = { ...kept, actions: [a(1, 'Write the course.'), a(2, 'Run  the COURSE', 'completed')] };
		const c = compareTables(kept, incoming, { asAt: '2026-01-01' });
		expect(c.totals).toEqual({ completed: 1, overdue: 0, added: 0, removed: 1, moved: 0, status: 0 });
		expect(c.reviews[0].removed.map((r) => r.description)).toEqual(['Book the rooms']);
		expect(c.reviews[0].completed.map((r) => r.action_id)).toEqual(['R-R1-A2']);
	});

	it('does not pair a removed and an added action by a generated id they happen to share', () => {
		const rec = { recommendation_id: 'R-R1', review_id: 'R', rec_number: 1, text: 'Train staff.' };
		const a = (n: number, description: string) => ({ action_id: `R-R1-A${n}`, recommendation_id: 'R-R1', description, status: 'in progress' });
		const kept: Tables = { reviews: [{ review_id: 'R', partnership: 'P' }], review_factors: [], recommendations: [rec], recommendation_themes: [], recommendation_categories: [], actions: [a(1, 'Write the course'), a(2, 'Book the rooms')] };
		const incoming: Tables = { ...kept, actions: [a(1, 'Write the course'), a(2, 'Film the course')] };
		expect(compareTables(kept, incoming, { asAt: '2026-01-01' }).totals).toMatchObject({ added: 1, removed: 1 });
		// The file's own ids pair a reworded action.
		const own = (t: Tables): Tables => ({ ...t, actions: t.actions.map((x) => ({ ...x, action_id: `X${String(x.action_id).slice(-1)}` })) });
		expect(compareTables(own(kept), own(incoming), { asAt: '2026-01-01' }).totals).toMatchObject({ added: 0, removed: 0 });
	});

	it('pairs the recommendations of a review paired by name by their number (their generated ids differ)', () => {
		const kept: Tables = {
			reviews: [{ review_id: 'DHR-3', partnership: 'P' }],
			review_factors: [],
			recommendations: [{ recommendation_id: 'DHR-3-R1', review_id: 'DHR-3', rec_number: 1, text: 'Train.' }],
			recommendation_themes: [],
			recommendation_categories: [],
			actions: [{ action_id: 'DHR-3-R1-A1', recommendation_id: 'DHR-3-R1', description: 'Course', status: 'in progress' }]
		};
		const incoming: Tables = {
			reviews: [{ review_id: 'DHR 3', partnership: 'P' }],
			review_factors: [],
			recommendations: [{ recommendation_id: 'DHR 3-R1', review_id: 'DHR 3', rec_number: 1, text: 'Train staff.' }],
			recommendation_themes: [],
			recommendation_categories: [],
			actions: [{ action_id: 'DHR 3-R1-A1', recommendation_id: 'DHR 3-R1', description: 'Course', status: 'completed', completed_date: '2025-01-01' }]
		};
		const c = compareTables(kept, incoming, { asAt: '2025-06-30' });
		expect(c.reviews[0].matched_by).toBe('name');
		expect(c.totals).toEqual({ completed: 1, overdue: 0, added: 0, removed: 0, moved: 0, status: 0 });
	});
});

describe('the rules are those of db/derived.ts', () => {
	let engine: Engine;
	beforeAll(async () => {
		engine = await openNodeEngine();
		await loadFixture(engine, TRACKER);
	});
	afterAll(() => engine?.close());

	for (const at of ['2024-06-01', '2024-12-15', AS_AT, '2025-02-01', '2025-03-31']) {
		it(`status and overdue of every action as at ${at}`, async () => {
			const sql = await engine.query<{ action_id: string; status: string; overdue: boolean }>(
				`SELECT action_id, status, overdue FROM action_facts(${dateLiteral(at)}) ORDER BY action_id`
			);
			const ts = [...TRACKER.actions!]
				.map((a) => {
					const status = statusAt(a.status, a.completed_date, at);
					return { action_id: String(a.action_id), status, overdue: isOverdue(status, a.target_date, at) };
				})
				.sort((x, y) => (x.action_id < y.action_id ? -1 : 1));
			expect(ts).toEqual(sql);
		});
	}
});

describe('applyUpdate', () => {
	const kept = trackerTables();
	const updated = applyUpdate(kept, nextTables());

	it('replaces the updated reviews and keeps every other review as it was', () => {
		expect(updated.reviews.map((r) => r.review_id)).toEqual(['Q3', 'Q1', 'Q2']);
		expect(updated.reviews[0]).toEqual(kept.reviews[2]);
		expect(ids(updated.actions as { action_id: string }[])).toEqual(['B1', 'B10', 'B11', 'B12', 'B13', 'B14', 'B3', 'B4', 'B5', 'B6', 'B7', 'B8', 'B9']);
		expect(updated.actions.find((a) => a.action_id === 'B3')).toMatchObject({ status: 'completed', completed_date: '2025-01-20' });
		// The import's themes (coded only) replace the earlier ones.
		expect(updated.recommendation_themes).toHaveLength(4);
	});

	it('keeps what the import does not say: review columns it leaves empty, case factors it does not give', () => {
		expect(updated.reviews[1]).toMatchObject({ review_id: 'Q1', partnership: 'East', death_type: 'intimate partner homicide', victim_sex: 'female' });
		expect(updated.review_factors).toHaveLength(5);
	});

	it('adds the import reviews that are new', () => {
		const inc = nextTables();
		inc.reviews.push({ review_id: 'Q9', review_type: 'DHR', partnership: 'North' });
		const c = compareTables(kept, inc, { asAt: NEXT_AS_AT, keptAsAt: AS_AT });
		expect(c.new_reviews).toEqual(['Q9']);
		expect(applyUpdate(kept, inc).reviews.map((r) => r.review_id)).toEqual(['Q3', 'Q1', 'Q2', 'Q9']);
	});

	it('refuses, in words, an import whose ids another kept review already uses', () => {
		const inc = nextTables();
		inc.reviews.push({ review_id: 'Q3', review_type: 'DHR', partnership: 'North' });
		expect(() => applyUpdate(kept, inc)).toThrow(UpdateError);
		expect(() => applyUpdate(kept, inc)).toThrow(/review id "Q3" is already used by another review of the kept dataset: nothing was changed/);
	});
});
