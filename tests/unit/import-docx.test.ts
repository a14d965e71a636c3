/**
 * Word .docx action plans: every table in document order, merged cells, repeated header rows,
 * titles above each table, layout tables skipped, damaged files refused in plain words. Documents
 * are built in code (tests/fixtures/import/make-docx.ts).
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { detectFormat, ImportError, readFile } from '$lib/import';
import { actionPlanDocx, makeDocx, TEMPLATE_HEADERS } from '../fixtures/import/make-docx';
import { makeXlsx } from '../fixtures/import/make-xlsx';

describe('the action plan in the shape of the Home Office template', () => {
	it('two tables read (Table 1, Table 2), the signature box skipped', async () => {
		const sources = await readFile(actionPlanDocx(), 'plan.docx');
		expect(sources.map((s) => [s.sheet, s.kind, s.headers])).toEqual([
			['Table 1', 'table', TEMPLATE_HEADERS],
			['Table 2', 'table', TEMPLATE_HEADERS]
		]);
		expect(sources.map((s) => s.rows.length)).toEqual([6, 3]);
		expect(sources.map((s) => s.rowNumbers)).toEqual([
			[2, 3, 4, 5, 6, 8],
			[3, 4, 5]
		]);
	});
	it('a recommendation merged down over its actions is given once, its continuation cells left empty', async () => {
		const [t1] = await readFile(actionPlanDocx(), 'plan.docx');
		expect(t1.rows.map((r) => r[0] === null ? null : String(r[0]).slice(0, 2))).toEqual(['1.', null, null, '2.', null, '3.']);
		expect(t1.rows.map((r) => r[1])).toEqual(['Local', null, null, 'Local', null, 'National']);
		expect(t1.rows.map((r) => r[2])).toEqual([
			'Audit 40 repeat call-outs against the force risk assessment guidance',
			'Brief response officers on what the audit found',
			'Repeat the audit after six months',
			'Add a prompt to the practice record system',
			'Run a lunchtime session for practice staff',
			'The CSP chair to write to the Home Office'
		]);
		expect(t1.rows[0][6]).toBe('12/03/2024 – audit report taken to the CSP board');
		expect(t1.rows[2][6]).toBeNull();
	});
	it('line breaks and paragraphs inside a cell become "\\n"', async () => {
		const [t1, t2] = await readFile(actionPlanDocx(), 'plan.docx');
		expect(t1.rows[0][4]).toBe('Audit sample agreed\nAudit completed');
		expect(t2.rows[2][4]).toBe('Draft protocol\nAgreed by partners');
	});
	it('titles: the paragraphs just before each table, then its own title rows', async () => {
		const [t1, t2] = await readFile(actionPlanDocx(), 'plan.docx');
		expect(t1.titles).toEqual(['Anytown CSP – Domestic Homicide Review ‘Adult B’ – Action plan', 'Version 4, updated by the DHR coordinator after the board meeting.']);
		expect(t2.titles?.[0]).toBe('Domestic Homicide Review ‘Adult C’ – Action plan');
		expect(t2.titles?.[1]).toMatch(/^DHR ‘Adult C’ – report published June \d{4}$/);
	});
	it('notes: the header typed again after a page break, the merged title row, the skipped signature box', async () => {
		const [t1, t2] = await readFile(actionPlanDocx(), 'plan.docx');
		expect(t1.notes.map((n) => [n.sheet, n.row, n.problem])).toEqual([['Table 1', 7, 'Row repeats the header row (a heading repeated after a page break): dropped.']]);
		expect(t2.notes.map((n) => [n.sheet, n.row ?? null, n.problem])).toEqual([
			['Table 2', 1, 'Title row above the column headings: kept as the title, not read as data.'],
			['Table 3', null, 'Table 3 has only one row: it is read as page layout (a title box or signature panel), not as an action plan, and skipped.']
		]);
		expect([...t1.notes, ...t2.notes].every((n) => !n.blocking && n.file === 'plan.docx')).toBe(true);
	});
});

describe('merged cells and header rows', () => {
	it('a cell spanning columns keeps its value in the first, the others empty; a header row marked to repeat below the header is dropped', async () => {
		const doc = makeDocx([
			{
				table: [
					{ cells: ['Rec', 'Action', 'Agency', 'Due'], header: true },
					{ cells: ['1', { text: 'Train all staff', span: 2 }, 'May 2024'] },
					{ cells: ['Rec', 'Action', 'Agency', 'Due'], header: true },
					{ cells: ['2', 'Audit', 'Police', 'June 2024'] }
				]
			}
		]);
		const [s] = await readFile(doc, 'plan.docx');
		expect(s.rows).toEqual([
			['1', 'Train all staff', null, 'May 2024'],
			['2', 'Audit', 'Police', 'June 2024']
		]);
		expect(s.notes.map((n) => [n.row, n.problem])).toEqual([[3, 'Row repeats the header row (a heading repeated after a page break): dropped.']]);
	});
	it('a row marked to repeat as a header that differs from the header is dropped too', async () => {
		const doc = makeDocx([
			{
				table: [
					{ cells: ['Rec', 'Action', 'Agency'], header: true },
					{ cells: ['1', 'Train', 'Police'] },
					{ cells: ['Rec no', 'Action to take', 'Lead agency'], header: true },
					{ cells: ['2', 'Audit', 'Police'] }
				]
			}
		]);
		const [s] = await readFile(doc, 'plan.docx');
		expect(s.rows).toHaveLength(2);
		expect(s.notes.map((n) => [n.row, n.problem])).toEqual([[3, 'Row is marked in Word to repeat as a header on each page, below the header row: dropped.']]);
	});
	it('a document that names the Word namespace by another prefix reads the same', async () => {
		const files = unzipSync(actionPlanDocx());
		files['word/document.xml'] = strToU8(strFromU8(files['word/document.xml']).replace(/<(\/?)w:/g, '<$1x:').replace(/ w:/g, ' x:').replace('xmlns:w=', 'xmlns:x='));
		const renamed = await readFile(zipSync(files), 'plan.docx');
		const original = await readFile(actionPlanDocx(), 'plan.docx');
		expect(renamed).toEqual(original);
	});
	it('a one-column table is skipped with a note', async () => {
		const doc = makeDocx([{ table: [{ cells: ['Notes'] }, { cells: ['Reviewed by the board'] }] }, { table: [{ cells: ['Rec', 'Action'] }, { cells: ['1', 'Train'] }] }]);
		const [s] = await readFile(doc, 'plan.docx');
		expect(s.sheet).toBe('Table 2');
		expect(s.notes.map((n) => n.problem)).toEqual(['Table 1 has only one column: it is read as page layout (a title box or signature panel), not as an action plan, and skipped.']);
	});
});

describe('files that are not Word action plans', () => {
	it('a document with no table says so', async () => {
		await expect(readFile(makeDocx([{ p: 'Overview report' }]), 'report.docx')).rejects.toThrow(
			'report.docx: no action plan table was found in this Word document (it holds no table). If it is a review report, save it as PDF or paste its recommendations section as text.'
		);
	});
	it('not a zip, an old .doc, a truncated document, a workbook named .docx', async () => {
		await expect(readFile(new TextEncoder().encode('plain text'), 'plan.docx')).rejects.toThrow('plan.docx: this is not a Word .docx document (it is not a zip archive). An old Word .doc file must be saved as .docx first.');
		expect(() => detectFormat(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]), 'plan.doc')).toThrow('plan.doc: old Word .doc files cannot be read; save it as .docx (Word: File, Save As, Word Document).');
		const cut = actionPlanDocx().subarray(0, 900);
		const err = await readFile(cut, 'cut.docx').catch((e) => e);
		expect(err).toBeInstanceOf(ImportError);
		expect(err.message).toMatch(/^cut\.docx: the Word document is truncated or damaged/);
		await expect(readFile(makeXlsx([{ name: 'Sheet1', rows: [['a', 'b']] }]), 'book.docx')).rejects.toThrow('book.docx: this is not a Word .docx document (it holds no word/document.xml; it looks like an Excel workbook).');
	});
	it('a Word document with another extension is known by its contents', () => {
		expect(detectFormat(actionPlanDocx(), 'plan')).toBe('docx');
		expect(detectFormat(makeXlsx([{ name: 'Sheet1', rows: [['a']] }]), 'book')).toBe('xlsx');
	});
});
