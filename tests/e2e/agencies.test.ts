/**
 * The agencies view in real Chromium on the demo data: the table shows the figures the same query
 * computes under Node (with a filter), its headers sort, a bar click (or Enter on a bar) filters by
 * that agency and opens its panel of open actions, a table link does the same; no console error, no
 * foreign request, no axe violation.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Engine } from '$lib/db/engine';
import { emptyFilters, withValues, type Filters } from '$lib/filters/filters';
import { agencyOpenActions, agencyTable, type AgencyRow } from '$lib/queries/agencies';
import { openActionsSummary, overdueBars, shareText } from '$lib/views/agencies';
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
	await w.page.getByTestId('agency-table').waitFor({ timeout: 60_000 });
	return w;
}

/** The cells of the table row of one agency, as shown. */
async function rowTexts(page: Page, agency: string) {
	const row = page.getByTestId('agency-row').filter({ has: page.getByRole('link', { name: agency, exact: false }) });
	return (await row.locator('th, td').allTextContents()).map((t) => t.trim());
}

const expectedTexts = (r: AgencyRow) => [
	`${r.agency}: open actions`,
	formatCount(r.recommendations),
	formatCount(r.actions),
	shareText(r.pct_completed, r.completed, r.actions),
	shareText(r.pct_on_time, r.on_time, r.completed_dated),
	formatCount(r.median_days),
	formatCount(r.open),
	formatCount(r.overdue)
];

describe('the agencies page', () => {
	it('shows, under a filter, the figures the same query computes under Node', async () => {
		const f: Filters = { ...emptyFilters(), from: 2018 };
		const rows = await agencyTable(engine, f, asAt);
		const police = rows.find((r) => r.agency === 'Marlshire Police')!;
		expect(police.actions).toBeGreaterThan(50); // a real number, not a fixture's
		const w = await open('/agencies?from=2018');
		await expect.poll(() => w.page.getByTestId('agency-row').count(), { timeout: 15_000 }).toBe(rows.length);
		expect(await rowTexts(w.page, 'Marlshire Police')).toEqual(expectedTexts(police));
		// The bar chart and its table twin hold the same overdue counts.
		const { bars } = overdueBars(rows);
		const twin = w.page.getByTestId('agency-overdue-table').locator('tbody tr');
		await expect(twin.count()).resolves.toBe(bars.length);
		await expect(twin.first().locator('td').first().textContent()).resolves.toBe(formatCount(bars[0].value));
		await expect(w.page.getByTestId('chart-agency-overdue').locator('g.bars rect').count()).resolves.toBe(bars.length);
		w.assertClean();
		await w.page.close();
	});

	it('sorts by a column from its header button, saying so with aria-sort', async () => {
		const w = await open('/agencies');
		const header = (key: string) => w.page.locator('th', { has: w.page.getByTestId(`sort-${key}`) });
		await expect(header('overdue').getAttribute('aria-sort')).resolves.toBe('descending');
		await w.page.getByTestId('sort-agency').click();
		await expect(header('agency').getAttribute('aria-sort')).resolves.toBe('ascending');
		await expect(header('overdue').getAttribute('aria-sort')).resolves.toBeNull();
		const names = (await w.page.getByTestId('agency-row').locator('th a').allTextContents()).map((t) => t.replace(': open actions', ''));
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en-GB')));
		await w.page.getByTestId('sort-agency').click();
		await expect(header('agency').getAttribute('aria-sort')).resolves.toBe('descending');
		w.assertClean();
		await w.page.close();
	});

	it('a bar click filters by that agency, and its panel lists its open actions, most overdue first', async () => {
		const rows = await agencyTable(engine, emptyFilters(), asAt);
		const top = overdueBars(rows).bars[0].key;
		const expected = await agencyOpenActions(engine, withValues(emptyFilters(), 'agency', [top]), asAt, top);
		expect(expected.length).toBeGreaterThan(5);

		const w = await open('/agencies');
		await w.page.getByTestId('chart-agency-overdue').locator('g.bars rect').first().click();
		await w.page.waitForURL((u) => u.searchParams.getAll('agency').join() === top);
		const panel = w.page.getByTestId('agency-panel');
		await panel.waitFor({ timeout: 15_000 });
		await expect(panel.getByRole('heading', { level: 2 }).textContent()).resolves.toBe(`Open actions led by ${top}`);
		await expect(w.page.getByTestId('agency-panel-summary').textContent()).resolves.toBe(openActionsSummary(top, expected, asAt));
		const items = w.page.getByTestId('open-action');
		await expect(items.count()).resolves.toBe(expected.length);
		const first = (await items.first().locator('td').allTextContents()).map((t) => t.trim());
		expect(first[0]).toBe(expected[0].description);
		expect(first[4]).toBe(formatCount(expected[0].days_overdue));
		expect(first[5]).toMatch(/^(Not started|In progress), overdue$/);
		w.assertClean();
		await w.page.close();
	});

	it('the same from the keyboard: focus on the chart, arrow to a bar, Enter', async () => {
		const rows = await agencyTable(engine, emptyFilters(), asAt);
		const second = overdueBars(rows).bars[1].key;
		const w = await open('/agencies');
		const chart = w.page.getByTestId('chart-agency-overdue').getByRole('group', { name: /Overdue actions by category/ });
		await chart.focus();
		await w.page.keyboard.press('ArrowDown');
		await w.page.keyboard.press('ArrowDown');
		await w.page.keyboard.press('Enter');
		await w.page.waitForURL((u) => u.searchParams.getAll('agency').join() === second);
		await w.page.getByTestId('agency-panel').waitFor({ timeout: 15_000 });
		w.assertClean();
		await w.page.close();
	});

	it("a table row's link opens that agency's panel, keeping the other filters", async () => {
		const w = await open('/agencies?from=2018');
		await w.page.getByRole('link', { name: /^Home Office\s*: open actions$/ }).click();
		await w.page.waitForURL((u) => u.searchParams.get('agency') === 'Home Office' && u.searchParams.get('from') === '2018');
		const expected = await agencyOpenActions(engine, withValues({ ...emptyFilters(), from: 2018 }, 'agency', ['Home Office']), asAt, 'Home Office');
		await expect.poll(() => w.page.getByTestId('open-action').count(), { timeout: 15_000 }).toBe(expected.length);
		w.assertClean();
		await w.page.close();
	});

	it('has no WCAG 2.2 AA violation that axe can find, with the panel open', async () => {
		const w = await open('/agencies?agency=Home+Office');
		await w.page.getByTestId('agency-panel').waitFor({ timeout: 15_000 });
		await w.page.getByTestId('chart-agency-theme').waitFor({ timeout: 15_000 });
		const { violations, passes } = await axeMain(w.page);
		expect(violations).toEqual([]);
		expect(passes).toBeGreaterThan(10);
		w.assertClean();
		await w.page.close();
	});
});
