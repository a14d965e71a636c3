/**
 * Datasets made before the model grew: what a reader does with a dataset that lacks a table added
 * since (`ADDED_TABLES` in schema.ts). Kept in a browser (src/lib/store) or written by
 * `npm run import` before kinds of change were kept, such a dataset has five tables; it still
 * opens, with the missing tables empty (the loader, src/lib/db/dataset.ts, then fills what it can).
 *
 * The empty tables are written with the CSP-safe Arrow writer of the import (no `new Function`), so
 * this runs in the page and in workers alike.
 */
import { rowsToIPC } from '../import/arrow-data';
import { ADDED_TABLES, CORE_TABLE_NAMES, TABLE_NAMES, tableDef, type TableName } from './schema';

/** An Arrow IPC stream of the table with its columns and no rows. */
export function emptyTableIPC(name: TableName): Uint8Array {
	return rowsToIPC(tableDef(name), []);
}

/** Whether a dataset may lack this table (it was added to the model after datasets were kept). */
export const mayBeMissing = (name: TableName): boolean => ADDED_TABLES.includes(name);

/** The core tables a set of buffers lacks (an old dataset lacks only added ones, never these). */
export function missingCoreTables(has: (t: TableName) => boolean): TableName[] {
	return CORE_TABLE_NAMES.filter((t) => !has(t));
}

/**
 * Every table of the model: the buffers given, and an empty stream for each added table they lack.
 * `added` names the tables made empty, for the notice that says so.
 */
export function withAddedTables(buffers: Partial<Record<TableName, Uint8Array>>): { buffers: Record<TableName, Uint8Array>; added: TableName[] } {
	const added: TableName[] = [];
	const out = {} as Record<TableName, Uint8Array>;
	for (const t of TABLE_NAMES) {
		const b = buffers[t];
		if (b) out[t] = b;
		else if (mayBeMissing(t)) {
			out[t] = emptyTableIPC(t);
			added.push(t);
		}
	}
	return { buffers: out, added };
}
