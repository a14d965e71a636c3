/**
 * The filters of every view, kept in the URL query string: the URL is the state. Reading parses
 * `page.url`; changing navigates to the same path with a new query string (a history entry, so
 * back and forward step through filter changes). Values the data does not hold are dropped with a
 * notice, once the data is loaded.
 */
import { goto } from '$app/navigation';
import { page } from '$app/state';
import {
	emptyFilters,
	filtersToParams,
	parseFilters,
	toggle,
	withValues,
	type Dimension,
	type Filters
} from '$lib/filters/filters';
import { dataset } from './dataset.svelte';

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
		const qs = filtersToParams(next).toString();
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
