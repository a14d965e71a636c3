/** Turning the overview's query results into what its components show (labels, formats). */
import { formatCount, formatDate, formatPercent } from '../format';
import { overviewTiles, recommendationsByThemeYear, type OverviewTiles, type ThemeYearMatrix } from '../queries/overview';
import { emptyFilters } from '../filters/filters';
import type { Engine } from '../db/engine';
import type { DatasetMeta } from '../model/schema';
import type { Rule } from '../privacy/suppress';
import { protectThemeYear, protectTiles } from '../privacy/protect';

/** The tiles under the rule: counts protected, then written (null rule: nothing hidden). */
export function tileList(t: OverviewTiles, asAt: string, rule: Rule | null = null) {
	t = protectTiles(t, rule);
	return [
		{ id: 'reviews', label: 'Reviews', value: formatCount(t.reviews, rule) },
		{ id: 'recommendations', label: 'Recommendations', value: formatCount(t.recommendations, rule) },
		{ id: 'actions', label: 'Actions', value: formatCount(t.actions, rule) },
		{
			id: 'completed',
			label: 'Actions completed',
			value: formatPercent(t.pct_completed),
			detail: `${formatCount(t.actions_completed, rule)} of ${formatCount(t.actions, rule)}`
		},
		{
			id: 'overdue',
			label: 'Actions overdue',
			value: formatCount(t.actions_overdue, rule),
			detail: `open past their target date at ${formatDate(asAt)}`
		}
	];
}

/** The theme × year matrix as heat-map rows, columns and cells. */
export function themeYearGrid(m: ThemeYearMatrix) {
	return {
		rows: m.themes.map((t) => ({ key: t.id, label: t.label })),
		cols: m.years.map((y) => ({ key: String(y), label: String(y) })),
		cells: m.cells.map((c) => ({ row: c.theme, col: String(c.year), value: c.recommendations }))
	};
}

/** One sentence on what the theme × year chart shows for the current filters. */
export function themeYearCaption(m: ThemeYearMatrix, rule: Rule | null = null): string {
	if (!m.years.length) return 'Recommendations by theme and year: none under these filters.';
	const top = [...m.themes].sort((a, b) => b.total - a.total)[0];
	const span = m.years.length > 1 ? `${m.years[0]}–${m.years[m.years.length - 1]}` : `${m.years[0]}`;
	return `Recommendations by theme and year of the review, ${span}: ${top.label} was the most frequent theme, in ${formatCount(top.total, rule)} recommendations.`;
}

/** The theme × year chart of the overview under the rule: what is drawn protected, the caption and note written from the whole figures. */
export function themeYearView(whole: ThemeYearMatrix, rule: Rule | null) {
	const m = protectThemeYear(whole, rule);
	return { matrix: m, grid: themeYearGrid(m), caption: themeYearCaption(whole, rule), note: themeYearNote(whole.without_year, rule) };
}

/** Under the overview's theme × year chart: how it counts, and what it leaves out. */
export function themeYearNote(withoutYear: number, rule: Rule | null = null): string {
	const base = 'Year the review was completed (published, where no completion date is recorded). A recommendation with several themes is counted under each. Choose a cell to filter by its theme and year.';
	return withoutYear > 0 ? `${base} ${formatCount(withoutYear, rule)} recommendations from reviews with no date are not shown.` : base;
}

/**
 * The overview's figures for the default state (no filter, the dataset's own as-at date), computed
 * at build time under Node by the same query functions the page runs (scripts/first-view.ts writes
 * them to `first-view.json` beside the dataset). The page shows them before DuckDB has started;
 * `meta` and `files` say which dataset they were computed from.
 */
export interface FirstView {
	version: 1;
	/** The dataset's meta.json as it was read: the page uses these figures only for an equal one. */
	meta: DatasetMeta;
	/** SHA-256 (hex) of every data file, by file name: the build recomputes when one differs. */
	files: Record<string, string>;
	as_at: string;
	tiles: OverviewTiles;
	themeYear: ThemeYearMatrix;
}

/** Run the overview's queries for the default state (what `first-view.json` holds). */
export async function firstViewResults(
	engine: Engine,
	asAt: string
): Promise<Pick<FirstView, 'tiles' | 'themeYear'>> {
	const f = emptyFilters();
	return { tiles: await overviewTiles(engine, f, asAt), themeYear: await recommendationsByThemeYear(engine, f, asAt) };
}
