/**
 * British dates whatever the browser's locale: Chromium started in an American locale and time
 * zone shows the as-at date as 30/09/2026 and "30 September 2026" (a native date box showed
 * 09/30/2026 there), takes 31/03/2026 and 2026-03-31, refuses 03/31/2026 in plain words, and no
 * page shows a date month first.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, openPage, type Session, type WatchedPage } from './browser';

let session: Session;
let w: WatchedPage;

beforeAll(async () => {
	session = await launch({ locale: 'en-US', timezoneId: 'America/New_York' });
	w = await openPage(session, inject('baseUrl'));
});
afterAll(async () => {
	await session?.close();
});

const ready = () => w.page.waitForSelector('main[data-busy="false"]', { timeout: 60_000 });

/** Every d/d/dddd on the page (text and form values) that cannot be read day first. */
async function monthFirst(): Promise<string[]> {
	const texts = await w.page.evaluate(() => [
		document.body.innerText,
		...[...document.querySelectorAll('input')].map((i) => (i as HTMLInputElement).value)
	]);
	const bad: string[] = [];
	for (const t of texts)
		for (const m of t.matchAll(/\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/g)) if (Number(m[2]) > 12 || Number(m[1]) > 31) bad.push(m[0]);
	return bad;
}

describe('dates in an en-US browser', () => {
	it('is an American browser', async () => {
		await w.page.goto(inject('baseUrl') + '/');
		await ready();
		await expect(w.page.evaluate(() => navigator.language)).resolves.toBe('en-US');
		await expect(w.page.evaluate(() => new Date(Date.UTC(2026, 8, 30, 12)).toLocaleDateString())).resolves.toBe('9/30/2026');
	});

	it('shows the as-at date day first, in figures and in words', async () => {
		const box = w.page.getByTestId('filter-asat');
		await expect(box.inputValue()).resolves.toBe('30/09/2026');
		await expect(box.getAttribute('type')).resolves.toBe('text');
		await expect(w.page.getByTestId('filter-asat-words').textContent()).resolves.toBe('30 September 2026');
		expect(await monthFirst()).toEqual([]);
	});

	it('takes a date typed day first or in the ISO form', async () => {
		const box = w.page.getByTestId('filter-asat');
		await box.fill('31/03/2026');
		await box.press('Enter');
		await w.page.waitForURL(/asat=2026-03-31/);
		await ready();
		await expect(box.inputValue()).resolves.toBe('31/03/2026');
		await expect(w.page.getByTestId('filter-asat-words').textContent()).resolves.toBe('31 March 2026');
		await box.fill('2025-12-01');
		await box.press('Enter');
		await w.page.waitForURL(/asat=2025-12-01/);
		await ready();
		await expect(box.inputValue()).resolves.toBe('01/12/2025');
	});

	it('refuses a month-first date in plain words and keeps the date in force', async () => {
		const box = w.page.getByTestId('filter-asat');
		await box.fill('03/31/2026');
		await box.press('Enter');
		const error = w.page.getByTestId('filter-asat-error');
		await expect(error.textContent()).resolves.toMatch(/there is no month 31 \(day comes first, then month\).*Still using 1 December 2025/);
		expect(new URL(w.page.url()).searchParams.get('asat')).toBe('2025-12-01');
		await expect(box.getAttribute('aria-invalid')).resolves.toBe('true');
	});

	it('shows no date month first on the pages that show dates', async () => {
		for (const path of ['/actions', '/report', '/status', '/data']) {
			await w.page.goto(inject('baseUrl') + path);
			await ready();
			expect(await monthFirst(), path).toEqual([]);
			await expect(w.page.locator('input[type="date"]').count(), path).resolves.toBe(0);
		}
		w.assertClean();
	});
});
