/**
 * An axe-core scan (WCAG 2.0–2.2 A and AA rules) of every route with the demo data loaded: no serious
 * or critical violation. Also at phone width, where layouts change.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { VIEWS } from '$lib/routes';
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

const routes = () => [...VIEWS.map((v) => v.path as string), `/reviews/${reviewId}`];

async function scan(route: string, width: number) {
	const w = await openPage(session, inject('baseUrl'));
	await w.page.setViewportSize({ width, height: 900 });
	await w.page.goto(inject('baseUrl') + route);
	await w.page.getByTestId('dataset-line').waitFor({ timeout: 60_000 });
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

describe('accessibility (axe-core)', () => {
	it('no serious or critical WCAG violation on any route at 1280 wide', async () => {
		const found: string[] = [];
		for (const r of routes()) for (const v of await scan(r, 1280)) found.push(`${r}: ${v}`);
		expect(found).toEqual([]);
	});
	it('none at 390 wide either', async () => {
		const found: string[] = [];
		for (const r of routes()) for (const v of await scan(r, 390)) found.push(`${r}: ${v}`);
		expect(found).toEqual([]);
	});
});
