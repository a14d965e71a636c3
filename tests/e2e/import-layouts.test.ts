/**
 * Real action-plan layouts on /import in Chromium (issue 14): the Home Office template workbook
 * (one review per sheet, no partnership or status column) shows the partnership guessed from its
 * title under "Values for the whole file", the counts the library gives, and imports; a workbook
 * that names no partnership is blocked until the user types one, once, for the whole file. Nothing
 * leaves the origin, no console error, no serious accessibility violation.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { templateWorkbook, twoSheetWorkbook } from '../fixtures/import/make-layouts';
import { launch, openPage, type Session } from './browser';

let session: Session;
const tmp = mkdtempSync(path.join(tmpdir(), 'dhr-layouts-e2e-'));
const write = (f: { name: string; bytes: Uint8Array }) => {
	const file = path.join(tmp, f.name);
	writeFileSync(file, f.bytes);
	return file;
};
beforeAll(async () => {
	session = await launch();
});
afterAll(async () => {
	await session?.close();
	rmSync(tmp, { recursive: true, force: true });
});

describe('/import with the layouts partnerships keep', () => {
	it('the Home Office template: partnership from the title, one review per sheet, status from the outcome cell', async () => {
		const base = inject('baseUrl');
		const w = await openPage(session, base);
		const page = w.page;
		await page.goto(base + '/import');
		await page.getByTestId('import-files').setInputFiles(write(templateWorkbook()));
		const partnership = page.getByTestId('file-value-partnership');
		await partnership.waitFor({ timeout: 30_000 });
		await expect(partnership.inputValue()).resolves.toBe('Anytown Community Safety Partnership');
		await expect(page.getByTestId('import-file-values').textContent()).resolves.toContain('Taken from the title of sheet DHR Adult A');
		await page.getByTestId('import-asat').fill('30/09/2025');
		await page.getByTestId('import-asat').press('Tab');
		await expect.poll(() => page.getByTestId('import-counts').textContent()).toContain('3 reviews, 6 recommendations and 10 actions');
		await expect(page.getByTestId('import-status-counts').textContent()).resolves.toContain('4 completed');
		await expect(page.getByTestId('import-report').textContent()).resolves.toContain('Status derived');

		// The user's own name for the partnership replaces the guess.
		await partnership.fill('Anytown CSP');
		await partnership.press('Tab');
		await expect.poll(() => page.getByTestId('import-file-values').textContent()).not.toContain('Taken from the title');

		const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
		expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} ${v.help}`)).toEqual([]);

		await page.getByTestId('import-run').click();
		await page.getByTestId('import-done').waitFor({ timeout: 60_000 });
		w.assertClean();
		await page.close();
	});

	it('a workbook that names no partnership is blocked until one is given once', async () => {
		const base = inject('baseUrl');
		const w = await openPage(session, base);
		const page = w.page;
		await page.goto(base + '/import');
		await page.getByTestId('import-files').setInputFiles(write(twoSheetWorkbook()));
		const partnership = page.getByTestId('file-value-partnership');
		await partnership.waitFor({ timeout: 30_000 });
		await expect(partnership.inputValue()).resolves.toBe('');
		await expect.poll(() => page.getByTestId('import-summary').textContent()).toContain('1 blocking problem');
		await expect(page.getByTestId('import-run').isDisabled()).resolves.toBe(true);
		await partnership.fill('Westshire CSP');
		await partnership.press('Tab');
		await page.getByTestId('file-value-review').fill('DHR E');
		await page.getByTestId('file-value-review').press('Tab');
		await expect.poll(() => page.getByTestId('import-summary').textContent()).toContain('No blocking problem');
		await expect(page.getByTestId('import-counts').textContent()).resolves.toContain('1 reviews, 3 recommendations and 5 actions');
		await expect.poll(() => page.getByTestId('import-run').isEnabled()).toBe(true);
		w.assertClean();
		await page.close();
	});
});
