/**
 * The words of an update of a kept dataset: "Since the update of 30 June 2026: 2 actions completed,
 * 1 newly overdue, …", the dates it compares, and the same numbers as table rows. Pure; counts go
 * through `formatCount` under the rule passed in, so small-number protection writes them as
 * everywhere else.
 */
import type { ChangeCounts, DatasetUpdate } from '$lib/model/schema';
import type { UpdateChanges } from '$lib/import/update';
import { formatCount, formatDate } from '$lib/format';
import type { Rule } from '$lib/privacy/suppress';

/** The kinds of change, in the order they are written, with their words for n = 1 and n > 1. */
export const CHANGE_KINDS: { key: keyof ChangeCounts; label: string; one: string; many: string }[] = [
	{ key: 'completed', label: 'Completed', one: 'action completed', many: 'actions completed' },
	{ key: 'overdue', label: 'Newly overdue', one: 'newly overdue', many: 'newly overdue' },
	{ key: 'added', label: 'Added', one: 'added', many: 'added' },
	{ key: 'removed', label: 'Removed', one: 'removed', many: 'removed' },
	{ key: 'moved', label: 'Target date moved', one: 'target date moved', many: 'target dates moved' },
	{ key: 'status', label: 'Status changed otherwise', one: 'other status change', many: 'other status changes' }
];

/** The date the changes count from: the previous version's as-at date, else the day of the update. */
export const sinceDate = (u: Pick<DatasetUpdate, 'previous_as_at' | 'updated_at'>) => u.previous_as_at ?? u.updated_at.slice(0, 10);

/** "2 actions completed, 1 newly overdue, 1 added, 1 removed, 1 target date moved" (status changes only when there are some). */
export function changesInWords(c: ChangeCounts, format: (n: number) => string = formatCount): string {
	// Singular only for a 1 written as "1" (small-number protection may write it "<5").
	return CHANGE_KINDS.filter((k) => k.key !== 'status' || c.status > 0)
		.map((k) => {
			const n = format(c[k.key]);
			return `${n} ${n === '1' ? k.one : k.many}`;
		})
		.join(', ');
}

const none = (c: ChangeCounts) => CHANGE_KINDS.every((k) => c[k.key] === 0);

/** "Since the update of 30 June 2026: 2 actions completed, …." (counts under the rule). */
export function updateSentence(u: DatasetUpdate, rule: Rule | null = null): string {
	const since = `Since the update of ${formatDate(sinceDate(u))}`;
	return none(u.totals) ? `${since}: no action changed.` : `${since}: ${changesInWords(u.totals, (n) => formatCount(n, rule))}.`;
}

/** Which versions are compared, and when the update was made. */
export function updateContext(u: DatasetUpdate): string {
	const reviews = u.reviews.length;
	const added = u.new_reviews.length;
	const compared =
		u.previous_as_at && u.as_at
			? `The tracker as at ${formatDate(u.as_at)} compared with the one as at ${formatDate(u.previous_as_at)}`
			: 'The new version of the tracker compared with the one before';
	return `${compared}, for ${reviews} review${reviews === 1 ? '' : 's'}${added ? ` (and ${added} new review${added === 1 ? '' : 's'} added)` : ''}; updated in this browser on ${formatDate(u.updated_at.slice(0, 10))}.`;
}

/** The numbers as rows of a table: one per kind of change. */
export function updateRows(c: ChangeCounts): { key: string; change: string; actions: number }[] {
	return CHANGE_KINDS.map((k) => ({ key: k.key, change: k.label, actions: c[k.key] }));
}

/**
 * The offer on /import: "2 actions completed, … in 2 reviews in common" before the user accepts.
 * The user's own file, before it is kept: nothing hidden (as in the import's report).
 */
export function previewSentence(c: UpdateChanges): string {
	const n = c.reviews.length;
	const body = none(c.totals) ? 'no action changed' : changesInWords(c.totals, (x) => x.toLocaleString('en-GB'));
	const added = c.new_reviews.length ? `; ${c.new_reviews.length} new review${c.new_reviews.length === 1 ? '' : 's'} would be added` : '';
	return `Since the version as at ${formatDate(c.kept_as_at)}, in ${n} review${n === 1 ? '' : 's'} in common: ${body}${added}.`;
}
