/** Turning the overview's query results into what its components show (labels, formats). */
import { formatCount, formatDate, formatPercent } from '../format';
import { overviewTiles, recommendationsByThemeYear, type OverviewTiles, type ThemeYearMatrix } from '../queries/overview';
import { emptyFilters } from '../filters/filters';
import type { Engine } from '../db/engine';
import type { DatasetMeta } from '../model/schema';

export function tileList(t: OverviewTiles, asAt: string) {
	return [
		{ id: 'reviews', label: 'Reviews', value: formatCount(t.reviews) },
		{ id: 'recommendations', label: 'Recommendations', value: formatCount(t.recommendations) },
		{ id: 'actions', label: 'Actions', value: formatCount(t.actions) },
		{
			id: 'completed',
			label: 'Actions completed',
			value: formatPercent(t.pct_completed),
			detail: `${formatCount(t.actions_completed)} of ${formatCount(t.actions)}`
		},
		{
			id: 'overdue',
			label: 'Actions overdue',
			value: formatCount(t.actions_overdue),
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
export function themeYearCaption(m: ThemeYearMatrix): string {
	if (!m.years.length) return 'Recommendations by theme and year: none under these filters.';
	const top = [...m.themes].sort((a, b) => b.total - a.total)[0];
	const span = m.years.length > 1 ? `${m.years[0]}–${m.years[m.years.length - 1]}` : `${m.years[0]}`;
	return `Recommendations by theme and year of the review, ${span}: ${top.label} was the most frequent theme, in ${formatCount(top.total)} recommendations.`;
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
