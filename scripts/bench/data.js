// The benchmark's datasets: the built demo, and two generated sizes kept in bench/.data/ (reused when
// generated with the same parameters). Each gets its first-view.json, as a build of it would.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { root } from '../lib/build.js';
import { firstViewIsCurrent } from '../lib/first-view.js';

export const SIZES = {
	demo: { label: 'demo', reviews: null },
	'100k': { label: '~100,000 actions', reviews: 4000 },
	'1m': { label: '~1,000,000 actions', reviews: 41000 }
};
const SEED = 20260930;
const tsx = (args, opts = {}) =>
	execFileSync(process.execPath, ['--max-old-space-size=4096', path.join(root, 'node_modules/tsx/dist/cli.mjs'), ...args], { cwd: root, stdio: 'inherit', ...opts });

/** The folder served at /data/demo for `size` (undefined: the built demo), generated if needed. */
export function ensureDataset(size) {
	const spec = SIZES[size];
	if (!spec) throw new Error(`Unknown size "${size}": use ${Object.keys(SIZES).join(', ')}.`);
	if (spec.reviews == null) return { dir: undefined, meta: JSON.parse(readFileSync(path.join(root, 'static/data/demo/meta.json'), 'utf8')) };
	const dir = path.join(root, 'bench/.data', size);
	const metaFile = path.join(dir, 'meta.json');
	const same = () => {
		if (!existsSync(metaFile)) return false;
		const g = JSON.parse(readFileSync(metaFile, 'utf8')).generator ?? {};
		return g.reviews === spec.reviews && g.seed === SEED;
	};
	if (!same()) {
		console.log(`Generating ${spec.label} (${spec.reviews} reviews) into ${path.relative(root, dir)}…`);
		tsx(['scripts/generate-demo.ts', '--reviews', String(spec.reviews), '--seed', String(SEED), '--out', dir]);
	}
	if (!firstViewIsCurrent(dir)) tsx(['scripts/first-view.ts', '--data', dir]);
	return { dir, meta: JSON.parse(readFileSync(metaFile, 'utf8')) };
}
