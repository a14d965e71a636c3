/**
 * An axe-core scan (WCAG 2.0–2.2 A and AA rules) of every route with the demo data loaded: no serious
 * or critical violation. Also at phone width, where layouts change (the same page resized).
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

/** The serious or critical violations of the page as it is now. */
async function violations(w: Awaited<ReturnType<typeof openPage>>) {
	const result = await new AxeBuilder({ page: w.page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
		.analyze();
	return result.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

/** Each route loaded once and scanned at desktop width, then at phone width (where layouts change) without reloading the data. */
async function scan(route: string) {
	const w = await openPage(session, inject('baseUrl'));
	await w.page.setViewportSize({ width: 1280, height: 900 });
	await w.page.goto(inject('baseUrl') + route);
	// The neutral page shows nothing of the app (no data line).
	await w.page.getByTestId(route === NEUTRAL_PATH ? 'neutral-page' : 'dataset-line').waitFor({ timeout: 60_000 });
	// Let the page's queries land (no "Loading …" left).
	const settled = () => w.page.waitForFunction(() => !document.querySelector('.loading'), null, { timeout: 30_000 });
	await settled();
	const bad: Record<number, string[]> = { 1280: await violations(w) };
	await w.page.setViewportSize({ width: 390, height: 900 });
	// Let the layout settle after the resize (two frames: charts measure their width on the first).
	await w.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
	await settled();
	bad[390] = await violations(w);
	w.assertClean();
	await w.page.close();
	return bad;
}

describe('accessibility (axe-core) at 1280 and 390 wide', () => {
	// One test per route, so a slow machine spreads the time rather than timing out one long test.
	it.each(ROUTES)('%s has no serious or critical WCAG violation', async (route) => {
		expect(await scan(resolveRoute(route))).toEqual({ 1280: [], 390: [] });
	}, 240_000); // axe over the 500-row tracker table takes most of a minute on a loaded 2-core machine
});
