// Look at a page: serve build/, open a path in headless Chromium, wait for a selector, save a PNG.
// Usage: node scripts/screenshot.js [path=/] [out=screenshot.png] [waitFor=selector] [width=1280]
// DHR_PROTECT=N: small-number protection on, threshold N, for the demo.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { buildIfNeeded } from './lib/build.js';
import { serve } from './lib/serve.js';

const [route = '/', out = 'screenshot.png', waitFor = 'main', width = '1280'] = process.argv.slice(2);
buildIfNeeded();
const { server, url } = await serve(0);
const dir = await mkdtemp(path.join(os.tmpdir(), 'dhr-shot-'));
const context = await chromium.launchPersistentContext(dir, {
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	headless: true,
	viewport: { width: Number(width), height: 900 },
	args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
});
try {
	const page = await context.newPage();
	page.on('console', (m) => m.type() === 'error' && console.error('console:', m.text()));
	if (process.env.DHR_PROTECT)
		await page.addInitScript((n) => localStorage.setItem('dhr-protection', JSON.stringify({ demo: { on: true, below: n } })), Number(process.env.DHR_PROTECT));
	const t0 = Date.now();
	await page.goto(url + route);
	await page.waitForSelector(waitFor, { timeout: 60_000 });
	await page.waitForSelector('main[data-busy="false"]', { timeout: 60_000 }).catch(() => {});
	console.log(`${route}: "${waitFor}" after ${Date.now() - t0} ms`);
	await page.screenshot({ path: out, fullPage: true });
	console.log(`saved ${out}`);
} finally {
	await context.close();
	await rm(dir, { recursive: true, force: true });
	server.close();
}
