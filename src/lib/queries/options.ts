/**
 * What each filter can be set to, and how many the data holds for each option under the *other*
 * filters (so the user sees what a choice would leave). One round trip: a UNION ALL of one small
 * query per dimension, each with its own scope.
 */
import type { Engine } from '../db/engine';
import { dateLiteral, reviewOn } from '../db/derived';
import { DIMENSIONS, tagName, type DimensionSpec } from '../filters/dimensions';
import { emptyFilters, type Dimension, type Filters } from '../filters/filters';
import { scope } from './scope';

export interface FilterOption {
	value: string;
	/** Rows under the other filters: reviews for the period, else the dimension's `unitOf` (filters/dimensions). */
	n: number;
}
export type FilterOptions = Record<Dimension, FilterOption[]> & { year: FilterOption[] };

/** A dimension's SELECT (after the scope's WITH) giving (value, n): what its level counts (filters/dimensions). */
function countSql(d: DimensionSpec): string {
	switch (d.level) {
		case 'review':
			return `SELECT ${d.column} AS value, count(*) AS n FROM f_reviews GROUP BY ALL`;
		case 'recommendation':
			return d.actionColumn
				? `SELECT value, count(DISTINCT recommendation_id) AS n FROM (
	           SELECT ${d.column} AS value, recommendation_id FROM f_recs
	           UNION ALL
	           SELECT x.${d.actionColumn}, x.recommendation_id FROM actions AS x SEMI JOIN f_recs AS r ON r.recommendation_id = x.recommendation_id
	         ) GROUP BY ALL`
				: `SELECT ${d.column} AS value, count(*) AS n FROM f_recs GROUP BY ALL`;
		case 'tag':
			return `SELECT ${d.column} AS value, count(DISTINCT recommendation_id) AS n FROM f_${tagName(d)} GROUP BY ALL`;
		case 'action':
			return `SELECT ${d.column} AS value, count(*) AS n FROM f_actions GROUP BY ALL`;
	}
}

/** For each dimension and the period: the SELECT (after the scope's WITH) giving (value, n). */
const COUNT_SQL: Record<Dimension | 'year', string> = {
	...(Object.fromEntries(DIMENSIONS.map((d) => [d.key, countSql(d)])) as Record<Dimension, string>),
	year: `SELECT CAST(year AS VARCHAR) AS value, count(*) AS n FROM f_reviews GROUP BY ALL`
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
 * Every value each dimension takes in the data as it stood at `asAt`: what a URL may name. Plain
 * DISTINCTs of the tables (no counts, no other filter), leaving out what belongs to reviews
 * completed after the as-at date (out of scope then, as in `scope`); without `asAt`, every value
 * anywhere. Dimensions with `anyOfVocabulary` (the status) know their whole vocabulary, since an
 * action's status at an earlier as-at date may be one no row holds now.
 */
export async function knownValues(engine: Engine, asAt?: string): Promise<Record<Dimension, Set<string>>> {
	const dims: readonly DimensionSpec[] = DIMENSIONS;
	const late = asAt === undefined ? null : `SELECT review_id FROM reviews WHERE ${reviewOn()} > ${dateLiteral(asAt)}`;
	const distincts = (rowsOf: (table: string) => string) =>
		dims
			.filter((d) => !d.anyOfVocabulary)
			.flatMap((d) => [
				`SELECT DISTINCT '${d.key}' AS dim, ${d.column} AS value FROM ${rowsOf(d.table)}`,
				...(d.actionColumn ? [`SELECT DISTINCT '${d.key}' AS dim, ${d.actionColumn} AS value FROM ${rowsOf('actions')}`] : [])
			])
			.join('\n\t\t UNION ALL ');
	// First every value, with (given a date) the number of reviews not yet completed then. Only when
	// there are some (not at the dataset's own date, as a rule) is it asked again leaving their rows
	// out, by anti-joins: they doubled the time of this query, which every load waits for.
	let rows = await engine.query<{ dim: Dimension | '_late'; value: string }>(
		distincts((table) => table) + (late ? `\n\t\t UNION ALL SELECT '_late', CAST(count(*) AS VARCHAR) FROM (${late})` : '')
	);
	if (rows.some((r) => r.dim === '_late' && r.value !== '0')) {
		const rowsOf = (table: string) =>
			table === 'reviews'
				? `reviews WHERE ${reviewOn()} <= ${dateLiteral(asAt!)}`
				: `${table} ANTI JOIN ${table === 'recommendations' ? 'late USING (review_id)' : 'late_recs USING (recommendation_id)'}`;
		rows = await engine.query<{ dim: Dimension; value: string }>(
			`WITH late AS (${late}),
		 late_recs AS (SELECT recommendation_id FROM recommendations SEMI JOIN late USING (review_id))
		 ${distincts(rowsOf)}`
		);
	}
	const out = Object.fromEntries(dims.map((d) => [d.key, new Set<string>()])) as Record<Dimension, Set<string>>;
	for (const r of rows) if (r.value != null && r.dim !== '_late') out[r.dim].add(r.value);
	for (const d of dims) if (d.anyOfVocabulary) for (const t of d.vocabulary ?? []) out[d.key as Dimension].add(t.code);
	return out;
}
