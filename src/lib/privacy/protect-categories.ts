/**
 * Small-number protection for the kind-of-change views (queries/categories.ts), as protect.ts does
 * for themes: hidden counts are NaN (suppress.ts), shares built on a hidden count are hidden.
 *
 * A recommendation may ask for several kinds of change, so the kinds of one year, agency or theme
 * do not add up to its recommendations: no complement exists there, and primary suppression is
 * enough. A kind's years do add up to its total (each recommendation has one year), so the year
 * mix is protected row by row; the years' bases add up to the recommendations shown.
 */
import type { CategoryAgencyMix, CategoryTopicMatrix, CategoryTotals, CategoryYearMix } from '../queries/categories';
import { count, matrix, partition, share, type Rule } from './suppress';

export function protectCategoryTotals(t: CategoryTotals, rule: Rule | null): CategoryTotals {
	if (!rule) return t;
	return {
		categories: t.categories.map((c) => {
			const n = count(c.recommendations, rule) as number;
			return { ...c, recommendations: n, auto: count(c.auto, rule) as number, share: share(c.share, [n, t.recommendations], rule) };
		}),
		recommendations: count(t.recommendations, rule) as number,
		without: count(t.without, rule) as number,
		all_auto: count(t.all_auto, rule) as number
	};
}

export function protectCategoryYear(m: CategoryYearMix, rule: Rule | null): CategoryYearMix {
	if (!rule) return m;
	const years = m.years.map((y) => y.year);
	const values = m.categories.map((c) => years.map((y) => m.cells.find((x) => x.category === c.id && x.year === y)?.recommendations ?? 0));
	const out = matrix(values, rule, { rows: true, cols: false });
	const bases = partition(m.years.map((y) => y.recommendations), m.recommendations, rule);
	return {
		categories: m.categories.map((c) => ({ ...c, recommendations: count(c.recommendations, rule) as number })),
		years: m.years.map((y, i) => ({ ...y, recommendations: bases.values[i] })),
		cells: m.cells.map((c) => {
			const n = out[m.categories.findIndex((x) => x.id === c.category)][years.indexOf(c.year)];
			const base = bases.values[years.indexOf(c.year)];
			return { ...c, recommendations: n, in_year: base, share: share(c.share, [n, base], rule) };
		}),
		recommendations: bases.total as number,
		without_year: count(m.without_year, rule) as number
	};
}

export function protectCategoryAgency(m: CategoryAgencyMix, rule: Rule | null): CategoryAgencyMix {
	if (!rule) return m;
	return {
		...m,
		agencies: m.agencies.map((a) => ({ ...a, recommendations: count(a.recommendations, rule) as number })),
		cells: m.cells.map((c) => ({ ...c, recommendations: count(c.recommendations, rule) as number }))
	};
}

export function protectCategoryTopic(m: CategoryTopicMatrix, rule: Rule | null): CategoryTopicMatrix {
	if (!rule) return m;
	return {
		themes: m.themes.map((t) => ({ ...t, recommendations: count(t.recommendations, rule) as number })),
		categories: m.categories.map((c) => ({ ...c, recommendations: count(c.recommendations, rule) as number })),
		cells: m.cells.map((c) => ({ ...c, recommendations: count(c.recommendations, rule) as number })),
		recommendations: count(m.recommendations, rule) as number
	};
}
