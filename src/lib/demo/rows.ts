/**
 * Row shapes of the five tables, field for field as in model/schema.ts (the table builder checks
 * every value against the schema at run time; these types catch slips at compile time). Dates are
 * day numbers (days.ts).
 */
import type { Day } from './days';

export type ReviewRow = {
	review_id: string;
	review_type: string;
	partnership: string;
	region: string | null;
	death_month: Day | null;
	commissioned_date: Day | null;
	completed_date: Day | null;
	published_date: Day | null;
	death_type: string | null;
	victim_sex: string | null;
	victim_age_band: string | null;
	perpetrator_sex: string | null;
	perpetrator_age_band: string | null;
	relationship: string | null;
	children_present: boolean | null;
	multiple_victims: boolean | null;
};

export type ReviewFactorRow = { review_id: string; subject: string; factor: string };

export type RecommendationRow = {
	recommendation_id: string;
	review_id: string;
	rec_number: number | null;
	scope: string | null;
	agency: string | null;
	agency_sector: string | null;
	text: string;
};

export type RecommendationThemeRow = { recommendation_id: string; theme: string; source: string; confidence: number | null };
export type RecommendationCategoryRow = { recommendation_id: string; category: string; source: string; confidence: number | null };

export type ActionRow = {
	action_id: string;
	recommendation_id: string;
	description: string;
	lead_agency: string | null;
	owner_role: string | null;
	target_date: Day | null;
	status: string;
	completed_date: Day | null;
	evidence: string | null;
	last_updated: Day | null;
};
