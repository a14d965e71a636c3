/**
 * The filter state shared by every view, and its round trip through the URL query string. Pure:
 * no Svelte, no engine, so it is unit-tested as a table of cases.
 *
 * URL form: `?from=2015&to=2020&partnership=A&partnership=B&theme=marac&asat=2026-09-30`.
 * A parameter that cannot be understood (not a year, not a date, an unknown value) is dropped and
 * reported in a notice; the page shows the rest.
 */

import { parseAsAt } from '../model/as-at';
import { DIMENSIONS, type Dimension } from './dimensions';

export { DIMENSIONS, type Dimension } from './dimensions';

export interface Filters {
	/** First year of reviews (inclusive), by review year. */
	from: number | null;
	/** Last year of reviews (inclusive). */
	to: number | null;
	/**
	 * The as-at date chosen by the user (an `AsAt` when read by `parseFilters`; a plain string is
	 * accepted so fixed dates can be written as literals); null means the default (`defaultAsAt`).
	 */
	asAt: string | null;
	values: Record<Dimension, string[]>;
}

export function emptyFilters(): Filters {
	return {
		from: null,
		to: null,
		asAt: null,
		values: Object.fromEntries(DIMENSIONS.map((d) => [d.key, []])) as unknown as Record<Dimension, string[]>
	};
}

export function isEmpty(f: Filters): boolean {
	return f.from == null && f.to == null && f.asAt == null && DIMENSIONS.every((d) => f.values[d.key].length === 0);
}

const isYear = (s: string) => /^\d{4}$/.test(s) && Number(s) >= 1900 && Number(s) <= 2200;

/**
 * Read filters from a query string. `known` gives, per dimension, the values that exist in the data
 * (when known); values outside it are dropped with a notice.
 */
export function parseFilters(
	params: URLSearchParams,
	known: Partial<Record<Dimension, ReadonlySet<string>>> = {}
): { filters: Filters; notices: string[] } {
	const f = emptyFilters();
	const notices: string[] = [];
	for (const key of ['from', 'to'] as const) {
		const v = params.get(key);
		if (v == null || v === '') continue;
		if (isYear(v)) f[key] = Number(v);
		else notices.push(`Ignored "${key}=${v}": not a year.`);
	}
	if (f.from != null && f.to != null && f.from > f.to) {
		notices.push(`Ignored the period ${f.from}–${f.to}: it ends before it starts.`);
		f.from = f.to = null;
	}
	const asAt = params.get('asat');
	if (asAt) {
		const parsed = parseAsAt(asAt);
		if (parsed) f.asAt = parsed;
		else notices.push(`Ignored the as-at date "${asAt}": not a date in the form yyyy-mm-dd.`);
	}
	for (const { key, label } of DIMENSIONS) {
		const values = [...new Set(params.getAll(key).filter((v) => v !== ''))];
		const allowed = known[key];
		for (const v of values) {
			if (allowed && !allowed.has(v)) notices.push(`Ignored ${label.toLowerCase()} "${v}": not in this dataset.`);
			else f.values[key].push(v);
		}
		f.values[key].sort();
	}
	return { filters: f, notices };
}

/** The query string for filters: stable order, so equal filters give equal URLs. */
export function filtersToParams(f: Filters): URLSearchParams {
	const p = new URLSearchParams();
	if (f.from != null) p.set('from', String(f.from));
	if (f.to != null) p.set('to', String(f.to));
	for (const { key } of DIMENSIONS) for (const v of [...f.values[key]].sort()) p.append(key, v);
	if (f.asAt) p.set('asat', f.asAt);
	return p;
}

/** Filters with one dimension's values replaced. */
export function withValues(f: Filters, key: Dimension, values: string[]): Filters {
	return { ...f, values: { ...f.values, [key]: [...new Set(values)].sort() } };
}

/** Filters with one value switched on or off. */
export function toggle(f: Filters, key: Dimension, value: string): Filters {
	const has = f.values[key].includes(value);
	return withValues(f, key, has ? f.values[key].filter((v) => v !== value) : [...f.values[key], value]);
}
