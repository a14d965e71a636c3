/**
 * The filtered relations as first written, straight over the base tables and the action_facts
 * macro (joins, no scope tables): the oracle scope-tables.test.ts holds `queries/scope` to.
 */
import { dateLiteral } from '$lib/db/derived';
import type { Dimension, Filters } from '$lib/filters/filters';
import { sqlString, type Scope } from '$lib/queries/scope';
import type { Param } from '$lib/db/engine';

export function referenceScope(f: Filters, asAt: string, except?: Dimension): Pick<Scope, 'with' | 'params'> {
	const params: Param[] = [];
	const vals = (d: Dimension) => (d === except ? [] : f.values[d]);
	const list = (v: string[]) => v.map(sqlString).join(', ');
	const inList = (column: string, d: Dimension): string | null => {
		const v = vals(d);
		return v.length ? `${column} IN (${list(v)})` : null;
	};
	const and = (preds: (string | null)[]) => {
		const p = preds.filter(Boolean);
		return p.length ? `WHERE ${p.join(' AND ')}` : '';
	};

	const reviewWhere = and([
		// A review completed (or, undated, published) after the as-at date did not exist yet then.
		`coalesce(completed_date, published_date, DATE '0001-01-01') <= ${dateLiteral(asAt)}`,
		f.from != null ? `year >= ${Math.trunc(f.from)}` : null,
		f.to != null ? `year <= ${Math.trunc(f.to)}` : null,
		inList('partnership', 'partnership'),
		inList('region', 'region'),
		inList('review_type', 'review_type'),
		inList('death_type', 'death_type')
	]);
	const themes = vals('theme');
	const categories = vals('category');
	const agencies = vals('agency');
	const recWhere = and([
		// A recommendation concerns an agency when it is addressed to it or one of its actions is led by it.
		agencies.length
			? `(r.agency IN (${list(agencies)}) OR EXISTS (SELECT 1 FROM actions x WHERE x.recommendation_id = r.recommendation_id AND x.lead_agency IN (${list(agencies)})))`
			: null,
		inList('r.agency_sector', 'sector'),
		inList('r.scope', 'scope'),
		themes.length
			? `EXISTS (SELECT 1 FROM recommendation_themes t WHERE t.recommendation_id = r.recommendation_id AND t.theme IN (${list(themes)}))`
			: null,
		categories.length
			? `EXISTS (SELECT 1 FROM recommendation_categories c WHERE c.recommendation_id = r.recommendation_id AND c.category IN (${list(categories)}))`
			: null
	]);
	const actionWhere = and([inList('a.lead_agency', 'agency'), inList('a.status', 'status')]);

	const recFiltered = recWhere !== '';
	// Only the status filter narrows recommendations to those with a matching action: the agency
	// filter already chose its recommendations (addressed to it, or with an action it leads).
	const actionFiltered = vals('status').length > 0;

	const sql = `WITH
  f_reviews0 AS NOT MATERIALIZED (
    SELECT * FROM (SELECT *, review_year(completed_date, published_date) AS year FROM reviews) ${reviewWhere}
  ),
  f_recs0 AS NOT MATERIALIZED (
    SELECT r.* FROM recommendations AS r SEMI JOIN f_reviews0 AS v ON v.review_id = r.review_id ${recWhere}
  ),
  f_actions AS NOT MATERIALIZED (
    SELECT a.* FROM action_facts(${dateLiteral(asAt)}) AS a SEMI JOIN f_recs0 AS r ON r.recommendation_id = a.recommendation_id ${actionWhere}
  ),
  f_recs AS NOT MATERIALIZED (
    ${actionFiltered ? 'SELECT r.* FROM f_recs0 AS r SEMI JOIN f_actions AS a ON a.recommendation_id = r.recommendation_id' : 'SELECT * FROM f_recs0'}
  ),
  f_reviews AS NOT MATERIALIZED (
    ${recFiltered || actionFiltered ? 'SELECT v.* FROM f_reviews0 AS v SEMI JOIN f_recs AS r ON r.review_id = v.review_id' : 'SELECT * FROM f_reviews0'}
  )
`;
	return { with: sql, params };
}
