/**
 * The agencies view's small pure helpers: sorting the agency table, the bars and the agency × theme
 * grid the charts draw, the captions (one sentence with the numbers), and the link to an agency's
 * panel. No SQL, no Svelte: unit-tested as tables of cases.
 */
import { filtersToParams, withValues, type Filters } from '../filters/filters';
import { formatCount, formatDate, formatPercent } from '../format';
import { THEMES, themeLabel } from '../model/themes';
import type { AgencyRow, AgencyThemeCell, OpenAction } from '../queries/agencies';
import type { Rule } from '../privacy/suppress';
import { barsShown, protectAgencyRows } from '../privacy/protect';

/** How an agency is named where none is recorded. */
export const NO_AGENCY = 'Agency not recorded';

export const agencyName = (a: string | null): string => a ?? NO_AGENCY;

/** The columns of the agency table, in order; every one sorts. */
export const AGENCY_COLUMNS = [
	{ key: 'agency', label: 'Agency', numeric: false },
	{ key: 'recommendations', label: 'Recommendations received', numeric: true },
	{ key: 'actions', label: 'Actions led', numeric: true },
	{ key: 'pct_completed', label: 'Completed', numeric: true },
	{ key: 'pct_on_time', label: 'Completed on time', numeric: true },
	{ key: 'median_days', label: 'Median days to complete', numeric: true },
	{ key: 'open', label: 'Open now', numeric: true },
	{ key: 'overdue', label: 'Overdue now', numeric: true }
] as const satisfies readonly { key: keyof AgencyRow; label: string; numeric: boolean }[];
export type AgencySortKey = (typeof AGENCY_COLUMNS)[number]['key'];
export type SortDir = 'ascending' | 'descending';

/**
 * Rows sorted by one column. Missing values (no actions, nothing completed) go last in either
 * direction, since "no figure" is neither high nor low; ties fall back to the agency name.
 */
export function sortAgencies(rows: readonly AgencyRow[], key: AgencySortKey, dir: SortDir): AgencyRow[] {
	const sign = dir === 'ascending' ? 1 : -1;
	// Named agencies A–Z, the row with no agency recorded after them.
	const byName = (a: AgencyRow, b: AgencyRow) =>
		a.agency == null || b.agency == null ? Number(a.agency == null) - Number(b.agency == null) : a.agency.localeCompare(b.agency, 'en-GB');
	return [...rows].sort((a, b) => {
		if (key === 'agency') {
			if ((a.agency == null) !== (b.agency == null)) return a.agency == null ? 1 : -1;
			return sign * byName(a, b);
		}
		const x = a[key];
		const y = b[key];
		if (x == null || y == null) return x == null && y == null ? byName(a, b) : x == null ? 1 : -1;
		return x === y ? byName(a, b) : sign * (x - y);
	});
}

/** The direction a column sorts in when first chosen: names A–Z, figures largest first. */
export const firstDir = (key: AgencySortKey): SortDir => (key === 'agency' ? 'ascending' : 'descending');

/** The query string of the current filters narrowed to one agency (its panel of open actions). */
export function agencyPanelSearch(f: Filters, agency: string): string {
	return `?${filtersToParams(withValues(f, 'agency', [agency])).toString()}`;
}

/** The agency whose panel to show: the one agency chosen in the filters, else none. */
export function panelAgency(f: Filters): string | null {
	return f.values.agency.length === 1 ? f.values.agency[0] : null;
}

/** A label short enough for a chart's axis; the full name stays in the tooltip and the table. */
export function shortLabel(name: string, max = 34): string {
	return name.length <= max ? name : `${name.slice(0, max - 1).trimEnd()}…`;
}

/** How many agencies the overdue chart shows; the table above it lists them all. */
export const OVERDUE_BARS = 15;

/**
 * Bars of overdue actions, largest first, for the `limit` agencies with most (at least one), and how
 * many other agencies have overdue actions.
 */
export function overdueBars(rows: readonly AgencyRow[], limit = OVERDUE_BARS) {
	const all = rows
		.filter((r) => r.agency != null && r.overdue > 0)
		.sort((a, b) => b.overdue - a.overdue || agencyName(a.agency).localeCompare(agencyName(b.agency), 'en-GB'))
		.map((r) => ({ key: r.agency!, label: r.agency!, value: r.overdue, open: r.open }));
	return { bars: all.slice(0, limit), others: Math.max(0, all.length - limit) };
}

export function overdueCaption(rows: readonly AgencyRow[], asAt: string, rule: Rule | null = null): string {
	const total = rows.reduce((s, r) => s + r.overdue, 0);
	const { bars, others } = overdueBars(rows);
	if (!bars.length) return `No action was overdue at ${formatDate(asAt)}`;
	const top = bars[0];
	if (bars.length === 1) return `${top.key} had ${formatCount(top.value, rule)} overdue actions at ${formatDate(asAt)}`;
	const which = others ? `the ${bars.length} agencies with most of them` : `${bars.length} agencies`;
	return `${formatCount(total, rule)} actions were overdue at ${formatDate(asAt)}, shown for ${which}; ${top.key} led the most, ${formatCount(top.value, rule)}`;
}

/**
 * The agency rows and overdue bars as shown under the rule (the agencies page and the board
 * report): the rows protected, the bars ordered by the whole figures with the values the rows show.
 */
export function agenciesShown(rows: readonly AgencyRow[], rule: Rule | null) {
	const shown = protectAgencyRows(rows, rule);
	const bars = barsShown(overdueBars(rows).bars, new Map(shown.map((r) => [r.agency ?? '', r.overdue])), rule);
	return { rows: shown, bars };
}

/** The counting rule under the overdue chart, and who is left out. */
export function overdueNote(rows: readonly AgencyRow[], rule: Rule | null = null): string {
	const { others } = overdueBars(rows);
	const base = 'Open actions led by each agency whose target date had passed. Choose a bar to filter by that agency.';
	return others ? `${base} ${formatCount(others, rule)} other ${others === 1 ? 'agency has' : 'agencies have'} fewer overdue actions: see the table above.` : base;
}

export function tableCaption(rows: readonly AgencyRow[], asAt: string, rule: Rule | null = null): string {
	const n = rows.filter((r) => r.agency != null).length;
	return `Recommendations received and actions led by ${formatCount(n, rule)} ${n === 1 ? 'agency' : 'agencies'}, with their status at ${formatDate(asAt)}`;
}

/** Percentage with the count it is of, e.g. "74.9% (559 of 746)". */
export function shareText(pct: number | null, part: number, whole: number, rule: Rule | null = null): string {
	return pct == null ? '–' : `${formatPercent(pct)} (${formatCount(part, rule)} of ${formatCount(whole, rule)})`;
}

/** The agency × theme grid: agencies by recommendations received (most first), themes in taxonomy order. */
export function agencyThemeGrid(cells: readonly AgencyThemeCell[], shown: readonly AgencyThemeCell[] = cells) {
	const total = new Map<string, number>();
	for (const c of cells) total.set(c.agency, (total.get(c.agency) ?? 0) + c.recommendations);
	const agencies = [...total.keys()].sort((a, b) => total.get(b)! - total.get(a)! || a.localeCompare(b, 'en-GB'));
	const seen = new Set(cells.map((c) => c.theme));
	const known = THEMES.map((t) => t.id);
	const themes = [...known.filter((t) => seen.has(t)), ...[...seen].filter((t) => !known.includes(t)).sort()];
	return {
		// Whole names: the chart wraps them (charts/labels.ts).
		rows: agencies.map((a) => ({ key: a, label: a })),
		cols: themes.map((t) => ({ key: t, label: themeLabel(t) })),
		// `shown`: the same cells as drawn (small-number protection); the order comes from the whole figures.
		cells: shown.map((c) => ({ row: c.agency, col: c.theme, value: c.recommendations }))
	};
}

export function agencyThemeCaption(cells: readonly AgencyThemeCell[], rule: Rule | null = null): string {
	const agencies = new Set(cells.map((c) => c.agency)).size;
	const top = [...cells].sort((a, b) => b.recommendations - a.recommendations || a.agency.localeCompare(b.agency))[0];
	if (!top) return 'No recommendation addressed to an agency has a theme';
	return `Themes of recommendations addressed to ${formatCount(agencies, rule)} ${agencies === 1 ? 'agency' : 'agencies'}; the most frequent pair is ${themeLabel(top.theme)} for ${top.agency} (${formatCount(top.recommendations, rule)})`;
}

/** The sentence above an agency's open actions. */
export function openActionsSummary(agency: string, actions: readonly OpenAction[], asAt: string, rule: Rule | null = null): string {
	const overdue = actions.filter((a) => a.overdue).length;
	if (!actions.length) return `${agency} had no open actions at ${formatDate(asAt)}.`;
	return `${agency} had ${formatCount(actions.length, rule)} open ${actions.length === 1 ? 'action' : 'actions'} at ${formatDate(asAt)}, ${formatCount(overdue, rule)} of them overdue.`;
}
