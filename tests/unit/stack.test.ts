import { describe, expect, it } from 'vitest';
import { stackSegments, totals } from '$lib/charts/stack';

describe('stackSegments', () => {
	it('stacks each category in series order, unknown series last, zeros kept without room', () => {
		const s = stackSegments(
			[
				{ key: '2020', label: '2020', series: 'open', value: 3 },
				{ key: '2020', label: '2020', series: 'done', value: 5 },
				{ key: '2021', label: '2021', series: 'other', value: 1 },
				{ key: '2021', label: '2021', series: 'done', value: 0 },
				{ key: '2021', label: '2021', series: 'open', value: 2 }
			],
			['done', 'open']
		);
		expect(s.map((x) => [x.key, x.series, x.v0, x.v1, x.i])).toEqual([
			['2020', 'done', 0, 5, 0],
			['2020', 'open', 5, 8, 1],
			['2021', 'done', 0, 0, 2],
			['2021', 'open', 0, 2, 3],
			['2021', 'other', 2, 3, 4]
		]);
		expect(totals(s)).toEqual(new Map([['2020', 8], ['2021', 3]]));
	});
	it('plain bars start at zero in the order given', () => {
		const s = stackSegments([
			{ key: 'b', label: 'B', value: 2 },
			{ key: 'a', label: 'A', value: 7 }
		]);
		expect(s.map((x) => [x.key, x.v0, x.v1])).toEqual([['b', 0, 2], ['a', 0, 7]]);
	});
});
