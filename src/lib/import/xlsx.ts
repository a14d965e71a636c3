/** Excel .xlsx -> one Source per sheet (every sheet offered), with formula and merged-row notes. */
import readXlsxFile from 'read-excel-file/universal';
import { toSource } from './header';
import { scanWorkbook, type SheetScan } from './xlsx-scan';
import { ImportError, type Cell, type Problem, type Source } from './types';

const isZip = (b: Uint8Array) => b.length > 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

function cellOf(v: unknown): Cell {
	if (v == null) return null;
	if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString().slice(0, 10);
	if (typeof v === 'string') return v.trim() === '' ? null : v.trim();
	if (typeof v === 'number' || typeof v === 'boolean') return v;
	return String(v);
}

/**
 * read-excel-file (9.3.17, the latest) parses each sheet's XML in chunks whose size it halves
 * whenever a chunk took more than 7 ms (modules/xml/parseXml.js), recursing once per chunk. On a
 * slow or busy machine the size falls below one character, no chunk makes progress, and the
 * recursion ends in "Maximum call stack size exceeded" — a large tracker fails to open on an old
 * laptop (seen here on a 20,000-row workbook under load). While it reads, its clock is held still, so
 * every chunk looks fast and the size only grows. Nothing else runs in the import worker meanwhile.
 */
async function withSteadyClock<T>(read: () => Promise<T>): Promise<T> {
	const now = Date.now;
	const at = now();
	Date.now = () => at;
	try {
		return await read();
	} finally {
		Date.now = now;
	}
}

export async function readXlsx(bytes: Uint8Array, file: string): Promise<Source[]> {
	if (!isZip(bytes)) throw new ImportError(`${file}: this is not an Excel .xlsx workbook (it is not a zip archive).`, file);
	let scans: Map<string, SheetScan>;
	let sheets: { sheet: string; data: unknown[][] }[];
	// First the guarded scan: a zip bomb, a truncated or damaged archive stops here, with its own message.
	scans = scanWorkbook(bytes, file);
	try {
		const copy = bytes.slice().buffer as ArrayBuffer;
		sheets = (await withSteadyClock(() => readXlsxFile(copy))) as unknown as { sheet: string; data: unknown[][] }[];
	} catch (e) {
		throw new ImportError(`${file}: the workbook could not be read; it may be truncated or damaged (${(e as Error).message}).`, file);
	}
	if (sheets.length === 0) throw new ImportError(`${file}: the workbook has no sheets.`, file);
	return sheets.map(({ sheet, data }) => {
		const scan = scans.get(sheet);
		const notes: Problem[] = (scan?.formulas ?? []).map((f) => ({
			file,
			sheet,
			row: f.row,
			column: f.address.replace(/\d+$/, ''),
			problem: `Formula cell ${f.address}: the value Excel last calculated is used; check it is up to date.`,
			blocking: false
		}));
		const rows = data.map((r) => r.map(cellOf));
		const source = toSource({ file, sheet, rows, rowNumbers: rows.map((_, i) => i + 1), notes, mergedRows: scan?.mergedRows });
		return scan && Object.keys(scan.fills).length ? { ...source, fills: scan.fills } : source;
	});
}
