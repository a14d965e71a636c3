/**
 * The update on the import worker's side (src/lib/import/update-session.ts), on the two tracker
 * versions of tests/fixtures/update (made by its make.ts): v1 imported and kept as Arrow buffers,
 * v2 read into an ImportSession as the /import page's worker holds it; the reviews in common, the
 * changes counted exactly, and the merged buffers.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { datasetBuffers, importFiles } from '$lib/import';
import { ImportSession } from '$lib/import/session';
import { tablesOf, updateReply, type MergeReply } from '$lib/import/update-session';
import type { UpdateChanges } from '$lib/import/update';
import { V1_AS_AT, V2_AS_AT } from '../fixtures/update/make';

const dir = path.resolve('tests/fixtures/update');
const file = (name: string) => ({ name, size: 0, arrayBuffer: async () => new Uint8Array(readFileSync(path.join(dir, name))).buffer });

async function setup() {
	const v1 = await importFiles([{ name: 'tracker-v1.csv', bytes: new Uint8Array(readFileSync(path.join(dir, 'tracker-v1.csv'))) }], { asAt: V1_AS_AT });
	expect(v1.blocking).toBe(false);
	const kept = { buffers: datasetBuffers(v1), as_at: V1_AS_AT };
	const session = new ImportSession();
	await session.read([file('tracker-v2.csv')]);
	const run = session.run({ asAt: V2_AS_AT });
	expect(run.blocking).toBe(false);
	return { kept, session };
}

describe('the update in the import worker', () => {
	it('counts the reviews each kept dataset shares with the checked import', async () => {
		const { kept, session } = await setup();
		const other = datasetBuffers({ tables: { reviews: [{ review_id: 'DHR-01', partnership: 'Elsewhere CSP', review_type: 'DHR' }], review_factors: [], recommendations: [], recommendation_themes: [], recommendation_categories: [], actions: [] } });
		expect(updateReply(session, { type: 'common', kept: [{ id: 'a', reviews: kept.buffers.reviews }, { id: 'b', reviews: other.reviews }] })).toEqual([
			{ id: 'a', reviews: 2 },
			{ id: 'b', reviews: 0 }
		]);
	});

	it('says what changed: 2 completed, 1 newly overdue, 1 added, 1 removed, 1 target moved', async () => {
		const { kept, session } = await setup();
		const c = updateReply(session, { type: 'compare', kept, asAt: V2_AS_AT }) as UpdateChanges;
		expect(c.totals).toEqual({ completed: 2, overdue: 1, added: 1, removed: 1, moved: 1, status: 0 });
		expect(c.reviews.map((r) => [r.review_id, r.counts])).toEqual([
			['DHR-01', { completed: 1, overdue: 1, added: 0, removed: 0, moved: 1, status: 0 }],
			['DHR-02', { completed: 1, overdue: 0, added: 1, removed: 1, moved: 0, status: 0 }]
		]);
		expect(c.reviews[0].completed.map((x) => [x.description, x.completed_date])).toEqual([['Add an enquiry prompt to the GP system', '2026-09-10']]);
		expect(c.reviews[0].moved.map((x) => [x.from, x.to])).toEqual([['2026-09-30', '2027-01-31']]);
		expect(c.reviews[0].overdue.map((x) => [x.description, x.days_overdue])).toEqual([['Audit training attendance', 30]]);
		expect(c.reviews[1].added.map((x) => x.description)).toEqual(['Check every repeat case at the monthly MARAC']);
		expect(c.reviews[1].removed.map((x) => x.description)).toEqual(['Train housing officers on the protocol']);
	});

	it('merges: the updated tables as buffers, with their row counts', async () => {
		const { kept, session } = await setup();
		const m = updateReply(session, { type: 'merge', kept, asAt: V2_AS_AT }) as MergeReply;
		expect(m.row_counts).toEqual({ reviews: 2, review_factors: 0, recommendations: 4, recommendation_themes: m.row_counts.recommendation_themes, recommendation_categories: m.row_counts.recommendation_categories, actions: 9 });
		// Kinds of change come through the update (tagged from the import's texts).
		expect(m.row_counts.recommendation_categories).toBeGreaterThan(0);
		const t = tablesOf(m.buffers);
		expect(t.actions.filter((a) => a.status === 'completed')).toHaveLength(3);
		expect(t.actions.map((a) => a.description)).toContain('Check every repeat case at the monthly MARAC');
		expect(t.actions.map((a) => a.description)).not.toContain('Train housing officers on the protocol');
	});
});
