/**
 * The query behind repeated lessons: every recommendation under the current filters, with what the
 * repeat finder needs (its review's year, its agency, its themes, its text) and how its actions
 * stood at the as-at date. Grouping the recommendations into lessons is pure logic, in
 * `src/lib/lessons/repeats.ts`; this only fetches.
 *
 * Actions are those of `f_actions` (so the lead agency and status filters count here as elsewhere):
 * completed, open (not started or in progress; overdue ones included) and overdue, from the
 * `action_facts` macro at the as-at date.
 */
import type { Engine } from '../db/engine';
import type { Filters } from '../filters/filters';
import { scope } from './scope';

export interface LessonRecommendation {
	recommendation_id: string;
	review_id: string;
	/** The review's year (completed, else published); null when it has neither date. */
	year: number | null;
	rec_number: number | null;
	agency: string | null;
	text: string;
	/** Theme ids, sorted; empty when it has none. */
	themes: string[];
	actions: number;
	completed: number;
	/** Not closed (not started or in progress), overdue ones included. */
	open: number;
	overdue: number;
}

/** Recommendations under the filters, oldest review first, then by review and number. */
export async function lessonRecommendations(engine: Engine, f: Filters, asAt: string): Promise<LessonRecommendation[]> {
	const s = scope(f, asAt, { text: true });
	const rows = await engine.query<Omit<LessonRecommendation, 'themes'> & { themes: string | null }>(
		s.sql(`,
		rec_actions AS (
			SELECT recommendation_id,
			       count(*) AS actions,
			       count(*) FILTER (WHERE status = 'completed') AS completed,
			       count(*) FILTER (WHERE NOT closed) AS open,
			       count(*) FILTER (WHERE overdue) AS overdue
			FROM f_actions GROUP BY ALL
		),
		rec_themes AS (
			SELECT recommendation_id, string_agg(DISTINCT theme, '|' ORDER BY theme) AS themes
			FROM f_rec_themes
			GROUP BY ALL
		)
		SELECT r.recommendation_id, r.review_id, v.year, r.rec_number, r.agency, r.text, t.themes,
		       coalesce(a.actions, 0) AS actions, coalesce(a.completed, 0) AS completed,
		       coalesce(a.open, 0) AS open, coalesce(a.overdue, 0) AS overdue
		FROM f_recs AS r
		JOIN f_reviews AS v USING (review_id)
		LEFT JOIN rec_actions AS a USING (recommendation_id)
		LEFT JOIN rec_themes AS t USING (recommendation_id)
		ORDER BY v.year NULLS LAST, r.review_id, r.rec_number NULLS LAST, r.recommendation_id`),
		s.params
	);
	return rows.map((r) => ({ ...r, themes: r.themes ? r.themes.split('|') : [] }));
}
