/** The demo's coded kinds of change: the generator's record of the asks it wrote (src/lib/demo/kinds.ts). */
import { describe, expect, it } from 'vitest';
import { askKinds, phrasebookAsks, recommendationKinds } from '$lib/demo/kinds';
import { generateDemo, UNCODED_PARTNERSHIP } from '$lib/demo/generate';
import { CATEGORY_IDS } from '$lib/model/categories';
import { toRows } from '$lib/db/rows';

describe('kinds of change of the phrasebook', () => {
	it('every ask of the phrasebook has at least one kind, each one of the eight, other never combined', () => {
		const asks = phrasebookAsks();
		expect(asks.length).toBeGreaterThan(100);
		for (const { ask } of asks) {
			const k = askKinds(ask);
			expect(k.length, ask).toBeGreaterThan(0);
			for (const c of k) expect(CATEGORY_IDS).toContain(c);
			if (k.includes('other')) expect(k, ask).toEqual(['other']);
		}
		// Each of the eight is asked for somewhere.
		expect(new Set(asks.flatMap((a) => askKinds(a.ask)))).toEqual(new Set(CATEGORY_IDS));
	});

	it.each([
		['train {staff} to recognise coercive control and to record the pattern of behaviour rather than single incidents', ['identification_of_risk', 'training', 'record_keeping']],
		['review its information sharing arrangements with partner agencies so that concerns about domestic abuse are passed on promptly', ['multi_agency_working']],
		['run a public awareness campaign on recognising domestic abuse, aimed at friends and family', ['awareness_raising']],
		['review its IT systems so that domestic abuse flags follow the person when they move between teams', ['technology_systems']],
		['monitor the action plan from this review and report progress to the partnership board each quarter', ['other']]
	])('"%s" asks for %j', (ask, kinds) => {
		expect(askKinds(ask)).toEqual(kinds);
	});

	it('a recommendation of two asks has both asks\' kinds; other goes when another is present', () => {
		expect(recommendationKinds(['monitor the action plan from this review', 'include domestic abuse in its mandatory training and monitor completion'])).toEqual(['training', 'policy']);
	});
});

describe('the demo dataset', () => {
	it('gives every recommendation a kind of change: coded from the generator, auto with a confidence for the uncoded partnership', () => {
		const { tables } = generateDemo({ reviews: 40 });
		const recs = toRows(tables.recommendations) as { recommendation_id: string; review_id: string }[];
		const reviews = new Map((toRows(tables.reviews) as { review_id: string; partnership: string }[]).map((r) => [r.review_id, r.partnership]));
		const cats = toRows(tables.recommendation_categories) as { recommendation_id: string; category: string; source: string; confidence: number | null }[];
		const themes = toRows(tables.recommendation_themes) as { recommendation_id: string; source: string; confidence: number | null }[];
		const uncoded = new Set(recs.filter((r) => reviews.get(r.review_id) === UNCODED_PARTNERSHIP).map((r) => r.recommendation_id));
		expect(uncoded.size).toBeGreaterThan(0);
		expect(new Set(cats.map((c) => c.recommendation_id))).toEqual(new Set(recs.map((r) => r.recommendation_id)));
		for (const c of cats) {
			expect(CATEGORY_IDS).toContain(c.category);
			if (uncoded.has(c.recommendation_id)) {
				expect(c.source).toBe('auto');
				expect(c.confidence).toBeGreaterThan(0);
			} else expect(c).toMatchObject({ source: 'coded', confidence: null });
		}
		for (const t of themes) expect(t.source).toBe(uncoded.has(t.recommendation_id) ? 'auto' : 'coded');
		// Several kinds per recommendation happen, as in real reviews.
		const per = new Map<string, number>();
		for (const c of cats) per.set(c.recommendation_id, (per.get(c.recommendation_id) ?? 0) + 1);
		expect([...per.values()].some((n) => n > 1)).toBe(true);
	});
});
