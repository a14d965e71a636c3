/**
 * Queries of the themes view: how often each theme recurs across reviews, year by year, and which
 * themes (and which case factors) turn up in the same reviews.
 *
 * The unit is the review, not the recommendation: a review "has" a theme when any of its
 * recommendations under the current filters is tagged with it, however many are. So with a theme
 * filter on, only recommendations tagged with a chosen theme count, and another theme shows up
 * only where it is tagged on one of those same recommendations (the rule of `scope`, kept here so
 * that every figure answers to the same filters).
 *
 * The as-at date does not change any of these numbers; it is passed on because `scope` needs it.
 */
import type { Engine } from '../db/engine';
import type { Filters } from '../filters/filters';
import { scope, type Scope } from './scope';
import { THEMES, themeLabel } from '../model/themes';
import { FACTORS, labelOf } from '../model/vocab';

export interface ThemeYearShare {
	theme: string;
	year: number;
	/** Reviews of that year with the theme. */
	reviews_with_theme: number;
	/** Reviews of that year under the filters. */
	reviews_in_year: number;
	/** reviews_with_theme as a percentage of reviews_in_year (0–100); null for a year with no review. */
	share: number | null;
}

export interface ThemeYearShares {
	/** Every theme of the taxonomy (and any unknown one in the data), in taxonomy order. */
	themes: { id: string; label: string; reviews: number }[];
	/** Every year from the first to the last with a review, gaps included (reviews = 0). */
	years: { year: number; reviews: number }[];
	/** Every (theme, year), zeros included: themes in the order above, then years ascending. */
	rows: ThemeYearShare[];
	/** Reviews with a year, under the filters (the sum over `years`). */
	reviews: number;
	/** Reviews with neither a completion nor a publication date: no year, so not shown by year. */
	without_year: number;
}

/**
 * For each theme and year (the year the review was completed, else published), the number of
 * reviews in which the theme appears and its share of that year's reviews.
 */
export async function themeYearShares(engine: Engine, f: Filters, asAt: string): Promise<ThemeYearShares> {
	const s = scope(f, asAt);
	// One round trip: the theme counts and the reviews per year, told apart by `part`.
	const rows = await engine.query<{ part: 'theme' | 'year'; theme: string | null; year: number | null; n: number }>(
		s.sql(`,
		review_theme AS (SELECT DISTINCT review_id, theme, year FROM f_rec_themes WHERE year IS NOT NULL)
		SELECT 'theme' AS part, theme, year, count(*) AS n
		FROM review_theme
		GROUP BY ALL
		UNION ALL
		SELECT 'year' AS part, NULL AS theme, year, count(*) AS n FROM f_reviews GROUP BY ALL`),
		s.params
	);
	const counts = rows.filter((r) => r.part === 'theme').map((r) => ({ theme: r.theme!, year: r.year!, n: r.n }));
	const years = rows.filter((r) => r.part === 'year').map((r) => ({ year: r.year, n: r.n }));
	return completeShares(counts, years);
}

/** Fill in the zeros and the shares: every theme by every year from the first to the last. */
export function completeShares(
	counts: { theme: string; year: number; n: number }[],
	yearCounts: { year: number | null; n: number }[]
): ThemeYearShares {
	const known = THEMES.map((t) => t.id);
	const extra = [...new Set(counts.map((c) => c.theme))].filter((t) => !known.includes(t)).sort();
	const ids = [...known, ...extra];
	const perYear = new Map(yearCounts.filter((y) => y.year != null).map((y) => [y.year as number, y.n]));
	const seen = [...perYear.keys()];
	const years: { year: number; reviews: number }[] = [];
	if (seen.length) {
		for (let y = Math.min(...seen); y <= Math.max(...seen); y++) years.push({ year: y, reviews: perYear.get(y) ?? 0 });
	}
	const n = new Map(counts.map((c) => [`${c.theme}|${c.year}`, c.n]));
	const rows = ids.flatMap((theme) =>
		years.map(({ year, reviews }) => {
			const k = n.get(`${theme}|${year}`) ?? 0;
			return { theme, year, reviews_with_theme: k, reviews_in_year: reviews, share: reviews > 0 ? (100 * k) / reviews : null };
		})
	);
	const themes = ids.map((id) => ({
		id,
		label: themeLabel(id),
		reviews: rows.filter((r) => r.theme === id).reduce((s, r) => s + r.reviews_with_theme, 0)
	}));
	return {
		themes,
		years,
		rows,
		reviews: years.reduce((s, y) => s + y.reviews, 0),
		without_year: yearCounts.find((y) => y.year == null)?.n ?? 0
	};
}

export interface Cooccurrence {
	/** The items found in at least one review under the filters, in vocabulary order; `reviews` = the diagonal. */
	items: { key: string; label: string; reviews: number }[];
	/** Every ordered pair of those items, zeros included, both (a, b) and (b, a); a = b is the diagonal. */
	cells: { row: string; col: string; reviews: number }[];
	/** Reviews under the filters (with or without a year). */
	reviews: number;
	/** Of those, reviews with at least one item (a theme; a recorded factor). */
	with_any: number;
}

/**
 * For each pair of themes, the number of reviews in which both appear (the diagonal: reviews with
 * that theme), over every review under the filters.
 */
export async function themeCooccurrence(engine: Engine, f: Filters, asAt: string): Promise<Cooccurrence> {
	const s = scope(f, asAt);
	return cooccurrence(
		engine,
		s,
		`review_item AS (SELECT DISTINCT review_id, theme AS item FROM f_rec_themes)`,
		THEMES.map((t) => t.id),
		themeLabel
	);
}

/**
 * For each pair of case factors, the number of reviews in which both were recorded (the diagonal:
 * reviews with that factor). Factors of the victim and of the perpetrator are combined by factor
 * code: "alcohol" is alcohol recorded for the victim, the perpetrator or both. A factor not
 * recorded is not known to be absent, so these are lower bounds.
 */
export async function factorCooccurrence(engine: Engine, f: Filters, asAt: string): Promise<Cooccurrence> {
	const s = scope(f, asAt);
	return cooccurrence(
		engine,
		s,
		`review_item AS (
			SELECT DISTINCT x.review_id, x.factor AS item
			FROM review_factors AS x SEMI JOIN f_reviews AS v ON v.review_id = x.review_id
		)`,
		FACTORS.map((t) => t.code),
		(code) => labelOf(FACTORS, code)
	);
}

/** Pairs of items from a `review_item(review_id, item)` CTE (its definition) appended to the scope. */
async function cooccurrence(
	engine: Engine,
	s: Scope,
	items: string,
	order: string[],
	label: (key: string) => string
): Promise<Cooccurrence> {
	// One round trip: the pairs, then two rows of totals (part 'reviews' and 'with_any').
	const rows = await engine.query<{ part: 'pair' | 'reviews' | 'with_any'; a: string | null; b: string | null; n: number }>(
		s.sql(`,
		${items}
		SELECT 'pair' AS part, x.item AS a, y.item AS b, count(*) AS n
		FROM review_item AS x JOIN review_item AS y USING (review_id)
		GROUP BY ALL
		UNION ALL
		SELECT 'reviews', NULL, NULL, (SELECT count(*) FROM f_reviews)
		UNION ALL
		SELECT 'with_any', NULL, NULL, (SELECT count(DISTINCT review_id) FROM review_item)`),
		s.params
	);
	const pairs = rows.filter((r) => r.part === 'pair').map((r) => ({ a: r.a!, b: r.b!, n: r.n }));
	const totals = {
		reviews: rows.find((r) => r.part === 'reviews')?.n ?? 0,
		with_any: rows.find((r) => r.part === 'with_any')?.n ?? 0
	};
	return completePairs(pairs, order, label, totals);
}

/** Items in vocabulary order (unknown codes last, sorted), and every pair of them with zeros filled in. */
export function completePairs(
	pairs: { a: string; b: string; n: number }[],
	order: string[],
	label: (key: string) => string,
	totals: { reviews: number; with_any: number }
): Cooccurrence {
	const diag = new Map(pairs.filter((p) => p.a === p.b).map((p) => [p.a, p.n]));
	const extra = [...diag.keys()].filter((k) => !order.includes(k)).sort();
	const keys = [...order, ...extra].filter((k) => (diag.get(k) ?? 0) > 0);
	const n = new Map(pairs.map((p) => [`${p.a}|${p.b}`, p.n]));
	return {
		items: keys.map((key) => ({ key, label: label(key), reviews: diag.get(key)! })),
		cells: keys.flatMap((row) => keys.map((col) => ({ row, col, reviews: n.get(`${row}|${col}`) ?? 0 }))),
		reviews: totals.reviews,
		with_any: totals.with_any
	};
}
