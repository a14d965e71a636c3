/**
 * The dataset open in the app, one shared state for every page: what is loaded (state/loaded), the
 * datasets kept in this browser (state/kept), and switching between them. Loading starts once
 * (from the root layout); the engine and the files are fetched in parallel, and `meta.json` first,
 * so the page can say what is loading (and that it is fictional) before DuckDB is up.
 *
 * The active dataset is the built-in demo or one kept in this browser. Switching loads the other
 * dataset into the same engine, all or nothing: a failure leaves the previous data loaded and says
 * so in `notice`. The active id is remembered in localStorage (`$lib/store/active`), so a reload
 * reopens it. If the engine dies, a new one starts and the open dataset is loaded again.
 */
import { readPickedFolder, type PickedFile } from '$lib/store/folder';
import { rememberActive } from '$lib/store/active';
import type { DatasetMeta } from '$lib/model/schema';
import type { StoredInfo } from '$lib/store/store';
import { KeptDatasets } from './kept.svelte';
import { DEMO, LoadedDataset } from './loaded.svelte';
import { demoMeta, readStored, words, type Buffers, type Loaded } from './sources';

export { DEMO_DATASET_URL } from './sources';
export type { Phase } from './loaded.svelte';

class DatasetState extends LoadedDataset {
	readonly kept = new KeptDatasets();

	/** The datasets kept in this browser (after `refreshStored`), newest first. */
	get stored() {
		return this.kept.stored;
	}
	/** Stored entries that could not be read, in words. */
	get storeProblems() {
		return this.kept.storeProblems;
	}

	/** Open the built-in demo dataset. True when it is loaded. */
	openDemo(): Promise<boolean> {
		return this.serial(async () => (await this.load(this.readDemo, DEMO)) === null);
	}

	/** Open a dataset kept in this browser. True when it is loaded. */
	openStored(id: string): Promise<boolean> {
		const name = this.kept.nameOf(id, 'the stored dataset');
		const as = { id, label: `"${name}"`, opening: this.kept.nameOf(id, 'a stored dataset') };
		return this.serial(async () => (await this.load(() => readStored(id), as)) === null);
	}

	/**
	 * Keep a dataset in this browser and open it (what the /import page calls). Returns what was
	 * stored, or null with the reason in `notice`; a dataset that does not load is not kept.
	 */
	saveAndOpen(buffers: Buffers, meta: DatasetMeta, name: string): Promise<StoredInfo | null> {
		return this.serial(async () => {
			let info: StoredInfo;
			try {
				info = await this.kept.put(buffers, meta, name);
			} catch (e) {
				this.notice = `"${name}" could not be kept in this browser: ${words(e)} ${this.still()}`;
				return null;
			}
			// Shown under the name it was kept as (as when it is reopened from the store).
			const named = { ...meta, name: info.name };
			const why = await this.load(async () => ({ meta: named, buffers }), { id: info.id, label: `"${info.name}"`, opening: info.name });
			if (why !== null) {
				await this.kept.remove(info.id).catch(() => {});
				this.notice = `"${info.name}" was not kept: ${why} ${this.still()}`;
			}
			await this.refreshStored();
			return why === null ? info : null;
		});
	}

	/** Store and open a dataset folder written by `npm run import` (meta.json + .arrows files). */
	async openFolder(files: readonly PickedFile[]): Promise<StoredInfo | null> {
		let picked: Loaded;
		try {
			picked = await readPickedFolder(files);
		} catch (e) {
			this.notice = `The chosen files could not be opened: ${words(e)}`;
			return null;
		}
		return this.saveAndOpen(picked.buffers, picked.meta, picked.meta.name || 'Imported dataset');
	}

	/** Read the list of stored datasets again (and the demo's meta.json, once). */
	async refreshStored(): Promise<void> {
		if (!this.demoMeta) this.demoMeta = await demoMeta().catch(() => null);
		await this.kept.refresh();
	}

	/** Rename a stored dataset (and the name on screen when it is the one open). */
	async rename(id: string, name: string): Promise<boolean> {
		try {
			const info = await this.kept.rename(id, name);
			if (this.activeId === id && this.meta) this.meta = { ...this.meta, name: info.name };
			this.notice = null;
			return true;
		} catch (e) {
			this.notice = `The dataset could not be renamed: ${words(e)}`;
			return false;
		} finally {
			await this.refreshStored();
		}
	}

	/** Delete a stored dataset; if it is the one open, the demo opens instead. */
	async remove(id: string): Promise<boolean> {
		try {
			await this.kept.remove(id);
		} catch (e) {
			this.notice = `The dataset could not be deleted: ${words(e)}`;
			await this.refreshStored();
			return false;
		}
		await this.refreshStored();
		if (this.activeId === id) {
			rememberActive(null);
			await this.openDemo();
		}
		return true;
	}

	/** The tables of the demo (id null) or of a stored dataset, as files hold them (for export). */
	tables(id: string | null): Promise<Loaded> {
		return id ? readStored(id) : this.readDemo(() => {});
	}
}

export const dataset = new DatasetState();
