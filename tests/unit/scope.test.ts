/** Filters -> SQL scope and the filter options, on the small hand-counted fixture. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeEngine } from '$lib/db/node';
import type { Engine } from '$lib/db/engine';
import type { Filters } from '$lib/filters/filters';
import { scope } from '$lib/queries/scope';
import { dataYears, filterOptions, knownValues, optionsFor, optionsKey } from '$lib/queries/options';
import { filtersWith, loadFixture } from './helpers/fixture';
import { AS_AT, SMALL } from './helpers/small';

let engine: Engine;
beforeAll(async () => {
	engine = await openNodeEngine();
	await loadFixture(engine, SMALL);
});
afterAll(() => engine?.close());

async function ids(f: Filters) {
	const s = scope(f, AS_AT);
	const q = async (sql: string) => (await engine.query<{ id: string }>(`${s.with} ${sql} ORDER BY 1`, s.params)).map((r) => r.id);
	return {
		reviews: await q('SELECT review_id AS id FROM f_reviews'),
		recs: await q('SELECT recommendation_id AS id FROM f_recs'),
		actions: await q('SELECT action_id AS id FROM f_actions')
	};
}

const f = filtersWith;

describe('scope(filters)', () => {
	it.each([
		['no filters', f(), ['R1', 'R2', 'R3'], ['R1-1', 'R1-2', 'R2-1', 'R2-2', 'R3-1'], ['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7']],
		['period 2019–2021', f({ from: 2019, to: 2021 }), ['R2'], ['R2-1', 'R2-2'], ['A4', 'A5']],
		['from 2020', f({ from: 2020 }), ['R2', 'R3'], ['R2-1', 'R2-2', 'R3-1'], ['A4', 'A5', 'A6', 'A7']],
		['partnership North', f({}, { partnership: ['North'] }), ['R1', 'R2'], ['R1-1', 'R1-2', 'R2-1', 'R2-2'], ['A1', 'A2', 'A3', 'A4', 'A5']],
		['death type', f({}, { death_type: ['adult family homicide'] }), ['R3'], ['R3-1'], ['A6', 'A7']],
		['theme risk', f({}, { theme: ['risk_assessment'] }), ['R1', 'R2', 'R3'], ['R1-1', 'R2-2', 'R3-1'], ['A1', 'A2', 'A5', 'A6', 'A7']],
		['theme marac or housing', f({}, { theme: ['marac', 'housing'] }), ['R1', 'R3'], ['R1-1', 'R3-1'], ['A1', 'A2', 'A6', 'A7']],
		['scope multi-agency', f({}, { scope: ['multi-agency'] }), ['R1'], ['R1-2'], ['A3']],
		// Health receives R2-1 and leads A3 under the CSP's R1-2.
		['agency Health', f({}, { agency: ['Health'] }), ['R1', 'R2'], ['R1-2', 'R2-1'], ['A3', 'A4']],
		// The CSP receives R1-2 but leads none of its actions: the recommendation stays, its actions do not.
		['agency CSP', f({}, { agency: ['CSP'] }), ['R1'], ['R1-2'], []],
		['sector police', f({}, { sector: ['police'] }), ['R1', 'R2'], ['R1-1', 'R2-2'], ['A1', 'A2', 'A5']],
		['status in progress', f({}, { status: ['in progress'] }), ['R1', 'R3'], ['R1-1', 'R3-1'], ['A2', 'A6', 'A7']],
		['status + partnership', f({}, { status: ['in progress'], partnership: ['South'] }), ['R3'], ['R3-1'], ['A6', 'A7']],
		['nothing matches', f({ from: 2024 }), [], [], []]
	])('%s', async (_name, filters, reviews, recs, actions) => {
		expect(await ids(filters)).toEqual({ reviews, recs, actions });
	});

	it('reviews completed after the as-at date are out of scope', async () => {
		const s = scope(f(), '2021-01-01');
		const rows = await engine.query<{ id: string }>(`${s.with} SELECT review_id AS id FROM f_reviews ORDER BY 1`, s.params);
		expect(rows.map((r) => r.id)).toEqual(['R1', 'R2']);
	});

	it('status is the status at the as-at date', async () => {
		const s = scope(f({}, { status: ['completed'] }), '2020-12-31');
		const rows = await engine.query<{ id: string }>(`${s.with} SELECT action_id AS id FROM f_actions ORDER BY 1`, s.params);
		expect(rows.map((r) => r.id)).toEqual(['A1']); // A4 was completed in 2021
	});

	it('values travel as parameters: a quote in a value is only a value', async () => {
		expect(await ids(f({}, { partnership: ["North' OR '1'='1"] }))).toEqual({ reviews: [], recs: [], actions: [] });
	});
});

describe('filterOptions', () => {
	it('counts each option under the other filters', async () => {
		const o = await filterOptions(engine, f({}, { partnership: ['North'], status: ['in progress'] }), AS_AT);
		// Partnership ignores itself but keeps the status filter: North has R1 (A2), South has R3 (A6, A7).
		expect(o.partnership).toEqual([
			{ value: 'North', n: 1 },
			{ value: 'South', n: 1 }
		]);
		// Status ignores itself but keeps North: A1 completed, A2 in progress, A3 not started, A4 completed, A5 not accepted.
		expect(o.status).toEqual([
			{ value: 'completed', n: 2 },
			{ value: 'in progress', n: 1 },
			{ value: 'not accepted', n: 1 },
			{ value: 'not started', n: 1 }
		]);
		// Themes of North recommendations that have an in-progress action: only R1-1.
		expect(o.theme).toEqual([
			{ value: 'marac', n: 1 },
			{ value: 'risk_assessment', n: 1 }
		]);
		expect(o.year).toEqual([{ value: '2018', n: 1 }]);
	});

	it('counts agencies by the recommendations they receive or lead actions on', async () => {
		const o = await filterOptions(engine, f(), AS_AT);
		expect(o.agency).toEqual([
			{ value: 'CSP', n: 1 },
			{ value: 'Health', n: 2 },
			{ value: 'Housing', n: 1 },
			{ value: 'Police', n: 2 }
		]);
	});
});

describe('optionsFor (the open list only)', () => {
	it('gives the same counts as filterOptions for each dimension', async () => {
		const filt = f({}, { partnership: ['North'], status: ['in progress'] });
		const all = await filterOptions(engine, filt, AS_AT);
		for (const dim of ['partnership', 'status', 'theme', 'agency', 'year'] as const) {
			expect(await optionsFor(engine, filt, AS_AT, dim)).toEqual(all[dim]);
		}
	});

	it('keys a list by the other filters only: ticking in the list itself keeps the key', () => {
		const a = optionsKey(f({}, { partnership: ['North'] }), AS_AT, 'partnership');
		expect(optionsKey(f({}, { partnership: ['North', 'South'] }), AS_AT, 'partnership')).toBe(a);
		expect(optionsKey(f({}, { partnership: ['North'], status: ['completed'] }), AS_AT, 'partnership')).not.toBe(a);
		expect(optionsKey(f({}, { partnership: ['North'] }), '2020-01-01', 'partnership')).not.toBe(a);
		expect(optionsKey(f({}, { partnership: ['North'] }), AS_AT, 'status')).not.toBe(a);
	});
});

describe('dataYears and knownValues', () => {
	it('lists the review years at the as-at date, unnarrowed by filters', async () => {
		const all = await filterOptions(engine, f(), AS_AT);
		expect(await dataYears(engine, AS_AT)).toEqual(all.year.map((o) => Number(o.value)));
	});

	it('knows every value in the tables, and every status of the vocabulary', async () => {
		const k = await knownValues(engine);
		const all = await filterOptions(engine, f(), AS_AT);
		expect([...k.partnership].sort()).toEqual(all.partnership.map((o) => o.value));
		expect([...k.agency].sort()).toEqual(all.agency.map((o) => o.value));
		expect([...k.status].sort()).toEqual(['completed', 'in progress', 'not accepted', 'not started']);
	});
});
