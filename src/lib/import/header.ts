/**
 * Finding the header row of a grid of cells. Hand-kept trackers often start with a title row, or
 * with a row of merged group headings ("Recommendation" over three columns, "Action" over four);
 * the header is the first row that fills most of the columns with text, or that names at least three
 * model columns (the Home Office action-plan template: title rows, then "Recommendation | Scope of
 * recommendation | Action to take | …", with notes far to the right). Rows above it are reported and
 * kept as the source's `titles`; a grid whose first full row looks like data has no header, and gets
 * "Column 1"...
 */
import { isKnownHeader } from './mapping';
import type { Cell, Problem, Source } from './types';

const filled = (c: Cell) => c !== null && c !== '' && !(typeof c === 'string' && c.trim() === '');
const isLabel = (c: Cell) => typeof c === 'string' && c.trim() !== '' && !/^[\d\s.,/:-]+$/.test(c.trim());
export const isEmptyRow = (row: Cell[]) => !row.some(filled);

export interface GridIn {
	file: string;
	sheet?: string;
	/** Rows as read, with their 1-based row number in the file. */
	rows: Cell[][];
	rowNumbers: number[];
	notes: Problem[];
	/** Row numbers covered by merged cells (Excel), if the reader knows them. */
	mergedRows?: Set<number>;
	/** Text found above the grid by the reader (a Word table's headings), nearest last. */
	titles?: string[];
}

export function toSource(grid: GridIn): Source {
	const { file, sheet, notes } = grid;
	const width = grid.rows.reduce((w, r) => Math.max(w, r.length), 0);
	const where = { file, ...(sheet ? { sheet } : {}) };
	// The header is looked for among the first 10 non-empty rows.
	let headerAt = -1;
	let seen = 0;
	for (let i = 0; i < grid.rows.length && seen < 10; i++) {
		const row = grid.rows[i];
		if (isEmptyRow(row)) continue;
		seen++;
		const labels = row.filter(isLabel).length;
		const cells = row.filter(filled).length;
		const known = row.filter((c) => isLabel(c) && isKnownHeader(String(c))).length;
		if ((labels >= Math.max(1, Math.ceil(width * 0.6)) && labels === cells) || (known >= 3 && known * 2 >= cells && labels === cells)) {
			headerAt = i;
			break;
		}
	}
	const firstFull = grid.rows.findIndex((r) => !isEmptyRow(r));
	if (headerAt < 0) {
		notes.push({ ...where, row: grid.rowNumbers[firstFull], problem: 'No header row found: the columns are named "Column 1", "Column 2", ... and the first row is read as data.', blocking: false });
		headerAt = firstFull - 1;
	}
	const titles: string[] = [];
	for (let i = Math.max(firstFull, 0); i < headerAt; i++) {
		if (isEmptyRow(grid.rows[i])) continue;
		titles.push(grid.rows[i].filter(filled).map((c) => String(c).trim()).join(' '));
		const merged = grid.mergedRows?.has(grid.rowNumbers[i]);
		notes.push({
			...where,
			row: grid.rowNumbers[i],
			value: grid.rows[i].filter(filled).join(' | '),
			problem:
				grid.rows[i].filter(filled).length === 1
					? 'Title row above the column headings: kept as the title, not read as data.'
					: merged
						? 'Merged header row above the column headings: skipped.'
						: 'Title or group-heading row above the column headings: skipped.',
			blocking: false
		});
	}
	const headerRow = headerAt >= 0 ? grid.rows[headerAt] : [];
	const headers = Array.from({ length: width }, (_, j) => {
		const h = headerRow[j];
		return filled(h ?? null) ? String(h).trim() : `Column ${j + 1}`;
	});
	const rows: Cell[][] = [];
	const rowNumbers: number[] = [];
	for (let i = headerAt + 1; i < grid.rows.length; i++) {
		const row = grid.rows[i];
		if (isEmptyRow(row)) {
			// Trailing blank lines are noise; blank lines between rows are worth a word.
			if (grid.rows.slice(i + 1).some((r) => !isEmptyRow(r)))
				notes.push({ ...where, row: grid.rowNumbers[i], problem: 'Empty row: skipped.', blocking: false });
			continue;
		}
		rows.push(Array.from({ length: width }, (_, j) => (filled(row[j] ?? null) ? row[j] : null)));
		rowNumbers.push(grid.rowNumbers[i]);
	}
	const before = [...(grid.titles ?? []), ...titles];
	return { file, ...(sheet ? { sheet } : {}), headers, rows, rowNumbers, notes, ...(before.length ? { titles: before } : {}) };
}
