/**
 * /compare in real Chromium: the demo open as the local dataset; with no national dataset kept the
 * page says how to get one; the DHRD's three CSVs (a 40-incident fictional fixture in the DHRD's
 * layout, tests/fixtures/compare/dhrd) loaded on the page are kept in this browser without
 * replacing the open dataset; the tables show exactly what the same queries give under Node (and
 * under a filter, and with small-number protection on); the citation and licence are on the page;
 * the unmatched factors are listed; files that are not the DHRD are refused in words; after the
 * engine dies and restarts the national tables are loaded again; the chart works from the keyboard; no console error, no foreign request, no axe violation.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Engine } from '$lib/db/engine';
import { loadComparison } from '$lib/db/compare';
import { localCounts, nationalCounts } from '$lib/queries/compare';
import { cellTexts, compare, FEW_TEXT, type CompareRow } from '$lib/views/compare';
import { datasetBuffers, DHRD_CITATION, DHRD_LICENCE, importFiles } from '$lib/import';
import { emptyFilters, type Filters } from '$lib/filters/filters';
import { formatCount } from '$lib/format';
import type { Rule } from '$lib/privacy/suppress';
import { ACTIVE_KEY } from '$lib/store/active';
import { launch, openPage, type Session, type WatchedPage } from './browser';
import { openDemo } from './demo';

const DHRD = path.resolve('tests/fixtures/compare/dhrd');
const FILES = ['incidents.csv', 'victims.csv', 'perpetrators.csv'].map((f) => path.join(DHRD, f));

let session: Session;
let engine: Engine;
let asAt: string;

beforeAll(async () => {
	const ds = await openDemo();
	engine = ds.engine;
	asAt = ds.meta.as_at!;
	const r = await importFiles(FILES.map((f) => ({ name: path.basename(f), bytes: new Uint8Array(readFileSync(f)) })));
	expect(r.kind).toBe('dhrd');
	const b = datasetBuffers(r);
	await loadComparison(engine, { reviews: b.reviews, review_factors: b.review_factors });
	session = await launch();
});
afterAll(async () => {
	await session?.close();
	await engine?.close();
});

async function open(route: string): Promise<WatchedPage> {
	const w = await openPage(session, inject('baseUrl'));
	await w.page.goto(inject('baseUrl') + route);
	await w.page.getByRole('heading', { name: 'The national data' }).waitFor({ timeout: 60_000 });
	return w;
}

async function expected(f: Filters, rule: { below: number } | null = null) {
	return compare(await localCounts(engine, f, asAt), await nationalCounts(engine), rule);
}

const rowTextsUnder = (rule: Rule | null) => (r: CompareRow) => [r.label, ...cellTexts(r.local, rule), ...cellTexts(r.national, rule), r.few ? FEW_TEXT : ''];
const rowTexts = rowTextsUnder(null);

async function tableTexts(page: Page, chart: string): Promise<string[][]> {
	const rows = page.getByTestId(`chart-${chart}`).getByTestId('compare-row');
	const out: string[][] = [];
	for (const row of await rows.all()) out.push((await row.locator('th, td').allTextContents()).map((t) => t.trim()));
	return out;
}

async function waitForTables(page: Page, n: number) {
	await expect.poll(() => page.getByTestId('chart-compare-factors').getByTestId('compare-row').count(), { timeout: 60_000 }).toBe(n);
}

describe('the local-against-national page', () => {
	it('with no national dataset kept, says how to get one', async () => {
		const w = await open('/compare');
		const none = w.page.getByTestId('compare-no-national');
		await none.waitFor();
		const text = await none.textContent();
		expect(text).toContain('incidents.csv');
		expect(text).toContain('10.5281/zenodo.21108268');
		await expect(w.page.getByTestId('compare-table').count()).resolves.toBe(0);
		w.assertClean();
		await w.page.close();
	});

	it('refuses files that are not the DHRD, in words, keeping nothing', async () => {
		const w = await open('/compare');
		await w.page.getByTestId('compare-national-files').setInputFiles(path.resolve('tests/fixtures/import/dates.csv'));
		await expect(w.page.getByTestId('compare-import-error').textContent({ timeout: 30_000 })).resolves.toMatch(
			/^The national dataset was not loaded: These files are not the DHRD: choose its three CSV files.*Nothing was changed\.$/
		);
		await expect(w.page.getByTestId('compare-no-national').count()).resolves.toBe(1);
		w.assertClean();
		await w.page.close();
	});

	it("loads the DHRD's three CSVs here, keeps them, leaves the demo open, and shows the figures Node computes", async () => {
		const c = await expected(emptyFilters());
		expect(c.factors.length).toBeGreaterThan(5);
		const w = await open('/compare');
		await w.page.getByTestId('compare-national-files').setInputFiles(FILES);
		await waitForTables(w.page, c.factors.length);
		await expect(w.page.getByTestId('compare-national-name').textContent()).resolves.toContain('Domestic Homicide Review Dataset (DHRD)');
		expect(await tableTexts(w.page, 'compare-factors')).toEqual(c.factors.map(rowTexts));
		expect(await tableTexts(w.page, 'compare-death-type')).toEqual(c.categories.death_type.map(rowTexts));
		expect(await tableTexts(w.page, 'compare-victim-sex')).toEqual(c.categories.victim_sex.map(rowTexts));
		expect(await tableTexts(w.page, 'compare-victim-age-band')).toEqual(c.categories.victim_age_band.map(rowTexts));
		// A point per shown share, on both sides.
		const points = c.factors.reduce((s, r) => s + (r.local.share != null ? 1 : 0) + (r.national.share != null ? 1 : 0), 0);
		await expect(w.page.getByTestId('chart-compare-factors').locator('g.point').count()).resolves.toBe(points);
		// The factors named on one side only are listed by their codes.
		const nationalOnly = await w.page.getByTestId('compare-only-national').textContent();
		for (const u of c.nationalOnly) expect(nationalOnly).toContain(u.factor);
		// The DHRD's mental_health_issues is compared as the model's mental_health.
		expect(c.nationalOnly.length).toBeGreaterThan(0);
		expect(c.nationalOnly.map((u) => u.factor)).not.toContain('mental_health_issues');
		expect(c.factors.map((r) => r.key)).toContain('victim/mental_health');
		// Citation and licence.
		const cite = await w.page.getByTestId('compare-citation').textContent();
		expect(cite).toContain(DHRD_CITATION);
		expect(cite).toContain(DHRD_LICENCE);
		// The open dataset is still the demo: nothing remembered as active.
		await expect(w.page.evaluate((k) => localStorage.getItem(k), ACTIVE_KEY)).resolves.toBeNull();
		await expect(w.page.getByTestId('fictional-notice').count()).resolves.toBe(1);
		w.assertClean();
		await w.page.close();
	});

	it('the national dataset is kept: a new visit under a filter compares again, local figures filtered', async () => {
		const f: Filters = { ...emptyFilters(), from: 2020 };
		const c = await expected(f);
		const all = await expected(emptyFilters());
		expect(c.local.reviews).toBeLessThan(all.local.reviews);
		const w = await open('/compare?from=2020');
		await waitForTables(w.page, c.factors.length);
		await expect.poll(() => w.page.getByTestId('compare-counts').textContent(), { timeout: 30_000 }).toContain(`Local: ${formatCount(c.local.reviews)} reviews`);
		expect(await tableTexts(w.page, 'compare-factors')).toEqual(c.factors.map(rowTexts));
		w.assertClean();
		await w.page.close();
	});

	it('with small-number protection on, small counts are written "<N" and their shares and intervals hidden', async () => {
		const below = 10;
		const c = await expected(emptyFilters(), { below });
		const want = c.factors.map(rowTextsUnder({ below }));
		expect(want.flat().some((t) => t === '<10')).toBe(true);
		expect(want.flat()).toContain('hidden');
		const w = await openPage(session, inject('baseUrl'));
		await w.page.addInitScript((n) => localStorage.setItem('dhr-protection', JSON.stringify({ demo: { on: true, below: n } })), below);
		await w.page.goto(inject('baseUrl') + '/compare');
		await waitForTables(w.page, c.factors.length);
		await expect.poll(() => tableTexts(w.page, 'compare-factors'), { timeout: 30_000 }).toEqual(want);
		// Off again for the tests that follow (the profile keeps the setting).
		await w.page.evaluate(() => localStorage.removeItem('dhr-protection'));
		w.assertClean();
		await w.page.close();
	});

	it('when the engine dies and restarts (a new engine, the demo reloaded), the national tables are loaded again', async () => {
		const c = await expected(emptyFilters());
		const w = await open('/compare');
		await waitForTables(w.page, c.factors.length);
		await expect(w.page.evaluate(() => (window as unknown as { __dhr: { killWorker(): boolean } }).__dhr.killWorker())).resolves.toBe(true);
		await w.page.getByTestId('engine-recovery').getByText('It has been restarted and your data reloaded.').waitFor({ timeout: 60_000 });
		await expect.poll(() => tableTexts(w.page, 'compare-factors'), { timeout: 60_000 }).toEqual(c.factors.map(rowTexts));
		await expect(w.page.getByText(/could not be loaded beside the open dataset|Could not count the national data/).count()).resolves.toBe(0);
		w.assertClean();
		await w.page.close();
	});

	it('reads each point from the keyboard', async () => {
		const c = await expected(emptyFilters());
		const w = await open('/compare');
		await waitForTables(w.page, c.factors.length);
		const chart = w.page.getByTestId('chart-compare-factors').getByRole('group', { name: /use the arrow keys/ });
		await chart.focus();
		await w.page.keyboard.press('ArrowRight');
		const first = c.factors[0];
		await expect(w.page.getByTestId('chart-compare-factors').locator('.tooltip').textContent()).resolves.toMatch(
			new RegExp(`^${first.label}, Marlshire \\(fictional demo\\): ${first.local.share!.toFixed(1)}% \\(95% interval`)
		);
		w.assertClean();
		await w.page.close();
	});

	it('has no WCAG 2.2 AA violation that axe can find, with the tables open', async () => {
		const c = await expected(emptyFilters());
		const w = await open('/compare');
		await waitForTables(w.page, c.factors.length);
		for (const d of await w.page.locator('figure details').all()) await d.evaluate((el) => ((el as HTMLDetailsElement).open = true));
		const result = await new AxeBuilder({ page: w.page as never })
			.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
			.analyze();
		expect(result.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.help}`)).toEqual([]);
		w.assertClean();
		await w.page.close();
	});
});
