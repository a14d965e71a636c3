/**
 * The board report's helpers (src/lib/views/report.ts): the filters in words, the running lines and
 * their CSS strings, the flagged trends' order, the longest overdue actions and the chart's note.
 */
import { describe, expect, it } from 'vitest';
import {
	cssString,
	longestOverdue,
	overdueNoteForReport,
	reportFilters,
	runningHead,
	sourceLine,
	REPORT_SECTIONS
} from '$lib/views/report';
import type { OpenActionRow } from '$lib/queries/actions';
import type { AgencyRow } from '$lib/queries/agencies';
import { flaggedTrends, type ThemeTrend } from '$lib/views/themes';
import { filtersWith } from './helpers/fixture';

describe('the board report', () => {
	it('says the filters in words', () => {
		expect(reportFilters(filtersWith())).toBe('No filters: every review in the dataset.');
		expect(reportFilters(filtersWith({ from: 2018 }))).toBe('Filters: reviews from 2018.');
		expect(reportFilters(filtersWith({ from: 2018, to: 2020 }, { partnership: ['Dallowfield'], status: ['in progress'] }))).toMatch(
			/^Filters: reviews of 2018–2020; partnership: Dallowfield; .*in progress.*\.$/i
		);
		expect(reportFilters(filtersWith({ from: 2019, to: 2019 }))).toBe('Filters: reviews of 2019.');
	});

	it('prints the dataset, its as-at date and its source (with its citation)', () => {
		expect(runningHead({ name: 'Marlshire (fictional demo)', fictional: true }, '2026-09-30')).toBe('Marlshire (fictional demo) · data as at 30 September 2026');
		expect(runningHead({ name: 'Test', fictional: true }, '2026-09-30')).toBe('Test (fictional) · data as at 30 September 2026');
		expect(sourceLine({ source: 'Home Office.', citation: 'DHRD (2024).' })).toBe('Source: Home Office. Cite as: DHRD (2024).');
		expect(sourceLine({ source: 'Ours.' })).toBe('Source: Ours.');
	});

	it('makes CSS strings that nothing can break out of', () => {
		expect(cssString('plain')).toBe('"plain"');
		expect(cssString('a "quote" and \\ back')).toBe('"a \\"quote\\" and \\\\ back"');
		expect(cssString('line\nbreak</style>')).toBe('"line break</style>"');
		expect(cssString('x'.repeat(500), 10)).toBe(`"${'x'.repeat(9)}…"`);
	});

	it('lists rising themes first, then falling, the largest change first', () => {
		const t = (theme: string, direction: ThemeTrend['direction'], change: number) => ({ theme, direction, change }) as ThemeTrend;
		const out = flaggedTrends([t('a', 'steady', 1), t('b', 'falling', -5), t('c', 'rising', 3), t('d', 'falling', -20), t('e', 'rising', 12), t('f', 'too few', 30)]);
		expect(out.map((x) => x.theme)).toEqual(['e', 'c', 'd', 'b']);
	});

	it('takes the longest overdue actions, most days first, then the earlier target, then the id', () => {
		const r = (action_id: string, days_overdue: number | null, target_date: string | null) => ({ action_id, days_overdue, target_date }) as OpenActionRow;
		const rows = [r('A1', 10, '2024-01-01'), r('A2', null, '2030-01-01'), r('A3', 300, '2023-01-01'), r('A4', 10, '2023-12-01'), r('A5', 10, '2023-12-01')];
		expect(longestOverdue(rows, 3).map((x) => x.action_id)).toEqual(['A3', 'A4', 'A5']);
		expect(longestOverdue(rows).map((x) => x.action_id)).toEqual(['A3', 'A4', 'A5', 'A1']);
	});

	it("notes how many agencies the chart leaves out, without asking to choose a bar", () => {
		const row = (agency: string, overdue: number) => ({ agency, overdue, open: overdue }) as AgencyRow;
		const rows = Array.from({ length: 17 }, (_, i) => row(`Agency ${i}`, 20 - i));
		expect(overdueNoteForReport(rows)).toBe('Open actions led by each agency whose target date had passed. 2 other agencies have fewer overdue actions and are not shown.');
		expect(overdueNoteForReport(rows.slice(0, 3))).toBe('Open actions led by each agency whose target date had passed.');
	});

	it('has its sections in order', () => {
		expect(REPORT_SECTIONS).toEqual(['Headline figures', 'Theme trends', 'Kinds of change asked for', 'Repeated lessons', 'Overdue actions by agency', 'The longest overdue actions']);
	});
});
