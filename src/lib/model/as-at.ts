/**
 * The as-at date: the day the data is seen as it stood (what was overdue, open or complete then).
 * One type, one parser and one default rule, for the app, the command-line scripts and the SQL.
 *
 * An `AsAt` is an ISO calendar date, `yyyy-mm-dd`, that went through `parseAsAt`: a real day
 * (no 30 February), so it can be inlined in SQL as `DATE '…'` (`dateLiteral` in db/derived). Functions that take an
 * as-at date from callers (the named queries) accept a plain string and check it where it becomes
 * SQL, since tests and scripts pass literals.
 *
 * DuckDB-WASM has no `current_date` without the ICU extension (docs/STACK), so "today" is chosen
 * here, in JavaScript, once: `defaultAsAt`.
 */

declare const asAtBrand: unique symbol;
/** An ISO date (`yyyy-mm-dd`) checked by `parseAsAt`. */
export type AsAt = string & { readonly [asAtBrand]: true };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `text` as an as-at date, or null when it is not a real day written `yyyy-mm-dd`. */
export function parseAsAt(text: string | null | undefined): AsAt | null {
	if (typeof text !== 'string' || !ISO_DATE.test(text)) return null;
	const d = new Date(`${text}T00:00:00Z`);
	return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text ? (text as AsAt) : null;
}

/** Whether `text` is a real day written `yyyy-mm-dd`. */
export function isAsAt(text: string): text is AsAt {
	return parseAsAt(text) !== null;
}

/** `text` as an as-at date; throws `Not a date: "…" (expected yyyy-mm-dd)` otherwise. */
export function toAsAt(text: string): AsAt {
	const a = parseAsAt(text);
	if (a === null) throw new Error(`Not a date: "${text}" (expected yyyy-mm-dd)`);
	return a;
}

/** The day `now` falls on in UTC (the app's and the scripts' "today"). */
export function todayAsAt(now: Date = new Date()): AsAt {
	return now.toISOString().slice(0, 10) as AsAt;
}

/**
 * The as-at date in force when the user has chosen none: the dataset's own (`meta.as_at`, the day
 * its tracker was last brought up to date), else today in UTC. A dataset's as-at that is not a
 * date counts as none. Tests never rely on today: they pass a dataset or a date.
 */
export function defaultAsAt(meta: { as_at?: string | null } | null | undefined, now: Date = new Date()): AsAt {
	return parseAsAt(meta?.as_at) ?? todayAsAt(now);
}
