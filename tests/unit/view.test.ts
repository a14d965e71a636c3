import { describe, expect, it } from 'vitest';
import { defaultReason, defaultView, FEW_REVIEWS, outputFileName, pageView, ruleOf, viewMark, type DatasetShape } from '$lib/privacy/view';

const shape = (s: Partial<DatasetShape>): DatasetShape => ({ fictional: false, national: false, partnerships: 1, reviews: 30, ...s });

describe('defaultView: the view a dataset opens in', () => {
	it.each([
		['an imported tracker of one partnership', shape({ partnerships: 1, reviews: 40 }), 'internal'],
		['a tracker with no partnership named (none)', shape({ partnerships: 0, reviews: 3 }), 'internal'],
		['a joint tracker of two partnerships and a few reviews', shape({ partnerships: 2, reviews: FEW_REVIEWS - 1 }), 'internal'],
		['a county board tracker of 12 partnerships', shape({ partnerships: 12, reviews: 250 }), 'publication'],
		['two partnerships with enough reviews', shape({ partnerships: 2, reviews: FEW_REVIEWS }), 'publication'],
		['the national DHRD', shape({ national: true, partnerships: 300, reviews: 647 }), 'publication'],
		['the national DHRD, even narrowed to one partnership', shape({ national: true, partnerships: 1, reviews: 3 }), 'publication'],
		['the fictional demo (as before: nothing hidden)', shape({ fictional: true, partnerships: 12, reviews: 250 }), 'internal']
	] as const)('%s: %s', (_, d, view) => {
		expect(defaultView(d)).toBe(view);
		expect(defaultReason(d)).toMatch(/\w/);
	});

	it('says why in words', () => {
		expect(defaultReason(shape({ partnerships: 1 }))).toBe("One partnership's own action plan opens in the internal view.");
		expect(defaultReason(shape({ partnerships: 3, reviews: 4 }))).toBe('A tracker of 4 reviews opens in the internal view.');
		expect(defaultReason(shape({ partnerships: 12, reviews: 250 }))).toBe('Data of 12 partnerships opens in the publication view.');
	});
});

describe('the view in force', () => {
	it('the publication view protects at the threshold; the internal view hides nothing', () => {
		expect(ruleOf('publication', 5)).toEqual({ below: 5 });
		expect(ruleOf('publication', 10)).toEqual({ below: 10 });
		expect(ruleOf('internal', 5)).toBeNull();
	});
	it('the board report shows the output view, the working pages the working view', () => {
		expect(pageView('/report', 'internal', 'publication')).toBe('publication');
		expect(pageView('/report', 'publication', 'internal')).toBe('internal');
		expect(pageView('/actions', 'internal', 'publication')).toBe('internal');
		expect(pageView(null, 'publication', 'internal')).toBe('publication');
	});
	it('marks the internal view as not for publication, on screen and in file names', () => {
		expect(viewMark('internal', 5, false)).toBe('Internal view — not for publication.');
		expect(viewMark('publication', 5, false)).toBe('Publication view: counts below 5 hidden.');
		expect(outputFileName('dhr-open-actions-2026-09-30.csv', 'internal')).toBe('dhr-open-actions-2026-09-30-internal-not-for-publication.csv');
		expect(outputFileName('chart.png', 'publication')).toBe('chart.png');
	});
});
