/**
 * The themes view's pure parts: the rule that flags a theme as rising or falling, the data each
 * small multiple draws, and the sentences of captions and notes. No engine, no Svelte: unit-tested
 * as tables of cases.
 */
import { formatCount, formatDate, formatPercent } from '../format';
import type { Cooccurrence, ThemeYearShare, ThemeYearShares } from '../queries/themes';
import type { Rule } from '../privacy/suppress';
import { protectTrends } from '../privacy/protect';

export type Measure = 'share' | 'count';

/**
 * Rising or falling: the share of reviews with the theme in the last `recentYears` complete years
 * against the share in the years before, within the filtered period. Flagged when the difference is
 * at least `minPoints` percentage points AND at least `minReviews` reviews (the recent count against
 * what the earlier share would have given for as many reviews), so that 1 review of 3 against 0 of 2
 * is not called a trend. Both periods need `minWindowReviews` reviews to be compared at all.
 */
export const TREND_RULE = { recentYears: 3, minPoints: 10, minReviews: 3, minWindowReviews: 5 } as const;
export type TrendRule = { recentYears: number; minPoints: number; minReviews: number; minWindowReviews: number };

export type Direction = 'rising' | 'falling' | 'steady' | 'too few';

/** How a direction reads in a sentence: "steady" would claim more than the rule shows. */
export const DIRECTION_WORDS: Record<Direction, string> = {
	rising: 'rising',
	falling: 'falling',
	steady: 'no clear change',
	'too few': 'too few reviews to compare'
};

export interface Period {
	from: number;
	to: number;
}

export interface PeriodShare extends Period {
	/** Reviews in the period with the theme. */
	with: number;
	/** Reviews in the period. */
	reviews: number;
	/** with / reviews as a percentage, or null with no review. */
	share: number | null;
}

export interface ThemeTrend {
	theme: string;
	label: string;
	recent: PeriodShare;
	earlier: PeriodShare;
	/** Recent share minus earlier share, in percentage points; null when a period has no review. */
	change: number | null;
	direction: Direction;
}

/** The last calendar year that had ended by the as-at date. */
export function lastCompleteYear(asAt: string): number {
	const year = Number(asAt.slice(0, 4));
	return asAt.slice(5) === '12-31' ? year : year - 1;
}

/**
 * The two periods compared: the last `recentYears` complete years of the years shown, and every
 * year before them. Null when there is nothing before the recent years (or no complete year).
 */
export function trendPeriods(years: number[], asAt: string, recentYears: number = TREND_RULE.recentYears): { recent: Period; earlier: Period } | null {
	const complete = years.filter((y) => y <= lastCompleteYear(asAt));
	if (!complete.length) return null;
	const to = Math.max(...complete);
	const from = to - recentYears + 1;
	const first = Math.min(...years);
	if (first > from - 1) return null;
	return { recent: { from, to }, earlier: { from: first, to: from - 1 } };
}

function periodShare(rows: ThemeYearShare[], p: Period): PeriodShare {
	const inP = rows.filter((r) => r.year >= p.from && r.year <= p.to);
	const w = inP.reduce((s, r) => s + r.reviews_with_theme, 0);
	const n = inP.reduce((s, r) => s + r.reviews_in_year, 0);
	return { ...p, with: w, reviews: n, share: n > 0 ? (100 * w) / n : null };
}

// Shares are ratios of small integers; compare with a little slack so 10.000000000000002 or
// 9.999999999999998 count as the 10 points they are.
const EPS = 1e-9;

export function direction(recent: PeriodShare, earlier: PeriodShare, rule: TrendRule = TREND_RULE): Direction {
	if (recent.reviews < rule.minWindowReviews || earlier.reviews < rule.minWindowReviews) return 'too few';
	const change = recent.share! - earlier.share!;
	const beyondExpected = recent.with - (earlier.share! / 100) * recent.reviews;
	if (change >= rule.minPoints - EPS && beyondExpected >= rule.minReviews - EPS) return 'rising';
	if (change <= -rule.minPoints + EPS && beyondExpected <= -rule.minReviews + EPS) return 'falling';
	return 'steady';
}

/** Each theme's share in the two periods and its flag, in the order of `data.themes`. */
export function themeTrends(
	data: ThemeYearShares,
	asAt: string,
	rule: TrendRule = TREND_RULE
): { periods: { recent: Period; earlier: Period } | null; trends: ThemeTrend[] } {
	const periods = trendPeriods(
		data.years.map((y) => y.year),
		asAt,
		rule.recentYears
	);
	if (!periods) return { periods, trends: [] };
	const trends = data.themes.map((t) => {
		const rows = data.rows.filter((r) => r.theme === t.id);
		const recent = periodShare(rows, periods.recent);
		const earlier = periodShare(rows, periods.earlier);
		return {
			theme: t.id,
			label: t.label,
			recent,
			earlier,
			change: recent.share != null && earlier.share != null ? recent.share - earlier.share : null,
			direction: direction(recent, earlier, rule)
		};
	});
	return { periods, trends };
}

/**
 * The trends as shown under small-number protection (the themes page and the board report): the
 * flags judged on the whole figures, the counts and shares they show protected. Null before data.
 */
export function trendsShown(data: ThemeYearShares | null, asAt: string, rule: Rule | null): ReturnType<typeof themeTrends> | null {
	if (!data) return null;
	const t = themeTrends(data, asAt);
	return { ...t, trends: protectTrends(t.trends, rule) };
}

/** A co-occurrence matrix as the heat map draws it: the items as rows and columns, a cell per pair. */
export function pairsGrid(c: Cooccurrence) {
	const keys = c.items.map((i) => ({ key: i.key, label: i.label }));
	return { rows: keys, cols: keys, cells: c.cells.map((x) => ({ row: x.row, col: x.col, value: x.reviews })) };
}

/** "2023–2025", or "2025" for a single year. */
export function periodLabel(p: Period): string {
	return p.from === p.to ? String(p.from) : `${p.from}–${p.to}`;
}

/** A label inside a sentence: "Risk assessment (DASH)" -> "risk assessment (DASH)", but "MARAC referral" stays. */
export function inSentence(label: string): string {
	return /^[A-Z][A-Z]/.test(label) ? label : label.charAt(0).toLowerCase() + label.slice(1);
}

/** A whole percentage for sentences ("62%"); tables show one decimal. */
export function pct(share: number | null): string {
	if (share == null) return '–';
	return Number.isNaN(share) ? 'hidden' : `${Math.round(share)}%`;
}

/**
 * "Coercive control: 62% of reviews in 2023–2025 (41 of 66) against 31% in 2011–2022 (57 of 184) — rising."
 */
export function trendSentence(t: ThemeTrend): string {
	return `${t.label}: ${trendDetail(t)}`;
}

/** The sentence after the theme's name: "62% of reviews in 2023–2025 (41 of 66) against … — rising." */
export function trendDetail(t: ThemeTrend, rule: Rule | null = null): string {
	const { recent: r, earlier: e } = t;
	return `${pct(r.share)} of reviews in ${periodLabel(r)} (${formatCount(r.with, rule)} of ${formatCount(r.reviews, rule)}) against ${pct(e.share)} in ${periodLabel(e)} (${formatCount(e.with, rule)} of ${formatCount(e.reviews, rule)}) — ${DIRECTION_WORDS[t.direction]}.`;
}

/** The rule in words, for the page. */
export function trendRuleText(periods: { recent: Period; earlier: Period }, rule: TrendRule = TREND_RULE): string {
	return (
		`Each theme's share of reviews in ${periodLabel(periods.recent)} (the last ${rule.recentYears} complete years shown) is compared with its share in ${periodLabel(periods.earlier)}. ` +
		`A theme is flagged rising or falling when the two differ by at least ${rule.minPoints} percentage points and by at least ${rule.minReviews} reviews ` +
		`(the recent count against what the earlier share would give for as many reviews); each period needs at least ${rule.minWindowReviews} reviews.`
	);
}

/** One theme's line: a point per year (share: only years with a review, so an empty year is a gap, not a 0%). */
export function themeSeries(data: ThemeYearShares, theme: string, measure: Measure): { x: number; y: number }[] {
	return data.rows
		.filter((r) => r.theme === theme && (measure === 'count' || r.share != null))
		.map((r) => ({ x: r.year, y: measure === 'share' ? r.share! : r.reviews_with_theme }));
}

/** The shared y maximum of the small multiples: a multiple of 10 for shares (at most 100), at least 1 for counts. */
export function sharedMax(data: ThemeYearShares, measure: Measure): number {
	if (measure === 'share') {
		const m = Math.max(0, ...data.rows.map((r) => r.share ?? 0).filter((v) => !Number.isNaN(v)));
		return Math.min(100, Math.max(10, Math.ceil(m / 10) * 10));
	}
	return Math.max(1, ...data.rows.map((r) => r.reviews_with_theme).filter((v) => !Number.isNaN(v)));
}

/** Words for one point: "MARAC referral, 2019: 12 of 17 reviews (71%)". */
export function describeYear(label: string, r: ThemeYearShare, rule: Rule | null = null): string {
	if (r.reviews_in_year === 0) return `${label}, ${r.year}: no review that year`;
	return `${label}, ${r.year}: ${formatCount(r.reviews_with_theme, rule)} of ${formatCount(r.reviews_in_year, rule)} reviews (${pct(r.share)})`;
}

function yearSpan(data: ThemeYearShares): string {
	const ys = data.years.map((y) => y.year);
	return periodLabel({ from: ys[0], to: ys[ys.length - 1] });
}

/** Caption of the small multiples: what they show, for the current filters, with the most frequent theme. */
export function sharesCaption(data: ThemeYearShares, measure: Measure, rule: Rule | null = null): string {
	const what =
		measure === 'share'
			? `Share of each year's reviews in which each of ${data.themes.length} themes appears, ${yearSpan(data)}`
			: `Number of reviews in which each of ${data.themes.length} themes appears, by year, ${yearSpan(data)}`;
	const top = [...data.themes].sort((a, b) => b.reviews - a.reviews)[0];
	if (!top || top.reviews === 0) return `${what}: no theme appears in the ${formatCount(data.reviews, rule)} reviews.`;
	return `${what}: ${inSentence(top.label)} appears most often, in ${formatCount(top.reviews, rule)} of the ${formatCount(data.reviews, rule)} reviews (${pct((100 * top.reviews) / data.reviews)}).`;
}

/**
 * What a theme filter does to these figures: only recommendations tagged with a chosen theme count,
 * so another theme shows only where it is tagged on one of those same recommendations.
 */
export const THEME_FILTER_NOTE =
	'With a theme filter on, only recommendations tagged with a chosen theme count, so other themes show only where they are tagged on those same recommendations.';

/** Counting rules under the small multiples, and what is partial or left out. */
export function sharesNote(data: ThemeYearShares, asAt: string, themeFiltered = false, rule: Rule | null = null): string {
	const parts = [
		'A review counts once for a theme when any of its recommendations under the filters is tagged with it. Year: when the review was completed (published, if no completion date).',
		'All charts share one scale.'
	];
	if (themeFiltered) parts.push(THEME_FILTER_NOTE);
	const last = data.years[data.years.length - 1]?.year;
	if (last != null && last > lastCompleteYear(asAt)) {
		parts.push(`${last} is a partial year: the data runs to ${formatDate(asAt)}.`);
	}
	if (data.without_year > 0) parts.push(`${formatCount(data.without_year, rule)} reviews with no date are not shown.`);
	return parts.join(' ');
}

/** The most frequent pair off the diagonal, or null when no two items share a review. */
export function topPair(c: Cooccurrence): { a: string; b: string; reviews: number } | null {
	const label = new Map(c.items.map((i) => [i.key, i.label]));
	const index = new Map(c.items.map((i, k) => [i.key, k]));
	let best: { a: string; b: string; reviews: number } | null = null;
	// Each pair once (row before column in vocabulary order); keeping the first maximum makes the choice stable.
	for (const cell of c.cells) {
		if (index.get(cell.row)! >= index.get(cell.col)! || cell.reviews === 0) continue;
		if (!best || cell.reviews > best.reviews) best = { a: label.get(cell.row)!, b: label.get(cell.col)!, reviews: cell.reviews };
	}
	return best;
}

/** "Reviews in which two themes both appear, among the 250 reviews: information sharing and risk assessment most often, in 180 (72%)." */
export function cooccurrenceCaption(c: Cooccurrence, kind: 'theme' | 'factor', rule: Rule | null = null): string {
	const what =
		kind === 'theme'
			? `Reviews in which two themes both appear, among the ${formatCount(c.reviews, rule)} reviews`
			: `Reviews in which two case factors were both recorded, among the ${formatCount(c.reviews, rule)} reviews (${formatCount(c.with_any, rule)} with any factor recorded)`;
	const top = topPair(c);
	if (!top) return `${what}: no two ${kind === 'theme' ? 'themes' : 'factors'} occur in the same review.`;
	return `${what}: ${inSentence(top.a)} with ${inSentence(top.b)} most often, in ${formatCount(top.reviews, rule)} (${pct((100 * top.reviews) / c.reviews)}).`;
}

/** Words for one matrix cell. */
export function describePair(c: Cooccurrence, row: string, col: string, reviews: number, kind: 'theme' | 'factor', rule: Rule | null = null): string {
	const label = (k: string) => c.items.find((i) => i.key === k)?.label ?? k;
	const verb = kind === 'theme' ? 'appears' : 'was recorded';
	if (row === col) return `${label(row)} ${verb} in ${formatCount(reviews, rule)} of ${formatCount(c.reviews, rule)} reviews`;
	return `${label(row)} and ${label(col)}: both in ${formatCount(reviews, rule)} of ${formatCount(c.reviews, rule)} reviews`;
}

/** A table as text, for the table twins (and for the browser test to compare with a query run under Node). */
export interface TextTable {
	head: string[];
	rows: { key: string; cells: string[] }[];
	foot?: string[];
}

/**
 * The small multiples' twin: a row per theme, a column per year, in the measure shown (share with
 * one decimal, or count), the whole period last; the reviews of each year in the footer.
 */
export function yearTable(data: ThemeYearShares, measure: Measure, rule: Rule | null = null): TextTable {
	const cell = (w: number, n: number) =>
		measure === 'count' ? formatCount(w, rule) : n > 0 ? formatPercent((100 * w) / n) : '–';
	return {
		head: ['Theme', ...data.years.map((y) => String(y.year)), 'All years'],
		rows: data.themes.map((t) => {
			const rows = data.rows.filter((r) => r.theme === t.id);
			return {
				key: t.id,
				cells: [t.label, ...rows.map((r) => cell(r.reviews_with_theme, r.reviews_in_year)), cell(t.reviews, data.reviews)]
			};
		}),
		foot: ['Reviews', ...data.years.map((y) => formatCount(y.reviews, rule)), formatCount(data.reviews, rule)]
	};
}

/** The trend comparison as a table: every theme, both periods, the change and the flag in words. */
export function trendTable(trends: ThemeTrend[], periods: { recent: Period; earlier: Period }, rule: Rule | null = null): TextTable {
	const share = (p: PeriodShare) => `${formatPercent(p.share)} (${formatCount(p.with, rule)} of ${formatCount(p.reviews, rule)})`;
	return {
		head: ['Theme', periodLabel(periods.earlier), periodLabel(periods.recent), 'Change (points)', 'Flag'],
		rows: trends.map((t) => ({
			key: t.theme,
			cells: [
				t.label,
				share(t.earlier),
				share(t.recent),
				t.change == null ? '–' : `${t.change > 0 ? '+' : t.change < 0 ? '−' : ''}${formatPoints(Math.abs(t.change))}`,
				DIRECTION_WORDS[t.direction]
			]
		}))
	};
}

const onePoint = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
function formatPoints(v: number): string {
	return onePoint.format(v);
}

/** A co-occurrence matrix's twin: a row and a column per item, the count of reviews with both. */
export function matrixTable(c: Cooccurrence, first: string, rule: Rule | null = null): TextTable {
	const n = new Map(c.cells.map((x) => [`${x.row}|${x.col}`, x.reviews]));
	return {
		head: [first, ...c.items.map((i) => i.label)],
		rows: c.items.map((r) => ({
			key: r.key,
			cells: [r.label, ...c.items.map((col) => formatCount(n.get(`${r.key}|${col.key}`) ?? 0, rule))]
		}))
	};
}

/**
 * The theme filter after choosing a matrix cell. The theme filter keeps reviews with ANY chosen
 * theme, so it cannot ask for "both"; a cell filters by its row's theme alone, and choosing it
 * again (when that is already the only theme chosen) removes the theme filter.
 */
export function themesAfterCell(current: string[], row: string): string[] {
	return current.length === 1 && current[0] === row ? [] : [row];
}

/** The short flag under a small multiple: "Rising: 80% in 2023–2025 against 57% in 2011–2022". */
export function trendShort(t: ThemeTrend): string {
	if (t.direction === 'too few') return 'Too few reviews to compare';
	const word = DIRECTION_WORDS[t.direction];
	return `${word.charAt(0).toUpperCase()}${word.slice(1)}: ${pct(t.recent.share)} in ${periodLabel(t.recent)} against ${pct(t.earlier.share)} in ${periodLabel(t.earlier)}`;
}

/**
 * Year labels for an x axis too narrow for every tick (a small multiple): label only years on a
 * step that leaves at most about four labels; other ticks keep their mark, unlabelled.
 */
export function sparseYearFormat(years: number[]): (y: number) => string {
	const span = years.length ? Math.max(...years) - Math.min(...years) : 0;
	const step = span <= 3 ? 1 : span <= 8 ? 2 : span <= 16 ? 4 : span <= 25 ? 5 : 10;
	return (y) => (Number.isInteger(y) && y % step === 0 ? String(y) : '');
}

/** Themes flagged rising or falling: rising first, then falling, the largest change first within each. */
export function flaggedTrends(trends: readonly ThemeTrend[]): ThemeTrend[] {
	return trends
		.filter((t) => t.direction === 'rising' || t.direction === 'falling')
		.sort((a, b) =>
			a.direction === b.direction ? Math.abs(b.change ?? 0) - Math.abs(a.change ?? 0) : a.direction === 'rising' ? -1 : 1
		);
}
