/**
 * The page's side of the import worker: each request is a promise, progress comes to a callback,
 * and `cancel()` ends the worker at once (whatever it was doing is dropped; the next request starts
 * a fresh one). Browser only (Web Worker), and only type imports from the import library, so the
 * page's own bundle does not carry the readers.
 */
import type { ImportOptions, ImportSummary } from './importer';
import type { FileLike, ReadProgress, SourceSummary } from './session';
import type { Problem } from './types';
import type { TableName } from '../model/schema';
import type { CommonReply, KeptTables, MergeReply, UpdateRequest } from './update-session';
import type { UpdateChanges } from './update';

export type WorkerRequest =
	| { id: number; type: 'read'; files: FileLike[] }
	| { id: number; type: 'run'; options: ImportOptions }
	| { id: number; type: 'buffers' }
	| ({ id: number } & UpdateRequest);

type Request = WorkerRequest extends infer R ? (R extends WorkerRequest ? Omit<R, 'id'> : never) : never;

export type WorkerReply =
	| { id: number; type: 'progress'; progress: ReadProgress }
	| { id: number; type: 'done'; value: unknown }
	| { id: number; type: 'error'; message: string };

export class CancelledError extends Error {
	constructor() {
		super('Import cancelled: nothing was changed.');
		this.name = 'CancelledError';
	}
}

interface Pending {
	resolve: (v: unknown) => void;
	reject: (e: Error) => void;
	onProgress?: (p: ReadProgress) => void;
}

export class ImportWorker {
	#worker: Worker | null = null;
	#next = 1;
	#pending = new Map<number, Pending>();

	#spawn(): Worker {
		if (this.#worker) return this.#worker;
		const w = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
		w.onmessage = (e: MessageEvent<WorkerReply>) => {
			const m = e.data;
			const p = this.#pending.get(m.id);
			if (!p) return;
			if (m.type === 'progress') p.onProgress?.(m.progress);
			else {
				this.#pending.delete(m.id);
				if (m.type === 'done') p.resolve(m.value);
				else p.reject(new Error(m.message));
			}
		};
		w.onerror = (e) => {
			e.preventDefault();
			this.#fail(new Error(`The import stopped unexpectedly (${e.message || 'the worker failed, perhaps out of memory'}). Nothing was changed.`));
		};
		this.#worker = w;
		return w;
	}

	#fail(err: Error) {
		this.#worker?.terminate();
		this.#worker = null;
		const all = [...this.#pending.values()];
		this.#pending.clear();
		for (const p of all) p.reject(err);
	}

	#ask<T>(request: Request, onProgress?: (p: ReadProgress) => void): Promise<T> {
		const w = this.#spawn();
		const id = this.#next++;
		return new Promise<T>((resolve, reject) => {
			this.#pending.set(id, { resolve: resolve as (v: unknown) => void, reject, onProgress });
			w.postMessage({ ...request, id });
		});
	}

	/** Read the files (File objects go to the worker as they are; it reads their bytes). */
	read(files: readonly File[], onProgress?: (p: ReadProgress) => void): Promise<{ sources: SourceSummary[]; problems: Problem[] }> {
		return this.#ask({ type: 'read', files: [...files] }, onProgress);
	}

	run(options: ImportOptions): Promise<ImportSummary> {
		// Options pass through structured clone: plain data only (no Svelte proxies).
		return this.#ask({ type: 'run', options: JSON.parse(JSON.stringify(options)) as ImportOptions });
	}

	buffers(): Promise<Record<TableName, Uint8Array>> {
		return this.#ask({ type: 'buffers' });
	}

	/** How many reviews of the checked import each kept dataset has (their reviews tables as stored). */
	commonReviews(kept: { id: string; reviews: Uint8Array }[]): Promise<CommonReply> {
		return this.#ask({ type: 'common', kept });
	}

	/** What updating a kept dataset with the checked import would change (nothing is changed). */
	compareUpdate(kept: KeptTables, asAt: string | null): Promise<UpdateChanges> {
		return this.#ask({ type: 'compare', kept, asAt });
	}

	/** The kept dataset updated with the checked import, as buffers for the store, and what changed. */
	mergeUpdate(kept: KeptTables, asAt: string | null): Promise<MergeReply> {
		return this.#ask({ type: 'merge', kept, asAt });
	}

	/** End the worker now; every pending request fails with CancelledError. */
	cancel(): void {
		this.#fail(new CancelledError());
	}

	get busy(): boolean {
		return this.#pending.size > 0;
	}
}
