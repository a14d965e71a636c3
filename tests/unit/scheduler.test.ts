/** Stale queries are dropped before they reach the engine; the others run in order, two at a time. */
import { describe, expect, it } from 'vitest';
import type { Engine } from '$lib/db/engine';
import { owned, scheduled, StaleQuery, type Owner } from '$lib/state/scheduler';

function fakeEngine() {
	const sent: string[] = [];
	let live = 0;
	let most = 0;
	const engine = {
		async query(sql: string) {
			sent.push(sql);
			live++;
			most = Math.max(most, live);
			await new Promise((r) => setTimeout(r, 5));
			live--;
			return [{ sql }];
		},
		async queryArrow() {
			throw new Error('not used');
		},
		async exec(sql: string) {
			sent.push(sql);
		},
		async insertArrowIPC() {},
		async close() {}
	} as unknown as Engine;
	return { engine, sent, most: () => most };
}

describe('scheduled engine', () => {
	it('runs at most two statements at once, in the order asked', async () => {
		const f = fakeEngine();
		const e = scheduled(f.engine);
		const out = await Promise.all(['a', 'b', 'c', 'd', 'e'].map((q) => e.query(q)));
		expect(out.map((r) => (r[0] as { sql: string }).sql)).toEqual(['a', 'b', 'c', 'd', 'e']);
		expect(f.sent).toEqual(['a', 'b', 'c', 'd', 'e']);
		expect(f.most()).toBe(2);
	});

	it('never sends the waiting statements of an owner gone stale', async () => {
		const f = fakeEngine();
		const e = scheduled(f.engine);
		const old: Owner = { stale: false };
		const fresh: Owner = { stale: false };
		const first = owned(old, () => ['o1', 'o2', 'o3', 'o4'].map((q) => e.query(q)));
		old.stale = true; // a newer filter state: o3 and o4 have not started yet
		const second = owned(fresh, () => ['n1', 'n2'].map((q) => e.query(q)));
		const settled = await Promise.allSettled([...first, ...second]);
		expect(f.sent).toEqual(['o1', 'o2', 'n1', 'n2']);
		expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'rejected', 'fulfilled', 'fulfilled']);
		expect((settled[2] as PromiseRejectedResult).reason).toBeInstanceOf(StaleQuery);
		expect(e.skipped).toBe(2);
	});

	it('runs statements with no owner whatever happens', async () => {
		const f = fakeEngine();
		const e = scheduled(f.engine);
		const o: Owner = { stale: true };
		const a = owned(o, () => e.query('owned'));
		const b = e.query('free');
		await Promise.allSettled([a, b]);
		// The owner was stale before its statement's turn came: dropped; the ownerless one runs.
		expect(f.sent).toEqual(['free']);
	});
});
