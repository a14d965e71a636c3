/** The words of an update (src/lib/views/update.ts): British dates, plurals, small-number protection. */
import { describe, expect, it } from 'vitest';
import { changesInWords, previewSentence, sinceDate, updateContext, updateRows, updateSentence } from '$lib/views/update';
import type { DatasetUpdate } from '$lib/model/schema';
import type { UpdateChanges } from '$lib/import/update';

const totals = { completed: 6, overdue: 3, added: 2, removed: 1, moved: 4, status: 0 };
const update: DatasetUpdate = {
	updated_at: '2026-11-05T09:30:00.000Z',
	previous_as_at: '2026-11-04',
	as_at: '2027-02-03',
	totals,
	reviews: [
		{ review_id: 'A', partnership: 'P', counts: totals },
		{ review_id: 'B', partnership: 'P', counts: { completed: 0, overdue: 0, added: 0, removed: 0, moved: 0, status: 0 } }
	],
	new_reviews: ['C']
};

describe('the words of an update', () => {
	it('"Since the update of 4 November 2026: 6 actions completed, 3 newly overdue, 2 added, 1 removed, 4 target dates moved."', () => {
		expect(updateSentence(update)).toBe('Since the update of 4 November 2026: 6 actions completed, 3 newly overdue, 2 added, 1 removed, 4 target dates moved.');
	});

	it('singular for one, status changes only when there are some, and "no action changed"', () => {
		expect(changesInWords({ completed: 1, overdue: 0, added: 0, removed: 0, moved: 1, status: 2 })).toBe(
			'1 action completed, 0 newly overdue, 0 added, 0 removed, 1 target date moved, 2 other status changes'
		);
		expect(updateSentence({ ...update, totals: { completed: 0, overdue: 0, added: 0, removed: 0, moved: 0, status: 0 } })).toBe('Since the update of 4 November 2026: no action changed.');
	});

	it('counts from the day of the update when the previous version had no as-at date', () => {
		expect(sinceDate({ ...update, previous_as_at: null })).toBe('2026-11-05');
	});

	it('says which versions are compared and when it was updated', () => {
		expect(updateContext(update)).toBe('The tracker as at 3 February 2027 compared with the one as at 4 November 2026, for 2 reviews (and 1 new review added); updated in this browser on 5 November 2026.');
	});

	it('writes small counts "<5" while protection is on (plural then), the offer on /import never', () => {
		expect(updateSentence(update, { below: 5 })).toBe('Since the update of 4 November 2026: 6 actions completed, <5 newly overdue, <5 added, <5 removed, <5 target dates moved.');
		const changes = { as_at: '2027-02-03', kept_as_at: '2026-11-04', reviews: [{}, {}], new_reviews: [], totals } as unknown as UpdateChanges;
		expect(previewSentence(changes)).toBe('Since the version as at 4 November 2026, in 2 reviews in common: 6 actions completed, 3 newly overdue, 2 added, 1 removed, 4 target dates moved.');
	});

	it('gives the numbers as table rows, one per kind of change', () => {
		expect(updateRows(totals).map((r) => [r.change, r.actions])).toEqual([
			['Completed', 6],
			['Newly overdue', 3],
			['Added', 2],
			['Removed', 1],
			['Target date moved', 4],
			['Status changed otherwise', 0]
		]);
	});
});
