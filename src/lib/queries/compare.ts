/**
 * Queries of the local-against-national view: for one side (the open dataset under the shared
 * filters, or the national tables loaded by `db/compare.ts`), how many reviews have each case
 * factor, each death type, victim sex and victim age band, and out of how many.
 *
 * Denominators. A missing factor row means "not recorded", not "absent" (data/README.md), and the
 * DHRD has no victim record at all for its multi-victim incidents. So a factor's share is of the
 * reviews that have a record of the person it concerns:
 *   incident factors     every review in scope;
 *   victim factors       reviews with the victim's sex or age band, or any victim factor;
 *   perpetrator factors  the same for the perpetrator.
 * Death type, victim sex and victim age band: of the reviews where the field is recorded (a victim
 * sex of 'unknown' counts as not recorded). Reviews are counted once however many rows they have.
 *
 * Factors are matched by (subject, factor) name; each side lists every pair its table names (even
 * those with no review in scope, as 0) so the view can say which are only on one side. The national
 * side's names that mean the same as one of the model's under another name are read under the
 * model's name first (NATIONAL_FACTOR_NAMES).
 */
import type { Engine } from '../db/engine';
import { NATIONAL_SCHEMA } from '../db/compare';
import type { Filters } from '../filters/filters';
import { scope } from './scope';

export const CATEGORY_FIELDS = ['death_type', 'victim_sex', 'victim_age_band'] as const;
export type CategoryField = (typeof CATEGORY_FIELDS)[number];

export interface FactorCount {
	subject: string;
	factor: string;
	/** Reviews in scope with the factor recorded. */
	reviews: number;
}

export interface CategoryCount {
	field: CategoryField;
	value: string;
	reviews: number;
}

export interface SideCounts {
	/** Reviews in scope. */
	reviews: number;
	/** Reviews with a record of each subject: the base of that subject's factors. */
	bases: { incident: number; victim: number; perpetrator: number };
	/** Every (subject, factor) the side's table names, with the reviews in scope that have it. */
	factors: FactorCount[];
	/** Every value recorded in scope, per field; a field's base is the sum of its values. */
	categories: CategoryCount[];
}

/** The reviews of a side as a CTE list that defines `c_reviews` and `c_factors`. */
function sideSql(withClause: string, reviews: string, factors: string): string {
	return `${withClause}
  c_reviews AS NOT MATERIALIZED (SELECT * FROM ${reviews}),
  c_factors AS NOT MATERIALIZED (
    SELECT DISTINCT x.review_id, x.subject, x.factor FROM ${factors} AS x SEMI JOIN c_reviews AS v ON v.review_id = x.review_id
  )`;
}

async function sideCounts(engine: Engine, ctes: string, factorsTable: string): Promise<SideCounts> {
	const recorded = (who: 'victim' | 'perpetrator') =>
		`${who}_sex IS NOT NULL OR ${who}_age_band IS NOT NULL OR review_id IN (SELECT review_id FROM c_factors WHERE subject = '${who}')`;
	const [bases] = await engine.query<{ reviews: number; victim: number; perpetrator: number }>(
		`${ctes}
		SELECT count(*) AS reviews,
			count(*) FILTER (WHERE ${recorded('victim')}) AS victim,
			count(*) FILTER (WHERE ${recorded('perpetrator')}) AS perpetrator
		FROM c_reviews`
	);
	const factors = await engine.query<FactorCount>(
		`${ctes}
		SELECT d.subject, d.factor, count(DISTINCT c.review_id) AS reviews
		FROM (SELECT DISTINCT subject, factor FROM ${factorsTable}) AS d
		LEFT JOIN c_factors AS c ON c.subject = d.subject AND c.factor = d.factor
		GROUP BY ALL ORDER BY d.subject, d.factor`
	);
	const categories = await engine.query<CategoryCount>(
		`${ctes}
		SELECT 'death_type' AS field, death_type AS value, count(*) AS reviews FROM c_reviews WHERE death_type IS NOT NULL GROUP BY ALL
		UNION ALL
		SELECT 'victim_sex', victim_sex, count(*) FROM c_reviews WHERE victim_sex IS NOT NULL AND victim_sex <> 'unknown' GROUP BY ALL
		UNION ALL
		SELECT 'victim_age_band', victim_age_band, count(*) FROM c_reviews WHERE victim_age_band IS NOT NULL GROUP BY ALL
		ORDER BY field, value`
	);
	return {
		reviews: bases.reviews,
		bases: { incident: bases.reviews, victim: bases.victim, perpetrator: bases.perpetrator },
		factors,
		categories
	};
}

/** The open dataset's counts under the shared filters (reviews in scope at the as-at date). */
export function localCounts(engine: Engine, f: Filters, asAt: string): Promise<SideCounts> {
	const s = scope(f, asAt);
	return sideCounts(engine, s.sql(sideSql(',', 'f_reviews', 'review_factors')), 'review_factors');
}

/**
 * National factor codes (as the DHRD conversion names its columns) that are the model's factor under
 * another name, and so are compared with it: the DHRD's umbrella mental-health flag and its
 * honour-based violence. Its physical disability and neurodiversity are not here: they are recorded
 * apart, and the model's disability is not limited to either, so neither is the same measure.
 */
export const NATIONAL_FACTOR_NAMES: Readonly<Record<string, string>> = {
	mental_health_issues: 'mental_health',
	honour_based_violence: 'honour_based_abuse'
};

/** The national tables' counts, all of them (the shared filters describe the local data only). */
export function nationalCounts(engine: Engine): Promise<SideCounts> {
	const renamed = Object.entries(NATIONAL_FACTOR_NAMES)
		.map(([from, to]) => `WHEN '${from}' THEN '${to}'`)
		.join(' ');
	const factors = `(SELECT review_id, subject, CASE factor ${renamed} ELSE factor END AS factor FROM ${NATIONAL_SCHEMA}.review_factors)`;
	return sideCounts(engine, sideSql('WITH', `${NATIONAL_SCHEMA}.reviews`, factors), factors);
}
