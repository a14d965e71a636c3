/**
 * What each filter can be set to, and how many the data holds for each option under the *other*
 * filters (so the user sees what a choice would leave). One round trip: a UNION ALL of one small
 * query per dimension, each with its own scope.
 */
import type { Engine, Param } from '../db/engine';
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
	theme: `SELECT t.theme AS value, count(DISTINCT t.recommendation_id) AS n FROM recommendation_themes AS t SEMI JOIN f_recs AS r ON r.recommendation_id = t.recommendation_id GROUP BY ALL`,
	scope: `SELECT scope AS value, count(*) AS n FROM f_recs GROUP BY ALL`,
	status: `SELECT status AS value, count(*) AS n FROM f_actions GROUP BY ALL`
};

export async function filterOptions(engine: Engine, f: Filters, asAt: string): Promise<FilterOptions> {
	const parts: string[] = [];
	const params: Param[] = [];
	for (const dim of [...DIMENSIONS.map((d) => d.key), 'year'] as const) {
		// The period's own options ignore the period; the others ignore only themselves.
		const s = dim === 'year' ? scope({ ...f, from: null, to: null }, asAt) : scope(f, asAt, dim);
		parts.push(`SELECT '${dim}' AS dim, value, n FROM (${s.with} ${COUNT_SQL[dim]}) WHERE value IS NOT NULL`);
		params.push(...s.params);
	}
	const rows = await engine.query<{ dim: Dimension | 'year'; value: string; n: number }>(parts.join('\nUNION ALL\n'), params);
	const out = Object.fromEntries([...DIMENSIONS.map((d) => d.key), 'year'].map((k) => [k, [] as FilterOption[]])) as FilterOptions;
	for (const r of rows) out[r.dim].push({ value: r.value, n: r.n });
	for (const list of Object.values(out)) list.sort((a, b) => a.value.localeCompare(b.value, 'en-GB'));
	return out;
}

/** Every value each dimension takes anywhere in the data: what a URL may name. */
export async function knownValues(engine: Engine, asAt: string): Promise<Record<Dimension, Set<string>>> {
	const all = await filterOptions(engine, emptyFilters(), asAt);
	return Object.fromEntries(DIMENSIONS.map((d) => [d.key, new Set(all[d.key].map((o) => o.value))])) as Record<
		Dimension,
		Set<string>
	>;
}
