/**
 * The types and pure helpers of the table components (DataTable's columns, cells and sorting), kept
 * out of the components so that views and queries can name them without importing a component.
 */
import { formatCount as formatHidden } from '../format';

export type Cell = string | number | boolean | null | undefined;
export type SortDir = 'ascending' | 'descending';
export interface SortState {
	key: string;
	dir: SortDir;
}

export interface Column<R> {
	/** Unique among the columns; also the row field shown, unless `format` says otherwise. */
	key: string;
	label: string;
	/** 'right' for numbers. */
	align?: 'left' | 'right';
	/** Text of a cell (default: the value as text, '–' when empty). */
	format?: (value: Cell, row: R) => string;
	/** Default true. */
	sortable?: boolean;
	/** What the column sorts by (default the row's field). Empty values always sort last. */
	sortValue?: (row: R) => Cell;
	/** The first press sorts descending (for counts and durations, where the biggest matter most). */
	descFirst?: boolean;
}

const collator = new Intl.Collator('en-GB', { numeric: true, sensitivity: 'base' });

/** Compare two cell values: numbers as numbers, text by the en-GB collation; empty values last whatever the direction. */
function compare(a: Cell, b: Cell, dir: SortDir): number {
	// A hidden count (NaN, small-number protection) is known only to lie between 0 and the threshold.
	if (typeof a === 'number' && Number.isNaN(a)) a = 0.5;
	if (typeof b === 'number' && Number.isNaN(b)) b = 0.5;
	const ea = a == null || a === '';
	const eb = b == null || b === '';
	if (ea || eb) return ea === eb ? 0 : ea ? 1 : -1;
	const c =
		typeof a === 'number' && typeof b === 'number'
			? a - b
			: typeof a === 'boolean' && typeof b === 'boolean'
				? Number(a) - Number(b)
				: collator.compare(String(a), String(b));
	return dir === 'ascending' ? c : -c;
}

/** The value of a row for a column. */
export function cellValue<R>(row: R, col: Column<R>): Cell {
	return (row as Record<string, Cell>)[col.key];
}

/** The text of a row's cell for a column. */
export function cellText<R>(row: R, col: Column<R>): string {
	const v = cellValue(row, col);
	if (col.format) return col.format(v, row);
	if (typeof v === 'number') return Number.isNaN(v) ? formatHidden(v) : String(v);
	return v == null || v === '' ? '–' : String(v);
}

/** Rows in the order of `sort` (stable: ties keep their given order); the given order when no sort. */
export function sortRows<R>(rows: readonly R[], columns: readonly Column<R>[], sort: SortState | null | undefined): R[] {
	const col = sort && columns.find((c) => c.key === sort.key);
	if (!sort || !col) return [...rows];
	const value = col.sortValue ?? ((r: R) => cellValue(r, col));
	return rows
		.map((row, i) => ({ row, i, v: value(row) }))
		.sort((x, y) => compare(x.v, y.v, sort.dir) || x.i - y.i)
		.map((x) => x.row);
}

/** A cell of a chart's table twin: its text, or its text in bold (a total) or with a muted detail after it ("(3 of 7)"). */
export type TwinCell = string | { text: string; strong?: boolean; detail?: string };

/** A row of a table twin: its key, the label that heads it, and its cells (one per column). */
export interface TwinRow {
	key: string;
	label: string;
	cells: TwinCell[];
}

/** A column of figures in a table twin (right-aligned). */
export interface TwinColumn {
	key: string;
	label: string;
}
