/**
 * The blank tracker template, as .xlsx (write-excel-file, its browser entry) and .csv: the columns
 * of a flat action tracker, one row per action with its review and recommendation repeated, each
 * header one the import's mapper recognises at once (a unit test holds it to that).
 */
import writeXlsxFile from 'write-excel-file/browser';
import { toCsv } from './csv';

export const TEMPLATE_COLUMNS = [
	'Review ID',
	'Partnership',
	'Recommendation number',
	'Scope',
	'Recommendation agency',
	'Recommendation text',
	'Theme',
	'Action ID',
	'Action',
	'Lead agency',
	'Owner role',
	'Target date',
	'Status',
	'Completed date',
	'Evidence',
	'Last updated'
] as const;

export const TEMPLATE_STEM = 'dhr-action-tracker-template';

/** The template as CSV text: the header row only (the BOM for Excel is added by `downloadCsv`). */
export function templateCsv(): string {
	return toCsv(TEMPLATE_COLUMNS, []);
}

/** The template as an .xlsx workbook: one sheet, "Tracker", with the header row in bold and columns wide enough to read. */
export function templateXlsx(): Promise<Blob> {
	const header = TEMPLATE_COLUMNS.map((value) => ({ value, fontWeight: 'bold' as const }));
	return writeXlsxFile([header], {
		sheet: 'Tracker',
		columns: TEMPLATE_COLUMNS.map((c) => ({ width: Math.max(14, c.length + 4) })),
		stickyRowsCount: 1
	}).toBlob();
}
