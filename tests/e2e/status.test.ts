/**
 * The completion (status) view in real Chromium on the demo data: each chart's caption and table
 * twin hold what the same queries compute under Node (with a filter); a bar segment filters by its
 * year and status, a legend entry by status; chosen agencies get a line each, and a line's legend
 * entry narrows to it; no console error, no foreign request, no axe violation.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Engine } from '$lib/db/engine';
import { emptyFilters, withValues, type Filters } from '$lib/filters/filters';
import { backlogByMonth, completionCurve, statusByYear } from '$lib/queries/status';
import { backlogCaption, curveCaption, curveLines, statusCaption, statusYearTable } from '$lib/views/status';
import { formatCount } from '$lib/format';
import { axeMain, openPage, type Session } from './browser';
import { startDemo, stopDemo } from './demo';

let session: Session;
let engine: Engine;
let asAt: string;

beforeAll(async () => ({ engine, asAt, session } = await startDemo()));
afterAll(() => stopDemo(session, engine));

async function open(route: string) {
	const w = await openPage(session, inject('baseUrl'));
	await w.page.goto(inject('baseUrl') + route);
	await w.page.getByTestId('chart-status-backlog').waitFor({ timeout: 60_000 });
	await w.page.getByTestId('chart-status-year').waitFor({ timeout: 15_000 });
	await w.page.getByTestId('chart-status-curve').waitFor({ timeout: 15_000 });
	return w;
}
const caption = (w: Awaited<ReturnType<typeof open>>, id: string) => w.page.getByTestId(`chart-${id}`).locator('figcaption .caption').textContent();

describe('the completion page', () => {
	it('shows, under a filter, the numbers the same queries compute under Node', async () => {
		const f: Filters = { ...emptyFilters(), from: 2015, to: 2020 };
		const years = statusYearTable(await statusByYear(engine, f, asAt));
		const curve = await completionCurve(engine, f, asAt);
		const backlog = await backlogByMonth(engine, f, asAt);
		expect(years.reduce((s, r) => s + r.total, 0)).toBeGreaterThan(1000); // real numbers, not a fixture's

		const w = await open('/status?from=2015&to=2020');
		await expect.poll(() => caption(w, 'status-year'), { timeout: 15_000 }).toBe(statusCaption(years, asAt));
		await expect(caption(w, 'status-curve')).resolves.toBe(curveCaption(curveLines(curve.points, curve.groupBy), asAt, curve.groupBy));
		await expect(caption(w, 'status-backlog')).resolves.toBe(backlogCaption(backlog));

		// Table twins: a row per year with its total; a row per month end; the bars drawn per segment.
		const yearRows = w.page.getByTestId('status-year-table').locator('tbody tr');
		await expect(yearRows.count()).resolves.toBe(years.length);
		const first = (await yearRows.first().locator('th, td').allTextContents()).map((t) => t.trim());
		expect(first[0]).toBe(String(years[0].year));
		expect(first[5]).toBe(formatCount(years[0].total));
		await expect(w.page.getByTestId('chart-status-year').locator('g.bars rect').count()).resolves.toBe(years.length * 4);
		await expect(w.page.getByTestId('status-backlog-table').locator('tbody tr').count()).resolves.toBe(backlog.length);
		const last = (await w.page.getByTestId('status-backlog-table').locator('tbody tr').last().locator('td').allTextContents());
		expect(last).toEqual([formatCount(backlog.at(-1)!.open), formatCount(backlog.at(-1)!.overdue)]);
		// The status words are in the legend, not colour alone.
		await expect(w.page.getByTestId('chart-status-year').locator('.legend').textContent()).resolves.toMatch(/Completed.*In progress.*Not started.*Not accepted/);
		w.assertClean();
		await w.page.close();
	});

	it('a bar segment filters by its year and status; a legend entry by status alone', async () => {
		const w = await open('/status');
		const years = statusYearTable(await statusByYear(engine, emptyFilters(), asAt));
		// The first segment is the first year's completed actions.
		await w.page.getByTestId('chart-status-year').locator('g.bars rect').first().click();
		await w.page.waitForURL((u) => u.searchParams.get('status') === 'completed' && u.searchParams.get('from') === String(years[0].year) && u.searchParams.get('to') === String(years[0].year));
		await w.page.goto(inject('baseUrl') + '/status');
		await w.page.getByTestId('chart-status-year').waitFor({ timeout: 60_000 });
		await w.page.getByTestId('chart-status-year').getByRole('button', { name: 'Not started' }).click();
		await w.page.waitForURL((u) => u.searchParams.getAll('status').join() === 'not started' && !u.searchParams.has('from'));
		w.assertClean();
		await w.page.close();
	});

	it('chosen agencies get one line each; a line legend entry narrows to that agency', async () => {
		const agencies = ['Home Office', 'Marlshire Police'];
		const f = withValues(emptyFilters(), 'agency', agencies);
		const curve = await completionCurve(engine, f, asAt);
		const lines = curveLines(curve.points, curve.groupBy);
		expect(lines.map((l) => l.key).sort()).toEqual(agencies);

		const w = await open('/status?agency=Home+Office&agency=Marlshire+Police');
		const frame = w.page.getByTestId('chart-status-curve');
		await expect.poll(() => caption(w, 'status-curve'), { timeout: 15_000 }).toBe(curveCaption(lines, asAt, curve.groupBy));
		await expect(frame.locator('g.lines path').count()).resolves.toBe(2);
		const header = await frame.getByTestId('status-curve-table').locator('thead th').allTextContents();
		expect(header.slice(1)).toEqual(lines.map((l) => l.label));
		await frame.getByRole('button', { name: 'Home Office' }).click();
		await w.page.waitForURL((u) => u.searchParams.getAll('agency').join() === 'Home Office');
		w.assertClean();
		await w.page.close();
	});

	it('has no WCAG 2.2 AA violation that axe can find', async () => {
		const w = await open('/status');
		const { violations, passes } = await axeMain(w.page);
		expect(violations).toEqual([]);
		expect(passes).toBeGreaterThan(10);
		w.assertClean();
		await w.page.close();
	});
});
