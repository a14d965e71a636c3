/**
 * The status view's small pure helpers: the stacked bars of status by year, the lines of the
 * completion curve (at most a few, the rest grouped), the backlog lines, their table rows and their
 * captions. No SQL, no Svelte: unit-tested as tables of cases.
 */
import { formatCount, formatDate, formatPercent } from '../format';
import type { Rule } from '../privacy/suppress';
import { protectCurveLines, protectStatusTable } from '../privacy/protect';
import { STATUS_COLOURS } from '../charts/palette';
import { labelOf, SCOPES, STATUSES, type Status } from '../model/vocab';
import type { BacklogPoint, CurveGroupBy, CurvePoint, StatusYearRow } from '../queries/status';

/** Stack order of the status bars, from the bottom: done first, then what is left, then declined. */
export const STATUS_ORDER: Status[] = ['completed', 'in progress', 'not started', 'not accepted'];

export const statusLabel = (code: string) => labelOf(STATUSES, code);

/** Series of the stacked bars: the status words and their colours. */
export const STATUS_SERIES = STATUS_ORDER.map((code) => ({ key: code, label: statusLabel(code), colour: STATUS_COLOURS[code] }));

export interface StatusYearTableRow {
	year: number;
	counts: Record<string, number>;
	total: number;
	/** completed / total, 0–100, null when no actions. */
	pct_completed: number | null;
}

/** One row per review year (every year from first to last, gaps as zeros), with a count per status. */
export function statusYearTable(rows: readonly StatusYearRow[]): StatusYearTableRow[] {
	const dated = rows.filter((r) => r.year != null) as (StatusYearRow & { year: number })[];
	if (!dated.length) return [];
	const years = dated.map((r) => r.year);
	const out: StatusYearTableRow[] = [];
	for (let y = Math.min(...years); y <= Math.max(...years); y++) {
		const counts: Record<string, number> = Object.fromEntries(STATUS_ORDER.map((s) => [s, 0]));
		for (const r of dated) if (r.year === y) counts[r.status] = (counts[r.status] ?? 0) + r.actions;
		const total = Object.values(counts).reduce((a, b) => a + b, 0);
		out.push({ year: y, counts, total, pct_completed: total ? Math.round((1000 * counts.completed) / total) / 10 : null });
	}
	return out;
}

/** The stacked-bar data: a segment per (year, status). */
export function statusBars(table: readonly StatusYearTableRow[]) {
	return table.flatMap((r) =>
		STATUS_ORDER.map((s) => ({ key: String(r.year), label: String(r.year), series: s, value: r.counts[s] ?? 0 }))
	);
}

/** Actions left out of the bars because their review has no date. */
export const undatedActions = (rows: readonly StatusYearRow[]) =>
	rows.filter((r) => r.year == null).reduce((s, r) => s + r.actions, 0);

export function statusCaption(table: readonly StatusYearTableRow[], asAt: string, rule: Rule | null = null): string {
	const total = table.reduce((s, r) => s + r.total, 0);
	const done = table.reduce((s, r) => s + (r.counts.completed ?? 0), 0);
	const years = table.length ? `${table[0].year}${table.length > 1 ? `–${table.at(-1)!.year}` : ''}` : '';
	const pct = total ? formatPercent((100 * done) / total) : '–';
	return `Of the ${formatCount(total, rule)} actions of reviews from ${years}, ${formatCount(done, rule)} (${pct}) were completed at ${formatDate(asAt)}`;
}

/** The most lines the completion curve draws; beyond it, the smallest groups are merged into one. */
export const MAX_LINES = 6;
export const OTHER = '__other';

export interface CurveLine {
	key: string;
	label: string;
	/** The groups (scopes or agencies) the line stands for: one, or several for the grouped rest. */
	members: (string | null)[];
	points: { months: number; eligible: number; completed: number; pct: number }[];
}

function groupLabel(groupBy: CurveGroupBy, key: string | null): string {
	if (groupBy === 'all') return 'All actions';
	if (key == null) return groupBy === 'scope' ? 'Scope not recorded' : 'Agency not recorded';
	return groupBy === 'scope' ? labelOf(SCOPES, key) : key;
}

/**
 * The curve's lines: one per group, largest first (by actions at month 0); when there are more than
 * `max`, the largest `max - 1` and one line for the rest (their counts summed month by month).
 */
export function curveLines(points: readonly CurvePoint[], groupBy: CurveGroupBy, max = MAX_LINES): CurveLine[] {
	const size = new Map<string | null, number>();
	for (const p of points) if (p.months === 0) size.set(p.group, p.eligible);
	const groups = [...new Set(points.map((p) => p.group))].sort(
		(a, b) => (size.get(b) ?? 0) - (size.get(a) ?? 0) || String(a).localeCompare(String(b), 'en-GB')
	);
	const kept = groups.length > max ? groups.slice(0, max - 1) : groups;
	const keyOf = (g: string | null) => (kept.includes(g) ? (g ?? '') : OTHER);
	const lines = new Map<string, CurveLine>();
	for (const g of groups) {
		const key = keyOf(g);
		if (!lines.has(key)) {
			const label = key === OTHER ? `Other ${groupBy === 'scope' ? 'scopes' : 'agencies'} (${groups.length - kept.length})` : groupLabel(groupBy, g);
			lines.set(key, { key, label, members: [], points: [] });
		}
		lines.get(key)!.members.push(g);
	}
	const sums = new Map<string, Map<number, { eligible: number; completed: number }>>();
	for (const p of points) {
		const key = keyOf(p.group);
		const byMonth = sums.get(key) ?? new Map();
		sums.set(key, byMonth);
		const s = byMonth.get(p.months) ?? { eligible: 0, completed: 0 };
		byMonth.set(p.months, { eligible: s.eligible + p.eligible, completed: s.completed + p.completed });
	}
	for (const [key, line] of lines) {
		line.points = [...sums.get(key)!.entries()]
			.sort((a, b) => a[0] - b[0])
			.map(([months, s]) => ({ months, ...s, pct: Math.round((1000 * s.completed) / s.eligible) / 10 }));
	}
	return [...lines.values()];
}

/** The month the caption quotes: a year after publication, else the last month every line reaches. */
export function captionMonth(lines: readonly CurveLine[]): number | null {
	const last = Math.min(...lines.map((l) => l.points.at(-1)?.months ?? -1));
	if (!lines.length || last < 0) return null;
	return Math.min(12, last);
}

/** Whose actions a single line stands for, in words. */
function whose(groupBy: CurveGroupBy, line: CurveLine): string {
	if (groupBy === 'agency') return `of the actions led by ${line.label}`;
	if (groupBy === 'scope') return `of the actions of ${line.label.toLowerCase()} recommendations`;
	return 'of actions';
}

export function curveCaption(lines: readonly CurveLine[], asAt: string, groupBy: CurveGroupBy = 'all', rule: Rule | null = null): string {
	const m = captionMonth(lines);
	if (m == null) return 'No review in scope was published before the as-at date';
	const at = lines.map((l) => ({ l, p: l.points.find((p) => p.months === m)! }));
	const within = `within ${m} ${m === 1 ? 'month' : 'months'} of publication`;
	if (at.length === 1) {
		const { p } = at[0];
		return `${formatPercent(p.pct)} ${whose(groupBy, at[0].l)} were completed ${within} (${formatCount(p.completed, rule)} of the ${formatCount(p.eligible, rule)} actions of reviews published at least ${m} months before ${formatDate(asAt)})`;
	}
	const sorted = [...at].sort((a, b) => b.p.pct - a.p.pct);
	const hi = sorted[0];
	const lo = sorted.at(-1)!;
	return `Actions completed ${within}: from ${formatPercent(hi.p.pct)} (${hi.l.label}) to ${formatPercent(lo.p.pct)} (${lo.l.label})`;
}

/** A date as a fractional year, for a time axis: 2020-12-31 -> 2021, 2020-06-30 -> 2020.5. */
export function yearFraction(iso: string): number {
	const [y, m, d] = iso.split('-').map(Number);
	const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
	return y + (m - 1 + d / days) / 12;
}

/** The backlog's two lines: open, and of those overdue, over time. */
export function backlogLines(rows: readonly BacklogPoint[]) {
	return [
		{ key: 'open', label: 'Open actions', points: rows.map((r) => ({ x: yearFraction(r.date), y: r.open })) },
		{ key: 'overdue', label: 'Of which overdue', points: rows.map((r) => ({ x: yearFraction(r.date), y: r.overdue })) }
	];
}

export const BACKLOG_COLOURS = { open: '#0072B2', overdue: STATUS_COLOURS['not started'] };

export function backlogCaption(rows: readonly BacklogPoint[], rule: Rule | null = null): string {
	if (!rows.length) return 'No action was open';
	const last = rows.at(-1)!;
	const peak = rows.reduce((a, b) => (b.open > a.open ? b : a));
	const now = `${formatCount(last.open, rule)} actions were open at ${formatDate(last.date)}, ${formatCount(last.overdue, rule)} of them overdue`;
	return peak.date === last.date || peak.open === last.open ? now : `${now}; the most open was ${formatCount(peak.open, rule)}, at ${formatDate(peak.date)}`;
}

/**
 * The status-by-year chart as shown under the rule: the caption from the whole figures, the bars
 * and table protected, the note, and each segment's description.
 */
export function statusYearView(rows: readonly StatusYearRow[], asAt: string, rule: Rule | null) {
	const whole = statusYearTable(rows);
	const years = protectStatusTable(whole, rule);
	const undated = undatedActions(rows);
	const totals = new Map(years.map((r) => [String(r.year), r.total]));
	return {
		caption: statusCaption(whole, asAt, rule),
		years,
		bars: statusBars(years),
		note: `Status at ${formatDate(asAt)}; year the review was completed (published, where no completion date is recorded).${undated ? ` ${formatCount(undated, rule)} actions of reviews with no date are not shown.` : ''} Choose a segment to filter by its year and status, or a status in the legend.`,
		describe: (s: { key: string; label: string; series?: string; value: number }) =>
			`${s.label}, ${statusLabel(s.series ?? '')}: ${formatCount(s.value, rule)} of ${formatCount(totals.get(s.key), rule)} actions`
	};
}

/** Under the completion curve: how it counts, and its censoring. */
export const curveNote = (asAt: string) =>
	`Share of the actions of published reviews completed within so many months of the review's publication (completed before publication counts from month 0; not-accepted actions count as not completed). Censoring: each month counts only reviews published at least that long before ${formatDate(asAt)}, so later months rest on older reviews; months no review has reached are not shown.`;

/** The completion curve as shown under the rule: the caption from the whole lines, the lines protected. */
export function curveView(points: readonly CurvePoint[], groupBy: CurveGroupBy, asAt: string, rule: Rule | null) {
	const wholeLines = curveLines(points, groupBy);
	const lines = protectCurveLines(wholeLines, rule);
	const at = new Map(lines.flatMap((l) => l.points.map((p) => [`${l.key}|${p.months}`, p] as const)));
	const label = new Map(lines.map((l) => [l.key, l.label]));
	return {
		caption: curveCaption(wholeLines, asAt, groupBy, rule),
		note: curveNote(asAt),
		lines,
		series: lines.map((l) => ({ key: l.key, label: l.label, points: l.points.map((p) => ({ x: p.months, y: p.pct })) })),
		describe: (key: string, pt: { x: number; y: number }) => {
			const p = at.get(`${key}|${pt.x}`);
			return `${label.get(key)}, ${pt.x} months after publication: ${formatPercent(pt.y)} completed (${formatCount(p?.completed, rule)} of ${formatCount(p?.eligible, rule)})`;
		}
	};
}

/** Under the backlog chart: when an action counts as open and as overdue. */
export const BACKLOG_NOTE =
	"An action is open from the date its review was completed (published, where no completion date is recorded) until it is completed; overdue once its target date has passed. Not-accepted actions are never counted as open, and completed actions with no completion date are left out. Month ends, and the as-at date.";

/** The backlog chart as shown (its rows already protected): caption, lines and each point's description. */
export function backlogView(rows: readonly BacklogPoint[], rule: Rule | null) {
	const series = backlogLines(rows);
	const byX = new Map(series[0].points.map((p, i) => [p.x, rows[i]]));
	return {
		caption: backlogCaption(rows, rule),
		series,
		describe: (_key: string, pt: { x: number }) => {
			const r = byX.get(pt.x);
			return r ? `${formatDate(r.date)}: ${formatCount(r.open, rule)} open, ${formatCount(r.overdue, rule)} overdue` : '';
		}
	};
}
