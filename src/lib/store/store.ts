/**
 * Datasets kept in the browser. A stored dataset is its description (`StoredInfo`: id, name,
 * imported-at time, row counts, the DatasetMeta) plus one Arrow IPC buffer per table, each under
 * its own key, so listing reads only the small descriptions. Writing a dataset, renaming and
 * removing are each one all-or-nothing `KeyValue.write`.
 *
 * Versions: `update` keeps the next version of a dataset under the same id and moves the one it
 * replaces aside (its description and tables under `dataset/<id>/version/<n>/…`), so it can be
 * restored; the last `KEEP_VERSIONS` earlier versions are kept, older ones deleted in the same
 * write. Restoring is itself a new version, so nothing is lost by it. A dataset kept before
 * versions existed is version 1 with no earlier ones.
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
	/** Number of this version, from 1; absent on datasets kept before versions existed (= 1). */
	version?: number;
	/** Set when this version is an earlier one restored: the number of the version restored. */
	restored_from?: number;
}

/** One version of a stored dataset, as `versions` lists it. */
export interface VersionInfo {
	version: number;
	/** When this version was stored, ISO date-time (UTC). */
	saved_at: string;
	row_counts: Record<TableName, number>;
	meta: DatasetMeta;
	restored_from?: number;
	/** The version open now (the others can be restored). */
	current: boolean;
}

/** How many earlier versions of a dataset are kept, besides the current one. */
export const KEEP_VERSIONS = 5;

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
	/** One table of a stored dataset (the reviews, to see which reviews an import shares with it). */
	table(id: string, table: TableName): Promise<Uint8Array>;
	/**
	 * Keep `next` as the new version of dataset `id` (same id and name), the version it replaces
	 * kept restorable; in one all-or-nothing write.
	 */
	update(id: string, next: { meta: DatasetMeta; buffers: Record<TableName, Uint8Array> }, options?: { restoredFrom?: number }): Promise<StoredInfo>;
	/** Every version kept, newest first (the current one first). */
	versions(id: string): Promise<VersionInfo[]>;
	/** Make an earlier version the current one again, as a new version (the current one is kept too). */
	restore(id: string, version: number): Promise<StoredInfo>;
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
const versionPrefix = (id: string, n: number) => `${PREFIX}${id}/version/${n}/`;
const versionInfoKey = (id: string, n: number) => `${versionPrefix(id, n)}info`;
const versionTableKey = (id: string, n: number, t: TableName) => `${versionPrefix(id, n)}table/${t}`;
const versionOfKey = (id: string, key: string) => {
	const m = key.slice(`${PREFIX}${id}/version/`.length).match(/^(\d+)\/info$/);
	return m ? Number(m[1]) : null;
};

/** What an archived version's description holds. */
interface ArchivedVersion {
	version: number;
	saved_at: string;
	row_counts: Record<TableName, number>;
	meta: DatasetMeta;
	restored_from?: number;
}

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

	const self: DatasetStore = {
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
			// Every key of the entry, whatever state it is in (its earlier versions too).
			await kv.write([], await kv.keys(`${PREFIX}${id}/`));
		},

		async table(id, t) {
			const v = await kv.get(tableKey(id, t));
			if (!(v instanceof Uint8Array) || v.byteLength === 0) throw new StoreError(`The stored dataset is damaged: its table ${t} is missing.`);
			return v;
		},

		async update(id, next, options = {}) {
			const row_counts = Object.fromEntries(TABLE_NAMES.map((t) => [t, countRows(t, next.buffers?.[t])])) as Record<TableName, number>;
			const current = await self.get(id);
			const n = current.version ?? 1;
			const archived: ArchivedVersion = { version: n, saved_at: current.imported_at, row_counts: current.row_counts, meta: current.meta, ...(current.restored_from ? { restored_from: current.restored_from } : {}) };
			const info: StoredInfo = {
				id,
				name: current.name,
				imported_at: deps.now().toISOString(),
				row_counts,
				meta: next.meta,
				version: n + 1,
				...(options.restoredFrom ? { restored_from: options.restoredFrom } : {})
			};
			// Versions beyond the last KEEP_VERSIONS earlier ones go, in the same write.
			const kept = (await self.versions(id)).filter((v) => !v.current).map((v) => v.version);
			const drop = kept.filter((v) => v <= n - KEEP_VERSIONS);
			const deletes = (await Promise.all(drop.map((v) => kv.keys(versionPrefix(id, v))))).flat();
			await kv.write(
				[
					[versionInfoKey(id, n), archived],
					...TABLE_NAMES.map((t) => [versionTableKey(id, n, t), current.buffers[t]] as const),
					[infoKey(id), info],
					...TABLE_NAMES.map((t) => [tableKey(id, t), next.buffers[t]] as const)
				],
				deletes
			);
			return info;
		},

		async versions(id) {
			const info = await readInfo(id);
			const out: VersionInfo[] = [
				{ version: info.version ?? 1, saved_at: info.imported_at, row_counts: info.row_counts, meta: info.meta, current: true, ...(info.restored_from ? { restored_from: info.restored_from } : {}) }
			];
			for (const key of await kv.keys(`${PREFIX}${id}/version/`)) {
				const n = versionOfKey(id, key);
				if (n === null) continue;
				const v = (await kv.get(key)) as ArchivedVersion | undefined;
				if (!isRecord(v) || typeof v.version !== 'number' || !isRecord(v.meta)) continue;
				out.push({ version: v.version, saved_at: v.saved_at, row_counts: v.row_counts, meta: v.meta, current: false, ...(v.restored_from ? { restored_from: v.restored_from } : {}) });
			}
			return out.sort((a, b) => b.version - a.version);
		},

		async restore(id, version) {
			const v = (await kv.get(versionInfoKey(id, version))) as ArchivedVersion | undefined;
			if (!isRecord(v)) throw new StoreError(`Version ${version} of this dataset is no longer kept.`);
			const entries = await Promise.all(
				TABLE_NAMES.map(async (t) => {
					const b = await kv.get(versionTableKey(id, version, t));
					if (!(b instanceof Uint8Array) || b.byteLength === 0) throw new StoreError(`Version ${version} of this dataset is damaged: its table ${t} is missing.`);
					return [t, b] as const;
				})
			);
			return self.update(id, { meta: v.meta, buffers: Object.fromEntries(entries) as Record<TableName, Uint8Array> }, { restoredFrom: version });
		}
	};
	return self;
}
