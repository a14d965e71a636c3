import { describe, expect, it } from 'vitest';
import { allWhole, axisTicks } from '../../src/lib/charts/ticks';

const whole = (v: number) => Math.round(v).toLocaleString('en-GB');

describe('axisTicks', () => {
	it('gives whole numbers only on a count axis over a small domain (was "0 0 0 1 1 1")', () => {
		expect(axisTicks(0, 1, 5, true, whole)).toEqual([0, 1]);
		expect(axisTicks(0, 2, 5, true, whole)).toEqual([0, 1, 2]);
		expect(axisTicks(0, 3, 5, true, whole)).toEqual([0, 1, 2, 3]);
	});

	it('keeps d3 steps on a larger count axis', () => {
		expect(axisTicks(0, 40, 5, true, whole)).toEqual([0, 10, 20, 30, 40]);
		expect(axisTicks(0, 1200, 5, true, whole)).toEqual([0, 200, 400, 600, 800, 1000, 1200]);
	});

	it('never writes one label twice in a row', () => {
		for (let hi = 1; hi <= 60; hi++) {
			for (const n of [3, 5, 8]) {
				const labels = axisTicks(0, hi, n, true, whole).map(whole);
				expect(new Set(labels).size, `0–${hi}, ${n} ticks`).toBe(labels.length);
				expect(axisTicks(0, hi, n, true).every(Number.isInteger)).toBe(true);
			}
		}
		// A coarse format on a fractional axis: repeats dropped too.
		expect(axisTicks(0, 1, 5, false, whole).map(whole)).toEqual(['0', '1']);
	});

	it('leaves fractional ticks when the axis is not a count', () => {
		expect(axisTicks(0, 1, 5, false)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
	});

	it('shows where a domain narrower than one step starts', () => {
		expect(axisTicks(0, 0.5, 5, true)).toEqual([0]);
		expect(axisTicks(Number.NaN, 1, 5, true)).toEqual([]);
	});
});

describe('allWhole', () => {
	it('is true for counts, ignoring hidden values, false for shares', () => {
		expect(allWhole([0, 3, 12, Number.NaN])).toBe(true);
		expect(allWhole([33.3, 50])).toBe(false);
		expect(allWhole([])).toBe(true);
	});
});
