/**
 * "Exit this page" in real Chromium: the button and Shift pressed three times both land on the
 * neutral page (no app chrome, nothing of the app in its text), Back does not return to the app page,
 * another key in between does not exit, and the help page is linked from the control.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, openPage, type Session } from './browser';

let session: Session;
beforeAll(async () => {
	session = await launch();
});
afterAll(() => session?.close());

const base = () => inject('baseUrl');

/** A page whose history holds a blank page before the app page. */
async function appPage(route: string) {
	const w = await openPage(session, base());
	await w.page.goto('about:blank');
	await w.page.goto(base() + route);
	await w.page.getByTestId('exit-this-page').waitFor({ timeout: 60_000 });
	return w;
}

async function onNeutralPage(page: Page) {
	await page.waitForURL(/\/recipes$/, { timeout: 30_000 });
	await page.getByTestId('neutral-page').waitFor({ timeout: 30_000 });
	const text = (await page.locator('body').innerText()).toLowerCase();
	for (const word of ['dhr', 'homicide', 'review', 'abuse', 'exit this page']) expect(text).not.toContain(word);
	await expect(page.locator('header, nav, footer').count()).resolves.toBe(0);
	await expect(page.title()).resolves.not.toMatch(/DHR/);
}

describe('exit this page', () => {
	it('the button lands on the neutral page, and Back does not return to the app page', async () => {
		const w = await appPage('/themes');
		await w.page.getByRole('link', { name: 'Exit this page' }).click();
		await onNeutralPage(w.page);
		await w.page.goBack();
		expect(w.page.url()).toBe('about:blank');
		w.assertClean();
		await w.page.close();
	});

	it('works from the keyboard: Tab to the button, Enter', async () => {
		const w = await appPage('/');
		await w.page.keyboard.press('Tab'); // the skip link
		await w.page.keyboard.press('Tab');
		await expect(w.page.evaluate(() => document.activeElement?.textContent?.trim())).resolves.toBe('Exit this page');
		await w.page.keyboard.press('Enter');
		await onNeutralPage(w.page);
		w.assertClean();
		await w.page.close();
	});

	it('Shift pressed three times exits, counting aloud; another key in between does not', async () => {
		const w = await appPage('/reviews');
		await w.page.locator('main[data-busy="false"]').waitFor({ timeout: 60_000 });
		await w.page.keyboard.press('Shift');
		await expect(w.page.getByTestId('exit-live').textContent()).resolves.toBe('Shift, press 2 more times to exit.');
		await expect(w.page.getByTestId('exit-count').getAttribute('data-count')).resolves.toBe('1');
		await w.page.keyboard.press('Shift');
		await w.page.keyboard.press('a');
		await w.page.keyboard.press('Shift');
		expect(w.page.url()).toBe(base() + '/reviews');
		await expect(w.page.getByTestId('exit-live').textContent()).resolves.toBe('Shift, press 2 more times to exit.');

		await w.page.keyboard.press('Shift');
		await w.page.keyboard.press('Shift');
		await onNeutralPage(w.page);
		await w.page.goBack();
		expect(w.page.url()).toBe('about:blank');
		w.assertClean();
		await w.page.close();
	});

	it('at 390 px the control is on screen at the top, and links to the help page', async () => {
		const w = await appPage('/agencies');
		await w.page.setViewportSize({ width: 390, height: 800 });
		const box = await w.page.getByTestId('exit-this-page').boundingBox();
		expect(box).not.toBeNull();
		expect(box!.y).toBeLessThan(120);
		expect(box!.x + box!.width).toBeLessThanOrEqual(390);
		await expect(w.page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(390);
		await w.page.getByRole('link', { name: 'What this button does' }).click();
		await w.page.waitForURL(/\/exit-help$/);
		await expect(w.page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Exit this page');
		await expect(w.page.locator('main').innerText()).resolves.toContain('does not clear your browser history');
		w.assertClean();
		await w.page.close();
	});
});
