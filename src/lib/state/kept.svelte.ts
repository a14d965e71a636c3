/**
 * The datasets kept in this browser (IndexedDB, `$lib/store`), as a list for the pages: listing,
 * keeping, renaming and deleting them in the store. Nothing here loads a dataset: opening one is
 * `dataset` (state/dataset), which uses this.
 */
import type { DatasetMeta } from '$lib/model/schema';
import type { StoredInfo, StoreProblem } from '$lib/store/store';
import { store, words, type Buffers } from './sources';

export class KeptDatasets {
	/** The datasets kept in this browser (after `refresh`), newest first. */
	stored = $state.raw<StoredInfo[]>([]);
	/** Stored entries that could not be read, in words. */
	storeProblems = $state.raw<StoreProblem[]>([]);

	/** The name of a kept dataset, else `otherwise`. */
	nameOf(id: string, otherwise: string): string {
		return this.stored.find((d) => d.id === id)?.name ?? otherwise;
	}

	/** Read the list of stored datasets again. */
	async refresh(): Promise<void> {
		try {
			const { datasets, problems } = await (await store()).list();
			this.stored = datasets;
			this.storeProblems = problems;
		} catch (e) {
			this.stored = [];
			this.storeProblems = [{ id: '', message: `The datasets kept in this browser could not be listed: ${words(e)}` }];
		}
	}

	/** Keep a dataset (copied into IndexedDB here, before loading empties the buffers). */
	async put(buffers: Buffers, meta: DatasetMeta, name: string): Promise<StoredInfo> {
		const info = await (await store()).put({ name, meta, buffers });
		// Ask the browser not to clear the storage under pressure; it may say no, which is fine.
		navigator.storage?.persist?.().catch(() => {});
		return info;
	}

	async rename(id: string, name: string): Promise<StoredInfo> {
		return (await store()).rename(id, name);
	}

	async remove(id: string): Promise<void> {
		await (await store()).remove(id);
	}
}
