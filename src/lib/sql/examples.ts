/**
 * Example queries for the common questions. Each starts from the filtered_* views, so it answers for
 * what the dashboard shows under the current filters and as-at date. Every one runs on the demo
 * data under Node in tests/unit/console.test.ts.
 */
export interface Example {
	id: string;
	title: string;
	sql: string;
}

export const EXAMPLES: Example[] = [
	{
		id: 'themes-by-year',
		title: 'Themes by year',
		sql: `-- Recommendations per theme and year (a recommendation with two themes counts under each)
SELECT v.year, t.theme, count(DISTINCT t.recommendation_id) AS recommendations
FROM recommendation_themes AS t
JOIN filtered_recommendations AS r USING (recommendation_id)
JOIN filtered_reviews AS v USING (review_id)
GROUP BY ALL
ORDER BY v.year, recommendations DESC`
	},
	{
		id: 'overdue-by-agency',
		title: 'Overdue actions by agency',
		sql: `-- Open actions past their target date at the as-at date, by lead agency
SELECT lead_agency, count(*) AS overdue_actions, round(median(days_overdue)) AS median_days_overdue
FROM filtered_actions
WHERE overdue
GROUP BY ALL
ORDER BY overdue_actions DESC`
	},
	{
		id: 'time-to-complete-by-scope',
		title: 'Time to complete by scope',
		sql: `-- Days from the review's completion to each completed action, by recommendation scope
SELECT r.scope, count(*) AS completed_actions,
       median(date_diff('day', v.completed_date, a.completed_date)) AS median_days
FROM filtered_actions AS a
JOIN filtered_recommendations AS r ON r.recommendation_id = a.recommendation_id
JOIN filtered_reviews AS v ON v.review_id = r.review_id
WHERE a.status = 'completed' AND v.completed_date IS NOT NULL
GROUP BY ALL
ORDER BY r.scope`
	},
	{
		id: 'reviews-with-factor',
		title: 'Reviews with a given factor',
		sql: `-- Reviews where coercive control was recorded (change the factor code to ask about another)
SELECT v.review_id, v.partnership, v.year, v.death_type
FROM filtered_reviews AS v
WHERE EXISTS (
  SELECT 1 FROM review_factors AS f
  WHERE f.review_id = v.review_id AND f.factor = 'coercive_control'
)
ORDER BY v.year DESC, v.review_id`
	},
	{
		id: 'repeated-themes',
		title: 'Themes repeated across years',
		sql: `-- Partnerships that made recommendations on the same theme in more than one year
SELECT v.partnership, t.theme,
       count(DISTINCT v.year) AS years,
       array_to_string(list_sort(list(DISTINCT v.year)), ', ') AS in_years,
       count(DISTINCT r.recommendation_id) AS recommendations
FROM filtered_recommendations AS r
JOIN recommendation_themes AS t USING (recommendation_id)
JOIN filtered_reviews AS v USING (review_id)
GROUP BY ALL
HAVING count(DISTINCT v.year) > 1
ORDER BY years DESC, recommendations DESC`
	}
];

/** The query the console opens with: overdue actions by lead agency. */
const DEFAULT_SQL = 'SELECT lead_agency, count(*) AS overdue_actions\nFROM filtered_actions\nWHERE overdue\nGROUP BY ALL\nORDER BY overdue_actions DESC';

/** The console's first query: the one a shared link carries (`?sql=`), else the default. */
export function initialSql(shared: string | null): string {
	return shared ?? DEFAULT_SQL;
}
