/**
 * A fixture for the status view, with dates chosen to count months by hand. As at 2024-12-31.
 *
 * review  completed   published   recs (agency, scope)
 * S1      2020-01-15  2020-03-01  S1-1 Police single-agency, S1-2 CSP multi-agency
 * S2      2022-05-10  2022-07-01  S2-1 Health single-agency
 * S3      2024-02-01  2024-06-30  S3-1 Police single-agency
 * S4      2023-10-01  (none)      S4-1 Housing single-agency
 *
 * action  rec   lead     status        target      completed   month completed after publication
 * B1      S1-1  Police   completed     2020-06-30  2020-02-01  0 (before publication)
 * B2      S1-1  Police   completed     2020-06-30  2020-09-15  7
 * B3      S1-2  CSP      completed     2021-01-31  2022-01-10  23
 * B4      S1-2  CSP      not accepted  2020-12-31  –           never
 * B5      S2-1  Health   completed     2022-12-31  2023-01-05  7
 * B6      S2-1  Health   in progress   2023-06-30  –           never
 * B7      S3-1  Police   not started   2025-03-31  –           never
 * B8      S3-1  Police   completed     2024-12-31  2025-02-01  never (after the as-at date)
 * B9      S4-1  Housing  completed     2024-03-31  2024-03-01  (review not published)
 *
 * Reviews old enough at 2024-12-31 for month N: S1 for N <= 57, S2 for N <= 29, S3 for N <= 6
 * (2024-06-30 + 6 months = 2024-12-30).
 */
import type { FixtureRows } from './fixture';

export const AS_AT = '2024-12-31';

const review = (review_id: string, completed_date: string, published_date: string | null) => ({
	review_id,
	review_type: 'DHR',
	partnership: 'North',
	completed_date,
	published_date
});
const rec = (recommendation_id: string, agency: string, scope: string) => ({
	recommendation_id,
	review_id: recommendation_id.split('-')[0],
	rec_number: Number(recommendation_id.split('-')[1]),
	scope,
	agency,
	text: `Recommendation ${recommendation_id}`
});
const act = (action_id: string, recommendation_id: string, lead_agency: string, status: string, target_date: string, completed_date: string | null = null) => ({
	action_id,
	recommendation_id,
	description: `Action ${action_id}`,
	lead_agency,
	status,
	target_date,
	completed_date,
	last_updated: completed_date ?? '2020-05-01'
});

export const STATUS: FixtureRows = {
	reviews: [
		review('S1', '2020-01-15', '2020-03-01'),
		review('S2', '2022-05-10', '2022-07-01'),
		review('S3', '2024-02-01', '2024-06-30'),
		review('S4', '2023-10-01', null)
	],
	recommendations: [
		rec('S1-1', 'Police', 'single-agency'),
		rec('S1-2', 'CSP', 'multi-agency'),
		rec('S2-1', 'Health', 'single-agency'),
		rec('S3-1', 'Police', 'single-agency'),
		rec('S4-1', 'Housing', 'single-agency')
	],
	actions: [
		act('B1', 'S1-1', 'Police', 'completed', '2020-06-30', '2020-02-01'),
		act('B2', 'S1-1', 'Police', 'completed', '2020-06-30', '2020-09-15'),
		act('B3', 'S1-2', 'CSP', 'completed', '2021-01-31', '2022-01-10'),
		act('B4', 'S1-2', 'CSP', 'not accepted', '2020-12-31'),
		act('B5', 'S2-1', 'Health', 'completed', '2022-12-31', '2023-01-05'),
		act('B6', 'S2-1', 'Health', 'in progress', '2023-06-30'),
		act('B7', 'S3-1', 'Police', 'not started', '2025-03-31'),
		act('B8', 'S3-1', 'Police', 'completed', '2024-12-31', '2025-02-01'),
		act('B9', 'S4-1', 'Housing', 'completed', '2024-03-31', '2024-03-01')
	]
};
