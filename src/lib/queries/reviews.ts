/**
 * Queries of the review list (/reviews) and of the page of one review (/reviews/[id]). The list
 * answers to the shared filters; a review's own page shows the whole review (every recommendation
 * and action), at the as-at date only.
 */
import type { Engine } from '../db/engine';
import type { Filters } from '../filters/filters';
import { dateLiteral } from '../db/derived';
import { scope } from './scope';

export interface ReviewListRow {
	review_id: string;
	partnership: string;
	/** Year the review counts under (completed, else published); null without either date. */
	year: number | null;
	death_type: string | null;
	/** Recommendations matching the filters. */
	recommendations: number;
	/** Their actions matching the filters. */
	actions: number;
	/** Share of those actions completed at the as-at date, 0–100 (one decimal), null without actions. */
	pct_complete: number | null;
	/** Of those actions, overdue at the as-at date. */
	overdue: number;
}

/** Reviews under the filters, newest year first (undated last), then by id. */
export async function reviewList(engine: Engine, f: Filters, asAt: string): Promise<ReviewListRow[]> {
	const s = scope(f, asAt);
	return engine.query<ReviewListRow>(
		s.sql(`,
		recs AS (SELECT review_id, count(*) AS n FROM f_recs GROUP BY ALL),
		acts AS (
			SELECT review_id, count(*) AS n,
			       count(*) FILTER (WHERE status = 'completed') AS completed,
			       count(*) FILTER (WHERE overdue) AS overdue
			FROM f_actions GROUP BY ALL
		)
		SELECT v.review_id, v.partnership, v.year, v.death_type,
		       coalesce(recs.n, 0) AS recommendations,
		       coalesce(acts.n, 0) AS actions,
		       CASE WHEN acts.n > 0 THEN round(100.0 * acts.completed / acts.n, 1) END AS pct_complete,
		       coalesce(acts.overdue, 0) AS overdue
		FROM f_reviews AS v
		LEFT JOIN recs USING (review_id)
		LEFT JOIN acts USING (review_id)
		ORDER BY v.year DESC NULLS LAST, v.review_id`),
		s.params
	);
}

export interface ReviewProfile {
	review_id: string;
	review_type: string;
	partnership: string;
	region: string | null;
	death_month: string | null;
	commissioned_date: string | null;
	completed_date: string | null;
	published_date: string | null;
	death_type: string | null;
	victim_sex: string | null;
	victim_age_band: string | null;
	perpetrator_sex: string | null;
	perpetrator_age_band: string | null;
	relationship: string | null;
	children_present: boolean | null;
	multiple_victims: boolean | null;
	year: number | null;
}

export interface ReviewFactor {
	subject: string;
	factor: string;
}

export interface ReviewTheme {
	theme: string;
	/** 'coded' (assigned by a person) or 'auto' (tagged from the text by keywords). */
	source: string;
}

export interface ReviewAction {
	action_id: string;
	description: string;
	lead_agency: string | null;
	owner_role: string | null;
	target_date: string | null;
	/** Status at the as-at date. */
	status: string;
	/** Completion date, when completed by the as-at date. */
	completed_date: string | null;
	overdue: boolean;
	days_overdue: number | null;
}

export interface ReviewRecommendation {
	recommendation_id: string;
	rec_number: number | null;
	scope: string | null;
	agency: string | null;
	agency_sector: string | null;
	text: string;
	themes: ReviewTheme[];
	actions: ReviewAction[];
}

export interface ReviewDetail {
	review: ReviewProfile;
	factors: ReviewFactor[];
	recommendations: ReviewRecommendation[];
}

export interface ReviewLookup {
	/** The id asked for. */
	id: string;
	/** The review, or null when no review has that id. */
	detail: ReviewDetail | null;
}

/**
 * One review with its factors, its recommendations (by number) with their themes and actions (by
 * target date), as they stood at the as-at date. Never null itself (a loading state
 * is null): `detail` is null when no review has that id.
 */
export async function reviewDetail(engine: Engine, id: string, asAt: string): Promise<ReviewLookup> {
	// Five small queries at once: the engine queues them; nothing waits on another's answer.
	const [[review], factors, recs, themes, actions] = await Promise.all([
		engine.query<ReviewProfile>(`SELECT *, review_year(completed_date, published_date) AS year FROM reviews WHERE review_id = ?`, [id]),
		engine.query<ReviewFactor>(`SELECT subject, factor FROM review_factors WHERE review_id = ? ORDER BY subject, factor`, [id]),
		engine.query<Omit<ReviewRecommendation, 'themes' | 'actions'>>(
			`SELECT recommendation_id, rec_number, scope, agency, agency_sector, text
			FROM recommendations WHERE review_id = ? ORDER BY rec_number NULLS LAST, recommendation_id`,
			[id]
		),
		engine.query<ReviewTheme & { recommendation_id: string }>(
			`SELECT t.recommendation_id, t.theme, t.source
			FROM recommendation_themes AS t JOIN recommendations AS r USING (recommendation_id)
			WHERE r.review_id = ? ORDER BY t.recommendation_id, t.theme`,
			[id]
		),
		engine.query<ReviewAction & { recommendation_id: string }>(
			`SELECT recommendation_id, action_id, description, lead_agency, owner_role, target_date, status,
			        completed_date, overdue, days_overdue
			FROM action_facts(${dateLiteral(asAt)}) WHERE review_id = ?
			ORDER BY target_date NULLS LAST, action_id`,
			[id]
		)
	]);
	if (!review) return { id, detail: null };
	const recommendations = recs.map((r) => ({
		...r,
		themes: themes.filter((t) => t.recommendation_id === r.recommendation_id).map(({ theme, source }) => ({ theme, source })),
		actions: actions.filter((a) => a.recommendation_id === r.recommendation_id).map(({ recommendation_id: _, ...a }) => a)
	}));
	return { id, detail: { review, factors, recommendations } };
}
