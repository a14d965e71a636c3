/**
 * Small-number protection in real Chromium on the demo: off by default for the fictional demo; once
 * on, the agencies table shows exactly what the protected Node figures give (no count from 1 to 4
 * anywhere in it, "<5" instead, second cells hidden), the setting survives a reload, a list
 * narrowed to fewer than 5 reviews is not shown, and the SQL console says it is not protected.
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
import { formatCount, setSmallNumberThreshold } from '$lib/format';
import { openPage, type Session } from './browser';
import { startDemo, stopDemo } from './demo';

let session: Session;
let engine: Engine;
let asAt: string;

beforeAll(async () => ({ engine, asAt, session } = await startDemo()));
afterAll(() => stopDemo(session, engine));

const texts = (r: AgencyRow) => [
	formatCount(r.recommendations),
	formatCount(r.actions),
	shareText(r.pct_completed, r.completed, r.actions),
	shareText(r.pct_on_time, r.on_time, r.completed_dated),
	formatCount(r.median_days),
	formatCount(r.open),
	formatCount(r.overdue)
];

const settled = (page: import('playwright-core').Page) => page.waitForSelector('main[data-busy="false"]', { timeout: 60_000 });

describe('small-number protection', () => {
	it('is off for the demo; turned on, the agencies table shows the protected figures', async () => {
		// 2011–2012: nine reviews, so many small counts.
		const f: Filters = { ...emptyFilters(), from: 2011, to: 2012 };
		const rows = (await agencyTable(engine, f, asAt)).filter((r) => r.agency != null);
		expect(rows.some((r) => r.actions > 0 && r.actions < 5)).toBe(true);

		const w = await openPage(session, inject('baseUrl'));
		const { page } = w;
		await page.goto(inject('baseUrl') + '/agencies?from=2011&to=2012');
		await page.getByTestId('agency-table').waitFor({ timeout: 60_000 });
		await settled(page);
		await expect(page.getByTestId('protection-on').isChecked()).resolves.toBe(false);
		await expect(page.getByTestId('protection-says').textContent()).resolves.toContain('Off');

		await page.getByTestId('protection-on').check();
		await expect.poll(() => page.getByTestId('agency-table').locator('td').allTextContents(), { timeout: 30_000 }).toContainEqual(expect.stringContaining('<5'));
		await settled(page);
		await expect(page.getByTestId('protection-says').textContent()).resolves.toContain('counts from 1 to 4 are shown as "<5"');

		const cells = (await page.getByTestId('agency-table').locator('td').allTextContents()).map((t) => t.trim());
		expect(cells.filter((t) => /^[1-4]$/.test(t))).toEqual([]);

		// Row by row, what the protected figures give under Node.
		setSmallNumberThreshold(5);
		try {
			const shown = protectAgencyRows(rows, { below: 5 });
			for (const r of shown.slice(0, 8)) {
				const row = page.getByTestId('agency-row').filter({ has: page.getByRole('link', { name: r.agency!, exact: false }) });
				const got = (await row.locator('td').allTextContents()).map((t) => t.trim());
				expect(got, r.agency!).toEqual(texts(r));
			}
		} finally {
			setSmallNumberThreshold(null);
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
		await page.getByTestId('protection-on').check();
		// Two reviews in 2011: not listed.
		await page.getByTestId('too-few').waitFor({ timeout: 30_000 });
		await expect(page.getByTestId('too-few').textContent()).resolves.toContain('fewer than 5 reviews');
		await expect(page.locator('[data-testid="review-row"], table tbody tr').count()).resolves.toBe(0);

		await page.reload();
		await page.getByTestId('too-few').waitFor({ timeout: 60_000 });
		await expect(page.getByTestId('protection-on').isChecked()).resolves.toBe(true);

		await page.getByTestId('protection-n').fill('10');
		await page.getByTestId('protection-n').press('Enter');
		await page.getByTestId('protection-n').blur();
		await expect.poll(() => page.getByTestId('protection-says').textContent()).toContain('"<10"');

		// Off again: the list is back.
		await page.getByTestId('protection-on').uncheck();
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
		setSmallNumberThreshold(5);
		try {
			const expected = tileList(protectTiles(await overviewTiles(engine, f, asAt), { below: 5 }), asAt);
			expect(expected.find((t) => t.id === 'reviews')?.value).toBe('<5');
			for (const t of expected) await expect(page.getByTestId(`tile-${t.id}-value`).textContent()).resolves.toBe(t.value);
		} finally {
			setSmallNumberThreshold(null);
		}
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
