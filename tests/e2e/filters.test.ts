/**
 * The shared filters in the browser: set through the UI they change the URL and every number on the
 * page; the URL reloads to the same state; back and forward step through changes; unusable
 * parameters are ignored with a notice; the filter bar works from the keyboard alone.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Engine } from '$lib/db/engine';
import { overviewTiles } from '$lib/queries/overview';
import { tileList } from '$lib/views/overview';
import { emptyFilters, withValues } from '$lib/filters/filters';
import { launch, openPage, type Session } from './browser';
import { openDemo } from './demo';

let session: Session;
let engine: Engine;
let asAt: string;
let partnership: string;

beforeAll(async () => {
	const ds = await openDemo();
	engine = ds.engine;
	asAt = ds.meta.as_at!;
	const [first] = await engine.query<{ p: string }>('SELECT min(partnership) AS p FROM reviews');
	partnership = first.p;
	session = await launch();
});
afterAll(async () => {
	await session?.close();
	await engine?.close();
});

async function expectedTiles(values: Record<string, string[]> = {}, from: number | null = null) {
	let f = { ...emptyFilters(), from };
	for (const [k, v] of Object.entries(values)) f = withValues(f, k as never, v);
	return tileList(await overviewTiles(engine, f, asAt), asAt);
}

async function tileValues(page: import('playwright-core').Page) {
	return Object.fromEntries(
		await Promise.all(
			['reviews', 'recommendations', 'actions', 'completed', 'overdue'].map(async (id) => [id, await page.getByTestId(`tile-${id}-value`).textContent()])
		)
	);
}
const asValues = (tiles: Awaited<ReturnType<typeof expectedTiles>>) => Object.fromEntries(tiles.map((t) => [t.id, t.value]));

describe('filters kept in the URL', () => {
	it('a filter set in the UI changes the URL and every tile; reload restores it; back undoes it', async () => {
		const w = await openPage(session, inject('baseUrl'));
		const { page } = w;
		await page.goto(inject('baseUrl') + '/');
		await page.getByTestId('tile-overdue-value').waitFor({ timeout: 60_000 });
		const all = asValues(await expectedTiles());
		const one = asValues(await expectedTiles({ partnership: [partnership] }));
		expect(await tileValues(page)).toEqual(all);

		await page.getByTestId('filter-partnership').locator('summary').click();
		await page.getByTestId('filter-partnership').getByRole("checkbox", { name: new RegExp(partnership) }).check();
		await page.waitForURL((u) => u.searchParams.get('partnership') === partnership);
		await expect.poll(() => tileValues(page), { timeout: 15_000 }).toEqual(one);
		expect(one.reviews).not.toBe(all.reviews);

		await page.reload();
		await page.getByTestId('tile-overdue-value').waitFor({ timeout: 60_000 });
		await expect.poll(() => tileValues(page), { timeout: 15_000 }).toEqual(one);
		await page.getByTestId('filter-partnership').locator('summary').click();
		expect(await page.getByTestId('filter-partnership').getByRole("checkbox", { name: new RegExp(partnership) }).isChecked()).toBe(true);
		// Escape closes the option list and gives the focus back to its button.
		await page.keyboard.press('Escape');
		expect(await page.getByTestId('filter-partnership').getAttribute('open')).toBeNull();

		await page.goBack();
		await page.waitForURL((u) => !u.searchParams.has('partnership'));
		await expect.poll(() => tileValues(page), { timeout: 15_000 }).toEqual(all);
		await page.goForward();
		await expect.poll(() => tileValues(page), { timeout: 15_000 }).toEqual(one);

		await page.getByTestId('clear-filters').click();
		await page.waitForURL((u) => u.search === '');
		await expect.poll(() => tileValues(page), { timeout: 15_000 }).toEqual(all);
		w.assertClean();
		await page.close();
	});

	it('ignores unusable parameters with a visible notice and shows the rest', async () => {
		const w = await openPage(session, inject('baseUrl'));
		await w.page.goto(`${inject('baseUrl')}/?partnership=Nowhere+CSP&from=20x5&asat=2026-02-31&to=2015`);
		await w.page.getByTestId('tile-overdue-value').waitFor({ timeout: 60_000 });
		const notices = await w.page.getByTestId('filter-notice').allTextContents();
		expect(notices).toEqual([
			'Ignored "from=20x5": not a year.',
			'Ignored the as-at date "2026-02-31": not a date in the form yyyy-mm-dd.',
			'Ignored partnership "Nowhere CSP": not in this dataset.'
		]);
		await expect.poll(() => tileValues(w.page), { timeout: 15_000 }).toEqual(asValues(await expectedTilesTo2015()));
		w.assertClean();
		await w.page.close();
	});

	it('works from the keyboard alone: tab to a filter, open it, tick an option', async () => {
		const w = await openPage(session, inject('baseUrl'));
		const { page } = w;
		await page.goto(inject('baseUrl') + '/');
		await page.getByTestId('tile-overdue-value').waitFor({ timeout: 60_000 });
		// Tab until the partnership filter's summary has the focus.
		for (let i = 0; i < 40; i++) {
			await page.keyboard.press('Tab');
			const inside = await page.evaluate(() => document.activeElement?.closest('[data-testid="filter-partnership"]') != null);
			if (inside) break;
		}
		await page.keyboard.press('Enter');
		// The list's counts are worked out when it opens ("Counting…" until then).
		await page.getByTestId('filter-partnership').getByRole('checkbox').first().waitFor();
		await page.keyboard.press('Tab');
		await page.keyboard.press('Space');
		await page.waitForURL((u) => u.searchParams.has('partnership'));
		w.assertClean();
		await page.close();
	});
});

async function expectedTilesTo2015() {
	const f = { ...emptyFilters(), to: 2015 };
	return tileList(await overviewTiles(engine, f, asAt), asAt);
}
