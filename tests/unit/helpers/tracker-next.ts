/**
 * The next version of the tracker fixture (helpers/tracker.ts), as at 2025-03-31, for the update
 * tests. Reviews Q1 and Q2 only (Q3 is not in this tracker). Against TRACKER as at 2024-12-31:
 *
 * action  change                                                   counted as
 * B1      target 2024-12-31 -> 2025-06-30                          moved
 * B2      gone                                                     removed
 * B3      completed 2025-01-20                                     completed
 * B5      not started -> in progress (overdue before and now)      status
 * B8      completed 2025-02-10                                     completed
 * B10     unchanged row: completed 2025-02-01, after the old as-at  completed (it was open then)
 * B13     target 2025-03-31 -> 2025-03-01, now before the as-at     moved, newly overdue
 * B14     new in Q1-1, target 2025-01-31 (already overdue)         added (only)
 *
 * Totals: completed 3, newly overdue 1, added 1, removed 1, moved 2, status 1.
 * Q1: completed 1 (B3), added 1, removed 1, moved 1 (B1), status 1 (B5).
 * Q2: completed 2 (B8, B10), overdue 1 (B13), moved 1 (B13).
 */
import type { Tables } from '$lib/import/build';
import { TRACKER } from './tracker';

export const NEXT_AS_AT = '2025-03-31';

const base = TRACKER.actions!;
const edits: Record<string, Record<string, string | null>> = {
	B1: { target_date: '2025-06-30' },
	B3: { status: 'completed', completed_date: '2025-01-20' },
	B5: { status: 'in progress' },
	B8: { status: 'completed', completed_date: '2025-02-10' },
	B13: { target_date: '2025-03-01' }
};

/** The fixture's rows as the model's Tables (every table present). */
export function trackerTables(): Tables {
	return {
		reviews: structuredClone(TRACKER.reviews ?? []),
		review_factors: structuredClone(TRACKER.review_factors ?? []),
		recommendations: structuredClone(TRACKER.recommendations ?? []),
		recommendation_themes: structuredClone(TRACKER.recommendation_themes ?? []),
		recommendation_categories: [],
		actions: structuredClone(base)
	};
}

export function nextTables(): Tables {
	const t = trackerTables();
	return {
		reviews: t.reviews.filter((r) => r.review_id !== 'Q3').map((r) => ({ review_id: r.review_id, review_type: r.review_type, partnership: r.partnership })),
		review_factors: [],
		recommendations: t.recommendations,
		recommendation_themes: t.recommendation_themes.filter((x) => x.source === 'coded'),
		recommendation_categories: [],
		actions: [
			...t.actions.filter((a) => a.action_id !== 'B2').map((a) => ({ ...a, ...(edits[String(a.action_id)] ?? {}) })),
			{
				action_id: 'B14',
				recommendation_id: 'Q1-1',
				description: 'Check the call script each quarter',
				lead_agency: 'Police',
				owner_role: 'Inspector',
				status: 'in progress',
				target_date: '2025-01-31',
				completed_date: null
			}
		]
	};
}
