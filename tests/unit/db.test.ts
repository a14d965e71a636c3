/** The data layer under Node: types of plain rows, parameters, and all-or-nothing loading. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeEngine } from '$lib/db/node';
import type { Engine } from '$lib/db/engine';
import { DatasetError, loadDataset, rowCounts } from '$lib/db/dataset';
import { dateLiteral } from '$lib/db/derived';
import { tableFromRows, toIPC } from '$lib/model/arrow';
import { tableDef } from '$lib/model/schema';
import { Table, Utf8, vectorFromArray, tableToIPC } from 'apache-arrow';
import { fixtureBuffers } from './helpers/fixture';

let engine: Engine;
beforeAll(async () => {
	engine = await openNodeEngine();
});
afterAll(() => engine?.close());

const good = () =>
	fixtureBuffers({
		reviews: [{ review_id: 'R1', review_type: 'DHR', partnership: 'P', death_month: '2019-03-01' }],
		recommendations: [{ recommendation_id: 'R1-1', review_id: 'R1', text: 'Share information', rec_number: 1 }],
		actions: [{ action_id: 'A1', recommendation_id: 'R1-1', description: 'Do it', status: 'in progress', target_date: '2020-02-29' }]
	});

describe('query', () => {
	it('returns plain rows: numbers for BIGINT and DECIMAL, ISO strings for dates, booleans, nulls', async () => {
		const [row] = await engine.query(
			`SELECT 42::BIGINT AS big, 1.25::DECIMAL(10,2) AS dec, sum(x)::DECIMAL(18,2) AS total, DATE '2024-02-29' AS d,
			        TIMESTAMP '2024-02-29 13:45:00' AS ts, true AS b, NULL AS n, 'text' AS s
			 FROM (VALUES (1.10), (2.20)) AS t(x)`
		);
		expect(row.total).toBeCloseTo(3.3, 10); // not 330: decimals are cast once, at open()
		expect({ ...row, total: 0 }).toEqual({ big: 42, dec: 1.25, total: 0, d: '2024-02-29', ts: '2024-02-29', b: true, n: null, s: 'text' });
	});
	it('binds positional parameters', async () => {
		const rows = await engine.query<{ v: number }>('SELECT range AS v FROM range(10) WHERE range >= ? AND range < ?', [3, 5]);
		expect(rows.map((r) => r.v)).toEqual([3, 4]);
	});
	it('gives an Arrow table for bulk use', async () => {
		const t = await engine.queryArrow('SELECT * FROM range(5)');
		expect(t.numRows).toBe(5);
	});
	it('reports SQL errors as rejected promises', async () => {
		await expect(engine.query('SELECT * FROM no_such_table')).rejects.toThrow(/no_such_table/);
	});
	it('cannot load extensions from the internet (autoloading is off)', async () => {
		await expect(engine.query("SELECT * FROM read_parquet('x.parquet')")).rejects.toThrow();
	});
});

describe('loadDataset', () => {
	it('loads every table with the model types', async () => {
		await loadDataset(engine, good());
		// The recommendation had no kind of change: one is read from its text (migration.test.ts).
		expect(await rowCounts(engine)).toEqual({ reviews: 1, review_factors: 0, recommendations: 1, recommendation_themes: 0, recommendation_categories: 1, actions: 1 });
		const [a] = await engine.query('SELECT target_date FROM actions');
		expect(a.target_date).toBe('2020-02-29');
	});

	it('a file missing a required column is refused in words, and what was loaded stays', async () => {
		await loadDataset(engine, good());
		const bad = good();
		bad.actions = toIPC(new Table({ action_id: vectorFromArray(['A9'], new Utf8()) }));
		const err = await loadDataset(engine, bad, { actions: 'tracker.arrows' }).catch((e) => e);
		expect(err).toBeInstanceOf(DatasetError);
		expect(err.message).toBe('tracker.arrows: missing required columns recommendation_id, description, status.');
		expect((await rowCounts(engine)).actions).toBe(1);
		expect((await engine.query('SELECT action_id FROM actions'))[0].action_id).toBe('A1');
	});

	it('a bad date is reported with file, row, column and value, and nothing changes', async () => {
		await loadDataset(engine, good());
		const def = tableDef('actions');
		const text = Object.fromEntries(
			def.columns.map((c) => [c.name, vectorFromArray(c.name === 'target_date' ? ['2021-01-01', '31/02/2021'] : [`${c.name}1`, `${c.name}2`], new Utf8())])
		);
		text.status = vectorFromArray(['completed', 'in progress'], new Utf8());
		text.completed_date = vectorFromArray([null, null], new Utf8());
		text.last_updated = vectorFromArray([null, null], new Utf8());
		const bad = { ...good(), actions: tableToIPC(new Table(text), 'stream') };
		const err = await loadDataset(engine, bad, { actions: 'actions.arrows' }).catch((e) => e);
		expect(err.message).toBe('actions.arrows, row 2, column target_date: "31/02/2021" is not a date.');
		expect((await rowCounts(engine)).actions).toBe(1);
	});

	it('an empty required cell is reported with its row', async () => {
		const bad = fixtureBuffers({
			recommendations: [
				{ recommendation_id: 'X1', review_id: 'R', text: 'ok' },
				{ recommendation_id: 'X2', review_id: 'R', text: null }
			]
		});
		const err = await loadDataset(engine, bad).catch((e) => e);
		expect(err.message).toBe('recommendations.arrows, row 2, column text: a value is required but the cell is empty.');
	});

	it('bytes that are not Arrow are refused in words', async () => {
		await loadDataset(engine, good());
		const bad = { ...good(), reviews: new TextEncoder().encode('review_id,partnership\nR1,P\n') };
		const err = await loadDataset(engine, bad, { reviews: 'reviews.csv' }).catch((e) => e);
		expect(err.message).toMatch(/^reviews\.csv: could not be read as an Arrow IPC stream/);
		expect((await rowCounts(engine)).reviews).toBe(1);
	});

	it('optional columns a file lacks are added empty', async () => {
		const slim = good();
		slim.reviews = toIPC(
			new Table({
				review_id: vectorFromArray(['R7'], new Utf8()),
				review_type: vectorFromArray(['DHR'], new Utf8()),
				partnership: vectorFromArray(['P'], new Utf8())
			})
		);
		await loadDataset(engine, slim);
		expect(await engine.query('SELECT review_id, region, death_month FROM reviews')).toEqual([{ review_id: 'R7', region: null, death_month: null }]);
	});

	it('tables written by tableFromRows round-trip', async () => {
		const t = tableFromRows(tableDef('review_factors'), [{ review_id: 'R1', subject: 'incident', factor: 'stalking' }]);
		await loadDataset(engine, { ...good(), review_factors: toIPC(t) });
		expect(await engine.query('SELECT * FROM review_factors')).toEqual([{ review_id: 'R1', subject: 'incident', factor: 'stalking' }]);
	});
});

describe('dateLiteral', () => {
	it('accepts ISO dates and refuses anything else', () => {
		expect(dateLiteral('2026-09-30')).toBe("DATE '2026-09-30'");
		expect(() => dateLiteral("2026-09-30'; DROP TABLE actions; --")).toThrow(/Not a date/);
		expect(() => dateLiteral('30/09/2026')).toThrow(/Not a date/);
	});
});

describe('toRows', () => {
	it('reads dictionary-encoded text as its values', async () => {
		const { toRows } = await import('$lib/db/rows');
		const { Dictionary, Int32: I32 } = await import('apache-arrow');
		const v = vectorFromArray(['police', 'health', 'police'], new Dictionary(new Utf8(), new I32()));
		expect(toRows(new Table({ sector: v }))).toEqual([{ sector: 'police' }, { sector: 'health' }, { sector: 'police' }]);
	});
});
