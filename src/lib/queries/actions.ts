/**
 * Queries of the overdue-actions tracker (/actions). An action is *open* when it is neither completed
 * nor not accepted at the as-at date (its status at that date, from `action_facts`), and *overdue*
 * when it is open with a target date before that date. Each query starts from the shared filter
 * scope, so the tracker answers to the same filters as every other view.
 */
import type { Engine, Param } from '../db/engine';
import type { Filters } from '../filters/filters';
import { dateLiteral } from '../db/derived';
import { scope } from './scope';

/** How far past its target date an open action is. "Not yet due" includes actions with no target date. */
export const OVERDUE_BUCKETS = [
	{ key: 'not-due', label: 'Not yet due', long: 'Not yet due (or no target date)' },
	{ key: '0-30', label: 'Up to 30 days', long: 'Overdue by up to 30 days' },
	{ key: '31-90', label: '31–90 days', long: 'Overdue by 31–90 days' },
	{ key: '91-365', label: '91–365 days', long: 'Overdue by 91–365 days' },
	{ key: 'over-365', label: 'Over a year', long: 'Overdue by more than a year' }
] as const;
export type BucketKey = (typeof OVERDUE_BUCKETS)[number]['key'];

export function isBucket(v: string | null | undefined): v is BucketKey {
	return OVERDUE_BUCKETS.some((b) => b.key === v);
}

/** The bucket of a row of `f_actions`, in SQL. Overdue days are at least 1 (due on the as-at date is not overdue). */
const BUCKET_SQL = `CASE
    WHEN NOT a.overdue THEN 'not-due'
    WHEN a.days_overdue <= 30 THEN '0-30'
    WHEN a.days_overdue <= 90 THEN '31-90'
    WHEN a.days_overdue <= 365 THEN '91-365'
    ELSE 'over-365' END`;

export interface OpenActionRow {
	action_id: string;
	review_id: string;
	recommendation_id: string;
	rec_number: number | null;
	recommendation_text: string;
	description: string;
	lead_agency: string | null;
	owner_role: string | null;
	target_date: string | null;
	/** Status at the as-at date: 'not started' or 'in progress'. */
	status: string;
	/** Days past the target date for overdue actions, else null. */
	days_overdue: number | null;
	/** As-at date minus target date in days: negative when due later, 0 when due on the date, null without a target. */
	days_late: number | null;
	bucket: BucketKey;
}

export interface OpenActionOptions {
	/** Text to find (case-insensitive, literally: % and _ are not wildcards); empty means all. */
	search?: string | null;
	/** Only actions in this bucket; null means all. */
	bucket?: BucketKey | null;
	/** At most this many rows, the first in the order below (the board report's longest overdue). */
	limit?: number;
}

/** `LIKE` pattern text for a literal substring: escape the escape character and the two wildcards. */
export function likeLiteral(s: string): string {
	return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * The WHERE clause (on `f_actions AS a` joined to `f_recs AS r`) for open actions matching the
 * search and bucket, with its parameters in order.
 */
function openWhere(opts: OpenActionOptions): { sql: string; params: Param[] } {
	const preds = ['NOT a.closed'];
	const params: Param[] = [];
	const search = opts.search?.trim();
	if (search) {
		// One parameter, bound once in a sub-select, matched against every searchable column.
		preds.push(`EXISTS (SELECT 1 FROM (SELECT '%' || ? || '%' AS pat) AS s WHERE
        a.description ILIKE s.pat ESCAPE '\\' OR r.text ILIKE s.pat ESCAPE '\\'
        OR a.lead_agency ILIKE s.pat ESCAPE '\\' OR a.owner_role ILIKE s.pat ESCAPE '\\'
        OR a.review_id ILIKE s.pat ESCAPE '\\')`);
		params.push(likeLiteral(search));
	}
	if (opts.bucket) {
		preds.push(`(${BUCKET_SQL}) = ?`);
		params.push(opts.bucket);
	}
	return { sql: `WHERE ${preds.join(' AND ')}`, params };
}

/**
 * Open actions under the filters, search and bucket; most days overdue first, then by target date
 * (actions with none last), then by id. With `limit`, only the first that many: they are picked
 * without their texts, which are joined to those rows alone (at a million actions, listing every
 * open action with its texts took over a second; the first 5,000 take a fraction of that).
 */
export async function openActions(
	engine: Engine,
	f: Filters,
	asAt: string,
	opts: OpenActionOptions = {}
): Promise<OpenActionRow[]> {
	const searching = !!opts.search?.trim();
	// The search reads the texts, so it needs them in scope; otherwise they come after the pick.
	const s = scope(f, asAt, { text: searching });
	const w = openWhere(opts);
	return engine.query<OpenActionRow>(
		s.sql(`,
		picked AS (
			SELECT a.action_id, a.review_id, a.recommendation_id, a.lead_agency, a.target_date, a.status, a.days_overdue,
			       CASE WHEN a.target_date IS NOT NULL THEN date_diff('day', a.target_date, ${dateLiteral(asAt)}) END AS days_late,
			       ${BUCKET_SQL} AS bucket
			FROM f_actions AS a ${searching ? 'JOIN f_recs AS r USING (recommendation_id)' : ''}
			${w.sql}
			ORDER BY days_late DESC NULLS LAST, a.action_id
			${opts.limit != null ? `LIMIT ${Math.max(0, Math.trunc(opts.limit))}` : ''}
		)
		SELECT p.action_id, p.review_id, p.recommendation_id, r.rec_number, r.text AS recommendation_text,
		       t.description, p.lead_agency, t.owner_role, p.target_date, p.status, p.days_overdue, p.days_late, p.bucket
		FROM picked AS p
		JOIN actions AS t ON t.action_id = p.action_id
		JOIN recommendations AS r ON r.recommendation_id = p.recommendation_id
		ORDER BY p.days_late DESC NULLS LAST, p.action_id`),
		[...s.params, ...w.params]
	);
}

export interface OpenActionTotals {
	/** Open actions under the filters (no search, no bucket). */
	open: number;
	/** Of which overdue. */
	overdue: number;
}

export async function openActionTotals(engine: Engine, f: Filters, asAt: string): Promise<OpenActionTotals> {
	const s = scope(f, asAt);
	const [row] = await engine.query<OpenActionTotals>(
		s.sql(`
		SELECT count(*) AS open, count(*) FILTER (WHERE overdue) AS overdue FROM f_actions WHERE NOT closed`),
		s.params
	);
	return row;
}

export interface BucketCount {
	bucket: BucketKey;
	label: string;
	n: number;
}

/** Open actions per bucket under the filters and the search (not the bucket: it is the choice); every bucket, zeros included. */
export async function openActionBuckets(
	engine: Engine,
	f: Filters,
	asAt: string,
	search: string | null = null
): Promise<BucketCount[]> {
	const searching = !!search?.trim();
	const s = scope(f, asAt, { text: searching });
	const w = openWhere({ search });
	// The recommendation is joined only for the search (its text): every action in scope has its
	// recommendation in scope, so without a search the join would change nothing but the time.
	const rows = await engine.query<{ bucket: BucketKey; n: number }>(
		s.sql(`
		SELECT ${BUCKET_SQL} AS bucket, count(*) AS n
		FROM f_actions AS a ${searching ? 'JOIN f_recs AS r USING (recommendation_id)' : ''}
		${w.sql}
		GROUP BY ALL`),
		[...s.params, ...w.params]
	);
	const n = new Map(rows.map((r) => [r.bucket, r.n]));
	return OVERDUE_BUCKETS.map((b) => ({ bucket: b.key, label: b.label, n: n.get(b.key) ?? 0 }));
}
