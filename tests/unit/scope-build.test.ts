/**
 * The background build of the scope tables (db/scope-build): it waits for its go-ahead, builds the
 * four tables, and turns a refusal or a failure into `false` (the joins stay in use).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeEngine } from '$lib/db/node';
import type { Engine } from '$lib/db/engine';
import { buildScopeAfter } from '$lib/db/scope-build';
import { loadDataset } from '$lib/db/dataset';
import { fixtureBuffers } from './helpers/fixture';

let engine: Engine;
const built = async () =>
	(
		await engine.query<{ t: number }>(
			`SELECT count(*) AS t FROM duckdb_tables() WHERE table_name IN ('_scope_recs_t', '_scope_actions_t', '_scope_rec_themes_t', '_scope_rec_categories_t')`
		)
	)[0].t;

const ROWS = {
	reviews: [{ review_id: 'R1', review_type: 'DHR', partnership: 'Northtown CSP', completed_date: '2020-03-01' }],
	recommendations: [{ recommendation_id: 'R1-1', review_id: 'R1', text: 'Train staff.' }],
	actions: [{ action_id: 'R1-1-a', recommendation_id: 'R1-1', description: 'Run training.', status: 'open' }]
};

beforeAll(async () => {
	engine = await openNodeEngine();
	await loadDataset(engine, fixtureBuffers(ROWS));
});
afterAll(() => engine?.close());

describe('buildScopeAfter', () => {
	it('builds nothing when its go-ahead says no, or fails', async () => {
		expect(await buildScopeAfter(engine, Promise.resolve(false))).toBe(false);
		expect(await buildScopeAfter(engine, Promise.reject(new Error('gone')))).toBe(false);
		expect(await built()).toBe(0);
	});

	it('waits for its go-ahead, then builds the four scope tables', async () => {
		let go!: (v: boolean) => void;
		const result = buildScopeAfter(engine, new Promise<boolean>((r) => (go = r)));
		await Promise.resolve();
		expect(await built()).toBe(0);
		go(true);
		expect(await result).toBe(true);
		expect(await built()).toBe(4);
		const [{ n }] = await engine.query<{ n: number }>('SELECT count(*) AS n FROM _scope_actions');
		expect(n).toBe(1);
	});

	it('resolves false, not an error, when the build fails', async () => {
		const broken: Engine = { ...engine, exec: () => Promise.reject(new Error('The database stopped.')) };
		expect(await buildScopeAfter(broken, Promise.resolve(true))).toBe(false);
	});
});
