/**
 * The first page in real Chromium: the tiles show the same figures that the same SQL computes
 * under Node from the same files, the chart is drawn with its table twin, and nothing leaves the
 * app's origin.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { overviewTiles, recommendationsByThemeYear, type OverviewTiles, type ThemeYearMatrix } from '$lib/queries/overview';
import { tileList } from '$lib/views/overview';
import { formatDate } from '$lib/format';
import { emptyFilters } from '$lib/filters/filters';
import type { DatasetMeta } from '$lib/model/schema';
import { launch, openPage, type Session } from './browser';
import { openDemo } from './demo';

let session: Session;
let expected: OverviewTiles;
let matrix: ThemeYearMatrix;
let meta: DatasetMeta;

beforeAll(async () => {
	const ds = await openDemo();
	meta = ds.meta;
	const engine = ds.engine;
	expected = await overviewTiles(engine, emptyFilters(), ds.meta.as_at!);
	matrix = await recommendationsByThemeYear(engine, emptyFilters(), ds.meta.as_at!);
	await engine.close();
	session = await launch();
});

afterAll(async () => {
	await session?.close();
});

describe('the overview page', () => {
	it('shows the tiles with the figures SQL computes under Node, with no console error and no foreign request', async () => {
		const w = await openPage(session, inject('baseUrl'));
		await w.page.goto(inject('baseUrl') + '/');
		await w.page.getByTestId('tile-overdue-value').waitFor({ timeout: 60_000 });
		for (const tile of tileList(expected, meta.as_at!)) {
			await expect(w.page.getByTestId(`tile-${tile.id}-value`).textContent()).resolves.toBe(tile.value);
		}
		// Sanity: the demo has real numbers, not zeros.
		expect(expected.reviews).toBeGreaterThan(100);
		expect(expected.actions_overdue).toBeGreaterThan(0);

		await expect(w.page.getByTestId('fictional-notice').textContent()).resolves.toContain('Fictional');

		// The chart: one cell per theme and year, and the table twin holds the same totals.
		const frame = w.page.getByTestId('chart-theme-year');
		await expect(frame.locator('figcaption').textContent()).resolves.toContain('Recommendations by theme and year');
		await expect(frame.locator('g.cells rect').count()).resolves.toBe(matrix.cells.length);
		const rows = frame.locator('[data-testid="theme-year-table"] tbody tr');
		await expect(rows.count()).resolves.toBe(matrix.themes.length);
		const firstRowTotal = await rows.first().locator('td').last().textContent();
		expect(firstRowTotal).toBe(matrix.themes[0].total.toLocaleString('en-GB'));

		w.assertClean();
		await w.page.close();
	});

	it('the /data page shows the dictionary, the as-at date and the loaded row counts', async () => {
		const w = await openPage(session, inject('baseUrl'));
		await w.page.goto(inject('baseUrl') + '/data');
		await w.page.getByTestId('dataset-line').waitFor({ timeout: 60_000 });
		const facts = w.page.getByTestId('dataset-facts');
		await expect(facts.textContent()).resolves.toContain(formatDate(meta.as_at));
		await expect(w.page.getByTestId('count-actions').textContent()).resolves.toBe(meta.row_counts.actions.toLocaleString('en-GB'));
		await expect(w.page.locator('h3 code', { hasText: 'recommendation_themes' }).count()).resolves.toBe(1);
		w.assertClean();
		await w.page.close();
	});
});
