/**
 * The next version of a tracker in real Chromium, on the two versions of tests/fixtures/update
 * (made by its make.ts: 2 actions completed, 1 target moved, 1 added, 1 removed, 1 newly overdue):
 * import v1, import v2 and see the offer to update with what would change BEFORE accepting, accept,
 * see "Since the update of 30 June 2026: …" on /actions and in the board report, restore the
 * previous version on /data (a new version: the update is still listed), after downloading the
 * action plans in the Home Office template layout. Saves screenshots of the
 * offer and of /actions' summary to UPDATE_SHOTS (default the system's temp dir). No console error,
 * nothing leaves the origin.
 */
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeMain, launch, openPage, type Session } from './browser';
import { V1_AS_AT, V2_AS_AT } from '../fixtures/update/make';
import { readXlsx } from '$lib/import/xlsx';

const DIR = path.resolve('tests/fixtures/update');
const SHOTS = process.env.UPDATE_SHOTS ?? tmpdir();
const SENTENCE = '2 actions completed, 1 newly overdue, 1 added, 1 removed, 1 target date moved';
let session: Session;

beforeAll(async () => {
	session = await launch();
});
afterAll(async () => {
	await session?.close();
});

type Page = import('playwright-core').Page;

async function importFile(page: Page, base: string, file: string, asAt: string) {
	await page.goto(base + '/import');
	await page.getByTestId('import-files').setInputFiles(path.join(DIR, file));
	await page.getByTestId('import-asat').waitFor({ timeout: 30_000 });
	await page.getByTestId('import-asat').fill(asAt);
	await page.getByTestId('import-asat').press('Tab');
	await expect.poll(() => page.getByTestId('import-counts').textContent(), { timeout: 30_000 }).toContain('2 reviews, 4 recommendations and 9 actions');
}

/** Small-number protection off for the open (real) dataset: the figures of one's own tracker are compared exactly. Call once it is open. */
async function protectionOff(page: Page) {
	// The internal view shows every count (a one-partnership tracker opens in it by default).
	const internal = page.getByTestId('view-internal');
	await internal.waitFor({ timeout: 60_000 });
	if (!(await internal.isChecked())) await internal.check();
}

describe('the next version of a tracker', () => {
	it('offers the update with its changes, shows them on /actions and the report, and restores the previous version', async () => {
		const base = inject('baseUrl');
		const w = await openPage(session, base);
		const page = w.page;
		await page.setViewportSize({ width: 1280, height: 900 });

		const step = (what: string) => process.env.UPDATE_STEPS && console.error(`[update e2e] ${what}`);
		step('v1');
		// Version 1: a new dataset (no kept dataset shares its reviews: no offer).
		await importFile(page, base, 'tracker-v1.csv', V1_AS_AT);
		await expect(page.getByTestId('import-update').count()).resolves.toBe(0);
		await page.getByTestId('import-run').click();
		await page.getByTestId('import-done').waitFor({ timeout: 60_000 });

		step('v2');
		// Version 2: the offer, with what would change, before anything is changed.
		await importFile(page, base, 'tracker-v2.csv', V2_AS_AT);
		const offer = page.getByTestId('import-update');
		await offer.waitFor({ timeout: 30_000 });
		await expect(page.getByTestId('import-update-choice').first().isChecked()).resolves.toBe(true);
		await expect(offer.textContent()).resolves.toContain('(2 reviews in common)');
		await expect(offer.textContent()).resolves.toContain('Keep as a new dataset');
		await expect.poll(() => page.getByTestId('import-update-sentence').textContent(), { timeout: 30_000 }).toBe(
			`Since the version as at 30 June 2026, in 2 reviews in common: ${SENTENCE}.`
		);
		for (const [k, n] of Object.entries({ completed: 2, overdue: 1, added: 1, removed: 1, moved: 1, status: 0 }))
			await expect(page.getByTestId(`import-update-total-${k}`).textContent()).resolves.toBe(String(n));
		await offer.locator('summary').click();
		await expect(offer.textContent()).resolves.toContain('Target moved from 30 September 2026 to 31 January 2027: Brief practice nurses on the prompt');
		expect((await axeMain(page)).violations).toEqual([]);
		await offer.screenshot({ path: path.join(SHOTS, 'update-offer.png') });

		step('accept');
		await page.getByTestId('import-update-accept').click();
		await expect.poll(() => page.getByTestId('import-update-done').textContent(), { timeout: 60_000 }).toContain('is updated and open (version 2)');

		step('actions');
		// /actions: the summary of the update, as a sentence and a table.
		await page.goto(base + '/actions');
		const summary = page.getByTestId('update-summary');
		// Once the dataset is open (the summary needs it), so the choice is kept for it, not for the demo.
		await summary.waitFor({ timeout: 60_000 });
		await protectionOff(page);
		await expect.poll(() => page.getByTestId('update-sentence').textContent(), { timeout: 30_000 }).toBe(`Since the update of 30 June 2026: ${SENTENCE}.`);
		await expect(page.getByTestId('update-context').textContent()).resolves.toContain('The tracker as at 30 September 2026 compared with the one as at 30 June 2026, for 2 reviews');
		await summary.locator('summary').click();
		await expect.poll(() => page.getByTestId('update-completed').textContent()).toBe('2');
		await expect(page.getByTestId('update-moved').textContent()).resolves.toBe('1');
		expect((await axeMain(page)).violations).toEqual([]);
		await summary.screenshot({ path: path.join(SHOTS, 'update-actions.png') });
		await page.screenshot({ path: path.join(SHOTS, 'update-actions-page.png') });

		step('report');
		// The board report says the same.
		await page.goto(base + '/report');
		await page.getByTestId('update-summary').waitFor({ timeout: 60_000 });
		await protectionOff(page);
		await expect.poll(() => page.getByTestId('update-sentence').textContent(), { timeout: 60_000 }).toBe(`Since the update of 30 June 2026: ${SENTENCE}.`);

		step('data');
		// /data: both versions, and the previous one restored (as version 3).
		await page.goto(base + '/data');
		const versions = page.getByTestId('dataset-versions');
		await versions.waitFor({ timeout: 60_000 });
		await expect.poll(() => versions.locator('li').count()).toBe(2);
		await expect(page.getByTestId('version-2').textContent()).resolves.toContain('open now');
		await expect(page.getByTestId('version-2').textContent()).resolves.toContain(`Since the update of 30 June 2026`);
		// The action plans of version 2 in the Home Office template layout: a read-me sheet and one per review.
		const [book] = await Promise.all([page.waitForEvent('download'), page.getByTestId('ho-template-download').click()]);
		expect(book.suggestedFilename()).toBe('imported-tracker-v1csv-action-plans-home-office-template.xlsx');
		const sheets = await readXlsx(new Uint8Array(readFileSync((await book.path())!)), 'plans.xlsx');
		expect(sheets.map((x) => [x.sheet, x.rows.length])).toEqual([['Read me', 7], ['DHR-01', 5], ['DHR-02', 4]]);
		await expect(page.getByTestId('ho-template-note').textContent()).resolves.toContain('Saved the action plans of 2 reviews');

		await page.getByTestId('version-1').getByTestId('version-restore').click();
		await expect.poll(() => page.getByTestId('versions-status').textContent(), { timeout: 60_000 }).toContain('Version 1 of');
		await expect(page.getByTestId('versions-status').textContent()).resolves.toContain('restored as version 3 and open');
		await expect.poll(() => versions.locator('li').count()).toBe(3);
		await expect(page.getByTestId('version-3').textContent()).resolves.toContain('A restored copy of version 1.');
		await expect(page.getByTestId('version-3').textContent()).resolves.toContain('as at 30 June 2026');
		await versions.screenshot({ path: path.join(SHOTS, 'update-versions.png') });

		// Version 1 had no update: /actions shows none now.
		await page.goto(base + '/actions');
		await page.getByTestId('actions-count').waitFor({ timeout: 60_000 });
		await expect(page.getByTestId('update-summary').count()).resolves.toBe(0);

		w.assertClean();
		await page.close();
	}, 300_000);
});
