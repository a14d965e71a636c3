/**
 * A dataset's tables as files: CSV (via the shared CSV writer, dates as yyyy-mm-dd) and Arrow IPC
 * streams as stored. Pure conversion here; `downloadFiles` is the one browser-only step.
 */
import { downloadBlob } from '../export/download';
import { DataType, tableFromIPC } from 'apache-arrow';
import { TABLE_NAMES, type TableName } from '../model/schema';
import { toRows } from '../db/rows';
import { csvBlob, toCsv, type CsvCell } from '../export/csv';

export interface ExportFile {
	name: string;
	blob: Blob;
}

/** A safe file-name stem from a dataset name: letters, digits and dashes. */
export function fileStem(name: string): string {
	return (
		name
			.normalize('NFKD')
			.replace(/[^\w\s-]/g, '')
			.trim()
			.replace(/[\s_]+/g, '-')
			.toLowerCase()
			.slice(0, 60) || 'dataset'
	);
}

/**
 * One table's Arrow IPC stream as CSV text (header = column names). Dictionary-encoded columns
 * (common for text in Arrow files written by other tools) are read as their values first, since
 * `toRows` handles plain types only.
 */
export function tableCsv(bytes: Uint8Array): string {
	const table = tableFromIPC(bytes);
	const header = table.schema.fields.map((f) => f.name);
	const dictionaries = table.schema.fields.filter((f) => DataType.isDictionary(f.type));
	if (dictionaries.length) {
		const plain: Record<string, unknown[]> = {};
		table.schema.fields.forEach((f, c) => {
			if (DataType.isDictionary(f.type)) plain[f.name] = table.getChildAt(c)!.toArray() as unknown[];
		});
		const rows = toRows(table) as Record<string, CsvCell>[];
		return toCsv(
			header,
			rows.map((r, i) => header.map((h) => (h in plain ? ((plain[h][i] ?? null) as CsvCell) : r[h])))
		);
	}
	const rows = toRows(table) as Record<string, CsvCell>[];
	return toCsv(header, rows.map((r) => header.map((h) => r[h])));
}

export function csvFiles(stem: string, buffers: Record<TableName, Uint8Array>): ExportFile[] {
	return TABLE_NAMES.map((t) => ({ name: `${stem}-${t}.csv`, blob: csvBlob(tableCsv(buffers[t])) }));
}

export function arrowFiles(stem: string, buffers: Record<TableName, Uint8Array>): ExportFile[] {
	return TABLE_NAMES.map((t) => ({
		name: `${stem}-${t}.arrows`,
		blob: new Blob([buffers[t] as Uint8Array<ArrayBuffer>], { type: 'application/vnd.apache.arrow.stream' })
	}));
}

/** Make the browser save each file (no server involved); a short pause between them, as browsers ask. */
export async function downloadFiles(files: readonly ExportFile[]): Promise<void> {
	for (const f of files) {
		downloadBlob(f.name, f.blob);
		await new Promise((r) => setTimeout(r, 250));
	}
}
