/**
 * The views take small-number protection as an argument (the rule, null in the internal view): the
 * same figures give the whole text with no rule and "<N" under one, call after call, with nothing
 * kept in between. Fixed figures, written here; no engine.
 */
import { describe, expect, it } from 'vitest';
import type { AgencyRow } from '$lib/queries/agencies';
import type { OverviewTiles } from '$lib/queries/overview';
import type { StatusYearRow } from '$lib/queries/status';
import { agenciesShown, overdueBars, overdueCaption } from '$lib/views/agencies';
import { themeYearNote, tileList } from '$lib/views/overview';
import { statusYearView } from '$lib/views/status';
import { themeTrends, trendsShown } from '$lib/views/themes';
import type { ThemeYearShares } from '$lib/queries/themes';
import { isHidden } from '$lib/privacy/suppress';

const R5 = { below: 5 };
const AS_AT = '2026-09-30';

const agency = (name: string, overdue: number, actions = 20): AgencyRow => ({
	agency: name,
	recommendations: 12,
	actions,
	completed: actions - overdue - 2,
	pct_completed: (100 * (actions - overdue - 2)) / actions,
	completed_dated: actions - overdue - 2,
	on_time: actions - overdue - 4,
	pct_on_time: 80,
	median_days: 200,
	open: overdue + 2,
	overdue
});

describe('views under a rule passed in', () => {
	it('tileList(t, asAt, rule) writes the tiles whole with no rule and "<5" under one, either order', () => {
		const t: OverviewTiles = { reviews: 2, recommendations: 9, actions: 30, actions_completed: 27, pct_completed: 90, actions_overdue: 3 };
		const value = (tiles: ReturnType<typeof tileList>, id: string) => tiles.find((x) => x.id === id)?.value;
		expect(value(tileList(t, AS_AT, R5), 'reviews')).toBe('<5');
		expect(value(tileList(t, AS_AT), 'reviews')).toBe('2');
		expect(value(tileList(t, AS_AT, R5), 'overdue')).toBe('<5');
		expect(value(tileList(t, AS_AT, null), 'overdue')).toBe('3');
		expect(value(tileList(t, AS_AT, { below: 10 }), 'recommendations')).toBe('<10');
	});

	it('themeYearNote says how many recommendations have no date, under the rule', () => {
		expect(themeYearNote(3, R5)).toContain('<5 recommendations from reviews with no date');
		expect(themeYearNote(3, null)).toContain(' 3 recommendations from reviews with no date');
		expect(themeYearNote(0, R5)).not.toContain('no date are not shown');
	});

	it('agenciesShown orders the bars by the whole figures and shows the protected values', () => {
		const rows = [agency('Police', 12), agency('Housing', 3), agency('Probation', 1)];
		const whole = agenciesShown(rows, null);
		expect(whole.rows).toEqual(rows);
		expect(whole.bars).toEqual(overdueBars(rows).bars);
		const shown = agenciesShown(rows, R5);
		expect(shown.bars.map((b) => b.key)).toEqual(['Police', 'Housing', 'Probation']);
		expect(shown.bars[0].value).toBe(12);
		expect(shown.bars.slice(1).every((b) => isHidden(b.value))).toBe(true);
		expect(shown.rows.find((r) => r.agency === 'Housing')!.overdue).toBeNaN();
		// The caption is worked out on the whole figures and written under the rule.
		expect(overdueCaption(rows, AS_AT, R5)).toBe('16 actions were overdue at 30 September 2026, shown for 3 agencies; Police led the most, 12');
		expect(overdueCaption([agency('Police', 3)], AS_AT, R5)).toBe('Police had <5 overdue actions at 30 September 2026');
		expect(overdueCaption([agency('Police', 3)], AS_AT, null)).toBe('Police had 3 overdue actions at 30 September 2026');
	});

	it('statusYearView: caption and note from the whole figures under the rule, the table protected', () => {
		const rows: StatusYearRow[] = [
			{ year: 2020, status: 'completed', actions: 40 },
			{ year: 2020, status: 'in progress', actions: 2 },
			{ year: 2021, status: 'completed', actions: 30 },
			{ year: null, status: 'completed', actions: 3 }
		];
		const v = statusYearView(rows, AS_AT, R5);
		expect(v.caption).toBe('Of the 72 actions of reviews from 2020–2021, 70 (97.2%) were completed at 30 September 2026');
		expect(v.note).toContain(' <5 actions of reviews with no date are not shown.');
		expect(v.years[0].counts['in progress']).toBeNaN();
		expect(statusYearView(rows, AS_AT, null).note).toContain(' 3 actions of reviews with no date are not shown.');
		expect(statusYearView(rows, AS_AT, null).years[0].counts['in progress']).toBe(2);
	});

	it('trendsShown is null before the data; it judges the flags on whole figures and protects the counts shown', () => {
		expect(trendsShown(null, AS_AT, R5)).toBeNull();
		// One theme, 2016–2025: in 2 of 10 reviews a year up to 2022, then in 8 of 10.
		const years = Array.from({ length: 10 }, (_, i) => 2016 + i);
		const shares: ThemeYearShares = {
			themes: [{ id: 'housing', label: 'Housing', reviews: 38 }],
			years: years.map((year) => ({ year, reviews: 10 })),
			rows: years.map((year) => {
				const w = year >= 2023 ? 8 : 2;
				return { theme: 'housing', year, reviews_with_theme: w, reviews_in_year: 10, share: 10 * w };
			}),
			reviews: 100,
			without_year: 0
		};
		const whole = trendsShown(shares, AS_AT, null)!;
		const shown = trendsShown(shares, AS_AT, { below: 30 })!;
		expect(whole.trends).toEqual(themeTrends(shares, AS_AT).trends);
		expect(shown.trends[0].direction).toBe(whole.trends[0].direction);
		expect(whole.trends[0].recent.with).toBe(24);
		expect(shown.trends[0].recent.with).toBeNaN();
		expect(shown.trends[0].recent.reviews).toBe(30);
	});
});
