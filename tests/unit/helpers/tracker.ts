/**
 * A small fixed dataset for the actions tracker and the review pages, with an action at every
 * bucket edge. As at 2024-12-31 (2024 is a leap year):
 *
 * review  year  partnership  recs (agency, scope, themes)
 * Q1      2022  East         Q1-1 Police single [risk_assessment coded, workforce_training auto]
 *                            Q1-2 CSP multi [information_sharing coded, marac coded]
 * Q2      2023  West         Q2-1 Health single [mental_health coded]
 * Q3      —     West         (no recommendations; no completed or published date)
 *
 * action  rec   lead     owner role           status (at as-at)                 target      days late  bucket
 * B1      Q1-1  Police   Sergeant             in progress                       2024-12-31    0        not-due (due on the date)
 * B2      Q1-1  Police   Inspector            not started                       2024-12-30    1        0-30
 * B3      Q1-1  Police   Training lead        in progress                       2024-12-01   30        0-30
 * B4      Q1-2  CSP      DHR coordinator      in progress                       2024-11-30   31        31-90
 * B5      Q1-2  Health   Named nurse          not started                       2024-10-02   90        31-90
 * B6      Q1-2  CSP      Partnership manager  in progress                       2024-10-01   91        91-365
 * B7      Q2-1  Health   Named nurse          in progress                       2024-01-01  365        91-365
 * B8      Q2-1  Health   Safeguarding lead    not started                       2023-12-31  366        over-365
 * B9      Q2-1  Health   Safeguarding lead    in progress                       —           —        not-due (no target)
 * B10     Q2-1  Health   Named nurse          completed 2025-02-01 → in progress 2024-12-15   16        0-30
 * B11     Q2-1  Police   Inspector            completed 2024-06-01 (closed)     2024-05-01
 * B12     Q1-2  CSP      DHR coordinator      not accepted (closed)             2023-01-01
 * B13     Q2-1  Housing  Tenancy manager      in progress                       2025-03-31  -90        not-due
 *
 * Open: 11 (B1–B10, B13). Overdue: 8 (B2–B8, B10).
 * Buckets: not-due 3 (B1, B9, B13) · 0-30 3 (B2, B3, B10) · 31-90 2 (B4, B5) · 91-365 2 (B6, B7) · over-365 1 (B8).
 */
import type { FixtureRows } from './fixture';

export const AS_AT = '2024-12-31';

const act = (
	id: string,
	recId: string,
	lead: string,
	owner: string,
	status: string,
	target: string | null,
	description: string,
	completed: string | null = null
) => ({
	action_id: id,
	recommendation_id: recId,
	description,
	lead_agency: lead,
	owner_role: owner,
	status,
	target_date: target,
	completed_date: completed
});

export const TRACKER: FixtureRows = {
	reviews: [
		{
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
			multiple_victims: false
		},
		{
			review_id: 'Q2',
			review_type: 'DARDR',
			partnership: 'West',
			region: 'South West',
			completed_date: '2023-07-01',
			death_type: 'suicide following domestic abuse',
			victim_sex: 'male'
		},
		{ review_id: 'Q3', review_type: 'DHR', partnership: 'West', region: 'South West' }
	],
	review_factors: [
		{ review_id: 'Q1', subject: 'incident', factor: 'separation' },
		{ review_id: 'Q1', subject: 'incident', factor: 'coercive_control' },
		{ review_id: 'Q1', subject: 'victim', factor: 'mental_health' },
		{ review_id: 'Q1', subject: 'perpetrator', factor: 'alcohol' },
		{ review_id: 'Q2', subject: 'victim', factor: 'pregnancy' }
	],
	recommendations: [
		{
			recommendation_id: 'Q1-1',
			review_id: 'Q1',
			rec_number: 1,
			scope: 'single-agency',
			agency: 'Police',
			agency_sector: 'police',
			text: 'Improve risk assessment training for call handlers.'
		},
		{
			recommendation_id: 'Q1-2',
			review_id: 'Q1',
			rec_number: 2,
			scope: 'multi-agency',
			agency: 'CSP',
			agency_sector: 'community safety partnership',
			text: 'Share information at MARAC within two working days.'
		},
		{
			recommendation_id: 'Q2-1',
			review_id: 'Q2',
			rec_number: 1,
			scope: 'single-agency',
			agency: 'Health',
			agency_sector: 'health',
			text: 'Ask about abuse when someone presents with self-harm.'
		}
	],
	recommendation_themes: [
		{ recommendation_id: 'Q1-1', theme: 'risk_assessment', source: 'coded' },
		{ recommendation_id: 'Q1-1', theme: 'workforce_training', source: 'auto' },
		{ recommendation_id: 'Q1-2', theme: 'information_sharing', source: 'coded' },
		{ recommendation_id: 'Q1-2', theme: 'marac', source: 'coded' },
		{ recommendation_id: 'Q2-1', theme: 'mental_health', source: 'coded' }
	],
	actions: [
		act('B1', 'Q1-1', 'Police', 'Sergeant', 'in progress', '2024-12-31', 'Brief call handlers on the risk checklist'),
		act('B2', 'Q1-1', 'Police', 'Inspector', 'not started', '2024-12-30', 'Add the checklist to the call script'),
		act('B3', 'Q1-1', 'Police', 'Training lead', 'in progress', '2024-12-01', 'Run refresher sessions'),
		act('B4', 'Q1-2', 'CSP', 'DHR coordinator', 'in progress', '2024-11-30', 'Agree an information sharing protocol'),
		act('B5', 'Q1-2', 'Health', 'Named nurse', 'not started', '2024-10-02', 'Attend every meeting'),
		act('B6', 'Q1-2', 'CSP', 'Partnership manager', 'in progress', '2024-10-01', 'Audit 100% of referrals_x'),
		act('B7', 'Q2-1', 'Health', 'Named nurse', 'in progress', '2024-01-01', 'Update the self-harm pathway'),
		act('B8', 'Q2-1', 'Health', 'Safeguarding lead', 'not started', '2023-12-31', 'Train emergency staff'),
		act('B9', 'Q2-1', 'Health', 'Safeguarding lead', 'in progress', null, 'Review the pathway yearly'),
		act('B10', 'Q2-1', 'Health', 'Named nurse', 'completed', '2024-12-15', 'Write a leaflet', '2025-02-01'),
		act('B11', 'Q2-1', 'Police', 'Inspector', 'completed', '2024-05-01', 'Flag the address', '2024-06-01'),
		act('B12', 'Q1-2', 'CSP', 'DHR coordinator', 'not accepted', '2023-01-01', 'Fund a new post'),
		act('B13', 'Q2-1', 'Housing', 'Tenancy manager', 'in progress', '2025-03-31', 'Check tenancy records')
	]
};
