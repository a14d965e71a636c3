/**
 * tsx scripts/first-view.ts [--data DIR] [--force]
 *
 * Computes the overview's figures for the default state (no filter, the dataset's as-at date) with
 * the same query functions the page runs, on the same engine (DuckDB-WASM's Node bundle), and writes
 * them to DIR/first-view.json (default: the demo, static/data/demo) with the hashes of the files
 * they came from. The build runs it when the file is missing or stale (vite.config.ts); the page
 * shows these figures at once, before DuckDB has started in the browser.
 */
import { renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openNodeEngine } from '../src/lib/db/node';
import { loadDataset } from '../src/lib/db/dataset';
import { readDatasetDir } from '../src/lib/db/files';
import { firstViewResults, type FirstView } from '../src/lib/views/overview';
import { datasetHashes, firstViewIsCurrent, FIRST_VIEW_FILE } from './lib/first-view.js';

export async function computeFirstView(dir: string): Promise<FirstView> {
	const files = datasetHashes(dir);
	const ds = await readDatasetDir(dir);
	if (!ds.meta.as_at) throw new Error(`${dir}/meta.json has no as_at date: the default state depends on today, so nothing is precomputed.`);
	const engine = await openNodeEngine();
	try {
		await loadDataset(engine, ds.buffers, ds.meta.files);
		const results = await firstViewResults(engine, ds.meta.as_at);
		return { version: 1, meta: ds.meta, files, as_at: ds.meta.as_at, ...results };
	} finally {
		await engine.close();
	}
}

export async function writeFirstView(dir: string): Promise<string> {
	const out = path.join(dir, FIRST_VIEW_FILE);
	const json = JSON.stringify(await computeFirstView(dir));
	// Written aside then renamed: two builds at once never leave a half-written file.
	const tmp = `${out}.${process.pid}.tmp`;
	writeFileSync(tmp, json + '\n');
	renameSync(tmp, out);
	return out;
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename ?? '');
if (isMain) {
	const argv = process.argv.slice(2);
	const i = argv.indexOf('--data');
	const dir = path.resolve(i >= 0 ? argv[i + 1] : 'static/data/demo');
	try {
		if (!argv.includes('--force') && firstViewIsCurrent(dir)) {
			console.log(`${path.relative(process.cwd(), path.join(dir, FIRST_VIEW_FILE))} is up to date.`);
		} else {
			const t0 = performance.now();
			const out = await writeFirstView(dir);
			console.log(`Wrote ${path.relative(process.cwd(), out)} in ${((performance.now() - t0) / 1000).toFixed(1)} s.`);
		}
	} catch (e) {
		console.error(e instanceof Error ? e.message : e);
		process.exit(1);
	}
}
