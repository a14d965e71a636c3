/**
 * The dataset loaded now and the engine that holds it, and the one way to load one: all or nothing
 * (`loadDataset`), one load at a time in the order asked (`serial`). The first load shows its
 * progress through `phase` and its failure as phase 'error'; later ones keep the current data on
 * screen until the new data is in, and on failure keep it and say so in `notice`. `start` opens
 * the dataset remembered from the last visit (else the demo); if the engine dies, a new one starts
 * and the open dataset is loaded again.
 */
import type { Engine } from '$lib/db/engine';
import { DatasetError } from '$lib/db/dataset';
import { buildScopeAfter } from '$lib/db/scope-build';
import type { DatasetMeta, TableName } from '$lib/model/schema';
import type { Dimension } from '$lib/filters/filters';
import { rememberActive, rememberedActive } from '$lib/store/active';
import { activity } from './query.svelte';
import { scheduled } from './scheduler';
import { whenSettled } from './settled.svelte';
import { defaultAsAt } from '$lib/model/as-at';
import { openDataset, readDemo, readStored, words, type Reader } from './sources';

export type Phase = 'idle' | 'loading' | 'ready' | 'error';

/** How a load names what it opens. */
export interface LoadAs {
	/** Id of the stored dataset read (null for the demo): becomes `activeId`, remembered for the next visit. */
	id: string | null;
	/** What the notice of a failure calls it ("the demo", `"Name"`). */
	label: string;
	/** Name shown while it opens. */
	opening: string;
	/** A failed first load is not the page's error state: the caller tries something else next. */
	fallbackFollows?: boolean;
}

/** How the demo is named when it is loaded. */
export const DEMO: LoadAs = { id: null, label: 'the demo', opening: 'the demo' };

export class LoadedDataset {
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
	/** Name of the dataset being opened while a load runs (the previous one stays usable). */
	opening = $state<string | null>(null);
	/** The last switch or store action that failed, in words; the data shown is unchanged. */
	notice = $state<string | null>(null);
	/** Set when the engine died and was restarted (or is being restarted), in words. */
	recovery = $state<string | null>(null);
	/**
	 * The scope tables of the data loaded now are built (db/scope-build): filter changes are
	 * single-table scans from then on. Until then they give the same figures from the joins, more slowly.
	 */
	scopeReady = $state(false);
	/** The demo's meta.json, once read (for the switcher, whichever dataset is open). */
	demoMeta = $state.raw<DatasetMeta | null>(null);

	#queue: Promise<unknown> = Promise.resolve();
	#started: Promise<void> | null = null;
	#following = false;

	/** Run loads (and what goes with them) one after another, so two quick clicks cannot interleave table swaps. */
	serial<T>(task: () => Promise<T>): Promise<T> {
		const run = this.#queue.then(task, task);
		this.#queue = run.catch(() => {});
		return run;
	}

	/** Load the remembered dataset (else the demo); safe to call any number of times. */
	start(): Promise<void> {
		if (!this.#started) {
			this.#started = this.serial(() => this.#first()).then(() => {
				// A first load that failed can be tried again (the banner offers it).
				if (this.phase === 'error') this.#started = null;
			});
			// Damaged entries in the store are reported on every page (the banner), not only on /data.
			void this.#started.then(() => this.refreshStored());
		}
		if (!this.#following) {
			this.#following = true;
			void import('$lib/db/browser').then((m) => m.onEngineLost((why) => void this.#recover(why)));
		}
		return this.#started;
	}

	/** Read the list of datasets kept in this browser again: state/dataset, which keeps that list, does it. */
	async refreshStored(): Promise<void> {}

	async #first(): Promise<void> {
		const id = rememberedActive();
		if (id) {
			const why = await this.load(() => readStored(id), { id, label: 'the dataset you had open', opening: 'a stored dataset', fallbackFollows: true });
			if (why === null) return;
			rememberActive(null);
			if ((await this.load(this.readDemo, DEMO)) === null) {
				this.notice = `The dataset you had open could not be reopened: ${why} Showing the demo instead.`;
			}
			return;
		}
		await this.load(this.readDemo, DEMO);
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
		const read: Reader = id ? () => readStored(id) : this.readDemo;
		const result = await this.serial(() => this.load(read, { id, label: `"${name}"`, opening: name }));
		this.recovery =
			result === null
				? `The database stopped (${why}). It has been restarted and your data reloaded.`
				: `The database stopped (${why}) and could not be restarted: ${result} Reload the page to try again.`;
	}

	/** Reads the demo, keeping its meta for the switcher. */
	readDemo: Reader = (onMeta) => readDemo((m) => onMeta((this.demoMeta = m)));

	/** What is on screen after a failed switch, in words. */
	still(): string {
		return this.meta && this.phase === 'ready' ? `Still showing ${this.meta.name}.` : '';
	}

	/** Load what `read` gives into the engine (call inside `serial`). Returns null when loaded, else the reason. */
	async load(read: Reader, as: LoadAs): Promise<string | null> {
		const first = this.engine === null;
		if (first) this.phase = 'loading';
		this.opening = as.opening;
		try {
			const { engine, meta, counts, known, notices } = await openDataset(read, (m) => {
				// Only the first load may say what it loads before it is in: later ones keep
				// the current dataset's name until the switch has happened.
				if (first) this.meta = m;
			});
			this.meta = meta;
			this.counts = counts;
			this.known = known;
			// A new object each load, so every query that reads it runs again; stale queries are never sent (state/scheduler).
			this.engine = scheduled(engine);
			this.#buildScope(this.engine);
			this.activeId = as.id;
			rememberActive(as.id);
			this.phase = 'ready';
			this.error = null;
			this.notice = notices.length ? notices.join(' ') : null;
			return null;
		} catch (e) {
			const why = words(e);
			if (first) {
				this.error = e instanceof DatasetError ? why : `The data could not be loaded: ${why}`;
				if (!as.fallbackFollows) this.phase = 'error';
			} else {
				this.notice = `${as.label.charAt(0).toUpperCase()}${as.label.slice(1)} could not be opened: ${why} ${this.still()}`;
			}
			return why;
		} finally {
			this.opening = null;
		}
	}

	/**
	 * Build the scope tables once the page is settled after this load (its queries go first), as
	 * long as this data is still the one loaded. Not counted as page activity: a filter changed
	 * meanwhile only waits for it.
	 */
	#buildScope(engine: Engine) {
		this.scopeReady = false;
		const current = () => this.engine === engine;
		const settled = () => activity.pending === 0 && this.opening === null;
		void buildScopeAfter(engine, whenSettled(settled, current)).then((built) => {
			if (built && current()) this.scopeReady = true;
		});
	}
}
