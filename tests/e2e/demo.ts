/**
 * The demo dataset loaded into a Node engine: the same files and SQL the browser runs, so a test can
 * compare what a page shows with what the query gives.
 */
import path from 'node:path';
import { openNodeEngine } from '$lib/db/node';
import { loadDataset } from '$lib/db/dataset';
import { readDatasetDir } from '$lib/db/files';
import type { Engine } from '$lib/db/engine';
import type { DatasetMeta } from '$lib/model/schema';

export const DEMO_DIR = path.resolve('static/data/demo');

export async function openDemo(): Promise<{ engine: Engine; meta: DatasetMeta }> {
	const ds = await readDatasetDir(DEMO_DIR);
	const engine = await openNodeEngine();
	await loadDataset(engine, ds.buffers, ds.meta.files);
	return { engine, meta: ds.meta };
}
