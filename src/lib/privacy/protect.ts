/**
 * Small-number protection applied to what each view draws: one function per shape of query result,
 * returning the same shape with hidden counts as NaN (see suppress.ts). Pages call these on their
 * query results with `protection.rule`; with no rule they return the data unchanged.
 */
import type { OverviewTiles, ThemeYearMatrix } from '../queries/overview';
import type { Cooccurrence, ThemeYearShares } from '../queries/themes';
import type { AgencyRow, AgencyThemeCell } from '../queries/agencies';
import type { BacklogPoint } from '../queries/status';
import type { StatusYearTableRow } from '../views/status';
import type { BucketCount } from '../queries/actions';
import { complement, count, counts, HIDDEN, isHidden, matrix, partition, share, type Rule } from './suppress';

export function protectTiles(t: OverviewTiles, rule: Rule | null): OverviewTiles {
	if (!rule) return t;
	const out = counts(t, ['reviews', 'recommendations', 'actions', 'actions_completed', 'actions_overdue'], rule);
	return { ...out, pct_completed: share(t.pct_completed, [t.actions_completed, t.actions], rule) };
}

/** Rows × columns of cells (with row keys and column keys), through `matrix`; other cells kept. */
function grid<C>(
	cells: readonly C[],
	rowOf: (c: C) => string,
	colOf: (c: C) => string,
	valueOf: (c: C) => number,
	withValue: (c: C, v: number) => C,
	rule: Rule,
	totals: { rows: boolean; cols: boolean }
): C[] {
	const rows = [...new Set(cells.map(rowOf))];
	const cols = [...new Set(cells.map(colOf))];
	const at = new Map(cells.map((c) => [`${rowOf(c)}\u0000${colOf(c)}`, valueOf(c)]));
	const values = rows.map((r) => cols.map((c) => at.get(`${r}\u0000${c}`) ?? 0));
	const out = matrix(values, rule, totals);
	return cells.map((c) => withValue(c, out[rows.indexOf(rowOf(c))][cols.indexOf(colOf(c))]));
}

/** Theme × year recommendations with each theme's total shown (and each year's, in the table). */
export function protectThemeYear(m: ThemeYearMatrix, rule: Rule | null): ThemeYearMatrix {
	if (!rule) return m;
	return {
		...m,
		themes: m.themes.map((t) => ({ ...t, total: count(t.total, rule) as number })),
		cells: grid(m.cells, (c) => c.theme, (c) => String(c.year), (c) => c.recommendations, (c, v) => ({ ...c, recommendations: v }), rule, { rows: true, cols: true }),
		without_year: count(m.without_year, rule) as number
	};
}

/**
 * Reviews with each theme by year: the theme's years add up to its shown total (complemented by
 * row); the years' reviews add up to the reviews shown; a share is hidden with its count or base.
 */
export function protectShares(d: ThemeYearShares, rule: Rule | null): ThemeYearShares {
	if (!rule) return d;
	const rows = grid(d.rows, (r) => r.theme, (r) => String(r.year), (r) => r.reviews_with_theme, (r, v) => ({ ...r, reviews_with_theme: v }), rule, { rows: true, cols: false });
	const years = partition(d.years.map((y) => y.reviews), d.reviews, rule);
	const yearReviews = new Map(d.years.map((y, i) => [y.year, years.values[i]]));
	return {
		...d,
		themes: d.themes.map((t) => ({ ...t, reviews: count(t.reviews, rule) as number })),
		years: d.years.map((y, i) => ({ ...y, reviews: years.values[i] })),
		rows: rows.map((r) => {
			const inYear = yearReviews.get(r.year) ?? r.reviews_in_year;
			return { ...r, reviews_in_year: inYear, share: share(r.share, [r.reviews_with_theme, inYear], rule) };
		}),
		reviews: years.total as number,
		without_year: count(d.without_year, rule) as number
	};
}

/** Pairs found in the same reviews: no cells add up to a shown total, so small cells only. */
export function protectCooccurrence(c: Cooccurrence, rule: Rule | null): Cooccurrence {
	if (!rule) return c;
	return {
		...c,
		items: c.items.map((i) => ({ ...i, reviews: count(i.reviews, rule) as number })),
		cells: c.cells.map((x) => ({ ...x, reviews: count(x.reviews, rule) as number })),
		reviews: count(c.reviews, rule) as number,
		with_any: count(c.with_any, rule) as number
	};
}

/**
 * An agency's row: its counts, and its percentages and median hidden when built on a hidden
 * count. completed + open + not accepted = actions, so when exactly one of completed and open is
 * hidden, the other is hidden too.
 */
export function protectAgencyRows(rows: readonly AgencyRow[], rule: Rule | null): AgencyRow[] {
	if (!rule) return [...rows];
	const out = rows.map((r) => {
		const out = counts(r, ['recommendations', 'actions', 'completed', 'completed_dated', 'on_time', 'open', 'overdue'], rule);
		const notAccepted = r.actions - r.completed - r.open;
		const p = partition([r.completed, r.open, notAccepted], r.actions, rule);
		out.completed = p.values[0];
		out.open = p.values[1];
		if (isHidden(out.open) && r.overdue > 0) out.overdue = HIDDEN;
		out.pct_completed = share(r.pct_completed, [out.completed, out.actions], rule);
		out.pct_on_time = share(r.pct_on_time, [out.on_time, out.completed_dated], rule);
		out.median_days = isHidden(out.completed) ? (r.median_days == null ? null : HIDDEN) : r.median_days;
		return out;
	});
	// Each column adds up to a total shown elsewhere (the overview's tiles): one hidden agency in a
	// column would be that total less the others, so a second is hidden.
	for (const key of ['recommendations', 'actions', 'open', 'overdue'] as const) {
		const col = out.map((r) => r[key]);
		if (complement(col, rows.map((r) => r[key]))) col.forEach((v, i) => (out[i] = { ...out[i], [key]: v }));
	}
	return out;
}

/** Bars drawn from whole figures (for their order), with the values the protected rows show. */
export function barsShown<B extends { key: string; value: number }>(bars: readonly B[], shown: ReadonlyMap<string, number>, rule: Rule | null): B[] {
	if (!rule) return [...bars];
	return bars.map((b) => ({ ...b, value: shown.get(b.key) ?? b.value }));
}

export function protectAgencyThemes(cells: readonly AgencyThemeCell[], rule: Rule | null): AgencyThemeCell[] {
	if (!rule) return [...cells];
	return cells.map((c) => counts(c, ['recommendations'] as (keyof AgencyThemeCell)[], rule));
}

/** Actions by year and status: each year's statuses add up to its total (shown in the table). */
export function protectStatusTable(rows: readonly StatusYearTableRow[], rule: Rule | null): StatusYearTableRow[] {
	if (!rule) return [...rows];
	return rows.map((r) => {
		const keys = Object.keys(r.counts);
		const p = partition(keys.map((k) => r.counts[k]), r.total, rule);
		const counts = Object.fromEntries(keys.map((k, i) => [k, p.values[i]]));
		return { ...r, counts, total: p.total as number, pct_completed: share(r.pct_completed, [counts.completed, p.total], rule) };
	});
}

/**
 * Completion after publication, as lines: a point whose base (eligible actions) or count is small
 * is hidden, and so is its percentage (which, with the base, would give the count).
 */
export function protectCurveLines<L extends { points: { eligible: number; completed: number; pct: number }[] }>(lines: readonly L[], rule: Rule | null): L[] {
	if (!rule) return [...lines];
	return lines.map((l) => ({
		...l,
		points: l.points.map((p) => {
			const eligible = count(p.eligible, rule) as number;
			const completed = isHidden(eligible) ? HIDDEN : (count(p.completed, rule) as number);
			return { ...p, eligible, completed, pct: share(p.pct, [completed, eligible], rule) as number };
		})
	}));
}

export function protectBacklog(points: readonly BacklogPoint[], rule: Rule | null): BacklogPoint[] {
	if (!rule) return [...points];
	return points.map((p) => ({ ...p, open: count(p.open, rule) as number, overdue: count(p.overdue, rule) as number }));
}

/** Open actions by overdue band: the bands add up to the open actions shown. */
export function protectBuckets(b: readonly BucketCount[], rule: Rule | null): BucketCount[] {
	if (!rule) return [...b];
	const p = partition(b.map((x) => x.n), b.reduce((a, x) => a + x.n, 0), rule);
	return b.map((x, i) => ({ ...x, n: p.values[i] }));
}

/**
 * A list of rows about reviews (the reviews list, open actions) narrowed to fewer than N reviews:
 * the number of reviews when it is from 1 to N−1 (the page then says so instead of listing them),
 * else null.
 */
export function tooFewReviews(rows: readonly { review_id: string }[], rule: Rule | null): number | null {
	if (!rule || rows.length === 0) return null;
	const n = new Set(rows.map((r) => r.review_id)).size;
	return n < rule.below ? n : null;
}

/**
 * A theme's rising/falling flag is worked out on the full figures (it is a judgement over several
 * years, not a count); the counts and shares it shows are protected like any other.
 */
export function protectTrends<T extends { recent: PeriodCounts; earlier: PeriodCounts; change: number | null }>(trends: readonly T[], rule: Rule | null): T[] {
	if (!rule) return [...trends];
	const period = (p: PeriodCounts): PeriodCounts => {
		const w = count(p.with, rule) as number;
		const n = count(p.reviews, rule) as number;
		return { ...p, with: w, reviews: n, share: share(p.share, [w, n], rule) };
	};
	return trends.map((t) => {
		const recent = period(t.recent);
		const earlier = period(t.earlier);
		const change = isHidden(recent.share) || isHidden(earlier.share) ? (t.change == null ? null : HIDDEN) : t.change;
		return { ...t, recent, earlier, change };
	});
}

interface PeriodCounts {
	with: number;
	reviews: number;
	share: number | null;
}
