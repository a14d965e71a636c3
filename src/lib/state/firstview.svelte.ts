/**
 * The overview's first figures before DuckDB is up. `first-view.json` beside the demo dataset holds
 * the overview's query results for the default state, computed at build time under Node by the same
 * query functions (scripts/first-view.ts). They are shown only while the page has no result of its
 * own, and only when they fit what is on screen: no filter, the dataset's own as-at date, and the
 * dataset being opened is the very one they were computed from (its meta.json, with its row counts
 * and files, equal; the build recomputes them when a data file changes). DuckDB's results then
 * replace them: the same numbers, so nothing moves.
 */
import { asset } from '$app/paths';
import { isEmpty, type Filters } from '$lib/filters/filters';
import type { DatasetMeta } from '$lib/model/schema';
import { rememberedActive } from '$lib/store/active';
import type { FirstView } from '$lib/views/overview';
import type { QueryState } from './query.svelte';
import { DEMO_DATASET_URL } from './dataset.svelte';

/** Key order does not matter: compare as canonical JSON. */
function canonical(v: unknown): string {
	if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
	if (v && typeof v === 'object') {
		return `{${Object.keys(v)
			.sort()
			.map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
			.join(',')}}`;
	}
	return JSON.stringify(v);
}

class FirstViewState {
	/** The precomputed results as fetched (not yet matched against anything). */
	data = $state.raw<FirstView | null>(null);
	#started = false;

	/** Fetch the demo's precomputed results, once; skipped when another dataset will open. */
	load(): void {
		if (this.#started) return;
		this.#started = true;
		if (rememberedActive() !== null) return;
		fetch(asset(`${DEMO_DATASET_URL}/first-view.json`))
			.then((r) => (r.ok ? r.json() : null))
			.then((v: FirstView | null) => {
				if (v?.version === 1 && v.tiles && v.themeYear) this.data = v;
			})
			.catch(() => {
				/* no precomputed figures: the page waits for DuckDB, as it would anyway */
			});
	}

	/**
	 * The precomputed results when they describe what the page would compute now, else null: no
	 * filter (the dataset's own as-at date included) and no load failure, and the dataset's meta.json,
	 * once read, equal to the one they were computed from. Before meta.json is in they are shown (the
	 * demo is what opens when no other dataset is remembered, and the build writes both from the
	 * same files); a meta.json that differs withdraws them.
	 */
	matching(meta: DatasetMeta | null, f: Filters, failed: boolean): FirstView | null {
		const v = this.data;
		if (!v || failed || !isEmpty(f)) return null;
		if (meta === null) return v;
		return canonical(v.meta) === canonical(meta) ? v : null;
	}
}

export const firstView = new FirstViewState();

// Ask for the figures as soon as this module is evaluated (with the page's code, before the app
// has started rendering), so that they are in by the time the page is drawn.
if (typeof window !== 'undefined') firstView.load();

/**
 * A query's state that shows `initial()` while the query has no result of its own yet (and no
 * error). The initial figures are final, so they are not marked busy.
 */
export function withInitial<T>(query: QueryState<T>, initial: () => T | null): QueryState<T> {
	return {
		get data() {
			return query.data ?? (query.error ? null : initial());
		},
		get error() {
			return query.error;
		},
		get loading() {
			return query.data === null && !query.error && initial() !== null ? false : query.loading;
		}
	} as QueryState<T>;
}
