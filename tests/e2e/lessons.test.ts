/**
 * Repeated lessons in real Chromium on the demo data: the lessons listed (their N and years) are
 * those the same query and the same finder give under Node, with a filter and for both ways of
 * finding repeats; a lesson's recommendations open from its disclosure; small-number protection
 * withholds lessons made in fewer than N reviews and says how many; confirm and dismiss survive a
 * reload; no console error, no foreign request, no axe violation.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Engine } from '$lib/db/engine';
import { emptyFilters, type Filters } from '$lib/filters/filters';
import { lessonRecommendations } from '$lib/queries/lessons';
import { findLessons, type LessonKind } from '$lib/lessons/repeats';
import { lessonHeadline, summaryText, withheldText } from '$lib/views/lessons';
import { axeMain, openPage, type Session } from './browser';
import { startDemo, stopDemo } from './demo';

let session: Session;
let engine: Engine;
let asAt: string;

beforeAll(async () => ({ engine, asAt, session } = await startDemo()));
afterAll(() => stopDemo(session, engine));

async function open(route: string) {
	const w = await openPage(session, inject('baseUrl'));
	await w.page.goto(inject('baseUrl') + route);
	await w.page.getByTestId('lessons-summary').waitFor({ timeout: 60_000 });
	await w.page.locator('main[data-busy="false"]').waitFor({ timeout: 60_000 });
	return w;
}

async function expected(f: Filters, kind: LessonKind) {
	const rows = await lessonRecommendations(engine, f, asAt);
	return { rows, lessons: findLessons(rows, kind).lessons };
}

const headlines = (w: Awaited<ReturnType<typeof open>>) => w.page.getByTestId('lesson-headline').allTextContents();

describe('the repeated lessons page', () => {
	it('lists, under a filter, the lessons the same query and finder give under Node, most repeated first', async () => {
		const f: Filters = { ...emptyFilters(), from: 2018 };
		const { rows, lessons } = await expected(f, 'wording');
		expect(lessons.length).toBeGreaterThan(20); // the demo has real repeats
		expect(lessons[0].reviews).toBeGreaterThan(10);
		const w = await open('/lessons?from=2018');
		await expect(w.page.getByTestId('lessons-summary').textContent()).resolves.toBe(summaryText(lessons.length, rows.length));
		expect(await headlines(w)).toEqual(lessons.slice(0, 20).map(lessonHeadline));
		await expect(w.page.getByTestId('lesson').first().getAttribute('data-key')).resolves.toBe(lessons[0].key);
		// More on request.
		await w.page.getByTestId('lessons-more').click();
		await expect.poll(() => w.page.getByTestId('lesson').count()).toBe(Math.min(40, lessons.length));
		w.assertClean();
		await w.page.close();
	});

	it('by the same theme and agency within 3 years: the same lessons as under Node', async () => {
		const { lessons } = await expected(emptyFilters(), 'theme-agency');
		const w = await open('/lessons');
		await w.page.getByTestId('kind-theme-agency').check();
		await expect.poll(() => w.page.getByTestId('lesson').first().getAttribute('data-key')).toBe(lessons[0].key);
		expect(await headlines(w)).toEqual(lessons.slice(0, 20).map(lessonHeadline));
		w.assertClean();
		await w.page.close();
	});

	it("opens a lesson's recommendations, each with its review", async () => {
		const { lessons } = await expected(emptyFilters(), 'wording');
		const i = lessons.findIndex((l) => l.recommendations.length <= 50);
		const l = lessons[i];
		const w = await open('/lessons');
		const item = w.page.getByTestId('lesson').nth(i);
		await item.locator('summary').click();
		const table = item.getByTestId('lesson-recommendations');
		await table.waitFor();
		await expect(table.locator('tbody tr').count()).resolves.toBe(l.recommendations.length);
		const first = (await table.locator('tbody tr').first().locator('th, td').allTextContents()).map((t) => t.trim());
		expect(first.slice(0, 4)).toEqual([String(l.recommendations[0].year), l.recommendations[0].review_id, l.recommendations[0].agency, l.recommendations[0].text]);
		w.assertClean();
		await w.page.close();
	});

	it('under small-number protection, lists no lesson made in fewer than N reviews and says how many', async () => {
		const { lessons } = await expected(emptyFilters(), 'wording');
		const below = 10;
		const kept = lessons.filter((l) => l.reviews >= below);
		const w = await openPage(session, inject('baseUrl'));
		await w.page.goto(inject('baseUrl') + '/');
		await w.page.evaluate((n) => localStorage.setItem('dhr-protection', JSON.stringify({ demo: { on: true, below: n } })), below);
		await w.page.goto(inject('baseUrl') + '/lessons');
		await w.page.getByTestId('lessons-withheld').waitFor({ timeout: 60_000 });
		// The page counts under protection, so a count below N is shown as "<N": say it the same way here.
		const said = withheldText(lessons.length - kept.length, { below });
		await expect(w.page.getByTestId('lessons-withheld').textContent()).resolves.toBe(said);
		expect(await headlines(w)).toEqual(kept.slice(0, 20).map(lessonHeadline));
		await w.page.evaluate(() => localStorage.removeItem('dhr-protection'));
		w.assertClean();
		await w.page.close();
	});

	it('keeps confirm and dismiss across a reload; dismissed lessons hide behind "show dismissed"', async () => {
		const { lessons } = await expected(emptyFilters(), 'wording');
		const [a, b, c] = lessons;
		const w = await open('/lessons');
		await w.page.evaluate(() => localStorage.removeItem('dhr-lesson-choices'));
		const lesson = (key: string) => w.page.locator(`[data-testid="lesson"][data-key="${key}"]`);
		await lesson(a.key).getByTestId('lesson-confirm').click();
		await lesson(b.key).getByTestId('lesson-dismiss').click();
		await expect(lesson(b.key).count()).resolves.toBe(0);
		await w.page.reload();
		await w.page.getByTestId('lessons-summary').waitFor({ timeout: 60_000 });
		await expect(lesson(a.key).getByTestId('lesson-mark').textContent()).resolves.toContain('Confirmed');
		await expect(lesson(a.key).getByTestId('lesson-confirm').getAttribute('aria-pressed')).resolves.toBe('true');
		await expect(lesson(b.key).count()).resolves.toBe(0);
		await expect(w.page.getByTestId('lesson').nth(1).getAttribute('data-key')).resolves.toBe(c.key);
		await expect(w.page.getByText('Show dismissed lessons (1)').count()).resolves.toBe(1);
		await w.page.getByTestId('show-dismissed').check();
		await expect(lesson(b.key).getByTestId('lesson-mark').textContent()).resolves.toContain('Dismissed');
		// Undo from the keyboard: focus the pressed button and press Enter.
		await lesson(b.key).getByTestId('lesson-dismiss').focus();
		await w.page.keyboard.press('Enter');
		await expect(lesson(b.key).getByTestId('lesson-mark').count()).resolves.toBe(0);
		await w.page.evaluate(() => localStorage.removeItem('dhr-lesson-choices'));
		w.assertClean();
		await w.page.close();
	});

	it('has no WCAG 2.2 AA violation that axe can find, with a lesson open and one confirmed', async () => {
		const w = await open('/lessons');
		await w.page.getByTestId('lesson').first().locator('summary').click();
		await w.page.getByTestId('lesson').nth(1).getByTestId('lesson-confirm').click();
		// Each suggested repeat says why: the ideas its recommendations share, and the similarity.
		await expect(w.page.getByTestId('lesson-why').first().textContent()).resolves.toMatch(/^Why: .*similarity \d+%/);
		const { violations, passes } = await axeMain(w.page);
		expect(violations).toEqual([]);
		expect(passes).toBeGreaterThan(10);
		await w.page.evaluate(() => localStorage.removeItem('dhr-lesson-choices'));
		w.assertClean();
		await w.page.close();
	});
});
