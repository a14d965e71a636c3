/**
 * Filters -> SQL. One function builds the filtered relations every view starts from, as CTEs:
 *
 *   f_reviews  reviews in the period, partnership, region, type, death type — and, when a
 *              recommendation or action filter is set, only those with a matching recommendation;
 *   f_recs     their recommendations by agency, sector, scope, theme — and, when a status filter
 *              is set, only those with a matching action;
 *   f_actions  their actions (from action_facts at the as-at date) by lead agency and status;
 *   f_actions_rv  the same with their review's year, completed and published dates and their
 *              recommendation's scope (rec_scope), for counts by year without a join;
 *   f_rec_themes  the themes of the recommendations in f_recs, one row per (recommendation, theme),
 *              with the recommendation's review, agency and the review's year: theme counts need no join;
 *   f_rec_categories  the same for their kinds of change (recommendation_categories), one row per
 *              (recommendation, category), with its source ('coded', 'auto', 'corrected').
 *
 * Which dimensions test which relation comes from the registry (`filters/dimensions`): review
 * dimensions test the review's columns, recommendation dimensions the recommendation's, tag
 * dimensions (themes, kinds of change) a recommendation's tags, action dimensions the action's.
 *
 * The theme and kind-of-change filters each keep recommendations with ANY chosen value; set together,
 * a recommendation must match both (one chosen theme and one chosen kind of change).
 *
 * Reviews completed after the as-at date are out of scope: the data is seen as it stood that day.
 *
 * The agency filter matches a recommendation addressed to the agency or with an action it leads,
 * and an action it leads.
 *
 * So every figure on a page answers to the same filters. Values are quoted by `sqlString`. `except` leaves one dimension out (for the counts shown beside that dimension's options).
 *
 * The CTEs are NOT MATERIALIZED: DuckDB 1.4 materializes CTEs by default, which computed every
 * relation in full even for a count of reviews (measured on the demo: 40 ms -> 8 ms per query).
 */
import type { Param } from '../db/engine';
import { dateLiteral, reviewOn, SCOPE_REC_COLUMNS } from '../db/derived';
import { dimensionsAt, tagName, type DimensionSpec } from '../filters/dimensions';
import type { Dimension, Filters } from '../filters/filters';

export interface Scope {
	/** `WITH f_reviews AS (…), f_recs AS (…), f_actions AS (…)` — continue with `SELECT`. */
	with: string;
	/**
	 * The same WITH followed by `rest` (`SELECT …`, or `, more AS (…) SELECT …`), keeping only the
	 * relations `rest` names and those they are built from. DuckDB binds every CTE of a statement,
	 * used or not: the unused ones cost about 3 ms per statement at the demo size.
	 */
	sql(rest: string): string;
	/** Always empty now (values are inlined by sqlString); kept so callers can pass it on. */
	params: Param[];
}

/**
 * A SQL string literal. DuckDB strings have no backslash escapes: doubling the quote is complete.
 * Values are inlined rather than bound: a prepared statement costs three round trips to the worker,
 * and binding parameters inside NOT MATERIALIZED CTEs that are inlined more than once gave wrong
 * results in DuckDB 1.4.3 (seen in the themes queries).
 */
export function sqlString(v: string): string {
	return `'${v.replaceAll('\u0000', '').replaceAll("'", "''")}'`;
}

export interface ScopeOptions {
	/** Leave one dimension out (for the counts shown beside that dimension's options). */
	except?: Dimension;
	/**
	 * Carry the texts: the recommendation's `text` on `f_recs`, and the action's `description`,
	 * `owner_role`, `evidence` and `last_updated` on `f_actions` (joined back by id; without this
	 * those columns are absent, which keeps the common counts cheap).
	 */
	text?: boolean;
}

/** The dimensions by where their values live (each review one a column of `reviews` and, as `v_<key>`, of the scope tables). */
const REVIEW_DIMS = dimensionsAt('review');
const REC_DIMS = dimensionsAt('recommendation');
const TAG_DIMS = dimensionsAt('tag');
const ACTION_DIMS = dimensionsAt('action');

export function scope(f: Filters, asAt: string, options: ScopeOptions | Dimension = {}): Scope {
	const { except, text = false } = typeof options === 'string' ? { except: options } : options;
	const params: Param[] = [];
	const at = dateLiteral(asAt);
	const vals = (d: DimensionSpec): string[] => (d.key === except ? [] : f.values[d.key as Dimension]);
	const list = (v: string[]) => v.map(sqlString).join(', ');
	const inList = (column: string, d: DimensionSpec): string | null => {
		const v = vals(d);
		return v.length ? `${column} IN (${list(v)})` : null;
	};
	const and = (preds: (string | null)[]) => {
		const p = preds.filter(Boolean);
		return p.length ? `WHERE ${p.join(' AND ')}` : '';
	};

	// The review conditions, on `reviews` (prefix '') or on the scope tables' copies of its columns
	// (prefix 'v_', where `v_on` holds the date below).
	const reviewConds = (prefix: '' | 'v_') => [
		// A review completed (or, undated, published) after the as-at date did not exist yet then.
		`${prefix ? 'v_on' : reviewOn()} <= ${at}`,
		f.from != null ? `${prefix}year >= ${Math.trunc(f.from)}` : null,
		f.to != null ? `${prefix}year <= ${Math.trunc(f.to)}` : null,
		...REVIEW_DIMS.map((d) => inList(prefix ? `v_${d.key}` : d.column, d))
	];
	const reviewWhere = and(reviewConds(''));
	const reviewPreds = reviewConds('v_');
	// A recommendation concerns a tag (theme, kind of change) when any of its rows holds a chosen value.
	const tagPreds = TAG_DIMS.map((d) => {
		const v = vals(d);
		return v.length ? `recommendation_id IN (SELECT recommendation_id FROM ${d.table} WHERE ${d.column} IN (${list(v)}))` : null;
	});
	const recWhere = and([
		...reviewPreds,
		...REC_DIMS.map((d) => {
			const v = vals(d);
			// A recommendation concerns an agency when it is addressed to it or one of its actions is led by it.
			return d.actionColumn && v.length
				? `(${d.column} IN (${list(v)}) OR recommendation_id IN (SELECT recommendation_id FROM actions WHERE ${d.actionColumn} IN (${list(v)})))`
				: inList(d.column, d);
		}),
		...tagPreds
	]);
	// An action is in scope when its recommendation is and it matches the action filters. Its
	// recommendation concerns the agency whenever the action is led by it, so the agency test on the
	// action is enough.
	const actionWhere = and([
		...reviewPreds,
		...REC_DIMS.filter((d) => !d.actionColumn).map((d) => inList(`r_${d.key}`, d)),
		...tagPreds,
		...REC_DIMS.filter((d) => d.actionColumn).map((d) => inList(d.actionColumn!, d)),
		// The status at the as-at date: an action completed after it was still in progress then.
		...ACTION_DIMS.map((d) => inList(d.atAsAt ? `status_at(${d.column}, completed_date, ${at})` : d.column, d))
	]);

	const recFiltered = [...REC_DIMS, ...TAG_DIMS].some((d) => vals(d).length > 0);
	// Only the status filter narrows recommendations to those with a matching action: the agency
	// filter already chose its recommendations (addressed to it, or with an action it leads).
	const actionFiltered = ACTION_DIMS.some((d) => vals(d).length > 0);

	const recColumns = SCOPE_REC_COLUMNS.map((c) => `s.${c}`).join(', ');
	const recs = text
		? `SELECT ${recColumns}, t.text FROM (SELECT * FROM _scope_recs ${recWhere}) AS s JOIN recommendations AS t ON t.recommendation_id = s.recommendation_id`
		: `SELECT ${recColumns} FROM _scope_recs AS s ${recWhere}`;
	// The columns of the action_facts macro (db/derived), in its order; texts only when asked for.
	const texts = (cols: string) => (text ? cols : '');
	const actionsWith = (extra: string) => `SELECT a.action_id, a.recommendation_id, a.review_id,${texts(' t.description,')} a.lead_agency,${texts(' t.owner_role,')}
      a.target_date, a.status AS recorded_status, a.status_now AS status,
      CASE WHEN a.status_now = 'completed' THEN a.completed_date END AS completed_date,${texts(' t.evidence, t.last_updated,')}
      is_closed(a.status_now) AS closed,
      is_overdue(a.status_now, a.target_date, ${at}) AS overdue,
      days_overdue(a.status_now, a.target_date, ${at}) AS days_overdue,
      completed_on_time(a.status_now, a.target_date, a.completed_date) AS on_time${extra}
    FROM (SELECT *, status_at(status, completed_date, ${at}) AS status_now FROM _scope_actions ${actionWhere}) AS a
    ${text ? 'JOIN actions AS t ON t.action_id = a.action_id' : ''}`;
	const actions = actionsWith('');

	// Each relation, its definition, and the relations it is built from (defined before it).
	const defs: [name: string, body: string, uses: string[]][] = [
		['f_reviews0', `SELECT * FROM (SELECT *, review_year(completed_date, published_date) AS year FROM reviews) ${reviewWhere}`, []],
		['f_recs0', recs, []],
		['f_actions', actions, []],
		// f_actions with its review's year and dates and its recommendation's scope: what a join of
		// f_actions with f_reviews (or f_recs) would add, without the join.
		[
			'f_actions_rv',
			actionsWith(`,
      a.v_year AS year, a.v_completed AS review_completed, a.v_published AS review_published, a.r_scope AS rec_scope`),
			[]
		],
		// With a status filter: the recommendations with a matching action, worked out once per
		// statement (MATERIALIZED) rather than a scan of every action for each relation that needs it.
		['f_status_recs', 'SELECT DISTINCT recommendation_id FROM f_actions', ['f_actions']],
		[
			'f_recs',
			actionFiltered ? 'SELECT r.* FROM f_recs0 AS r SEMI JOIN f_status_recs AS a ON a.recommendation_id = r.recommendation_id' : 'SELECT * FROM f_recs0',
			actionFiltered ? ['f_recs0', 'f_status_recs'] : ['f_recs0']
		],
		[
			'f_reviews',
			recFiltered || actionFiltered ? 'SELECT v.* FROM f_reviews0 AS v SEMI JOIN f_recs AS r ON r.review_id = v.review_id' : 'SELECT * FROM f_reviews0',
			recFiltered || actionFiltered ? ['f_reviews0', 'f_recs'] : ['f_reviews0']
		],
		// Each tag's rows of the recommendations in scope (f_rec_themes, f_rec_categories), with the
		// recommendation's review and agency and the review's year: tag counts need no join.
		...TAG_DIMS.map((d): [string, string, string[]] => [
			`f_${tagName(d)}`,
			`SELECT recommendation_id, review_id, ${[d.column, ...(d.carry ?? [])].join(', ')}, agency, v_year AS year FROM _scope_${tagName(d)}
    ${recWhere}${actionFiltered ? `${recWhere ? ' AND' : ' WHERE'} recommendation_id IN (SELECT recommendation_id FROM f_status_recs)` : ''}`,
			actionFiltered ? ['f_status_recs'] : []
		])
	];
	const withOf = (names: Set<string>) =>
		`WITH\n${defs
			.filter(([name]) => names.has(name))
			.map(([name, body]) => `  ${name} AS ${name === 'f_status_recs' ? 'MATERIALIZED' : 'NOT MATERIALIZED'} (\n    ${body}\n  )`)
			.join(',\n')}\n`;
	const all = withOf(new Set(defs.map(([name]) => name).filter((name) => actionFiltered || name !== 'f_status_recs')));
	return {
		with: all,
		params,
		sql(rest: string) {
			const needed = new Set<string>();
			const need = (name: string) => {
				if (needed.has(name)) return;
				needed.add(name);
				for (const dep of defs.find(([n]) => n === name)![2]) need(dep);
			};
			for (const [name] of defs) if (new RegExp(`\\b${name}\\b`).test(rest)) need(name);
			// Nothing named: no WITH (a leading comma of `rest` then has nothing to follow, so keep one).
			if (!needed.size) need('f_reviews0');
			return withOf(needed) + rest;
		}
	};
}
