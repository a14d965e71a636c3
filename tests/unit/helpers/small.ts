/**
 * A small fixed dataset for query tests, small enough to count by hand:
 *
 * review  year  partnership  death type                 recs (agency, scope, themes)             actions (lead, status, target)
 * R1      2018  North        intimate partner homicide  R1-1 Police single [marac, risk]          A1 Police completed 2019-01-31 (done 2019-01-15)
 *                                                                                                  A2 Police in progress 2023-06-30
 *                                                       R1-2 CSP multi [information_sharing]      A3 Health not started 2020-01-31
 * R2      2020  North        suicide following …         R2-1 Health single [mental_health]        A4 Health completed 2021-03-31 (done 2021-05-01, late)
 *                                                       R2-2 Police single [risk]                 A5 Police not accepted 2021-03-31
 * R3      2023  South        adult family homicide      R3-1 Housing single [housing, risk]        A6 Housing in progress 2025-12-31
 *                                                                                                  A7 Housing in progress 2024-06-30
 * As at 2024-12-31: overdue are A2 (550 days), A3 (335 days), A7 (184 days).
 */
import type { FixtureRows } from './fixture';

export const AS_AT = '2024-12-31';

const review = (id: string, year: number, partnership: string, death_type: string) => ({
	review_id: id,
	review_type: 'DHR',
	partnership,
	region: partnership === 'North' ? 'North East' : 'South West',
	completed_date: `${year}-06-15`,
	published_date: `${year}-09-01`,
	death_type,
	victim_sex: 'female'
});
const rec = (id: string, agency: string, scope: string, sector: string) => ({
	recommendation_id: id,
	review_id: id.split('-')[0],
	rec_number: Number(id.split('-')[1]),
	scope,
	agency,
	agency_sector: sector,
	text: `Recommendation ${id} for ${agency}`
});
const act = (id: string, recId: string, lead: string, status: string, target: string, completed: string | null = null) => ({
	action_id: id,
	recommendation_id: recId,
	description: `Action ${id}`,
	lead_agency: lead,
	status,
	target_date: target,
	completed_date: completed
});

export const SMALL: FixtureRows = {
	reviews: [
		review('R1', 2018, 'North', 'intimate partner homicide'),
		review('R2', 2020, 'North', 'suicide following domestic abuse'),
		review('R3', 2023, 'South', 'adult family homicide')
	],
	review_factors: [
		{ review_id: 'R1', subject: 'incident', factor: 'coercive_control' },
		{ review_id: 'R1', subject: 'incident', factor: 'separation' },
		{ review_id: 'R2', subject: 'incident', factor: 'coercive_control' },
		{ review_id: 'R2', subject: 'victim', factor: 'mental_health' },
		{ review_id: 'R3', subject: 'perpetrator', factor: 'alcohol' }
	],
	recommendations: [
		rec('R1-1', 'Police', 'single-agency', 'police'),
		rec('R1-2', 'CSP', 'multi-agency', 'community safety partnership'),
		rec('R2-1', 'Health', 'single-agency', 'health'),
		rec('R2-2', 'Police', 'single-agency', 'police'),
		rec('R3-1', 'Housing', 'single-agency', 'housing')
	],
	recommendation_themes: [
		['R1-1', 'marac'],
		['R1-1', 'risk_assessment'],
		['R1-2', 'information_sharing'],
		['R2-1', 'mental_health'],
		['R2-2', 'risk_assessment'],
		['R3-1', 'housing'],
		['R3-1', 'risk_assessment']
	].map(([recommendation_id, theme]) => ({ recommendation_id, theme, source: 'coded' })),
	actions: [
		act('A1', 'R1-1', 'Police', 'completed', '2019-01-31', '2019-01-15'),
		act('A2', 'R1-1', 'Police', 'in progress', '2023-06-30'),
		act('A3', 'R1-2', 'Health', 'not started', '2024-01-31'),
		act('A4', 'R2-1', 'Health', 'completed', '2021-03-31', '2021-05-01'),
		act('A5', 'R2-2', 'Police', 'not accepted', '2021-03-31'),
		act('A6', 'R3-1', 'Housing', 'in progress', '2025-12-31'),
		act('A7', 'R3-1', 'Housing', 'in progress', '2024-06-30')
	]
};
