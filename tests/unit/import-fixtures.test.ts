/**
 * The corpus of awkward files (tests/fixtures/import), each with its exact outcome: rows loaded,
 * warnings, or the blocking problem. A dataset is loaded into a Node engine first; after every
 * failed import it must be there, unchanged; a good import replaces it whole.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '$lib/db/engine';
import { openNodeEngine } from '$lib/db/node';
import { importFiles, loadImport, type ImportResult, type Problem } from '$lib/import';
import { makeXlsx } from '../fixtures/import/make-xlsx';
import { loadFixture } from './helpers/fixture';
import { SMALL } from './helpers/small';

const AS_AT = '2026-09-30';
const KNOWN = ['Marlshire Police', 'Probation Service', 'Marlshire Housing'];
const bytes = (name: string) => new Uint8Array(readFileSync(new URL(`../fixtures/import/${name}`, import.meta.url)));
const run = (names: string[], extra: { name: string; bytes: Uint8Array }[] = []) =>
	importFiles([...names.map((n) => ({ name: n, bytes: bytes(n) })), ...extra], { asAt: AS_AT, knownAgencies: KNOWN });
/** Problems as compact lines: B(locking) or w(arning), row, column, text. */
const lines = (ps: Problem[]) => ps.map((p) => `${p.blocking ? 'B' : 'w'} ${p.sheet ? p.sheet + ' ' : ''}${p.row ?? '-'} ${p.column ?? '-'} ${p.problem}`);
const counts = (r: ImportResult) => r.meta.row_counts;

let engine: Engine;
const snapshot = async () =>
	engine.query(`SELECT (SELECT count(*) FROM reviews) AS reviews, (SELECT count(*) FROM recommendations) AS recs,
		(SELECT count(*) FROM actions) AS actions, (SELECT string_agg(action_id || ':' || status, ',' ORDER BY action_id) FROM actions) AS ids`);
let before: unknown;

beforeAll(async () => {
	engine = await openNodeEngine();
	await loadFixture(engine, SMALL);
	before = await snapshot();
});
afterAll(() => engine?.close());

/** A blocked import is refused and leaves the loaded data as it was. */
async function expectRefused(r: ImportResult) {
	expect(r.blocking).toBe(true);
	await expect(loadImport(engine, r)).rejects.toThrow(/blocking problem/);
	expect(await snapshot()).toEqual(before);
}

const TRACKER_WARNINGS = [
	'w 2 RAG RAG "Green" (on track) with a completion date (2021-11-15): taken as completed.',
	'w 5 Target date "TBC" is a placeholder, not a value: left empty.',
	'w 7 Target date "N/A" is a placeholder, not a value: left empty.',
	'w - - Some rows leave the review or recommendation cells empty under a filled one (merged cells): they were read as the same review or recommendation.',
	'w - completed_date Action DHR-A-R1-A2 is completed but has no completed date.',
	'w - target_date Action DHR-B-R1-A1 has a target date 2019-12-31 before its review began (2021-06-01).',
	'w - completed_date Action DHR-B-R1-A2 was completed on 2027-01-01, after the as-at date 2026-09-30.'
];

describe('a flat tracker is split into the model tables', () => {
	it.each(['tracker-flat.csv', 'semicolon.csv', 'bom-tab.csv'])('%s', async (name) => {
		const r = await run([name]);
		expect(r.blocking).toBe(false);
		expect(counts(r)).toMatchObject({ reviews: 2, review_factors: 0, recommendations: 4, recommendation_themes: 5, actions: 6 });
		// No kind-of-change column: every recommendation gets at least one, read from its text.
		expect(new Set(r.tables.recommendation_categories.map((c) => c.recommendation_id)).size).toBe(4);
		expect(lines(r.problems)).toEqual(TRACKER_WARNINGS);
		expect(r.unknownAgencies).toEqual(['North Marlshire GP Federation']);
		expect(r.tables.reviews).toEqual([
			{ review_id: 'DHR-A', partnership: 'Marlshire CSP', commissioned_date: '2020-03-01', review_type: 'DHR' },
			{ review_id: 'DHR-B', partnership: 'Marlshire CSP', commissioned_date: '2021-06-01', review_type: 'DHR' }
		]);
		expect(r.tables.recommendations.map((x) => [x.recommendation_id, x.rec_number])).toEqual([['DHR-A-R1', 1], ['DHR-A-R2', 2], ['DHR-A-R3', 3], ['DHR-B-R1', 1]]);
		// Ids generated from the review and numbers; dates in four formats; statuses by the words.
		expect(r.tables.actions.map((a) => [a.action_id, a.recommendation_id, a.lead_agency, a.target_date, a.status, a.completed_date, a.last_updated])).toEqual([
			['DHR-A-R1-A1', 'DHR-A-R1', 'Marlshire Police', '2021-12-31', 'completed', '2021-11-15', '2022-01-10'],
			['DHR-A-R1-A2', 'DHR-A-R1', 'Marlshire Police', '2021-09-30', 'completed', null, '2022-01-10'],
			['DHR-A-R2-A1', 'DHR-A-R2', 'North Marlshire GP Federation', '2022-09-30', 'in progress', null, '2023-01-01'],
			['DHR-A-R3-A1', 'DHR-A-R3', 'Marlshire Housing', null, 'in progress', null, '2023-01-05'], // Red: off track, still open
			['DHR-B-R1-A1', 'DHR-B-R1', 'Probation Service', '2019-12-31', 'not accepted', null, '2023-01-05'],
			['DHR-B-R1-A2', 'DHR-B-R1', 'Probation Service', null, 'completed', '2027-01-01', '2023-01-05']
		]);
		// (Automatic ones carry the tagger's confidence too: checked apart below.)
		expect(r.tables.recommendation_themes.map(({ confidence: _c, ...t }) => t)).toEqual([
			{ recommendation_id: 'DHR-A-R1', theme: 'coercive_control', source: 'auto' },
			{ recommendation_id: 'DHR-A-R1', theme: 'workforce_training', source: 'auto' },
			{ recommendation_id: 'DHR-A-R2', theme: 'routine_enquiry', source: 'auto' },
			{ recommendation_id: 'DHR-A-R3', theme: 'information_sharing', source: 'coded' },
			// "Probation to review its practice.": the tagger reads probation as perpetrator management.
			{ recommendation_id: 'DHR-B-R1', theme: 'perpetrator_management', source: 'auto' }
		]);
		for (const t of r.tables.recommendation_themes) if (t.source === 'auto') expect(t.confidence === null || (Number(t.confidence) > 0 && Number(t.confidence) <= 1)).toBe(true);
		expect(r.autoThemes.map(({ recommendation_id, theme, words }) => ({ recommendation_id, theme, words }))).toEqual([
			{ recommendation_id: 'DHR-A-R1', theme: 'coercive_control', words: ['coercive control'] },
			{ recommendation_id: 'DHR-A-R1', theme: 'workforce_training', words: ['train'] },
			{ recommendation_id: 'DHR-A-R2', theme: 'routine_enquiry', words: ['routine enquiry'] },
			{ recommendation_id: 'DHR-B-R1', theme: 'perpetrator_management', words: ['Probation'] }
		]);
	});

	it('loads into the engine, replacing what was there', async () => {
		const other = await openNodeEngine();
		try {
			await loadFixture(other, SMALL);
			await loadImport(other, await run(['tracker-flat.csv']));
			const rows = await other.query<{ n: number; overdue: number }>(
				`SELECT count(*) AS n, count(*) FILTER (WHERE overdue) AS overdue FROM action_facts(DATE '${AS_AT}')`
			);
			// Overdue at 2026-09-30: DHR-A-R2-A1 (target 2022-09-30, in progress) only.
			expect(rows).toEqual([{ n: 6, overdue: 1 }]);
		} finally {
			await other.close();
		}
	});
});

describe('files that load with warnings', () => {
	it('Windows-1252 CSV', async () => {
		const r = await run(['windows-1252.csv']);
		expect(r.blocking).toBe(false);
		expect(counts(r)).toMatchObject({ reviews: 1, review_factors: 0, recommendations: 1, recommendation_themes: 2, actions: 1 });
		expect(r.tables.recommendations[0].text).toBe('Café staff to receive awareness briefings (£500 budget).');
		expect(r.tables.actions[0]).toMatchObject({ lead_agency: 'Marlshire Café Partnership', status: 'in progress', target_date: '2025-06-30' });
		expect(r.unknownAgencies).toEqual(['Marlshire Café Partnership']);
		expect(lines(r.problems)).toEqual([
			'w - - The file is not UTF-8; it was read as Windows-1252 (Excel "CSV" on Windows). Check accented letters.',
			'w - published_date Review DHR-C has no date: its year is taken from its earliest action date (2025-06-30), as published 2025-06. Give its publication date (a column, or the value for the whole file of a one-review file) to set it.'
		]);
	});
	it('blank rows', async () => {
		const r = await run(['blank-rows.csv']);
		expect(r.blocking).toBe(false);
		expect(counts(r)).toMatchObject({ reviews: 1, recommendations: 2, actions: 2 });
		expect(lines(r.problems)).toEqual([
			'w 2 - Empty row: skipped.',
			'w 4 - Empty row: skipped.',
			'w 5 - Empty row: skipped.',
			'w - published_date Review DHR-A has no date: its year is taken from its earliest action date (2021-12-31), as published 2021-12. Give its publication date (a column, or the value for the whole file of a one-review file) to set it.',
			'w - completed_date Action DHR-A-R1-A1 is completed but has no completed date.'
		]);
	});
	it('dates in every format', async () => {
		const r = await run(['dates.csv']);
		expect(r.blocking).toBe(false);
		expect(r.tables.actions.map((a) => [a.description, a.target_date])).toEqual([
			['dd/mm/yyyy', '2023-04-05'],
			['yyyy-mm-dd', '2023-04-05'],
			['Excel serial', '2023-04-05'],
			['month', '2021-09-30'],
			['quarter', '2022-09-30'],
			['financial quarter', '2023-03-31'],
			['placeholder', null],
			['nonsense', null]
		]);
		expect(lines(r.problems)).toEqual([
			'w 8 Target date "ongoing" is a placeholder, not a value: left empty.',
			'w 9 Target date "next spring" is not a date (not a date): left empty.',
			'w - published_date Review DHR-D has no date: its year is taken from its earliest action date (2021-09-30), as published 2021-09. Give its publication date (a column, or the value for the whole file of a one-review file) to set it.'
		]);
	});
	it('separate review, recommendation and action files (CSV and JSON) join by id', async () => {
		const r = await run(['reviews.csv', 'recommendations.csv', 'actions.json']);
		expect(r.blocking).toBe(false);
		expect(counts(r)).toMatchObject({ reviews: 1, recommendations: 2, actions: 2 });
		expect(r.tables.reviews).toEqual([{ review_id: 'DHR-A', partnership: 'Marlshire CSP', region: 'South West', completed_date: '2022-05-01', review_type: 'DHR' }]);
		expect(r.tables.actions.map((a) => [a.action_id, a.recommendation_id, a.status, a.target_date])).toEqual([
			['X1', 'R1', 'completed', '2021-12-31'],
			['X2', 'R2', 'in progress', '2022-06-30']
		]);
	});
	it('an Excel tracker with a merged header row and formula cells, every sheet offered', async () => {
		const book = makeXlsx([
			{ name: 'Read me', rows: [['Notes on this tracker']] },
			{
				name: 'Tracker',
				merges: ['A1:C1', 'D1:F1'],
				rows: [
					['Review', null, null, 'Action plan', null, null],
					['DHR ref', 'Partnership', 'Recommendation', 'Action', 'Status', 'Target date'],
					['DHR-X', 'Marlshire CSP', 'Police to review records.', 'Deliver training', 'Green', 45000],
					['DHR-X', 'Marlshire CSP', 'Police to review records.', 'Audit', { f: 'IF(F3>0,"Amber","Red")', v: 'Amber' }, '01/02/2024']
				]
			}
		]);
		const r = await run([], [{ name: 'tracker.xlsx', bytes: book }]);
		expect(r.blocking).toBe(false);
		expect(counts(r)).toMatchObject({ reviews: 1, recommendations: 1, actions: 2 });
		expect(r.tables.actions.map((a) => [a.action_id, a.status, a.target_date])).toEqual([
			['DHR-X-R1-A1', 'in progress', '2023-03-15'], // Green: on track, not done
			['DHR-X-R1-A2', 'in progress', '2024-02-01']
		]);
		expect(lines(r.problems)).toEqual([
			'w Read me - - Sheet "Read me" has no column the data model knows: skipped. It looks like instructions or a lookup list (columns found: Notes on this tracker).',
			'w Tracker 4 E Formula cell E4: the value Excel last calculated is used; check it is up to date.',
			'w Tracker 1 - Merged header row above the column headings: skipped.',
			'w - published_date Review DHR-X has no date: its year is taken from its earliest action date (2023-03-15), as published 2023-03. Give its publication date (a column, or the value for the whole file of a one-review file) to set it.'
		]);
	});
});

describe('files that block the import leave the loaded data intact', () => {
	it('no header row', async () => {
		const r = await run(['no-header.csv']);
		expect(lines(r.problems)).toEqual([
			'w 1 - No header row found: the columns are named "Column 1", "Column 2", ... and the first row is read as data.',
			'w - - This table has no column the data model knows: skipped. No recommendation, action or review column was found.',
			'B - - No table in these files has columns the data model knows: nothing to import. Columns found: none. A tracker needs at least a recommendation or action column (e.g. "Recommendation", "Action to take"), or review columns such as "Review" and "Partnership".'
		]);
		await expectRefused(r);
	});
	it('duplicate ids', async () => {
		const r = await run(['duplicate-ids.csv']);
		expect(lines(r.problems).filter((l) => l.startsWith('B'))).toEqual(['B 4 Action ID Duplicate action id A1.']);
		await expectRefused(r);
	});
	it('orphan actions', async () => {
		const r = await run(['reviews.csv', 'recommendations.csv', 'actions-orphan.csv']);
		expect(lines(r.problems).filter((l) => l.startsWith('B'))).toEqual(['B - recommendation_id Action X2 points to recommendation R9, which is not in the files.']);
		await expectRefused(r);
	});
	it('actions without their recommendations', async () => {
		const r = await run(['actions.json']);
		expect(lines(r.problems).filter((l) => l.startsWith('B'))).toEqual([
			'B - recommendation_id Action X1 points to recommendation R1, which is not in the files.',
			'B - recommendation_id Action X2 points to recommendation R2, which is not in the files.'
		]);
		await expectRefused(r);
	});
	it('unknown status words, listed for the user to map', async () => {
		const r = await run(['unknown-status.csv']);
		// "Partially met" is a known word now (in progress); "Waiting" is not.
		expect(r.unknownStatuses).toEqual(['Waiting']);
		expect(lines(r.problems).filter((l) => l.startsWith('B'))).toEqual([
			'B 4 Status Status "Waiting" is not a known status word; map it to not started, in progress, completed or not accepted.',
			'B - status Missing required actions column status: empty for 1 row(s) (DHR-A-R2-A1).'
		]);
		await expectRefused(r);
		// Once the user maps them, the same file loads.
		const mapped = await importFiles([{ name: 'unknown-status.csv', bytes: bytes('unknown-status.csv') }], {
			asAt: AS_AT,
			statusWords: { 'partially met': 'in progress', waiting: 'not started' }
		});
		expect(mapped.blocking).toBe(false);
		expect(mapped.tables.actions.map((a) => a.status)).toEqual(['in progress', 'in progress', 'not started']);
	});
	it('a required column missing', async () => {
		const csv = new TextEncoder().encode('Review,Partnership,Recommendation,Action\nDHR-A,Marlshire CSP,Train staff.,Deliver training\n');
		const r = await run([], [{ name: 'no-status.csv', bytes: csv }]);
		expect(lines(r.problems).filter((l) => l.startsWith('B'))[0]).toBe(
			'B - status Missing required column status (every action needs a status: map a status or RAG column, or a "date of completion and outcome" or completed-date column to read it from).'
		);
		await expectRefused(r);
	});
	it.each([
		['truncated.csv', 'B - - truncated.csv: a quoted value is never closed (row 2); the file looks truncated or malformed.'],
		['random-bytes.xlsx', 'B - - random-bytes.xlsx: this is not an Excel .xlsx workbook (it is not a zip archive).']
	])('%s', async (name, problem) => {
		const r = await run([name]);
		expect(lines(r.problems)).toEqual([problem]);
		await expectRefused(r);
	});
	it('a truncated workbook', async () => {
		const book = makeXlsx([{ name: 'Tracker', rows: [['Review', 'Partnership', 'Recommendation', 'Action', 'Status'], ['DHR-X', 'Marlshire CSP', 'Train.', 'Train staff', 'Green']] }]);
		const r = await run([], [{ name: 'cut.xlsx', bytes: book.slice(0, book.length - 100) }]);
		expect(lines(r.problems)).toEqual(['B - - cut.xlsx: the workbook is truncated or damaged (its zip directory is missing); nothing was read from it.']);
		await expectRefused(r);
	});
	it('one bad file among good ones blocks them all', async () => {
		const r = await run(['tracker-flat.csv', 'truncated.csv']);
		expect(counts(r).actions).toBe(6);
		await expectRefused(r);
	});
});
