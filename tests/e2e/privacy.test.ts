/**
 * Privacy in real Chromium: every page carries the Content-Security-Policy (as a <meta>, and as a
 * header from the server), the app runs under it with no violation (every route visited, a query run
 * in the SQL console: DuckDB's worker and wasm included), an injected inline script and inline event
 * handler are refused (and the policy allows no eval), and the request guard of these tests also
 * catches a worker's request to another origin.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { VIEWS } from '$lib/routes';
import { EXIT_HELP_PATH, NEUTRAL_PATH } from '$lib/safety/exit';
import { launch, openPage, type Session } from './browser';
import { openDemo } from './demo';

let session: Session;
let reviewId: string;

beforeAll(async () => {
	const ds = await openDemo();
	reviewId = (await ds.engine.query<{ id: string }>('SELECT min(review_id) AS id FROM reviews'))[0].id;
	await ds.engine.close();
	session = await launch();
});
afterAll(() => session?.close());

const base = () => inject('baseUrl');

/** Record every CSP violation the document sees, from before the app's first script. */
async function watchViolations(page: Page) {
	await page.addInitScript(() => {
		const w = window as unknown as { __csp: string[] };
		w.__csp = [];
		document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective}: ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`));
	});
}
const violations = (page: Page) => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);

const POLICY = /default-src 'self'.*script-src 'self' 'wasm-unsafe-eval' 'sha256-[^']+'.*object-src 'none'|object-src 'none'.*script-src 'self' 'wasm-unsafe-eval' 'sha256-/;

describe('privacy: the Content-Security-Policy', () => {
	it('is on every page, as a meta and a header, and nothing violates it while every route is visited', async () => {
		const w = await openPage(session, base());
		await watchViolations(w.page);
		const routes = [...VIEWS.map((v) => v.path as string), `/reviews/${encodeURIComponent(reviewId)}`, EXIT_HELP_PATH, NEUTRAL_PATH];
		for (const route of routes) {
			const response = await w.page.goto(base() + route);
			const header = response!.headers()['content-security-policy'];
			expect(header, route).toMatch(POLICY);
			expect(header).toContain("frame-ancestors 'none'");
			const meta = await w.page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
			expect(meta, route).toMatch(POLICY);
			expect(meta).toContain("connect-src 'self'");
			if (route !== NEUTRAL_PATH) await w.page.locator('main[data-busy="false"]').waitFor({ timeout: 60_000 });
			else await w.page.getByTestId('neutral-page').waitFor();
			await expect(violations(w.page), route).resolves.toEqual([]);
		}
		w.assertClean();
		await w.page.close();
	}, 300_000); // every route loads the data afresh

	it('lets DuckDB run a query in the SQL console with no violation', async () => {
		const w = await openPage(session, base());
		await watchViolations(w.page);
		await w.page.goto(base() + '/query');
		await w.page.locator('.cm-content').waitFor({ timeout: 60_000 });
		await w.page.getByTestId('sql-run').and(w.page.locator(':enabled')).waitFor({ timeout: 60_000 });
		await w.page.locator('.cm-content').click();
		await w.page.keyboard.press('Control+A');
		await w.page.keyboard.press('Delete');
		await w.page.keyboard.insertText('SELECT count(*) AS n FROM reviews');
		await w.page.keyboard.press('Escape');
		await w.page.keyboard.press('Control+Enter');
		await expect(
			w.page.getByTestId('sql-result-table').locator('tbody tr:not(.spacer) td').first().textContent({ timeout: 60_000 })
		).resolves.toMatch(/^\d/);
		await expect(violations(w.page)).resolves.toEqual([]);
		// The worker's script came with the policy too (it governs the worker).
		const workerCsp = await w.page.evaluate(async () => {
			const src = performance.getEntriesByType('resource').map((e) => e.name).find((n) => /duckdb-browser-.*worker/.test(n));
			return src ? (await fetch(src)).headers.get('content-security-policy') : null;
		});
		expect(workerCsp).toContain("script-src 'self' 'wasm-unsafe-eval'");
		w.assertClean();
		await w.page.close();
	});

	it('refuses an injected inline script and an inline event handler, and allows no eval', async () => {
		const w = await openPage(session, base());
		await watchViolations(w.page);
		await w.page.goto(base() + '/');
		await w.page.locator('main[data-busy="false"]').waitFor({ timeout: 60_000 });
		const ran = await w.page.evaluate(async () => {
			const win = window as unknown as { __ran: string[] };
			win.__ran = [];
			const s = document.createElement('script');
			s.textContent = "window.__ran.push('inline script')";
			document.body.append(s);
			const img = document.createElement('img');
			img.setAttribute('src', 'x-missing.png');
			img.setAttribute('onerror', "window.__ran.push('onerror')");
			document.body.append(img);
			await new Promise((r) => setTimeout(r, 300));
			return win.__ran;
		});
		expect(ran).toEqual([]);
		// eval cannot be tried from here (the test driver's own scripts are exempt): the policy has no 'unsafe-eval'.
		const policy = await w.page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
		expect(policy).not.toMatch(/'unsafe-eval'/);
		expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
		const seen = await violations(w.page);
		expect(seen.some((v) => v.startsWith('script-src'))).toBe(true);
		// The refusals are logged as console errors: expected here, so only foreign requests are checked.
		expect(w.foreignRequests).toEqual([]);
		await w.page.close();
	});
});

describe('privacy: the request guard of the browser tests', () => {
	it('catches a request to another origin made from inside a worker', async () => {
		const w = await openPage(session, base());
		// A page and worker with no policy (so the request is really attempted), served on the app's origin.
		await w.page.route('**/__guard-check.html', (r) =>
			r.fulfill({ contentType: 'text/html', body: "<!doctype html><title>guard</title><script>new Worker('/__guard-worker.js')</script>" })
		);
		await w.page.route('**/__guard-worker.js', (r) =>
			r.fulfill({ contentType: 'text/javascript', body: "fetch('http://elsewhere.invalid/beacon').catch(() => {})" })
		);
		await w.page.goto(base() + '/__guard-check.html');
		await expect.poll(() => w.foreignRequests.length, { timeout: 10_000 }).toBeGreaterThan(0);
		expect(w.foreignRequests[0]).toContain('elsewhere.invalid');
		await w.page.close();
	});
});
