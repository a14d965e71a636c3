/**
 * A list longer than LIST_LIMIT open actions (a generated dataset of 1,800 reviews, as at 2026-09-30: the demo's generator leaves about 4 open actions a review)
 * lists only the most overdue LIST_LIMIT, says so with the true count, and lists them all when
 * asked; a search or band that narrows below the limit lists everything again. The rows are those
 * the same query gives under Node.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { main as generate } from '$lib/demo/cli';
import type { Engine } from '$lib/db/engine';
import { loadDataset } from '$lib/db/dataset';
import { readDatasetDir } from '$lib/db/files';
import { openNodeEngine } from '$lib/db/node';
import { emptyFilters } from '$lib/filters/filters';
import { openActions } from '$lib/queries/actions';
import { cappedSentence, LIST_LIMIT } from '$lib/views/actions';
import { serve } from '../../scripts/lib/serve.js';
import { launch, openPage, type Session } from './browser';

let dir: string;
let server: Server;
let base: string;
let session: Session;
let engine: Engine;
let asAt: string;

beforeAll(async () => {
	dir = await mkdtemp(path.join(os.tmpdir(), 'dhr-capped-'));
	generate(['--reviews', '1800', '--out', dir], () => {});
	const ds = await readDatasetDir(dir);
	asAt = ds.meta.as_at!;
	engine = await openNodeEngine();
	await loadDataset(engine, ds.buffers, ds.meta.files);
	({ server, url: base } = (await serve(0, '127.0.0.1', { dataDir: dir })) as { server: Server; url: string });
	session = await launch();
}, 120_000);
afterAll(async () => {
	await session?.close();
	await engine?.close();
	await new Promise((r) => server?.close(r));
	await rm(dir, { recursive: true, force: true });
});

const shownIds = (page: Page) => page.locator('[data-testid="actions-table"] tbody th[scope="row"] .id').allTextContents();
const idle = (page: Page) => page.waitForFunction(() => document.querySelector('main')?.dataset.busy === 'false' && !document.querySelector('[aria-busy="true"]'));

describe('a long list of open actions', () => {
	it('lists the most overdue first, says how many there are, and lists them all when asked', async () => {
		const all = await openActions(engine, emptyFilters(), asAt);
		expect(all.length).toBeGreaterThan(LIST_LIMIT);
		const w = await openPage(session, base);
		await w.page.goto(base + '/actions');
		await w.page.getByTestId('actions-capped').waitFor({ timeout: 60_000 });
		await idle(w.page);
		const text = (await w.page.getByTestId('actions-capped').textContent())!;
		expect(text).toContain(cappedSentence(LIST_LIMIT, all.length));
		// The first page of the table is the first rows of the whole list.
		const first = await shownIds(w.page);
		expect(first).toEqual(all.slice(0, first.length).map((r) => r.action_id));
		// The CSV button offers the rows listed.
		await expect(w.page.getByTestId('export-csv').textContent()).resolves.toContain(LIST_LIMIT.toLocaleString('en-GB'));

		await w.page.getByTestId('actions-list-all').click();
		await w.page.getByTestId('actions-capped').waitFor({ state: 'detached' });
		await idle(w.page);
		await expect(w.page.getByTestId('export-csv').textContent()).resolves.toContain(all.length.toLocaleString('en-GB'));

		// A band that holds fewer than the limit is listed whole, without the notice.
		await w.page.goto(base + '/actions?bucket=0-30');
		await w.page.getByTestId('actions-table').waitFor({ timeout: 60_000 });
		await idle(w.page);
		await expect(w.page.getByTestId('actions-capped').count()).resolves.toBe(0);
		// This dataset has no precomputed first view (first-view.json is the built demo's): its 404 is expected.
		w.consoleErrors.splice(0, w.consoleErrors.length, ...w.consoleErrors.filter((e) => !/status of 404/.test(e)));
		w.assertClean();
		await w.page.close();
	});
});
