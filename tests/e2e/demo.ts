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
import { launch, type Session } from './browser';

export const DEMO_DIR = path.resolve('static/data/demo');

export async function openDemo(): Promise<{ engine: Engine; meta: DatasetMeta }> {
	const ds = await readDatasetDir(DEMO_DIR);
	const engine = await openNodeEngine();
	await loadDataset(engine, ds.buffers, ds.meta.files);
	return { engine, meta: ds.meta };
}

/**
 * What most browser test files start with: the demo under Node (to compare with) and a Chromium
 * session. `beforeAll(async () => ({ engine, asAt, session } = await startDemo()))`.
 */
export async function startDemo(): Promise<{ engine: Engine; meta: DatasetMeta; asAt: string; session: Session }> {
	const { engine, meta } = await openDemo();
	return { engine, meta, asAt: meta.as_at!, session: await launch() };
}

/** `afterAll(() => stopDemo(session, engine))`. */
export async function stopDemo(session?: Session, engine?: Engine): Promise<void> {
	await session?.close();
	await engine?.close();
}
