/**
 * The filters of every view, kept in the URL query string: the URL is the state. Reading parses
 * `page.url`; changing navigates to the same path with a new query string (a history entry, so
 * back and forward step through filter changes). Values the data does not hold are dropped with a
 * notice, once the data is loaded.
 */
import { goto } from '$app/navigation';
import { page } from '$app/state';
import {
	DIMENSIONS,
	emptyFilters,
	filtersToParams,
	parseFilters,
	toggle,
	withValues,
	type Dimension,
	type Filters
} from '$lib/filters/filters';
import { dataset } from './dataset.svelte';

const FILTER_KEYS = new Set<string>(['from', 'to', 'asat', ...DIMENSIONS.map((d) => d.key)]);

class FilterState {
	#parsed = $derived(parseFilters(page.url.searchParams, dataset.known ?? {}));

	/** The filters in force. */
	get current(): Filters {
		return this.#parsed.filters;
	}
	/** What was ignored in the URL, in words. */
	get notices(): string[] {
		return this.#parsed.notices;
	}
	/** The as-at date in force: the user's, else the dataset's. */
	get asAt(): string {
		return this.current.asAt ?? dataset.asAt;
	}
	/** The current query string, with `?`, or '' (to carry filters on links). */
	get search(): string {
		const qs = filtersToParams(this.current).toString();
		return qs ? `?${qs}` : '';
	}

	set(next: Filters): Promise<void> {
		// A page's own parameters (a search, a band, a measure) stay; the filters are replaced.
		const params = new URLSearchParams();
		for (const [k, v] of page.url.searchParams) if (!FILTER_KEYS.has(k)) params.append(k, v);
		for (const [k, v] of filtersToParams(next)) params.append(k, v);
		const qs = params.toString();
		return goto(`${page.url.pathname}${qs ? `?${qs}` : ''}${page.url.hash}`, { keepFocus: true, noScroll: true });
	}
	toggle(dim: Dimension, value: string) {
		return this.set(toggle(this.current, dim, value));
	}
	only(dim: Dimension, values: string[]) {
		return this.set(withValues(this.current, dim, values));
	}
	period(from: number | null, to: number | null) {
		return this.set({ ...this.current, from, to });
	}
	setAsAt(asAt: string | null) {
		return this.set({ ...this.current, asAt: asAt && asAt !== dataset.asAt ? asAt : null });
	}
	clear() {
		return this.set(emptyFilters());
	}
}

export const filters = new FilterState();
