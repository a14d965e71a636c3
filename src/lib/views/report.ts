/**
 * The board report (/report): what each section shows, worked out from the same queries as the views
 * (overview tiles, theme trends, repeated lessons, agencies, open actions), and the lines printed on
 * every page (dataset, as-at date, source).
 */
import { formatCount, formatDate } from '../format';
import { DIMENSIONS, type Filters } from '../filters/filters';
import { optionLabel } from '../filters/labels';
import type { DatasetMeta } from '../model/schema';
import type { OpenActionRow } from '../queries/actions';
import type { AgencyRow } from '../queries/agencies';
import { overdueBars } from './agencies';
import type { Rule } from '../privacy/suppress';

/** Repeated lessons shown in the report. */
export const REPORT_LESSONS = 6;
/** Longest-overdue actions listed. */
export const REPORT_LONGEST = 15;

/** The section headings, in order: the printed PDF's outline has these (a test checks it). */
export const REPORT_SECTIONS = ['Headline figures', 'Theme trends', 'Kinds of change asked for', 'Repeated lessons', 'Overdue actions by agency', 'The longest overdue actions'] as const;

/** "Filters: reviews from 2018; partnership: Dallowfield." or "No filters: every review in the dataset." */
export function reportFilters(f: Filters): string {
	const parts: string[] = [];
	if (f.from != null && f.to != null) parts.push(f.from === f.to ? `reviews of ${f.from}` : `reviews of ${f.from}–${f.to}`);
	else if (f.from != null) parts.push(`reviews from ${f.from}`);
	else if (f.to != null) parts.push(`reviews up to ${f.to}`);
	for (const d of DIMENSIONS) {
		const v = f.values[d.key];
		if (v.length) parts.push(`${d.label.toLowerCase()}: ${v.map((x) => optionLabel(d.key, x)).join(' or ')}`);
	}
	return parts.length ? `Filters: ${parts.join('; ')}.` : 'No filters: every review in the dataset.';
}

/** The line printed at the top of every page: dataset, as-at date. */
export function runningHead(meta: Pick<DatasetMeta, 'name' | 'fictional'>, asAt: string): string {
	return `${meta.name}${meta.fictional && !/fictional/i.test(meta.name) ? ' (fictional)' : ''} · data as at ${formatDate(asAt)}`;
}

/** The source line printed on every page: the source, and the citation when the dataset asks for one. */
export function sourceLine(meta: Pick<DatasetMeta, 'source' | 'citation'>): string {
	return `Source: ${meta.source}${meta.citation ? ` Cite as: ${meta.citation}` : ''}`;
}

/** The overdue actions, most days overdue first (then by target date and id), at most `n`. */
export function longestOverdue(rows: readonly OpenActionRow[], n = REPORT_LONGEST): OpenActionRow[] {
	return rows
		.filter((r) => r.days_overdue != null && r.days_overdue > 0)
		.sort(
			(a, b) =>
				b.days_overdue! - a.days_overdue! ||
				(a.target_date ?? '').localeCompare(b.target_date ?? '') ||
				a.action_id.localeCompare(b.action_id)
		)
		.slice(0, n);
}

/**
 * Text as a CSS string token ("…"), for `content:` in the page margins: backslashes and quotes
 * escaped, line breaks and other control characters made spaces. Long text is cut at `max`.
 */
export function cssString(text: string, max = 400): string {
	const t = [...text.replace(/[\u0000-\u001f\u007f]/g, ' ')];
	const cut = t.length > max ? `${t.slice(0, max - 1).join('')}…` : t.join('');
	return `"${cut.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** The note under the report's overdue chart (the agencies view's asks the reader to choose a bar; paper cannot). */
export function overdueNoteForReport(rows: readonly AgencyRow[], rule: Rule | null = null): string {
	const { others } = overdueBars(rows);
	const base = 'Open actions led by each agency whose target date had passed.';
	return others ? `${base} ${formatCount(others, rule)} other ${others === 1 ? 'agency has' : 'agencies have'} fewer overdue actions and ${others === 1 ? 'is' : 'are'} not shown.` : base;
}
