/**
 * A small fixed dataset for the themes queries, counted by hand:
 *
 * review  year  partnership  recommendations [themes]                         factors (subject: factor)
 * T1      2019  North        T1-1 Police [marac, risk_assessment]             incident: coercive_control, victim: alcohol
 *                            T1-2 CSP    [information_sharing]
 * T2      2019  South        T2-1 Police [risk_assessment]                    incident: coercive_control, separation; perpetrator: alcohol
 * T3      2020  North        T3-1 Police [information_sharing, marac]         victim: mental_health, perpetrator: mental_health
 * T4      2021  North        T4-1 Housing [housing], T4-2 Police [risk_assessment]   (none recorded)
 * T5      2022  South        T5-1 CSP    [information_sharing]                incident: coercive_control, stalking
 * T6      2022  North        T6-1 CSP    [marac, information_sharing]         incident: separation; victim: alcohol; perpetrator: alcohol
 * T7      —     North        T7-1 Police [marac]  (no completed or published date, so no year)   incident: coercive_control
 * T8      2020  South        (no recommendation)                              (none recorded)
 *
 * As at 2022-06-30 (2022 is a partial year).
 */
import type { FixtureRows } from './fixture';

export const THEMES_AS_AT = '2022-06-30';

const review = (id: string, year: number | null, partnership: string) => ({
	review_id: id,
	review_type: 'DHR',
	partnership,
	region: partnership === 'North' ? 'North East' : 'South West',
	completed_date: year == null ? null : `${year}-05-20`,
	published_date: year == null ? null : `${year}-11-02`,
	death_type: 'intimate partner homicide',
	victim_sex: 'female'
});
const rec = (id: string, agency: string) => ({
	recommendation_id: id,
	review_id: id.split('-')[0],
	rec_number: Number(id.split('-')[1]),
	scope: agency === 'CSP' ? 'multi-agency' : 'single-agency',
	agency,
	text: `Recommendation ${id} for ${agency}`
});

export const THEMES_FIXTURE: FixtureRows = {
	reviews: [
		review('T1', 2019, 'North'),
		review('T2', 2019, 'South'),
		review('T3', 2020, 'North'),
		review('T4', 2021, 'North'),
		review('T5', 2022, 'South'),
		review('T6', 2022, 'North'),
		review('T7', null, 'North'),
		review('T8', 2020, 'South')
	],
	review_factors: [
		['T1', 'incident', 'coercive_control'],
		['T1', 'victim', 'alcohol'],
		['T2', 'incident', 'coercive_control'],
		['T2', 'incident', 'separation'],
		['T2', 'perpetrator', 'alcohol'],
		['T3', 'victim', 'mental_health'],
		['T3', 'perpetrator', 'mental_health'],
		['T5', 'incident', 'coercive_control'],
		['T5', 'incident', 'stalking'],
		['T6', 'incident', 'separation'],
		['T6', 'victim', 'alcohol'],
		['T6', 'perpetrator', 'alcohol'],
		['T7', 'incident', 'coercive_control']
	].map(([review_id, subject, factor]) => ({ review_id, subject, factor })),
	recommendations: [
		rec('T1-1', 'Police'),
		rec('T1-2', 'CSP'),
		rec('T2-1', 'Police'),
		rec('T3-1', 'Police'),
		rec('T4-1', 'Housing'),
		rec('T4-2', 'Police'),
		rec('T5-1', 'CSP'),
		rec('T6-1', 'CSP'),
		rec('T7-1', 'Police')
	],
	recommendation_themes: [
		['T1-1', 'marac'],
		['T1-1', 'risk_assessment'],
		['T1-2', 'information_sharing'],
		['T2-1', 'risk_assessment'],
		['T3-1', 'information_sharing'],
		['T3-1', 'marac'],
		['T4-1', 'housing'],
		['T4-2', 'risk_assessment'],
		['T5-1', 'information_sharing'],
		['T6-1', 'marac'],
		['T6-1', 'information_sharing'],
		['T7-1', 'marac']
	].map(([recommendation_id, theme]) => ({ recommendation_id, theme, source: 'coded' })),
	actions: []
};
