/**
 * Rows -> Arrow IPC without Arrow's builders. The builders compile a null test with
 * `new Function`, which the app's Content-Security-Policy (no eval) forbids in the page and in the
 * import worker; here each column's buffers (validity bitmap, values, UTF-8 offsets) are laid out
 * by hand and wrapped with `makeData`, in the model's types (VARCHAR -> Utf8, INTEGER -> Int32,
 * DOUBLE -> Float64, DATE -> DateDay, BOOLEAN -> Bool), so the files equal what `model/arrow.ts` writes.
 */
import { Bool, DateDay, Float64, Int32, Table, Utf8, makeData, makeVector, tableToIPC, type Vector } from 'apache-arrow';
import type { ColumnType, TableDef } from '../model/schema';
import type { CellIn } from '../model/arrow';

const DAY = 86_400_000;

function validity(values: readonly CellIn[]): { bitmap: Uint8Array; nulls: number } {
	const bitmap = new Uint8Array((values.length + 7) >> 3);
	let nulls = 0;
	values.forEach((v, i) => {
		if (v == null) nulls++;
		else bitmap[i >> 3] |= 1 << (i & 7);
	});
	return { bitmap, nulls };
}

const dayOf = (v: CellIn) => (v instanceof Date ? Math.floor(v.getTime() / DAY) : Math.floor(Date.parse(`${String(v)}T00:00:00Z`) / DAY));

function column(type: ColumnType, values: readonly CellIn[]): Vector {
	const length = values.length;
	const { bitmap, nulls } = validity(values);
	const nullBitmap = nulls > 0 ? bitmap : undefined;
	switch (type) {
		case 'INTEGER':
			return makeVector(makeData({ type: new Int32(), length, nullCount: nulls, nullBitmap, data: Int32Array.from(values, (v) => (v == null ? 0 : Number(v))) }));
		case 'DOUBLE':
			return makeVector(makeData({ type: new Float64(), length, nullCount: nulls, nullBitmap, data: Float64Array.from(values, (v) => (v == null ? 0 : Number(v))) }));
		case 'DATE':
			return makeVector(makeData({ type: new DateDay(), length, nullCount: nulls, nullBitmap, data: Int32Array.from(values, (v) => (v == null ? 0 : dayOf(v))) }));
		case 'BOOLEAN': {
			const data = new Uint8Array((length + 7) >> 3);
			values.forEach((v, i) => v === true && (data[i >> 3] |= 1 << (i & 7)));
			return makeVector(makeData({ type: new Bool(), length, nullCount: nulls, nullBitmap, data }));
		}
		default: {
			const encoder = new TextEncoder();
			const parts = values.map((v) => (v == null ? new Uint8Array(0) : encoder.encode(String(v))));
			const valueOffsets = new Int32Array(length + 1);
			parts.forEach((p, i) => (valueOffsets[i + 1] = valueOffsets[i] + p.length));
			const data = new Uint8Array(valueOffsets[length]);
			parts.forEach((p, i) => data.set(p, valueOffsets[i]));
			return makeVector(makeData({ type: new Utf8(), length, nullCount: nulls, nullBitmap, valueOffsets, data }));
		}
	}
}

/** One model table from row objects, as an Arrow IPC stream. */
export function rowsToIPC(def: TableDef, rows: readonly Record<string, CellIn>[]): Uint8Array {
	const vectors = Object.fromEntries(def.columns.map((c) => [c.name, column(c.type, rows.map((r) => r[c.name] ?? null))]));
	return tableToIPC(new Table(vectors), 'stream');
}
