/** The benchmark's statistics: nearest-rank percentiles, summaries that skip missing runs, ratios. */
import { describe, expect, it } from 'vitest';
import { median, percentile, ratio, summary } from '../../scripts/bench/stats.js';

describe('bench statistics', () => {
	it('takes percentiles by nearest rank, ignoring missing values', () => {
		const xs = [50, 10, 40, null, 20, 30];
		expect(median(xs)).toBe(30);
		expect(percentile(xs, 95)).toBe(50);
		expect(percentile(xs, 0)).toBe(10);
		expect(percentile([], 50)).toBeNull();
		expect(percentile(Array.from({ length: 20 }, (_, i) => i + 1), 95)).toBe(19);
	});

	it('summarises runs and divides safely', () => {
		expect(summary([1234.4, 1000.2, null])).toEqual({ median: 1000, p95: 1234, n: 2 });
		expect(summary([2.345])).toEqual({ median: 2.3, p95: 2.3, n: 1 });
		expect(ratio(115, 100)).toBe(1.15);
		expect(ratio(1, 0)).toBeNull();
		expect(ratio(null, 3)).toBeNull();
	});
});
