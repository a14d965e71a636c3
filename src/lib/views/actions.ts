/**
 * Turning the tracker's query results into what /actions shows: the table's columns, the sentences
 * that count the rows, the filters in words (for print), the CSV file, and the page's own URL
 * parameters (`q` for the search, `bucket` for the overdue band).
 */
import { formatCount, formatDate } from '../format';
import { DIMENSIONS, type Filters } from '../filters/filters';
import { optionLabel } from '../filters/labels';
import { STATUSES, labelOf } from '../model/vocab';
import { OVERDUE_BUCKETS, isBucket, type BucketCount, type BucketKey, type OpenActionRow, type OpenActionTotals } from '../queries/actions';
import type { Column } from '../components/tables';
import { toCsv, type CsvCell } from '../export/csv';
import type { Rule } from '../privacy/suppress';

/** The page's own URL parameters (the shared filter parsing ignores them). */
export const SEARCH_PARAM = 'q';
export const BUCKET_PARAM = 'bucket';

export function readTrackerParams(params: URLSearchParams): { search: string; bucket: BucketKey | null } {
	const b = params.get(BUCKET_PARAM);
	return { search: params.get(SEARCH_PARAM) ?? '', bucket: isBucket(b) ? b : null };
}

/** The URL with the search and bucket set (empty ones removed), every other parameter kept. */
export function withTrackerParams(url: URL, next: { search?: string; bucket?: BucketKey | null }): string {
	const u = new URL(url);
	if (next.search !== undefined) {
		const q = next.search.trim();
		if (q) u.searchParams.set(SEARCH_PARAM, next.search);
		else u.searchParams.delete(SEARCH_PARAM);
	}
	if (next.bucket !== undefined) {
		if (next.bucket) u.searchParams.set(BUCKET_PARAM, next.bucket);
		else u.searchParams.delete(BUCKET_PARAM);
	}
	return `${u.pathname}${u.search}${u.hash}`;
}

export const bucketLabel = (key: BucketKey) => OVERDUE_BUCKETS.find((b) => b.key === key)!.label;
export const bucketLong = (key: BucketKey) => OVERDUE_BUCKETS.find((b) => b.key === key)!.long;

const plural = (n: number, one: string, many: string, rule: Rule | null) => `${formatCount(n, rule)} ${n === 1 ? one : many}`;

/** "1,223 open actions, 835 overdue, as at 30 September 2026." */
export function totalsSentence(t: OpenActionTotals, asAt: string, rule: Rule | null = null): string {
	return `${plural(t.open, 'open action', 'open actions', rule)}, ${formatCount(t.overdue, rule)} overdue, as at ${formatDate(asAt)}.`;
}

/** What the search and bucket leave, in words; '' when neither is set. */
export function narrowedSentence(n: number, search: string, bucket: BucketKey | null, rule: Rule | null = null): string {
	const q = search.trim();
	if (!q && !bucket) return '';
	const one = n === 1;
	const parts = [
		q ? `${one ? 'matches' : 'match'} “${q}”` : null,
		bucket ? `${one ? 'is' : 'are'} ${bucketLong(bucket).toLowerCase()}` : null
	].filter(Boolean);
	return `${plural(n, 'action', 'actions', rule)} ${parts.join(' and ')}.`;
}

/**
 * At most this many open actions are listed at once (the most overdue first): listing every open
 * action of a national dataset (200,000 at a million actions) took over 2 s after each filter change,
 * and no one reads that many rows. The demo's open actions all fit. Asking for all lists them all.
 */
export const LIST_LIMIT = 5000;

/** How many actions match the search and band: from the bands (which already apply the search). */
export function matchedOfBuckets(buckets: readonly BucketCount[], bucket: BucketKey | null): number {
	return buckets.filter((b) => bucket == null || b.bucket === bucket).reduce((s, b) => s + b.n, 0);
}

/** Said above a list cut at LIST_LIMIT rows. */
export function cappedSentence(listed: number, matched: number, rule: Rule | null = null): string {
	return `Listed: the ${formatCount(listed, rule)} most overdue of ${formatCount(matched, rule)} open actions. Search, choose a band or add filters to narrow the list, or list them all (slower).`;
}

/** The filters, search and band in force, in words, for the printed page. */
export function filtersInWords(f: Filters, asAt: string, search: string, bucket: BucketKey | null): string {
	const parts: string[] = [];
	if (f.from != null && f.to != null) parts.push(`reviews of ${f.from}–${f.to}`);
	else if (f.from != null) parts.push(`reviews from ${f.from}`);
	else if (f.to != null) parts.push(`reviews up to ${f.to}`);
	for (const d of DIMENSIONS) {
		const v = f.values[d.key];
		if (v.length) parts.push(`${d.label.toLowerCase()}: ${v.map((x) => optionLabel(d.key, x)).join(' or ')}`);
	}
	if (search.trim()) parts.push(`search: “${search.trim()}”`);
	if (bucket) parts.push(bucketLong(bucket).toLowerCase());
	return `${parts.length ? `Filters: ${parts.join('; ')}.` : 'No filters: every open action.'} As at ${formatDate(asAt)}.`;
}

/** Days overdue in words for the table: the number when overdue, else why not. */
export function daysOverdueText(r: Pick<OpenActionRow, 'days_overdue' | 'target_date'>, rule: Rule | null = null): string {
	if (r.days_overdue != null) return formatCount(r.days_overdue, rule);
	return r.target_date ? 'Not yet due' : 'No target date';
}

export const statusLabel = (code: string) => labelOf(STATUSES, code);

const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `yyyy-mm-dd` -> "30 Jun 2012": the tracker is wide, and a short month keeps the date on one line. */
export function formatShortDate(iso: string | null | undefined): string {
	if (!iso) return 'None';
	const [y, m, d] = iso.split('-').map(Number);
	return `${d} ${SHORT_MONTHS[m - 1]} ${y}`;
}

/** The tracker's columns, in the order shown. */
/**
 * Rows the tracker draws at first and adds with each "show more" (printing draws them all). 200,
 * not the tables' usual 500: drawing 500 long rows again after every filter change took 100–300 ms
 * at the demo size, more than the queries.
 */
export const ACTIONS_PAGE = 200;

/** The tracker's columns under the rule (days overdue are written through `formatCount`). */
export const actionColumns = (rule: Rule | null = null): Column<OpenActionRow>[] => [
	{
		key: 'days_overdue',
		label: 'Days overdue',
		align: 'right',
		format: (_v, r) => daysOverdueText(r, rule),
		// By days past the target, so "not yet due" sorts after overdue by how soon it is due; no target last.
		sortValue: (r) => r.days_late,
		descFirst: true
	},
	{ key: 'description', label: 'Action' },
	{ key: 'lead_agency', label: 'Lead agency' },
	{ key: 'owner_role', label: 'Owner role' },
	{ key: 'review_id', label: 'Review' },
	{
		key: 'recommendation_text',
		label: 'Recommendation',
		format: (_v, r) => `${r.rec_number ?? '?'}. ${r.recommendation_text}`,
		sortValue: (r) => `${r.review_id} ${String(r.rec_number ?? 0).padStart(4, '0')}`
	},
	{ key: 'target_date', label: 'Target date', format: (v) => formatShortDate(v as string | null) },
	{ key: 'status', label: 'Status', format: (v) => statusLabel(String(v)) }
];

/** The CSV's columns: those of the table, with the action id first and plain values (ISO dates, numbers). */
const CSV_COLUMNS: { label: string; value: (r: OpenActionRow) => CsvCell }[] = [
	{ label: 'Action id', value: (r) => r.action_id },
	{ label: 'Days overdue', value: (r) => r.days_overdue },
	{ label: 'Overdue band', value: (r) => bucketLabel(r.bucket) },
	{ label: 'Action', value: (r) => r.description },
	{ label: 'Lead agency', value: (r) => r.lead_agency },
	{ label: 'Owner role', value: (r) => r.owner_role },
	{ label: 'Review', value: (r) => r.review_id },
	{ label: 'Recommendation number', value: (r) => r.rec_number },
	{ label: 'Recommendation', value: (r) => r.recommendation_text },
	{ label: 'Target date', value: (r) => r.target_date },
	{ label: 'Status', value: (r) => statusLabel(r.status) }
];

/** The rows, in the order given, as CSV text. */
export function actionsCsv(rows: readonly OpenActionRow[]): string {
	return toCsv(
		CSV_COLUMNS.map((c) => c.label),
		rows.map((r) => CSV_COLUMNS.map((c) => c.value(r)))
	);
}

export function csvFileName(asAt: string): string {
	return `dhr-open-actions-${asAt}.csv`;
}

/** The bucket chart's bars: one per bucket, in order. */
export function bucketBars(buckets: BucketCount[]) {
	return buckets.map((b) => ({ key: b.bucket, label: b.label, value: b.n }));
}

/** Open and overdue actions from the bands (every open action is in one band; 'not-due' is not overdue). */
export function totalsOfBuckets(buckets: readonly BucketCount[]): OpenActionTotals {
	return {
		open: buckets.reduce((s, b) => s + b.n, 0),
		overdue: buckets.filter((b) => b.bucket !== 'not-due').reduce((s, b) => s + b.n, 0)
	};
}

/** The bucket chart's caption, for the current filters and search. */
export function bucketCaption(buckets: BucketCount[], search: string, rule: Rule | null = null): string {
	const total = buckets.reduce((s, b) => s + b.n, 0);
	const overdue = buckets.filter((b) => b.bucket !== 'not-due').reduce((s, b) => s + b.n, 0);
	const over = buckets.find((b) => b.bucket === 'over-365')?.n ?? 0;
	const q = search.trim() ? ` matching “${search.trim()}”` : '';
	return `Of the ${plural(total, 'open action', 'open actions', rule)}${q}, ${formatCount(overdue, rule)} ${overdue === 1 ? 'is past its' : 'are past their'} target date and ${formatCount(over, rule)} by more than a year.`;
}

/** The bucket chart's table twin: the bands in their own order (not sortable: the order is the meaning). */
export const bucketColumns = (rule: Rule | null = null): Column<BucketCount>[] => [
	{ key: 'label', label: 'How long past the target date', sortable: false, format: (_v, b) => bucketLong(b.bucket) },
	{ key: 'n', label: 'Open actions', align: 'right', sortable: false, format: (v) => formatCount(v as number, rule) }
];

export const BUCKET_NOTE =
	'Open means not completed and not accepted at the as-at date. An action due on the as-at date is not yet overdue; "not yet due" also counts actions with no target date.';
