/**
 * What each filter can be set to, and how many the data holds for each option under the *other*
 * filters (so the user sees what a choice would leave). One round trip: a UNION ALL of one small
 * query per dimension, each with its own scope.
 */
import type { Engine } from '../db/engine';
import { STATUSES } from '../model/vocab';
import { DIMENSIONS, emptyFilters, type Dimension, type Filters } from '../filters/filters';
import { scope } from './scope';

export interface FilterOption {
	value: string;
	/** Rows under the other filters; the unit is given by `OPTION_UNITS`. */
	n: number;
}
export type FilterOptions = Record<Dimension, FilterOption[]> & { year: FilterOption[] };

/** What an option's count counts. */
export const OPTION_UNITS: Record<Dimension | 'year', string> = {
	partnership: 'reviews',
	region: 'reviews',
	review_type: 'reviews',
	death_type: 'reviews',
	agency: 'recommendations',
	sector: 'recommendations',
	theme: 'recommendations',
	category: 'recommendations',
	scope: 'recommendations',
	status: 'actions',
	year: 'reviews'
};

/** For each dimension: the SELECT (after the scope's WITH) giving (value, n). */
const COUNT_SQL: Record<Dimension | 'year', string> = {
	partnership: `SELECT partnership AS value, count(*) AS n FROM f_reviews GROUP BY ALL`,
	region: `SELECT region AS value, count(*) AS n FROM f_reviews GROUP BY ALL`,
	review_type: `SELECT review_type AS value, count(*) AS n FROM f_reviews GROUP BY ALL`,
	death_type: `SELECT death_type AS value, count(*) AS n FROM f_reviews GROUP BY ALL`,
	year: `SELECT CAST(year AS VARCHAR) AS value, count(*) AS n FROM f_reviews GROUP BY ALL`,
	agency: `SELECT value, count(DISTINCT recommendation_id) AS n FROM (
	           SELECT agency AS value, recommendation_id FROM f_recs
	           UNION ALL
	           SELECT x.lead_agency, x.recommendation_id FROM actions AS x SEMI JOIN f_recs AS r ON r.recommendation_id = x.recommendation_id
	         ) GROUP BY ALL`,
	sector: `SELECT agency_sector AS value, count(*) AS n FROM f_recs GROUP BY ALL`,
	theme: `SELECT theme AS value, count(DISTINCT recommendation_id) AS n FROM f_rec_themes GROUP BY ALL`,
	category: `SELECT category AS value, count(DISTINCT recommendation_id) AS n FROM f_rec_categories GROUP BY ALL`,
	scope: `SELECT scope AS value, count(*) AS n FROM f_recs GROUP BY ALL`,
	status: `SELECT status AS value, count(*) AS n FROM f_actions GROUP BY ALL`
};

const ALL_KEYS = [...DIMENSIONS.map((d) => d.key), 'year'] as const;
type OptionKey = (typeof ALL_KEYS)[number];

/** One dimension's SELECT (dim, value, n) under the other filters. */
function optionsSql(f: Filters, asAt: string, dim: OptionKey): string {
	// The period's own options ignore the period; the others ignore only themselves.
	const s = dim === 'year' ? scope({ ...f, from: null, to: null }, asAt) : scope(f, asAt, dim);
	return `SELECT '${dim}' AS dim, value, n FROM (${s.sql(` ${COUNT_SQL[dim]}`)}) WHERE value IS NOT NULL`;
}

const byValue = (a: FilterOption, b: FilterOption) => a.value.localeCompare(b.value, 'en-GB');

/** Every dimension's options with counts, in one round trip (a UNION ALL of one query each). */
export async function filterOptions(engine: Engine, f: Filters, asAt: string): Promise<FilterOptions> {
	const rows = await engine.query<{ dim: OptionKey; value: string; n: number }>(ALL_KEYS.map((d) => optionsSql(f, asAt, d)).join('\nUNION ALL\n'));
	const out = Object.fromEntries(ALL_KEYS.map((k) => [k, [] as FilterOption[]])) as FilterOptions;
	for (const r of rows) out[r.dim].push({ value: r.value, n: r.n });
	for (const list of Object.values(out)) list.sort(byValue);
	return out;
}

/**
 * One dimension's options with their counts under the other filters: what an open list shows.
 * The filter bar asks only for the list the user has open, so a filter change does not pay for
 * ten lists nobody is looking at (the whole set took 60–150 ms on the demo, 1–3 s at a million
 * actions, more than all the views of a page together).
 */
export async function optionsFor(engine: Engine, f: Filters, asAt: string, dim: OptionKey): Promise<FilterOption[]> {
	const rows = await engine.query<{ value: string; n: number }>(optionsSql(f, asAt, dim));
	return rows.map((r) => ({ value: r.value, n: r.n })).sort(byValue);
}

/**
 * What `optionsFor(f, asAt, dim)` depends on, as a string: the filters without the dimension itself
 * (ticking an option does not change its own list's counts, so the list need not be counted again).
 */
export function optionsKey(f: Filters, asAt: string, dim: OptionKey): string {
	const rest = dim === 'year' ? { ...f, from: null, to: null } : { ...f, values: { ...f.values, [dim]: [] } };
	return JSON.stringify([dim, asAt, rest.from, rest.to, rest.values]);
}

/** The review years in the data at the as-at date, for the period's lists (not narrowed by other filters). */
export async function dataYears(engine: Engine, asAt: string): Promise<number[]> {
	const s = scope(emptyFilters(), asAt);
	const rows = await engine.query<{ year: number }>(s.sql(` SELECT DISTINCT year FROM f_reviews WHERE year IS NOT NULL ORDER BY year`));
	return rows.map((r) => r.year);
}

/**
 * Every value each dimension takes anywhere in the data: what a URL may name. Plain DISTINCTs of
 * the tables (no counts, no scope); statuses are the vocabulary's, since an action's status at an
 * earlier as-at date may be one the data does not hold today. (`_asAt` is not needed: any date's values are valid.)
 */
export async function knownValues(engine: Engine, _asAt?: string): Promise<Record<Dimension, Set<string>>> {
	const rows = await engine.query<{ dim: Dimension; value: string }>(
		`SELECT DISTINCT 'partnership' AS dim, partnership AS value FROM reviews
		 UNION ALL SELECT DISTINCT 'region', region FROM reviews
		 UNION ALL SELECT DISTINCT 'review_type', review_type FROM reviews
		 UNION ALL SELECT DISTINCT 'death_type', death_type FROM reviews
		 UNION ALL SELECT DISTINCT 'agency', agency FROM recommendations
		 UNION ALL SELECT DISTINCT 'agency', lead_agency FROM actions
		 UNION ALL SELECT DISTINCT 'sector', agency_sector FROM recommendations
		 UNION ALL SELECT DISTINCT 'theme', theme FROM recommendation_themes
		 UNION ALL SELECT DISTINCT 'category', category FROM recommendation_categories
		 UNION ALL SELECT DISTINCT 'scope', scope FROM recommendations`
	);
	const out = Object.fromEntries(DIMENSIONS.map((d) => [d.key, new Set<string>()])) as Record<Dimension, Set<string>>;
	for (const r of rows) if (r.value != null) out[r.dim].add(r.value);
	for (const s of STATUSES) out.status.add(s.code);
	return out;
}
