/**
 * The kinds-of-change view (/changes) in real Chromium on the demo data: under a partnership
 * filter, the totals, the year mix, the agency mix and the theme × kind matrix are drawn, and their
 * table twins and captions hold what the same queries compute under Node from the same files;
 * choosing a bar filters by that kind of change through the URL and the numbers follow; no
 * console error, no foreign request, no axe violation.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Engine } from '$lib/db/engine';
import type { Filters } from '$lib/filters/filters';
import { categoryAgencyMix, categoryTopicMatrix, categoryTotals, categoryYearMix } from '$lib/queries/categories';
import { agencyCaption, agencyTable, topicCaption, topicTable, totalsCaption, totalsTable, yearCaption, yearTable } from '$lib/views/changes';
import { expectedText, filtersOf, tableText } from './tables';
import { axeMain, launch, openPage, type Session } from './browser';
import { openDemo } from './demo';

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


async function expected(f: Filters) {
	return {
		totals: await categoryTotals(engine, f, asAt),
		years: await categoryYearMix(engine, f, asAt),
		agencies: await categoryAgencyMix(engine, f, asAt),
		topics: await categoryTopicMatrix(engine, f, asAt)
	};
}

describe('the kinds-of-change page', () => {
	it('shows the four charts with the numbers SQL computes under Node, and filters by a kind of change', async () => {
		const f = filtersOf({ partnership: [PARTNERSHIP] });
		const want = await expected(f);
		expect(want.totals.recommendations).toBeGreaterThan(100);

		const w = await openPage(session, inject('baseUrl'));
		await w.page.goto(`${inject('baseUrl')}/changes?partnership=${encodeURIComponent(PARTNERSHIP)}`);
		await w.page.getByTestId('category-topic-table').waitFor({ state: 'attached', timeout: 60_000 });
		const caption = (id: string) => w.page.getByTestId(`chart-${id}`).locator('figcaption .caption').textContent();

		await expect(caption('category-totals')).resolves.toBe(totalsCaption(want.totals));
		await expect(tableText(w.page.getByTestId('category-totals-table'))).resolves.toEqual(expectedText(totalsTable(want.totals)));
		await expect(caption('category-year')).resolves.toBe(yearCaption(want.years));
		await expect(tableText(w.page.getByTestId('category-year-table'))).resolves.toEqual(expectedText(yearTable(want.years)));
		await expect(caption('category-agency')).resolves.toBe(agencyCaption(want.agencies));
		await expect(tableText(w.page.getByTestId('category-agency-table'))).resolves.toEqual(expectedText(agencyTable(want.agencies)));
		await expect(caption('category-topic')).resolves.toBe(topicCaption(want.topics));
		await expect(tableText(w.page.getByTestId('category-topic-table'))).resolves.toEqual(expectedText(topicTable(want.topics)));
		// A heat cell per (theme, kind).
		await expect(w.page.getByTestId('chart-category-topic').locator('g.cells rect').count()).resolves.toBe(want.topics.themes.length * want.topics.categories.length);

		// The Training bar, from the keyboard: the chart, arrows to the third bar, Enter.
		const next = await expected(filtersOf({ partnership: [PARTNERSHIP], category: ['training'] }));
		await w.page.getByTestId('chart-category-totals').locator('.bar-chart').focus();
		await w.page.keyboard.press('ArrowDown');
		await w.page.keyboard.press('ArrowDown');
		await w.page.keyboard.press('ArrowDown');
		await w.page.keyboard.press('Enter');
		await w.page.waitForURL((u) => u.searchParams.get('category') === 'training' && u.searchParams.get('partnership') === PARTNERSHIP);
		await expect.poll(() => caption('category-totals'), { timeout: 30_000 }).toBe(totalsCaption(next.totals));
		await expect.poll(() => caption('category-topic'), { timeout: 30_000 }).toBe(topicCaption(next.topics));

		expect((await axeMain(w.page)).violations).toEqual([]);
		w.assertClean();
		await w.page.close();
	});
});
