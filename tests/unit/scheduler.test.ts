/** Stale queries are dropped before they reach the engine; the others run in order, two at a time. */
import { describe, expect, it } from 'vitest';
import type { Engine } from '$lib/db/engine';
import { CACHED, owned, scheduled, StaleQuery, type Owner } from '$lib/state/scheduler';

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

describe('remembered results', () => {
	it('answers a statement already answered from memory, with a fresh array each time', async () => {
		const f = fakeEngine();
		const e = scheduled(f.engine);
		const first = await e.query('a');
		const again = await e.query('a');
		expect(again).toEqual(first);
		expect(again).not.toBe(first);
		(again as unknown[]).reverse(); // a caller sorting its answer in place changes nobody else's
		await expect(e.query('a')).resolves.toEqual(first);
		expect(f.sent).toEqual(['a']);
		expect(e.cached).toBe(2);
		// Parameters are part of the statement.
		await e.query('a', ['x']);
		expect(f.sent).toEqual(['a', 'a']);
	});

	it('forgets everything when the data may change: exec, inserts, and any statement of the console', async () => {
		const f = fakeEngine();
		const e = scheduled(f.engine);
		await e.query('a');
		await e.exec('CREATE TABLE t (x INTEGER)');
		await e.query('a');
		expect(f.sent.filter((s) => s === 'a')).toHaveLength(2);
		await e.insertArrowIPC('t', new Uint8Array());
		await e.query('a');
		expect(f.sent.filter((s) => s === 'a')).toHaveLength(3);
	});

	it('forgets everything when the SQL console runs a statement', async () => {
		const f = fakeEngine();
		const fake = {
			exec: async () => {},
			queryArrow: async () => ({}) as never,
			send: () => ({ result: Promise.resolve({ table: {} as never, truncated: false }), cancel: async () => {} }),
			close: async () => {}
		};
		const e = scheduled({ ...f.engine, connectConsole: async () => fake } as Engine);
		const c = await e.connectConsole!();
		for (const run of [() => c.exec('DELETE FROM t'), () => c.queryArrow('SELECT 1'), () => c.send('UPDATE t SET x = 1', 10).result]) {
			const before = f.sent.length;
			await e.query('a');
			await run();
			await e.query('a');
			expect(f.sent.length - before).toBeGreaterThanOrEqual(1);
			expect(f.sent.slice(before).filter((s) => s === 'a').length).toBeGreaterThanOrEqual(1);
		}
		expect(f.sent.filter((s) => s === 'a')).toHaveLength(4);
	});

	it('keeps at most CACHED results, dropping the least recently used', async () => {
		const f = fakeEngine();
		const e = scheduled(f.engine);
		for (let i = 0; i <= CACHED; i++) await e.query(`q${i}`);
		await e.query('q0'); // the oldest was dropped: asked again
		expect(f.sent.filter((s) => s === 'q0')).toHaveLength(2);
		await e.query(`q${CACHED}`); // the newest is still there
		expect(f.sent.filter((s) => s === `q${CACHED}`)).toHaveLength(1);
	});

	it('does not remember a statement dropped as stale', async () => {
		const f = fakeEngine();
		const e = scheduled(f.engine, 1);
		const o: Owner = { stale: false };
		const [busy, waiting] = owned(o, () => [e.query('busy'), e.query('w')]);
		o.stale = true;
		await busy;
		await expect(waiting).rejects.toBeInstanceOf(StaleQuery);
		await expect(e.query('w')).resolves.toEqual([{ sql: 'w' }]);
		expect(f.sent).toEqual(['busy', 'w']);
	});
});
