/**
 * The action plans in the Home Office template layout (src/lib/export/ho-template.ts), on the fixed
 * tracker fixture (helpers/tracker.ts): the rows the named query reads, the sheets as data, and the
 * .xlsx read back with the project's own readXlsx, sheet by sheet and cell by cell.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeEngine } from '$lib/db/node';
import type { Engine } from '$lib/db/engine';
import { actionPlanRows, type ActionPlanRow } from '$lib/queries/action-plans';
import { actionPlanSheets, actionPlansXlsx, completionCell, HO_COLUMNS, sheetNames } from '$lib/export/ho-template';
import { readXlsx } from '$lib/import/xlsx';
import { scanWorkbook } from '$lib/import/xlsx-scan';
import { importFiles } from '$lib/import';
import { loadFixture } from './helpers/fixture';
import { AS_AT, TRACKER } from './helpers/tracker';

let engine: Engine;
let rows: ActionPlanRow[];
beforeAll(async () => {
	engine = await openNodeEngine();
	await loadFixture(engine, TRACKER);
	rows = await actionPlanRows(engine);
});
afterAll(() => engine?.close());

const workbook = async () => new Uint8Array(await (await actionPlansXlsx(actionPlanSheets(rows, { name: 'Tracker fixture', asAt: AS_AT }))).arrayBuffer());

describe('sheet names', () => {
	it('replaces the characters Excel forbids, cuts to 31 characters and makes them unique', () => {
		expect(sheetNames(['DHR 1/2023', 'a[b]:c*d?e\\f', "'Quoted'", 'x'.repeat(40), 'X'.repeat(40), 'Read me', 'History', ''])).toEqual([
			'DHR 1-2023',
			'a-b--c-d-e-f',
			'Quoted',
			'x'.repeat(31),
			'X'.repeat(27) + ' (2)',
			'Read me (2)',
			'History (review)',
			'Review'
		]);
	});
});

describe('the completion cell', () => {
	it('is "dd/mm/yyyy – outcome" when completed, "Not accepted – reason" when not accepted, empty when open', () => {
		expect(completionCell({ status: 'completed', completed_date: '2024-03-12', evidence: '214 staff trained' })).toBe('12/03/2024 – 214 staff trained');
		expect(completionCell({ status: 'completed', completed_date: '2024-03-12', evidence: null })).toBe('12/03/2024');
		expect(completionCell({ status: 'completed', completed_date: null, evidence: 'Done' })).toBe('Completed – Done');
		expect(completionCell({ status: 'not accepted', completed_date: null, evidence: 'No funding' })).toBe('Not accepted – No funding');
		expect(completionCell({ status: 'in progress', completed_date: null, evidence: 'Half done' })).toBeNull();
	});
});

describe('the action plans of the tracker fixture', () => {
	it('the query gives every action under its recommendation and review, and a review without recommendations', () => {
		expect(rows.map((r) => r.action_id)).toEqual(['B1', 'B2', 'B3', 'B4', 'B5', 'B6', 'B12', 'B7', 'B8', 'B9', 'B10', 'B11', 'B13', null]);
		expect(rows.at(-1)).toMatchObject({ review_id: 'Q3', recommendation_id: null });
	});

	it('reads back as a read-me sheet and one sheet per review, with the header below the title row', async () => {
		const sources = await readXlsx(await workbook(), 'plans.xlsx');
		expect(sources.map((s) => s.sheet)).toEqual(['Read me', 'Q1', 'Q2', 'Q3']);
		for (const s of sources.slice(1)) expect(s.headers).toEqual([...HO_COLUMNS]);
		expect(sources.slice(1).map((s) => s.rows.length)).toEqual([7, 6, 0]);
		// The title row is above the header (the import reports it as a title row).
		expect(sources[1].notes.map((n) => n.value)).toContain('Partnership: East – Review: Q1 – action plan');
		const readme = sources[0];
		const text = [readme.headers, ...readme.rows].flat().join('\n');
		expect(text).toContain('Dataset: Tracker fixture');
		expect(text).toContain('Data as at 31 December 2024');
		expect(text).toContain('3 reviews, one sheet each, named by the review id; 13 actions.');
	});

	it('writes each cell: recommendation merged over its actions, dates as dates, completion and status', async () => {
		const [, q1, q2] = await readXlsx(await workbook(), 'plans.xlsx');
		expect(q1.rows).toEqual([
			['1. Improve risk assessment training for call handlers.', 'Local (single agency)', 'Brief call handlers on the risk checklist', 'Police', null, '2024-12-31', null, 'In progress'],
			[null, null, 'Add the checklist to the call script', 'Police', null, '2024-12-30', null, 'Not started'],
			[null, null, 'Run refresher sessions', 'Police', null, '2024-12-01', null, 'In progress'],
			['2. Share information at MARAC within two working days.', 'Local (multi-agency)', 'Agree an information sharing protocol', 'CSP', null, '2024-11-30', null, 'In progress'],
			[null, null, 'Attend every meeting', 'Health', null, '2024-10-02', null, 'Not started'],
			[null, null, 'Audit 100% of referrals_x', 'CSP', null, '2024-10-01', null, 'In progress'],
			[null, null, 'Fund a new post', 'CSP', null, '2023-01-01', 'Not accepted', 'Not accepted']
		]);
		expect(q2.rows.map((r) => [r[2], r[5], r[6], r[7]])).toEqual([
			['Update the self-harm pathway', '2024-01-01', null, 'In progress'],
			['Train emergency staff', '2023-12-31', null, 'Not started'],
			['Review the pathway yearly', null, null, 'In progress'],
			['Write a leaflet', '2024-12-15', '01/02/2025', 'Completed'],
			['Flag the address', '2024-05-01', '01/06/2024', 'Completed'],
			['Check tenancy records', '2025-03-31', null, 'In progress']
		]);
	});

	it('merges the recommendation and scope cells over their actions (Excel ranges, not only blanks)', async () => {
		const scans = scanWorkbook(await workbook());
		// Q1: header on row 3; recommendation 1 on rows 4–6, recommendation 2 on rows 7–10.
		expect([...scans.get('Q1')!.mergedRows].sort((a, b) => a - b)).toEqual([4, 5, 6, 7, 8, 9, 10]);
		expect([...scans.get('Q2')!.mergedRows].sort((a, b) => a - b)).toEqual([4, 5, 6, 7, 8, 9]);
		expect(scans.get('Q3')!.mergedRows.size).toBe(0);
	});

	// The lead's reader of the Home Office layout (issue 14, point 2) decides whether this file
	// imports again with the same counts; until it lands, the flat importer reads each sheet as a
	// review named after the file, which is not the round trip. Enable when it does.
	it('imports again: 3 reviews, 3 recommendations, 13 actions, 2 completed, the partnership and review from each title', async () => {
		const r = await importFiles([{ name: 'plans.xlsx', bytes: await workbook() }], { asAt: AS_AT });
		expect(r.blocking).toBe(false);
		expect(r.meta.row_counts).toMatchObject({ reviews: 3, recommendations: 3, actions: 13 });
		expect(r.tables.actions.filter((a) => a.status === 'completed')).toHaveLength(2);
		// Each sheet's title gives its partnership and review; the completion cell gives the dates back.
		expect(r.tables.reviews.map((x) => [x.review_id, x.partnership])).toEqual([['Q1', 'East'], ['Q2', 'West'], ['Q3', 'West']]);
		expect(r.tables.actions.filter((a) => a.completed_date).map((a) => a.completed_date).sort()).toEqual(['2024-06-01', '2025-02-01']);
	});
});
