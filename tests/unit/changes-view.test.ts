/** The kinds-of-change view's captions, tables and small-number protection (pure). */
import { describe, expect, it } from 'vitest';
import type { CategoryTotals, CategoryYearMix } from '$lib/queries/categories';
import { reportSentences, sourceNote, totalsCaption, totalsTable, yearTable } from '$lib/views/changes';
import { protectCategoryTotals, protectCategoryYear } from '$lib/privacy/protect-categories';
import { isHidden } from '$lib/privacy/suppress';

const cat = (category: string, label: string, recommendations: number, auto = 0) => ({ category, label, recommendations, auto, share: (100 * recommendations) / 40 });
const TOTALS: CategoryTotals = {
	categories: [cat('technology_systems', 'Technology systems', 0), cat('training', 'Training', 12, 2), cat('policy', 'Policy', 20, 3), cat('other', 'Other', 3)],
	recommendations: 40,
	without: 0,
	all_auto: 5
};

describe('captions and sentences', () => {
	it('name the most asked-for kinds with their counts and shares', () => {
		expect(totalsCaption(TOTALS)).toBe('Kinds of change asked for by the 40 recommendations under the filters: policy most often, in 20 (50%), then training, in 12 (30%).');
		expect(reportSentences(TOTALS)).toEqual([
			'Of the 40 recommendations under the filters, the kinds of change asked for most were policy (20, 50%), training (12, 30%) and other (3, 8%); a recommendation may ask for several.',
			sourceNote(TOTALS)
		]);
		expect(sourceNote(TOTALS)).toMatch(/^5 of the 40 recommendations have kinds of change read from their text by the tagger/);
		expect(sourceNote({ ...TOTALS, all_auto: 0 })).toBe('Every kind of change here was coded by a person.');
		expect(totalsCaption({ ...TOTALS, recommendations: 0, categories: [] })).toMatch(/none recorded/);
	});
	it('the totals table has a row per kind and the total in the footer', () => {
		const t = totalsTable(TOTALS);
		expect(t.rows.map((r) => r.cells)).toEqual([
			['Technology systems', '0', '0.0%', '0'],
			['Training', '12', '30.0%', '2'],
			['Policy', '20', '50.0%', '3'],
			['Other', '3', '7.5%', '0']
		]);
		expect(t.foot).toEqual(['Recommendations with a kind of change', '40', '', '5']);
	});
});

describe('small-number protection', () => {
	it('hides small counts and the shares built on them; zero is shown', () => {
		const p = protectCategoryTotals(TOTALS, { below: 5 });
		const other = p.categories.find((c) => c.category === 'other')!;
		expect(isHidden(other.recommendations)).toBe(true);
		expect(isHidden(other.share)).toBe(true);
		expect(p.categories.find((c) => c.category === 'technology_systems')!.recommendations).toBe(0);
		expect(isHidden(p.categories.find((c) => c.category === 'training')!.auto)).toBe(true);
		expect(protectCategoryTotals(TOTALS, null)).toBe(TOTALS);
	});
	it('in the year mix, a kind with one hidden year has a second hidden (its total is shown), and the shares with them', () => {
		const m: CategoryYearMix = {
			categories: [{ id: 'training', label: 'Training', recommendations: 13 }],
			years: [
				{ year: 2020, recommendations: 10 },
				{ year: 2021, recommendations: 10 },
				{ year: 2022, recommendations: 10 }
			],
			cells: [
				{ category: 'training', year: 2020, recommendations: 2, in_year: 10, share: 20 },
				{ category: 'training', year: 2021, recommendations: 5, in_year: 10, share: 50 },
				{ category: 'training', year: 2022, recommendations: 6, in_year: 10, share: 60 }
			],
			recommendations: 30,
			without_year: 0
		};
		const p = protectCategoryYear(m, { below: 5 });
		expect(p.cells.map((c) => isHidden(c.recommendations))).toEqual([true, true, false]);
		expect(p.cells.map((c) => isHidden(c.share))).toEqual([true, true, false]);
		expect(yearTable(p).rows[0].cells).toEqual(['Training', 'hidden (<5)', 'hidden (<5)', '60.0% (6)', '13']);
	});
});
