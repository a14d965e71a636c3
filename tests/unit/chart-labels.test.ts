import { describe, expect, it } from 'vitest';
import { labelLines } from '../../src/lib/charts/labels';

describe('labelLines', () => {
	it('keeps a label that fits on one line', () => {
		expect(labelLines('Marlshire Police', 26)).toEqual(['Marlshire Police']);
	});
	it('wraps a long agency name onto two lines rather than cutting it', () => {
		const name = 'Marlshire and Wendover NHS Foundation Trust';
		const lines = labelLines(name, 26);
		expect(lines).toEqual(['Marlshire and Wendover NHS', 'Foundation Trust']);
		expect(lines.join(' ')).toBe(name);
	});
	it('shortens with an ellipsis only past the last line', () => {
		const lines = labelLines('Adult Social Care Safeguarding Adults Board of the County of Marlshire', 20);
		expect(lines).toHaveLength(2);
		expect(lines[1].endsWith('…')).toBe(true);
		expect(lines.every((l) => l.length <= 20)).toBe(true);
	});
});
