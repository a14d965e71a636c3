/**
 * Datasets made before the model grew: what a reader does with a dataset that lacks a table added
 * since (`ADDED_TABLES` in schema.ts). Kept in a browser (src/lib/store) or written by
 * `npm run import` before kinds of change were kept, such a dataset has five tables; it still
 * opens, with the missing tables empty (the loader, src/lib/db/dataset.ts, then fills what it can).
 *
 * The empty tables are written with the CSP-safe Arrow writer of the import (no `new Function`), so
 * this runs in the page and in workers alike. Readers import this module only when a table is
 * missing (dynamically), so it is not part of the first page's code.
 */
import { rowsToIPC } from '../import/arrow-data';
import { CORE_TABLE_NAMES, TABLE_NAMES, mayBeMissing, tableDef, type TableName } from './schema';

/** An Arrow IPC stream of the table with its columns and no rows. */
export function emptyTableIPC(name: TableName): Uint8Array {
	return rowsToIPC(tableDef(name), []);
}

export { mayBeMissing };

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

/** The load report in plain words. */
export function loadNotices(r: { addedTables: readonly string[]; addedColumns: readonly string[]; taggedRecommendations: number }): string[] {
	const out: string[] = [];
	const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
	if (r.addedTables.length)
		out.push(
			`This dataset was made before the table${r.addedTables.length > 1 ? 's' : ''} ${r.addedTables.join(', ')} existed: ${r.addedTables.length > 1 ? 'they were' : 'it was'} created empty; nothing in the dataset was changed.`
		);
	if (r.addedColumns.length)
		out.push(`This dataset was made before the column${r.addedColumns.length > 1 ? 's' : ''} ${r.addedColumns.join(', ')} existed: left empty.`);
	if (r.taggedRecommendations)
		out.push(
			`${plural(r.taggedRecommendations, 'recommendation had', 'recommendations had')} no kind of change recorded: read from ${r.taggedRecommendations === 1 ? 'its' : 'their'} text by the tagger and marked as automatic ('auto', with the tagger's confidence).`
		);
	return out;
}
