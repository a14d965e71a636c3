/**
 * Checks across tables, after the rows are built: links, required values, and dates that
 * contradict each other or the as-at date. Blocking problems are the ones that would load wrong
 * data (an action no recommendation owns is invisible in every view; a review without its
 * partnership cannot be filtered); the others load and stay visible in the report.
 */
import { SCHEMA } from '../model/schema';
import type { Tables } from './build';
import type { Problem } from './types';

export function checkTables(tables: Tables, asAt: string | null, file: string): Problem[] {
	const out: Problem[] = [];
	const p = (problem: string, blocking: boolean, extra: Partial<Problem> = {}) => out.push({ file, problem, blocking, ...extra });
	const reviewById = new Map(tables.reviews.map((r) => [String(r.review_id), r]));
	const recIds = new Set(tables.recommendations.map((r) => String(r.recommendation_id)));
	const recReview = new Map(tables.recommendations.map((r) => [String(r.recommendation_id), String(r.review_id)]));

	// Required values, per table (a column the files never gave is reported once, with its rows).
	for (const def of SCHEMA) {
		for (const c of def.columns.filter((c) => c.required)) {
			const empty = tables[def.name].filter((r) => r[c.name] == null || r[c.name] === '');
			if (empty.length === 0) continue;
			const ids = empty.slice(0, 5).map((r) => String(r[def.columns[0].name])).join(', ');
			const more = empty.length > 5 ? ` and ${empty.length - 5} more` : '';
			const hint =
				def.name === 'reviews' && c.name === 'partnership'
					? ' Say once which partnership the file belongs to ("Values for the whole file" on this page; --partnership NAME for npm run import), or map a partnership column.'
					: '';
			p(`Missing required ${def.name} column ${c.name}: empty for ${empty.length} row(s) (${ids}${more}).${hint}`, true, { column: c.name });
		}
	}
	for (const a of tables.actions) {
		if (!recIds.has(String(a.recommendation_id)))
			p(`Action ${a.action_id} points to recommendation ${a.recommendation_id}, which is not in the files.`, true, { column: 'recommendation_id', value: String(a.recommendation_id) });
		if (a.status === 'completed' && !a.completed_date) p(`Action ${a.action_id} is completed but has no completed date.`, false, { column: 'completed_date' });
		if (asAt && typeof a.completed_date === 'string' && a.completed_date > asAt)
			p(`Action ${a.action_id} was completed on ${a.completed_date}, after the as-at date ${asAt}.`, false, { column: 'completed_date', value: a.completed_date });
		const review = reviewById.get(recReview.get(String(a.recommendation_id)) ?? '');
		const start = (review?.commissioned_date ?? review?.death_month) as string | undefined;
		if (start && typeof a.target_date === 'string' && a.target_date < start)
			p(`Action ${a.action_id} has a target date ${a.target_date} before its review began (${start}).`, false, { column: 'target_date', value: a.target_date });
	}
	for (const r of tables.recommendations)
		if (!reviewById.has(String(r.review_id))) p(`Recommendation ${r.recommendation_id} points to review ${r.review_id}, which is not in the files.`, true, { column: 'review_id' });
	for (const r of tables.reviews)
		for (const c of ['completed_date', 'published_date'])
			if (asAt && typeof r[c] === 'string' && (r[c] as string) > asAt)
				p(`Review ${r.review_id} has ${c} ${r[c]}, after the as-at date ${asAt}: it is out of scope until then.`, false, { column: c, value: r[c] as string });
	return out;
}

/** The latest date the data itself records (used as the as-at date when none is given). */
export function latestDate(tables: Tables): string | null {
	let max: string | null = null;
	const see = (v: unknown) => typeof v === 'string' && (max === null || v > max) && (max = v);
	for (const a of tables.actions) [a.last_updated, a.completed_date].forEach(see);
	for (const r of tables.reviews) [r.completed_date, r.published_date].forEach(see);
	return max;
}
