/**
 * Where a dataset is read from: the built-in demo (files served beside the app) or this browser's
 * store (IndexedDB, `$lib/store`, fetched only when first used). Either way it comes as files hold
 * it: its meta and one Arrow IPC buffer per table. `openDataset` loads what a reader gives into
 * the engine.
 */
import { defaultAsAt } from '$lib/model/as-at';
import { asset } from '$app/paths';
import { DatasetError, loadDataset, rowCounts } from '$lib/db/dataset';
import type { Engine } from '$lib/db/engine';
import { fetchMeta, fetchTables } from '$lib/db/source';
import type { Dimension } from '$lib/filters/filters';
import type { DatasetMeta, TableName } from '$lib/model/schema';
import { knownValues } from '$lib/queries/options';

/** Where the built-in demo dataset is served. */
export const DEMO_DATASET_URL = '/data/demo';

export type Buffers = Record<TableName, Uint8Array>;
export type Loaded = { meta: DatasetMeta; buffers: Buffers };
/** Reads a dataset; `onMeta` hears its meta as soon as it is known, before the tables are in. */
export type Reader = (onMeta: (meta: DatasetMeta) => void) => Promise<Loaded>;

/** This browser's dataset store. */
export const store = () => import('$lib/store/browser').then((m) => m.browserStore());

/** What went wrong, in words. */
export const words = (e: unknown) => (e instanceof DatasetError ? e.message : ((e as Error)?.message ?? String(e)));

/** Today (UTC), the as-at date of a dataset that names none. */

/** The demo's meta.json alone. */
export const demoMeta = () => fetchMeta(asset(DEMO_DATASET_URL));

/** The demo's meta and tables. */
export async function readDemo(onMeta: (meta: DatasetMeta) => void): Promise<Loaded> {
	const meta = await demoMeta();
	onMeta(meta);
	return { meta, buffers: await fetchTables(asset(DEMO_DATASET_URL), meta) };
}

/** A stored dataset's meta and tables, under the name the user gave it (it wins over the one in the files). */
export async function readStored(id: string): Promise<Loaded> {
	const d = await (await store()).get(id);
	return { meta: { ...d.meta, name: d.name }, buffers: d.buffers };
}

/** A dataset loaded into the engine, with what every page reads first. */
export interface Opened {
	engine: Engine;
	meta: DatasetMeta;
	counts: Record<TableName, number>;
	known: Record<Dimension, Set<string>>;
	/** What the load did to a dataset made before the model grew (kinds of change tagged from the text), in words. */
	notices: string[];
}

/**
 * Start the engine and read the dataset side by side (the engine is the slow part: wasm fetch and
 * compile), then load it all or nothing (`loadDataset`: on failure the engine holds what it held).
 */
export async function openDataset(read: Reader, onMeta: (meta: DatasetMeta) => void): Promise<Opened> {
	const engineP = import('$lib/db/browser').then((m) => m.startEngine());
	engineP.catch(() => {}); // reported by the await below, once
	const [engine, { meta, buffers }] = await Promise.all([engineP, read(onMeta)]);
	const { notices } = await loadDataset(engine, buffers, meta.files);
	const counts = await rowCounts(engine);
	const known = await knownValues(engine, defaultAsAt(meta));
	return { engine, meta, counts, known, notices };
}
