/**
 * Queries of the overview page. Each is a named, typed function of the engine and the as-at date;
 * components never hold SQL.
 */
import type { Engine } from '../db/engine';
import type { Filters } from '../filters/filters';
import { scope } from './scope';
import { THEMES, themeLabel } from '../model/themes';

export interface OverviewTiles {
	reviews: number;
	recommendations: number;
	actions: number;
	/** Actions completed at the as-at date. */
	actions_completed: number;
	/** Share of all actions completed at the as-at date, 0–100, or null without actions. */
	pct_completed: number | null;
	/** Actions open with a target date before the as-at date. */
	actions_overdue: number;
}

export async function overviewTiles(engine: Engine, f: Filters, asAt: string): Promise<OverviewTiles> {
	const s = scope(f, asAt);
	const [row] = await engine.query<OverviewTiles>(
		s.sql(`,
		a AS (
			SELECT count(*) AS actions,
			       count(*) FILTER (WHERE status = 'completed') AS actions_completed,
			       count(*) FILTER (WHERE overdue) AS actions_overdue
			FROM f_actions
		)
		SELECT (SELECT count(*) FROM f_reviews) AS reviews,
		       (SELECT count(*) FROM f_recs) AS recommendations,
		       a.actions, a.actions_completed,
		       CASE WHEN a.actions > 0 THEN round(100.0 * a.actions_completed / a.actions, 1) END AS pct_completed,
		       a.actions_overdue
		FROM a`),
		s.params
	);
	return row;
}

export interface ThemeYearCell {
	theme: string;
	year: number;
	recommendations: number;
}

export interface ThemeYearMatrix {
	themes: { id: string; label: string; total: number }[];
	years: number[];
	/** Every (theme, year) pair, zeros included, themes in taxonomy order then years ascending. */
	cells: ThemeYearCell[];
	/** Recommendations whose review has no completed or published date, so no year. */
	without_year: number;
}

/**
 * Recommendations by theme and by the year their review was completed (published when the completion
 * date is missing). A recommendation with two themes counts once under each.
 */
export async function recommendationsByThemeYear(engine: Engine, f: Filters, asAt: string): Promise<ThemeYearMatrix> {
	const s = scope(f, asAt);
	// One round trip: the cells, and (part 'undated') the recommendations of reviews with no year.
	const rows = await engine.query<ThemeYearCell & { part: 'cell' | 'undated'; theme: string | null }>(
		s.sql(`
		SELECT 'cell' AS part, theme, year, count(DISTINCT recommendation_id) AS recommendations
		FROM f_rec_themes
		GROUP BY ALL
		UNION ALL
		SELECT 'undated', NULL, NULL, count(*) FROM f_recs AS r JOIN f_reviews AS v USING (review_id) WHERE v.year IS NULL`),
		s.params
	);
	const without_year = rows.find((r) => r.part === 'undated')?.recommendations ?? 0;
	return completeMatrix(
		rows.filter((r) => r.part === 'cell' && r.year != null).map(({ theme, year, recommendations }) => ({ theme: theme!, year, recommendations })),
		without_year
	);
}

/** Fill in the zeros: every theme of the taxonomy (and any unknown one in the data) by every year. */
export function completeMatrix(rows: ThemeYearCell[], without_year = 0): ThemeYearMatrix {
	const known = THEMES.map((t) => t.id);
	const extra = [...new Set(rows.map((r) => r.theme))].filter((t) => !known.includes(t)).sort();
	const ids = [...known, ...extra];
	const yearsSeen = rows.map((r) => r.year);
	const years: number[] = [];
	if (yearsSeen.length) {
		for (let y = Math.min(...yearsSeen); y <= Math.max(...yearsSeen); y++) years.push(y);
	}
	const n = new Map(rows.map((r) => [`${r.theme}|${r.year}`, r.recommendations]));
	const cells = ids.flatMap((theme) =>
		years.map((year) => ({ theme, year, recommendations: n.get(`${theme}|${year}`) ?? 0 }))
	);
	const themes = ids.map((id) => ({
		id,
		label: themeLabel(id),
		total: cells.filter((c) => c.theme === id).reduce((s, c) => s + c.recommendations, 0)
	}));
	return { themes, years, cells, without_year };
}
