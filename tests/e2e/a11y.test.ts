/**
 * An axe-core scan (WCAG 2.0–2.2 A and AA rules) of every route with the demo data loaded: no serious
 * or critical violation. Also at phone width, where layouts change.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { VIEWS } from '$lib/routes';
import { EXIT_HELP_PATH, NEUTRAL_PATH } from '$lib/safety/exit';
import { launch, openPage, type Session } from './browser';
import { openDemo } from './demo';

let session: Session;
let reviewId: string;

beforeAll(async () => {
	const ds = await openDemo();
	const engine = ds.engine;
	reviewId = (await engine.query<{ id: string }>('SELECT min(review_id) AS id FROM reviews'))[0].id;
	await engine.close();
	session = await launch();
});
afterAll(() => session?.close());

// Every view, and one review's page (its id is known once the data is read); the "Exit this page"
// help page and the neutral page it leads to.
const ROUTES = [...VIEWS.map((v) => v.path as string), 'a review page', EXIT_HELP_PATH, NEUTRAL_PATH];
const resolveRoute = (r: string) => (r === 'a review page' ? `/reviews/${reviewId}` : r);

async function scan(route: string, width: number) {
	const w = await openPage(session, inject('baseUrl'));
	await w.page.setViewportSize({ width, height: 900 });
	await w.page.goto(inject('baseUrl') + route);
	// The neutral page shows nothing of the app (no data line).
	await w.page.getByTestId(route === NEUTRAL_PATH ? 'neutral-page' : 'dataset-line').waitFor({ timeout: 60_000 });
	// Let the page's queries land (no "Loading …" left).
	await w.page.waitForFunction(() => !document.querySelector('.loading'), null, { timeout: 30_000 });
	const result = await new AxeBuilder({ page: w.page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
		.analyze();
	const bad = result.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
	w.assertClean();
	await w.page.close();
	return bad;
}

describe.each([1280, 390])('accessibility (axe-core) at %i wide', (width) => {
	// One test per route, so a slow machine spreads the time rather than timing out one long test.
	it.each(ROUTES)('%s has no serious or critical WCAG violation', async (route) => {
		expect(await scan(resolveRoute(route), width)).toEqual([]);
	}, 180_000); // axe over the 500-row tracker table takes most of a minute on a loaded 2-core machine
});
