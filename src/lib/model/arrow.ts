/**
 * Rows -> Arrow, typed by the data model: the one place that knows how a model column is laid out
 * in Arrow (VARCHAR -> Utf8, INTEGER -> Int32, DOUBLE -> Float64, DATE -> DateDay, BOOLEAN -> Bool). Used to write
 * datasets and test fixtures.
 */
import { Bool, DateDay, Float64, Int32, Table, Utf8, tableToIPC, vectorFromArray, type DataType } from 'apache-arrow';
import type { ColumnType, TableDef } from './schema';

const ARROW_TYPE: Record<ColumnType, () => DataType> = {
	VARCHAR: () => new Utf8(),
	INTEGER: () => new Int32(),
	DOUBLE: () => new Float64(),
	DATE: () => new DateDay(),
	BOOLEAN: () => new Bool()
};

/** The Arrow type of a model column type. */
export function arrowType(type: ColumnType): DataType {
	return ARROW_TYPE[type]();
}

/** `yyyy-mm-dd` -> a Date at UTC midnight (Arrow's DateDay counts whole UTC days). */
export function utcDate(iso: string): Date {
	return new Date(`${iso}T00:00:00Z`);
}

export type CellIn = string | number | boolean | Date | null | undefined;

/** Build a table with exactly the model's columns, in order, from column arrays. */
export function tableFromColumns(def: TableDef, columns: Record<string, readonly CellIn[]>): Table {
	const vectors = Object.fromEntries(
		def.columns.map((c) => {
			const values = (columns[c.name] ?? []).map((v) =>
				v == null ? null : c.type === 'DATE' && typeof v === 'string' ? utcDate(v) : v
			);
			return [c.name, vectorFromArray(values, arrowType(c.type))];
		})
	);
	return new Table(vectors);
}

/** Build a table from row objects (fine for fixtures and thousands of rows). */
export function tableFromRows(def: TableDef, rows: readonly Record<string, CellIn>[]): Table {
	const columns = Object.fromEntries(def.columns.map((c) => [c.name, rows.map((r) => r[c.name])]));
	return tableFromColumns(def, columns);
}

/** Arrow IPC stream bytes, the format the app ships and loads. */
export function toIPC(table: Table): Uint8Array {
	return tableToIPC(table, 'stream');
}
