/**
 * The update of a kept dataset, on the import worker's side: the checked import's tables stay in
 * the worker (its ImportSession), the kept dataset's tables come from the page as the Arrow IPC
 * buffers the store keeps. Plain TypeScript over an ImportSession, so the tests run it under Node.
 */
import { tableFromIPC } from 'apache-arrow';
import { toRows } from '../db/rows';
import { TABLE_NAMES, type TableName } from '../model/schema';
import type { Row, Tables } from './build';
import { datasetBuffers } from './importer';
import type { ImportSession } from './session';
import { applyUpdate, compareTables, reviewsInCommon, type UpdateChanges } from './update';

type Buffers = Record<TableName, Uint8Array>;

/** Arrow IPC buffers -> the model's tables as plain rows (dates as yyyy-mm-dd). */
export function tablesOf(buffers: Buffers): Tables {
	return Object.fromEntries(TABLE_NAMES.map((t) => [t, toRows<Row>(tableFromIPC(buffers[t]))])) as Tables;
}

/** A kept dataset as the page sends it. */
export interface KeptTables {
	buffers: Buffers;
	as_at: string | null;
}

export type UpdateRequest =
	| { type: 'common'; kept: { id: string; reviews: Uint8Array }[] }
	| { type: 'compare'; kept: KeptTables; asAt: string | null }
	| { type: 'merge'; kept: KeptTables; asAt: string | null };

export const isUpdateRequest = (m: { type: string }): m is UpdateRequest => m.type === 'common' || m.type === 'compare' || m.type === 'merge';

/** How many reviews of the checked import each kept dataset has. */
export type CommonReply = { id: string; reviews: number }[];
/** The update's changes, and for 'merge' the updated dataset's buffers. */
export interface MergeReply {
	changes: UpdateChanges;
	buffers: Buffers;
	row_counts: Record<TableName, number>;
}

/** The checked import's tables (refused, in words, while it has blocking problems). */
const incoming = (session: ImportSession) => tablesOf(session.buffers());

export function updateReply(session: ImportSession, m: UpdateRequest): CommonReply | UpdateChanges | MergeReply {
	const inc = incoming(session);
	if (m.type === 'common') return m.kept.map((k) => ({ id: k.id, reviews: reviewsInCommon(toRows<Row>(tableFromIPC(k.reviews)), inc.reviews) }));
	const kept = tablesOf(m.kept.buffers);
	// With no as-at date on either side, the comparison is made at the kept one (or the import's).
	const asAt = m.asAt ?? m.kept.as_at ?? '9999-12-31';
	const changes = compareTables(kept, inc, { asAt, keptAsAt: m.kept.as_at ?? asAt });
	if (m.type === 'compare') return changes;
	const tables = applyUpdate(kept, inc);
	const row_counts = Object.fromEntries(TABLE_NAMES.map((t) => [t, tables[t].length])) as Record<TableName, number>;
	return { changes, buffers: datasetBuffers({ tables }), row_counts };
}
