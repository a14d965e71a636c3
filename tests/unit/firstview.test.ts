/**
 * The overview's first figures, computed at build time (static/data/demo/first-view.json), are what
 * the overview's queries give on the demo data now, and were computed from the files now there.
 * (The build recomputes the file when the data changes; this catches a stale committed copy.)
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeFirstView } from '../../scripts/first-view';
import { datasetHashes, firstViewIsCurrent } from '../../scripts/lib/first-view.js';
import type { FirstView } from '$lib/views/overview';

const DEMO = path.resolve('static/data/demo');
const saved: FirstView = JSON.parse(readFileSync(path.join(DEMO, 'first-view.json'), 'utf8'));

describe('first-view.json of the demo', () => {
	it('was computed from the files now in static/data/demo', () => {
		expect(saved.files).toEqual(datasetHashes(DEMO));
		expect(firstViewIsCurrent(DEMO)).toBe(true);
		expect(saved.meta).toEqual(JSON.parse(readFileSync(path.join(DEMO, 'meta.json'), 'utf8')));
	});

	it('holds exactly what the overview queries give on the demo now, at its as-at date', async () => {
		const now = await computeFirstView(DEMO);
		expect(saved.as_at).toBe(saved.meta.as_at);
		expect(saved.tiles).toEqual(now.tiles);
		expect(saved.themeYear).toEqual(now.themeYear);
		// Real figures, not an empty shell.
		expect(saved.tiles.actions).toBe(saved.meta.row_counts.actions);
		expect(saved.themeYear.cells.length).toBeGreaterThan(0);
	});
});
