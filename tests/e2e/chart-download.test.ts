/**
 * Every chart can be downloaded as SVG and PNG (ChartFrame): on /agencies with the demo, the
 * overdue-by-agency chart's SVG is a well-formed SVG document (parsed in the browser) with the
 * caption as its title, a bar per agency, styles written onto its elements and the source line
 * (dataset, source, as-at date, "fictional data"); its PNG has the PNG signature and is the SVG's
 * size at twice the scale. Every chart frame on /themes downloads an SVG that parses. With the
 * hostile fixture (tests/fixtures/hostile) served as the demo, a downloaded SVG holds the payloads
 * as text only: no script, no event attribute, no foreign object. The files are saved under
 * test-results/ to be looked at.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Engine } from '$lib/db/engine';
import { agencyTable } from '$lib/queries/agencies';
import { overdueBars, overdueCaption } from '$lib/views/agencies';
import { chartFileName, escapeXml } from '$lib/export/chart';
import { emptyFilters } from '$lib/filters/filters';
import { openPage, type Session } from './browser';
import { startDemo, stopDemo } from './demo';
import { serve } from '../../scripts/lib/serve.js';

const OUT = path.resolve('test-results/chart-download');
let session: Session;
let engine: Engine;
let asAt: string;

beforeAll(async () => {
	({ engine, asAt, session } = await startDemo());
	await mkdir(OUT, { recursive: true });
});
afterAll(() => stopDemo(session, engine));

async function download(page: Page, testId: string): Promise<{ name: string; bytes: Buffer }> {
	const chart = page.getByTestId('chart-agency-overdue');
	const [dl] = await Promise.all([page.waitForEvent('download'), chart.getByTestId(testId).click()]);
	const file = await dl.path();
	return { name: dl.suggestedFilename(), bytes: await readFile(file) };
}

describe('chart downloads', () => {
	it('the overdue-by-agency chart as SVG and PNG, with its caption and source', async () => {
		const rows = await agencyTable(engine, emptyFilters(), asAt);
		const caption = overdueCaption(rows, asAt);
		const bars = overdueBars(rows).bars.length;
		const w = await openPage(session, inject('baseUrl'));
		await w.page.goto(inject('baseUrl') + '/agencies');
		await w.page.getByTestId('chart-agency-overdue').locator('g.bars rect').first().waitFor({ timeout: 60_000 });

		const svg = await download(w.page, 'download-svg');
		expect(svg.name).toBe(chartFileName(caption, 'svg'));
		const text = svg.bytes.toString('utf8');
		await writeFile(path.join(OUT, svg.name), text);
		// Parsed as XML by the browser: no parser error, an <svg> root, one rect per bar with its fill.
		const parsed = await w.page.evaluate((src) => {
			const doc = new DOMParser().parseFromString(src, 'image/svg+xml');
			const root = doc.documentElement;
			return {
				error: doc.getElementsByTagName('parsererror').length > 0,
				root: root.localName,
				ns: root.namespaceURI,
				title: doc.querySelector('title')?.textContent,
				bars: doc.querySelectorAll('g.chart g.bars rect').length,
				fills: [...doc.querySelectorAll('g.chart g.bars rect')].map((r) => (r.getAttribute('style') ?? '').includes('fill:')),
				texts: [...doc.querySelectorAll('text')].map((t) => t.textContent ?? '')
			};
		}, text);
		expect(parsed.error).toBe(false);
		expect(parsed.root).toBe('svg');
		expect(parsed.ns).toBe('http://www.w3.org/2000/svg');
		expect(parsed.title).toBe(caption);
		expect(parsed.bars).toBe(bars);
		expect(parsed.fills.every(Boolean)).toBe(true);
		expect(text).toContain(escapeXml('Source: Marlshire (fictional demo) — Generated fictional data'));
		const all = parsed.texts.join(' ');
		expect(all).toContain('as at 30 September 2026');
		expect(all).toContain('Fictional data.');
		expect(all).toContain('Marlshire Police');
		// The tooltip layer (HTML) is not in the file.
		expect(text).not.toContain('tooltip');

		const png = await download(w.page, 'download-png');
		expect(png.name).toBe(chartFileName(caption, 'png'));
		await writeFile(path.join(OUT, png.name), png.bytes);
		expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
		const width = png.bytes.readUInt32BE(16);
		const height = png.bytes.readUInt32BE(20);
		const svgSize = /<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="(\d+)" height="(\d+)"/.exec(text)!;
		expect(width).toBe(2 * Number(svgSize[1]));
		expect(height).toBe(2 * Number(svgSize[2]));
		expect(png.bytes.length).toBeGreaterThan(10_000);
		console.log(`chart-download: SVG ${text.length} bytes, PNG ${width}×${height} ${png.bytes.length} bytes (in ${OUT})`);
		w.assertClean();
		await w.page.close();
	});

	it('every chart frame on /themes offers both downloads, and the SVG of each parses', async () => {
		const w = await openPage(session, inject('baseUrl'));
		await w.page.goto(inject('baseUrl') + '/themes');
		const frames = w.page.locator('figure.chart-frame');
		await frames.first().locator('svg').first().waitFor({ timeout: 60_000 });
		const n = await frames.count();
		expect(n).toBeGreaterThan(0);
		for (let i = 0; i < n; i++) {
			const f = frames.nth(i);
			await expect(f.getByRole('button', { name: 'Download SVG' }).count()).resolves.toBe(1);
			await expect(f.getByRole('button', { name: 'Download PNG' }).count()).resolves.toBe(1);
			const [dl] = await Promise.all([w.page.waitForEvent('download'), f.getByTestId('download-svg').click()]);
			const text = (await readFile(await dl.path())).toString('utf8');
			const caption = (await f.locator('figcaption .caption').textContent())!.trim();
			const ok = await w.page.evaluate((src) => {
				const doc = new DOMParser().parseFromString(src, 'image/svg+xml');
				return doc.getElementsByTagName('parsererror').length === 0 && doc.querySelectorAll('g.chart svg').length > 0 ? (doc.querySelector('title')?.textContent ?? '') : null;
			}, text);
			expect(ok).toBe(caption);
			await writeFile(path.join(OUT, dl.suggestedFilename()), text);
		}
		w.assertClean();
		await w.page.close();
	});

	it('with hostile names in the data, the SVG holds them as text only', async () => {
		const { server, url } = (await serve(0, '127.0.0.1', { dataDir: path.resolve('tests/fixtures/hostile') })) as { server: Server; url: string };
		try {
			const w = await openPage(session, url);
			await w.page.goto(url + '/agencies');
			const frame = w.page.locator('figure.chart-frame').first();
			await frame.locator('svg').first().waitFor({ timeout: 60_000 });
			const [dl] = await Promise.all([w.page.waitForEvent('download'), frame.getByTestId('download-svg').click()]);
			const text = (await readFile(await dl.path())).toString('utf8');
			await writeFile(path.join(OUT, `hostile-${dl.suggestedFilename()}`), text);
			const found = await w.page.evaluate((src) => {
				const doc = new DOMParser().parseFromString(src, 'image/svg+xml');
				const all = [...doc.querySelectorAll('*')];
				return {
					error: doc.getElementsByTagName('parsererror').length > 0,
					scripts: doc.getElementsByTagName('script').length,
					foreign: doc.getElementsByTagName('foreignObject').length + doc.getElementsByTagName('iframe').length,
					handlers: all.flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.localName} ${a.name}`)),
					links: all.filter((el) => /javascript:/i.test(el.getAttribute('href') ?? el.getAttribute('xlink:href') ?? '')).length,
					text: doc.documentElement.textContent ?? ''
				};
			}, text);
			expect(found.error).toBe(false);
			expect(found.scripts).toBe(0);
			expect(found.foreign).toBe(0);
			expect(found.handlers).toEqual([]);
			expect(found.links).toBe(0);
			// The payloads are there, as words.
			expect(found.text).toMatch(/<script>|<img src=x|onerror/);
			// (The hostile fixture has no precomputed first view: its 404 is expected, as in hostile.test.ts.)
			for (let i = w.consoleErrors.length - 1; i >= 0; i--) if (/status of 404/.test(w.consoleErrors[i])) w.consoleErrors.splice(i, 1);
			w.assertClean();
			await w.page.close();
		} finally {
			await new Promise((r) => server.close(r));
		}
	});
});
