/**
 * The dimension registry: every entry reaches the URL, the option counts, the values a URL may
 * name and the scope tables; and the values a URL may name are those of the data at the as-at date.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeEngine } from '$lib/db/node';
import type { Engine } from '$lib/db/engine';
import { BENCH_DIMENSIONS, DIMENSIONS, dimensionsAt, tagName, unitOf, valueLabel } from '$lib/filters/dimensions';
import { emptyFilters, filtersToParams, parseFilters, withValues } from '$lib/filters/filters';
import { filterOptions, knownValues } from '$lib/queries/options';
import { SCOPE_RELATIONS } from '$lib/db/derived';
import { filtersWith, loadFixture } from './helpers/fixture';
import { AS_AT, SMALL } from './helpers/small';

let engine: Engine;
beforeAll(async () => {
	engine = await openNodeEngine();
	await loadFixture(engine, SMALL);
});
afterAll(() => engine?.close());

const columnsOf = async (relation: string) => (await engine.query<{ column_name: string }>(`DESCRIBE ${relation}`)).map((r) => r.column_name);

describe('the registry', () => {
	it('has one entry per key, each with a label and a unit', () => {
		expect(new Set(DIMENSIONS.map((d) => d.key)).size).toBe(DIMENSIONS.length);
		for (const d of DIMENSIONS) {
			expect(d.label).not.toBe('');
			expect(['reviews', 'recommendations', 'actions']).toContain(unitOf(d));
		}
		expect(DIMENSIONS.map((d) => d.key)).toContain('category');
	});

	it('every dimension round-trips through the URL', () => {
		let f = emptyFilters();
		for (const d of DIMENSIONS) f = withValues(f, d.key, [`a ${d.key}`]);
		expect(parseFilters(filtersToParams(f)).filters).toEqual(f);
	});

	it('shows coded values by their labels and names as they are', () => {
		expect(valueLabel('theme', 'marac')).toBe('MARAC referral');
		expect(valueLabel('status', 'in progress')).toBe('In progress');
		expect(valueLabel('partnership', 'North')).toBe('North');
	});

	it('marks the five dimensions the benchmarks tick, in their order', () => {
		expect(BENCH_DIMENSIONS).toEqual(['partnership', 'death_type', 'sector', 'theme', 'status']);
	});

	it('the scope tables carry every review column as v_<key>, every recommendation column as r_<key>, one table per tag', async () => {
		const actions = await columnsOf('_scope_actions');
		for (const d of dimensionsAt('review')) expect(actions).toContain(`v_${d.key}`);
		for (const d of dimensionsAt('recommendation')) expect(actions).toContain(`r_${d.key}`);
		for (const d of dimensionsAt('tag')) {
			expect(SCOPE_RELATIONS).toContain(`_scope_${tagName(d)}`);
			expect(await columnsOf(`_scope_${tagName(d)}`)).toContain(d.column);
		}
	});

	it('every dimension has its options counted', async () => {
		const o = await filterOptions(engine, emptyFilters(), AS_AT);
		for (const d of DIMENSIONS) expect(o[d.key], d.key).toBeInstanceOf(Array);
		expect(o.partnership.map((x) => x.value)).toEqual(['North', 'South']);
	});
});

describe('knownValues at an as-at date', () => {
	it('knows only the values of reviews completed by the as-at date (R3, South, 2023, is not yet)', async () => {
		const k = await knownValues(engine, '2021-01-01');
		expect([...k.partnership]).toEqual(['North']);
		expect(k.death_type.has('adult family homicide')).toBe(false);
		expect(k.agency.has('Housing')).toBe(false);
		expect(k.theme.has('housing')).toBe(false);
		// Any status of the vocabulary: an action's status then may be one no row holds now.
		expect([...k.status].sort()).toEqual(['completed', 'in progress', 'not accepted', 'not started']);
	});

	it('without a date, knows every value; at the date, what the filter lists offer then', async () => {
		const all = await knownValues(engine);
		expect([...all.partnership].sort()).toEqual(['North', 'South']);
		for (const at of ['2021-01-01', AS_AT]) {
			const k = await knownValues(engine, at);
			const o = await filterOptions(engine, filtersWith(), at);
			for (const d of DIMENSIONS) if (d.key !== 'status') expect([...k[d.key]].sort(), `${d.key} at ${at}`).toEqual(o[d.key].map((x) => x.value).sort());
		}
	});

	it('a URL naming a value of a later review is refused in words', async () => {
		const k = await knownValues(engine, '2021-01-01');
		const r = parseFilters(new URLSearchParams('partnership=South'), k);
		expect(r.notices).toEqual(['Ignored partnership "South": not in this dataset.']);
	});
});
