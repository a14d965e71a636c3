/**
 * Datasets made before kinds of change were kept still open, nothing lost: an old-shape dataset
 * (the five tables of before, `recommendation_themes` without `confidence`) is written here, as
 * `npm run import` and the browser's store wrote them, and loaded.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Table, tableToIPC, vectorFromArray, Utf8, Int32, DateDay, type Vector } from 'apache-arrow';
import { openNodeEngine } from '$lib/db/node';
import type { Engine } from '$lib/db/engine';
import { loadDataset, rowCounts } from '$lib/db/dataset';
import { withAddedTables, emptyTableIPC, loadNotices } from '$lib/model/migrate';
import { CATEGORY_IDS } from '$lib/model/categories';
import { CORE_TABLE_NAMES, TABLE_NAMES, type TableName } from '$lib/model/schema';

let engine: Engine;
beforeAll(async () => {
	engine = await openNodeEngine();
});
afterAll(() => engine?.close());

const utf8 = (xs: (string | null)[]) => vectorFromArray(xs, new Utf8());
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** The five tables as the model had them before: no recommendation_categories, themes without confidence. */
function oldShape(): Partial<Record<TableName, Uint8Array>> {
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	const ipc = (cols: Record<string, Vector<any>>) => tableToIPC(new Table(cols), 'stream');
	return {
		reviews: ipc({
			review_id: utf8(['OLD1', 'OLD2']),
			review_type: utf8(['DHR', 'DHR']),
			partnership: utf8(['Oldtown', 'Oldtown']),
			completed_date: vectorFromArray([day('2019-04-01'), day('2021-06-15')], new DateDay())
		}),
		review_factors: ipc({ review_id: utf8(['OLD1']), subject: utf8(['incident']), factor: utf8(['coercive_control']) }),
		recommendations: ipc({
			recommendation_id: utf8(['OLD1-1', 'OLD1-2', 'OLD2-1']),
			review_id: utf8(['OLD1', 'OLD1', 'OLD2']),
			rec_number: vectorFromArray([1, 2, 1], new Int32()),
			agency: utf8(['Oldtown Police', 'Oldtown Hospital Trust', 'Oldtown CSP']),
			text: utf8([
				'Oldtown Police should deliver training to all response officers on coercive and controlling behaviour.',
				'The Trust should update its domestic abuse policy and procedure so that staff ask about abuse when a patient attends alone.',
				'The Partnership should agree an information sharing protocol between housing providers and the MARAC.'
			])
		}),
		recommendation_themes: ipc({
			recommendation_id: utf8(['OLD1-1', 'OLD1-2', 'OLD2-1', 'OLD2-1']),
			theme: utf8(['coercive_control', 'routine_enquiry', 'information_sharing', 'marac']),
			source: utf8(['coded', 'coded', 'auto', 'auto'])
		}),
		actions: ipc({
			action_id: utf8(['OLD1-1-A1', 'OLD2-1-A1']),
			recommendation_id: utf8(['OLD1-1', 'OLD2-1']),
			description: utf8(['Deliver the training', 'Agree the protocol']),
			status: utf8(['completed', 'in progress']),
			completed_date: vectorFromArray([day('2020-01-10'), null], new DateDay())
		})
	};
}

describe('an old-shape dataset (five tables)', () => {
	it('opens, keeps every old row, creates the new table and columns, and tags kinds of change from the text', async () => {
		const report = await loadDataset(engine, oldShape());
		expect(await rowCounts(engine)).toMatchObject({ reviews: 2, review_factors: 1, recommendations: 3, recommendation_themes: 4, actions: 2 });
		// Every old row, column by column.
		expect(await engine.query('SELECT recommendation_id, theme, source, confidence FROM recommendation_themes ORDER BY ALL')).toEqual([
			{ recommendation_id: 'OLD1-1', theme: 'coercive_control', source: 'coded', confidence: null },
			{ recommendation_id: 'OLD1-2', theme: 'routine_enquiry', source: 'coded', confidence: null },
			{ recommendation_id: 'OLD2-1', theme: 'information_sharing', source: 'auto', confidence: null },
			{ recommendation_id: 'OLD2-1', theme: 'marac', source: 'auto', confidence: null }
		]);
		expect(await engine.query('SELECT action_id, status, completed_date FROM actions ORDER BY 1')).toEqual([
			{ action_id: 'OLD1-1-A1', status: 'completed', completed_date: '2020-01-10' },
			{ action_id: 'OLD2-1-A1', status: 'in progress', completed_date: null }
		]);
		expect((await engine.query('SELECT recommendation_id FROM recommendations ORDER BY 1')).map((r) => r.recommendation_id)).toEqual(['OLD1-1', 'OLD1-2', 'OLD2-1']);
		// Kinds of change, read from each text: at least one each, all 'auto' with a confidence.
		const cats = await engine.query<{ recommendation_id: string; category: string; source: string; confidence: number }>(
			'SELECT * FROM recommendation_categories ORDER BY ALL'
		);
		expect(new Set(cats.map((c) => c.recommendation_id))).toEqual(new Set(['OLD1-1', 'OLD1-2', 'OLD2-1']));
		for (const c of cats) {
			expect(CATEGORY_IDS).toContain(c.category);
			expect(c.source).toBe('auto');
			expect(c.confidence).toBeGreaterThan(0);
			expect(c.confidence).toBeLessThanOrEqual(1);
		}
		expect(cats.filter((c) => c.recommendation_id === 'OLD1-1').map((c) => c.category)).toContain('training');
		expect(cats.filter((c) => c.recommendation_id === 'OLD1-2').map((c) => c.category)).toContain('policy');
		expect(report.addedTables).toEqual(['recommendation_categories']);
		expect(report.addedColumns).toContain('recommendation_themes.confidence');
		expect(report.taggedRecommendations).toBe(3);
		expect(report.notices.join(' ')).toMatch(/made before the table recommendation_categories existed/);
		expect(report.notices.join(' ')).toMatch(/3 recommendations had no kind of change recorded: read from their text/);
	});

	it('keeps categories it has and tags only the recommendations without any', async () => {
		const bufs = oldShape();
		const tagged: string[] = [];
		const { buffers } = withAddedTables(bufs);
		const { rowsToIPC } = await import('$lib/import/arrow-data');
		const { tableDef } = await import('$lib/model/schema');
		buffers.recommendation_categories = rowsToIPC(tableDef('recommendation_categories'), [
			{ recommendation_id: 'OLD1-1', category: 'training', source: 'coded', confidence: null },
			{ recommendation_id: 'OLD1-2', category: 'policy', source: 'corrected', confidence: null }
		]);
		const report = await loadDataset(engine, buffers, {}, {
			tagger: async () => (text: string) => {
				tagged.push(text);
				return { categories: [{ id: 'multi_agency_working', confidence: 0.75 }] };
			}
		});
		expect(tagged).toHaveLength(1);
		expect(await engine.query('SELECT * FROM recommendation_categories ORDER BY ALL')).toEqual([
			{ recommendation_id: 'OLD1-1', category: 'training', source: 'coded', confidence: null },
			{ recommendation_id: 'OLD1-2', category: 'policy', source: 'corrected', confidence: null },
			{ recommendation_id: 'OLD2-1', category: 'multi_agency_working', source: 'auto', confidence: 0.75 }
		]);
		expect(report.addedTables).toEqual([]);
		expect(report.notices).toEqual([
			'This dataset was made before the column recommendation_themes.confidence existed: left empty.',
			"1 recommendation had no kind of change recorded: read from its text by the tagger and marked as automatic ('auto', with the tagger's confidence)."
		]);
	});

	it('a dataset in today\'s shape with every kind of change recorded loads with no notice and no tagging', async () => {
		const { buffers } = withAddedTables({});
		expect(Object.keys(buffers)).toEqual(['recommendation_categories']);
		const empty = Object.fromEntries(TABLE_NAMES.map((t) => [t, emptyTableIPC(t)])) as Record<TableName, Uint8Array>;
		const report = await loadDataset(engine, empty, {}, { tagger: async () => { throw new Error('must not be called'); } });
		expect(report.notices).toEqual([]);
		expect(Object.values(await rowCounts(engine)).every((n) => n === 0)).toBe(true);
	});

	it('a dataset missing a core table is refused in words, and what was loaded stays', async () => {
		await loadDataset(engine, oldShape());
		const bufs = oldShape();
		delete bufs.actions;
		await expect(loadDataset(engine, bufs)).rejects.toThrow('The dataset has no file for the table actions.');
		expect((await rowCounts(engine)).recommendations).toBe(3);
		expect(CORE_TABLE_NAMES).not.toContain('recommendation_categories');
	});

	it('notices read as sentences', () => {
		expect(loadNotices({ addedTables: [], addedColumns: [], taggedRecommendations: 0 })).toEqual([]);
	});
});

describe('kept and written before kinds of change', () => {
	it('a dataset kept in this browser with five tables is listed and read back, with an empty categories table, and loads', async () => {
		const { MemoryKeyValue } = await import('$lib/store/memory');
		const { createDatasetStore } = await import('$lib/store/store');
		const kv = new MemoryKeyValue();
		const old = oldShape();
		const five = CORE_TABLE_NAMES;
		// What the store wrote before: an info record counting five tables, and five table entries.
		const info = {
			id: 'old1',
			name: 'Oldtown tracker',
			imported_at: '2026-01-05T10:00:00.000Z',
			row_counts: { reviews: 2, review_factors: 1, recommendations: 3, recommendation_themes: 4, actions: 2 },
			meta: { name: 'Oldtown tracker', fictional: false, as_at: '2026-01-05', source: 'tracker', row_counts: {}, files: Object.fromEntries(five.map((t) => [t, `${t}.arrows`])) }
		};
		await kv.write([['dataset/old1/info', info], ...five.map((t) => [`dataset/old1/table/${t}`, old[t]!] as [string, Uint8Array])]);
		const store = createDatasetStore(kv, { now: () => new Date(Date.UTC(2026, 0, 6)), newId: () => 'x' });
		const { datasets, problems } = await store.list();
		expect(problems).toEqual([]);
		expect(datasets.map((d) => d.id)).toEqual(['old1']);
		const got = await store.get('old1');
		expect(Object.keys(got.buffers).sort()).toEqual([...TABLE_NAMES].sort());
		const report = await loadDataset(engine, got.buffers);
		expect(await rowCounts(engine)).toMatchObject({ reviews: 2, recommendations: 3, recommendation_themes: 4, actions: 2 });
		expect(report.taggedRecommendations).toBe(3);
	});

	it('a folder written by npm run import with five tables opens, with an empty categories table', async () => {
		const { readPickedFolder } = await import('$lib/store/folder');
		const old = oldShape();
		const meta = { name: 'Old folder', fictional: false, as_at: '2026-01-05', source: 'npm run import', row_counts: {}, files: Object.fromEntries(CORE_TABLE_NAMES.map((t) => [t, `${t}.arrows`])) };
		const file = (name: string, bytes: Uint8Array) => ({ name, arrayBuffer: async () => bytes.slice().buffer });
		const picked = await readPickedFolder([
			file('meta.json', new TextEncoder().encode(JSON.stringify(meta))),
			...CORE_TABLE_NAMES.map((t) => file(`${t}.arrows`, old[t]!))
		]);
		expect(Object.keys(picked.buffers).sort()).toEqual([...TABLE_NAMES].sort());
		await loadDataset(engine, picked.buffers);
		expect((await rowCounts(engine)).recommendation_themes).toBe(4);
		// A folder that names the new table's file but lacks it is still refused.
		await expect(
			readPickedFolder([file('meta.json', new TextEncoder().encode(JSON.stringify({ ...meta, files: { ...meta.files, recommendation_categories: 'recommendation_categories.arrows' } }))), ...CORE_TABLE_NAMES.map((t) => file(`${t}.arrows`, old[t]!))])
		).rejects.toThrow(/recommendation_categories.arrows/);
	});
});
