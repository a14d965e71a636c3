/**
 * A dataset's tables as Parquet files (hyparquet-writer), one per table, typed as the data model
 * says: text as UTF-8 strings, whole numbers as INT32, dates as DATE, yes/no as BOOLEAN; every
 * column nullable. Read back with hyparquet (or DuckDB, pandas, R's arrow) they give the same rows.
 */
import { tableFromIPC } from 'apache-arrow';
import { parquetWriteBuffer } from 'hyparquet-writer';

/** One schema element as hyparquet-writer takes it (its own copy of hyparquet's type). */
type SchemaElement = NonNullable<Parameters<typeof parquetWriteBuffer>[0]['schema']>[number];
import { toRows } from '../db/rows';
import { SCHEMA, TABLE_NAMES, type ColumnType, type TableName } from '../model/schema';

const TYPES = new Map(SCHEMA.flatMap((t) => t.columns.map((c) => [`${t.name}.${c.name}`, c.type] as const)));

function element(name: string, type: ColumnType): SchemaElement {
	const base = { name, repetition_type: 'OPTIONAL' as const };
	switch (type) {
		case 'INTEGER':
			return { ...base, type: 'INT32' };
		case 'DOUBLE':
			return { ...base, type: 'DOUBLE' };
		case 'DATE':
			return { ...base, type: 'INT32', converted_type: 'DATE' };
		case 'BOOLEAN':
			return { ...base, type: 'BOOLEAN' };
		default:
			return { ...base, type: 'BYTE_ARRAY', converted_type: 'UTF8' };
	}
}

/** One table's Arrow IPC stream as a Parquet file. */
export function tableParquet(table: TableName, bytes: Uint8Array): Uint8Array {
	const arrow = tableFromIPC(bytes);
	const names = arrow.schema.fields.map((f) => f.name);
	const rows = toRows(arrow) as Record<string, string | number | boolean | null>[];
	const types = names.map((n) => TYPES.get(`${table}.${n}`) ?? 'VARCHAR');
	const schema: SchemaElement[] = [{ name: 'root', num_children: names.length }, ...names.map((n, i) => element(n, types[i]))];
	const columnData = names.map((name, i) => ({
		name,
		data: rows.map((r) => {
			const v = r[name] ?? null;
			if (v === null) return null;
			if (types[i] === 'DATE') return new Date(`${v}T00:00:00Z`);
			if (types[i] === 'VARCHAR') return String(v);
			return v;
		})
	}));
	return new Uint8Array(parquetWriteBuffer({ columnData, schema }));
}

/** Every table of a dataset as `<stem>-<table>.parquet`. */
export function parquetFiles(stem: string, buffers: Record<TableName, Uint8Array>): { name: string; blob: Blob }[] {
	return TABLE_NAMES.map((t) => ({
		name: `${stem}-${t}.parquet`,
		blob: new Blob([tableParquet(t, buffers[t]) as Uint8Array<ArrayBuffer>], { type: 'application/vnd.apache.parquet' })
	}));
}
