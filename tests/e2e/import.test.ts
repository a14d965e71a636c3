/**
 * The /import page in real Chromium, on tests/fixtures/import/tracker-flat.csv: the mapping is
 * suggested from the headers and can be changed and changed back, the report is shown, the import
 * opens the data on the overview with the figures the same import gives under Node, and after a
 * reload the imported data is still there. Nothing leaves the origin, no console error.
 */
import { readFileSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openNodeEngine } from '$lib/db/node';
import { importFiles, loadImport } from '$lib/import';
import { overviewTiles } from '$lib/queries/overview';
import { tileList } from '$lib/views/overview';
import { emptyFilters } from '$lib/filters/filters';
import { launch, openPage, type Session } from './browser';

const FILE = path.resolve('tests/fixtures/import/tracker-flat.csv');
const AS_AT = '2026-09-30';
let session: Session;
let tiles: ReturnType<typeof tileList>;

beforeAll(async () => {
	// The same import, same options as the page (no known agencies, as-at typed in), under Node.
	const result = await importFiles([{ name: 'tracker-flat.csv', bytes: new Uint8Array(readFileSync(FILE)) }], { asAt: AS_AT });
	expect(result.blocking).toBe(false);
	const engine = await openNodeEngine();
	await loadImport(engine, result);
	tiles = tileList(await overviewTiles(engine, emptyFilters(), AS_AT), AS_AT);
	await engine.close();
	session = await launch();
});

afterAll(async () => {
	await session?.close();
});

describe('the import page', () => {
	it('maps, reports, imports a flat tracker and keeps it after a reload', async () => {
		const base = inject('baseUrl');
		const w = await openPage(session, base);
		const page = w.page;
		await page.goto(base + '/import');
		await expect(page.getByTestId('import-local').textContent()).resolves.toContain('never uploaded');
		await page.getByTestId('import-files').setInputFiles(FILE);

		// The suggested mapping: headers matched by synonyms.
		const rag = page.getByTestId('map-RAG');
		await rag.waitFor({ timeout: 30_000 });
		await expect(rag.inputValue()).resolves.toBe('actions.status');
		await expect(page.getByTestId('map-Lead agency').inputValue()).resolves.toBe('actions.lead_agency');
		await expect(page.getByTestId('map-DHR ref').inputValue()).resolves.toBe('reviews.review_id');
		await expect(page.getByTestId('import-preview').locator('tbody tr').count()).resolves.toBe(5);
		await expect(page.getByTestId('import-detected').textContent()).resolves.toContain('6 rows');

		await page.getByTestId('import-asat').fill(AS_AT);
		await expect(page.getByTestId('import-counts').textContent()).resolves.toContain('2 reviews, 4 recommendations and 6 actions');
		const summary = await page.getByTestId('import-summary').textContent();
		expect(summary).toContain('No blocking problem');
		// The report lists the fixture's warnings in words, e.g. the completion after the as-at date.
		await expect(page.getByTestId('import-report').textContent()).resolves.toContain('after the as-at date 2026-09-30');

		// The a11y suite scans the empty page; here the mapping, preview and report are on it, at both widths.
		for (const width of [1280, 390]) {
			await page.setViewportSize({ width, height: 900 });
			const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
			expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${width}: ${v.id} ${v.help}`)).toEqual([]);
		}
		await page.setViewportSize({ width: 1280, height: 900 });

		// Change one column to "ignore" and back: the report follows, then returns to what it was.
		await rag.selectOption('');
		await expect(rag.inputValue()).resolves.toBe('');
		await expect.poll(() => page.getByTestId('import-summary').textContent()).not.toBe(summary);
		await rag.selectOption('actions.status');
		await expect.poll(() => page.getByTestId('import-summary').textContent()).toBe(summary);

		// A saved mapping is offered again for a file with the same headers (here: the same file).
		await page.getByTestId('import-save-mapping').click();
		await expect(page.getByTestId('import-save-note').textContent()).resolves.toContain('Mapping saved');
		await page.getByTestId('import-files').setInputFiles([]);
		await page.getByTestId('import-files').setInputFiles(FILE);
		await expect.poll(() => page.getByTestId('import-detected').textContent()).toContain('Using the mapping you saved');
		await expect(rag.inputValue()).resolves.toBe('actions.status');

		const run = page.getByTestId('import-run');
		await expect(run.isEnabled()).resolves.toBe(true);
		await run.click();
		await page.locator('[data-testid=import-done], [data-testid=import-message]').first().waitFor({ timeout: 60_000 });
		expect(await page.getByTestId('import-message').count(), await page.getByTestId('import-progress').textContent() ?? '').toBe(0);
		await page.getByTestId('import-overview-link').click();

		const checkTiles = async () => {
			await page.getByTestId('tile-overdue-value').waitFor({ timeout: 60_000 });
			for (const t of tiles) await expect.poll(() => page.getByTestId(`tile-${t.id}-value`).textContent()).toBe(t.value);
		};
		await checkTiles();
		expect(tiles.find((t) => t.id === 'actions')?.value).toBe('6');

		// Kept in the browser: a reload reopens the imported dataset, not the demo.
		await page.reload();
		await checkTiles();

		w.assertClean();
		await page.close();
	});
});
