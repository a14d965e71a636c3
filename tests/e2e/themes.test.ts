/**
 * The themes view in real Chromium on the demo data: under a partnership filter, the small multiples
 * and both matrices are drawn, and their table twins and captions hold what the same queries compute
 * under Node from the same files; choosing a theme (its name, a matrix cell) filters by it through
 * the URL and the numbers follow; no console error, no foreign request, no axe violation.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Engine } from '$lib/db/engine';
import { emptyFilters, type Filters } from '$lib/filters/filters';
import { factorCooccurrence, themeCooccurrence, themeYearShares } from '$lib/queries/themes';
import { cooccurrenceCaption, matrixTable, sharesCaption, themeTrends, yearTable } from '$lib/views/themes';
import { expectedText, filtersOf, tableText } from './tables';
import { axeMain, launch, openPage, type Session } from './browser';
import { openDemo } from './demo';

// The demo's largest partnership (38 reviews); the test checks it exists before relying on it.
const PARTNERSHIP = 'Marlbridge Community Safety Partnership';

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
	await session?.close();
	await engine?.close();
});

const caption = (page: Page, id: string) => page.getByTestId(`chart-${id}`).locator('figcaption .caption');

/** What the page should show for these filters, computed under Node. */
async function expected(f: Filters) {
	const shares = await themeYearShares(engine, f, asAt);
	const themes = await themeCooccurrence(engine, f, asAt);
	const factors = await factorCooccurrence(engine, f, asAt);
	return { shares, themes, factors, trends: themeTrends(shares, asAt) };
}

describe('the themes page', () => {
	it('shows the small multiples and both matrices with the numbers SQL computes under Node, and filters by a theme', async () => {
		const f = filtersOf({ partnership: [PARTNERSHIP] });
		const want = await expected(f);
		expect(want.shares.reviews).toBeGreaterThan(20); // the partnership is real and has reviews

		const w = await openPage(session, inject('baseUrl'));
		await w.page.goto(`${inject('baseUrl')}/themes?partnership=${encodeURIComponent(PARTNERSHIP)}`);
		await w.page.getByTestId('factor-cooccurrence-table').waitFor({ state: 'attached', timeout: 60_000 });

		// Small multiples: one line chart per theme.
		const multiples = w.page.getByTestId('theme-multiples').locator(':scope > li');
		await expect(multiples.count()).resolves.toBe(want.shares.themes.length);
		await expect(multiples.first().locator('svg g.lines path').count()).resolves.toBe(1);
		await expect(caption(w.page, 'theme-multiples').textContent()).resolves.toBe(sharesCaption(want.shares, 'share'));
		await expect(tableText(w.page.getByTestId('theme-year-share-table'))).resolves.toEqual(expectedText(yearTable(want.shares, 'share')));

		// The flags shown are the flags the rule gives.
		const flagged = want.trends.trends.filter((t) => t.direction === 'rising' || t.direction === 'falling').map((t) => `flag-${t.theme}`);
		const shownFlags = await w.page.getByTestId('theme-trends').locator('[data-testid^="flag-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
		expect(shownFlags.sort()).toEqual(flagged.sort());

		// Both matrices: a cell per pair, and the twins hold the same counts.
		for (const [id, c, first] of [['theme-cooccurrence', want.themes, 'Theme'], ['factor-cooccurrence', want.factors, 'Case factor']] as const) {
			await expect(w.page.getByTestId(`chart-${id}`).locator('g.cells rect').count()).resolves.toBe(c.items.length ** 2);
			await expect(caption(w.page, id).textContent()).resolves.toBe(cooccurrenceCaption(c, id === 'theme-cooccurrence' ? 'theme' : 'factor'));
			await expect(tableText(w.page.getByTestId(`${id}-table`))).resolves.toEqual(expectedText(matrixTable(c, first)));
		}

		// Choosing a theme's name adds it to the URL, keeps the partnership, and the numbers follow.
		const filtered = filtersOf({ partnership: [PARTNERSHIP], theme: ['coercive_control'] });
		const next = await expected(filtered);
		expect(next.shares.reviews).toBeLessThan(want.shares.reviews);
		await w.page.getByTestId('theme-multiple-coercive_control').getByRole('button', { name: 'Coercive control' }).click();
		await w.page.waitForURL((u) => u.searchParams.get('theme') === 'coercive_control' && u.searchParams.get('partnership') === PARTNERSHIP);
		await expect.poll(() => caption(w.page, 'theme-multiples').textContent(), { timeout: 30_000 }).toBe(sharesCaption(next.shares, 'share'));
		await expect(tableText(w.page.getByTestId('theme-year-share-table'))).resolves.toEqual(expectedText(yearTable(next.shares, 'share')));
		await expect(
			w.page.getByTestId('theme-multiple-coercive_control').getByRole('button', { name: 'Coercive control' }).getAttribute('aria-pressed')
		).resolves.toBe('true');
		await expect.poll(() => caption(w.page, 'theme-cooccurrence').textContent()).toBe(cooccurrenceCaption(next.themes, 'theme'));
		await expect(tableText(w.page.getByTestId('factor-cooccurrence-table'))).resolves.toEqual(expectedText(matrixTable(next.factors, 'Case factor')));

		// The count measure: the same figures as numbers of reviews.
		await w.page.getByLabel('Number of reviews').check();
		await expect.poll(() => caption(w.page, 'theme-multiples').textContent()).toBe(sharesCaption(next.shares, 'count'));
		await expect(tableText(w.page.getByTestId('theme-year-share-table'))).resolves.toEqual(expectedText(yearTable(next.shares, 'count')));

		w.assertClean();
		await w.page.close();
	});

	it('flags the themes the rule flags; a small multiple and a matrix cell filter by a theme, from the mouse and the keyboard', async () => {
		const want = await expected(emptyFilters());
		const w = await openPage(session, inject('baseUrl'));
		await w.page.goto(`${inject('baseUrl')}/themes`);
		const heat = w.page.getByTestId('chart-theme-cooccurrence').locator('.heatmap');
		await heat.locator('g.cells rect').first().waitFor({ timeout: 60_000 });

		// Unfiltered, the demo has themes rising and falling; the page lists exactly those.
		const flagged = want.trends.trends.filter((t) => t.direction === 'rising' || t.direction === 'falling');
		expect(flagged.length).toBeGreaterThan(0);
		const shownFlags = await w.page.getByTestId('theme-trends').locator('[data-testid^="flag-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
		expect(shownFlags.sort()).toEqual(flagged.map((t) => `flag-${t.theme}`).sort());
		for (const t of flagged) {
			await expect(w.page.getByTestId(`trend-${t.theme}`).textContent()).resolves.toContain(t.direction === 'rising' ? 'Rising' : 'Falling');
		}

		// A small multiple from the keyboard: its chart, the first point, Enter.
		await w.page.getByTestId('theme-multiple-marac').locator('.line-chart').focus();
		await w.page.keyboard.press('ArrowRight');
		await w.page.keyboard.press('Enter');
		await w.page.waitForURL((u) => u.searchParams.getAll('theme').join() === 'marac');
		await w.page.goto(`${inject('baseUrl')}/themes`);
		await heat.locator('g.cells rect').first().waitFor({ timeout: 60_000 });

		// Row 2, column 3 (reading order): filters by row 2's theme only.
		const keys = want.themes.items.map((i) => i.key);
		const n = keys.length;
		await heat.locator('g.cells rect').nth(1 * n + 2).click();
		await w.page.waitForURL((u) => u.searchParams.getAll('theme').join() === keys[1]);

		// From the keyboard: the first cell, Enter, is row 1's theme (replacing the filter).
		await w.page.goto(`${inject('baseUrl')}/themes`);
		await heat.locator('g.cells rect').first().waitFor({ timeout: 60_000 });
		await heat.focus();
		await w.page.keyboard.press('ArrowRight');
		await w.page.keyboard.press('Enter');
		await w.page.waitForURL((u) => u.searchParams.getAll('theme').join() === keys[0]);

		w.assertClean();
		await w.page.close();
	});

	it('has no WCAG 2.2 AA violation that axe can find', async () => {
		const w = await openPage(session, inject('baseUrl'));
		await w.page.goto(`${inject('baseUrl')}/themes`);
		await w.page.getByTestId('factor-cooccurrence-table').waitFor({ state: 'attached', timeout: 60_000 });
		const { violations, passes } = await axeMain(w.page);
		expect(violations).toEqual([]);
		expect(passes).toBeGreaterThan(10); // it did look
		w.assertClean();
		await w.page.close();
	});
});
