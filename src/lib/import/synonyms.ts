/**
 * Header words that mean a model column, for trackers kept by hand. Compared after `normalise`
 * (lower case, letters and digits only), so "Lead Agency", "lead_agency" and "LEAD-AGENCY:" match.
 * A target is `table.column` of the data model (src/lib/model/schema.ts).
 */
export const SYNONYMS: Record<string, string[]> = {
	'reviews.review_id': ['review id', 'review', 'review ref', 'review reference', 'review name', 'name of review', 'dhr', 'dhr id', 'dhr ref', 'dhr reference', 'dhr reference number', 'dhr name', 'dhr no', 'dhr number', 'dardr', 'dardr ref', 'case', 'case name', 'case ref', 'case reference', 'incident id'],
	'reviews.review_type': ['review type', 'type of review'],
	'reviews.partnership': ['partnership', 'csp', 'community safety partnership'],
	'reviews.region': ['region'],
	'reviews.death_month': ['death month', 'date of death', 'month of death', 'death date'],
	'reviews.commissioned_date': ['commissioned', 'commissioned date', 'date commissioned'],
	'reviews.completed_date': ['review completed', 'review completed date', 'date review completed', 'report signed off'],
	'reviews.published_date': ['published', 'published date', 'date published', 'publication date', 'date of publication', 'year published', 'year of publication', 'publication'],
	'reviews.death_type': ['death type', 'type of death'],
	'reviews.victim_sex': ['victim sex', 'sex of victim'],
	'reviews.victim_age_band': ['victim age', 'victim age band', 'age of victim'],
	'reviews.perpetrator_sex': ['perpetrator sex', 'sex of perpetrator'],
	'reviews.perpetrator_age_band': ['perpetrator age', 'perpetrator age band'],
	'reviews.relationship': ['relationship', 'relationship to perpetrator'],
	'reviews.children_present': ['children present', 'children in household'],
	'reviews.multiple_victims': ['multiple victims'],
	'recommendations.recommendation_id': ['recommendation id', 'rec id', 'recommendation ref', 'rec ref'],
	'recommendations.rec_number': ['rec no', 'rec number', 'rec', 'recommendation no', 'recommendation number', 'rec num', 'no'],
	'recommendations.scope': ['scope', 'level', 'recommendation scope', 'single or multi agency'],
	'recommendations.agency': ['recommendation agency', 'addressed to', 'agency addressed', 'recommendation for', 'recommendation owner'],
	'recommendations.agency_sector': ['sector', 'agency sector'],
	'recommendations.text': ['recommendation', 'recommendation text', 'recommendations', 'text'],
	'recommendation_themes.theme': ['theme', 'themes', 'topic'],
	// The Home Office DHR Library's recommendation categories: what kind of change is asked for.
	'recommendation_categories.category': ['category', 'categories', 'kind of change', 'kinds of change', 'type of change', 'ho category', 'home office category', 'recommendation category', 'dhr library category', 'type of recommendation'],
	'actions.action_id': ['action id', 'action ref', 'action reference', 'action no', 'action number'],
	'actions.description': ['action', 'actions', 'action description', 'description', 'what will be done', 'action to be taken'],
	'actions.lead_agency': ['lead agency', 'organisation', 'organization', 'agency', 'lead organisation', 'responsible agency'],
	'actions.owner_role': ['lead officer', 'owner', 'owner role', 'lead role', 'lead officer role', 'responsible officer'],
	'actions.target_date': ['target date', 'due date', 'deadline', 'timescale', 'target', 'due', 'by when'],
	'actions.status': ['status', 'rag', 'rag status', 'progress', 'rag rating'],
	'actions.completed_date': ['date completed', 'completed date', 'completion date', 'completed', 'date of completion'],
	'actions.evidence': ['evidence', 'outcome', 'outcome evidence', 'evidence of completion', 'outcome and evidence'],
	'actions.last_updated': ['last updated', 'updated', 'date updated', 'last update']
};

export function normalise(header: string): string {
	return header
		.toLowerCase()
		.replace(/&/g, 'and')
		.replace(/[^a-z0-9]+/g, '');
}
