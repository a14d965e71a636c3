/**
 * Queries of the agencies view. An agency is counted two ways, as the data records them:
 * recommendations by the agency they are **addressed to** (`recommendations.agency`), actions by their
 * **lead agency** (`actions.lead_agency`). Every query starts from the filtered scope, so each figure
 * answers to the filters in force; statuses and overdue are as at the as-at date.
 */
import type { Engine, Param } from '../db/engine';
import type { Filters } from '../filters/filters';
import { scope } from './scope';

export interface AgencyRow {
	/** The agency's name; null for recommendations or actions with no agency recorded. */
	agency: string | null;
	/** Recommendations addressed to the agency. */
	recommendations: number;
	/** Actions the agency leads. */
	actions: number;
	/** Of those, completed at the as-at date. */
	completed: number;
	/** completed / actions, 0–100 (one decimal), null without actions. */
	pct_completed: number | null;
	/** Completed actions with both a target and a completion date (the base of `pct_on_time`). */
	completed_dated: number;
	/** Of those, completed on or before the target date. */
	on_time: number;
	/** on_time / completed_dated, 0–100 (one decimal), null when no completed action has both dates. */
	pct_on_time: number | null;
	/**
	 * Median days from the review's completion (its publication when no completion date is recorded)
	 * to the action's completion, over completed actions; null when none. Not from the target date:
	 * a target is a plan, not a start.
	 */
	median_days: number | null;
	/** Actions not closed (neither completed nor not accepted) at the as-at date. */
	open: number;
	/** Open actions with a target date before the as-at date. */
	overdue: number;
}

/** The agency filter restricts the rows to the agencies chosen (else recommendations addressed to
 * other agencies, kept by the scope because the chosen agency leads one of their actions, would
 * show up as rows with no actions). */
function agencyRestriction(f: Filters): { sql: string; params: Param[] } {
	const chosen = f.values.agency;
	if (!chosen.length) return { sql: '', params: [] };
	return { sql: `WHERE agency IN (${chosen.map(() => '?').join(', ')})`, params: [...chosen] };
}

/** One row per agency: recommendations received, actions led, completion, timeliness, open and overdue. */
export async function agencyTable(engine: Engine, f: Filters, asAt: string): Promise<AgencyRow[]> {
	const s = scope(f, asAt);
	const only = agencyRestriction(f);
	return engine.query<AgencyRow>(
		s.sql(`,
		recs AS (
			SELECT agency, count(*) AS recommendations FROM f_recs GROUP BY ALL
		),
		acts AS (
			SELECT a.lead_agency AS agency,
			       count(*) AS actions,
			       count(*) FILTER (WHERE a.status = 'completed') AS completed,
			       count(a.on_time) AS completed_dated,
			       count(*) FILTER (WHERE a.on_time) AS on_time,
			       median(date_diff('day', coalesce(a.review_completed, a.review_published), a.completed_date))
			         FILTER (WHERE a.status = 'completed') AS median_days,
			       count(*) FILTER (WHERE NOT a.closed) AS open,
			       count(*) FILTER (WHERE a.overdue) AS overdue
			FROM f_actions_rv AS a
			GROUP BY ALL
		),
		joined AS (
			SELECT coalesce(r.agency, a.agency) AS agency,
			       coalesce(r.recommendations, 0) AS recommendations,
			       coalesce(a.actions, 0) AS actions,
			       coalesce(a.completed, 0) AS completed,
			       coalesce(a.completed_dated, 0) AS completed_dated,
			       coalesce(a.on_time, 0) AS on_time,
			       a.median_days,
			       coalesce(a.open, 0) AS open,
			       coalesce(a.overdue, 0) AS overdue
			FROM recs AS r FULL OUTER JOIN acts AS a ON r.agency IS NOT DISTINCT FROM a.agency
		)
		SELECT agency, recommendations, actions, completed,
		       CASE WHEN actions > 0 THEN round(100.0 * completed / actions, 1) END AS pct_completed,
		       completed_dated, on_time,
		       CASE WHEN completed_dated > 0 THEN round(100.0 * on_time / completed_dated, 1) END AS pct_on_time,
		       median_days, open, overdue
		FROM joined ${only.sql}
		ORDER BY overdue DESC, open DESC, agency NULLS LAST`),
		[...s.params, ...only.params]
	);
}

export interface AgencyThemeCell {
	agency: string;
	theme: string;
	/** Recommendations addressed to the agency with this theme. */
	recommendations: number;
}

/**
 * Recommendations by the agency they are addressed to and by theme (a recommendation with two themes
 * counts under each). Only non-zero pairs; recommendations with no agency recorded are left out.
 */
export async function agencyThemeCells(engine: Engine, f: Filters, asAt: string): Promise<AgencyThemeCell[]> {
	const s = scope(f, asAt);
	const only = agencyRestriction(f);
	return engine.query<AgencyThemeCell>(
		s.sql(`
		SELECT agency, theme, count(DISTINCT recommendation_id) AS recommendations
		FROM (SELECT agency, theme, recommendation_id FROM f_rec_themes WHERE agency IS NOT NULL)
		${only.sql}
		GROUP BY ALL
		ORDER BY agency, theme`),
		[...s.params, ...only.params]
	);
}

export interface OpenAction {
	action_id: string;
	description: string;
	review_id: string;
	recommendation_id: string;
	rec_number: number | null;
	owner_role: string | null;
	target_date: string | null;
	/** Status at the as-at date: 'not started' or 'in progress'. */
	status: string;
	overdue: boolean;
	/** Days past the target date at the as-at date; null when not overdue. */
	days_overdue: number | null;
}

/**
 * The open actions an agency leads at the as-at date, under the filters in force: most overdue first,
 * then those not yet due by target date (no target date last).
 */
export async function agencyOpenActions(engine: Engine, f: Filters, asAt: string, agency: string): Promise<OpenAction[]> {
	const s = scope(f, asAt, { text: true });
	return engine.query<OpenAction>(
		s.sql(`
		SELECT a.action_id, a.description, a.review_id, a.recommendation_id, r.rec_number, a.owner_role,
		       a.target_date, a.status, a.overdue, a.days_overdue
		FROM f_actions AS a JOIN f_recs AS r USING (recommendation_id)
		WHERE a.lead_agency = ? AND NOT a.closed
		ORDER BY a.days_overdue DESC NULLS LAST, a.target_date NULLS LAST, a.action_id`),
		[...s.params, agency]
	);
}
