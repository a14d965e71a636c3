/** Turning the overview's query results into what its components show (labels, formats). */
import { formatCount, formatDate, formatPercent } from '../format';
import type { OverviewTiles, ThemeYearMatrix } from '../queries/overview';

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
	return `Recommendations by theme and year of the review, ${span}: ${top.label} was the most frequent theme, in ${top.total.toLocaleString('en-GB')} recommendations.`;
}
