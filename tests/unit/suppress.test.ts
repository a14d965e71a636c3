/** Small-number protection: primary and complementary suppression, on cases worked by hand. */
import { describe, expect, it } from 'vitest';
import { count, counts, HIDDEN, isHidden, matrix, partition, share } from '$lib/privacy/suppress';
import { countFormat, formatCount, formatPercent, hiddenLabel } from '$lib/format';

const R = { below: 5 };
const shown = (v: number) => !isHidden(v);

describe('count and share', () => {
	it('hides 1 to N-1, keeps 0, N and above, and null', () => {
		expect([0, 1, 4, 5, 12].map((v) => count(v, R))).toEqual([0, HIDDEN, HIDDEN, 5, 12]);
		expect(count(null, R)).toBeNull();
		expect(count(3, null)).toBe(3);
	});

	it('hides a percentage built on a hidden or small count', () => {
		expect(share(50, [2, 4], R)).toBeNaN();
		expect(share(40, [HIDDEN, 10], R)).toBeNaN();
		expect(share(40, [8, 20], R)).toBe(40);
		expect(share(0, [0, 20], R)).toBe(0);
		expect(share(null, [1], R)).toBeNull();
	});

	it('hides the count fields of a row and keeps the rest', () => {
		expect(counts({ agency: 'Police', recs: 3, actions: 9 }, ['recs', 'actions'], R)).toEqual({ agency: 'Police', recs: HIDDEN, actions: 9 });
	});

	it('writes a hidden count as "<N" and a hidden percentage as "hidden"', () => {
		const R5 = { below: 5 };
		expect(formatCount(HIDDEN, R5)).toBe('<5');
		expect(formatCount(3, R5)).toBe('<5');
		expect(formatCount(0, R5)).toBe('0');
		expect(formatCount(1234, R5)).toBe('1,234');
		expect(formatPercent(HIDDEN)).toBe('hidden');
		expect(formatCount(null, R5)).toBe('–');
		expect(formatCount(7, { below: 10 })).toBe('<10');
		expect(formatCount(3, null)).toBe('3');
	});

	it('formatCount(n, rule) takes the rule as an argument: no threshold is kept between calls', () => {
		// Under one rule, then with none: the first call leaves nothing behind for the second.
		expect(formatCount(3, { below: 5 })).toBe('<5');
		expect(formatCount(3)).toBe('3');
		expect(formatCount(3, null)).toBe('3');
		expect(formatCount(7, { below: 10 })).toBe('<10');
		expect(formatCount(7, { below: 5 })).toBe('7');
		// A hidden count (NaN) is "<N" under its rule; with none, "<5" (the default threshold).
		expect(formatCount(HIDDEN, { below: 10 })).toBe('<10');
		expect(formatCount(HIDDEN)).toBe('<5');
		expect(hiddenLabel({ below: 8 })).toBe('<8');
		expect(hiddenLabel(null)).toBe('<5');
		// The same rule bound once, for table columns and chart labels.
		expect([1, 4, 5, 1234].map((n) => countFormat({ below: 5 })(n))).toEqual(['<5', '<5', '5', '1,234']);
		expect([1, 4].map((n) => countFormat(null)(n))).toEqual(['1', '4']);
	});
});

describe('partition (cells adding up to a shown total)', () => {
	it('hides a second cell when one alone would be found by subtraction', () => {
		// 12 = 2 + 4 + 6: 2 and 4 are both small, nothing more is needed.
		expect(partition([2, 4, 6], 12, R).values.map(shown)).toEqual([false, false, true]);
		// 20 = 3 + 8 + 9: 3 alone would be 20 - 8 - 9, so the smallest other (8) is hidden too.
		const p = partition([3, 8, 9], 20, R);
		expect(p.values.map(shown)).toEqual([false, false, true]);
		expect(p.total).toBe(20);
	});

	it('needs no second cell when the total is not shown, or is hidden itself', () => {
		expect(partition([3, 8, 9], null, R).values.map(shown)).toEqual([false, true, true]);
		expect(partition([3, 0, 0], 3, R)).toEqual({ values: [HIDDEN, 0, 0], total: HIDDEN });
	});

	it('never picks a zero as the second cell', () => {
		expect(partition([3, 0, 7], 10, R).values.map(shown)).toEqual([false, true, false]);
	});

	it('changes nothing when protection is off', () => {
		expect(partition([3, 8, 9], 20, null)).toEqual({ values: [3, 8, 9], total: 20 });
	});
});

describe('matrix (rows and columns with shown totals)', () => {
	// A theme × year table: the row totals and column totals are shown on the page.
	const cells = [
		[3, 10, 12],
		[8, 9, 20],
		[15, 6, 7]
	];
	const out = matrix(cells, R);

	it('leaves no row or column with a shown total holding exactly one hidden cell', () => {
		const rows = out.map((r) => r.filter(isHidden).length);
		const cols = out[0].map((_, c) => out.filter((r) => isHidden(r[c])).length);
		for (const n of [...rows, ...cols]) expect(n).not.toBe(1);
		expect(isHidden(out[0][0])).toBe(true);
	});

	it('no hidden cell can be worked out from the totals and the shown cells', () => {
		// For each hidden cell, its row or column must hold another hidden cell; then subtraction
		// gives only a sum of two unknowns. Check by brute force: any other value of the hidden cells
		// (1..40) consistent with every shown total and shown cell must exist besides the real one.
		const hidden: [number, number][] = [];
		out.forEach((row, r) => row.forEach((v, c) => isHidden(v) && hidden.push([r, c])));
		const rowT = cells.map((r) => r.reduce((a, b) => a + b, 0));
		const colT = cells[0].map((_, c) => cells.reduce((a, r) => a + r[c], 0));
		for (const [r0, c0] of hidden) {
			const real = cells[r0][c0];
			const values = new Set<number>();
			// Try shifting the cell by ±d and compensating along a cycle of hidden cells (2×2 rectangles).
			for (const [r1, c1] of hidden)
				if (r1 !== r0 && c1 !== c0 && isHidden(out[r0][c1]) && isHidden(out[r1][c0]))
					for (const d of [-1, 1]) {
						const t = cells.map((row) => [...row]);
						t[r0][c0] += d; t[r1][c1] += d; t[r0][c1] -= d; t[r1][c0] -= d;
						const ok = t.every((row, r) => row.reduce((a, b) => a + b, 0) === rowT[r]) && t[0].every((_, c) => t.reduce((a, row) => a + row[c], 0) === colT[c]) && t.flat().every((v) => v >= 0);
						if (ok) values.add(t[r0][c0]);
					}
			values.delete(real);
			expect(values.size, `cell (${r0}, ${c0}) could be worked out`).toBeGreaterThan(0);
		}
	});

	it('with row totals only, complements within rows only', () => {
		const m = matrix([[3, 10, 12], [8, 9, 20]], R, { rows: true, cols: false });
		expect(m.map((r) => r.map(shown))).toEqual([[false, false, true], [true, true, true]]);
	});
});
