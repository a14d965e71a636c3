/**
 * The SQL console in real Chromium on the demo data: type a query, run it, see its rows (the same
 * numbers SQL gives under Node); a bad query shows the error and where; DROP TABLE actions is refused
 * and the overview tiles still show their figures; the CSV export holds the rows shown; a shared link
 * reopens (and runs) its query; 100,000 rows stay a short DOM.
 */
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { openNodeEngine } from '$lib/db/node';
import { loadDataset } from '$lib/db/dataset';
import { readDatasetDir } from '$lib/db/files';
import { overviewTiles, type OverviewTiles } from '$lib/queries/overview';
import { tileList } from '$lib/views/overview';
import { emptyFilters } from '$lib/filters/filters';
import { openConsole, runScript } from '$lib/sql/console';
import type { Row } from '$lib/db/engine';
import type { DatasetMeta } from '$lib/model/schema';
import { launch, openPage, type Session } from './browser';

const DEMO = path.resolve('static/data/demo');
const BY_STATUS = "SELECT status, count(*) AS n FROM filtered_actions GROUP BY status ORDER BY status";
let session: Session;
let tiles: OverviewTiles;
let byStatus: Row[];
let meta: DatasetMeta;

beforeAll(async () => {
	const ds = await readDatasetDir(DEMO);
	meta = ds.meta;
	const engine = await openNodeEngine();
	await loadDataset(engine, ds.buffers, ds.meta.files);
	tiles = await overviewTiles(engine, emptyFilters(), meta.as_at!);
	byStatus = (await runScript(await openConsole(engine), BY_STATUS, emptyFilters(), meta.as_at!).result).rows;
	await engine.close();
	session = await launch();
});
afterAll(async () => {
	await session?.close();
});

async function typeAndRun(page: Page, sql: string) {
	await page.locator('.cm-content').click();
	await page.keyboard.press('Control+A');
	await page.keyboard.press('Delete');
	await page.keyboard.insertText(sql);
	await page.keyboard.press('Escape'); // close the completion list, if open
	await page.keyboard.press('Control+Enter');
}

const resultRows = (page: Page) =>
	page.getByTestId('sql-result-table').locator('tbody tr:not(.spacer)').evaluateAll((trs) =>
		trs.map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => td.textContent ?? ''))
	);

async function openConsolePage(page: Page, query = '') {
	await page.goto(inject('baseUrl') + '/query' + query);
	await page.locator('.cm-content').waitFor({ timeout: 60_000 });
	await page.locator('main[data-busy="false"]').waitFor({ timeout: 60_000 });
	await page.getByTestId('sql-run').and(page.locator(':enabled')).waitFor({ timeout: 60_000 });
}

describe('the SQL console', () => {
	it('runs a typed query and shows its rows, the same as under Node; the CSV export holds them', async () => {
		const w = await openPage(session, inject('baseUrl'));
		await openConsolePage(w.page);
		await expect(w.page.getByTestId('sql-suppression-notice').textContent()).resolves.toContain('not protected by any small-number suppression');
		await typeAndRun(w.page, BY_STATUS);
		await expect.poll(() => w.page.getByTestId('sql-status').textContent(), { timeout: 30_000 }).toMatch(new RegExp(`^\\s*${byStatus.length} rows in`));
		const shown = await resultRows(w.page);
		expect(shown).toEqual(byStatus.map((r) => [String(r.status), String(r.n)]));

		const [download] = await Promise.all([w.page.waitForEvent('download'), w.page.getByTestId('sql-export-csv').click()]);
		expect(download.suggestedFilename()).toBe('query-result.csv');
		const csv = (await readFile((await download.path())!, 'utf8')).replace(/^\uFEFF/, '');
		expect(csv).toBe(['status,n', ...shown.map((r) => r.join(','))].map((l) => l + '\r\n').join(''));

		// The query went into the history.
		await expect(w.page.getByTestId('sql-history').textContent()).resolves.toContain('SELECT status');
		w.assertClean();
		await w.page.close();
	});

	it('shows a bad query’s error with its position, and marks the line', async () => {
		const w = await openPage(session, inject('baseUrl'));
		await openConsolePage(w.page);
		await typeAndRun(w.page, 'SELECT * FORM actions');
		const error = w.page.getByTestId('sql-error');
		await error.waitFor({ timeout: 30_000 });
		await expect(error.textContent()).resolves.toContain('Parser Error');
		await expect(w.page.getByTestId('sql-error-position').textContent()).resolves.toMatch(/At line 1, column \d+/);
		await expect(error.locator('pre').textContent()).resolves.toContain('^');
		await expect(w.page.locator('.cm-error-line').count()).resolves.toBe(1);
		w.assertClean();
		await w.page.close();
	});

	it('refuses DROP TABLE actions, and the overview still shows its figures', async () => {
		const w = await openPage(session, inject('baseUrl'));
		await openConsolePage(w.page);
		await typeAndRun(w.page, 'DROP TABLE actions');
		const error = w.page.getByTestId('sql-error');
		await error.waitFor({ timeout: 30_000 });
		await expect(error.textContent()).resolves.toContain('Refused: DROP TABLE actions');
		// Same engine, same page session: go to the overview by its link.
		await w.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Overview' }).click();
		await w.page.getByTestId('tile-overdue-value').waitFor({ timeout: 60_000 });
		await w.page.locator('main[data-busy="false"]').waitFor({ timeout: 60_000 });
		for (const tile of tileList(tiles, meta.as_at!)) {
			await expect(w.page.getByTestId(`tile-${tile.id}-value`).textContent()).resolves.toBe(tile.value);
		}
		w.assertClean();
		await w.page.close();
	});

	it('reopens and runs a shared link’s query', async () => {
		const w = await openPage(session, inject('baseUrl'));
		await openConsolePage(w.page);
		await typeAndRun(w.page, BY_STATUS);
		await w.page.getByTestId('sql-result-table').waitFor({ timeout: 30_000 });
		await w.page.getByTestId('sql-share').click();
		await expect.poll(() => new URL(w.page.url()).searchParams.get('sql')).toBe(BY_STATUS);
		const link = w.page.url();

		const v = await openPage(session, inject('baseUrl'));
		await v.page.goto(link);
		await v.page.getByTestId('sql-result-table').waitFor({ timeout: 60_000 });
		await expect(v.page.locator('.cm-content').textContent()).resolves.toBe(BY_STATUS);
		await expect.poll(() => resultRows(v.page), { timeout: 30_000 }).toEqual(byStatus.map((r) => [String(r.status), String(r.n)]));
		w.assertClean();
		v.assertClean();
		await w.page.close();
		await v.page.close();
	});

	it('keeps the DOM short for 100,000 rows', async () => {
		const w = await openPage(session, inject('baseUrl'));
		await openConsolePage(w.page);
		await typeAndRun(w.page, 'SELECT range AS i, range * 2 AS twice FROM range(100000)');
		await expect.poll(() => w.page.getByTestId('sql-status').textContent(), { timeout: 60_000 }).toMatch(/100,000 rows in/);
		const domRows = await w.page.getByTestId('sql-result-table').locator('tbody tr').count();
		expect(domRows).toBeLessThan(80);
		// Scrolled to the end, the last row is there.
		await w.page.getByTestId('sql-result-table').evaluate((t) => {
			const box = t.parentElement!;
			box.scrollTop = box.scrollHeight;
			box.dispatchEvent(new Event('scroll'));
		});
		await expect.poll(async () => (await resultRows(w.page)).at(-1)?.[0]).toBe('99999');
		w.assertClean();
		await w.page.close();
	});

	it('cancels a long query at once, and then runs the next one', async () => {
		const w = await openPage(session, inject('baseUrl'));
		await openConsolePage(w.page);
		// Long enough to be running when Cancel is pressed, short enough that the engine is free again
		// soon if it cannot stop inside a single large aggregate.
		await typeAndRun(w.page, 'SELECT sum(a.range * b.range) FROM range(30000) a, range(30000) b');
		await w.page.getByTestId('sql-cancel').click({ timeout: 10_000 });
		await expect(w.page.getByTestId('sql-error').textContent({ timeout: 30_000 })).resolves.toContain('cancelled');
		await typeAndRun(w.page, 'SELECT 42 AS answer');
		await expect.poll(() => resultRows(w.page), { timeout: 30_000 }).toEqual([['42']]);
		w.assertClean();
		await w.page.close();
	});

	it('has no serious WCAG violation with a result, its chart and an error on screen', async () => {
		const w = await openPage(session, inject('baseUrl'));
		await openConsolePage(w.page, '?sql=' + encodeURIComponent('SELECT year, count(*) AS reviews FROM filtered_reviews GROUP BY year ORDER BY year'));
		await w.page.getByTestId('chart-sql-chart').waitFor({ timeout: 60_000 });
		const scan = async () => {
			const r = await new AxeBuilder({ page: w.page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
			return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
		};
		expect(await scan()).toEqual([]);
		await typeAndRun(w.page, 'SELECT * FORM actions');
		await w.page.getByTestId('sql-error').waitFor({ timeout: 30_000 });
		expect(await scan()).toEqual([]);
		w.assertClean();
		await w.page.close();
	});
});
