/**
 * Recovery in real Chromium. The DuckDB worker is killed (`window.__dhr.killWorker()`, which does
 * what a crash does): the app says so, starts a new engine, reloads the dataset that was open (the
 * demo from its files, an imported one from this browser's store) and the overview shows the same
 * figures again. A dataset kept in the browser whose bytes are garbage is reported in plain words
 * (in the banner on every page and on /data) and can be deleted without losing the others; one that
 * was open when it broke gives way to the demo, saying so.
 */
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { TABLE_NAMES, type DatasetMeta } from '$lib/model/schema';
import { launch, openPage, type Session, type WatchedPage } from './browser';
import { DEMO_DIR } from './demo';

let session: Session;
let meta: DatasetMeta;

beforeAll(async () => {
	meta = JSON.parse(await readFile(path.join(DEMO_DIR, 'meta.json'), 'utf8'));
	session = await launch();
});
afterAll(() => session?.close());

const base = () => inject('baseUrl');
const settled = (page: Page) => page.locator('main[data-busy="false"]').waitFor({ timeout: 60_000 });
const card = (w: WatchedPage, name: string) =>
	w.page.locator('article[data-testid^="dataset-"]', { has: w.page.getByTestId('dataset-name').getByText(name, { exact: true }) });

/** The demo's files as a dataset folder named `name`, for the /data picker. */
async function folder(name: string) {
	const files = [{ name: 'meta.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...meta, name })) }];
	for (const t of TABLE_NAMES) files.push({ name: `${t}.arrows`, mimeType: 'application/octet-stream', buffer: await readFile(path.join(DEMO_DIR, `${t}.arrows`)) });
	return files;
}

async function keep(w: WatchedPage, name: string) {
	await w.page.goto(base() + '/data');
	await settled(w.page);
	await w.page.getByTestId('pick-files').setInputFiles(await folder(name));
	await card(w, name).getByTestId('dataset-active').waitFor({ timeout: 60_000 });
	await settled(w.page);
}

const tiles = (page: Page) =>
	page.locator('[data-testid^="tile-"][data-testid$="-value"]').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-testid')}=${e.textContent}`));

/** Kill the worker on the overview and wait for the app to be back with the same tiles. */
async function killAndRecover(w: WatchedPage) {
	await w.page.goto(base() + '/');
	await w.page.getByTestId('tile-overdue-value').waitFor({ timeout: 60_000 });
	await settled(w.page);
	const before = await tiles(w.page);
	expect(before.length).toBeGreaterThan(3);
	await expect(w.page.evaluate(() => (window as unknown as { __dhr: { killWorker(): boolean } }).__dhr.killWorker())).resolves.toBe(true);
	const notice = w.page.getByTestId('engine-recovery');
	await notice.getByText('It has been restarted and your data reloaded.').waitFor({ timeout: 60_000 });
	await expect(notice.textContent()).resolves.toContain('The database stopped');
	await w.page.screenshot({ path: '/tmp/recovery-notice.png' });
	await settled(w.page);
	await w.page.waitForFunction(() => !document.querySelector('.loading'), null, { timeout: 30_000 });
	await expect(tiles(w.page)).resolves.toEqual(before);
	// And it keeps working: another view queries the new engine.
	await w.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reviews' }).click();
	await w.page.getByTestId('reviews-count').waitFor({ timeout: 60_000 });
}

/** Replace one IndexedDB value with garbage bytes. */
const corrupt = (page: Page, key: string) =>
	page.evaluate(async (key) => {
		const db = await new Promise<IDBDatabase>((res, rej) => {
			const r = indexedDB.open('dhr-lessons');
			r.onsuccess = () => res(r.result);
			r.onerror = () => rej(r.error);
		});
		await new Promise<void>((res, rej) => {
			const tx = db.transaction('kv', 'readwrite');
			tx.objectStore('kv').put(new Uint8Array([0xde, 0xad, 0xbe, 0xef, 1, 2, 3, 4, 5]), key);
			tx.oncomplete = () => res();
			tx.onerror = () => rej(tx.error);
		});
		db.close();
	}, key);

const storedIds = (page: Page) =>
	page.evaluate(async () => {
		const db = await new Promise<IDBDatabase>((res, rej) => {
			const r = indexedDB.open('dhr-lessons');
			r.onsuccess = () => res(r.result);
			r.onerror = () => rej(r.error);
		});
		const keys = await new Promise<IDBValidKey[]>((res, rej) => {
			const r = db.transaction('kv').objectStore('kv').getAllKeys();
			r.onsuccess = () => res(r.result);
			r.onerror = () => rej(r.error);
		});
		db.close();
		return [...new Set(keys.map(String).filter((k) => k.startsWith('dataset/')).map((k) => k.split('/')[1]))];
	});

describe('recovery', () => {
	it('restarts a killed engine and reloads the demo: the same tiles again', async () => {
		const w = await openPage(session, base());
		await killAndRecover(w);
		await expect(w.page.getByTestId('dataset-line').textContent()).resolves.toContain(meta.name);
		w.assertClean();
		await w.page.close();
	}, 180_000);

	it('reloads an imported dataset from the browser store after a kill; nothing is lost', async () => {
		const w = await openPage(session, base());
		await keep(w, 'Kept before the crash');
		await killAndRecover(w);
		await expect(w.page.getByTestId('dataset-line').textContent()).resolves.toContain('Kept before the crash');
		await w.page.goto(base() + '/data');
		await settled(w.page);
		await card(w, 'Kept before the crash').getByTestId('dataset-active').waitFor({ timeout: 60_000 });
		w.assertClean();
		await w.page.close();
	}, 180_000);

	it('reports a damaged stored dataset in words and deletes it without losing the others', async () => {
		const w = await openPage(session, base());
		const before = await (async () => {
			await w.page.goto(base() + '/data');
			await settled(w.page);
			return storedIds(w.page);
		})();
		await keep(w, 'Will be damaged');
		const damagedId = (await storedIds(w.page)).find((id) => !before.includes(id))!;
		await keep(w, 'Stays whole');
		await corrupt(w.page, `dataset/${damagedId}/info`);

		// Every page says so, in words, with the way to the Data page.
		await w.page.goto(base() + '/themes');
		await settled(w.page);
		const banner = w.page.getByTestId('store-damaged');
		await banner.waitFor({ timeout: 30_000 });
		await expect(banner.textContent()).resolves.toContain('A dataset kept in this browser is damaged and could not be read.');
		await expect(w.page.getByTestId('dataset-line').textContent()).resolves.toContain('Stays whole');

		await w.page.goto(base() + '/data');
		await settled(w.page);
		const problems = w.page.getByTestId('store-problems');
		await expect(problems.textContent()).resolves.toContain('A stored dataset could not be read');
		await problems.getByRole('button', { name: 'Delete this entry' }).click();
		await problems.waitFor({ state: 'detached', timeout: 30_000 });
		await expect(storedIds(w.page)).resolves.not.toContain(damagedId);
		await card(w, 'Stays whole').getByTestId('dataset-active').waitFor({ timeout: 30_000 });
		await expect(card(w, 'Kept before the crash').count()).resolves.toBe(1);
		w.assertClean();
		await w.page.close();
	}, 240_000);

	it('falls back to the demo, saying why, when the open dataset’s table bytes are garbage', async () => {
		const w = await openPage(session, base());
		await keep(w, 'Open when it broke');
		const ids = await storedIds(w.page);
		const active = await w.page.evaluate(() => Object.entries(localStorage).find(([k]) => /active/i.test(k))?.[1] ?? null);
		const id = ids.find((i) => active?.includes(i))!;
		expect(id).toBeTruthy();
		await corrupt(w.page, `dataset/${id}/table/actions`);
		await w.page.goto(base() + '/');
		await settled(w.page);
		const notice = w.page.getByTestId('dataset-notice');
		await notice.waitFor({ timeout: 60_000 });
		await expect(notice.textContent()).resolves.toContain('could not be reopened');
		await expect(w.page.getByTestId('dataset-line').textContent()).resolves.toContain(meta.name);
		// It is still listed, and can be deleted.
		await w.page.goto(base() + '/data');
		await settled(w.page);
		await w.page.getByRole('button', { name: 'Delete Open when it broke' }).click();
		await w.page.getByRole('button', { name: 'Yes, delete it' }).click();
		await card(w, 'Open when it broke').waitFor({ state: 'detached', timeout: 30_000 });
		await expect(card(w, 'Stays whole').count()).resolves.toBe(1);
		w.assertClean();
		await w.page.close();
	}, 240_000);
});
