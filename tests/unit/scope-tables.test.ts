/**
 * The scope tables (db/derived `_scope_*`) change how fast the filtered relations are found, never
 * what they hold. On the demo, for many filter combinations and two as-at dates, `f_reviews`,
 * `f_recs` and `f_actions` (every column) are the same as the reference written over the base
 * tables, both before the tables are built (the views are the joins) and after.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeEngine } from '$lib/db/node';
import type { Engine } from '$lib/db/engine';
import { loadDataset, materialiseScope } from '$lib/db/dataset';
import { readDatasetDir } from '$lib/db/files';
import type { Filters } from '$lib/filters/filters';
import { scope } from '$lib/queries/scope';
import { referenceScope } from './helpers/reference-scope';
import { filtersWith } from './helpers/fixture';

const f = filtersWith;
let engine: Engine;
let asAt: string;

beforeAll(async () => {
	engine = await openNodeEngine();
	const ds = await readDatasetDir(path.resolve('static/data/demo'));
	await loadDataset(engine, ds.buffers, ds.meta.files);
	asAt = ds.meta.as_at!;
});
afterAll(() => engine?.close());

/** Values the demo holds, so each case selects real rows. */
async function some(sql: string, n: number): Promise<string[]> {
	return (await engine.query<{ v: string }>(`${sql} ORDER BY count(*) DESC, 1 LIMIT ${n}`)).map((r) => r.v);
}

async function cases(): Promise<[string, Filters][]> {
	const partnerships = await some('SELECT partnership AS v FROM reviews GROUP BY 1', 2);
	const agencies = await some('SELECT lead_agency AS v FROM actions WHERE lead_agency IS NOT NULL GROUP BY 1', 3);
	const sectors = await some('SELECT agency_sector AS v FROM recommendations WHERE agency_sector IS NOT NULL GROUP BY 1', 2);
	const themes = await some('SELECT theme AS v FROM recommendation_themes GROUP BY 1', 3);
	const categories = await some('SELECT category AS v FROM recommendation_categories GROUP BY 1', 4);
	return [
		['none', f()],
		['period', f({ from: 2018, to: 2021 })],
		['partnership', f({}, { partnership: partnerships })],
		['death type and review type', f({}, { death_type: ['intimate partner homicide'], review_type: ['DHR'] })],
		['agency', f({}, { agency: [agencies[2]] })],
		['two agencies and a sector', f({}, { agency: agencies.slice(0, 2), sector: sectors.slice(0, 1) })],
		['sector and scope', f({}, { sector: sectors, scope: ['single-agency'] })],
		['themes', f({}, { theme: themes.slice(0, 2) })],
		['kinds of change', f({}, { category: categories.slice(1, 3) })],
		['a kind of change, a theme and a status', f({}, { category: categories.slice(3), theme: themes.slice(0, 1), status: ['completed'] })],
		['status', f({}, { status: ['in progress', 'not started'] })],
		['status completed with a period', f({ from: 2019 }, { status: ['completed'] })],
		['everything', f({ from: 2015, to: 2024 }, { partnership: partnerships, agency: agencies, theme: themes, status: ['in progress'], scope: ['single-agency', 'multi-agency'] })],
		['an agency and a theme at an earlier as-at date', f({ asAt: '2022-06-30' }, { agency: agencies.slice(0, 1), theme: themes.slice(2) })],
		['status at an earlier as-at date', f({ asAt: '2021-03-31' }, { status: ['in progress'] })]
	];
}

/** Every row of a relation, as sorted JSON lines: a full comparison of contents. */
async function rows(withSql: string, relation: string, key: string): Promise<string[]> {
	const got = await engine.query<Record<string, unknown>>(`${withSql} SELECT * FROM ${relation} ORDER BY ${key}`);
	return got.map((r) => JSON.stringify(r));
}

async function compare(name: string, fl: Filters) {
	const at = fl.asAt ?? asAt;
	const ref = referenceScope(fl, at);
	const now = scope(fl, at, { text: true });
	for (const [relation, key] of [
		['f_reviews', 'review_id'],
		['f_recs', 'recommendation_id'],
		['f_actions', 'action_id']
	]) {
		const want = await rows(ref.with, relation, key);
		const got = await rows(now.with, relation, key);
		expect(got.length, `${name}: ${relation} row count`).toBe(want.length);
		expect(got, `${name}: ${relation}`).toEqual(want);
	}
	// The themes of the recommendations in scope, with their review's year.
	const themeRows = (sql: string) =>
		engine.query<Record<string, unknown>>(sql).then((r) => r.map((x) => JSON.stringify(x)));
	const wantThemes = await themeRows(
		`${ref.with} SELECT r.recommendation_id, r.review_id, t.theme, r.agency, v.year
		 FROM f_recs AS r JOIN recommendation_themes AS t USING (recommendation_id) JOIN f_reviews AS v USING (review_id)
		 ORDER BY ALL`
	);
	const gotThemes = await themeRows(`${now.with} SELECT recommendation_id, review_id, theme, agency, year FROM f_rec_themes ORDER BY ALL`);
	expect(gotThemes, `${name}: f_rec_themes`).toEqual(wantThemes);
	// Their kinds of change, likewise.
	const wantCats = await themeRows(
		`${ref.with} SELECT r.recommendation_id, r.review_id, c.category, r.agency, v.year
		 FROM f_recs AS r JOIN recommendation_categories AS c USING (recommendation_id) JOIN f_reviews AS v USING (review_id)
		 ORDER BY ALL`
	);
	const gotCats = await themeRows(`${now.with} SELECT recommendation_id, review_id, category, agency, year FROM f_rec_categories ORDER BY ALL`);
	expect(gotCats.length, `${name}: f_rec_categories has rows`).toBe(wantCats.length);
	expect(gotCats, `${name}: f_rec_categories`).toEqual(wantCats);
	// The actions with their review's year and dates and their recommendation's scope.
	const wantRv = await themeRows(
		`${ref.with} SELECT a.action_id, v.year, v.completed_date AS review_completed, v.published_date AS review_published, r.scope AS rec_scope
		 FROM f_actions AS a JOIN f_reviews AS v USING (review_id) JOIN f_recs AS r USING (recommendation_id) ORDER BY ALL`
	);
	const gotRv = await themeRows(now.sql(` SELECT action_id, year, review_completed, review_published, rec_scope FROM f_actions_rv ORDER BY ALL`));
	expect(gotRv, `${name}: f_actions_rv`).toEqual(wantRv);
	// Without the texts the relations hold the same rows.
	const bare = scope(fl, at);
	const [{ n }] = await engine.query<{ n: number }>(`${bare.with} SELECT count(*) AS n FROM f_actions`);
	const [{ m }] = await engine.query<{ m: number }>(`${ref.with} SELECT count(*) AS m FROM f_actions`);
	expect(n).toBe(m);
	return n;
}

describe('scope tables', () => {
	it('give the reference relations while they are still the joins (before they are built)', async () => {
		const all = await cases();
		expect(all.length).toBeGreaterThan(10);
		const counts = [];
		for (const [name, fl] of all) counts.push(await compare(name, fl));
		// Real comparisons: nearly every case selects actions, and not all of them.
		expect(counts.filter((n) => n > 0).length).toBeGreaterThanOrEqual(all.length - 1);
		expect(new Set(counts).size).toBeGreaterThan(all.length - 3);
	});

	it('give the reference relations once built', async () => {
		await materialiseScope(engine);
		const [{ t }] = await engine.query<{ t: number }>(
			`SELECT count(*) AS t FROM duckdb_tables() WHERE table_name IN ('_scope_recs_t', '_scope_actions_t', '_scope_rec_themes_t', '_scope_rec_categories_t')`
		);
		expect(t).toBe(4);
		for (const [name, fl] of await cases()) await compare(name, fl);
	});

	it('go back to the joins when new data is loaded, and leave the data on screen alone when a load fails', async () => {
		await materialiseScope(engine);
		const ds = await readDatasetDir(path.resolve('static/data/demo'));
		const bad = { ...ds.buffers, actions: new Uint8Array([1, 2, 3]) };
		await expect(loadDataset(engine, bad, ds.meta.files)).rejects.toThrow(/actions/);
		const tables = async () =>
			(await engine.query<{ t: number }>(`SELECT count(*) AS t FROM duckdb_tables() WHERE table_name LIKE '\\_scope\\_%' ESCAPE '\\'`))[0].t;
		expect(await tables()).toBe(4);
		await compare('none, after a failed load', f());
		await loadDataset(engine, ds.buffers, ds.meta.files);
		expect(await tables()).toBe(0);
		await compare('none, after a new load', f());
	});
});
