/**
 * Debian's Chromium driven by playwright-core, one fresh profile per test file. Every page opened
 * through `openPage` records console errors, uncaught errors and any request that leaves the app's
 * origin; `assertClean` fails the test on any of them.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface Session {
	context: BrowserContext;
	close(): Promise<void>;
}

/** `options`: e.g. `{ locale: 'en-US', timezoneId: 'America/New_York' }` (a browser set up elsewhere). */
export async function launch(options: { locale?: string; timezoneId?: string } = {}): Promise<Session> {
	const dir = await mkdtemp(path.join(os.tmpdir(), 'dhr-chromium-'));
	const context = await chromium.launchPersistentContext(dir, {
		...options,
		executablePath: CHROMIUM,
		headless: true,
		viewport: { width: 1280, height: 900 },
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync'
		]
	});
	return {
		context,
		async close() {
			await context.close();
			await rm(dir, { recursive: true, force: true });
		}
	};
}

export interface WatchedPage {
	page: Page;
	consoleErrors: string[];
	foreignRequests: string[];
	assertClean(): void;
}

/** Open a page that fails the test on console errors and on requests to another origin. */
export async function openPage(session: Session, baseUrl: string): Promise<WatchedPage> {
	const origin = new URL(baseUrl).origin;
	const page = await session.context.newPage();
	const consoleErrors: string[] = [];
	const foreignRequests: string[] = [];
	page.on('console', (m) => {
		if (m.type() === 'error') consoleErrors.push(m.text());
	});
	page.on('pageerror', (e) => consoleErrors.push(`uncaught: ${e.message}`));
	// Every request, the workers' included, passes here; anything leaving the origin is refused.
	await session.context.route('**/*', (route) => {
		const url = route.request().url();
		if (url.startsWith('data:') || url.startsWith('blob:') || new URL(url).origin === origin) return route.continue();
		foreignRequests.push(url);
		return route.abort('blockedbyclient');
	});
	return {
		page,
		consoleErrors,
		foreignRequests,
		assertClean() {
			if (consoleErrors.length) throw new Error(`Console errors:\n${consoleErrors.join('\n')}`);
			if (foreignRequests.length) throw new Error(`Requests to another origin:\n${foreignRequests.join('\n')}`);
		}
	};
}

/** WCAG 2.2 A and AA, the bar the app must meet. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Axe on the page's `<main>`: each violation as `id: nodes × help`, and how many rules passed (it did look). */
export async function axeMain(page: Page): Promise<{ violations: string[]; passes: number }> {
	const result = await new AxeBuilder({ page: page as never }).include('main').withTags(WCAG_TAGS).analyze();
	return { violations: result.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.help}`), passes: result.passes.length };
}
