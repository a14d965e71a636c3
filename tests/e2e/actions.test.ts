/**
 * The overdue-actions tracker in real Chromium on the demo data (as at 2026-09-30): the counts are
 * those the same queries give under Node; the search and the overdue band narrow the table (and
 * live in the URL); the CSV holds exactly the rows shown, in their order; sorting is by buttons with
 * aria-sort; the printed page shows the filters in words; nothing leaves the app's origin.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Engine } from '$lib/db/engine';
import { emptyFilters } from '$lib/filters/filters';
import { openActions, openActionTotals, type OpenActionOptions, type OpenActionRow } from '$lib/queries/actions';
import { ACTIONS_PAGE, csvFileName, narrowedSentence, totalsSentence } from '$lib/views/actions';
import AxeBuilder from '@axe-core/playwright';
import { launch, openPage, type Session, type WatchedPage } from './browser';
import { openDemo } from './demo';

let session: Session;
let engine: Engine;
let asAt: string;

beforeAll(async () => {
	const ds = await openDemo();
	asAt = ds.meta.as_at!;
	engine = ds.engine;
	session = await launch();
});

afterAll(async () => {
	await engine?.close();
	await session?.close();
});

const expectedRows = (opts: OpenActionOptions = {}): Promise<OpenActionRow[]> => openActions(engine, emptyFilters(), asAt, opts);

async function open(route = '/actions'): Promise<WatchedPage> {
	const w = await openPage(session, inject('baseUrl'));
	await w.page.goto(inject('baseUrl') + route);
	await w.page.getByTestId('actions-count').waitFor({ timeout: 60_000 });
	await settled(w.page);
	return w;
}

/** Wait until no result is being replaced (ActionsLoad marks a result busy while the next runs). */
async function settled(page: Page) {
	await page.getByTestId('actions-table').or(page.getByTestId('actions-none')).first().waitFor();
	await page.waitForFunction(() => !document.querySelector('[data-busy="true"]'));
}

/** Action ids of the table's rows, top to bottom. */
const shownIds = (page: Page) => page.locator('[data-testid="actions-table"] tbody th[scope="row"] .id').allTextContents();

/** Parse the CSV the page saves (RFC 4180, as csv.ts writes it). */
function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (quoted) {
			if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
			else if (c === '"') quoted = false;
			else field += c;
		} else if (c === '"') quoted = true;
		else if (c === ',') row.push(field), (field = '');
		else if (c === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++;
		else field += c;
	}
	return rows;
}

async function download(page: Page): Promise<{ name: string; text: string }> {
	const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
	const file = await dl.path();
	return { name: dl.suggestedFilename(), text: await readFile(file!, 'utf8') };
}

describe('the overdue actions tracker', () => {
	it('counts the open and overdue actions as the same query does under Node, and shows the first page of rows', async () => {
		const w = await open();
		const totals = await openActionTotals(engine, emptyFilters(), asAt);
		expect(totals.open).toBeGreaterThan(ACTIONS_PAGE); // the demo needs "show more"
		await expect(w.page.getByTestId('actions-count').textContent()).resolves.toBe(totalsSentence(totals, asAt));

		const all = await expectedRows();
		expect(all).toHaveLength(totals.open);
		const ids = await shownIds(w.page);
		expect(ids).toEqual(all.slice(0, ACTIONS_PAGE).map((r) => r.action_id)); // most days overdue first
		await expect(w.page.getByTestId('actions-table-shown').textContent()).resolves.toContain(
			`Showing ${ACTIONS_PAGE} of ${totals.open.toLocaleString('en-GB')} rows.`
		);
		await w.page.getByTestId('actions-table-more').click();
		await expect(shownIds(w.page)).resolves.toHaveLength(Math.min(2 * ACTIONS_PAGE, totals.open));

		// The bucket chart and its table twin hold every open action.
		const twin = w.page.locator('[data-testid="bucket-table"] tbody td.num');
		const counts = (await twin.allTextContents()).map((t) => Number(t.replace(/,/g, '')));
		expect(counts.reduce((a, b) => a + b, 0)).toBe(totals.open);
		w.assertClean();
		await w.page.close();
	});

	it('typing in the search narrows the rows (after a pause), and keeps the search in the URL', async () => {
		const w = await open();
		const search = 'MARAC';
		const expected = await expectedRows({ search });
		expect(expected.length).toBeGreaterThan(0);
		expect(expected.length).toBeLessThan(ACTIONS_PAGE);
		await w.page.getByTestId('actions-search').pressSequentially(search, { delay: 30 });
		await w.page.waitForURL(/[?&]q=MARAC/);
		await settled(w.page);
		await expect(w.page.getByTestId('actions-shown').textContent()).resolves.toBe(narrowedSentence(expected.length, search, null));
		await expect(shownIds(w.page)).resolves.toEqual(expected.map((r) => r.action_id));
		// The search box still has the focus: typing did not lose it to the navigation.
		await expect(w.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe('actions-search');
		w.assertClean();
		await w.page.close();
	});

	it('choosing a band in the select, or a bar of the chart from the keyboard, narrows the rows', async () => {
		const w = await open();
		const expected = await expectedRows({ bucket: '31-90' });
		expect(expected.length).toBeGreaterThan(0);
		await w.page.getByTestId('actions-bucket').selectOption('31-90');
		await w.page.waitForURL(/[?&]bucket=31-90/);
		await settled(w.page);
		await expect(shownIds(w.page)).resolves.toEqual(expected.map((r) => r.action_id));

		// The chart: one tab stop; arrow keys move between bars; Enter on the chosen one clears it.
		const chart = w.page.getByTestId('chart-overdue-buckets').locator('.bar-chart');
		await chart.focus();
		for (let i = 0; i < 3; i++) await chart.press('ArrowDown'); // Not yet due, Up to 30, 31–90
		await chart.press('Enter');
		await w.page.waitForURL((u) => !u.searchParams.has('bucket'));
		await settled(w.page);
		await expect(shownIds(w.page)).resolves.toHaveLength(ACTIONS_PAGE);

		await chart.focus();
		await chart.press('End'); // Over a year
		await chart.press('Enter');
		await w.page.waitForURL(/[?&]bucket=over-365/);
		await settled(w.page);
		const over = await expectedRows({ bucket: 'over-365' });
		await expect(w.page.getByTestId('actions-shown').textContent()).resolves.toBe(narrowedSentence(over.length, '', 'over-365'));
		w.assertClean();
		await w.page.close();
	});

	it('the CSV holds exactly the rows shown, in the order shown, after search, band and sort', async () => {
		const w = await open('/actions?q=training&bucket=over-365');
		const expected = await expectedRows({ search: 'training', bucket: 'over-365' });
		expect(expected.length).toBeGreaterThan(1);
		await expect(shownIds(w.page)).resolves.toEqual(expected.map((r) => r.action_id));

		// Sort by lead agency: the table and the file follow.
		await w.page.getByTestId('sort-lead_agency').click();
		await expect(w.page.locator('th:has([data-testid="sort-lead_agency"])').getAttribute('aria-sort')).resolves.toBe('ascending');
		const ids = await shownIds(w.page);
		expect([...ids].sort()).toEqual(expected.map((r) => r.action_id).sort());

		const { name, text } = await download(w.page);
		expect(name).toBe(csvFileName(asAt));
		expect(text.charCodeAt(0)).toBe(0xfeff); // BOM, for Excel
		const [header, ...rows] = parseCsv(text.slice(1));
		expect(header.slice(0, 4)).toEqual(['Action id', 'Days overdue', 'Overdue band', 'Action']);
		expect(rows.map((r) => r[0])).toEqual(ids);
		const byId = new Map(expected.map((r) => [r.action_id, r]));
		for (const r of rows) {
			expect(r[3]).toBe(byId.get(r[0])!.description);
			expect(Number(r[1])).toBe(byId.get(r[0])!.days_overdue);
		}
		const agencies = rows.map((r) => r[4]);
		expect(agencies).toEqual([...agencies].sort((a, b) => a.localeCompare(b, 'en-GB', { sensitivity: 'base', numeric: true })));
		w.assertClean();
		await w.page.close();
	});

	it('sorts from the keyboard, with aria-sort on the header and the order announced', async () => {
		const w = await open('/actions?bucket=not-due');
		const header = (key: string) => w.page.locator(`th:has([data-testid="sort-${key}"])`);
		await expect(header('days_overdue').getAttribute('aria-sort')).resolves.toBe('descending');
		await expect(header('target_date').getAttribute('aria-sort')).resolves.toBe('none');
		await w.page.getByTestId('sort-target_date').focus();
		await w.page.keyboard.press('Enter');
		await expect(header('target_date').getAttribute('aria-sort')).resolves.toBe('ascending');
		await expect(header('days_overdue').getAttribute('aria-sort')).resolves.toBe('none');
		await expect(w.page.getByText('Sorted by Target date, ascending.').count()).resolves.toBe(1);
		const rows = await expectedRows({ bucket: 'not-due' });
		const soonest = [...rows].filter((r) => r.target_date).sort((a, b) => a.target_date!.localeCompare(b.target_date!))[0];
		const firstTarget = await w.page.locator('[data-testid="actions-table"] tbody tr').first().locator('td[data-col="target_date"]').textContent();
		const [y, m, d] = soonest.target_date!.split('-').map(Number);
		expect(firstTarget).toBe(`${d} ${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][m - 1]} ${y}`);
		await w.page.keyboard.press('Space');
		await expect(header('target_date').getAttribute('aria-sort')).resolves.toBe('descending');
		w.assertClean();
		await w.page.close();
	});

	it('prints the filters in words and hides the controls, on A4 landscape', async () => {
		const w = await open('/actions?q=police&bucket=over-365');
		await w.page.emulateMedia({ media: 'print' });
		await expect(w.page.getByTestId('filter-bar').isVisible()).resolves.toBe(false);
		await expect(w.page.locator('header nav').isVisible()).resolves.toBe(false);
		await expect(w.page.getByTestId('export-csv').isVisible()).resolves.toBe(false);
		await expect(w.page.getByTestId('print-filters').textContent()).resolves.toBe(
			'Filters: search: “police”; overdue by more than a year. As at 30 September 2026.'
		);
		await expect(w.page.getByTestId('actions-table').isVisible()).resolves.toBe(true);
		// A4 landscape: the PDF's pages are 842 × 595 points (297 × 210 mm).
		const pdf = await w.page.pdf({ preferCSSPageSize: true });
		const box = /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(pdf.toString('latin1'));
		expect(box && [Math.round(Number(box[1])), Math.round(Number(box[2]))]).toEqual([842, 595]);
		w.assertClean();
		await w.page.close();
	});

	it('printing shows every row, not only the first page', async () => {
		const w = await open();
		const { open: total } = await openActionTotals(engine, emptyFilters(), asAt);
		await expect(shownIds(w.page)).resolves.toHaveLength(ACTIONS_PAGE);
		await w.page.pdf({ preferCSSPageSize: true });
		await expect(shownIds(w.page)).resolves.toHaveLength(total);
		w.assertClean();
		await w.page.close();
	});

	it('has no WCAG 2.2 A/AA violation that axe can find, with the table twin open', async () => {
		const w = await open('/actions?q=nurse');
		await w.page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
		const result = await new AxeBuilder({ page: w.page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
		expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
		w.assertClean();
		await w.page.close();
	});
});
