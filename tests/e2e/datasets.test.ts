/**
 * Keeping datasets in the browser (IndexedDB) and switching between them, in real Chromium: a
 * dataset folder built from the demo files (renamed) is picked, listed, opened, survives a reload
 * with the same overview figures that Node computes from the same files, is renamed, and deleted,
 * after which the demo is back. A broken folder is refused in words and the data shown stays; a
 * remembered dataset that is gone falls back to the demo, saying so. Exports and the template download.
 * No console error, no foreign request.
 */
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openNodeEngine } from '$lib/db/node';
import { loadDataset } from '$lib/db/dataset';
import { readDatasetDir } from '$lib/db/files';
import { overviewTiles, type OverviewTiles } from '$lib/queries/overview';
import { tileList } from '$lib/views/overview';
import { emptyFilters } from '$lib/filters/filters';
import { TABLE_NAMES, type DatasetMeta } from '$lib/model/schema';
import { ACTIVE_KEY } from '$lib/store/active';
import { fileStem } from '$lib/store/export';
import { launch, openPage, type Session, type WatchedPage } from './browser';

const DEMO = path.resolve('static/data/demo');
const COPY = 'Marlshire copy';
let session: Session;
let expected: OverviewTiles;
let meta: DatasetMeta;

type Payload = { name: string; mimeType: string; buffer: Buffer };

/** The demo's files, with meta.json's name changed (and a table replaced, if asked). */
async function folder(name: string, broken?: string): Promise<Payload[]> {
	const files: Payload[] = [
		{ name: 'meta.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...meta, name })) }
	];
	for (const t of TABLE_NAMES) {
		const buffer = t === broken ? Buffer.from('not an arrow stream at all') : await readFile(path.join(DEMO, `${t}.arrows`));
		files.push({ name: `${t}.arrows`, mimeType: 'application/octet-stream', buffer });
	}
	return files;
}

/** What IndexedDB holds (keys of the one store) and what localStorage remembers. */
const storage = (w: WatchedPage) =>
	w.page.evaluate(async (key) => {
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
		return { keys: keys.map(String), active: localStorage.getItem(key) };
	}, ACTIVE_KEY);

const line = (w: WatchedPage) => w.page.getByTestId('dataset-line');
const card = (w: WatchedPage, name: string) => w.page.locator('article[data-testid^="dataset-"]', { has: w.page.getByTestId('dataset-name').getByText(name, { exact: true }) });
const settled = (w: WatchedPage) => w.page.locator('main[data-busy="false"]').waitFor({ timeout: 60_000 });

beforeAll(async () => {
	const ds = await readDatasetDir(DEMO);
	meta = ds.meta;
	const engine = await openNodeEngine();
	await loadDataset(engine, ds.buffers, ds.meta.files);
	expected = await overviewTiles(engine, emptyFilters(), ds.meta.as_at!);
	await engine.close();
	session = await launch();
});

afterAll(async () => {
	await session?.close();
});

describe('datasets kept in the browser', () => {
	// First, on the fresh profile: nothing is stored yet.
	it('refuses a broken folder in words and keeps the data shown', async () => {
		const w = await openPage(session, inject('baseUrl'));
		await w.page.goto(inject('baseUrl') + '/data');
		await card(w, meta.name).getByTestId('dataset-active').waitFor({ timeout: 60_000 });
		await w.page.getByTestId('pick-files').setInputFiles(await folder('Broken copy', 'actions'));
		const notice = w.page.getByTestId('dataset-notice');
		await notice.waitFor({ timeout: 60_000 });
		await expect(notice.textContent()).resolves.toMatch(/"Broken copy" could not be kept in this browser: The table actions could not be read as an Arrow IPC stream/);
		await expect(line(w).textContent()).resolves.toContain(`Data: ${meta.name}`);
		await expect(card(w, meta.name).getByTestId('dataset-active').count()).resolves.toBe(1);
		await expect(storage(w)).resolves.toEqual({ keys: [], active: null });

		// Files without meta.json: said in words.
		await w.page.getByTestId('pick-files').setInputFiles((await folder('x')).slice(1));
		await expect(notice.textContent()).resolves.toMatch(/No meta\.json among the chosen files/);

		// A remembered dataset that is no longer stored: the demo opens, and the page says why.
		await w.page.evaluate((key) => localStorage.setItem(key, 'gone-id'), ACTIVE_KEY);
		await w.page.reload();
		await card(w, meta.name).getByTestId('dataset-active').waitFor({ timeout: 60_000 });
		await expect(notice.textContent()).resolves.toMatch(/The dataset you had open could not be reopened: There is no stored dataset with that id .* Showing the demo instead\./);
		await expect(storage(w)).resolves.toEqual({ keys: [], active: null });
		w.assertClean();
		await w.page.close();
	});

	it('opens a dataset folder, keeps it over a reload, renames and deletes it, then shows the demo', async () => {
		const w = await openPage(session, inject('baseUrl'));
		await w.page.goto(inject('baseUrl') + '/data');
		await card(w, meta.name).getByTestId('dataset-active').waitFor({ timeout: 60_000 });
		await expect(w.page.getByTestId('privacy').textContent()).resolves.toMatch(/processed in this\s+browser, on this computer, and never uploaded/);
		await expect(storage(w)).resolves.toEqual({ keys: [], active: null });

		// Pick the folder's files: stored, listed, and open.
		await w.page.getByTestId('pick-files').setInputFiles(await folder(COPY));
		await card(w, COPY).getByTestId('dataset-active').waitFor({ timeout: 60_000 });
		await expect(line(w).textContent()).resolves.toContain(`Data: ${COPY}`);
		await expect(card(w, meta.name).getByTestId('dataset-active').count()).resolves.toBe(0);
		await expect(card(w, COPY).getByTestId('rows-actions').textContent()).resolves.toBe(meta.row_counts.actions.toLocaleString('en-GB'));
		await expect(card(w, COPY).textContent()).resolves.toMatch(/Imported\s*\d{1,2} \w{3} \d{4}, \d\d:\d\d/);
		const stored = await storage(w);
		const id = stored.active!;
		expect(id).toMatch(/^[0-9a-f-]{36}$/);
		expect(stored.keys.sort()).toEqual([`dataset/${id}/info`, ...TABLE_NAMES.map((t) => `dataset/${id}/table/${t}`)].sort());

		// A fresh load of the overview: the stored dataset is still the one shown, with the demo's figures.
		await w.page.goto(inject('baseUrl') + '/');
		await w.page.getByTestId('tile-overdue-value').waitFor({ timeout: 60_000 });
		await settled(w);
		await expect(line(w).textContent()).resolves.toContain(`Data: ${COPY}`);
		for (const tile of tileList(expected, meta.as_at!)) {
			await expect(w.page.getByTestId(`tile-${tile.id}-value`).textContent()).resolves.toBe(tile.value);
		}

		// Rename it: the list, the banner and, after a reload, the stored name.
		await w.page.goto(inject('baseUrl') + '/data');
		await card(w, COPY).getByTestId('dataset-active').waitFor({ timeout: 60_000 });
		await w.page.getByRole('button', { name: `Rename ${COPY}` }).click();
		await w.page.getByLabel('New name').fill('  Renamed copy ');
		await w.page.getByRole('button', { name: 'Save name' }).click();
		await card(w, 'Renamed copy').waitFor();
		await expect(line(w).textContent()).resolves.toContain('Data: Renamed copy');
		await w.page.reload();
		await card(w, 'Renamed copy').getByTestId('dataset-active').waitFor({ timeout: 60_000 });
		await expect(line(w).textContent()).resolves.toContain('Data: Renamed copy');

		// Delete it, after a confirmation: the demo opens again and nothing is left in storage.
		await w.page.getByRole('button', { name: 'Delete Renamed copy' }).click();
		await expect(card(w, 'Renamed copy').count()).resolves.toBe(1);
		await w.page.getByRole('button', { name: 'Yes, delete it' }).click();
		await card(w, meta.name).getByTestId('dataset-active').waitFor({ timeout: 60_000 });
		await expect(card(w, 'Renamed copy').count()).resolves.toBe(0);
		await expect(line(w).textContent()).resolves.toContain(`Data: ${meta.name}`);
		await expect(storage(w)).resolves.toEqual({ keys: [], active: null });
		await w.page.reload();
		await card(w, meta.name).getByTestId('dataset-active').waitFor({ timeout: 60_000 });

		w.assertClean();
		await w.page.close();
	});

	it('downloads the blank tracker template and a dataset as CSV and Arrow files, one per table', async () => {
		const w = await openPage(session, inject('baseUrl'));
		await w.page.goto(inject('baseUrl') + '/data');
		await card(w, meta.name).getByTestId('dataset-active').waitFor({ timeout: 60_000 });

		const [template] = await Promise.all([w.page.waitForEvent('download'), w.page.getByTestId('template').click()]);
		expect(template.suggestedFilename()).toBe('dhr-action-tracker-template.csv');
		const text = await readFile((await template.path())!, 'utf8');
		expect(text).toBe('\uFEFFReview ID,Partnership,Recommendation number,Scope,Recommendation agency,Recommendation text,Theme,Action ID,Action,Lead agency,Owner role,Target date,Status,Completed date,Evidence,Last updated\r\n');

		for (const [kind, ext] of [['CSV', 'csv'], ['Arrow', 'arrows']] as const) {
			const names: string[] = [];
			const saved = new Promise<string>((resolve) => {
				w.page.on('download', async (d) => {
					names.push(d.suggestedFilename());
					if (d.suggestedFilename() === `${fileStem(meta.name)}-reviews.${ext}`) resolve((await d.path())!);
				});
			});
			await w.page.getByRole('button', { name: `Export ${kind} of ${meta.name}` }).click();
			const reviews = await saved;
			await w.page.getByTestId('switcher-status').getByText(`Saved ${TABLE_NAMES.length} ${kind} files`).waitFor();
			await expect.poll(() => names.length).toBe(TABLE_NAMES.length);
			w.page.removeAllListeners('download');
			expect(names.sort()).toEqual(TABLE_NAMES.map((t) => `${fileStem(meta.name)}-${t}.${ext}`).sort());
			const bytes = await readFile(reviews);
			if (ext === 'csv') {
				const lines = bytes.toString('utf8').trimEnd().split('\r\n');
				expect(lines[0]).toMatch(/^\uFEFFreview_id,review_type,partnership,/);
				expect(lines).toHaveLength(meta.row_counts.reviews + 1);
			} else {
				expect(bytes.equals(await readFile(path.join(DEMO, 'reviews.arrows')))).toBe(true);
			}
		}
		w.assertClean();
		await w.page.close();
	});
});
