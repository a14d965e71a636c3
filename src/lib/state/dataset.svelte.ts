/**
 * The loaded dataset and the engine that holds it: one shared state for every page. Loading starts
 * once (from the root layout); the engine and the files are fetched in parallel, and `meta.json`
 * first, so the page can say what is loading (and that it is fictional) before DuckDB is up.
 *
 * The active dataset is the built-in demo or one kept in this browser (IndexedDB, `$lib/store`).
 * Switching loads the other dataset into the same engine with the all-or-nothing `loadDataset`:
 * a failure leaves the previous data loaded and says so in `notice`. The active id is remembered in
 * localStorage (`$lib/store/active`), so a reload reopens it. Loads run one at a time, in the order asked.
 */
import { asset } from '$app/paths';
import type { Engine } from '$lib/db/engine';
import { scheduled } from './scheduler';
import { DatasetError, loadDataset, materialiseScope, rowCounts } from '$lib/db/dataset';
import { activity } from './query.svelte';
import { fetchMeta, fetchTables } from '$lib/db/source';
import type { DatasetMeta, TableName } from '$lib/model/schema';
import type { Dimension } from '$lib/filters/filters';
import { knownValues } from '$lib/queries/options';
import { defaultAsAt } from '$lib/model/as-at';
import type { StoredInfo, StoreProblem } from '$lib/store/store';
import { readPickedFolder, type PickedFile } from '$lib/store/folder';
import { rememberActive as remember, rememberedActive as remembered } from '$lib/store/active';

export type Phase = 'idle' | 'loading' | 'ready' | 'error';

/** Where the built-in demo dataset is served. */
export const DEMO_DATASET_URL = '/data/demo';

type Buffers = Record<TableName, Uint8Array>;
type Loaded = { meta: DatasetMeta; buffers: Buffers };

const message = (e: unknown) =>
	e instanceof DatasetError ? e.message : ((e as Error)?.message ?? String(e));

const store = () => import('$lib/store/browser').then((m) => m.browserStore());

class DatasetState {
	phase = $state<Phase>('idle');
	/** What went wrong, in words, when phase is 'error'. */
	error = $state<string | null>(null);
	meta = $state<DatasetMeta | null>(null);
	counts = $state<Record<TableName, number> | null>(null);
	/** Every value each filter dimension takes in the data (to check values read from a URL). */
	known = $state.raw<Record<Dimension, Set<string>> | null>(null);
	/**
	 * Set when the data is loaded and can be queried. A new object after every load (the same
	 * engine underneath), so every query that reads it runs again on the new data.
	 */
	engine = $state.raw<Engine | null>(null);
	/** The as-at date every derived figure uses: the dataset's own, else today (UTC). */
	asAt = $derived(defaultAsAt(this.meta));

	/** Id of the stored dataset loaded now; null for the demo. */
	activeId = $state<string | null>(null);
	/** Name of the dataset being opened while a switch runs (the previous one stays usable). */
	opening = $state<string | null>(null);
	/** The last switch or store action that failed, in words; the data shown is unchanged. */
	notice = $state<string | null>(null);
	/** The datasets kept in this browser (after `refreshStored`), newest first. */
	stored = $state.raw<StoredInfo[]>([]);
	/** Stored entries that could not be read, in words. */
	storeProblems = $state.raw<StoreProblem[]>([]);
	/** The demo's meta.json, once read (for the switcher, whichever dataset is open). */
	demoMeta = $state.raw<DatasetMeta | null>(null);
	/** Set when the engine died and was restarted (or is being restarted), in words. */
	recovery = $state<string | null>(null);
	/**
	 * The scope tables of the data loaded now are built (db/derived): filter changes are single-table
	 * scans from then on. Until then they give the same figures from the joins, more slowly.
	 */
	scopeReady = $state(false);

	#started: Promise<void> | null = null;
	#queue: Promise<unknown> = Promise.resolve();
	/** Set while #first tries the remembered dataset: its failure is not final, the demo follows. */
	#fallbackFollows = false;

	/** Run loads one after another, so two quick clicks cannot interleave table swaps. */
	#serial<T>(task: () => Promise<T>): Promise<T> {
		const run = this.#queue.then(task, task);
		this.#queue = run.catch(() => {});
		return run;
	}

	/** Load the remembered dataset (else the demo); safe to call any number of times. */
	start(): Promise<void> {
		if (!this.#started) {
			this.#started = this.#serial(() => this.#first());
			// Damaged entries in the store are reported on every page (the banner), not only on /data.
			void this.#started.then(() => this.refreshStored());
			void import('$lib/db/browser').then((m) => m.onEngineLost((why) => void this.#recover(why)));
		}
		return this.#started;
	}

	/**
	 * The engine died (worker crash, wasm trap, out of memory): a new one is started (the lost one
	 * is already gone) and the dataset that was open is loaded again from where it is kept: the
	 * demo from its files, a stored one from this browser's store. Nothing stored is touched. The
	 * pages' queries run again on their own once the new engine is in.
	 */
	async #recover(why: string): Promise<void> {
		// A death during the first load is that load's failure (the page offers to try again).
		if (this.phase !== 'ready') return;
		this.recovery = `The database stopped (${why}). Restarting it and reloading your data…`;
		const id = this.activeId;
		const name = this.meta?.name ?? 'the data';
		const result = await this.#serial(() =>
			this.#load(id ? () => this.#fromStore(id) : (onMeta) => this.#fromDemo(onMeta), id, `"${name}"`, name)
		);
		this.recovery =
			result === null
				? `The database stopped (${why}). It has been restarted and your data reloaded.`
				: `The database stopped (${why}) and could not be restarted: ${result} Reload the page to try again.`;
	}

	async #first(): Promise<void> {
		const id = remembered();
		if (id) {
			this.#fallbackFollows = true;
			const why = await this.#load(() => this.#fromStore(id), id, 'the dataset you had open').finally(
				() => (this.#fallbackFollows = false)
			);
			if (why === null) return;
			remember(null);
			if ((await this.#load((onMeta) => this.#fromDemo(onMeta), null, 'the demo')) === null) {
				this.notice = `The dataset you had open could not be reopened: ${why} Showing the demo instead.`;
			}
			return;
		}
		await this.#load((onMeta) => this.#fromDemo(onMeta), null, 'the demo');
	}

	/** Open the built-in demo dataset. True when it is loaded. */
	openDemo(): Promise<boolean> {
		return this.#serial(async () => (await this.#load((onMeta) => this.#fromDemo(onMeta), null, 'the demo')) === null);
	}

	/** Open a dataset kept in this browser. True when it is loaded. */
	openStored(id: string): Promise<boolean> {
		const name = this.stored.find((d) => d.id === id)?.name ?? 'the stored dataset';
		return this.#serial(async () => (await this.#load(() => this.#fromStore(id), id, `"${name}"`)) === null);
	}

	/**
	 * Keep a dataset in this browser and open it (what the /import page calls). Returns what was
	 * stored, or null with the reason in `notice`; a dataset that does not load is not kept.
	 */
	saveAndOpen(buffers: Buffers, meta: DatasetMeta, name: string): Promise<StoredInfo | null> {
		return this.#serial(async () => {
			let info: StoredInfo;
			try {
				const s = await store();
				// Copied into IndexedDB here, before loading empties the buffers.
				info = await s.put({ name, meta, buffers });
			} catch (e) {
				this.notice = `"${name}" could not be kept in this browser: ${message(e)} ${this.#still()}`;
				return null;
			}
			// Ask the browser not to clear the storage under pressure; it may say no, which is fine.
			navigator.storage?.persist?.().catch(() => {});
			// Shown under the name it was kept as (as when it is reopened from the store).
			const named = { ...meta, name: info.name };
			const why = await this.#load(async () => ({ meta: named, buffers }), info.id, `"${info.name}"`, info.name);
			if (why !== null) {
				await (await store()).remove(info.id).catch(() => {});
				this.notice = `"${info.name}" was not kept: ${why} ${this.#still()}`;
				await this.refreshStored();
				return null;
			}
			await this.refreshStored();
			return info;
		});
	}

	/** Store and open a dataset folder written by `npm run import` (meta.json + .arrows files). */
	async openFolder(files: readonly PickedFile[]): Promise<StoredInfo | null> {
		let picked: Loaded;
		try {
			picked = await readPickedFolder(files);
		} catch (e) {
			this.notice = `The chosen files could not be opened: ${message(e)}`;
			return null;
		}
		return this.saveAndOpen(picked.buffers, picked.meta, picked.meta.name || 'Imported dataset');
	}

	/** Read the list of stored datasets again. */
	async refreshStored(): Promise<void> {
		if (!this.demoMeta) this.demoMeta = await fetchMeta(asset(DEMO_DATASET_URL)).catch(() => null);
		try {
			const { datasets, problems } = await (await store()).list();
			this.stored = datasets;
			this.storeProblems = problems;
		} catch (e) {
			this.stored = [];
			this.storeProblems = [{ id: '', message: `The datasets kept in this browser could not be listed: ${message(e)}` }];
		}
	}

	/** Rename a stored dataset (and the name on screen when it is the one open). */
	async rename(id: string, name: string): Promise<boolean> {
		try {
			const info = await (await store()).rename(id, name);
			if (this.activeId === id && this.meta) this.meta = { ...this.meta, name: info.name };
			this.notice = null;
			return true;
		} catch (e) {
			this.notice = `The dataset could not be renamed: ${message(e)}`;
			return false;
		} finally {
			await this.refreshStored();
		}
	}

	/** Delete a stored dataset; if it is the one open, the demo opens instead. */
	async remove(id: string): Promise<boolean> {
		try {
			await (await store()).remove(id);
		} catch (e) {
			this.notice = `The dataset could not be deleted: ${message(e)}`;
			await this.refreshStored();
			return false;
		}
		await this.refreshStored();
		if (this.activeId === id) {
			remember(null);
			await this.openDemo();
		}
		return true;
	}

	/** The tables of the demo (id null) or of a stored dataset, as files hold them (for export). */
	async tables(id: string | null): Promise<Loaded> {
		if (id) {
			const d = await (await store()).get(id);
			return { meta: { ...d.meta, name: d.name }, buffers: d.buffers };
		}
		return this.#fromDemo(() => {});
	}

	/**
	 * Build the scope tables once the first page is on screen (its queries go first: the build takes
	 * about a second per 300,000 actions, and the worker runs one statement at a time). Not counted
	 * as page activity: a filter changed meanwhile only waits for it. A failure is harmless, the
	 * joins stay in use.
	 */
	async #buildScope(engine: Engine) {
		const settled = () => activity.pending === 0 && this.opening === null;
		// The page's queries start in effects after this load returns: look only after they have.
		do await new Promise((r) => setTimeout(r, 50));
		while (this.engine === engine && !settled());
		if (this.engine !== engine) return;
		try {
			performance.mark('dhr:scope-start');
			await materialiseScope(engine);
			performance.mark('dhr:scope-end');
			if (this.engine === engine) this.scopeReady = true;
		} catch {
			// Keep the joins; the figures are the same.
		}
	}

	/** What is on screen after a failed switch, in words. */
	#still(): string {
		return this.meta && this.phase === 'ready' ? `Still showing ${this.meta.name}.` : '';
	}

	async #fromDemo(onMeta: (meta: DatasetMeta) => void): Promise<Loaded> {
		const baseUrl = asset(DEMO_DATASET_URL);
		const meta = await fetchMeta(baseUrl);
		this.demoMeta = meta;
		onMeta(meta);
		return { meta, buffers: await fetchTables(baseUrl, meta) };
	}

	async #fromStore(id: string): Promise<Loaded> {
		const d = await (await store()).get(id);
		// The name the user gave wins over the one in the files.
		return { meta: { ...d.meta, name: d.name }, buffers: d.buffers };
	}

	/**
	 * Load a dataset into the engine. The first load shows its progress through `phase` (and its
	 * failure as phase 'error'); later ones keep the current data on screen until the new data is
	 * in, and on failure keep it and set `notice`. Returns null when loaded, else the reason.
	 */
	async #load(
		read: (onMeta: (meta: DatasetMeta) => void) => Promise<Loaded>,
		id: string | null,
		label: string,
		openingName?: string
	): Promise<string | null> {
		const first = this.engine === null;
		if (first) this.phase = 'loading';
		this.opening = openingName ?? (id ? (this.stored.find((d) => d.id === id)?.name ?? 'a stored dataset') : 'the demo');
		try {
			// Start the engine now; it is the slow part (wasm fetch and compile).
			const engineP = import('$lib/db/browser').then((m) => m.startEngine());
			engineP.catch(() => {}); // reported below, once
			const [engine, { meta, buffers }] = await Promise.all([
				engineP,
				read((m) => {
					// Only the first load may say what it loads before it is in: later ones keep
					// the current dataset's name until the switch has happened.
					if (first) this.meta = m;
				})
			]);
			// What the load did to a dataset made before the model grew (kinds of change tagged from the text), said in the notice.
			const { notices } = await loadDataset(engine, buffers, meta.files);
			const counts = await rowCounts(engine);
			const known = await knownValues(engine, defaultAsAt(meta));
			this.meta = meta;
			this.counts = counts;
			this.known = known;
			// A new object each load, so every query that reads it runs again; stale queries are never sent (state/scheduler).
			this.engine = scheduled(engine);
			this.scopeReady = false;
			this.#buildScope(this.engine);
			this.activeId = id;
			remember(id);
			this.phase = 'ready';
			this.error = null;
			this.notice = notices.length ? notices.join(' ') : null;
			return null;
		} catch (e) {
			const why = message(e);
			if (first) {
				this.error = e instanceof DatasetError ? why : `The data could not be loaded: ${why}`;
				// A remembered dataset that fails on the first load falls back to the demo (see #first);
				// any other first failure is the page's error state.
				if (!this.#fallbackFollows) {
					this.phase = 'error';
					this.#started = null;
				}
			} else {
				this.notice = `${label.charAt(0).toUpperCase()}${label.slice(1)} could not be opened: ${why} ${this.#still()}`;
			}
			return why;
		} finally {
			this.opening = null;
		}
	}
}

export const dataset = new DatasetState();
