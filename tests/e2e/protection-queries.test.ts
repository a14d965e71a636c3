/**
 * Small-number protection is data, not a reason to query again: on every dashboard page, changing
 * the view of the figures (internal ↔ publication) rewrites what the page shows and runs no query.
 * The page counts the query runs it has started (`window.__dhr.queriesStarted()`, state/query); the
 * count is read once the page has settled, the view is changed, the page's own text is waited for to
 * change, and the count is read again.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, openPage, type Session } from './browser';

let session: Session;

beforeAll(async () => {
	session = await launch();
});
afterAll(() => session?.close());

const settled = (page: Page) => page.waitForSelector('main[data-busy="false"]', { timeout: 60_000 });
const started = (page: Page) => page.evaluate(() => (window as unknown as { __dhr: { queriesStarted(): number } }).__dhr.queriesStarted());
/** The page's own text, without the view setting (whose words change with it). */
const pageText = (page: Page) =>
	page.evaluate(() => {
		const main = document.querySelector('main')!.cloneNode(true) as HTMLElement;
		main.querySelectorAll('[data-testid="protection"]').forEach((e) => e.remove());
		return main.textContent ?? '';
	});

// 2011–2012: nine reviews, so many small counts and lessons of fewer than five reviews; 2011 alone:
// two reviews (a list of fewer than five is withheld); 2021: a few open actions in small bands.
const PERIOD = '?from=2011&to=2012';
// The board report shows the publication view by default, so it is switched the other way.
const PAGES: [path: string, to: 'publication' | 'internal'][] = [
	['/' + PERIOD, 'publication'],
	['/themes' + PERIOD, 'publication'],
	['/changes' + PERIOD, 'publication'],
	['/agencies' + PERIOD, 'publication'],
	['/status' + PERIOD, 'publication'],
	['/actions?from=2021&to=2021', 'publication'],
	['/reviews?from=2011&to=2011', 'publication'],
	['/lessons' + PERIOD, 'publication'],
	['/report' + PERIOD, 'internal']
];

describe('changing the view of the figures', () => {
	it.each(PAGES)('%s: the figures are written again and no query runs', async (path, to) => {
		const w = await openPage(session, inject('baseUrl'));
		const { page } = w;
		await page.goto(inject('baseUrl') + path);
		await page.evaluate(() => localStorage.removeItem('dhr-protection'));
		await page.reload();
		await page.getByTestId('protection').waitFor({ timeout: 60_000 });
		await settled(page);
		const before = await pageText(page);
		const runs = await started(page);
		expect(runs).toBeGreaterThan(0);

		await page.getByTestId(`view-${to}`).check();
		await expect.poll(() => pageText(page), { timeout: 30_000 }).not.toBe(before);
		await settled(page);
		const after = await pageText(page);
		if (to === 'publication') expect(after).toMatch(/<5|fewer than 5 reviews/);
		else expect(after).not.toMatch(/<5/);
		await expect(started(page)).resolves.toBe(runs);

		await page.evaluate(() => localStorage.removeItem('dhr-protection'));
		w.assertClean();
		await page.close();
	});
});
