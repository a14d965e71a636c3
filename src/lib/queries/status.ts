/**
 * Queries of the status view: how far the actions of reviews have got, by review year; how long they
 * take after publication; and how many were open (and overdue) at each month end. Every query starts
 * from the filtered scope; statuses are as at the as-at date.
 */
import type { Engine } from '../db/engine';
import { dateLiteral } from '../db/derived';
import type { Filters } from '../filters/filters';
import { scope } from './scope';

export interface StatusYearRow {
	/** Review year (completed, else published); null for reviews with neither date. */
	year: number | null;
	/** Status at the as-at date. */
	status: string;
	actions: number;
}

/** Actions by the year of their review and their status at the as-at date (non-zero pairs only). */
export async function statusByYear(engine: Engine, f: Filters, asAt: string): Promise<StatusYearRow[]> {
	const s = scope(f, asAt);
	return engine.query<StatusYearRow>(
		s.sql(`
		SELECT a.year, a.status, count(*) AS actions
		FROM f_actions_rv AS a
		GROUP BY ALL
		ORDER BY a.year NULLS LAST, a.status`),
		s.params
	);
}

/** The longest time after publication the completion curve follows, in months. */
export const CURVE_MONTHS = 60;

/** What the completion curve is split by: nothing, the recommendation's scope, or the lead agency. */
export type CurveGroupBy = 'all' | 'scope' | 'agency';

/** The split the filters ask for: per agency when agencies are chosen, else per scope when scopes are. */
export function curveGroupBy(f: Filters): CurveGroupBy {
	if (f.values.agency.length) return 'agency';
	if (f.values.scope.length) return 'scope';
	return 'all';
}

// Column expressions chosen from this fixed list, never from input.
const GROUP_SQL: Record<CurveGroupBy, string> = {
	all: `'all'`,
	scope: `a.rec_scope`,
	agency: `a.lead_agency`
};

export interface CurvePoint {
	/** Group key: 'all', a scope code or an agency name; null when the scope or agency is not recorded. */
	group: string | null;
	/** Months since the review was published. */
	months: number;
	/** Actions of reviews published at least `months` months before the as-at date. */
	eligible: number;
	/** Of those, completed on or before publication + `months` months. */
	completed: number;
}

/**
 * Share of actions completed N months after their review was published, N = 0..CURVE_MONTHS.
 *
 * Censoring: a review published 10 months before the as-at date says nothing yet about month 11; so
 * each month's base is only the actions of reviews published at least that long before the as-at date
 * (the base shrinks as N grows, and months no review has reached are left out). Actions of reviews
 * with no publication date are left out; actions completed before publication count from month 0;
 * every action counts in the base, not accepted ones included. "N months after" is calendar months
 * (31 January + 1 month = 28 or 29 February).
 */
export async function completionCurve(engine: Engine, f: Filters, asAt: string): Promise<{ groupBy: CurveGroupBy; points: CurvePoint[] }> {
	const s = scope(f, asAt);
	const groupBy = curveGroupBy(f);
	const points = await engine.query<CurvePoint>(
		s.sql(`,
		acts AS (
			SELECT ${GROUP_SQL[groupBy]} AS grp, a.review_published AS published, a.completed_date AS done
			FROM f_actions_rv AS a
			WHERE a.review_published IS NOT NULL
		),
		months AS (SELECT range AS months FROM range(0, ${CURVE_MONTHS + 1})),
		pairs AS (
			SELECT grp, months, CAST(published + to_months(CAST(months AS INTEGER)) AS DATE) AS horizon, done
			FROM acts CROSS JOIN months
		)
		SELECT grp AS "group", CAST(months AS INTEGER) AS months,
		       count(*) AS eligible,
		       count(*) FILTER (WHERE done IS NOT NULL AND done <= horizon) AS completed
		FROM pairs
		WHERE horizon <= ${dateLiteral(asAt)}
		GROUP BY ALL
		ORDER BY "group" NULLS LAST, months`),
		s.params
	);
	return { groupBy, points };
}

export interface BacklogPoint {
	/** A month end, or the as-at date itself when it is not one (the last point). */
	date: string;
	/** Actions open on that date. */
	open: number;
	/** Of those, past their target date on that date. */
	overdue: number;
}

/**
 * Open and overdue actions at each month end, from the month of the earliest review in scope to the
 * as-at date (which is always the last point, so it matches the "open now" figures).
 *
 * An action opens on its review's completion date (publication date when none is recorded) and closes
 * on its completion date. Not-accepted actions are never counted as open: they were never part of the
 * plan to be delivered (and when they were declined is not recorded). Completed actions without a
 * completion date are left out, as nobody knows when they closed. Overdue on a date: open, with a
 * target date before that date (the same rule as at the as-at date).
 */
export async function backlogByMonth(engine: Engine, f: Filters, asAt: string): Promise<BacklogPoint[]> {
	const s = scope(f, asAt);
	const at = dateLiteral(asAt);
	return engine.query<BacklogPoint>(
		s.sql(`,
		spans AS (
			SELECT coalesce(a.review_completed, a.review_published) AS opened, a.completed_date AS closed_on, a.target_date
			FROM f_actions_rv AS a
			WHERE a.status IN ('not started', 'in progress') OR (a.status = 'completed' AND a.completed_date IS NOT NULL)
		),
		first AS (SELECT min(opened) AS d FROM spans WHERE opened <= ${at}),
		ends AS (
			SELECT CAST(last_day(CAST(m AS DATE)) AS DATE) AS date
			FROM first, range(CAST(date_trunc('month', first.d) AS TIMESTAMP), CAST(${at} AS TIMESTAMP), INTERVAL 1 MONTH) AS t(m)
			WHERE last_day(CAST(m AS DATE)) < ${at}
			UNION
			SELECT ${at} FROM first WHERE first.d IS NOT NULL
		)
		SELECT e.date,
		       count(sp.opened) AS open,
		       count(sp.opened) FILTER (WHERE sp.target_date < e.date) AS overdue
		FROM ends AS e
		LEFT JOIN spans AS sp ON sp.opened <= e.date AND (sp.closed_on IS NULL OR sp.closed_on > e.date)
		GROUP BY e.date
		ORDER BY e.date`),
		s.params
	);
}
