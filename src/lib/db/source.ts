/**
 * Fetching a dataset shipped as files beside the app: `meta.json` plus one Arrow IPC stream per
 * table. Only same-origin URLs are used.
 */
import { TABLE_NAMES, mayBeMissing, type DatasetMeta, type TableName } from '../model/schema';

export interface FetchedDataset {
	meta: DatasetMeta;
	buffers: Record<TableName, Uint8Array>;
}

async function get(url: string, fetchFn: typeof fetch): Promise<Response> {
	const res = await fetchFn(url);
	if (!res.ok) throw new Error(`${url} could not be fetched (HTTP ${res.status}).`);
	return res;
}

/** Fetch `meta.json` only: small, so the page can say what it is loading straight away. */
export async function fetchMeta(baseUrl: string, fetchFn: typeof fetch = fetch): Promise<DatasetMeta> {
	return (await get(`${baseUrl}/meta.json`, fetchFn)).json();
}

/** Fetch every table file named in the metadata, in parallel (a table added to the model since the files were written comes back empty). */
export async function fetchTables(
	baseUrl: string,
	meta: DatasetMeta,
	fetchFn: typeof fetch = fetch
): Promise<Record<TableName, Uint8Array>> {
	const entries = await Promise.all(
		TABLE_NAMES.filter((t) => meta.files[t] || !mayBeMissing(t)).map(async (t) => {
			const file = meta.files[t];
			if (!file) throw new Error(`The dataset's meta.json names no file for the table ${t}.`);
			const bytes = new Uint8Array(await (await get(`${baseUrl}/${file}`, fetchFn)).arrayBuffer());
			return [t, bytes] as const;
		})
	);
	const got = Object.fromEntries(entries) as Record<TableName, Uint8Array>;
	if (TABLE_NAMES.every((t) => got[t])) return got;
	return (await import('../model/migrate')).withAddedTables(got).buffers;
}
