/**
 * The Wilson score interval, checked against values worked out from the formula by hand
 * (z = 1.959964, the 0.975 normal quantile):
 *
 *   centre = (p + z²/2n) / (1 + z²/n),  half = z / (1 + z²/n) · √(p(1−p)/n + z²/4n²)
 *
 *   0/10:   p = 0,   z²/n = 0.384146, d = 1.384146; centre = 0.192073/1.384146 = 0.138766,
 *           half = 1.959964/1.384146 · √(0 + 3.841459/400) = 1.416010 · 0.097998 = 0.138766
 *           -> [0, 0.277533]
 *   5/10:   p = 0.5, centre = (0.5 + 0.192073)/1.384146 = 0.5,
 *           half = 1.416010 · √(0.025 + 0.009604) = 1.416010 · 0.186022 = 0.263407 -> [0.236593, 0.763407]
 *   10/10:  the mirror of 0/10 -> [0.722467, 1]
 *   81/263: p = 0.307985, z²/n = 0.014606, d = 1.014606; centre = (0.307985 + 0.007303)/1.014606 = 0.310751,
 *           half = 1.931745 · √(0.000810 + 0.0000139) = 1.931745 · 0.028704 = 0.055448 -> [0.255289, 0.366210]
 */
import { describe, expect, it } from 'vitest';
import { fewReviews, wilson, Z95 } from '$lib/lessons/stats';

describe('wilson(k, n): the Wilson score 95% interval of k/n', () => {
	it.each([
		[0, 10, 0, 0.277533],
		[5, 10, 0.236593, 0.763407],
		[10, 10, 0.722467, 1],
		[81, 263, 0.255289, 0.36621],
		[1, 1, 0.206549, 1]
	])('%i/%i -> [%f, %f]', (k, n, low, high) => {
		const ci = wilson(k, n)!;
		expect(ci.low).toBeCloseTo(low, 5);
		expect(ci.high).toBeCloseTo(high, 5);
	});

	it('is exact at the ends: 0/n starts at 0, n/n ends at 1 (not 0.9999999999999999)', () => {
		expect(wilson(0, 7)!.low).toBe(0);
		expect(wilson(7, 7)!.high).toBe(1);
	});

	it('stays inside [0, 1] and contains k/n', () => {
		for (const n of [1, 2, 3, 10, 29, 30, 647])
			for (let k = 0; k <= n; k += Math.max(1, Math.floor(n / 7))) {
				const { low, high } = wilson(k, n)!;
				expect(low).toBeGreaterThanOrEqual(0);
				expect(high).toBeLessThanOrEqual(1);
				expect(low).toBeLessThanOrEqual(k / n + 1e-12);
				expect(high).toBeGreaterThanOrEqual(k / n - 1e-12);
			}
	});

	it('is null with no base or impossible counts', () => {
		expect(wilson(0, 0)).toBeNull();
		expect(wilson(3, 2)).toBeNull();
		expect(wilson(-1, 2)).toBeNull();
		expect(wilson(Number.NaN, 2)).toBeNull();
	});

	it('uses z = 1.959964 (the 0.975 normal quantile) and takes another z', () => {
		expect(Z95).toBeCloseTo(1.959964, 6);
		// With z = 1 (about a 68% interval), 5/10 gives 0.5 ± (1/1.1)·√(0.025 + 0.0025) = 0.5 ± 0.150756.
		const ci = wilson(5, 10, 1)!;
		expect(ci.low).toBeCloseTo(0.349244, 5);
		expect(ci.high).toBeCloseTo(0.650756, 5);
	});
});

describe('fewReviews: when a local share is read with care', () => {
	it.each([
		[29, 0.5, true, 'a base under 30'],
		[30, 0.5, false, '30 reviews, expected 15 each way'],
		[100, 0.04, true, 'expected 100 × 0.04 = 4 under 5'],
		[100, 0.96, true, 'expected 100 × 0.04 = 4 the other way'],
		[100, 0.05, false, 'expected exactly 5'],
		[40, null, false, 'no national share: the base alone']
	] as [number, number | null, boolean, string][])('base %i, national share %s -> %s (%s)', (base, share, few) => {
		expect(fewReviews(base, share)).toBe(few);
	});
});
