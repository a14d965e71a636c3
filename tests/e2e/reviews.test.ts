/**
 * The review list and a review's page in real Chromium on the demo data: the list holds the reviews
 * the same query gives under Node; a click opens a review's page with its profile, timeline, every
 * recommendation and every action; an unknown id says so in words; nothing leaves the app's origin.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Engine } from '$lib/db/engine';
import { emptyFilters, withValues } from '$lib/filters/filters';
import { reviewDetail, reviewList, type ReviewListRow } from '$lib/queries/reviews';
import { recommendationSummary, reviewCount, timelineEvents } from '$lib/views/reviews';
import { formatDate } from '$lib/format';
import AxeBuilder from '@axe-core/playwright';
import { launch, openPage, type Session } from './browser';
import { openDemo } from './demo';

let session: Session;
let engine: Engine;
let asAt: string;
let list: ReviewListRow[];

beforeAll(async () => {
	const ds = await openDemo();
	asAt = ds.meta.as_at!;
	engine = ds.engine;
	list = await reviewList(engine, emptyFilters(), asAt);
	session = await launch();
});

afterAll(async () => {
	await engine?.close();
	await session?.close();
});

describe('the review list', () => {
	it('lists the reviews the query gives under Node, and a click opens a review with its recommendations and actions', async () => {
		const w = await openPage(session, inject('baseUrl'));
		await w.page.goto(inject('baseUrl') + '/reviews');
		const table = w.page.getByTestId('reviews-table');
		await table.waitFor({ timeout: 60_000 });
		await expect(w.page.getByTestId('reviews-count').textContent()).resolves.toBe(`${reviewCount(list.length)}, as at ${formatDate(asAt)}.`);
		const ids = await table.locator('tbody th[scope="row"]').allTextContents();
		expect(ids).toEqual(list.map((r) => r.review_id));

		// Open the third review from the list.
		const pick = list[2];
		await table.getByRole('link', { name: pick.review_id, exact: true }).click();
		await w.page.waitForURL(new RegExp(`/reviews/${pick.review_id}$`));
		await w.page.getByTestId('review-profile').waitFor({ timeout: 60_000 });
		await expect(w.page.locator('h1').textContent()).resolves.toBe(`Review ${pick.review_id}`);

		const { detail } = await reviewDetail(engine, pick.review_id, asAt);
		await expect(w.page.getByTestId('review-summary').textContent()).resolves.toBe(recommendationSummary(detail!));
		await expect(w.page.getByTestId('recommendation').count()).resolves.toBe(detail!.recommendations.length);
		const actions = detail!.recommendations.flatMap((r) => r.actions);
		await expect(w.page.locator('[data-testid="rec-actions"] tbody tr').count()).resolves.toBe(actions.length);
		// Status in words beside its swatch.
		const firstStatus = w.page.locator('[data-testid="rec-actions"] tbody tr').first().locator('td[data-col="status"]');
		await expect(firstStatus.textContent()).resolves.toMatch(/^(Not started|In progress|Completed|Not accepted)$/);
		// The first recommendation's text is there, as written.
		await expect(w.page.getByTestId('recommendation').first().locator('blockquote').textContent()).resolves.toBe(detail!.recommendations[0].text);
		// The timeline and its table twin: one row per dated event.
		const events = timelineEvents(detail!);
		await expect(w.page.locator('[data-testid="timeline-table"] tbody tr').count()).resolves.toBe(events.length);
		await expect(w.page.getByTestId('review-timeline-svg').locator('path.target').count()).resolves.toBe(events.filter((e) => e.lane === 'target').length);

		// Back to the list.
		await w.page.getByTestId('back-to-reviews').click();
		await w.page.waitForURL(/\/reviews$/);
		await table.waitFor();
		w.assertClean();
		await w.page.close();
	});

	it('answers to the filters, and the review link keeps them', async () => {
		const f = withValues(emptyFilters(), 'death_type', ['homicide-suicide']);
		const expected = await reviewList(engine, f, asAt);
		expect(expected.length).toBeGreaterThan(0);
		expect(expected.length).toBeLessThan(list.length);
		const w = await openPage(session, inject('baseUrl'));
		await w.page.goto(inject('baseUrl') + '/reviews?death_type=homicide-suicide');
		const table = w.page.getByTestId('reviews-table');
		await table.waitFor({ timeout: 60_000 });
		await expect(table.locator('tbody th[scope="row"]').allTextContents()).resolves.toEqual(expected.map((r) => r.review_id));
		const firstRow = table.locator('tbody tr').first();
		await expect(firstRow.locator('td[data-col="recommendations"]').textContent()).resolves.toBe(String(expected[0].recommendations));
		await expect(firstRow.locator('a').getAttribute('href')).resolves.toMatch(/\/reviews\/[^?]+\?death_type=homicide-suicide$/);

		// Sorting by overdue, most first.
		await w.page.getByTestId('sort-overdue').click();
		await expect(w.page.locator('th:has([data-testid="sort-overdue"])').getAttribute('aria-sort')).resolves.toBe('descending');
		const top = Math.max(...expected.map((r) => r.overdue));
		await expect(firstRow.locator('td[data-col="overdue"]').textContent()).resolves.toBe(String(top));
		w.assertClean();
		await w.page.close();
	});
});

describe('a review page', () => {
	it('says so in words when no review has the id', async () => {
		const w = await openPage(session, inject('baseUrl'));
		await w.page.goto(inject('baseUrl') + '/reviews/NO-SUCH-REVIEW');
		const msg = w.page.getByTestId('review-not-found');
		await msg.waitFor({ timeout: 60_000 });
		await expect(msg.textContent()).resolves.toContain('No review with id “NO-SUCH-REVIEW” in the loaded data.');
		await expect(msg.getByRole('link').getAttribute('href')).resolves.toMatch(/\/reviews$/);
		w.assertClean();
		await w.page.close();
	});

	it('shows the review as it stood at the as-at date in the URL', async () => {
		const pick = list.find((r) => r.overdue > 0)!;
		const earlier = '2020-01-01';
		const { detail } = await reviewDetail(engine, pick.review_id, earlier);
		const w = await openPage(session, inject('baseUrl'));
		await w.page.goto(inject('baseUrl') + `/reviews/${pick.review_id}?asat=${earlier}`);
		await w.page.getByTestId('review-profile').waitFor({ timeout: 60_000 });
		await expect(w.page.getByTestId('review-summary').textContent()).resolves.toBe(recommendationSummary(detail!));
		await expect(w.page.locator('p.context').textContent()).resolves.toContain('As at 1 January 2020');
		await expect(w.page.getByTestId('back-to-reviews').getAttribute('href')).resolves.toMatch(/\/reviews\?asat=2020-01-01$/);
		w.assertClean();
		await w.page.close();
	});

	it('has no WCAG 2.2 A/AA violation that axe can find, on the list and on a review, tables open', async () => {
		const w = await openPage(session, inject('baseUrl'));
		for (const [route, ready] of [
			['/reviews', 'reviews-table'],
			[`/reviews/${list[0].review_id}`, 'review-profile']
		]) {
			await w.page.goto(inject('baseUrl') + route);
			await w.page.getByTestId(ready).waitFor({ timeout: 60_000 });
			await w.page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
			const result = await new AxeBuilder({ page: w.page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
			expect(result.violations.map((v) => `${route} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
		}
		w.assertClean();
		await w.page.close();
	});
});
