/**
 * Parquet export: every table of a dataset written with hyparquet-writer and read back with
 * hyparquet gives the same rows (dates, whole numbers, yes/no and nulls included) as the dataset.
 */
import { describe, expect, it } from 'vitest';
import { tableFromIPC } from 'apache-arrow';
import { parquetReadObjects } from 'hyparquet';
import { toRows } from '$lib/db/rows';
import { parquetFiles, tableParquet } from '$lib/export/parquet';
import { TABLE_NAMES } from '$lib/model/schema';
import { fixtureBuffers } from './helpers/fixture';
import { SMALL } from './helpers/small';

const iso = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === 'bigint' ? Number(v) : (v ?? null));

describe('Parquet export', () => {
	const buffers = fixtureBuffers(SMALL);
	it.each(TABLE_NAMES)('%s reads back with the same rows', async (t) => {
		const expected = toRows(tableFromIPC(buffers[t]));
		const bytes = tableParquet(t, buffers[t]);
		expect(String.fromCharCode(...bytes.subarray(0, 4))).toBe('PAR1');
		const back = (await parquetReadObjects({ file: bytes.slice().buffer as ArrayBuffer })) as Record<string, unknown>[];
		expect(back.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, iso(v)])))).toEqual(expected);
		if (t === 'actions') expect(expected.length).toBeGreaterThan(3);
	});
	it('one file per table, named after the dataset', () => {
		expect(parquetFiles('my-data', buffers).map((f) => f.name)).toEqual(TABLE_NAMES.map((t) => `my-data-${t}.parquet`));
	});
});
