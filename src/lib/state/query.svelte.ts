/**
 * A query's result as reactive state: loading, the rows, or an error in words. The query function
 * reads its reactive inputs (engine, as-at date, filters) synchronously, so it re-runs when they
 * change; a result that arrives after a newer run started is dropped.
 */
import { untrack } from 'svelte';
import { owned, type Owner } from './scheduler';

/**
 * How many queries are running now, across the page (the page is "settled" at zero), and how many
 * runs have started since the page loaded (`started`: a check that changing the view of the figures
 * runs none; the browser tests read it as `window.__dhr.queriesStarted()`).
 */
export const activity = $state({ pending: 0, started: 0 });

if (typeof window !== 'undefined') {
	const w = window as unknown as { __dhr?: Record<string, unknown> };
	w.__dhr = { ...w.__dhr, queriesStarted: () => activity.started };
}

export class QueryState<T> {
	data = $state.raw<T | null>(null);
	error = $state<string | null>(null);
	loading = $state(true);

	constructor(run: () => Promise<T> | null) {
		let generation = 0;
		$effect(() => {
			// The statements this run asks for belong to it: once a newer run starts (or the
			// component goes), those still waiting are never sent to the engine (state/scheduler).
			const owner: Owner = { stale: false };
			const pending = owned(owner, run);
			const mine = ++generation;
			if (!pending) {
				this.loading = true;
				return;
			}
			this.loading = true;
			// untrack: the effect must not depend on the counter it changes.
			untrack(() => {
				activity.pending++;
				activity.started++;
			});
			pending.finally(() => activity.pending--).catch(() => {});
			pending.then(
				(value) => {
					if (mine !== generation) return;
					this.data = value;
					this.error = null;
					this.loading = false;
				},
				(e: unknown) => {
					if (mine !== generation) return;
					this.error = (e as Error)?.message ?? String(e);
					this.loading = false;
				}
			);
			return () => {
				generation++; // a newer run or unmount: drop this one's result
				owner.stale = true;
			};
		});
	}
}

/** Run `fn(engine, asAt)` whenever the dataset is ready or its as-at date changes. */
export function useQuery<T>(fn: () => Promise<T> | null): QueryState<T> {
	return new QueryState(fn);
}
