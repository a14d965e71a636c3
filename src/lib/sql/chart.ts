/**
 * A quick chart of a console result: which columns can be an axis, and the result turned into the
 * data of BarChart (a category x, a numeric y) or LineChart (a numeric x, a numeric y).
 */
import type { Row } from '../db/engine';
import type { ResultColumn } from './console';

export type ChartKind = 'bar' | 'line';
/** Bars beyond this many are not drawn (the table holds them all). */
export const MAX_BARS = 50;

export const isNumeric = (c: ResultColumn) => /^(INTEGER|BIGINT|DOUBLE|DECIMAL)$/.test(c.type);

/** A sensible first choice: the first non-numeric column as x (else the first), the first numeric other column as y. */
export function defaultAxes(columns: ResultColumn[]): { x: string; y: string } | null {
	const nums = columns.filter(isNumeric);
	if (nums.length === 0) return null;
	const x = columns.find((c) => !isNumeric(c)) ?? columns[0];
	const y = nums.find((c) => c.name !== x.name) ?? nums[0];
	return { x: x.name, y: y.name };
}

export function barData(rows: Row[], x: string, y: string) {
	return rows.slice(0, MAX_BARS).map((r, i) => ({
		// The row number keeps keys unique when x repeats.
		key: `${i}`,
		label: r[x] == null ? 'NULL' : String(r[x]),
		value: typeof r[y] === 'number' ? (r[y] as number) : 0
	}));
}

export function lineSeries(rows: Row[], x: string, y: string) {
	const points = rows
		.filter((r) => typeof r[x] === 'number' && typeof r[y] === 'number')
		.map((r) => ({ x: r[x] as number, y: r[y] as number }))
		.sort((a, b) => a.x - b.x);
	return [{ key: y, label: y, points }];
}
