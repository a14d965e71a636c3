/**
 * Versions of a stored dataset (src/lib/store/store.ts) over the in-memory KeyValue: an update keeps
 * the version it replaces restorable, restoring is a new version, the last KEEP_VERSIONS earlier
 * versions are kept, a dataset kept before versions existed reads as version 1, and deleting a
 * dataset deletes its versions. (The IndexedDB KeyValue runs the same code in tests/e2e/update.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { tableFromArrays, tableFromIPC, tableToIPC } from 'apache-arrow';
import { MemoryKeyValue } from '$lib/store/memory';
import { createDatasetStore, KEEP_VERSIONS, StoreError } from '$lib/store/store';
import { TABLE_NAMES, type DatasetMeta, type TableName } from '$lib/model/schema';

/** Buffers whose actions table has `n` rows (so each version is told apart by its row count). */
const buffers = (n: number) =>
	Object.fromEntries(TABLE_NAMES.map((t) => [t, tableToIPC(tableFromArrays({ x: Int32Array.from({ length: t === 'actions' ? n : 1 }, (_, i) => i) }), 'stream')])) as Record<TableName, Uint8Array>;

const meta = (asAt: string, extra: Partial<DatasetMeta> = {}): DatasetMeta => ({
	name: 'Tracker',
	fictional: false,
	as_at: asAt,
	source: 'Test',
	row_counts: { reviews: 1, review_factors: 1, recommendations: 1, recommendation_themes: 1, recommendation_categories: 0, actions: 1 },
	files: Object.fromEntries(TABLE_NAMES.map((t) => [t, `${t}.arrows`])) as Record<TableName, string>,
	...extra
});

const UPDATE = {
	updated_at: '2026-11-04T10:00:00.000Z',
	previous_as_at: '2026-09-30',
	as_at: '2026-10-31',
	totals: { completed: 2, overdue: 0, added: 1, removed: 1, moved: 1, status: 0 },
	reviews: [{ review_id: 'A', partnership: 'P', counts: { completed: 2, overdue: 0, added: 1, removed: 1, moved: 1, status: 0 } }],
	new_reviews: []
};

function setup() {
	const kv = new MemoryKeyValue();
	let t = Date.UTC(2026, 10, 1, 9, 0);
	const store = createDatasetStore(kv, { now: () => new Date((t += 86_400_000) - 86_400_000), newId: () => 'd1' });
	return { kv, store };
}

const rowsOf = async (store: ReturnType<typeof setup>['store'], id = 'd1') => tableFromIPC((await store.get(id)).buffers.actions).numRows;

describe('versions of a stored dataset', () => {
	it('an update keeps the new version under the same id and name, and the previous one restorable', async () => {
		const { store } = setup();
		await store.put({ name: 'My tracker', meta: meta('2026-09-30'), buffers: buffers(10) });
		const info = await store.update('d1', { meta: meta('2026-10-31', { update: UPDATE }), buffers: buffers(11) });
		expect(info).toMatchObject({ id: 'd1', name: 'My tracker', version: 2, imported_at: '2026-11-02T09:00:00.000Z' });
		expect(info.row_counts.actions).toBe(11);
		expect(await rowsOf(store)).toBe(11);
		expect((await store.get('d1')).meta.update).toEqual(UPDATE);
		const versions = await store.versions('d1');
		expect(versions.map((v) => [v.version, v.current, v.saved_at, v.meta.as_at, v.row_counts.actions])).toEqual([
			[2, true, '2026-11-02T09:00:00.000Z', '2026-10-31', 11],
			[1, false, '2026-11-01T09:00:00.000Z', '2026-09-30', 10]
		]);
		// Still one dataset in the list, with no problem.
		const list = await store.list();
		expect(list.problems).toEqual([]);
		expect(list.datasets.map((d) => [d.id, d.version])).toEqual([['d1', 2]]);
	});

	it('restoring is itself a new version: the restored tables are current, the version it replaced is kept', async () => {
		const { store } = setup();
		await store.put({ name: 'T', meta: meta('2026-09-30'), buffers: buffers(10) });
		await store.update('d1', { meta: meta('2026-10-31', { update: UPDATE }), buffers: buffers(11) });
		const restored = await store.restore('d1', 1);
		expect(restored).toMatchObject({ version: 3, restored_from: 1 });
		expect(await rowsOf(store)).toBe(10);
		expect((await store.get('d1')).meta.as_at).toBe('2026-09-30');
		expect((await store.get('d1')).meta.update).toBeUndefined();
		expect((await store.versions('d1')).map((v) => [v.version, v.current, v.restored_from ?? null, v.row_counts.actions])).toEqual([
			[3, true, 1, 10],
			[2, false, null, 11],
			[1, false, null, 10]
		]);
		// And back again to the update.
		await store.restore('d1', 2);
		expect(await rowsOf(store)).toBe(11);
		expect((await store.get('d1')).meta.update).toEqual(UPDATE);
	});

	it(`keeps the last ${KEEP_VERSIONS} earlier versions and deletes older ones`, async () => {
		const { kv, store } = setup();
		await store.put({ name: 'T', meta: meta('2026-01-01'), buffers: buffers(1) });
		for (let i = 2; i <= 8; i++) await store.update('d1', { meta: meta('2026-01-01'), buffers: buffers(i) });
		const versions = await store.versions('d1');
		expect(versions.map((v) => v.version)).toEqual([8, 7, 6, 5, 4, 3]);
		expect(versions.map((v) => v.row_counts.actions)).toEqual([8, 7, 6, 5, 4, 3]);
		// Nothing of versions 1 and 2 is left in the store: 7 keys (info + 6 tables) per earlier version kept, and the current 7.
		expect([...kv.map.keys()].filter((k) => /version\/[12]\//.test(k))).toEqual([]);
		expect(kv.map.size).toBe(6 * 7);
		await store.restore('d1', 3);
		expect(await rowsOf(store)).toBe(3);
		await expect(store.restore('d1', 2)).rejects.toThrow(/Version 2 of this dataset is no longer kept/);
	});

	it('reads a dataset kept before versions existed as version 1 with no earlier version', async () => {
		const { kv, store } = setup();
		await store.put({ name: 'Old', meta: meta('2025-03-31'), buffers: buffers(4) });
		const info = kv.map.get('dataset/d1/info') as Record<string, unknown>;
		delete info.version;
		expect(info.version).toBeUndefined();
		expect((await store.versions('d1')).map((v) => [v.version, v.current])).toEqual([[1, true]]);
		expect((await store.update('d1', { meta: meta('2025-06-30'), buffers: buffers(5) })).version).toBe(2);
	});

	it('an update with a broken table changes nothing; deleting the dataset deletes its versions', async () => {
		const { kv, store } = setup();
		await store.put({ name: 'T', meta: meta('2026-09-30'), buffers: buffers(10) });
		const bad = { ...buffers(11), actions: new Uint8Array(0) };
		await expect(store.update('d1', { meta: meta('2026-10-31'), buffers: bad })).rejects.toThrow(StoreError);
		expect((await store.versions('d1')).length).toBe(1);
		await store.update('d1', { meta: meta('2026-10-31'), buffers: buffers(11) });
		await store.remove('d1');
		expect(kv.map.size).toBe(0);
	});

	it('gives one table of a stored dataset', async () => {
		const { store } = setup();
		await store.put({ name: 'T', meta: meta('2026-09-30'), buffers: buffers(7) });
		expect(tableFromIPC(await store.table('d1', 'actions')).numRows).toBe(7);
	});
});
