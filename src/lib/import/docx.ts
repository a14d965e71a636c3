/**
 * Word .docx action plans: every table of the document, in document order, as one Source each
 * ("Table 1", "Table 2", ...), with the headings and paragraphs just before it as its `titles`.
 *
 * Why the document XML and not a converter such as mammoth: an action plan's meaning is in its
 * merged cells, and a converter's HTML says less than the XML does (a vertically merged cell
 * becomes a rowspan to be undone again; `w:tblHeader` and `w:gridBefore` are gone), and HTML would
 * need a DOM parser, which a Web Worker does not have. So the parts are unpacked with the project's
 * own guarded zip reader (`unzipGuarded`: zip bombs and truncated files are stopped there, as for
 * .xlsx) and `word/document.xml` is read with saxen, the small SAX parser read-excel-file itself is
 * built on, in one pass, namespace-aware (a document that names the WordprocessingML namespace by
 * another prefix reads the same).
 *
 * - Horizontally merged cells (`w:gridSpan`, old `w:hMerge`): the value in the first column, the
 *   others empty. Vertically merged continuation cells (`w:vMerge` without "restart") are left
 *   EMPTY: the tracker builder fills a recommendation down over its actions.
 * - Header rows: the header is found by `toSource` (below any title rows inside the table); later
 *   rows equal to it (repeated by hand for a page break) and later rows marked to repeat as a
 *   header (`w:tblHeader`) are dropped with a note.
 * - Line breaks and paragraphs inside a cell become "\n"; tabs a space; deleted revisions
 *   (`w:delText`), field codes and fallback copies of text boxes are not read.
 * - A table of one row or one column (a layout table, a signature box) is skipped with a note.
 * - A table inside a cell is read as part of that cell's text.
 */
import { strFromU8 } from 'fflate';
import { Parser } from 'saxen';
import { toSource } from './header';
import { unzipGuarded } from './zip';
import { ImportError, type Cell, type Problem, type Source } from './types';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

interface RawCell {
	text: string;
	span: number;
	/** 'continue': the lower part of a vertically merged cell; 'hcontinue': of an old-style horizontal merge. */
	merge: 'continue' | 'hcontinue' | null;
}
interface RawRow {
	cells: RawCell[];
	header: boolean;
	before: number;
}
interface RawTable {
	rows: RawRow[];
	titles: string[];
}

const on = (v: string | undefined) => v === undefined || !/^(0|false|off)$/i.test(v);
const cleanCell = (s: string) =>
	s
		.split('\n')
		.map((l) => l.replace(/[ \t\u00a0]+/g, ' ').trim())
		.join('\n')
		.replace(/^\n+|\n+$/g, '')
		.replace(/\n{3,}/g, '\n\n');

/** The tables of a document.xml, with the (at most 3) non-empty paragraphs before each. */
export function docxTables(xml: string, file: string): RawTable[] {
	const tables: RawTable[] = [];
	// Paragraphs of the body since the last table, nearest last.
	let recent: string[] = [];
	// Open tables, outermost first; a table inside a cell writes into the outermost table's cell.
	let depth = 0;
	let table: RawTable | null = null;
	let row: RawRow | null = null;
	let cell: RawCell | null = null;
	let para = '';
	let inText = false;
	let skip = 0; // inside mc:Fallback, w:delText, w:instrText: not read
	let inTrPr = false;
	let inTcPr = false;

	const parser = new Parser();
	parser.ns({ [W]: 'w', [MC]: 'mc' });
	parser.on('error', (err) => {
		throw new ImportError(`${file}: the Word document is damaged (its text cannot be read: ${err.message}); nothing was read from it.`, file);
	});
	parser.on('openTag', (name, attrs, _decode, selfClosing) => {
		if (name === 'mc:Fallback') {
			if (!selfClosing) skip++;
			return;
		}
		if (skip) return;
		const val = () => attrs()['w:val'];
		switch (name) {
			case 'w:tbl':
				depth++;
				if (depth === 1) {
					table = { rows: [], titles: recent.slice(-3) };
					recent = [];
				}
				return;
			case 'w:tr':
				if (depth === 1) row = { cells: [], header: false, before: 0 };
				return;
			case 'w:trPr':
				inTrPr = depth === 1 && !selfClosing;
				return;
			case 'w:tblHeader':
				if (inTrPr && row) row.header = on(val());
				return;
			case 'w:gridBefore':
				if (inTrPr && row) row.before = Math.max(0, Number(val()) || 0);
				return;
			case 'w:tc':
				if (depth === 1) cell = { text: '', span: 1, merge: null };
				else if (cell && depth > 1 && cell.text !== '' && !cell.text.endsWith('\n')) cell.text += ' ';
				return;
			case 'w:tcPr':
				inTcPr = depth === 1 && !selfClosing;
				return;
			case 'w:gridSpan':
				if (inTcPr && cell) cell.span = Math.max(1, Number(val()) || 1);
				return;
			case 'w:vMerge':
				if (inTcPr && cell && val() !== 'restart') cell.merge = 'continue';
				return;
			case 'w:hMerge':
				if (inTcPr && cell && val() !== 'restart') cell.merge = 'hcontinue';
				return;
			case 'w:p':
				if (!cell) para = '';
				return;
			case 'w:t':
				inText = !selfClosing;
				return;
			case 'w:delText':
			case 'w:instrText':
				if (!selfClosing) skip++;
				return;
			case 'w:tab':
			case 'w:ptab':
				// A tab stop in a paragraph's properties (w:tabs/w:tab) is self-closing too, but carries w:pos.
				if (attrs()['w:pos'] === undefined) add(' ');
				return;
			case 'w:br':
			case 'w:cr':
				if (attrs()['w:type'] !== 'page' && attrs()['w:type'] !== 'column') add('\n');
				return;
			case 'w:noBreakHyphen':
				add('-');
				return;
		}
	});
	function add(s: string) {
		if (cell) cell.text += s;
		else para += s;
	}
	parser.on('text', (text, decode) => {
		if (inText && !skip) add(decode(text));
	});
	parser.on('closeTag', (name) => {
		if (name === 'mc:Fallback') {
			skip = Math.max(0, skip - 1);
			return;
		}
		if (name === 'w:delText' || name === 'w:instrText') {
			skip = Math.max(0, skip - 1);
			return;
		}
		if (skip) return;
		switch (name) {
			case 'w:t':
				inText = false;
				return;
			case 'w:p':
				if (cell) cell.text += '\n';
				else {
					const p = para.replace(/\s+/g, ' ').trim();
					if (p !== '') recent.push(p);
					para = '';
				}
				return;
			case 'w:trPr':
				inTrPr = false;
				return;
			case 'w:tcPr':
				inTcPr = false;
				return;
			case 'w:tc':
				if (depth === 1 && cell && row) {
					cell.text = cleanCell(cell.text);
					row.cells.push(cell);
					cell = null;
				}
				return;
			case 'w:tr':
				if (depth === 1 && row && table) {
					table.rows.push(row);
					row = null;
				}
				return;
			case 'w:tbl':
				if (depth === 1 && table) {
					tables.push(table);
					table = null;
				} else if (cell && !cell.text.endsWith('\n')) cell.text += '\n';
				depth = Math.max(0, depth - 1);
				return;
		}
	});
	const err = parser.parse(xml);
	if (err) throw new ImportError(`${file}: the Word document is damaged (its text cannot be read: ${err.message}); nothing was read from it.`, file);
	return tables;
}

/** A raw table as a grid: spans laid out over their columns, merged continuation cells empty. */
function gridOf(t: RawTable): { rows: Cell[][]; merged: Set<number>; headerFlags: boolean[] } {
	const merged = new Set<number>();
	const rows = t.rows.map((r, i) => {
		const out: Cell[] = Array.from({ length: r.before }, () => null);
		for (const c of r.cells) {
			out.push(c.merge || c.text === '' ? null : c.text);
			for (let k = 1; k < c.span; k++) out.push(null);
			if (c.span > 1 || c.merge === 'hcontinue') merged.add(i + 1);
		}
		return out;
	});
	return { rows, merged, headerFlags: t.rows.map((r) => r.header) };
}

const key = (c: Cell) => (c === null ? '' : String(c).replace(/\s+/g, ' ').trim().toLowerCase());

/** Read a .docx: one Source per table, in document order. Throws ImportError for a damaged or non-Word file. */
export function readDocx(bytes: Uint8Array, file: string): Source[] {
	if (!(bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04))
		throw new ImportError(`${file}: this is not a Word .docx document (it is not a zip archive). An old Word .doc file must be saved as .docx first.`, file);
	let parts: Record<string, Uint8Array>;
	try {
		parts = unzipGuarded(bytes, file, (name) => name === '_rels/.rels' || name === 'xl/workbook.xml' || /^word\/[^/]+\.xml$/.test(name));
	} catch (e) {
		// zip.ts speaks of workbooks; the same guard protects documents.
		if (e instanceof ImportError) throw new ImportError(e.message.replace(/\bworkbook\b/g, 'Word document'), file);
		throw e;
	}
	const rels = parts['_rels/.rels'] ? strFromU8(parts['_rels/.rels']) : '';
	const target = rels.match(/<Relationship\b[^>]*Type="[^"]*\/officeDocument"[^>]*>/)?.[0].match(/Target="\/?([^"]+)"/)?.[1] ?? 'word/document.xml';
	const main = (target.startsWith('word/') ? parts[target] : undefined) ?? parts['word/document.xml'];
	if (!main) throw new ImportError(`${file}: this is not a Word .docx document (it holds no word/document.xml${parts['xl/workbook.xml'] ? '; it looks like an Excel workbook' : ''}).`, file);
	const tables = docxTables(strFromU8(main), file);
	const sources: Source[] = [];
	let pending: Problem[] = [];
	tables.forEach((t, i) => {
		const sheet = `Table ${i + 1}`;
		const where = { file, sheet };
		const grid = gridOf(t);
		const width = grid.rows.reduce((w, r) => Math.max(w, r.length), 0);
		const filledRows = grid.rows.filter((r) => r.some((c) => c !== null)).length;
		if (filledRows <= 1 || width <= 1) {
			pending.push({
				...where,
				problem: `${sheet} has only ${filledRows <= 1 ? `${filledRows === 1 ? 'one row' : 'no text'}` : 'one column'}: it is read as page layout (a title box or signature panel), not as an action plan, and skipped.`,
				value: grid.rows.flat().filter((c) => c !== null).join(' | ').slice(0, 200) || undefined,
				blocking: false
			});
			return;
		}
		const notes: Problem[] = pending;
		pending = [];
		const rowNumbers = grid.rows.map((_, j) => j + 1);
		const source = toSource({ file, sheet, rows: grid.rows, rowNumbers, notes, mergedRows: grid.merged });
		// Rows that repeat the header: by hand (equal to it) or marked to repeat on each page.
		const header = source.headers.map(key).join('\u0001');
		const firstData = source.rowNumbers[0] ?? Infinity;
		const keep = source.rows.map((r, j) => {
			const n = source.rowNumbers[j];
			if (r.map(key).join('\u0001') === header) {
				source.notes.push({ ...where, row: n, value: r.filter((c) => c !== null).join(' | '), problem: 'Row repeats the header row (a heading repeated after a page break): dropped.', blocking: false });
				return false;
			}
			if (grid.headerFlags[n - 1] && n >= firstData) {
				source.notes.push({ ...where, row: n, value: r.filter((c) => c !== null).join(' | '), problem: 'Row is marked in Word to repeat as a header on each page, below the header row: dropped.', blocking: false });
				return false;
			}
			return true;
		});
		source.rows = source.rows.filter((_, j) => keep[j]);
		source.rowNumbers = source.rowNumbers.filter((_, j) => keep[j]);
		// The paragraphs before the table, then any title rows inside it above the header (toSource's).
		source.titles = [...t.titles, ...(source.titles ?? [])];
		source.kind = 'table';
		sources.push(source);
	});
	if (sources.length === 0) {
		const why = tables.length === 0 ? 'it holds no table' : `its ${tables.length === 1 ? 'only table has' : `${tables.length} tables all have`} a single row or column`;
		throw new ImportError(
			`${file}: no action plan table was found in this Word document (${why}). If it is a review report, save it as PDF or paste its recommendations section as text.`,
			file
		);
	}
	// Notes of tables skipped after the last one read go with the last one.
	sources[sources.length - 1].notes.push(...pending);
	return sources;
}
