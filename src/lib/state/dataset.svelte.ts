/**
 * The loaded dataset and the engine that holds it: one shared state for every page. Loading starts
 * once (from the root layout); the engine and the files are fetched in parallel, and `meta.json`
 * first, so the page can say what is loading (and that it is fictional) before DuckDB is up.
 */
import { asset } from '$app/paths';
import type { Engine } from '$lib/db/engine';
import { DatasetError, loadDataset, rowCounts } from '$lib/db/dataset';
import { fetchMeta, fetchTables } from '$lib/db/source';
import type { DatasetMeta, TableName } from '$lib/model/schema';
import type { Dimension } from '$lib/filters/filters';
import { knownValues } from '$lib/queries/options';

export type Phase = 'idle' | 'loading' | 'ready' | 'error';

/** Where the built-in demo dataset is served. */
export const DEMO_DATASET_URL = '/data/demo';

class DatasetState {
	phase = $state<Phase>('idle');
	/** What went wrong, in words, when phase is 'error'. */
	error = $state<string | null>(null);
	meta = $state<DatasetMeta | null>(null);
	counts = $state<Record<TableName, number> | null>(null);
	/** Every value each filter dimension takes in the data (to check values read from a URL). */
	known = $state.raw<Record<Dimension, Set<string>> | null>(null);
	/** Set when the data is loaded and can be queried. */
	engine = $state.raw<Engine | null>(null);
	/** The as-at date every derived figure uses: the dataset's own, else today (UTC). */
	asAt = $derived(this.meta?.as_at ?? new Date().toISOString().slice(0, 10));

	#started: Promise<void> | null = null;

	/** Load the demo dataset; safe to call any number of times. */
	start(): Promise<void> {
		this.#started ??= this.#load(asset(DEMO_DATASET_URL));
		return this.#started;
	}

	async #load(baseUrl: string): Promise<void> {
		this.phase = 'loading';
		try {
			// Start the engine now; it is the slow part (wasm fetch and compile).
			const engineP = import('$lib/db/browser').then((m) => m.startEngine());
			engineP.catch(() => {}); // reported below, once
			const meta = await fetchMeta(baseUrl);
			this.meta = meta;
			const [engine, buffers] = await Promise.all([engineP, fetchTables(baseUrl, meta)]);
			await loadDataset(engine, buffers, meta.files);
			this.counts = await rowCounts(engine);
			this.known = await knownValues(engine, this.asAt);
			this.engine = engine;
			this.phase = 'ready';
		} catch (e) {
			this.error =
				e instanceof DatasetError
					? e.message
					: `The data could not be loaded: ${(e as Error)?.message ?? String(e)}`;
			this.phase = 'error';
			this.#started = null;
		}
	}
}

export const dataset = new DatasetState();
