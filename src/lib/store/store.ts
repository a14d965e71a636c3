/**
 * Datasets kept in the browser. A stored dataset is its description (`StoredInfo`: id, name,
 * imported-at time, row counts, the DatasetMeta) plus one Arrow IPC buffer per table, each under
 * its own key, so listing reads only the small descriptions. Writing a dataset, renaming and
 * removing are each one all-or-nothing `KeyValue.write`.
 *
 * A damaged entry (a description that is not one, a missing table) never breaks the list: `list`
 * reports it as a problem in words beside the good ones, and `remove` can still delete it.
 * No clock or randomness inside: the time and the id generator are passed in.
 */
import { tableFromIPC } from 'apache-arrow';
import { CORE_TABLE_NAMES, TABLE_NAMES, mayBeMissing, type DatasetMeta, type TableName } from '../model/schema';
import type { KeyValue } from './keyvalue';

export interface StoredInfo {
	id: string;
	/** Name shown on screen (the user can change it). */
	name: string;
	/** When it was stored, ISO date-time (UTC). */
	imported_at: string;
	/** Rows per table, counted from the stored buffers. */
	row_counts: Record<TableName, number>;
	meta: DatasetMeta;
}

export interface StoredDataset extends StoredInfo {
	buffers: Record<TableName, Uint8Array>;
}

/** A stored entry that could not be read, in words; it can still be removed by id. */
export interface StoreProblem {
	id: string;
	message: string;
}

export interface DatasetList {
	/** Newest first. */
	datasets: StoredInfo[];
	problems: StoreProblem[];
}

export interface NewDataset {
	name: string;
	meta: DatasetMeta;
	buffers: Record<TableName, Uint8Array>;
}

export class StoreError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'StoreError';
	}
}

export interface DatasetStore {
	list(): Promise<DatasetList>;
	/** The whole dataset; throws a StoreError in words when it is missing or damaged. */
	get(id: string): Promise<StoredDataset>;
	put(dataset: NewDataset): Promise<StoredInfo>;
	rename(id: string, name: string): Promise<StoredInfo>;
	remove(id: string): Promise<void>;
}

export interface StoreDeps {
	/** The time to record as "imported at". */
	now: () => Date;
	/** A new unique id (no "/"). */
	newId: () => string;
}

const PREFIX = 'dataset/';
const infoKey = (id: string) => `${PREFIX}${id}/info`;
const tableKey = (id: string, t: TableName) => `${PREFIX}${id}/table/${t}`;
const idOf = (key: string) => key.slice(PREFIX.length).split('/')[0];

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Why a stored description is not a usable StoredInfo, or null when it is. */
export function infoProblem(v: unknown, id: string): string | null {
	if (!isRecord(v)) return 'its description is missing or unreadable';
	if (v.id !== id) return 'its description belongs to another entry';
	if (typeof v.name !== 'string' || !v.name.trim()) return 'it has no name';
	if (typeof v.imported_at !== 'string' || Number.isNaN(Date.parse(v.imported_at))) return 'it has no import time';
	if (!isRecord(v.row_counts) || CORE_TABLE_NAMES.some((t) => typeof (v.row_counts as Record<string, unknown>)[t] !== 'number')) {
		return 'its row counts are missing';
	}
	if (!isRecord(v.meta) || typeof v.meta.name !== 'string' || !isRecord(v.meta.files)) return 'its metadata is unreadable';
	return null;
}

function countRows(t: TableName, bytes: unknown): number {
	if (!(bytes instanceof Uint8Array) || bytes.byteLength === 0) throw new StoreError(`The table ${t} is empty or missing.`);
	try {
		return tableFromIPC(bytes).numRows;
	} catch (e) {
		throw new StoreError(`The table ${t} could not be read as an Arrow IPC stream (${(e as Error).message}).`);
	}
}

function cleanName(name: string): string {
	const n = name.trim().replace(/\s+/g, ' ');
	if (!n) throw new StoreError('A dataset needs a name.');
	if (n.length > 200) throw new StoreError('That name is too long (200 characters at most).');
	return n;
}

export function createDatasetStore(kv: KeyValue, deps: StoreDeps): DatasetStore {
	async function readInfo(id: string): Promise<StoredInfo> {
		const v = await kv.get(infoKey(id));
		if (v === undefined) throw new StoreError('There is no stored dataset with that id (it may have been deleted in another tab).');
		const problem = infoProblem(v, id);
		if (problem) throw new StoreError(`The stored dataset is damaged: ${problem}.`);
		return v as unknown as StoredInfo;
	}

	return {
		async list() {
			const keys = await kv.keys(PREFIX);
			const byId = new Map<string, Set<string>>();
			for (const k of keys) {
				const id = idOf(k);
				if (!byId.has(id)) byId.set(id, new Set());
				byId.get(id)!.add(k);
			}
			const datasets: StoredInfo[] = [];
			const problems: StoreProblem[] = [];
			for (const [id, own] of byId) {
				try {
					const v = own.has(infoKey(id)) ? await kv.get(infoKey(id)) : undefined;
					// A dataset kept before a table was added to the model lacks it (it opens with the table empty).
					const missing = CORE_TABLE_NAMES.filter((t) => !own.has(tableKey(id, t)));
					const problem =
						infoProblem(v, id) ?? (missing.length ? `its table${missing.length > 1 ? 's' : ''} ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} missing` : null);
					if (problem) problems.push({ id, message: `A stored dataset could not be read: ${problem}.` });
					else datasets.push(v as unknown as StoredInfo);
				} catch (e) {
					problems.push({ id, message: `A stored dataset could not be read: ${(e as Error)?.message ?? String(e)}.` });
				}
			}
			datasets.sort((a, b) => b.imported_at.localeCompare(a.imported_at) || a.name.localeCompare(b.name));
			return { datasets, problems };
		},

		async get(id) {
			const info = await readInfo(id);
			const entries = await Promise.all(
				TABLE_NAMES.map(async (t) => {
					const v = await kv.get(tableKey(id, t));
					if (v === undefined && mayBeMissing(t)) return [t, (await import('../model/migrate')).emptyTableIPC(t)] as const;
					if (!(v instanceof Uint8Array) || v.byteLength === 0) {
						throw new StoreError(`The stored dataset "${info.name}" is damaged: its table ${t} is missing.`);
					}
					return [t, v] as const;
				})
			);
			return { ...info, buffers: Object.fromEntries(entries) as Record<TableName, Uint8Array> };
		},

		async put({ name, meta, buffers }) {
			const row_counts = Object.fromEntries(TABLE_NAMES.map((t) => [t, countRows(t, buffers?.[t])])) as Record<TableName, number>;
			const id = deps.newId();
			if (!id || id.includes('/')) throw new StoreError('Internal: an id must be non-empty and have no "/".');
			const info: StoredInfo = { id, name: cleanName(name), imported_at: deps.now().toISOString(), row_counts, meta };
			await kv.write([[infoKey(id), info], ...TABLE_NAMES.map((t) => [tableKey(id, t), buffers[t]] as const)]);
			return info;
		},

		async rename(id, name) {
			const info = { ...(await readInfo(id)), name: cleanName(name) };
			await kv.write([[infoKey(id), info]]);
			return info;
		},

		async remove(id) {
			// Every key of the entry, whatever state it is in.
			await kv.write([], await kv.keys(`${PREFIX}${id}/`));
		}
	};
}
