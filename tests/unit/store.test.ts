/**
 * The dataset store over the in-memory KeyValue: put / list / get / rename / remove, all-or-nothing
 * writes, and damaged entries reported beside the good ones instead of breaking the list.
 * (The IndexedDB KeyValue runs the same store in the browser test, tests/e2e/datasets.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { MemoryKeyValue } from '$lib/store/memory';
import { createDatasetStore, StoreError, type NewDataset } from '$lib/store/store';
import type { KeyValue } from '$lib/store/keyvalue';
import { TABLE_NAMES, type DatasetMeta, type TableName } from '$lib/model/schema';

/** An Arrow IPC stream with `n` rows. */
const ipc = (n: number) => tableToIPC(tableFromArrays({ x: Int32Array.from({ length: n }, (_, i) => i) }), 'stream');

const ROWS: Record<TableName, number> = { reviews: 2, review_factors: 0, recommendations: 3, recommendation_themes: 4, recommendation_categories: 6, actions: 5 };

function meta(name = 'Files name'): DatasetMeta {
	return {
		name,
		fictional: false,
		as_at: '2025-03-31',
		source: 'Test partnership tracker',
		licence: 'OGL v3',
		row_counts: { ...ROWS },
		files: Object.fromEntries(TABLE_NAMES.map((t) => [t, `${t}.arrows`])) as Record<TableName, string>
	};
}

function dataset(name = '  My   tracker '): NewDataset {
	return { name, meta: meta(), buffers: Object.fromEntries(TABLE_NAMES.map((t) => [t, ipc(ROWS[t])])) as Record<TableName, Uint8Array> };
}

/** A store with a clock that moves one hour per call and ids d1, d2, ... */
function setup(kv: KeyValue = new MemoryKeyValue()) {
	let t = Date.UTC(2026, 10, 30, 9, 0);
	let n = 0;
	const store = createDatasetStore(kv, {
		now: () => new Date((t += 3_600_000) - 3_600_000),
		newId: () => `d${++n}`
	});
	return { kv, store };
}

describe('the dataset store', () => {
	it('keeps a dataset: list shows its cleaned name, import time and counted rows; get returns its bytes', async () => {
		const { store } = setup();
		const input = dataset();
		const info = await store.put(input);
		expect(info).toMatchObject({ id: 'd1', name: 'My tracker', imported_at: '2026-11-30T09:00:00.000Z', row_counts: ROWS });
		const { datasets, problems } = await store.list();
		expect(problems).toEqual([]);
		expect(datasets).toEqual([info]);
		const got = await store.get('d1');
		expect(got.meta).toEqual(input.meta);
		for (const t of TABLE_NAMES) expect([...got.buffers[t]]).toEqual([...input.buffers[t]]);
	});

	it('stores a copy: changing the buffer afterwards does not change what is kept', async () => {
		const { store } = setup();
		const input = dataset();
		await store.put(input);
		const before = [...input.buffers.actions];
		input.buffers.actions.fill(0);
		expect([...(await store.get('d1')).buffers.actions]).toEqual(before);
	});

	it('lists newest first', async () => {
		const { store } = setup();
		await store.put(dataset('First'));
		await store.put(dataset('Second'));
		expect((await store.list()).datasets.map((d) => [d.id, d.name, d.imported_at])).toEqual([
			['d2', 'Second', '2026-11-30T10:00:00.000Z'],
			['d1', 'First', '2026-11-30T09:00:00.000Z']
		]);
	});

	it('renames, and refuses an empty name or an unknown id in words', async () => {
		const { store } = setup();
		await store.put(dataset());
		await expect(store.rename('d1', '  Renamed  ')).resolves.toMatchObject({ name: 'Renamed' });
		expect((await store.list()).datasets[0].name).toBe('Renamed');
		expect((await store.get('d1')).name).toBe('Renamed');
		await expect(store.rename('d1', '   ')).rejects.toThrow(StoreError);
		await expect(store.rename('d1', '   ')).rejects.toThrow('A dataset needs a name.');
		await expect(store.rename('nope', 'X')).rejects.toThrow(/no stored dataset with that id/);
		expect((await store.list()).datasets[0].name).toBe('Renamed');
	});

	it('removes every key of a dataset and leaves the others', async () => {
		const { store, kv } = setup();
		await store.put(dataset('A'));
		await store.put(dataset('B'));
		await store.remove('d1');
		expect((await store.list()).datasets.map((d) => d.name)).toEqual(['B']);
		expect(await (kv as MemoryKeyValue).keys('dataset/d1/')).toEqual([]);
		expect(await (kv as MemoryKeyValue).keys('dataset/d2/')).toHaveLength(1 + TABLE_NAMES.length);
		await expect(store.get('d1')).rejects.toThrow(StoreError);
	});

	it('refuses a table that is not an Arrow stream, naming it, and keeps nothing', async () => {
		const { store, kv } = setup();
		const input = dataset();
		input.buffers.recommendations = new TextEncoder().encode('not arrow at all');
		await expect(store.put(input)).rejects.toThrow(/The table recommendations could not be read as an Arrow IPC stream/);
		input.buffers.recommendations = new Uint8Array();
		await expect(store.put(input)).rejects.toThrow('The table recommendations is empty or missing.');
		expect((kv as MemoryKeyValue).map.size).toBe(0);
	});

	it('writes all or nothing: a write that fails half-way keeps nothing', async () => {
		const kv = new MemoryKeyValue();
		await expect(kv.write([['a', 1], ['b', () => 1]])).rejects.toThrow();
		expect(kv.map.size).toBe(0);
		// A storage that refuses every write (a full disk): put fails, nothing is listed.
		const full: KeyValue = { get: (k) => kv.get(k), keys: (p) => kv.keys(p), write: async () => Promise.reject(new Error('QuotaExceededError')) };
		const { store } = setup(full);
		await expect(store.put(dataset())).rejects.toThrow('QuotaExceededError');
		expect(await store.list()).toEqual({ datasets: [], problems: [] });
	});
});

describe('damaged entries', () => {
	const cases: [string, (kv: MemoryKeyValue) => void, RegExp][] = [
		['a description that is not an object', (kv) => kv.map.set('dataset/d1/info', 'garbage'), /its description is missing or unreadable/],
		['a description with no name', (kv) => kv.map.set('dataset/d1/info', { ...(kv.map.get('dataset/d1/info') as object), name: '' }), /it has no name/],
		['a description of another id', (kv) => kv.map.set('dataset/d1/info', { ...(kv.map.get('dataset/d1/info') as object), id: 'd9' }), /belongs to another entry/],
		['no row counts', (kv) => kv.map.set('dataset/d1/info', { ...(kv.map.get('dataset/d1/info') as object), row_counts: null }), /row counts are missing/],
		['no description at all', (kv) => kv.map.delete('dataset/d1/info'), /its description is missing or unreadable/],
		['a missing table', (kv) => kv.map.delete('dataset/d1/table/actions'), /its table actions is missing/],
		['two missing tables', (kv) => (kv.map.delete('dataset/d1/table/actions'), kv.map.delete('dataset/d1/table/reviews')), /its tables reviews, actions are missing/]
	];

	it.each(cases)('%s: reported with its id, the good dataset still listed, get refuses in words, remove clears it', async (_, damage, problem) => {
		const { store, kv } = setup();
		await store.put(dataset('Damaged'));
		await store.put(dataset('Good'));
		damage(kv as MemoryKeyValue);
		const { datasets, problems } = await store.list();
		expect(datasets.map((d) => d.name)).toEqual(['Good']);
		expect(problems).toHaveLength(1);
		expect(problems[0].id).toBe('d1');
		expect(problems[0].message).toMatch(problem);
		await expect(store.get('d1')).rejects.toThrow(StoreError);
		await store.remove('d1');
		expect(await store.list()).toMatchObject({ problems: [], datasets: [{ name: 'Good' }] });
	});

	it('a read that throws is reported, not thrown through', async () => {
		const mem = new MemoryKeyValue();
		const flaky: KeyValue = {
			get: (k) => (k === 'dataset/d1/info' ? Promise.reject(new Error('read error')) : mem.get(k)),
			keys: (p) => mem.keys(p),
			write: (p, d) => mem.write(p, d)
		};
		const { store } = setup(flaky);
		await store.put(dataset('Unreadable'));
		await store.put(dataset('Good'));
		const { datasets, problems } = await store.list();
		expect(datasets.map((d) => d.name)).toEqual(['Good']);
		expect(problems).toEqual([{ id: 'd1', message: 'A stored dataset could not be read: read error.' }]);
	});
});
