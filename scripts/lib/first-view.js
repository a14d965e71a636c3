// Which dataset a first-view.json was computed from: SHA-256 of meta.json and of every data file it
// names. Plain JavaScript so that vite.config.ts, the scripts and the tests can all use it.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const FIRST_VIEW_FILE = 'first-view.json';

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

/** { 'meta.json': hash, 'reviews.arrows': hash, … } for the dataset folder `dir`. */
export function datasetHashes(dir) {
	const metaBytes = readFileSync(path.join(dir, 'meta.json'));
	const meta = JSON.parse(metaBytes.toString('utf8'));
	const out = { 'meta.json': sha256(metaBytes) };
	for (const file of Object.values(meta.files).sort()) out[file] = sha256(readFileSync(path.join(dir, file)));
	return out;
}

/** True when `dir/first-view.json` exists and was computed from the files now in `dir`. */
export function firstViewIsCurrent(dir) {
	const file = path.join(dir, FIRST_VIEW_FILE);
	if (!existsSync(file)) return false;
	try {
		const saved = JSON.parse(readFileSync(file, 'utf8')).files ?? {};
		const now = datasetHashes(dir);
		return Object.keys(now).length === Object.keys(saved).length && Object.entries(now).every(([f, h]) => saved[f] === h);
	} catch {
		return false;
	}
}
