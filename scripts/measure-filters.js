// Measure, in headless Chromium, the time from a filter change to every view of a page updated
// (no query running), at the demo size and at about a million actions. Prints a table; not a test.
// Usage: node scripts/measure-filters.js [--big DIR] [--changes N] [--routes /,/themes,...] [--sizes demo,1m]
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { buildIfNeeded, root } from './lib/build.js';
import { serve } from './lib/serve.js';
import { BENCH_DIMENSIONS } from './bench/dimensions.js';

const arg = (name, dflt) => {
	const i = process.argv.indexOf(`--${name}`);
	return i > 0 ? process.argv[i + 1] : dflt;
};
const changes = Number(arg('changes', 20));
const routes = arg('routes', '/,/themes,/agencies,/status,/actions,/reviews').split(',');
let big = arg('big', path.join(os.tmpdir(), 'dhr-big'));

buildIfNeeded();
if (!existsSync(path.join(big, 'meta.json'))) {
	console.log(`Generating about 1,000,000 actions into ${big}…`);
	execFileSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/generate-demo.ts', '--reviews', '41000', '--out', big], { cwd: root, stdio: 'inherit' });
}

const pct = (xs, p) => {
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};

async function measure(label, dataDir) {
	const { server, url } = await serve(0, '127.0.0.1', { dataDir });
	const dir = await mkdtemp(path.join(os.tmpdir(), 'dhr-measure-'));
	const context = await chromium.launchPersistentContext(dir, {
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		headless: true,
		viewport: { width: 1280, height: 900 },
		args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
	});
	const rows = [];
	try {
		const page = await context.newPage();
		const t0 = Date.now();
		await page.goto(url + '/');
		await page.waitForSelector('main[data-busy="false"]', { timeout: 600_000 });
		console.log(`${label}: loaded and first page settled in ${Date.now() - t0} ms`);
		await page.waitForSelector('main[data-scope="ready"]', { timeout: 600_000 });
		console.log(`${label}: scope tables built at ${Date.now() - t0} ms`);
		for (const route of routes) {
			// Client-side navigation (the header's link) keeps the loaded engine.
			await page.locator(`header nav a[href="${route}"], header nav a[href^="${route}?"]`).first().click();
			await page.waitForURL((u) => u.pathname === route);
			await page.waitForSelector('main[data-busy="false"]', { timeout: 600_000 });
			const times = [];
			for (let i = 0; i < changes; i++) {
				// Alternate: tick the i-th option of a dimension, then untick it.
				const dim = BENCH_DIMENSIONS[Math.floor(i / 2) % BENCH_DIMENSIONS.length];
				const nth = Math.floor(i / (2 * BENCH_DIMENSIONS.length));
				const ms = await page.evaluate(
					async ({ dim, nth }) => {
						// Open the list first, as a user does; its counts are worked out when it opens.
						const details = document.querySelector(`[data-testid="filter-${dim}"]`);
						const idle = () => document.querySelector('main')?.dataset.busy === 'false';
						if (!details.open) {
							details.open = true;
							const t = performance.now();
							while ((!idle() || details.querySelectorAll('input[type=checkbox]').length === 0) && performance.now() - t < 60_000)
								await new Promise((r) => setTimeout(r, 5));
						}
						const boxes = details.querySelectorAll('input[type=checkbox]');
						const box = boxes[Math.min(nth, boxes.length - 1)];
						if (!box) return null;
						const before = location.search;
						const start = performance.now();
						box.click();
						const busy = () => document.querySelector('main')?.dataset.busy !== 'false';
						while (location.search === before) await new Promise((r) => setTimeout(r, 1));
						await new Promise((r) => requestAnimationFrame(() => r(null)));
						while (busy()) await new Promise((r) => setTimeout(r, 1));
						return performance.now() - start;
					},
					{ dim, nth }
				);
				if (ms != null) times.push(ms);
			}
			rows.push({ dataset: label, route, changes: times.length, p50_ms: Math.round(pct(times, 50)), p95_ms: Math.round(pct(times, 95)), max_ms: Math.round(Math.max(...times)) });
		}
	} finally {
		await context.close();
		await rm(dir, { recursive: true, force: true });
		server.close();
	}
	return rows;
}

const sizes = arg('sizes', 'demo,1m').split(',');
const results = [...(sizes.includes('demo') ? await measure('demo', undefined) : []), ...(sizes.includes('1m') ? await measure('1M actions', big) : [])];
console.table(results);
