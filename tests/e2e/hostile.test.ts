/**
 * Hostile text in the data, in real Chromium: the fixture of tests/fixtures/hostile (markup, script
 * and SVG payloads, javascript: links, right-to-left overrides, 10,000-character strings, emoji in
 * names, ids and texts) is served as the demo and every page is visited. The test fails if any
 * payload runs (a `window.__pwned` trap and alert() are watched, and any dialog), if markup from the
 * data turns into elements, if the policy reports a violation, or if the text is not shown as text.
 * Long strings must not push a page wider than the window. Screenshots go to /tmp for a look.
 */
import path from 'node:path';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { VIEWS } from '$lib/routes';
import { serve } from '../../scripts/lib/serve.js';
import { HOSTILE_REVIEW_ID, LONG_WORD, PAYLOADS } from '../fixtures/hostile/make';
import { launch, openPage, type Session, type WatchedPage } from './browser';

const FIXTURE = path.resolve('tests/fixtures/hostile');
let session: Session;
let server: Server;
let base: string;

beforeAll(async () => {
	({ server, url: base } = (await serve(0, '127.0.0.1', { dataDir: FIXTURE })) as { server: Server; url: string });
	session = await launch();
});
afterAll(async () => {
	await session?.close();
	await new Promise((r) => server?.close(r));
});

type Trapped = { pwned: string[]; violations: string[] };

/** A page with the traps set before any of the app's scripts run. */
async function trappedPage(): Promise<{ w: WatchedPage; dialogs: string[] }> {
	const w = await openPage(session, base);
	const dialogs: string[] = [];
	// The demo's optional precomputed first view (first-view.json) is not in this fixture: its 404 is
	// expected, and the console error it logs is not one of this test's concern.
	const missing: string[] = [];
	w.page.on('response', (r) => {
		if (r.status() >= 400) missing.push(r.url());
	});
	const assertClean = w.assertClean;
	w.assertClean = () => {
		if (missing.length && missing.every((u) => u.endsWith('/data/demo/first-view.json'))) {
			for (let i = w.consoleErrors.length - 1; i >= 0; i--) if (/status of 404/.test(w.consoleErrors[i])) w.consoleErrors.splice(i, 1);
		}
		assertClean();
	};
	w.page.on('dialog', (d) => {
		dialogs.push(`${d.type()}: ${d.message()}`);
		void d.dismiss();
	});
	await w.page.addInitScript(() => {
		const t = { pwned: [] as string[], violations: [] as string[] };
		(window as unknown as { __trap: Trapped }).__trap = t;
		(window as unknown as { __pwned: (w: string) => void }).__pwned = (what) => t.pwned.push(String(what));
		window.alert = (m?: unknown) => void t.pwned.push(`alert ${String(m)}`);
		document.addEventListener('securitypolicyviolation', (e) => t.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
	});
	return { w, dialogs };
}

/** Elements or attributes that could only have come from the data's markup. */
const injected = (page: Page) =>
	page.evaluate(() => {
		const found: string[] = [];
		for (const s of document.querySelectorAll('script')) if (/__pwned|alert\(/.test(s.textContent ?? '')) found.push('script');
		for (const sel of ['img[src="x"]', 'iframe', 'svg script', 'a[href^="javascript:" i]', 'x[y]', 'object', 'embed'])
			if (document.querySelector(sel)) found.push(sel);
		for (const el of document.querySelectorAll('*'))
			for (const a of el.attributes) if (/^on/i.test(a.name)) found.push(`${el.tagName.toLowerCase()}[${a.name}]`);
		return found;
	});

async function visit(w: WatchedPage, route: string) {
	await w.page.goto(base + route);
	await w.page.getByTestId('dataset-line').waitFor({ timeout: 60_000 });
	await w.page.locator('main[data-busy="false"]').waitFor({ timeout: 60_000 });
	await w.page.waitForFunction(() => !document.querySelector('.loading'), null, { timeout: 30_000 });
}

async function assertInert(w: WatchedPage, dialogs: string[], route: string) {
	const trap = await w.page.evaluate(() => (window as unknown as { __trap: Trapped }).__trap);
	expect(trap.pwned, `${route}: a payload ran`).toEqual([]);
	expect(dialogs, `${route}: a dialog opened`).toEqual([]);
	expect(trap.violations, `${route}: the policy had to stop something`).toEqual([]);
	expect(await injected(w.page), `${route}: markup from the data became elements`).toEqual([]);
	const widths = await w.page.evaluate(() => ({ page: document.documentElement.scrollWidth, window: window.innerWidth }));
	expect(widths.page, `${route}: the page is wider than the window`).toBeLessThanOrEqual(widths.window);
}

const ROUTES = [
	...VIEWS.map((v) => v.path as string),
	`/reviews/${encodeURIComponent(HOSTILE_REVIEW_ID)}`,
	`/reviews/${encodeURIComponent(PAYLOADS.script)}`,
	`/reviews/${encodeURIComponent(LONG_WORD.slice(0, 300))}`
];

describe('hostile text in the data', () => {
	it.each(ROUTES)('%s renders it inert', async (route) => {
		const { w, dialogs } = await trappedPage();
		await visit(w, route);
		await assertInert(w, dialogs, route);
		const shot = `/tmp/hostile${route.replace(/[^a-z0-9]+/gi, '-').slice(0, 60) || '-'}.png`;
		await w.page.screenshot({ path: shot, fullPage: true });
		w.assertClean();
		await w.page.close();
	}, 120_000);

	it('shows the payloads as text: the dataset name, partnerships, a review page', async () => {
		const { w, dialogs } = await trappedPage();
		await visit(w, '/reviews');
		const text = await w.page.locator('main').innerText();
		expect(text).toContain(PAYLOADS.img); // a partnership name and the dataset name
		expect(text).toContain(PAYLOADS.rlo);
		expect(text).toContain(PAYLOADS.emoji);
		await visit(w, `/reviews/${encodeURIComponent(HOSTILE_REVIEW_ID)}`);
		const review = await w.page.locator('main').innerText();
		expect(review).toContain(HOSTILE_REVIEW_ID);
		expect(review).toContain(PAYLOADS.script);
		await visit(w, '/data');
		const data = await w.page.locator('main').innerText();
		expect(data).toContain(`${PAYLOADS.img} Hostile fixture 🧪`);
		await assertInert(w, dialogs, 'text');
		w.assertClean();
		await w.page.close();
	}, 180_000);

	it('the SQL console shows the texts as text', async () => {
		const { w, dialogs } = await trappedPage();
		await visit(w, '/query');
		await w.page.getByTestId('sql-run').and(w.page.locator(':enabled')).waitFor({ timeout: 60_000 });
		await w.page.locator('.cm-content').click();
		await w.page.keyboard.press('Control+A');
		await w.page.keyboard.press('Delete');
		await w.page.keyboard.insertText('SELECT r.partnership, c.agency, c.text FROM reviews r JOIN recommendations c USING (review_id) ORDER BY c.recommendation_id');
		await w.page.keyboard.press('Escape');
		await w.page.keyboard.press('Control+Enter');
		const table = w.page.getByTestId('sql-result-table');
		await table.locator('tbody tr:not(.spacer)').first().waitFor({ timeout: 60_000 });
		const cells = await table.locator('tbody td').allTextContents();
		expect(cells.join('\n')).toContain(PAYLOADS.img);
		expect(cells.some((c) => c.includes(LONG_WORD.slice(0, 200)))).toBe(true);
		await assertInert(w, dialogs, '/query');
		await w.page.screenshot({ path: '/tmp/hostile-query-run.png', fullPage: true });
		w.assertClean();
		await w.page.close();
	}, 120_000);
});
