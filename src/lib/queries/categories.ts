/**
 * Queries of kinds of change: which of the Home Office's eight recommendation categories the
 * recommendations in scope ask for (recommendation_categories, several per recommendation), by
 * year, by the agency they are addressed to, and against what they are about (their themes).
 *
 * The unit is the recommendation: a recommendation asking for training and policy counts once under
 * each, so the kinds of one year or agency add up to more than its recommendations. The base of a
 * share is the recommendations with at least one kind of change recorded (after loading, every
 * recommendation with a text has one: see db/dataset). Categories are counted from this table only,
 * never from themes.
 */
import type { Engine } from '../db/engine';
import type { Filters } from '../filters/filters';
import { CATEGORY_IDS, categoryLabel } from '../model/categories';
import { THEMES, themeLabel } from '../model/themes';
import { scope, sqlString } from './scope';

/** The eight in the Library's order, then any other code found in the data (sorted). */
function orderedCategories(found: Iterable<string>): string[] {
	const extra = [...new Set(found)].filter((c) => !CATEGORY_IDS.includes(c)).sort();
	return [...CATEGORY_IDS, ...extra];
}

export interface CategoryTotal {
	category: string;
	label: string;
	/** Recommendations in scope asking for it. */
	recommendations: number;
	/** Of those, how many have it from the tagger (source 'auto'), not from a person. */
	auto: number;
	/** recommendations as a percentage of `CategoryTotals.recommendations`; null with none. */
	share: number | null;
}

export interface CategoryTotals {
	/** Every one of the eight (and any other code in the data), in the Library's order, zeros included. */
	categories: CategoryTotal[];
	/** Recommendations in scope with at least one kind of change. */
	recommendations: number;
	/** Recommendations in scope with none recorded (no text to read one from). */
	without: number;
	/** Recommendations in scope whose kinds of change are all from the tagger. */
	all_auto: number;
}

/** How many recommendations in scope ask for each kind of change, and how many of those were tagged automatically. */
export async function categoryTotals(engine: Engine, f: Filters, asAt: string): Promise<CategoryTotals> {
	const s = scope(f, asAt);
	const rows = await engine.query<{ part: string; category: string | null; n: number; auto: number }>(
		s.sql(`
		SELECT 'cat' AS part, category, count(DISTINCT recommendation_id) AS n, count(DISTINCT recommendation_id) FILTER (WHERE source = 'auto') AS auto
		FROM f_rec_categories GROUP BY ALL
		UNION ALL
		SELECT 'with', NULL, count(DISTINCT recommendation_id), count(DISTINCT recommendation_id) FILTER (WHERE NOT has_person) FROM (
			SELECT recommendation_id, bool_or(source <> 'auto') AS has_person FROM f_rec_categories GROUP BY ALL
		)
		UNION ALL
		SELECT 'recs', NULL, count(*), 0 FROM f_recs`)
	);
	const by = new Map(rows.filter((r) => r.part === 'cat').map((r) => [r.category!, r]));
	const withAny = rows.find((r) => r.part === 'with');
	const recommendations = withAny?.n ?? 0;
	const all = rows.find((r) => r.part === 'recs')?.n ?? 0;
	return {
		categories: orderedCategories(by.keys()).map((category) => {
			const n = by.get(category)?.n ?? 0;
			return { category, label: categoryLabel(category), recommendations: n, auto: by.get(category)?.auto ?? 0, share: recommendations > 0 ? (100 * n) / recommendations : null };
		}),
		recommendations,
		without: Math.max(0, all - recommendations),
		all_auto: withAny?.auto ?? 0
	};
}

export interface CategoryYearCell {
	category: string;
	year: number;
	/** Recommendations of that year asking for the kind of change. */
	recommendations: number;
	/** Recommendations of that year with any kind of change recorded: the share's base. */
	in_year: number;
	/** recommendations / in_year as a percentage; null for a year with none. */
	share: number | null;
}

export interface CategoryYearMix {
	/** The eight (and any other code), Library order, each with its total over the years shown. */
	categories: { id: string; label: string; recommendations: number }[];
	/** Every year from the first to the last with a recommendation, gaps included. */
	years: { year: number; recommendations: number }[];
	/** Every (category, year), zeros included: categories in the order above, then years. */
	cells: CategoryYearCell[];
	/** Recommendations with a kind of change and a year (the sum over `years`). */
	recommendations: number;
	/** Recommendations with a kind of change whose review has no year. */
	without_year: number;
}

/** For each kind of change and year (the review's year), the recommendations asking for it and their share of the year's. */
export async function categoryYearMix(engine: Engine, f: Filters, asAt: string): Promise<CategoryYearMix> {
	const s = scope(f, asAt);
	const rows = await engine.query<{ part: 'cell' | 'year'; category: string | null; year: number | null; n: number }>(
		s.sql(`
		SELECT 'cell' AS part, category, year, count(DISTINCT recommendation_id) AS n FROM f_rec_categories WHERE year IS NOT NULL GROUP BY ALL
		UNION ALL
		SELECT 'year', NULL, year, count(DISTINCT recommendation_id) FROM f_rec_categories GROUP BY ALL`)
	);
	const cells = rows.filter((r) => r.part === 'cell');
	const perYear = new Map(rows.filter((r) => r.part === 'year' && r.year != null).map((r) => [r.year as number, r.n]));
	const seen = [...perYear.keys()];
	const years: { year: number; recommendations: number }[] = [];
	if (seen.length) for (let y = Math.min(...seen); y <= Math.max(...seen); y++) years.push({ year: y, recommendations: perYear.get(y) ?? 0 });
	const n = new Map(cells.map((c) => [`${c.category}|${c.year}`, c.n]));
	const ids = orderedCategories(cells.map((c) => c.category!));
	const out = ids.flatMap((category) =>
		years.map(({ year, recommendations: base }) => {
			const k = n.get(`${category}|${year}`) ?? 0;
			return { category, year, recommendations: k, in_year: base, share: base > 0 ? (100 * k) / base : null };
		})
	);
	return {
		categories: ids.map((id) => ({ id, label: categoryLabel(id), recommendations: out.filter((c) => c.category === id).reduce((a, c) => a + c.recommendations, 0) })),
		years,
		cells: out,
		recommendations: years.reduce((a, y) => a + y.recommendations, 0),
		without_year: rows.find((r) => r.part === 'year' && r.year == null)?.n ?? 0
	};
}

export interface CategoryAgencyMix {
	/** The agencies shown: the most recommendations first (at most `limit`), each with its recommendations with any kind. */
	agencies: { agency: string; recommendations: number }[];
	categories: { id: string; label: string }[];
	/** Every (agency, category) of those shown, zeros included. */
	cells: { agency: string; category: string; recommendations: number }[];
	/** Agencies with recommendations under the filters, shown or not. */
	agency_count: number;
}

/**
 * For the agencies receiving most recommendations in scope (at most `limit`; with an agency filter,
 * the chosen agencies), how many of their recommendations ask for each kind of change.
 * Recommendations with no agency recorded are left out.
 */
export async function categoryAgencyMix(engine: Engine, f: Filters, asAt: string, limit = 15): Promise<CategoryAgencyMix> {
	const s = scope(f, asAt);
	const chosen = f.values.agency;
	const only = chosen.length ? `AND agency IN (${chosen.map(sqlString).join(', ')})` : '';
	const rows = await engine.query<{ part: 'cell' | 'agency'; agency: string; category: string | null; n: number }>(
		s.sql(`
		SELECT 'cell' AS part, agency, category, count(DISTINCT recommendation_id) AS n FROM f_rec_categories WHERE agency IS NOT NULL ${only} GROUP BY ALL
		UNION ALL
		SELECT 'agency', agency, NULL, count(DISTINCT recommendation_id) FROM f_rec_categories WHERE agency IS NOT NULL ${only} GROUP BY ALL`)
	);
	const all = rows
		.filter((r) => r.part === 'agency')
		.map((r) => ({ agency: r.agency, recommendations: r.n }))
		.sort((a, b) => b.recommendations - a.recommendations || a.agency.localeCompare(b.agency, 'en-GB'));
	const agencies = all.slice(0, limit);
	const cellRows = rows.filter((r) => r.part === 'cell');
	const ids = orderedCategories(cellRows.map((r) => r.category!));
	const n = new Map(cellRows.map((r) => [`${r.agency}\u0000${r.category}`, r.n]));
	return {
		agencies,
		categories: ids.map((id) => ({ id, label: categoryLabel(id) })),
		cells: agencies.flatMap((a) => ids.map((category) => ({ agency: a.agency, category, recommendations: n.get(`${a.agency}\u0000${category}`) ?? 0 }))),
		agency_count: all.length
	};
}

export interface CategoryTopicMatrix {
	/** Themes found with any kind of change, in taxonomy order, each with its recommendations. */
	themes: { id: string; label: string; recommendations: number }[];
	/** The eight (and any other code), Library order, each with its recommendations that have a theme. */
	categories: { id: string; label: string; recommendations: number }[];
	/** Every (theme, category), zeros included. */
	cells: { theme: string; category: string; recommendations: number }[];
	/** Recommendations in scope with both a theme and a kind of change. */
	recommendations: number;
}

/** What recommendations are about (themes) against what kind of change they ask for: recommendations with both. */
export async function categoryTopicMatrix(engine: Engine, f: Filters, asAt: string): Promise<CategoryTopicMatrix> {
	const s = scope(f, asAt);
	const rows = await engine.query<{ part: 'cell' | 'theme' | 'cat' | 'all'; theme: string | null; category: string | null; n: number }>(
		s.sql(`,
		rec_pair AS (SELECT DISTINCT c.recommendation_id, t.theme, c.category FROM f_rec_categories AS c JOIN f_rec_themes AS t USING (recommendation_id))
		SELECT 'cell' AS part, theme, category, count(*) AS n FROM rec_pair GROUP BY ALL
		UNION ALL SELECT 'theme', theme, NULL, count(DISTINCT recommendation_id) FROM rec_pair GROUP BY ALL
		UNION ALL SELECT 'cat', NULL, category, count(DISTINCT recommendation_id) FROM rec_pair GROUP BY ALL
		UNION ALL SELECT 'all', NULL, NULL, count(DISTINCT recommendation_id) FROM rec_pair`)
	);
	const themeN = new Map(rows.filter((r) => r.part === 'theme').map((r) => [r.theme!, r.n]));
	const catN = new Map(rows.filter((r) => r.part === 'cat').map((r) => [r.category!, r.n]));
	const known = THEMES.map((t) => t.id);
	const themeIds = [...known, ...[...themeN.keys()].filter((t) => !known.includes(t)).sort()].filter((t) => (themeN.get(t) ?? 0) > 0);
	const catIds = orderedCategories(catN.keys());
	const n = new Map(rows.filter((r) => r.part === 'cell').map((r) => [`${r.theme}|${r.category}`, r.n]));
	return {
		themes: themeIds.map((id) => ({ id, label: themeLabel(id), recommendations: themeN.get(id)! })),
		categories: catIds.map((id) => ({ id, label: categoryLabel(id), recommendations: catN.get(id) ?? 0 })),
		cells: themeIds.flatMap((theme) => catIds.map((category) => ({ theme, category, recommendations: n.get(`${theme}|${category}`) ?? 0 }))),
		recommendations: rows.find((r) => r.part === 'all')?.n ?? 0
	};
}
