/**
 * The agencies view's queries on a hand-counted fixture (helpers/agencies-fixture.ts: the small
 * fixture plus one action), and its pure helpers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeEngine } from '$lib/db/node';
import type { Engine } from '$lib/db/engine';
import type { Filters } from '$lib/filters/filters';
import { agencyOpenActions, agencyTable, agencyThemeCells, type AgencyRow } from '$lib/queries/agencies';
import {
	agencyPanelSearch,
	agencyThemeGrid,
	overdueBars,
	overdueCaption,
	panelAgency,
	shareText,
	shortLabel,
	sortAgencies,
	tableCaption,
	type AgencySortKey,
	type SortDir
} from '$lib/views/agencies';
import { filtersWith, loadFixture } from './helpers/fixture';
import { AGENCIES, AS_AT } from './helpers/agencies-fixture';

let engine: Engine;
beforeAll(async () => {
	engine = await openNodeEngine();
	await loadFixture(engine, AGENCIES);
});
afterAll(() => engine?.close());

const f = filtersWith;

/** A row in the order of AgencyRow's fields, to keep the expected tables readable. */
const row = (
	agency: string | null,
	recommendations: number,
	actions: number,
	completed: number,
	pct_completed: number | null,
	completed_dated: number,
	on_time: number,
	pct_on_time: number | null,
	median_days: number | null,
	open: number,
	overdue: number
): AgencyRow => ({ agency, recommendations, actions, completed, pct_completed, completed_dated, on_time, pct_on_time, median_days, open, overdue });

describe('agencyTable', () => {
	it.each([
		[
			// Police: A1 (on time, 214 days) and A8 (no target, 169 days) completed, A2 overdue, A5 not accepted.
			// Health: A4 completed late (320 days), A3 overdue. Housing: A6 open, A7 overdue. CSP: a recommendation, no actions.
			'no filters, as at 2024-12-31',
			f(),
			AS_AT,
			[
				row('Housing', 1, 2, 0, 0, 0, 0, null, null, 2, 1),
				row('Health', 1, 2, 1, 50, 1, 0, 0, 320, 1, 1),
				row('Police', 2, 4, 2, 50, 1, 1, 100, 191.5, 1, 1),
				row('CSP', 1, 0, 0, null, 0, 0, null, null, 0, 0)
			]
		],
		[
			// A4 was completed in 2021: open then, and nothing was overdue yet.
			'as at 2020-12-31',
			f(),
			'2020-12-31',
			[
				// R3 (2023) was not yet reviewed at that date: Housing has nothing.
				row('Health', 1, 2, 0, 0, 0, 0, null, null, 2, 0),
				row('Police', 2, 4, 2, 50, 1, 1, 100, 191.5, 1, 0),
				row('CSP', 1, 0, 0, null, 0, 0, null, null, 0, 0)
			]
		],
		[
			// Health leads A3 under the CSP's R1-2: the scope keeps R1-2, but the rows are Health's only.
			'agency Health',
			f({}, { agency: ['Health'] }),
			AS_AT,
			[row('Health', 1, 2, 1, 50, 1, 0, 0, 320, 1, 1)]
		],
		[
			'from 2020 (reviews R2 and R3)',
			f({ from: 2020 }),
			AS_AT,
			[
				row('Housing', 1, 2, 0, 0, 0, 0, null, null, 2, 1),
				row('Health', 1, 1, 1, 100, 1, 0, 0, 320, 0, 0),
				row('Police', 1, 2, 1, 50, 0, 0, null, 169, 0, 0)
			]
		],
		['nothing matches', f({ from: 2024 }), AS_AT, []]
	])('%s', async (_name, filters, asAt, expected) => {
		expect(await agencyTable(engine, filters, asAt)).toEqual(expected);
	});
});

describe('agencyThemeCells', () => {
	it.each([
		[
			'no filters',
			f(),
			[
				['CSP', 'information_sharing', 1],
				['Health', 'mental_health', 1],
				['Housing', 'housing', 1],
				['Housing', 'risk_assessment', 1],
				['Police', 'marac', 1],
				['Police', 'risk_assessment', 2]
			]
		],
		[
			// R1-1, R2-2 and R3-1 have the theme; their other themes are still theirs.
			'theme risk assessment',
			f({}, { theme: ['risk_assessment'] }),
			[
				['Housing', 'housing', 1],
				['Housing', 'risk_assessment', 1],
				['Police', 'marac', 1],
				['Police', 'risk_assessment', 2]
			]
		],
		['agency Police', f({}, { agency: ['Police'] }), [['Police', 'marac', 1], ['Police', 'risk_assessment', 2]]]
	])('%s', async (_name, filters, expected) => {
		const cells = await agencyThemeCells(engine, filters, AS_AT);
		expect(cells.map((c) => [c.agency, c.theme, c.recommendations])).toEqual(expected);
	});
});

describe('agencyOpenActions', () => {
	it.each([
		['Police', f(), AS_AT, [['A2', 'in progress', 550]]],
		['Housing: overdue first, then not yet due', f(), AS_AT, [['A7', 'in progress', 184], ['A6', 'in progress', null]]],
		['Health', f(), AS_AT, [['A3', 'not started', 335]]],
		// Nothing overdue in 2020: by target date. A4 was completed later, so open then.
		['Health as at 2020-12-31', f(), '2020-12-31', [['A4', 'in progress', null], ['A3', 'not started', null]]],
		['CSP leads nothing', f(), AS_AT, []],
		['Police within reviews from 2020', f({ from: 2020 }), AS_AT, []]
	])('%s', async (name, filters, asAt, expected) => {
		const rows = await agencyOpenActions(engine, filters, asAt, name.split(' ')[0].replace(':', ''));
		expect(rows.map((r) => [r.action_id, r.status, r.days_overdue])).toEqual(expected);
	});

	it('gives what the panel shows: description, review, recommendation number, target date', async () => {
		const [a] = await agencyOpenActions(engine, f(), AS_AT, 'Police');
		expect(a).toMatchObject({
			description: 'Action A2',
			review_id: 'R1',
			recommendation_id: 'R1-1',
			rec_number: 1,
			target_date: '2023-06-30',
			overdue: true
		});
	});
});

describe('agency view helpers', () => {
	const rows: AgencyRow[] = [
		row('Police', 2, 4, 2, 50, 1, 1, 100, 191.5, 1, 1),
		row('Health', 1, 2, 1, 50, 1, 0, 0, 320, 1, 3),
		row(null, 1, 1, 0, 0, 0, 0, null, null, 1, 0),
		row('CSP', 1, 0, 0, null, 0, 0, null, null, 0, 0)
	];
	const order = (key: AgencySortKey, dir: SortDir) => sortAgencies(rows, key, dir).map((r) => r.agency);

	it.each([
		['agency', 'ascending', ['CSP', 'Health', 'Police', null]],
		['agency', 'descending', ['Police', 'Health', 'CSP', null]],
		['overdue', 'descending', ['Health', 'Police', 'CSP', null]],
		['overdue', 'ascending', ['CSP', null, 'Police', 'Health']],
		// Missing figures last in either direction; ties by name.
		['pct_on_time', 'descending', ['Police', 'Health', 'CSP', null]],
		['pct_on_time', 'ascending', ['Health', 'Police', 'CSP', null]],
		['pct_completed', 'descending', ['Health', 'Police', null, 'CSP']],
		['median_days', 'ascending', ['Police', 'Health', 'CSP', null]]
	] as [AgencySortKey, SortDir, (string | null)[]][])('sortAgencies by %s, %s', (key, dir, expected) => {
		expect(order(key, dir)).toEqual(expected);
	});

	it('overdueBars: agencies with overdue actions, most first, at most the limit', () => {
		expect(overdueBars(rows)).toEqual({
			bars: [
				{ key: 'Health', label: 'Health', value: 3, open: 1 },
				{ key: 'Police', label: 'Police', value: 1, open: 1 }
			],
			others: 0
		});
		expect(overdueBars(rows, 1)).toMatchObject({ bars: [{ key: 'Health' }], others: 1 });
	});

	it.each([
		['Police', 'Police'],
		['Marlshire Partnership NHS Foundation Trust (mental health)', 'Marlshire Partnership NHS F…'],
		['Exactly twenty-eight chars!!', 'Exactly twenty-eight chars!!']
	])('shortLabel(%s)', (name, expected) => {
		expect(shortLabel(name, 28)).toBe(expected);
	});

	it.each([
		['no agency chosen', f(), null],
		['one agency chosen', f({}, { agency: ['Police'] }), 'Police'],
		['two agencies chosen', f({}, { agency: ['Police', 'Health'] }), null]
	])('panelAgency: %s', (_name, filters, expected) => {
		expect(panelAgency(filters)).toBe(expected);
	});

	it('agencyPanelSearch keeps the other filters and narrows to the one agency', () => {
		expect(agencyPanelSearch(f({ from: 2020 }, { agency: ['Health', 'CSP'], theme: ['marac'] }), "Women's Aid & Co")).toBe(
			"?from=2020&agency=Women%27s+Aid+%26+Co&theme=marac"
		);
	});

	it('agencyThemeGrid: agencies by recommendations received, themes in taxonomy order', async () => {
		const grid = agencyThemeGrid(await agencyThemeCells(engine, f(), AS_AT));
		expect(grid.rows.map((r) => r.key)).toEqual(['Police', 'Housing', 'CSP', 'Health']);
		expect(grid.cols.map((c) => c.key)).toEqual(['risk_assessment', 'marac', 'information_sharing', 'mental_health', 'housing']);
		expect(grid.cells).toContainEqual({ row: 'Police', col: 'risk_assessment', value: 2 });
	});

	it('captions say what the figures are, with the numbers', () => {
		expect(overdueCaption(rows, AS_AT)).toBe('4 actions were overdue at 31 December 2024, shown for 2 agencies; Health led the most, 3');
		expect(tableCaption(rows, AS_AT)).toBe('Recommendations received and actions led by 3 agencies, with their status at 31 December 2024');
		expect(shareText(50, 2, 4)).toBe('50.0% (2 of 4)');
		expect(shareText(null, 0, 0)).toBe('–');
	});
});
