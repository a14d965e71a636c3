/**
 * The derived facts, defined once, as SQL macros created after every load. Each is parameterised
 * by the **as-at date** (a DATE), so the same data can be seen as it stood on any day. The SQL
 * console, the views and the tests all use these; nothing else restates the rules.
 *
 * Rules:
 * - status_at: an action recorded as completed on a date after the as-at date was still open then
 *   ('in progress'); otherwise the recorded status.
 * - closed: completed or not accepted.
 * - overdue: not closed, with a target date strictly before the as-at date (due *on* the as-at
 *   date is not yet overdue; no target date is never overdue).
 * - days_overdue: as-at date minus target date, in days, for overdue actions; otherwise NULL.
 * - on_time: for completed actions with both dates, completed on or before the target date;
 *   otherwise NULL (not applicable).
 * - a recommendation is complete when it has at least one action and all are closed.
 */
import { dimensionsAt, tagName, type DimensionSpec } from '../filters/dimensions';
import { toAsAt } from '../model/as-at';

export const DERIVED_SQL = `
CREATE OR REPLACE MACRO status_at(status, completed_date, as_at) AS
  CASE WHEN status = 'completed' AND completed_date > as_at THEN 'in progress' ELSE status END;

CREATE OR REPLACE MACRO is_closed(status) AS
  coalesce(status IN ('completed', 'not accepted'), false);

CREATE OR REPLACE MACRO is_overdue(status, target_date, as_at) AS
  (NOT is_closed(status)) AND target_date IS NOT NULL AND target_date < as_at;

CREATE OR REPLACE MACRO days_overdue(status, target_date, as_at) AS
  CASE WHEN is_overdue(status, target_date, as_at) THEN date_diff('day', target_date, as_at) END;

CREATE OR REPLACE MACRO completed_on_time(status, target_date, completed_date) AS
  CASE WHEN status = 'completed' AND target_date IS NOT NULL AND completed_date IS NOT NULL
       THEN completed_date <= target_date END;

CREATE OR REPLACE MACRO review_year(completed_date, published_date) AS
  year(coalesce(completed_date, published_date));

CREATE OR REPLACE MACRO action_facts(as_at) AS TABLE
  SELECT
    a.action_id, a.recommendation_id, r.review_id, a.description, a.lead_agency, a.owner_role,
    a.target_date, a.status AS recorded_status, a.status_now AS status,
    CASE WHEN a.status_now = 'completed' THEN a.completed_date END AS completed_date,
    a.evidence, a.last_updated,
    is_closed(a.status_now) AS closed,
    is_overdue(a.status_now, a.target_date, as_at) AS overdue,
    days_overdue(a.status_now, a.target_date, as_at) AS days_overdue,
    completed_on_time(a.status_now, a.target_date, a.completed_date) AS on_time
  FROM (SELECT *, status_at(status, completed_date, as_at) AS status_now FROM actions) AS a
  LEFT JOIN recommendations AS r USING (recommendation_id);

CREATE OR REPLACE MACRO recommendation_facts(as_at) AS TABLE
  SELECT
    rec.recommendation_id, rec.review_id, rec.rec_number, rec.scope, rec.agency, rec.agency_sector, rec.text,
    count(a.action_id) AS actions,
    count(a.action_id) FILTER (WHERE a.status = 'completed') AS actions_completed,
    count(a.action_id) FILTER (WHERE a.overdue) AS actions_overdue,
    count(a.action_id) > 0 AND coalesce(bool_and(a.closed), false) AS complete
  FROM recommendations AS rec
  LEFT JOIN action_facts(as_at) AS a USING (recommendation_id)
  GROUP BY ALL;
`;

/** A validated SQL date literal for an as-at date, for use in the macros above (`model/as-at` checks it). */
export function dateLiteral(iso: string): string {
	return `DATE '${toAsAt(iso)}'`;
}

/**
 * The day from which a review counts as existing (`alias` is its table's, with the dot): completed,
 * else published, else always. A review after the as-at date did not exist yet then.
 */
export const reviewOn = (alias = '') => `coalesce(${alias}completed_date, ${alias}published_date, DATE '0001-01-01')`;

const REVIEW_DIMS = dimensionsAt('review');
const REC_DIMS = dimensionsAt('recommendation');
const TAG_DIMS = dimensionsAt('tag');

/**
 * The columns of `recommendations` on `_scope_recs` (and so on `f_recs`): these, then any other
 * the recommendation dimensions test.
 */
export const SCOPE_REC_COLUMNS = [
	...new Set(['recommendation_id', 'review_id', 'rec_number', 'scope', 'agency', 'agency_sector', ...REC_DIMS.map((d) => d.column)])
];

/** The scope relations, each a view the queries read, over a join (`_v`) or its copy (`_t`): one per tag dimension besides recommendations and actions. */
const SCOPE = ['_scope_recs', '_scope_actions', ...TAG_DIMS.map((d) => `_scope_${tagName(d)}`)];

/** Every relation of the scope tables: the views the queries read, the joins, and the copies. */
export const SCOPE_RELATIONS = SCOPE.flatMap((n) => [n, `${n}_v`, `${n}_t`]);

/** Point each scope view at its join (`_v`) or its copy (`_t`). */
const pointScope = (to: '_v' | '_t', create = 'CREATE OR REPLACE VIEW') =>
	SCOPE.map((n) => `${create} ${n} AS SELECT * FROM ${n}${to};`).join('\n');

/**
 * The scope tables: every recommendation, every action and every theme (and other tag) of a
 * recommendation with the review (and recommendation) columns the filters test, side by side
 * (which columns: the dimension registry, `filters/dimensions`), so the filtered relations of
 * `queries/scope.ts` are single-table scans instead of joins over the whole dataset (at a million
 * actions the joins were most of every filter change: `count(*)` of the filtered actions went from
 * about 200 ms to 45 ms under Node on one thread).
 *
 * `_scope_recs`, `_scope_actions`, `_scope_rec_themes` and `_scope_rec_categories` (the kinds of
 * change of each recommendation) are views the queries read. After a load
 * they are the joins themselves (`…_v`), so the first view needs nothing extra; `materialiseScope`
 * then copies the joins into tables once (in the background) and points the views at the copies.
 * Either way the rows are the same. Texts (recommendation text, action description, role,
 * evidence) are not copied: the few queries that show them join them back by id
 * (`scope(…, { text: true })`).
 *
 * Statuses are stored as recorded; the status at an as-at date is worked out in `scope`, so one
 * copy serves every as-at date. Nothing but a load changes the base tables (the SQL console's guard
 * refuses writes to them and to these relations), and every load redefines the views.
 */
const SCOPE_JOINS = (create: string) => {
	// The review columns the filters test, as `v_<key>` (prefixed by the relation they are read from).
	const reviewCopies = (from: string) => REVIEW_DIMS.map((d) => (from === 'v' ? `v.${d.column} AS v_${d.key}` : `${from}.v_${d.key}`)).join(', ');
	const tag = (d: DimensionSpec) => `
${create} _scope_${tagName(d)}_v AS
  SELECT t.recommendation_id, ${['t.' + d.column, ...(d.carry ?? []).map((c) => `t.${c}`)].join(', ')}, s.review_id, ${REC_DIMS.map((r) => `s.${r.column}`).join(', ')},
    s.v_on, s.v_year, ${reviewCopies('s')}
  FROM ${d.table} AS t JOIN _scope_recs_v AS s ON s.recommendation_id = t.recommendation_id;
`;
	return `
${create} _scope_recs_v AS
  SELECT ${SCOPE_REC_COLUMNS.map((c) => `r.${c}`).join(', ')},
    ${reviewOn('v.')} AS v_on,
    review_year(v.completed_date, v.published_date) AS v_year,
    ${reviewCopies('v')},
    v.completed_date AS v_completed, v.published_date AS v_published
  FROM recommendations AS r JOIN reviews AS v ON v.review_id = r.review_id;

${create} _scope_actions_v AS
  SELECT a.action_id, a.recommendation_id, s.review_id, a.lead_agency, a.target_date, a.status, a.completed_date,
    s.v_on, s.v_year, ${reviewCopies('s')}, s.v_completed, s.v_published,
    ${REC_DIMS.map((d) => `s.${d.column} AS r_${d.key}`).join(', ')}
  FROM actions AS a JOIN _scope_recs_v AS s ON s.recommendation_id = a.recommendation_id;
${TAG_DIMS.map(tag).join('')}
${pointScope('_v', create)}
`;
};

/** The scope views as the joins over the tables loaded now, any copies dropped (after a load). */
export const SCOPE_VIEWS_SQL = `${SCOPE_JOINS('CREATE OR REPLACE VIEW')}
${SCOPE.map((n) => `DROP TABLE IF EXISTS ${n}_t;`).join('\n')}
`;

/** The same views where they do not exist yet, leaving existing ones (and their copies) alone. */
export const SCOPE_VIEWS_IF_MISSING_SQL = SCOPE_JOINS('CREATE VIEW IF NOT EXISTS');

/**
 * Copy the scope joins into tables and point the scope views at them. One statement string, so no
 * load can come between the copy and the switch (the engine runs one call at a time): whatever
 * the base tables hold when this runs is what the copies hold.
 */
export const MATERIALISE_SCOPE_SQL = `
${SCOPE.map((n) => `CREATE OR REPLACE TABLE ${n}_t AS SELECT * FROM ${n}_v;`).join('\n')}
${pointScope('_t')}
`;
