/**
 * Arrow table -> plain rows. Reads column by column (much faster than Arrow's row proxies) and
 * normalises types so callers only meet numbers, strings, booleans, ISO dates and nulls.
 */
import { DataType, type Table, type Vector } from 'apache-arrow';
import type { Row, Value } from './engine';

const MS_PER_DAY = 86_400_000;

/** Milliseconds since the epoch (UTC) -> `yyyy-mm-dd`. */
export function isoDate(ms: number): string {
	return new Date(Math.floor(ms / MS_PER_DAY) * MS_PER_DAY).toISOString().slice(0, 10);
}

function converter(type: DataType): (v: unknown) => Value {
	// Dictionary-encoded columns (common in Arrow files from other tools) read as their values.
	if (DataType.isDictionary(type)) return converter(type.dictionary);
	if (DataType.isDate(type) || DataType.isTimestamp(type)) {
		return (v) => (v == null ? null : isoDate(v instanceof Date ? v.getTime() : Number(v)));
	}
	if (DataType.isInt(type) || DataType.isFloat(type) || DataType.isDecimal(type)) {
		return (v) => (v == null ? null : Number(v));
	}
	if (DataType.isBool(type) || DataType.isUtf8(type) || DataType.isLargeUtf8(type)) {
		return (v) => (v == null ? null : (v as Value));
	}
	// Lists, structs and the rest: their JSON form, as text.
	return (v) => {
		if (v == null) return null;
		const j = typeof (v as { toJSON?: () => unknown }).toJSON === 'function' ? (v as { toJSON: () => unknown }).toJSON() : v;
		return JSON.stringify(j, (_k, x) => (typeof x === 'bigint' ? Number(x) : x));
	};
}

export function toRows<R extends object = Row>(table: Table): R[] {
	const n = table.numRows;
	const fields = table.schema.fields;
	const rows: Row[] = new Array(n);
	for (let i = 0; i < n; i++) rows[i] = {};
	fields.forEach((field, c) => {
		const vector = table.getChildAt(c) as Vector | null;
		const convert = converter(field.type);
		for (let i = 0; i < n; i++) rows[i][field.name] = convert(vector?.get(i));
	});
	return rows as R[];
}
