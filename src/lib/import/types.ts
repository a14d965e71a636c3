/**
 * Shapes shared by the import library: what a reader returns (`Source`), what a check reports
 * (`Problem`), and the error that stops a read. No Svelte, no DOM: the same code runs in the
 * browser and under Node (`npm run import`).
 */

/** One cell as read from a file: dates already turned into `yyyy-mm-dd` text by the readers. */
export type Cell = string | number | boolean | null;

/** One table read from a file (a CSV, one sheet of a workbook, a Parquet/Arrow/JSON table). */
export interface Source {
	file: string;
	/** Sheet name, for workbooks. */
	sheet?: string;
	headers: string[];
	rows: Cell[][];
	/** Line/row number in the file of each row (1-based), for the report; same length as rows. */
	rowNumbers: number[];
	/** Warnings found while reading (skipped rows, encoding, formula cells, ...). */
	notes: Problem[];
	/**
	 * Text above the table, nearest last: title rows of a sheet above its header, or the headings and
	 * paragraphs just before a Word table ("Anytown CSP – DHR action plan", "DHR 'Adult A'"). Read for
	 * whole-file values (partnership, review name) and the review of a one-review sheet.
	 */
	titles?: string[];
	/** What the table holds: a tracker table (default), or recommendations split from a report's text. */
	kind?: 'table' | 'report-text';
	/** RAG colours of a workbook's filled cells, keyed `row:column` (row as in `rowNumbers`, column index as in `rows`). */
	fills?: Record<string, 'red' | 'amber' | 'green' | 'blue'>;
}

/** One line of the import report. Only `blocking` problems stop an import. */
export interface Problem {
	file: string;
	sheet?: string;
	row?: number;
	column?: string;
	value?: string;
	problem: string;
	blocking: boolean;
}

/** A file could not be read at all (not the format it claims, truncated, too large). */
export class ImportError extends Error {
	constructor(
		message: string,
		readonly file: string
	) {
		super(message);
		this.name = 'ImportError';
	}
}

/** Files above this size are refused before parsing: a browser tab would run out of memory. */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;
