/**
 * The readers: every format to the same Source shape, and every unreadable file to a clear error
 * (never a hang). Fixtures are in tests/fixtures/import; workbooks are built in code (make-xlsx).
 */
import { readFileSync } from 'node:fs';
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { ImportError, MAX_FILE_BYTES, readFile } from '$lib/import';
import { makeXlsx } from '../fixtures/import/make-xlsx';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../fixtures/import/${name}`, import.meta.url)));
const TRACKER_HEADERS = ['DHR ref', 'Partnership', 'Date commissioned', 'Rec no', 'Recommendation', 'Theme', 'Action', 'Lead agency', 'Lead officer', 'Target date', 'RAG', 'Date completed', 'Evidence', 'Last updated'];

describe('CSV', () => {
	it.each(['tracker-flat.csv', 'semicolon.csv', 'bom-tab.csv'])('%s: comma, semicolon or tab (with BOM) read the same', async (name) => {
		const [s] = await readFile(fixture(name), name);
		expect(s.headers).toEqual(TRACKER_HEADERS);
		expect(s.rows).toHaveLength(6);
		expect(s.rowNumbers).toEqual([2, 3, 4, 5, 6, 7]);
		expect(s.rows[1].slice(0, 7)).toEqual([null, null, null, null, null, null, 'Audit training uptake']);
		expect(s.notes).toEqual([]);
	});
	it('Windows-1252 bytes are decoded as such, with a warning', async () => {
		const [s] = await readFile(fixture('windows-1252.csv'), 'windows-1252.csv');
		expect(s.rows[0][3]).toBe('Café staff to receive awareness briefings (£500 budget).');
		expect(s.notes.map((n) => n.problem)).toEqual(['The file is not UTF-8; it was read as Windows-1252 (Excel "CSV" on Windows). Check accented letters.']);
	});
	it('blank rows are skipped and reported, trailing ones silently', async () => {
		const [s] = await readFile(fixture('blank-rows.csv'), 'blank-rows.csv');
		expect(s.rows).toHaveLength(2);
		expect(s.rowNumbers).toEqual([3, 6]);
		expect(s.notes.map((n) => [n.row, n.problem])).toEqual([[2, 'Empty row: skipped.'], [4, 'Empty row: skipped.'], [5, 'Empty row: skipped.']]);
	});
	it('a file without a header row gets "Column n" names and a warning', async () => {
		const [s] = await readFile(fixture('no-header.csv'), 'no-header.csv');
		expect(s.headers).toEqual(['Column 1', 'Column 2', 'Column 3', 'Column 4', 'Column 5', 'Column 6', 'Column 7', 'Column 8']);
		expect(s.rows).toHaveLength(2);
		expect(s.notes[0].problem).toMatch(/^No header row found/);
	});
	it('a truncated file (a quote never closed) is an error', async () => {
		await expect(readFile(fixture('truncated.csv'), 'truncated.csv')).rejects.toThrow('truncated.csv: a quoted value is never closed (row 2); the file looks truncated or malformed.');
	});
	it('a 20 MB CSV is read whole', async () => {
		const line = 'DHR-%,Marlshire CSP,1,All agencies to train staff on coercive control.,Deliver training to frontline staff,Marlshire Police,Amber,31/12/2026\n';
		const n = Math.ceil((20 * 1024 * 1024) / line.length);
		const text = 'Review,Partnership,Rec no,Recommendation,Action,Lead agency,Status,Due date\n' + Array.from({ length: n }, (_, i) => line.replace('%', String(i))).join('');
		const bytes = new TextEncoder().encode(text);
		expect(bytes.length).toBeGreaterThan(20 * 1024 * 1024);
		const t0 = performance.now();
		const [s] = await readFile(bytes, 'big.csv');
		expect(s.rows).toHaveLength(n);
		expect(s.rows[n - 1][0]).toBe(`DHR-${n - 1}`);
		expect(performance.now() - t0).toBeLessThan(30_000);
	});
});

describe('other formats', () => {
	it('JSON: an array of records', async () => {
		const [s] = await readFile(fixture('actions.json'), 'actions.json');
		expect(s.headers).toEqual(['action_id', 'recommendation_id', 'description', 'status', 'target_date', 'completed_date']);
		expect(s.rows[1]).toEqual(['X2', 'R2', 'Add prompt', 'Amber', 'Q2 2022', null]);
	});
	it('JSON that is not an array of records is an error', async () => {
		await expect(readFile(new TextEncoder().encode('{"a": 1}'), 'x.json')).rejects.toThrow('x.json: JSON must be an array of records');
		await expect(readFile(new TextEncoder().encode('[{"a": 1}, {"a"'), 'cut.json')).rejects.toThrow(/cut.json: is not valid JSON/);
	});
	it('Arrow IPC (stream), numbers and dates included', async () => {
		const ipc = tableToIPC(tableFromArrays({ review_id: ['A', 'B'], rec_number: Int32Array.from([1, 2]) }), 'stream');
		const [s] = await readFile(ipc, 'recs.arrows');
		expect(s.headers).toEqual(['review_id', 'rec_number']);
		expect(s.rows).toEqual([['A', 1], ['B', 2]]);
	});
	it('Parquet that is cut off is an error', async () => {
		const bytes = new Uint8Array([0x50, 0x41, 0x52, 0x31, 1, 2, 3, 4, 5, 6, 7, 8]);
		await expect(readFile(bytes, 'cut.parquet')).rejects.toThrow(/cut.parquet: could not be read as Parquet/);
	});
	it('an empty file and an over-large file are refused before parsing', async () => {
		await expect(readFile(new Uint8Array(0), 'empty.csv')).rejects.toThrow('empty.csv: the file is empty.');
		await expect(readFile(new Uint8Array(MAX_FILE_BYTES + 1), 'huge.csv')).rejects.toThrow('huge.csv: at 200.0 MB it is larger than the 200 MB an import can take; split the file.');
	});
	it('old .xls is refused with advice', async () => {
		await expect(readFile(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]), 'old.xls')).rejects.toThrow(/save it as .xlsx or CSV/);
	});
});

describe('Excel', () => {
	const book = () =>
		makeXlsx([
			{ name: 'Read me', rows: [['Notes on this tracker']] },
			{
				name: 'Tracker',
				merges: ['A1:C1', 'D1:F1'],
				rows: [
					['Review', null, null, 'Action plan', null, null],
					['DHR ref', 'Partnership', 'Recommendation', 'Action', 'Status', 'Target date'],
					['DHR-X', 'Marlshire CSP', 'Police to train staff.', 'Deliver training', 'Green', 45000],
					['DHR-X', 'Marlshire CSP', 'Police to train staff.', 'Audit', { f: 'IF(F3>0,"Amber","Red")', v: 'Amber' }, { f: 'F3+30', v: 45030 }]
				]
			}
		]);
	it('offers every sheet, finds the header under a merged group-heading row, reports formula cells', async () => {
		const [notes, tracker] = await readFile(book(), 'tracker.xlsx');
		expect(notes.sheet).toBe('Read me');
		expect(tracker.sheet).toBe('Tracker');
		expect(tracker.headers).toEqual(['DHR ref', 'Partnership', 'Recommendation', 'Action', 'Status', 'Target date']);
		expect(tracker.rows).toEqual([
			['DHR-X', 'Marlshire CSP', 'Police to train staff.', 'Deliver training', 'Green', 45000],
			['DHR-X', 'Marlshire CSP', 'Police to train staff.', 'Audit', 'Amber', 45030]
		]);
		expect(tracker.rowNumbers).toEqual([3, 4]);
		expect(tracker.notes.map((n) => [n.row ?? null, n.column ?? null, n.problem])).toEqual([
			[4, 'E', 'Formula cell E4: the value Excel last calculated is used; check it is up to date.'],
			[4, 'F', 'Formula cell F4: the value Excel last calculated is used; check it is up to date.'],
			[1, null, 'Merged header row above the column headings: skipped.']
		]);
	});
	it('random bytes renamed .xlsx are an error', async () => {
		await expect(readFile(fixture('random-bytes.xlsx'), 'random-bytes.xlsx')).rejects.toThrow('random-bytes.xlsx: this is not an Excel .xlsx workbook (it is not a zip archive).');
	});
	it('a truncated workbook is an error', async () => {
		const b = book();
		await expect(readFile(b.slice(0, b.length - 200), 'cut.xlsx')).rejects.toThrow(/^cut.xlsx: the workbook is truncated or damaged \(its zip directory is missing\); nothing was read from it\.$/);
		await expect(readFile(b.slice(0, b.length - 200), 'cut.xlsx')).rejects.toBeInstanceOf(ImportError);
	});
	it('a workbook of 20,000 rows (6 MB of sheet XML) is read whole', async () => {
		const rows = Array.from({ length: 20_000 }, (_, i) => [`DHR-${i}`, 'Marlshire CSP', 'All agencies to train staff on coercive control.', 'Deliver training to frontline staff', 'Amber', 46000]);
		const bytes = makeXlsx([{ name: 'Big', rows: [['Review', 'Partnership', 'Recommendation', 'Action', 'Status', 'Due date'], ...rows] }]);
		const [s] = await readFile(bytes, 'big.xlsx');
		expect(s.rows).toHaveLength(20_000);
		expect(s.rows[19_999][0]).toBe('DHR-19999');
	}, 120_000);
});
