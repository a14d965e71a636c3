/**
 * The one way pages ask for filtered figures, and the one way they work something out from them.
 *
 * - `useFilteredQuery(q)`: runs `q(engine, filters, asAt)` whenever the dataset's engine, the
 *   filters or the as-at date change (nothing until the engine is ready); `q` may return null to
 *   ask for nothing (a search not typed, an agency not chosen). Whatever else `q` reads
 *   reactively (the page's own URL parameters) re-runs it too.
 * - `derivedQuery(source, f)`: the same loading and error as `source`, with `f(data)` as its data,
 *   worked out again (with no query) when `f` reads a state that changes: small-number protection
 *   (`protection.rule`) is applied to results this way, so changing the view re-runs no query.
 */
import type { Engine } from '$lib/db/engine';
import type { Filters } from '$lib/filters/filters';
import { dataset } from './dataset.svelte';
import { filters } from './filters.svelte';
import { QueryState, useQuery } from './query.svelte';

/** What QueryLoad and the pages read of a query's result. */
export interface QueryLike<T> {
	readonly data: T | null;
	readonly error: string | null;
	readonly loading: boolean;
}

export type FilteredQuery<T> = (engine: Engine, filters: Filters, asAt: string) => Promise<T> | null;

/** Run a named query under the filters and as-at date in force, again whenever they change. */
export function useFilteredQuery<T>(q: FilteredQuery<T>): QueryState<T> {
	return useQuery(() => (dataset.engine ? q(dataset.engine, filters.current, filters.asAt) : null));
}

/** A derived step on a query's result: its data through `f`, its loading and error as they are. */
export class DerivedQuery<S, T> implements QueryLike<T> {
	#source: QueryLike<S>;
	#f: (data: S) => T;
	#data = $derived.by(() => {
		const d = this.#source.data;
		return d == null ? null : this.#f(d);
	});

	constructor(source: QueryLike<S>, f: (data: S) => T) {
		this.#source = source;
		this.#f = f;
	}
	get data(): T | null {
		return this.#data;
	}
	get error(): string | null {
		return this.#source.error;
	}
	get loading(): boolean {
		return this.#source.loading;
	}
}

export function derivedQuery<S, T>(source: QueryLike<S>, f: (data: S) => T): DerivedQuery<S, T> {
	return new DerivedQuery(source, f);
}
