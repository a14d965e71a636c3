/**
 * The README's layout map names every folder of src/lib, each once, on a line of its own, so a new
 * folder cannot be added without saying what it holds.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const readme = readFileSync('README.md', 'utf8');
const map = readme.slice(readme.indexOf('### Layout map'));
const block = map.slice(map.indexOf('```'), map.indexOf('```', map.indexOf('```') + 3));
const folders = readdirSync('src/lib', { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);

describe('the README layout map', () => {
	it('is there', () => expect(block.length).toBeGreaterThan(0));
	it.each(folders)('names src/lib/%s/ once, with a description', (name) => {
		const lines = block.split('\n').filter((l) => l.startsWith(`src/lib/${name}/ `));
		expect(lines).toHaveLength(1);
		expect(lines[0].slice(`src/lib/${name}/`.length).trim().length).toBeGreaterThan(10);
	});
});
