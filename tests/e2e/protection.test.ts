/**
 * The internal and publication views in real Chromium on the demo: the fictional demo opens in the
 * internal view (nothing hidden); in the publication view the agencies table shows exactly what the
 * protected Node figures give (no count from 1 to 4 anywhere in it, "<5" instead, second cells
 * hidden), the setting survives a reload, a list narrowed to fewer than 5 reviews is not shown, and
 * the SQL console says it is not protected. The board report and chart downloads use the
 * publication view by default while the page shows the internal view, and can be switched.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Engine } from '$lib/db/engine';
import { emptyFilters, type Filters } from '$lib/filters/filters';
import { agencyTable, type AgencyRow } from '$lib/queries/agencies';
import { protectAgencyRows } from '$lib/privacy/protect';
import { shareText } from '$lib/views/agencies';
import { overviewTiles } from '$lib/queries/overview';
import { tileList } from '$lib/views/overview';
import { protectTiles } from '$lib/privacy/protect';
import { formatCount } from '$lib/format';
import type { Rule } from '$lib/privacy/suppress';
import { openPage, type Session } from './browser';
import { startDemo, stopDemo } from './demo';

let session: Session;
let engine: Engine;
let asAt: string;

beforeAll(async () => ({ engine, asAt, session } = await startDemo()));
afterAll(() => stopDemo(session, engine));

const texts = (r: AgencyRow, rule: Rule | null) => [
	formatCount(r.recommendations, rule),
	formatCount(r.actions, rule),
	shareText(r.pct_completed, r.completed, r.actions, rule),
	shareText(r.pct_on_time, r.on_time, r.completed_dated, rule),
	formatCount(r.median_days, rule),
	formatCount(r.open, rule),
	formatCount(r.overdue, rule)
];

const settled = (page: import('playwright-core').Page) => page.waitForSelector('main[data-busy="false"]', { timeout: 60_000 });

describe('small-number protection', () => {
	it('the demo opens in the internal view; in the publication view the agencies table shows the protected figures', async () => {
		// 2011–2012: nine reviews, so many small counts.
		const f: Filters = { ...emptyFilters(), from: 2011, to: 2012 };
		const rows = (await agencyTable(engine, f, asAt)).filter((r) => r.agency != null);
		expect(rows.some((r) => r.actions > 0 && r.actions < 5)).toBe(true);

		const w = await openPage(session, inject('baseUrl'));
		const { page } = w;
		await page.goto(inject('baseUrl') + '/agencies?from=2011&to=2012');
		await page.getByTestId('agency-table').waitFor({ timeout: 60_000 });
		await settled(page);
		await expect(page.getByTestId('view-internal').isChecked()).resolves.toBe(true);
		await expect(page.getByTestId('protection-says').textContent()).resolves.toContain('Internal view: every count is shown (fictional data)');
		await expect(page.getByTestId('view-why').textContent()).resolves.toBe('Fictional data: nothing needs hiding.');

		await page.getByTestId('view-publication').check();
		await expect.poll(() => page.getByTestId('agency-table').locator('td').allTextContents(), { timeout: 30_000 }).toContainEqual(expect.stringContaining('<5'));
		await settled(page);
		await expect(page.getByTestId('protection-says').textContent()).resolves.toContain('counts from 1 to 4 are shown as "<5"');

		const cells = (await page.getByTestId('agency-table').locator('td').allTextContents()).map((t) => t.trim());
		expect(cells.filter((t) => /^[1-4]$/.test(t))).toEqual([]);

		// Row by row, what the protected figures give under Node.
		const shown = protectAgencyRows(rows, { below: 5 });
		for (const r of shown.slice(0, 8)) {
			const row = page.getByTestId('agency-row').filter({ has: page.getByRole('link', { name: r.agency!, exact: false }) });
			const got = (await row.locator('td').allTextContents()).map((t) => t.trim());
			expect(got, r.agency!).toEqual(texts(r, { below: 5 }));
		}
		w.assertClean();
		await page.close();
	});

	it('keeps the setting after a reload, takes another threshold, and hides a list of fewer than N reviews', async () => {
		const w = await openPage(session, inject('baseUrl'));
		const { page } = w;
		await page.goto(inject('baseUrl') + '/reviews?from=2011&to=2011');
		await page.getByTestId('protection').waitFor({ timeout: 60_000 });
		await settled(page);
		await page.getByTestId('view-publication').check();
		// Two reviews in 2011: not listed.
		await page.getByTestId('too-few').waitFor({ timeout: 30_000 });
		await expect(page.getByTestId('too-few').textContent()).resolves.toContain('fewer than 5 reviews');
		await expect(page.locator('[data-testid="review-row"], table tbody tr').count()).resolves.toBe(0);

		await page.reload();
		await page.getByTestId('too-few').waitFor({ timeout: 60_000 });
		await expect(page.getByTestId('view-publication').isChecked()).resolves.toBe(true);

		await page.getByTestId('protection-n').fill('10');
		await page.getByTestId('protection-n').press('Enter');
		await page.getByTestId('protection-n').blur();
		await expect.poll(() => page.getByTestId('protection-says').textContent()).toContain('"<10"');

		// The internal view again: the list is back.
		await page.getByTestId('view-internal').check();
		await expect.poll(() => page.getByTestId('too-few').count()).toBe(0);
		w.assertClean();
		await page.close();
	});

	it('the overview tiles show the protected figures (2011 alone: two reviews)', async () => {
		const f: Filters = { ...emptyFilters(), from: 2011, to: 2011 };
		const w = await openPage(session, inject('baseUrl'));
		const { page } = w;
		await page.addInitScript(() => localStorage.setItem('dhr-protection', JSON.stringify({ demo: { on: true, below: 5 } })));
		await page.goto(inject('baseUrl') + '/?from=2011&to=2011');
		await page.getByTestId('tile-overdue-value').waitFor({ timeout: 60_000 });
		await settled(page);
		const expected = tileList(protectTiles(await overviewTiles(engine, f, asAt), { below: 5 }), asAt, { below: 5 });
		expect(expected.find((t) => t.id === 'reviews')?.value).toBe('<5');
		for (const t of expected) await expect(page.getByTestId(`tile-${t.id}-value`).textContent()).resolves.toBe(t.value);
		w.assertClean();
		await page.close();
	});

	it('the board report uses the publication view while the pages show the internal view, and can be switched', async () => {
		const f: Filters = { ...emptyFilters(), from: 2011, to: 2011 };
		const w = await openPage(session, inject('baseUrl'));
		const { page } = w;
		await page.goto(inject('baseUrl') + '/report?from=2011&to=2011');
		// The profile is shared by this file's tests: start from the defaults.
		await page.evaluate(() => localStorage.removeItem('dhr-protection'));
		await page.reload();
		await page.getByTestId('tile-reviews-value').waitFor({ timeout: 60_000 });
		await settled(page);
		const whole = tileList(await overviewTiles(engine, f, asAt), asAt);
		await expect(page.getByTestId('protection').getAttribute('data-view')).resolves.toBe('publication');
		await expect(page.getByTestId('view-publication').isChecked()).resolves.toBe(true);
		await expect(page.getByTestId('output-says').textContent()).resolves.toContain('publication view by default');
		// Two reviews in 2011: "<5" in the report.
		await expect(page.getByTestId('tile-reviews-value').textContent()).resolves.toBe('<5');

		// Chosen for the report: the internal view, marked as such; the whole figures.
		await page.getByTestId('view-internal').check();
		await expect.poll(() => page.getByTestId('tile-reviews-value').textContent(), { timeout: 30_000 }).toBe(whole.find((t) => t.id === 'reviews')!.value);
		// The other pages keep their own (internal) view; downloads follow the report's choice.
		await page.goto(inject('baseUrl') + '/?from=2011&to=2011');
		await page.getByTestId('tile-reviews-value').waitFor({ timeout: 60_000 });
		await expect(page.getByTestId('view-internal').isChecked()).resolves.toBe(true);
		await expect(page.getByTestId('output-view').inputValue()).resolves.toBe('internal');
		await page.getByTestId('output-view').selectOption('publication');
		w.assertClean();
		await page.close();
	});

	it('a chart downloaded from the internal view is in the publication view; the page stays as it was', async () => {
		const w = await openPage(session, inject('baseUrl'));
		const { page } = w;
		// Reviews of 2021: a few overdue actions, spread over many agencies (1 to 4 each).
		await page.goto(inject('baseUrl') + '/agencies?from=2021&to=2021');
		await page.evaluate(() => localStorage.removeItem('dhr-protection'));
		await page.reload();
		const chart = page.getByTestId('chart-agency-overdue');
		await chart.locator('g.bars rect').first().waitFor({ timeout: 60_000 });
		await settled(page);
		await expect(page.getByTestId('view-internal').isChecked()).resolves.toBe(true);
		const before = await page.getByTestId('agency-table').locator('td').allTextContents();
		expect(before.some((t) => t.includes('<5'))).toBe(false);
		await expect(chart.getByTestId('download-view').textContent()).resolves.toBe('Publication view: counts below 5 hidden.');

		const [dl] = await Promise.all([page.waitForEvent('download'), chart.getByTestId('download-svg').click()]);
		const svg = (await import('node:fs/promises')).readFile(await dl.path(), 'utf8');
		const text = await svg;
		expect(dl.suggestedFilename()).not.toContain('internal');
		expect(text).toContain('Publication view: counts below 5 hidden.');
		// Agencies with 1 to 4 overdue actions are written "<5" in the file, not as figures.
		expect(text).toContain('&lt;5');
		await settled(page);
		await expect.poll(() => page.getByTestId('agency-table').locator('td').allTextContents()).toEqual(before);

		// Chosen: downloads in the internal view, so marked in the file and its name.
		await page.getByTestId('output-view').selectOption('internal');
		const [dl2] = await Promise.all([page.waitForEvent('download'), chart.getByTestId('download-svg').click()]);
		expect(dl2.suggestedFilename()).toMatch(/-internal-not-for-publication\.svg$/);
		const text2 = await (await import('node:fs/promises')).readFile(await dl2.path(), 'utf8');
		expect(text2).toContain('Internal view: nothing hidden (fictional data).');
		expect(text2).not.toContain('&lt;5');
		await page.getByTestId('output-view').selectOption('publication');
		w.assertClean();
		await page.close();
	});

	it('the SQL console says its results are not protected', async () => {
		const w = await openPage(session, inject('baseUrl'));
		await w.page.goto(inject('baseUrl') + '/query');
		await expect(w.page.getByTestId('sql-suppression-notice').textContent({ timeout: 60_000 })).resolves.toContain('not protected');
		await w.page.close();
	});
});
