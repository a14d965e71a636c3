/** The data dictionary in data/README.md documents every table and column of the model. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCHEMA } from '$lib/model/schema';
import { THEMES } from '$lib/model/themes';
import { THEME_CATEGORIES } from '$lib/model/vocab';

const readme = readFileSync('data/README.md', 'utf8');

describe('data/README.md', () => {
	for (const table of SCHEMA) {
		it(`documents the table ${table.name} and each of its columns`, () => {
			expect(readme).toContain(`### \`${table.name}\``);
			const section = readme.split(`### \`${table.name}\``)[1].split('\n### ')[0];
			for (const c of table.columns) expect(section, c.name).toContain(`| \`${c.name}\` |`);
		});
	}
});

describe('data/themes.json', () => {
	it('gives every theme a unique id, a label, a description, keywords and a Home Office category', () => {
		const categories = THEME_CATEGORIES.map((c) => c.code) as string[];
		expect(new Set(THEMES.map((t) => t.id)).size).toBe(THEMES.length);
		for (const t of THEMES) {
			expect(t.label && t.description, t.id).toBeTruthy();
			expect(t.keywords.length, t.id).toBeGreaterThan(0);
			expect(categories, t.id).toContain(t.category);
		}
	});
	it('covers every one of the eight categories', () => {
		expect(new Set(THEMES.map((t) => t.category)).size).toBe(8);
	});
});
