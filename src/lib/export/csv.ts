/**
 * CSV out: RFC 4180 text (fields with a comma, quote, CR or LF quoted, quotes doubled, records ended
 * by CRLF), written as UTF-8 with a byte-order mark so that Excel reads accents and dashes right.
 *
 * Formula injection: a spreadsheet runs a cell that starts with = + - @ (or a tab or CR that hides
 * one) as a formula. Text cells that start so get a leading apostrophe, which spreadsheets show as
 * text (OWASP "CSV Injection"). Numbers are written as numbers and left alone: -3 is a number, not a
 * formula.
 */
import { downloadBlob } from './download';

export type CsvCell = string | number | boolean | null | undefined;

/** The UTF-8 byte-order mark, as text: the first character of a file Excel should read as UTF-8. */
export const BOM = '\uFEFF';

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One field: neutralised when text that a spreadsheet would run, quoted when it must be. */
export function csvField(v: CsvCell): string {
	if (v == null) return '';
	let s = typeof v === 'number' ? (Number.isFinite(v) ? String(v) : '') : String(v);
	if (typeof v === 'string' && FORMULA_START.test(s)) s = `'${s}`;
	return NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A whole file's text (without the BOM): a header record, then one record per row, each ended by CRLF. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
	return [header, ...rows].map((r) => r.map(csvField).join(',') + '\r\n').join('');
}

/** The file's bytes as a Blob: BOM + text, UTF-8. */
export function csvBlob(text: string): Blob {
	return new Blob([BOM + text], { type: 'text/csv;charset=utf-8' });
}

/** Make the browser save `text` as a CSV file named `filename` (no server involved). */
export function downloadCsv(filename: string, text: string): void {
	downloadBlob(filename, csvBlob(text));
}
