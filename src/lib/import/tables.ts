/** Parquet, Arrow IPC and JSON (array of records) -> Source: already tabular, headers are the field names. */
import { tableFromIPC } from 'apache-arrow';
import { parquetReadObjects } from 'hyparquet';
import { decodeText } from './decode';
import { ImportError, type Cell, type Source } from './types';

function cellOf(v: unknown): Cell {
	if (v == null) return null;
	if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString().slice(0, 10);
	if (typeof v === 'bigint') return Number(v);
	if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
	return JSON.stringify(v);
}

function fromRecords(file: string, records: Record<string, unknown>[], fields?: string[]): Source {
	const headers = fields ?? [...new Set(records.flatMap((r) => Object.keys(r)))];
	return {
		file,
		headers,
		rows: records.map((r) => headers.map((h) => cellOf(r[h]))),
		rowNumbers: records.map((_, i) => i + 1),
		notes: []
	};
}

export async function readParquet(bytes: Uint8Array, file: string): Promise<Source> {
	try {
		const buffer = bytes.slice().buffer as ArrayBuffer;
		const records = (await parquetReadObjects({ file: buffer })) as Record<string, unknown>[];
		return fromRecords(file, records);
	} catch (e) {
		throw new ImportError(`${file}: could not be read as Parquet; it may be truncated or damaged (${(e as Error).message}).`, file);
	}
}

export function readArrow(bytes: Uint8Array, file: string): Source {
	try {
		const table = tableFromIPC(bytes);
		const fields = table.schema.fields.map((f) => f.name);
		if (fields.length === 0) throw new Error('no columns');
		return fromRecords(file, table.toArray().map((r) => r.toJSON() as Record<string, unknown>), fields);
	} catch (e) {
		throw new ImportError(`${file}: could not be read as an Arrow IPC file (${(e as Error).message}).`, file);
	}
}

export function readJson(bytes: Uint8Array, file: string): Source {
	let data: unknown;
	try {
		data = JSON.parse(decodeText(bytes).text);
	} catch (e) {
		throw new ImportError(`${file}: is not valid JSON; it may be truncated (${(e as Error).message}).`, file);
	}
	if (!Array.isArray(data) || !data.every((r) => r !== null && typeof r === 'object' && !Array.isArray(r)))
		throw new ImportError(`${file}: JSON must be an array of records ({"column": value, ...}).`, file);
	return fromRecords(file, data as Record<string, unknown>[]);
}
